"""The village's profile: asked on first start, editable later from 文件 → 村庄信息."""

from __future__ import annotations

from collections.abc import Callable

from app.domain import values as v
from app.domain.venue import DEFAULT_AREA_STANDARD
from app.store import models
from app.ui.widgets.forms import FieldSpec, RecordForm


def _count(label: str) -> Callable[[str], int]:
    return lambda text: v.whole_number(text, label, maximum=1_000_000)


VILLAGE_FIELDS = [
    FieldSpec("name", "村名", lambda t: v.required_text(t, "村名", 30), placeholder="如：涌溪村"),
    FieldSpec("township", "所属乡镇", lambda t: v.required_text(t, "所属乡镇", 30), placeholder="如：涌溪乡"),
    FieldSpec("county", "县", lambda t: v.required_text(t, "县", 30), placeholder="如：镇远县"),
    FieldSpec("households", "户数", _count("户数")),
    FieldSpec("adult_population", "18岁以上人口", _count("18岁以上人口")),
    FieldSpec("representatives", "村民代表人数", _count("村民代表人数")),
    FieldSpec(
        "supervision_phone",
        "监督电话",
        lambda t: v.phone_number(t, "监督电话"),
        placeholder="乡镇纪委监督举报电话，如 0855-5721234",
        hint="印在每张公示单上",
    ),
    FieldSpec(
        "venue_area_standard",
        "活动场所面积标准（㎡）",
        lambda t: v.decimal_amount(t, "面积标准", allow_zero=False),
        show=v.format_area,
        hint="默认 400 ㎡（镇远县标准），按本地要求修改",
    ),
]


def check_profile(values: dict) -> None:
    if values["adult_population"] and values["representatives"] > values["adult_population"]:
        raise v.InputError("村民代表人数不能多于18岁以上人口", "representatives")


def village_form(village: models.Village | None, on_save: Callable[[dict], None], parent=None) -> RecordForm:
    if village is None:
        title = "首次使用：填写本村信息"
        values = {"venue_area_standard": DEFAULT_AREA_STANDARD}
    else:
        title = f"村庄信息：{village.name}"
        values = {spec.key: getattr(village, spec.key) for spec in VILLAGE_FIELDS}

    def save(parsed: dict) -> None:
        check_profile(parsed)
        on_save(parsed)

    return RecordForm(title, VILLAGE_FIELDS, values, save, parent)

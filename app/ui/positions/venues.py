"""活动场所: area against the village's standard, work type, investment, the 五大中心 and their rooms."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.domain import values as v
from app.domain.venue import CENTRES, WORK_TYPES, centres_summary, check_area
from app.store import models
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column


def _optional_year(text: str) -> int | None:
    return v.year(text, "建设年度") if (text or "").strip() else None


def venue_kind(session: Session) -> RecordKind:
    def area_check(row):
        return check_area(row.area, session.village.venue_area_standard)

    return RecordKind(
        noun="活动场所",
        model=models.Venue,
        columns=[
            Column("场所名称", lambda r: r.name),
            Column("面积(㎡)", lambda r: v.format_area(r.area), sort_key=lambda r: r.area),
            Column("面积是否达标", lambda r: area_check(r).label, warn=lambda r: not area_check(r).meets),
            Column("建设类型", lambda r: r.work_type),
            Column("年度", lambda r: str(r.year or ""), sort_key=lambda r: r.year or 0),
            Column("投资(元)", lambda r: v.format_money(r.investment), sort_key=lambda r: r.investment),
            Column("五大中心及房间", lambda r: centres_summary(r.centres)),
        ],
        fields=[
            FieldSpec(
                "name", "场所名称", lambda t: v.required_text(t, "场所名称"), placeholder="如：涌溪村村级活动场所"
            ),
            FieldSpec(
                "area",
                "面积（㎡）",
                lambda t: v.decimal_amount(t, "面积", allow_zero=False),
                show=v.format_area,
                placeholder="如：460",
            ),
            FieldSpec("work_type", "建设类型", kind="choice", choices=WORK_TYPES),
            FieldSpec("year", "建设年度", _optional_year, placeholder="如：2016"),
            FieldSpec(
                "investment",
                "投资（元）",
                lambda t: v.decimal_amount(t, "投资"),
                show=v.format_money,
                placeholder="如：820000.00",
            ),
            FieldSpec("centres", "五大中心", kind="centres", choices=CENTRES),
        ],
        order_by=lambda: models.Venue.name,
        describe=lambda r: r.name,
        defaults=lambda: {"investment": 0, "centres": {}},
    )


class VenuesPanel(RecordPanel):
    def __init__(self, session: Session, parent=None):
        self.standard_label = named(QLabel(), "面积标准")
        super().__init__(venue_kind(session), session, parent)
        self.top.addWidget(self.standard_label)

    def reload(self) -> None:
        super().reload()
        standard = self.session.village.venue_area_standard
        below = [r for r in self.model.rows if not check_area(r.area, standard).meets]
        text = f"面积标准：{v.format_area(standard)} ㎡（在“村庄信息”中修改）"
        if below:
            text += f"　　<b style='color:#b00020'>{len(below)} 处未达标</b>"
        self.standard_label.setText(text)

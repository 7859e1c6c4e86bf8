"""民主评议党员: a year's list of the members, their 测评 counts and the branch's grade, with warnings."""

from __future__ import annotations

from collections.abc import Callable


from app.domain import appraisal as a
from app.domain import values as v
from app.store import models
from app.store.appraisal import generate_year, grade_warnings, is_probationary
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind
from app.ui.widgets.year_panel import YearPanel
from app.ui.widgets.table import Column


VOTE_FIELDS = {a.EXCELLENT: "excellent", a.QUALIFIED: "qualified", a.BASIC: "basic", a.UNQUALIFIED: "unqualified"}


def _count(label: str):
    return FieldSpec(VOTE_FIELDS[label], f"{label}票", lambda t: v.whole_number(t or "0", f"{label}票", maximum=9999))


def _votes_column(label: str) -> Column:
    key = VOTE_FIELDS[label]
    return Column(f"{label}票", lambda r: str(getattr(r, key)), sort_key=lambda r: getattr(r, key))


def _check(row, values: dict) -> None:
    if values.get("follow_up") and values.get("grade") != a.UNQUALIFIED:
        raise v.InputError("只有评为不合格的才写处置", "follow_up")


def appraisal_kind() -> RecordKind:
    return RecordKind(
        noun="评议",
        model=models.Appraisal,
        columns=[
            Column("姓名", lambda r: r.member.name),
            Column("类别", lambda r: "预备党员" if is_probationary(r) else "正式党员"),
            Column("个人自评", lambda r: "已完成" if r.self_assessed else "未完成", warn=lambda r: not r.self_assessed),
            *(_votes_column(label) for label in a.GRADES),
            Column("等次", lambda r: r.grade or "未定"),
            Column("处置", lambda r: r.follow_up),
            Column(
                "提醒",
                lambda r: a.follow_up_needed(r.grade, r.follow_up)
                or ("预备党员一般不评为优秀" if is_probationary(r) and r.grade == a.EXCELLENT else ""),
                warn=lambda r: True,
            ),
        ],
        fields=[
            FieldSpec("self_assessed", "个人自评", kind="check", hint="已完成个人自评"),
            *(_count(label) for label in a.GRADES),
            FieldSpec(
                "grade", "等次", kind="choice", choices=("", *a.GRADES), hint="支部综合测评结果确定；空着表示未定"
            ),
            FieldSpec(
                "follow_up",
                "处置",
                lambda t: v.optional_text(t, "处置", 30),
                kind="editable_choice",
                choices=("", *a.FOLLOW_UPS),
            ),
            FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: models.Appraisal.id,
        describe=lambda r: f"{r.year}年 {r.member.name}",
        check=_check,
    )


class AppraisalPanel(YearPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        super().__init__(
            appraisal_kind(),
            session,
            generate_year,
            "生成本年名单",
            "把在册党员列入本年度评议名单（已列入的不重复）",
            parent,
        )
        named(self.note, "评议提醒")
        self.add_action(
            "测评表", lambda: self.year_sheet(open_sheet, "appraisal_ballot"), "打印无记名测评表，会上发给党员"
        )
        self.add_action("评议结果", lambda: self.year_sheet(open_sheet, "appraisal_result"), "打印本年度评议结果")

    def reload(self) -> None:
        super().reload()
        warnings = grade_warnings(self.model.rows)
        self.note.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.note.setStyleSheet("color: #b00020;")
        self.note.setVisible(bool(warnings))

"""民主评议党员: a year's list of the members, their 测评 counts and the branch's grade, with warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox

from app.domain import appraisal as a
from app.domain import values as v
from app.store import models
from app.store.appraisal import generate_year, grade_warnings, is_probationary
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind, RecordPanel
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


class AppraisalPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        self.year = named(QSpinBox(), "评议年度")
        self.year.setRange(2000, dt.date.today().year + 1)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(" 年")
        self.warnings = named(QLabel(), "评议提醒")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        super().__init__(appraisal_kind(), session, parent)
        self.open_sheet = open_sheet
        year_label = QLabel("年度：")
        year_label.setBuddy(self.year)
        self.buttons.insertWidget(0, year_label)
        self.buttons.insertWidget(1, self.year)
        self.year.valueChanged.connect(lambda _: self.reload())
        self.top.addWidget(self.warnings)
        self.add_button.setText("生成本年名单")
        named(self.add_button, "生成本年名单").setToolTip("把在册党员列入本年度评议名单（已列入的不重复）")
        self.add_action("测评表", lambda: self._sheet("appraisal_ballot"), "打印无记名测评表，会上发给党员")
        self.add_action("评议结果", lambda: self._sheet("appraisal_result"), "打印本年度评议结果")

    def menu_actions(self):
        actions = super().menu_actions()
        return [("生成本年名单", self.add) if text.startswith("新增") else (text, handler) for text, handler in actions]

    def rows_query(self):
        query = models.Appraisal.select(models.Appraisal, models.PartyMember).join(models.PartyMember)
        query = query.where(
            (models.Appraisal.village == self.session.village) & (models.Appraisal.year == self.year.value())
        )
        return query.order_by(models.PartyMember.party_group, models.PartyMember.name)

    def reload(self) -> None:
        super().reload()
        warnings = grade_warnings(self.model.rows)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setStyleSheet("color: #b00020;")
        self.warnings.setVisible(bool(warnings))

    def add(self) -> None:
        """New rows are never typed: the year's list is made from the roster."""
        try:
            changes = generate_year(self.session.village, self.year.value())
        except StorageError as error:
            messages.warn(self, "没有生成", str(error))
            return
        if not changes:
            messages.inform(self, "生成本年名单", "在册党员都已在本年度名单里。")
            return
        self.session.record(changes, f"生成{self.year.value()}年评议名单（{len(changes)} 人）")

    def _sheet(self, kind: str) -> None:
        self.open_sheet(kind, f"{self.session.village.id}:{self.year.value()}")

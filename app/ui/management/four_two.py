"""四议两公开: matters, each taken step by step from ① 提议 to ⑥ 实施结果公开, the 应到 of every meeting
step taken from the records, the next step offered only when the one before it passed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.domain import four_two as f
from app.domain import meetings as mt
from app.domain import values as v
from app.store import four_two as store
from app.store import models
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

NO_LINK = "（不关联，直接填写）"


def matter_kind(progress_of: Callable[[], dict]) -> RecordKind:
    """`progress_of` gives each matter's progress, worked out once a reload (not once a cell)."""
    progress = lambda r: progress_of().get(r.id, "")  # noqa: E731
    return RecordKind(
        noun="事项",
        model=models.Matter,
        columns=[
            Column("事项", lambda r: r.title),
            Column("类别", lambda r: r.category),
            Column("来源", lambda r: r.origin),
            Column("计划金额(元)", lambda r: v.format_money(r.planned_amount), sort_key=lambda r: r.planned_amount),
            Column("进度", progress, warn=lambda r: "未通过" in progress(r)),
            Column("状态", lambda r: r.status, warn=lambda r: r.status == f.ENDED),
        ],
        fields=[
            FieldSpec("title", "事项", lambda t: v.required_text(t, "事项"), placeholder="如：村道硬化工程"),
            FieldSpec("category", "类别", kind="choice", choices=f.CATEGORIES),
            FieldSpec("origin", "来源", kind="choice", choices=f.ORIGINS),
            FieldSpec(
                "planned_amount",
                "计划金额（元）",
                lambda t: v.decimal_amount(t or "0", "计划金额"),
                show=v.format_money,
                hint="不涉及资金的填 0",
            ),
            FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: models.Matter.title,
        describe=lambda r: r.title,
        defaults=lambda: {"category": f.MAJOR[1], "origin": f.ORIGINS[0], "planned_amount": Decimal("0")},
    )


def _count(label: str):
    return FieldSpec(
        {"实到": "present", "赞成": "votes_for", "反对": "votes_against", "弃权": "votes_abstain"}[label],
        label,
        lambda t: v.whole_number(t or "0", label, maximum=99999),
    )


def _general_meetings(village, after: dt.date | None) -> dict[str, models.Meeting]:
    query = models.Meeting.select().where((models.Meeting.village == village) & (models.Meeting.kind == mt.GENERAL))
    if after:
        query = query.where(models.Meeting.held_on >= after)
    return {f"{m.held_on:%Y-%m-%d} {m.topics[:20]}": m for m in query.order_by(models.Meeting.held_on.desc())}


def step_fields(number: int, village, previous: dt.date | None) -> list[FieldSpec]:
    date = FieldSpec("held_on", "日期", lambda t: v.date_value(t, "日期", not_after_today=True), show=v.format_date)
    content = FieldSpec(
        "content",
        {5: "公开内容", 6: "实施情况"}.get(number, "内容"),
        lambda t: v.optional_text(t, "内容", v.NOTE_LENGTH),
        kind="text",
        extra={"height": 70},
    )
    form = FieldSpec(
        "form",
        "形式",
        lambda t: v.optional_text(t, "形式", 20),
        kind="editable_choice",
        choices=(f.DEFAULT_FORMS[number],),
    )
    if number in (5, 6):
        fields = [date, form, content]
        if number == 6:
            fields += [
                FieldSpec(
                    "spent", "实际支出（元）", lambda t: v.decimal_amount(t or "0", "实际支出"), show=v.format_money
                ),
                FieldSpec("acceptance", "验收情况", lambda t: v.optional_text(t, "验收情况")),
                FieldSpec("supervision", "监督意见", lambda t: v.optional_text(t, "监督意见")),
            ]
        return fields
    fields = [date, form, content, _count("实到"), _count("赞成"), _count("反对"), _count("弃权")]
    if number == 2:
        fields.append(FieldSpec("merged", "合并召开", kind="check", hint="与提议合并召开（书记、主任一肩挑的村）"))
    if number == 3:
        meetings = _general_meetings(village, previous)
        fields.insert(
            0,
            FieldSpec(
                "meeting",
                "关联党员大会",
                lambda t: meetings.get(t),
                kind="choice",
                choices=[NO_LINK, *meetings],
                hint="选三会一课里已记录的党员大会：日期、人数和票数从那里取，不用再填",
            ),
        )
    if number in (3, 4):
        fields.append(FieldSpec("township_staff", "乡镇参会人员", lambda t: v.optional_text(t, "乡镇参会人员")))
    if number == 4:
        fields[1:1] = [
            FieldSpec("body", "会议", kind="choice", choices=(f.VILLAGERS, f.REPRESENTATIVES)),
            FieldSpec("basis", "应到按", kind="choice", choices=(f.ADULTS, f.HOUSEHOLDS), hint="村民会议才需要选"),
            FieldSpec(
                "authorised", "已获授权", kind="check", hint="村民代表会议决定组织法第二十四条事项：已有村民会议授权"
            ),
        ]
    return fields


class FourTwoPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        self.steps = named(QTableWidget(0, 7), "事项步骤")
        self.steps.setHorizontalHeaderLabels(["轮次", "步骤", "日期", "形式", "应到/实到", "表决", "结果"])
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.progress_of: dict = {}
        super().__init__(matter_kind(lambda: self.progress_of), session, parent)
        self.open_sheet = open_sheet
        self.layout().addWidget(self.steps)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_steps())
        self.add_action("记录下一步", self.record_next, "按顺序记录：提议、商议、审议、决议、决议公开、实施结果公开")
        self.add_action("终止事项", self.end, "某一步未通过时，终止这个事项（记录保留）")
        self.add_action("重新提议", self.restart, "某一步未通过时，退回从提议重新开始（原记录保留）")
        self.add_action("决议公开", lambda: self._sheet("resolution_notice"), "第④步通过后，打印决议公开")
        self.add_action("实施结果公开", lambda: self._sheet("result_notice"), "第⑥步记录后，打印实施结果公开")
        self.add_action(
            "年度台账",
            lambda: open_sheet("matter_register", f"{session.village.id}:{dt.date.today().year}"),
            "本年度的事项和进度",
        )

    def reload(self) -> None:
        village = self.session.village
        self.progress_of = {
            m.id: store.progress(m) for m in models.Matter.select().where(models.Matter.village == village)
        }
        super().reload()
        self.show_steps()

    def _reload_if_affected(self, tables: frozenset) -> None:
        if models.MatterStep in tables:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def show_steps(self) -> None:
        matter = self.selected()
        steps = store.steps_of(matter, this_round=False) if matter else []
        self.steps.setRowCount(len(steps))
        for row, step in enumerate(steps):
            result = store.outcome(step)
            votes = f"{step.votes_for}/{step.votes_against}/{step.votes_abstain}" if result else ""
            texts = [
                str(step.round),
                f"{'①②③④⑤⑥'[step.number - 1]} {f.STEP_TITLES[step.number]}",
                v.format_date(step.held_on),
                step.form + ("（与提议合并）" if step.merged else ""),
                f"{step.expected}/{step.present}" if result else "",
                votes,
                f"{result.validity}；{result.result}" if result else step.content[:40],
            ]
            for column, text in enumerate(texts):
                self.steps.setItem(row, column, QTableWidgetItem(text))
        self.steps.resizeColumnsToContents()

    def _chosen(self, verb: str):
        matter = self.selected()
        if matter is None:
            messages.inform(self, verb, "请先在列表中选中一个事项。")
        return matter

    def _apply(self, changes_of: Callable[[], list], text: str) -> bool:
        try:
            changes = changes_of()
        except StorageError as error:
            messages.warn(self, "没有保存", str(error))
            return False
        self.session.record(changes, text)
        return True

    def record_next(self) -> None:
        matter = self._chosen("记录下一步")
        if matter is None:
            return
        number, why_not = store.next_step(matter)
        if number is None:
            messages.inform(self, "记录下一步", why_not)
            return
        earlier = store.steps_of(matter)
        previous = earlier[-1].held_on if earlier else None
        village = self.session.village
        fields = step_fields(number, village, previous)
        values = {"held_on": dt.date.today(), "form": f.DEFAULT_FORMS[number], "body": f.VILLAGERS}
        if number in f.MEETING_STEPS:
            expected = store.expected_at(village, number, dt.date.today())
            fields[0].hint = f"应到人数由程序按记录算出（今天是 {expected} 人；村民会议、代表会议按村庄信息）"

        def save(parsed: dict) -> None:
            if parsed.get("meeting") is None:
                parsed.pop("meeting", None)
            changes = store.record_step(matter, parsed)
            self.session.record(changes, f"{matter.title}：{f.STEP_TITLES[number]}")

        title = f"{matter.title}：{'①②③④⑤⑥'[number - 1]} {f.STEP_TITLES[number]}"
        form = RecordForm(title, fields, values, save, self)
        self.step_form = form  # tests reach the open form here
        open_transient(form)

    def end(self) -> None:
        matter = self._chosen("终止事项")
        if matter and messages.confirm(self, "终止事项", f"确定终止事项“{matter.title}”吗？已有的记录都会保留。"):
            self._apply(lambda: store.end_matter(matter), f"终止事项“{matter.title}”")

    def restart(self) -> None:
        matter = self._chosen("重新提议")
        if matter is None:
            return
        number, _why = store.next_step(matter)
        if number is not None or matter.status != f.IN_PROGRESS:
            messages.inform(self, "重新提议", "只有某一步未通过的事项才退回重新提议。")
            return
        self._apply(lambda: store.back_to_proposal(matter), f"“{matter.title}”退回重新提议")

    def delete_selected(self) -> None:
        matter = self._chosen("删除")
        if matter and messages.confirm(
            self, "确认删除", f"确定删除事项“{matter.title}”及其全部步骤记录吗？\n可用“编辑 → 撤销”恢复。"
        ):
            self._apply(lambda: store.delete_matter(matter), f"删除事项“{matter.title}”")

    def _sheet(self, kind: str) -> None:
        matter = self._chosen("打印")
        if matter is not None:
            self.open_sheet(kind, str(matter.id))

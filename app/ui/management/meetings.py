"""三会一课: meetings with attendance picked from the roster, validity and results computed, late entries
marked 补录, and the year's calendar of what the rules require against what is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain import meetings as mt
from app.domain import values as v
from app.store import deletion, models, records
from app.store import meetings as store
from app.store import members as roster
from app.store import settings
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import dialog_buttons, fit_to_screen, named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

WARNING = QColor("#b00020")


def _optional_count(label: str) -> Callable[[str], int | None]:
    return lambda text: v.whole_number(text, label, maximum=9999) if (text or "").strip() else None


def _attendance_text(meeting, rows) -> str:
    counts = store.counts(meeting, rows)
    return f"{counts.present}/{counts.expected}" if counts.expected else "未登记"


def _outcome_text(meeting, rows) -> str:
    if not rows:
        return "待登记出席"
    result = store.outcome(meeting, rows)
    if result.valid is None:
        return ""
    text = "有效" if result.valid else "无效"
    if result.passed is not None:
        text += "，通过" if result.passed else "，未通过"
    return text


def _check_meeting(row, values: dict) -> None:
    if values["kind"] == mt.GROUP and not values.get("party_group"):
        raise v.InputError("党小组会请填写是哪个党小组", "party_group")
    votes = [values.get(key) for key in ("votes_for", "votes_against", "votes_abstain")]
    if any(vote is not None for vote in votes) and values.get("votes_for") is None:
        raise v.InputError("有表决的，请填写赞成票数", "votes_for")


def meeting_kind(session: Session, late_days: Callable[[], int], attendance: Callable[[], dict]) -> RecordKind:
    """`attendance` gives every meeting's rows, read once a reload (not once a cell)."""
    today = dt.date.today

    def rows(meeting) -> list:
        return attendance().get(meeting.id, [])

    return RecordKind(
        noun="会议",
        model=models.Meeting,
        columns=[
            Column("日期", lambda r: v.format_date(r.held_on)),
            Column("类型", lambda r: r.kind if r.kind != mt.GROUP else f"{r.kind}（{r.party_group}）"),
            Column("议题", lambda r: r.topics.splitlines()[0] if r.topics else ""),
            Column("主持人", lambda r: r.host),
            Column("实到/应到", lambda r: _attendance_text(r, rows(r))),
            Column(
                "有效与表决",
                lambda r: _outcome_text(r, rows(r)),
                warn=lambda r: any(word in _outcome_text(r, rows(r)) for word in ("无效", "未通过")),
            ),
            Column("补录", lambda r: mt.late_mark(r.held_on, r.entered_on, late_days()), warn=lambda r: True),
        ],
        fields=[
            FieldSpec("kind", "类型", kind="choice", choices=mt.KINDS),
            FieldSpec(
                "held_on",
                "日期",
                lambda t: v.date_value(t, "日期"),
                show=v.format_date,
                placeholder="如：2026-10-15",
                hint="会后超过规定天数（默认 3 天）才录入的，列表和打印件上会标明“补录”",
            ),
            FieldSpec("place", "地点", lambda t: v.optional_text(t, "地点"), placeholder="如：村党员活动室"),
            FieldSpec("host", "主持人", lambda t: v.optional_text(t, "主持人", 30)),
            FieldSpec("recorder", "记录人", lambda t: v.optional_text(t, "记录人", 30)),
            FieldSpec(
                "party_group",
                "党小组",
                lambda t: v.optional_text(t, "党小组", 20),
                kind="editable_choice",
                choices=lambda: roster.party_groups(session.village),
                hint="只有党小组会需要填写",
            ),
            FieldSpec(
                "topics", "议题", lambda t: v.optional_text(t, "议题", v.NOTE_LENGTH), kind="text", extra={"height": 60}
            ),
            FieldSpec(
                "minutes", "发言要点", lambda t: v.optional_text(t, "发言要点", 3000), kind="text", extra={"height": 90}
            ),
            FieldSpec(
                "decisions",
                "决议",
                lambda t: v.optional_text(t, "决议", v.NOTE_LENGTH),
                kind="text",
                extra={"height": 60},
            ),
            FieldSpec("election", "选举", kind="check", hint="这次是选举（到会须超过五分之四）"),
            FieldSpec("votes_for", "赞成票", _optional_count("赞成票"), placeholder="没有表决的不填"),
            FieldSpec("votes_against", "反对票", _optional_count("反对票")),
            FieldSpec("votes_abstain", "弃权票", _optional_count("弃权票")),
            FieldSpec(
                "observers", "列席人员", lambda t: v.optional_text(t, "列席人员"), placeholder="如：乡党委组织委员 王某"
            ),
        ],
        order_by=lambda: models.Meeting.held_on.desc(),
        describe=lambda r: f"{v.format_date(r.held_on)} {r.kind}",
        defaults=lambda: {"kind": mt.GENERAL, "held_on": today()},
        check=_check_meeting,
        on_new=lambda record: setattr(record, "entered_on", today()),
    )


class MeetingsPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        self.late_days = settings.late_entry_days()
        self.attendance: dict = {}
        super().__init__(meeting_kind(session, lambda: self.late_days, lambda: self.attendance), session, parent)
        self.open_sheet = open_sheet
        self.add_action("出席情况", self.edit_attendance, "从花名册勾选出席的人，缺席的写明原因")
        self.add_action("签到表", lambda: self._sheet("sign_in"), "会前打印：应到人员名单和签名栏")
        self.add_action("会议记录", lambda: self._sheet("meeting_minutes"), "打印会议记录归档")
        self.add_action("年度要求", self.show_calendar, "按月查看规定要开的会和已记录的会，缺什么一目了然")

    def reload(self) -> None:
        self.late_days = settings.late_entry_days()  # read once a reload, not once a row
        self.attendance = store.attendance_by_meeting(self.session.village)
        super().reload()

    def _reload_if_affected(self, tables: frozenset) -> None:
        if models.Setting in tables or models.Attendance in tables:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _chosen(self, verb: str):
        meeting = self.selected()
        if meeting is None:
            messages.inform(self, verb, "请先在列表中选中一次会议。")
        return meeting

    def _sheet(self, kind: str) -> None:
        meeting = self._chosen("打印")
        if meeting is not None:
            self.open_sheet(kind, str(meeting.id))

    def edit_attendance(self) -> None:
        meeting = self._chosen("出席情况")
        if meeting is None:
            return
        dialog = AttendanceDialog(self.session, meeting, self)
        self.attendance_dialog = dialog  # tests reach the open dialog here
        open_transient(dialog)

    def show_calendar(self) -> None:
        dialog = CalendarDialog(self.session, dt.date.today(), self)
        self.calendar_dialog = dialog
        open_transient(dialog)

    def delete_selected(self) -> None:
        """A meeting goes with its attendance, as one step that Ctrl+Z takes back."""
        meeting = self.selected()
        if meeting is None:
            messages.inform(self, "删除", "请先在列表中选中要删除的会议。")
            return
        name = self.kind.describe(meeting)
        if not messages.confirm(self, "确认删除", f"确定删除会议“{name}”及其出席记录吗？\n可用“编辑 → 撤销”恢复。"):
            return
        try:
            changes = deletion.delete_with_children(meeting, expected=records.snapshot(meeting))
        except StorageError as error:
            messages.warn(self, "没有删除", str(error))
            return
        self.session.record(changes, f"删除会议“{name}”")


class AttendanceDialog(QDialog):
    """The people the meeting expects, from the roster: tick who came; write why the others did not."""

    def __init__(self, session: Session, meeting: models.Meeting, parent=None):
        super().__init__(parent)
        self.session, self.meeting = session, meeting
        title = f"出席情况：{v.format_date(meeting.held_on)} {meeting.kind}"
        self.setWindowTitle(title)
        named(self, "出席情况")
        recorded = {row.member_id: row for row in store.attendance_of(meeting)}
        people = store.expected_people(session.village, meeting.kind, meeting.party_group, meeting.held_on)
        people += [row.member for row in recorded.values() if row.member_id not in {p.id for p in people}]
        self.people = people
        layout = QVBoxLayout(self)
        note = "应到人员按会议类型从花名册得出（预备党员可出席、无表决权）。"
        layout.addWidget(QLabel(note))
        self.table = named(QTableWidget(len(people), 4), "应到人员")
        self.table.setHorizontalHeaderLabels(["姓名", "类别", "出席", "缺席原因"])
        self.checks: dict = {}
        self.reasons: dict = {}
        for row, person in enumerate(people):
            self.table.setItem(row, 0, QTableWidgetItem(person.name))
            voter = store.has_a_vote(person, meeting.kind, meeting.held_on)
            self.table.setItem(row, 1, QTableWidgetItem("正式党员" if voter else "预备党员（无表决权）"))
            check = named(QCheckBox(), f"{person.name}出席")
            previous = recorded.get(person.id)
            check.setChecked(previous is None or previous.status == mt.PRESENT)
            reason = named(QLineEdit(previous.reason if previous else ""), f"{person.name}缺席原因")
            reason.setPlaceholderText("如：外出务工、生病")
            reason.setMaxLength(v.NAME_LENGTH)  # a reason, not an essay: the field stops at the limit
            check.toggled.connect(self._update)
            self.table.setCellWidget(row, 2, check)
            self.table.setCellWidget(row, 3, reason)
            self.checks[person.id], self.reasons[person.id] = check, reason
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = named(QLabel(), "出席统计")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = dialog_buttons(
            (QDialogButtonBox.StandardButton.Save, "保存"), (QDialogButtonBox.StandardButton.Cancel, "取消")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()
        fit_to_screen(self, 640, 560)

    def _present(self) -> dict:
        return {member_id: check.isChecked() for member_id, check in self.checks.items()}

    def _update(self) -> None:
        present = self._present()
        rows = [
            models.Attendance(member=person, status=mt.PRESENT if present[person.id] else mt.ABSENT)
            for person in self.people
        ]
        result = store.outcome(self.meeting, rows)
        self.summary.setText("；".join(text for text in (result.validity, result.result) if text))

    def save(self) -> None:
        present = self._present()
        missing = [p.name for p in self.people if not present[p.id] and not self.reasons[p.id].text().strip()]
        if missing:
            messages.inform(self, "缺席原因", f"请写明缺席原因：{'、'.join(missing)}")
            return
        reasons = {member_id: box.text().strip() for member_id, box in self.reasons.items()}
        try:
            changes = store.record_attendance(self.meeting, present, reasons)
        except StorageError as error:
            messages.warn(self, "没有保存", str(error))
            return
        self.session.record(changes, f"登记出席：{v.format_date(self.meeting.held_on)} {self.meeting.kind}")
        self.accept()


class CalendarDialog(QDialog):
    """The year month by month: meetings recorded of each kind, and what the rules still require."""

    def __init__(self, session: Session, today: dt.date, parent=None):
        super().__init__(parent)
        self.session, self.village, self.today = session, session.village, today
        self.setWindowTitle("三会一课年度要求")
        named(self, "三会一课年度要求")
        layout = QVBoxLayout(self)
        self.year = named(QSpinBox(), "年度")
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year.setSuffix(" 年")
        self.year.valueChanged.connect(self.fill)
        year_row = QHBoxLayout()
        year_label = QLabel("年度：")
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        layout.addLayout(year_row)
        self.table = named(QTableWidget(len(mt.KINDS), 13), "各月会议")
        self.table.setHorizontalHeaderLabels([f"{n}月" for n in range(1, 13)] + ["要求"])
        self.table.setVerticalHeaderLabels(list(mt.KINDS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(12, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.missing = named(QLabel(), "缺少的会议")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.missing)
        change = named(QPushButton("修改要求…"), "修改要求")
        change.setToolTip("乡镇规定的次数与默认不同时，在这里修改（所有村通用）")
        change.clicked.connect(self.change_requirements)
        layout.addWidget(change, 0, Qt.AlignmentFlag.AlignRight)
        session.changed.connect(lambda tables: self.fill() if models.Setting in tables else None)
        self.fill()
        fit_to_screen(self, 900, 420)

    def change_requirements(self) -> None:
        dialog = RequirementsDialog(self.session, self)
        self.requirements_dialog = dialog  # tests reach the open dialog here
        open_transient(dialog)

    def fill(self) -> None:
        year = self.year.value()
        held = store.held_dates(self.village, year)
        rules = settings.meeting_requirements()
        found = mt.gaps(held, year, self.today, rules, roster.party_groups(self.village))
        for row, kind in enumerate(mt.KINDS):
            period, required = rules[kind]
            for month in range(1, 13):
                count = sum(1 for day in held.get(kind, []) if day.month == month)
                item = QTableWidgetItem(str(count) if count else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, month - 1, item)
            self.table.setItem(row, 12, QTableWidgetItem(f"{period}至少 {required} 次"))
        for gap in found:
            if not gap.over:
                continue
            kind = mt.GROUP if gap.kind.startswith(mt.GROUP) else gap.kind  # each group's gap shows in the row
            row = mt.KINDS.index(kind)
            period = rules[kind][0]
            item = self.table.item(row, mt.period_end_month(period, gap.number) - 1)
            if "缺" not in item.text():
                item.setText(f"{item.text()} 缺".strip())
            item.setForeground(QBrush(WARNING))
        over = [f"{gap.kind}{gap.period}（已开 {gap.held} 次，应开 {gap.required} 次）" for gap in found if gap.over]
        due = [f"{gap.kind}{gap.period}" for gap in found if not gap.over]
        lines = [f"缺少：{'；'.join(over)}" if over else "已过去的各月、各季度都已按要求开会。"]
        if due:
            lines.append(f"本期还要开：{'、'.join(due)}")
        self.missing.setText("\n".join(lines))


class RequirementsDialog(QDialog):
    """How often each kind of meeting is required, and after how many days an entry is 补录."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("会议要求")
        named(self, "会议要求")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("按《中国共产党支部工作条例（试行）》设了默认值；乡镇另有规定的可以修改。"))
        form = QFormLayout()
        self.rows: dict[str, tuple[QComboBox, QSpinBox]] = {}
        for kind, (period, required) in settings.meeting_requirements().items():
            periods = named(QComboBox(), f"{kind}周期")
            periods.addItems([mt.MONTH, mt.QUARTER, mt.YEAR])
            periods.setCurrentText(period)
            count = named(QSpinBox(), f"{kind}次数")
            count.setRange(0, 31)
            count.setValue(required)
            count.setPrefix("至少 ")
            count.setSuffix(" 次")
            row = QHBoxLayout()
            row.addWidget(periods)
            row.addWidget(count)
            label = QLabel(f"{kind}：")
            label.setBuddy(periods)
            form.addRow(label, row)
            self.rows[kind] = (periods, count)
        self.late = named(QSpinBox(), "补录天数")
        self.late.setRange(0, 60)
        self.late.setValue(settings.late_entry_days())
        self.late.setSuffix(" 天")
        late_label = QLabel("会后超过多少天录入算补录：")
        late_label.setBuddy(self.late)
        form.addRow(late_label, self.late)
        layout.addLayout(form)
        buttons = dialog_buttons(
            (QDialogButtonBox.StandardButton.Save, "保存"), (QDialogButtonBox.StandardButton.Cancel, "取消")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        requirements = {kind: [periods.currentText(), count.value()] for kind, (periods, count) in self.rows.items()}
        try:
            changes = settings.put_many(
                {settings.MEETING_REQUIREMENTS: requirements, settings.LATE_ENTRY_DAYS: self.late.value()}
            )
        except StorageError as error:
            messages.warn(self, "没有保存", str(error))
            return
        self.session.record(changes, "修改会议要求")
        self.accept()

"""教育培训: the 师资库, sessions with their trainers picked from it, the trainees picked from the 班子 and the
roster with their test scores, each person's hours in the year against the target, and the two sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain import training as t
from app.domain import values as v
from app.domain.masking import mask_phone
from app.store import deletion, models, records
from app.store import training as store
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import ERROR_STYLE, FieldSpec, RecordForm
from app.ui.widgets.labels import button, choice_table, dialog_buttons, fit_to_screen, named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column
from app.ui.widgets.panel_dialog import PanelDialog

SHORT_COLOUR = QColor("#fff1cc")


def _trainer_choices(village) -> dict[str, models.Trainer]:
    return {store.trainer_label(row): row for row in store.trainers(village)}


def _hours(text: str) -> Decimal:
    hours = v.decimal_amount(text, "学时", places=1, allow_zero=False)
    if hours > 200:
        raise v.InputError("一次培训的学时不超过 200")
    return hours


def session_kind(session: Session, counts: Callable[[], dict]) -> RecordKind:
    def trainers(text: str) -> list[str]:
        choices = _trainer_choices(session.village)
        names = [name for name in (text or "").split("、") if name]
        if not names:
            raise v.InputError("请勾选授课人（先在“师资库”里登记）")
        return [str(choices[name].id) for name in names if name in choices]

    def show_trainers(ids) -> str:
        labels = {str(row.id): store.trainer_label(row) for row in store.trainers(session.village)}
        return "、".join(labels[str(i)] for i in ids or [] if str(i) in labels)

    return RecordKind(
        noun="培训",
        model=models.TrainingSession,
        columns=[
            Column("日期", lambda r: v.format_date(r.held_on), sort_key=lambda r: r.held_on),
            Column("培训主题", lambda r: r.topic),
            Column("主办单位", lambda r: r.organiser),
            Column("方式", lambda r: r.method),
            Column("学时", lambda r: v.format_area(r.hours), sort_key=lambda r: r.hours),
            Column("授课人", lambda r: "、".join(row.name for row in store.trainers_of(r))),
            Column(
                "参训人数",
                lambda r: str(counts().get(r.id, 0)),
                sort_key=lambda r: counts().get(r.id, 0),
                warn=lambda r: not counts().get(r.id),
            ),
            Column("地点", lambda r: r.place),
        ],
        fields=[
            FieldSpec("held_on", "日期", lambda x: v.date_value(x, "日期", not_after_today=True), show=v.format_date),
            FieldSpec("topic", "培训主题", lambda x: v.required_text(x, "培训主题")),
            FieldSpec("place", "地点", lambda x: v.optional_text(x, "地点")),
            FieldSpec(
                "organiser",
                "主办单位",
                lambda x: v.optional_text(x, "主办单位"),
                kind="editable_choice",
                choices=t.ORGANISERS,
            ),
            FieldSpec("method", "培训方式", kind="choice", choices=t.METHODS),
            FieldSpec("hours", "学时", _hours, show=v.format_area, hint="按培训通知上的学时填写，可有一位小数"),
            FieldSpec(
                "trainers",
                "授课人",
                trainers,
                kind="checks",
                choices=lambda: list(_trainer_choices(session.village)),
                show=show_trainers,
            ),
        ],
        order_by=lambda: models.TrainingSession.held_on.desc(),
        describe=lambda r: f"{v.format_date(r.held_on)} {r.topic}",
        defaults=lambda: {"held_on": dt.date.today(), "method": t.METHODS[0], "hours": Decimal("2")},
        save=lambda record, values, expected: store.save_session(record, values["trainers"], expected),
        extra_values=lambda row: {"trainers": [str(trainer.id) for trainer in store.trainers_of(row)]},
    )


class TrainingPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        self.counts: dict = {}
        super().__init__(session_kind(session, lambda: self.counts), session, parent)
        self.open_sheet = open_sheet
        for text, handler, tip in (
            ("参训人员…", self.edit_trainees, "从班子成员和党员花名册勾选参训的人，填写测试成绩"),
            ("师资库…", self.edit_trainers, "授课人：姓名、单位、擅长领域、电话（电话不上打印件）"),
            ("年度学时…", self.show_year, "每人本年度参训次数和学时，未达到年度要求的标出"),
            ("培训记录", self.session_sheet, "打印选中培训的记录：时间、地点、主题、授课人、参训人员和成绩"),
            ("学时要求…", self.edit_rules, "每人每年应参加集中培训的学时"),
        ):
            self.add_action(text, handler, tip)

    def reload(self) -> None:
        self.counts = store.trainee_counts(self.session.village)
        super().reload()

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.Trainee, models.Trainer, models.SessionTrainer}:
            self.reload()
        else:
            super()._reload_if_affected(tables)

    def _chosen(self, verb: str) -> models.TrainingSession | None:
        chosen = self.selected()
        if chosen is None:
            messages.inform(self, verb, "请先在列表中选中一次培训。")
        return chosen

    def edit_trainees(self) -> None:
        chosen = self._chosen("参训人员")
        if chosen is None:
            return
        dialog = TraineesDialog(self.session, chosen, self)
        self.trainees_dialog = dialog  # tests reach the open dialog here
        open_transient(dialog)

    def edit_trainers(self) -> None:
        dialog = TrainersDialog(self.session, self)
        self.trainers_dialog = dialog
        open_transient(dialog)

    def show_year(self) -> None:
        dialog = YearHoursDialog(self.session, self.open_sheet, self)
        self.year_dialog = dialog
        open_transient(dialog)

    def session_sheet(self) -> None:
        chosen = self._chosen("培训记录")
        if chosen is not None:
            self.open_sheet("training_session", str(chosen.id))

    def edit_rules(self) -> None:
        from app.store import settings

        fields = [
            FieldSpec(
                "year_hours",
                "每人每年至少（学时）",
                lambda x: str(v.decimal_amount(x, "学时", places=1, allow_zero=False)),
                hint="《2019—2023年全国党员教育培训工作规划》：党员每年集中学习培训一般不少于 32 学时",
            )
        ]

        def save(parsed: dict) -> None:
            self.session.record([settings.put(store.RULES, parsed)], "修改培训学时要求")

        form = RecordForm("培训学时要求", fields, {"year_hours": v.format_area(store.year_hours_target())}, save, self)
        self.rules_form = form
        open_transient(form)

    def delete_selected(self) -> None:
        """A session goes with its trainees, as one step that Ctrl+Z takes back."""
        chosen = self.selected()
        if chosen is None:
            messages.inform(self, "删除", "请先在列表中选中要删除的培训。")
            return
        name = self.kind.describe(chosen)
        if not messages.confirm(self, "确认删除", f"确定删除培训“{name}”及其参训记录吗？\n可用“编辑 → 撤销”恢复。"):
            return
        try:
            changes = deletion.delete_with_children(chosen, expected=records.snapshot(chosen))
        except StorageError as error:
            messages.warn(self, "没有删除", str(error))
            return
        self.session.record(changes, f"删除培训“{name}”")


class TraineesDialog(QDialog):
    """The people of the session's day — 班子成员 first, then the roster — to tick, each with a test score."""

    def __init__(self, session: Session, training: models.TrainingSession, parent=None):
        super().__init__(parent)
        self.session, self.training = session, training
        title = f"参训人员：{v.format_date(training.held_on)} {training.topic}"
        self.setWindowTitle(title)
        named(self, "参训人员")
        self.people = store.session_candidates(training)
        recorded = {store.trainee_key(row): row for row in store.trainees_of(training)}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("勾选参加这次培训的人；有测试的，填写成绩（0—100 分）。"))
        self.table = named(QTableWidget(len(self.people), 4), "可选人员")
        self.table.setHorizontalHeaderLabels(["姓名", "身份", "参训", "测试成绩"])
        self.checks: dict[str, QCheckBox] = {}
        self.scores: dict[str, QLineEdit] = {}
        for row, person in enumerate(self.people):
            self.table.setItem(row, 0, QTableWidgetItem(person.name))
            self.table.setItem(row, 1, QTableWidgetItem(person.role))
            check = named(QCheckBox(), f"{person.name}参训")
            check.setChecked(person.key in recorded)
            check.toggled.connect(self._update)
            score = named(QLineEdit(), f"{person.name}测试成绩")
            previous = recorded.get(person.key)
            score.setText(v.format_area(previous.score) if previous else "")
            score.setPlaceholderText("无测试不填")
            self.table.setCellWidget(row, 2, check)
            self.table.setCellWidget(row, 3, score)
            self.checks[person.key], self.scores[person.key] = check, score
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        all_button = button("全选")
        all_button.clicked.connect(lambda: [box.setChecked(True) for box in self.checks.values()])
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(all_button)
        self.summary = named(QLabel(), "参训统计")
        row_buttons.addWidget(self.summary, 1)
        layout.addLayout(row_buttons)
        self.error = named(QLabel(), "参训人员提示")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = dialog_buttons(
            (QDialogButtonBox.StandardButton.Save, "保存"), (QDialogButtonBox.StandardButton.Cancel, "取消")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()
        fit_to_screen(self, 560, 600)

    def _update(self) -> None:
        chosen = sum(box.isChecked() for box in self.checks.values())
        self.summary.setText(f"已选 {chosen} 人，共 {len(self.people)} 人可选")

    def chosen(self) -> dict[str, Decimal | None] | None:
        """Key → score of the ticked people; None (with the message shown at the score) when a score is wrong."""
        result = {}
        for person in self.people:
            if not self.checks[person.key].isChecked():
                continue
            text = self.scores[person.key].text().strip()
            try:
                score = v.decimal_amount(text, f"{person.name}的测试成绩", places=1) if text else None
                if score is not None and score > 100:
                    raise v.InputError(f"{person.name}的测试成绩应在 0—100 分之间")
            except v.InputError as error:
                self.error.setText(str(error.args[0]))
                self.scores[person.key].setFocus(Qt.FocusReason.OtherFocusReason)
                return None
            result[person.key] = score
        return result

    def save(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        try:
            changes = store.record_trainees(self.training, chosen, self.people)
        except StorageError as error:
            messages.warn(self, "没有保存", str(error))
            return
        self.session.record(changes, f"登记参训人员：{v.format_date(self.training.held_on)} {self.training.topic}")
        self.accept()


def trainer_kind() -> RecordKind:
    return RecordKind(
        noun="授课人",
        model=models.Trainer,
        columns=[
            Column("姓名", lambda r: r.name),
            Column("单位", lambda r: r.unit),
            Column("擅长领域", lambda r: r.specialty),
            Column("电话", lambda r: mask_phone(r.phone)),
            Column("备注", lambda r: r.note),
        ],
        fields=[
            FieldSpec("name", "姓名", lambda x: v.required_text(x, "姓名", 30)),
            FieldSpec("unit", "单位", lambda x: v.optional_text(x, "单位")),
            FieldSpec("specialty", "擅长领域", lambda x: v.optional_text(x, "擅长领域")),
            FieldSpec(
                "phone",
                "电话",
                lambda x: v.phone_number(x) if (x or "").strip() else "",
                hint="只在本机查看，打印件上不出现",
            ),
            FieldSpec("note", "备注", lambda x: v.optional_text(x, "备注", v.NOTE_LENGTH)),
        ],
        order_by=lambda: (models.Trainer.unit, models.Trainer.name),
        describe=lambda r: r.name,
    )


class TrainersDialog(PanelDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("师资库", RecordPanel(trainer_kind(), session), parent, size=(820, 520))


class YearHoursDialog(QDialog):
    """Each person's sessions and hours in a year; those short of the target first, marked."""

    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(parent)
        self.session, self.open_sheet = session, open_sheet
        self.setWindowTitle("年度学时")
        named(self, "年度学时")
        self.year = named(QSpinBox(), "年度")
        self.year.setRange(2000, dt.date.today().year)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(" 年")
        self.year.valueChanged.connect(lambda _: self.reload())
        year_label = QLabel("年度：")
        year_label.setBuddy(self.year)
        print_button = button("年度汇总", "打印本年度的培训班次和每人学时")
        print_button.clicked.connect(lambda: open_sheet("training_year", f"{session.village.id}:{self.year.value()}"))
        top = QHBoxLayout()
        for widget in (year_label, self.year):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(print_button)
        self.summary = named(QLabel(), "学时统计")
        self.table = choice_table("每人学时", ["姓名", "身份", "参训次数", "学时", "平均成绩", "是否达标"])
        close = button("关闭")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()
        fit_to_screen(self, 640, 560)

    def reload(self) -> None:
        target = store.year_hours_target()
        people = store.year_people(self.session.village, self.year.value())
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            short = person.short_of(target)
            cells = [
                person.name,
                person.role,
                str(person.sessions),
                v.format_area(person.hours),
                v.format_area(person.average_score),
                f"差 {v.format_area(short)} 学时" if short else "达标",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if short:
                    item.setBackground(SHORT_COLOUR)
                self.table.setItem(row, column, item)
        behind = sum(1 for p in people if p.short_of(target))
        self.summary.setText(
            f"年度要求每人不少于 {v.format_area(target)} 学时；共 {len(people)} 人，未达到 {behind} 人。"
        )

"""党员花名册: members and the pipeline before membership; ID numbers masked unless the clerk asks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel

from app.domain import members as m
from app.domain import periods
from app.domain import values as v
from app.domain.masking import mask_id_number
from app.store import models
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.id_reveal import IdReveal
from app.ui.widgets.labels import named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

SHOWN = {
    "在册党员": lambda: models.PartyMember.stage.in_(m.MEMBER_STAGES)
    & models.PartyMember.status.in_(m.ACTIVE_STATUSES),
    "入党积极分子等": lambda: models.PartyMember.stage.not_in(m.MEMBER_STAGES)
    & models.PartyMember.status.in_(m.ACTIVE_STATUSES),
    "已离开（转出、出党、去世）": lambda: models.PartyMember.status.not_in(m.ACTIVE_STATUSES),
    "全部": lambda: models.PartyMember.id.is_null(False),
}


def _today() -> dt.date:
    return dt.date.today()


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _date_field(key: str, label: str, required: bool = False) -> FieldSpec:
    return FieldSpec(
        key,
        label,
        lambda t, label=label: v.date_value(t, label, required=required, not_after_today=True),
        show=v.format_date,
        placeholder="如：2020-07-01",
    )


def member_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", "姓名", lambda t: v.required_text(t, "姓名", 30)),
        FieldSpec(
            "id_number",
            "身份证号",
            lambda t: v.id_number(t),
            hint="填了身份证号，出生日期和性别可不填，由号码得出",
            placeholder="18 位，如 522625199001011233",
        ),
        FieldSpec("gender", "性别", kind="choice", choices=("", *m.GENDERS)),
        _date_field("birth_date", "出生日期"),
        FieldSpec(
            "ethnicity",
            "民族",
            lambda t: v.optional_text(t, "民族", 10),
            kind="editable_choice",
            choices=m.COMMON_ETHNICITIES,
        ),
        FieldSpec("education", "学历", kind="choice", choices=("", *m.EDUCATIONS)),
        FieldSpec("stage", "类别", kind="choice", choices=m.STAGES),
        *(_date_field(key, label) for _stage, key, label in m.STAGE_DATES),
        FieldSpec("party_group", "党小组", lambda t: v.optional_text(t, "党小组", 20), placeholder="如：第一党小组"),
        FieldSpec("phone", "联系电话", lambda t: v.optional_phone(t)),
        FieldSpec("address", "住址", lambda t: v.optional_text(t, "住址")),
        FieldSpec("occupation", "职业", lambda t: v.optional_text(t, "职业", 30), placeholder="如：务农"),
        FieldSpec("status", "状态", kind="choice", choices=m.STATUSES),
        _date_field("status_since", "状态起始时间"),
        FieldSpec(
            "status_note",
            "状态说明",
            lambda t: v.optional_text(t, "状态说明"),
            placeholder="流动党员写去向，转出写转往何处",
        ),
        FieldSpec("hardship", "困难党员", kind="check", hint="困难党员"),
        FieldSpec("veteran", "老党员", kind="check", hint="老党员"),
        FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
    ]


def check_member(village, row, values: dict) -> None:
    """Cross-field rules: what the ID number says, the order of the dates, one person once on the roster."""
    v.agree_with_id(values)
    number = values.get("id_number", "")
    if number:
        same = models.PartyMember.select().where(
            (models.PartyMember.id_number == number) & (models.PartyMember.village == village)
        )
        if any(other.id != getattr(row, "id", None) for other in same):
            raise v.InputError("花名册里已有这个身份证号的人", "id_number")
    m.check_dates(m.MemberDates(**{key: values.get(key) for key in m.MemberDates.__dataclass_fields__}))


def member_columns(id_text: Callable[[str], str]) -> list[Column]:
    today = _today
    return [
        Column("姓名", lambda r: r.name),
        Column("性别", lambda r: r.gender),
        Column(
            "年龄",
            lambda r: _number(v.years_between(r.birth_date, today())),
            sort_key=lambda r: v.years_between(r.birth_date, today()) or 0,
        ),
        Column("民族", lambda r: r.ethnicity),
        Column("类别", lambda r: r.stage, sort_key=lambda r: m.STAGES.index(r.stage)),
        Column(
            "提醒",
            lambda r: m.reminder(r.stage, r.status, r.joined_on, today()),
            warn=lambda r: bool(m.reminder(r.stage, r.status, r.joined_on, today())),
        ),
        Column("入党时间", lambda r: v.format_date(r.joined_on)),
        Column("转正时间", lambda r: v.format_date(r.converted_on)),
        Column(
            "党龄",
            lambda r: _number(m.party_years(r.stage, r.converted_on, today())),
            sort_key=lambda r: m.party_years(r.stage, r.converted_on, today()) or 0,
        ),
        Column("党小组", lambda r: r.party_group),
        Column(
            "状态",
            lambda r: r.status if r.status == m.NORMAL else f"{r.status} {r.status_note}".strip(),
            warn=lambda r: r.status != m.NORMAL,
        ),
        Column("身份证号", lambda r: id_text(r.id_number)),
        Column("联系电话", lambda r: r.phone),
    ]


class MembersPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        self.ids = IdReveal("party_member")
        self.open_sheet = open_sheet
        self.shown = named(QComboBox(), "显示")
        self.shown.addItems(list(SHOWN))
        kind = RecordKind(
            noun="党员",
            model=models.PartyMember,
            columns=member_columns(self.ids.text),
            fields=member_fields(),
            order_by=lambda: models.PartyMember.name,
            describe=lambda r: r.name,
            defaults=lambda: {"stage": m.FULL, "status": m.NORMAL, "ethnicity": "汉族"},
            check=lambda row, values: check_member(session.village, row, values),
        )
        self.summary = named(QLabel(), "党员人数")
        super().__init__(kind, session, parent)
        shown_label = QLabel("显示：")
        shown_label.setBuddy(self.shown)
        self.buttons.insertWidget(0, shown_label)
        self.buttons.insertWidget(1, self.shown)
        self.shown.currentTextChanged.connect(lambda _: self.reload())
        self.top.addWidget(self.summary)
        self.ids.attach(self)
        self.add_action("发展对象公示", self.candidate_notice, "把发展对象名单做成公示单，公示 7 天")
        self.add_action("党务公开", self.party_affairs, "本半年的党务公开：组织设置、党员队伍、组织生活、评议、党费")
        self.add_action("导入Excel", self.import_excel, "导入乡镇发来的党员名册（.xlsx 或 .xls），先预览检查")
        self.add_action("导出Excel", self.export_excel, "导出本村花名册（含身份证号，请妥善保管）")
        self.add_action("空白模板", lambda: self.export_excel(template=True), "导出空白的花名册模板，填好后可导入")

    def rows_query(self):
        return super().rows_query().where(SHOWN[self.shown.currentText()]())

    def reload(self) -> None:
        super().reload()
        village = self.session.village
        on_roll = models.PartyMember.select().where(
            (models.PartyMember.village == village) & models.PartyMember.status.in_(m.ACTIVE_STATUSES)
        )
        counts = {stage: 0 for stage in m.STAGES}
        for member in on_roll:
            counts[member.stage] += 1
        full, probationary = counts[m.FULL], counts[m.PROBATIONARY]
        self.summary.setText(
            f"在册党员 {full + probationary} 名（正式 {full}，预备 {probationary}）；"
            f"发展对象 {counts[m.CANDIDATE]}，积极分子 {counts[m.ACTIVIST]}，申请人 {counts[m.APPLICANT]}"
        )

    def party_affairs(self) -> None:
        self.open_sheet("party_affairs", f"{self.session.village.id}:{periods.half_year_of(dt.date.today())}")

    def candidate_notice(self) -> None:
        self.open_sheet("candidate_notice", str(self.session.village.id))

    def import_excel(self) -> None:
        from pathlib import Path

        from app.exchange.members import existing_id_numbers, read_members, save_members
        from app.exchange.workbook import ExchangeError
        from app.ui import file_dialogs
        from app.ui.widgets.import_dialog import ImportDialog, read_with_progress

        chosen = file_dialogs.open_file(self, "选择党员名册", Path.home(), "Excel 表格 (*.xlsx *.xls *.ods)")
        if not chosen:
            return
        village = self.session.village
        try:
            result = read_with_progress(
                self, lambda advance: read_members(Path(chosen), village.name, existing_id_numbers(village), advance)
            )
        except ExchangeError as error:
            messages.warn(self, "不能导入", str(error))
            return
        dialog = ImportDialog(
            self.session, "党员花名册", "党员", "名", Path(chosen), result, IMPORT_PREVIEW, save_members, self
        )
        self.import_dialog = dialog  # tests reach the open dialog here
        open_transient(dialog)

    def export_excel(self, template: bool = False) -> None:
        from pathlib import Path

        from app.exchange.members import log_export, write_members
        from app.ui import file_dialogs

        village = self.session.village
        name = "党员花名册模板.xlsx" if template else f"{village.name}党员花名册.xlsx"
        chosen = file_dialogs.save_file(self, "导出Excel", Path.home() / name, "Excel 表格 (*.xlsx)", "xlsx")
        if not chosen:
            return
        people = (
            []
            if template
            else list(
                models.PartyMember.select()
                .where(models.PartyMember.village == village)
                .order_by(models.PartyMember.name)
            )
        )
        try:
            write_members(Path(chosen), people, "党员花名册（模板）" if template else f"{village.name}党员花名册")
        except OSError as error:
            messages.warn(self, "没有导出", f"无法写入文件：\n{chosen}\n\n{error.strerror or error}")
            return
        if people:
            log_export(village, len(people))
        messages.inform(self, "已导出", f"已导出{'空白模板' if template else f' {len(people)} 名'}：\n{chosen}")


IMPORT_PREVIEW = [
    ("行号", lambda row, m: str(row)),
    ("姓名", lambda row, m: m["name"]),
    ("性别", lambda row, m: m["gender"]),
    ("出生日期", lambda row, m: v.format_date(m["birth_date"])),
    ("类别", lambda row, m: m["stage"]),
    ("入党时间", lambda row, m: v.format_date(m["joined_on"])),
    ("转正时间", lambda row, m: v.format_date(m["converted_on"])),
    ("身份证号", lambda row, m: mask_id_number(m["id_number"])),
]

"""农户: the household register with its contact chain. The list is read page by page from the database, so a
township's or county's copy (all its villages at once) opens and searches as fast as one village's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from app.domain import households as h
from app.domain import values as v
from app.domain.masking import mask_id_number
from app.store import households as store
from app.store import models
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.id_reveal import IdReveal
from app.ui.widgets.labels import named
from app.ui.widgets.paged_table import PagedTableModel
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import ROW_ROLE, Column

THIS_VILLAGE, ALL_VILLAGES = "本村", "所有村"
NO_CONTACT = "（暂无联系人）"


def _contacts(village) -> dict[str, models.HouseholdContact]:
    query = models.HouseholdContact.select().where(models.HouseholdContact.village == village)
    return {store.contact_label(c): c for c in query.order_by(models.HouseholdContact.name)}


def household_fields(session: Session) -> list[FieldSpec]:
    def contact(text: str):
        if text in ("", NO_CONTACT):
            return None
        chosen = _contacts(session.village).get(text)
        if chosen is None:
            raise v.InputError("请从列表中选择联系人（先在“联系人”里新增）")
        return chosen

    def marks(text: str) -> str:
        try:
            return h.check_marks(text)
        except ValueError as error:
            raise v.InputError(str(error)) from None

    return [
        FieldSpec("head_name", "户主", lambda t: v.required_text(t, "户主", 30)),
        FieldSpec("members", "人口", lambda t: v.whole_number(t, "人口", minimum=1, maximum=h.MAX_MEMBERS)),
        FieldSpec(
            "group_name",
            "村民小组",
            lambda t: v.optional_text(t, "村民小组", 20),
            kind="editable_choice",
            choices=lambda: store.groups(session.village),
            placeholder="如：第三组",
        ),
        FieldSpec("address", "住址", lambda t: v.optional_text(t, "住址")),
        FieldSpec("phone", "联系电话", lambda t: v.optional_phone(t)),
        FieldSpec("id_number", "户主身份证号", lambda t: v.id_number(t)),
        FieldSpec("marks", "标记", marks, kind="checks", choices=h.MARKS),
        FieldSpec(
            "contact",
            "联系人",
            contact,
            kind="choice",
            choices=lambda: [NO_CONTACT, *_contacts(session.village)],
            show=lambda c: store.contact_label(c) if c else NO_CONTACT,
        ),
        FieldSpec("note", "备注", lambda t: v.optional_text(t, "备注", v.NOTE_LENGTH)),
    ]


def check_household(village, row, values: dict) -> None:
    number = values.get("id_number", "")
    if number:
        same = models.Household.select().where(
            (models.Household.id_number == number) & (models.Household.village == village)
        )
        if any(other.id != getattr(row, "id", None) for other in same):
            raise v.InputError("已有这个身份证号的户", "id_number")


def household_columns(id_text: Callable[[str], str]) -> list[Column]:
    return [
        Column("村", lambda r: r.village),
        Column("村民小组", lambda r: r.group_name),
        Column("户主", lambda r: r.head_name),
        Column("人口", lambda r: str(r.members)),
        Column("住址", lambda r: r.address),
        Column("联系电话", lambda r: r.phone),
        Column("户主身份证号", lambda r: id_text(r.id_number)),
        Column("标记", lambda r: r.marks),
        Column("联系人", lambda r: r.contact or "无", warn=lambda r: not r.contact),
        Column("联系干部", lambda r: r.cadre),
    ]


class HouseholdsPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        self.ids = IdReveal("household")
        self.open_sheet = open_sheet
        self.scope = named(QComboBox(), "范围")
        self.scope.addItems([THIS_VILLAGE, ALL_VILLAGES])
        self.without = named(QCheckBox("只看没有联系人的户"), "只看没有联系人的户")
        self.summary = named(QLabel(), "联系覆盖")
        self.summary.setWordWrap(True)
        kind = RecordKind(
            noun="农户",
            model=models.Household,
            columns=household_columns(self.ids.text),
            fields=household_fields(session),
            order_by=lambda: (models.Household.group_name, models.Household.head_name),
            describe=lambda r: r.head_name,
            defaults=lambda: {"members": 1},
            check=lambda row, values: check_household(session.village, row, values),
        )
        self.paged = PagedTableModel(kind.columns, store.rows)
        super().__init__(kind, session, parent)
        self.table.setSortingEnabled(False)  # the order is the database's: 村民小组, then 户主
        self.table.setModel(self.paged)
        self.model = self.paged
        for text, widget in (("范围：", self.scope),):
            label = QLabel(text)
            label.setBuddy(widget)
            self.buttons.insertWidget(0, label)
            self.buttons.insertWidget(1, widget)
        self.buttons.insertWidget(2, self.without)
        self.top.addWidget(self.summary)
        self.scope.currentTextChanged.connect(lambda _: self.reload())
        self.without.toggled.connect(lambda _: self.reload())
        self.ids.attach(self)
        self.add_action("导入Excel", self.import_excel, "导入农户名册（.xlsx 或 .xls），先预览检查")
        self.add_action("导出Excel", self.export_excel, "导出本村农户名册（含身份证号，请妥善保管）")
        self.search.setPlaceholderText("搜索户主、拼音首字母（如 wdr）、村民小组或标记")
        self.reload()

    def villages(self) -> list[models.Village]:
        if self.scope.currentText() == THIS_VILLAGE:
            return [self.session.village]
        from app.ui.villages_dialog import in_pinyin_order

        return in_pinyin_order(list(models.Village.select()))

    def reload(self) -> None:
        if not hasattr(self, "paged") or self.paged is not self.table.model():
            return  # still being built: the first reload comes at the end of __init__
        selected = self.selected()
        self.shown_villages = self.villages()  # kept while the clerk types a search
        self.total = models.Household.select().where(models.Household.village.in_(self.shown_villages)).count()
        self.paged.set_rowids(store.list_rowids(self.shown_villages, self.search.text(), self.without.isChecked()))
        self.fit_columns()
        self._update_count()
        self._show_summary()
        if selected is not None:
            self.select_id(selected.id)

    def _show_summary(self) -> None:
        village = self.session.village
        lines = [f"{village.name}：{store.coverage(village).text}"]
        heavy = h.overloaded(store.loads(village), store.contact_load_limit())
        if heavy:
            listed = "、".join(f"{name} {count} 户" for name, count in heavy)
            lines.append(f"⚠ 联系户数超过 {store.contact_load_limit()} 户的联系人：{listed}")
        self.summary.setText("\n".join(lines))

    def _reload_if_affected(self, tables: frozenset) -> None:
        if tables & {models.Household, models.HouseholdContact, models.Village, models.Cadre}:
            self.reload()

    def _filter(self, text: str) -> None:
        self.paged.set_rowids(store.list_rowids(self.shown_villages, text, self.without.isChecked()))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.paged.rowCount(), self.total
        self.count_label.setText(f"共 {total} 户" if shown == total else f"找到 {shown} 户（共 {total} 户）")

    def selected(self):
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        row = indexes[0].data(ROW_ROLE) if indexes else None
        return models.Household.get_or_none(models.Household.id == row.id) if row else None

    def select_id(self, record_id) -> None:
        rowid = store.rowid_of(record_id)
        position = self.paged.position_of(rowid) if rowid is not None else None
        if position is not None:
            self.table.selectRow(position)

    def import_excel(self) -> None:
        from pathlib import Path

        from app.exchange import households as exchange
        from app.exchange.workbook import ExchangeError
        from app.ui import file_dialogs
        from app.ui.widgets import messages
        from app.ui.widgets.import_dialog import ImportDialog, read_with_progress
        from app.ui.widgets.labels import open_transient

        chosen = file_dialogs.open_file(self, "选择农户名册", Path.home(), "Excel 表格 (*.xlsx *.xls *.ods)")
        if not chosen:
            return
        village = self.session.village
        try:
            result = read_with_progress(
                self, lambda _advance: exchange.read_households(Path(chosen), exchange.existing_id_numbers(village))
            )
        except ExchangeError as error:
            messages.warn(self, "不能导入", str(error))
            return
        dialog = ImportDialog(
            self.session, "农户名册", "农户", "户", Path(chosen), result, IMPORT_PREVIEW, exchange.save_households, self
        )
        self.import_dialog = dialog
        open_transient(dialog)

    def export_excel(self) -> None:
        from pathlib import Path

        from app.exchange.households import write_households
        from app.ui import file_dialogs
        from app.ui.widgets import messages

        village = self.session.village
        name = f"{village.name}农户名册.xlsx"
        chosen = file_dialogs.save_file(self, "导出Excel", Path.home() / name, "Excel 表格 (*.xlsx)", "xlsx")
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        query = models.Household.select().where(models.Household.village == village)
        households = list(
            query.order_by(models.Household.group_order, models.Household.group_name, models.Household.head_name)
        )
        try:
            write_households(path, households, f"{village.name}农户名册")
        except OSError as error:
            messages.warn(self, "导出失败", f"无法写入文件：\n{path}\n\n{error.strerror or error}")
            return
        messages.inform(self, "已导出", f"已导出 {len(households)} 户：\n{path}\n文件里有完整的身份证号，请妥善保管。")


IMPORT_PREVIEW = [
    ("行号", lambda row, x: str(row)),
    ("户主", lambda row, x: x["head_name"]),
    ("人口", lambda row, x: str(x["members"])),
    ("村民小组", lambda row, x: x["group_name"]),
    ("标记", lambda row, x: x["marks"]),
    ("户主身份证号", lambda row, x: mask_id_number(x["id_number"])),
]

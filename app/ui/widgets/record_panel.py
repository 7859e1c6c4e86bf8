"""A list of one kind of record with search, sort, add, edit and delete — the shape of every list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.store import deletion, guards, models, records
from app.store.errors import ConflictError
from app.ui.widgets import messages
from app.ui.prefs import Prefs
from app.ui.session import Session
from app.ui.widgets.labels import button, named, open_transient
from app.ui.widgets.table import ROW_ROLE, Column, RecordTableModel, SearchFilterProxy


@dataclass
class RecordKind:
    """How one kind of record is listed and edited."""

    noun: str  # 设备, 活动场所 …
    model: type[models.VillageRecord]
    columns: Sequence[Column]
    fields: Sequence  # of app.ui.widgets.forms.FieldSpec
    order_by: Callable[[], Any]  # a field, or a tuple of fields
    describe: Callable[[Any], str]  # how a row is named in messages
    defaults: Callable[[], dict] = dict
    check: Callable[[Any, dict], None] | None = None  # cross-field rules; raises InputError(msg, key)
    on_new: Callable[[Any], None] = field(default=lambda record: None)  # fills what the form does not ask
    # How the record is written, when its store has rules for it: (record, the form's values, the record as
    # last seen or ABSENT) → the changes made. None: the plain audited save.
    save: Callable[[Any, dict, Any], list[records.Change]] | None = None
    # Form values kept beside the record rather than on it (the trainers of a session)
    extra_values: Callable[[Any], dict] = field(default=lambda record: {})


MAX_AUTO_WIDTH = 320  # pixels: one 500-character name must not push the other columns off-screen


class RecordPanel(QWidget):
    def __init__(self, kind: RecordKind, session: Session, parent=None):
        super().__init__(parent)
        self.kind, self.session = kind, session
        self.extra_actions: list[tuple[str, Callable[[], None]]] = []
        self.model = RecordTableModel(kind.columns, self)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = named(QLineEdit(), f"搜索{kind.noun}")
        self.search.setPlaceholderText("搜索（可输入拼音首字母，如 dj 查“党建”）")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)

        self.table = named(QTableView(), f"{kind.noun}列表")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons; arrows move inside the table
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # size columns from the first rows only
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long name ends in "…"; its tooltip has it all
        self.table.setWordWrap(False)
        # columns the clerk sized by hand: kept across reloads and remembered in window.ini, per list
        self.settings = Prefs(session.data_dir)
        self.clerk_widths: dict[int, int] = self.settings.column_widths(kind.noun)
        self._fitting = False
        self.table.horizontalHeader().sectionResized.connect(self._column_resized)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())

        self.add_button = button(f"新增{kind.noun}")
        self.edit_button = button("修改")
        self.delete_button = button("删除")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.add_button.setToolTip("快捷键 Ctrl+N")
        self.panel_shortcuts = [
            QShortcut(QKeySequence.StandardKey.New, self, activated=self.add),
            QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus),
        ]
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_selected)
        QShortcut(QKeySequence("Return"), self.table, activated=self.edit_selected)

        self.count_label = named(QLabel(), f"{kind.noun}条数")
        self.buttons = QHBoxLayout()
        search_label = QLabel("搜索：")
        search_label.setBuddy(self.search)
        self.buttons.addWidget(search_label)
        self.buttons.addWidget(self.search, 1)
        for widget in (self.add_button, self.edit_button, self.delete_button):
            self.buttons.addWidget(widget)

        layout = QVBoxLayout(self)
        self.top = QVBoxLayout()
        layout.addLayout(self.top)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        session.changed.connect(self._reload_if_affected)
        session.village_changed.connect(lambda _: self.reload())
        self.reload()

    def share_the_page(self) -> None:
        """For a list shown beside others: Ctrl+N and Ctrl+F act on it only while it has the focus."""
        for shortcut in self.panel_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def add_action(self, text: str, handler: Callable[[], None], tooltip: str = "") -> QPushButton:
        widget = button(text, tooltip)
        widget.clicked.connect(handler)
        self.buttons.addWidget(widget)
        self.extra_actions.append((text, handler))
        return widget

    def menu_actions(self) -> list[tuple[str, Callable[[], None]]]:
        """Everything the panel's buttons do, for the main window's 记录 menu (keyboard: Alt+R)."""
        noun = self.kind.noun
        return [
            (f"新增{noun}…", self.add),
            (f"修改{noun}…", self.edit_selected),
            (f"删除{noun}", self.delete_selected),
            (f"查找{noun}", self.search.setFocus),
            *self.extra_actions,
        ]

    # --- data ---
    def reload(self) -> None:
        selected = self.selected()
        selected_id = selected.id if selected else None
        self.model.set_rows(list(self.rows_query()))
        self.fit_columns()
        self._update_count()
        if selected_id:
            self.select_id(selected_id)

    def rows_query(self):
        """The rows the list shows: the village's records of this kind (a panel may narrow it)."""
        model, order = self.kind.model, self.kind.order_by()
        keys = order if isinstance(order, tuple) else (order,)
        return model.select().where(model.village == self.session.village).order_by(*keys)

    def fit_columns(self) -> None:
        """Sizes columns to the rows shown, no wider than MAX_AUTO_WIDTH; the clerk's own widths stay."""
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for column in range(self.model.columnCount()):
                if column in self.clerk_widths:
                    header.resizeSection(column, self.clerk_widths[column])
                else:
                    self.table.resizeColumnToContents(column)
                    header.resizeSection(column, min(header.sectionSize(column), MAX_AUTO_WIDTH))
        finally:
            self._fitting = False

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != self.model.columnCount() - 1:  # the last one stretches
            self.clerk_widths[column] = new
            self.settings.set_column_widths(self.kind.noun, self.clerk_widths)

    def _reload_if_affected(self, tables: frozenset) -> None:
        # The village row holds settings some lists show (the area standard), so it counts too.
        if self.kind.model in tables or models.Village in tables:
            self.reload()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)  # columns keep their widths while typing; a reload re-fits them
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = f"共 {total} 条" if shown == total else f"找到 {shown} 条（共 {total} 条）"
        self.count_label.setText(text)

    def selected(self) -> Any | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return indexes[0].data(ROW_ROLE) if indexes else None

    def select_id(self, record_id) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == record_id:
                self.table.selectRow(row)
                return

    # --- actions ---
    def add(self) -> None:
        self._open_form(None)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            messages.inform(self, "修改", f"请先在列表中选中要修改的{self.kind.noun}。")
            return
        self._open_form(row)

    def _open_form(self, row):
        from app.ui.widgets.forms import RecordForm  # loaded with the first form, not at start-up

        opened = None  # the record as the form shows it; saving over anything else is refused
        if row is None:
            values, title = self.kind.defaults(), f"新增{self.kind.noun}"
        else:
            row = self.kind.model.get_or_none(self.kind.model.id == row.id)
            if row is None:
                messages.inform(self, "修改", f"这条{self.kind.noun}已被删除（可能是在另一个窗口），列表已刷新。")
                self.reload()
                return None
            opened = records.snapshot(row)
            values = {spec.key: getattr(row, spec.key) for spec in self.kind.fields if hasattr(row, spec.key)}
            values.update(self.kind.extra_values(row))
            title = f"修改{self.kind.noun}：{self.kind.describe(row)}"

        def save(parsed: dict) -> None:
            if self.kind.check:
                self.kind.check(row, parsed)
            if row is None:
                record = self.kind.model(village=self.session.village)
                self.kind.on_new(record)
            else:
                record = self.kind.model.get_or_none(self.kind.model.id == row.id)
                if record is None:
                    raise ConflictError(deleted=True)
            for key, value in parsed.items():
                if hasattr(self.kind.model, key):  # a value kept beside the record goes to kind.save
                    setattr(record, key, value)
            verb = "新增" if row is None else "修改"
            expected = records.ABSENT if row is None else opened
            text = f"{verb}{self.kind.noun}“{self.kind.describe(record)}”"
            if self.kind.save is None:
                self.session.save(record, text, expected=expected)
            else:
                self.session.record(self.kind.save(record, parsed, expected), text)
            self.select_id(record.id)

        form = RecordForm(title, self.kind.fields, values, save, self)
        self.form = form  # tests reach the open form here
        open_transient(form)
        return form

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            messages.inform(self, "删除", f"请先在列表中选中要删除的{self.kind.noun}。")
            return
        name = self.kind.describe(row)
        reason = guards.why_not_delete(row, with_children=True)
        if reason:
            messages.inform(self, "不能删除", reason)
            return
        if messages.confirm(
            self, "确认删除", f"确定删除{self.kind.noun}“{name}”吗？\n删除后可用“编辑 → 撤销”（Ctrl+Z）恢复。"
        ):
            changes = deletion.delete_with_children(row, expected=records.snapshot(row))
            self.session.record(changes, f"删除{self.kind.noun}“{name}”")

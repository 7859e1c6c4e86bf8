"""A table model over database rows, and a filter proxy whose search also matches pinyin initials."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.search import key_matches, search_key

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WARNING_COLOR = QColor("#b00020")


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    warn: Callable[[Any], bool] | None = None  # shown in red when true
    checkable: bool = False  # a check box; the row's value is `text(row) == "是"`


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._search_keys: list[tuple[str, str]] | None = None  # built on the first search
        self.on_check: Callable[[Any, bool], None] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._search_keys = None
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        if column.checkable:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if column.text(row) == "是" else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return "已达到" if column.text(row) == "是" else "未达到"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.warn and column.warn(row):
            return QBrush(WARNING_COLOR)
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()].checkable and self.on_check:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.checkable and self.on_check:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.on_check(self.rows[index.row()], checked)
            self._search_keys = None
            self.dataChanged.emit(index, index)
            return True
        return False

    def search_key(self, source_row: int) -> tuple[str, str]:
        if self._search_keys is None:
            self._search_keys = [search_key(*(c.text(row) for c in self.columns)) for row in self.rows]
        return self._search_keys[source_row]


class SearchFilterProxy(QSortFilterProxyModel):
    """Keeps rows where any column contains the query, or its pinyin initials do ("dj" → 党建)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        self.query = text
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        if not self.query.strip():
            return True
        return key_matches(self.query, self.sourceModel().search_key(source_row))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)  # 1, 2, 3 … in the order shown, whatever the sort
        return super().headerData(section, orientation, role)

    def lessThan(self, left, right):
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return (a is None) and (b is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

"""A table model for a list too long to hold as objects: it keeps only the rows' positions (rowids, in the
list's order) and reads the rows for display a page at a time, as the view scrolls to them."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

from app.ui.widgets.table import ROW_ROLE, WARNING_COLOR, Column

PAGE = 200  # rows read at a time
KEPT_PAGES = 30  # pages kept in memory


class PagedTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], read_rows: Callable[[list[int]], list[Any]], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.read_rows = read_rows  # rowids -> display rows, in that order
        self.rowids: list[int] = []
        self.pages: OrderedDict[int, list[Any]] = OrderedDict()

    def set_rowids(self, rowids: list[int]) -> None:
        self.beginResetModel()
        self.rowids = rowids
        self.pages.clear()
        self.endResetModel()

    def row(self, number: int) -> Any:
        page = number // PAGE
        if page not in self.pages:
            self.pages[page] = self.read_rows(self.rowids[page * PAGE : (page + 1) * PAGE])
            if len(self.pages) > KEPT_PAGES:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(page)
        rows = self.pages[page]
        offset = number - page * PAGE
        return rows[offset] if offset < len(rows) else None

    def position_of(self, rowid: int) -> int | None:
        try:
            return self.rowids.index(rowid)
        except ValueError:
            return None

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rowids)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:  # deleted since the list was read; the next reload drops it
            return None
        column = self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.warn and column.warn(row):
            return QBrush(WARNING_COLOR)
        return None

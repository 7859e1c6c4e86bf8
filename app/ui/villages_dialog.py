"""文件 → 村庄管理…: the villages in this data folder: add, change and remove (after a question, audited,
undoable with Ctrl+Z). This is also how the demo villages are removed once the clerk's own village exists."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.store import models
from app.store.villages import record_count
from app.ui.widgets import messages
from app.ui.widgets.labels import choice_table, dialog_buttons, fit_to_screen, named

HEADERS = ("县", "乡镇", "村名", "记录数")


def in_pinyin_order(villages: list[models.Village]) -> list[models.Village]:
    """Chinese collation (pinyin) through Qt's ICU, without loading the pinyin dictionary."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

    def compare(a: models.Village, b: models.Village) -> int:
        return collator.compare(a.township, b.township) or collator.compare(a.name, b.name)

    return sorted(villages, key=functools.cmp_to_key(compare))


class VillagesDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle("村庄管理")
        named(self, "村庄管理")
        intro = QLabel(
            "这个数据文件夹里的村。正式使用时，先“新增村”填好本村，再删除演示村。"
            "删除前会先自动备份，删除后可用 Ctrl+Z 撤销。"
        )
        intro.setWordWrap(True)
        self.table = choice_table("村庄列表", HEADERS)
        buttons = dialog_buttons((QDialogButtonBox.StandardButton.Close, "关闭"))
        for text, handler in (("新增村…", self.add), ("修改…", self.edit), ("删除村…", self.remove)):
            named(buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole), text.rstrip("…")).clicked.connect(
                handler
            )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 360)
        self.villages: list[models.Village] = []
        self.refresh()
        window.session.changed.connect(self._refresh_if_villages)

    def _refresh_if_villages(self, tables: frozenset) -> None:
        if models.Village in tables:
            self.refresh()

    def refresh(self) -> None:
        self.villages = in_pinyin_order(list(models.Village.select()))
        self.table.setRowCount(len(self.villages))
        for row, village in enumerate(self.villages):
            cells = (village.county, village.township, village.name, str(record_count(village)))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> models.Village | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            messages.inform(self, "村庄管理", "请先在列表中选中一个村。")
            return None
        return self.villages[rows[0].row()]

    def add(self):
        return self.window.add_village(self)

    def edit(self):
        village = self.selected()
        return self.window.edit_village(village, self) if village else None

    def remove(self) -> None:
        village = self.selected()
        if village is None:
            return
        if len(self.villages) == 1:
            messages.inform(self, "不能删除", "这是这个数据文件夹里唯一的村。请先“新增村”，再删除它。")
            return
        count = record_count(village)
        if messages.confirm(
            self,
            "确认删除村",
            f"确定删除“{village.township}{village.name}”及它的 {count} 条记录吗？\n\n"
            "删除前会先自动备份数据库；删除后可用“编辑 → 撤销”（Ctrl+Z）恢复。",
        ):
            self.window.remove_village(village)

"""文件 → 从备份恢复…: the backups with their time, size and what each village holds; one restored
after confirmation, the replaced database kept in the backups folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import paths
from app.store import backups
from app.store.connection import close_database, open_database
from app.ui import file_dialogs
from app.ui.widgets import messages
from app.ui.widgets.labels import choice_table, dialog_buttons, fit_to_screen, named

HEADERS = ("备份时间", "类型", "大小", "各村记录数")


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class RestoreDialog(QDialog):
    restored = Signal(object)  # the path where the replaced database was kept

    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle("从备份恢复")
        named(self, "从备份恢复")
        intro = QLabel(
            "选择一个备份，用它替换现在的数据库。现在的数据库不会被删除，会保留在 backups 文件夹里，"
            "需要时还可以再恢复回来。"
        )
        intro.setWordWrap(True)
        self.table = choice_table("备份列表", HEADERS)
        self.table.doubleClicked.connect(lambda _: self.restore_selected())
        buttons = dialog_buttons((QDialogButtonBox.StandardButton.Close, "关闭"))
        self.restore_button = named(
            buttons.addButton("恢复所选备份", QDialogButtonBox.ButtonRole.ActionRole), "恢复所选备份"
        )
        self.other_button = named(
            buttons.addButton("从其他位置选择…", QDialogButtonBox.ButtonRole.ActionRole), "从其他位置选择"
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.restore_other)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 420)
        self.backups = [backups.describe(path) for path in backups.backups_in(paths.backup_dir(data_dir))]
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (
                info.taken_at.strftime("%Y-%m-%d %H:%M"),
                info.reason_title,
                size_text(info.size),
                info.villages_text(),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column == 3 else str(info.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            messages.inform(self, "从备份恢复", "请先选中一个备份。")
            return
        info = self.backups[rows[0].row()]
        self.restore(info.path, f"{info.taken_at:%Y-%m-%d %H:%M}的备份（{info.villages_text()}）")

    def restore_other(self) -> None:
        chosen = file_dialogs.open_file(self, "选择备份文件", Path.home(), "数据库备份 (*.db)")
        if chosen:
            self.restore(Path(chosen), Path(chosen).name)

    def restore(self, backup: Path, description: str) -> bool:
        if not messages.confirm(
            self,
            "确认恢复",
            f"用{description}替换现在的数据库吗？\n\n现在的数据库会保留在 backups 文件夹里，不会删除。",
        ):
            return False
        try:
            backups.verify(backup)
        except backups.StorageError as error:
            messages.warn(self, "不能恢复", f"这个备份不能使用，数据库没有改动：\n{error}")
            return False
        close_database()
        try:
            kept = backups.restore(self.data_dir, backup)
        finally:
            open_database(self.data_dir)
        self.restored.emit(kept)
        self.accept()
        return True

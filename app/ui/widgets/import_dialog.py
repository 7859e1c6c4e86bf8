"""Importing an Excel table in the window: a preview of what will come in and of every refused row with
its reason, then one import (one undo step), of all rows or, if the clerk chooses, of the good ones only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.exchange.workbook import ReadResult
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.labels import fit_to_screen, named

PREVIEW_ROWS = 500
Preview = Sequence[tuple[str, Callable[[int, dict], str]]]  # (header, text of an Excel row and its values)


def read_with_progress(parent, read: Callable[[Callable[[int, int], None]], ReadResult]) -> ReadResult:
    """Reads a large table behind a progress bar (`read` is given a function of (done, total))."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog("正在读取和检查表格……", "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    try:
        return read(lambda done, total: progress.setValue(int(done * 100 / max(total, 1))))
    finally:
        progress.close()


class ImportDialog(QDialog):
    def __init__(
        self,
        session: Session,
        what: str,  # 党员花名册
        row_noun: str,  # 党员
        unit: str,  # 名, 笔
        path: Path,
        result: ReadResult,
        preview: Preview,
        save: Callable[[object, list[dict]], list],
        parent=None,
    ):
        super().__init__(parent)
        self.session, self.result, self.what, self.unit, self.save = session, result, what, unit, save
        title = f"导入{what}：{path.name}"
        self.setWindowTitle(title)
        named(self, f"导入{what}")
        layout = QVBoxLayout(self)
        good, bad = len(result.items), len(result.problems)
        layout.addWidget(named(QLabel(f"可以导入 {good} 行；有问题的 {bad} 行。"), "导入概况"))
        self.preview = named(QTableWidget(min(good, PREVIEW_ROWS), len(preview)), f"将导入的{row_noun}")
        self.preview.setHorizontalHeaderLabels([header for header, _ in preview])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for index, (row, values) in enumerate(list(zip(result.rows, result.items, strict=True))[:PREVIEW_ROWS]):
            for column, (_header, text) in enumerate(preview):
                self.preview.setItem(index, column, QTableWidgetItem(text(row, values)))
        self.preview.resizeColumnsToContents()
        layout.addWidget(self.preview, 2)
        if bad or result.unused_columns:
            problems_label = QLabel("有问题的行（改正表格后再导入，或跳过它们）：" if bad else "说明：")
            layout.addWidget(problems_label)
            self.problems = named(QPlainTextEdit(result.report()), "有问题的行")
            self.problems.setReadOnly(True)
            problems_label.setBuddy(self.problems)
            layout.addWidget(self.problems, 1)
        buttons = QDialogButtonBox()
        self.import_button = named(
            buttons.addButton(f"导入 {good} {unit}", QDialogButtonBox.ButtonRole.AcceptRole), "导入"
        )
        self.import_button.setEnabled(good > 0 and bad == 0)
        self.skip_button = named(
            buttons.addButton(f"跳过有问题的 {bad} 行，导入其余 {good} {unit}", QDialogButtonBox.ButtonRole.ActionRole),
            "跳过有问题的行并导入",
        )
        self.skip_button.setVisible(bad > 0)
        self.skip_button.setEnabled(good > 0)
        cancel = named(buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole), "取消")
        cancel.setDefault(True)
        self.import_button.clicked.connect(self.import_rows)
        self.skip_button.clicked.connect(self.import_rows)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 620)

    def import_rows(self) -> None:
        count = len(self.result.items)
        try:
            changes = self.save(self.session.village, self.result.items)
        except StorageError as error:
            messages.warn(self, "没有导入", str(error))
            return
        self.session.record(changes, f"导入{self.what} {count} {self.unit}")
        messages.inform(self, "导入完成", f"已导入 {count} {self.unit}。可用“编辑 → 撤销”（Ctrl+Z）一次撤回这次导入。")
        self.accept()

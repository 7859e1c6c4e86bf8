"""Importing the township's Excel roster in the window: a preview of what will come in and of every
refused row with its reason, then one import (one undo step), of all rows or, if the clerk chooses,
of the good ones only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.masking import mask_id_number
from app.domain.values import format_date
from app.exchange.members import ReadResult, existing_id_numbers, read_members, save_members
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.labels import fit_to_screen, named

PREVIEW_COLUMNS = [
    ("行号", lambda row, m: str(row)),
    ("姓名", lambda row, m: m["name"]),
    ("性别", lambda row, m: m["gender"]),
    ("出生日期", lambda row, m: format_date(m["birth_date"])),
    ("类别", lambda row, m: m["stage"]),
    ("入党时间", lambda row, m: format_date(m["joined_on"])),
    ("转正时间", lambda row, m: format_date(m["converted_on"])),
    ("身份证号", lambda row, m: mask_id_number(m["id_number"])),
]
PREVIEW_ROWS = 500


def read_with_progress(path: Path, session: Session, parent) -> ReadResult:
    progress = QProgressDialog("正在读取和检查表格……", "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def advance(done: int, total: int) -> None:
        progress.setValue(int(done * 100 / max(total, 1)))

    try:
        return read_members(path, session.village.name, existing_id_numbers(session.village), advance)
    finally:
        progress.close()


class MemberImportDialog(QDialog):
    def __init__(self, session: Session, path: Path, result: ReadResult, parent=None):
        super().__init__(parent)
        self.session, self.result = session, result
        title = f"导入党员花名册：{path.name}"
        self.setWindowTitle(title)
        named(self, "导入党员花名册")
        layout = QVBoxLayout(self)
        good, bad = len(result.members), len(result.problems)
        layout.addWidget(named(QLabel(f"可以导入 {good} 行；有问题的 {bad} 行。"), "导入概况"))
        self.preview = named(QTableWidget(min(good, PREVIEW_ROWS), len(PREVIEW_COLUMNS)), "将导入的党员")
        self.preview.setHorizontalHeaderLabels([header for header, _ in PREVIEW_COLUMNS])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for index, (row, member) in enumerate(list(zip(result.rows, result.members, strict=True))[:PREVIEW_ROWS]):
            for column, (_header, text) in enumerate(PREVIEW_COLUMNS):
                self.preview.setItem(index, column, QTableWidgetItem(text(row, member)))
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
        self.import_button = named(buttons.addButton(f"导入 {good} 名", QDialogButtonBox.ButtonRole.AcceptRole), "导入")
        self.import_button.setEnabled(good > 0 and bad == 0)
        self.skip_button = named(
            buttons.addButton(f"跳过有问题的 {bad} 行，导入其余 {good} 名", QDialogButtonBox.ButtonRole.ActionRole),
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
        count = len(self.result.members)
        try:
            changes = save_members(self.session.village, self.result.members)
        except StorageError as error:
            messages.warn(self, "没有导入", str(error))
            return
        self.session.record(changes, f"导入党员 {count} 名")
        messages.inform(self, "导入完成", f"已导入 {count} 名。可用“编辑 → 撤销”（Ctrl+Z）一次撤回这次导入。")
        self.accept()

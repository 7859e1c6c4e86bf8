"""文件 → 公示单发出记录: every sheet saved or printed, with its SHA-256, for the village shown."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from app.publishing.sheets import KINDS
from app.store import models
from app.ui.widgets.labels import dialog_buttons, named
from app.ui.widgets.table import Column, RecordTableModel

COLUMNS = [
    Column("时间", lambda r: r.issued_at.strftime("%Y-%m-%d %H:%M")),
    Column("公示单", lambda r: KINDS[r.kind].label if r.kind in KINDS else r.kind),
    Column("标题", lambda r: r.title),
    Column("方式", lambda r: r.action),
    Column("文件", lambda r: r.path),
    Column("SHA-256", lambda r: r.sha256),
]


class IssuedSheetsDialog(QDialog):
    def __init__(self, village: models.Village, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"公示单发出记录：{village.name}")
        named(self, "公示单发出记录")
        query = (
            models.IssuedSheet.select()
            .where(models.IssuedSheet.village == village)
            .order_by(models.IssuedSheet.issued_at.desc())
        )
        self.model = RecordTableModel(COLUMNS, self)
        self.model.set_rows(list(query))
        self.table = named(QTableView(), "发出记录列表")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.resizeColumnsToContents()
        note = QLabel(
            f"共 {self.model.rowCount()} 次。SHA-256 是 PDF 文件的“指纹”：张贴的纸面与存档文件是否一致，可据此核对。"
        )
        note.setWordWrap(True)
        buttons = dialog_buttons((QDialogButtonBox.StandardButton.Close, "关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

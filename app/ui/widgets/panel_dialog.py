"""A record list in its own window (a 师资库, a sheet's objections, the 评议会): the panel and a 关闭 button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from app.ui.widgets.labels import button, fit_to_screen, named


class PanelDialog(QDialog):
    def __init__(self, title: str, panel: QWidget, parent=None, size: tuple[int, int] = (900, 560), name: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        named(self, name or title)
        self.panel = panel
        close = button("关闭")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        layout.addLayout(row)
        fit_to_screen(self, *size)

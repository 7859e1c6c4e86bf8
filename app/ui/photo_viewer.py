"""A self-check photo shown inside the program, fitted to the window (no external viewer needed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.ui.widgets.labels import dialog_buttons, fit_to_screen, named


class PhotoViewer(QDialog):
    def __init__(self, path: Path, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        named(self, "查看照片")
        self.original = QPixmap(str(path))
        self.picture = named(QLabel(), "照片")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(200, 150)
        if self.original.isNull():
            self.picture.setText(f"这张照片打不开（文件可能已损坏）：\n{path}")
        buttons = dialog_buttons((QDialogButtonBox.StandardButton.Close, "关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 700)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self.original.isNull():
            self.picture.setPixmap(
                self.original.scaled(
                    self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )

"""Message boxes that show the clerk's own text as typed: never read as HTML, whatever a name holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def _box(parent: QWidget | None, icon, title: str, text: str, buttons, default) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    for standard, label in ((Button.Yes, "是"), (Button.No, "否"), (Button.Ok, "确定"), (Button.Cancel, "取消")):
        if box.button(standard) is not None:
            box.button(standard).setText(label)
            box.button(standard).setAccessibleName(label)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text, Button.Ok, Button.Ok).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text, Button.Ok, Button.Ok).exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question whose default is 否, so two Enters never destroy anything."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, Button.No)
    return box.exec() == Button.Yes

"""Accessible names: every control carries its visible Chinese label, for screen readers and tests."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget


def named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setObjectName(name)
    return widget


def dialog_buttons(*buttons: tuple[QDialogButtonBox.StandardButton, str]) -> QDialogButtonBox:
    """A dialog's button row, each standard button with its Chinese text as label and accessible name."""
    box = QDialogButtonBox()
    for standard, text in buttons:
        named(box.addButton(standard), text).setText(text)
    return box


def button(text: str, tooltip: str = "") -> QPushButton:
    widget = QPushButton(text)
    named(widget, text.replace("&", "").replace("…", ""))
    if tooltip:
        widget.setToolTip(tooltip)
    return widget

"""Accessible names: every control carries its visible Chinese label, for screen readers and tests."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setObjectName(name)
    return widget


def button(text: str, tooltip: str = "") -> QPushButton:
    widget = QPushButton(text)
    named(widget, text.replace("&", "").replace("…", ""))
    if tooltip:
        widget.setToolTip(tooltip)
    return widget

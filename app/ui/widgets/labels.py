"""Accessible names: every control carries its visible Chinese label, for screen readers and tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QTableWidget, QWidget


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


def open_transient(dialog: QDialog) -> None:
    """Opens a window-modal dialog that is freed when closed, so repeated opening does not pile them up."""
    from PySide6.QtCore import Qt  # not at import: the Qt namespace costs ~20 ms, kept off the start path

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def button(text: str, tooltip: str = "") -> QPushButton:
    widget = QPushButton(text)
    named(widget, text.replace("&", "").replace("…", ""))
    if tooltip:
        widget.setToolTip(tooltip)
    return widget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes to the wanted size, or to what the screen has room for (a 1024×768 office PC, say)."""
    screen = window.screen() or QApplication.primaryScreen()
    room = screen.availableGeometry() if screen else None
    if room is not None:
        width, height = min(width, room.width() - 16), min(height, room.height() - 48)  # frame and title bar
    window.resize(width, height)
    if room is not None:
        frame = window.frameGeometry()
        frame.moveCenter(room.center())
        window.move(max(room.left(), frame.left()), max(room.top(), frame.top()))


def choice_table(name: str, headers) -> QTableWidget:
    """A small read-only table to pick one row from (a dialog's list of backups or villages)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table

"""Finding and driving widgets the way a person does: by their visible labels."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget


def find(parent: QWidget, name: str, kind=QWidget):
    widget = parent.findChild(kind, name)
    assert widget is not None, f"找不到“{name}”"
    return widget


def click(qtbot, parent: QWidget, name: str):
    qtbot.mouseClick(find(parent, name, QPushButton), Qt.MouseButton.LeftButton)


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as an input method delivers Chinese text."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, form, label: str, text: str):
    """Clears the field the way a clerk does (select all, type over it) and types the text."""
    editor = form.editor(label)
    if isinstance(editor, QComboBox) and not editor.isEditable():  # a list to choose from
        editor.setCurrentText(text)
        assert editor.currentText() == text, f"“{label}”没有“{text}”这一项"
        return editor
    target = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    target.setFocus()
    target.selectAll()
    qtbot.keyClick(target, Qt.Key.Key_Backspace)
    type_text(target, text)
    return editor


def table_texts(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())]

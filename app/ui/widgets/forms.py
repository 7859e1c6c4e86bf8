"""Record forms built from field descriptions. A wrong value gets a red Chinese message under its
field; nothing is saved until every field reads correctly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.values import InputError
from app.store.errors import StorageError
from app.ui.widgets import messages
from app.ui.widgets.labels import dialog_buttons, fit_to_screen, named

ERROR_STYLE = "color: #b00020;"
LONG_FORM = 12  # fields; more than this and the form scrolls


@dataclass
class FieldSpec:
    key: str
    label: str
    parse: Callable[[Any], Any] = lambda raw: raw
    kind: str = "line"  # line | text | choice | editable_choice | centres | check | checks
    choices: Sequence[str] | Callable[[], Sequence[str]] = ()
    show: Callable[[Any], Any] = lambda value: "" if value is None else str(value)
    placeholder: str = ""
    hint: str = ""
    extra: dict = field(default_factory=dict)


class CentresEditor(QWidget):
    """The 五大中心: a check box per centre with the rooms it uses."""

    changed = Signal()

    def __init__(self, centres: Sequence[str], parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for number, name in enumerate(centres):
            check = named(QCheckBox(name), name)
            rooms = named(QLineEdit(), f"{name}所在房间")
            rooms.setPlaceholderText("所在房间，如：二楼201室")
            rooms.setEnabled(False)
            check.toggled.connect(rooms.setEnabled)
            check.toggled.connect(self.changed)
            rooms.textChanged.connect(self.changed)
            layout.addWidget(check, number, 0)
            layout.addWidget(rooms, number, 1)
            self.rows[name] = (check, rooms)

    def value(self) -> dict[str, str]:
        return {name: rooms.text().strip() for name, (check, rooms) in self.rows.items() if check.isChecked()}

    def set_value(self, value: dict[str, str]) -> None:
        for name, (check, rooms) in self.rows.items():
            check.setChecked(name in (value or {}))
            rooms.setText((value or {}).get(name, ""))


class ChecksEditor(QWidget):
    """Several marks of a fixed list, each a check box; the value is the checked ones joined by 、."""

    changed = Signal()

    def __init__(self, choices: Sequence[str], parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [named(QCheckBox(choice), choice) for choice in choices]
        for number, box in enumerate(self.boxes):
            layout.addWidget(box, number // 4, number % 4)
            box.toggled.connect(self.changed)

    def value(self) -> str:
        return "、".join(box.text() for box in self.boxes if box.isChecked())

    def set_value(self, value: str) -> None:
        chosen = set((value or "").split("、"))
        for box in self.boxes:
            box.setChecked(box.text() in chosen)


def _make_editor(spec: FieldSpec) -> QWidget:
    choices = spec.choices() if callable(spec.choices) else spec.choices
    if spec.kind == "text":
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(spec.extra.get("height", 160))
    elif spec.kind in ("choice", "editable_choice"):
        editor = QComboBox()
        editor.addItems(list(choices))
        editor.setEditable(spec.kind == "editable_choice")
    elif spec.kind == "centres":
        editor = CentresEditor(choices)
    elif spec.kind == "checks":
        editor = ChecksEditor(choices)
    elif spec.kind == "check":
        editor = QCheckBox(spec.hint or spec.label)
    else:
        editor = QLineEdit()
        editor.setPlaceholderText(spec.placeholder)
    return named(editor, spec.label)


def _changed_signal(editor: QWidget):
    if isinstance(editor, QCheckBox):
        return editor.toggled
    if isinstance(editor, QPlainTextEdit):
        return editor.textChanged
    if isinstance(editor, QComboBox):
        return editor.currentTextChanged
    if isinstance(editor, CentresEditor | ChecksEditor):
        return editor.changed
    return editor.textChanged


def read_raw(editor: QWidget) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, CentresEditor | ChecksEditor):
        return editor.value()
    return editor.text()


def write_raw(editor: QWidget, text: Any) -> None:
    if isinstance(editor, QCheckBox):
        editor.setChecked(bool(text))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    elif isinstance(editor, QComboBox):
        index = editor.findText(text)
        if index >= 0:
            editor.setCurrentIndex(index)
        elif editor.isEditable():
            editor.setEditText(text)
    elif isinstance(editor, CentresEditor | ChecksEditor):
        editor.set_value(text)
    else:
        editor.setText(text)


class RecordForm(QDialog):
    """Edits one record. `on_save(values)` is called with parsed values; it may raise InputError
    naming a field (``error.args[1]``) to show a message there, and the dialog stays open."""

    def __init__(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        values: dict[str, Any],
        on_save: Callable[[dict[str, Any]], None],
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        named(self, title)
        self.specs = list(specs)
        self.on_save = on_save
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.specs:
            editor = _make_editor(spec)
            if spec.key in values:
                write_raw(
                    editor,
                    spec.show(values[spec.key]) if spec.kind not in ("centres", "check") else values[spec.key],
                )
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(False)
            named(error, f"{spec.label}提示")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            if spec.hint and spec.kind != "check":
                hint = named(QLabel(spec.hint), f"{spec.label}说明")
                hint.setStyleSheet("color: #666;")
                hint.setWordWrap(True)
                column.addWidget(hint)
            column.addWidget(error)
            label = QLabel(spec.label + "：")
            label.setBuddy(editor)
            form.addRow(label, holder)
            self.editors[spec.key], self.errors[spec.key] = editor, error
            _changed_signal(editor).connect(lambda *_, key=spec.key: self._recheck(key))
        if len(self.specs) > LONG_FORM:  # a long form scrolls inside the screen; its buttons stay in view
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            inner = QWidget()
            inner.setLayout(form)
            scroller.setWidget(inner)
            scroller.setMinimumHeight(min(inner.sizeHint().height(), 520))
            outer.addWidget(scroller)
        else:
            outer.addLayout(form)
        buttons = dialog_buttons(
            (QDialogButtonBox.StandardButton.Save, "保存"), (QDialogButtonBox.StandardButton.Cancel, "取消")
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.button_box = buttons
        fit_to_screen(self, 560, self.sizeHint().height())

    def editor(self, label: str) -> QWidget:
        return next(self.editors[s.key] for s in self.specs if s.label == label)

    def show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(message)
        label.setVisible(bool(message))

    def _recheck(self, key: str) -> None:
        """Once a field with a message is corrected, its message goes away (and changes while it is wrong)."""
        if self.errors[key].isHidden():
            return
        spec = next(spec for spec in self.specs if spec.key == key)
        try:
            spec.parse(read_raw(self.editors[key]))
            self.show_error(key, "")
        except InputError as error:
            self.show_error(key, str(error.args[0]))

    def collect(self) -> dict[str, Any] | None:
        values, first_bad = {}, None
        for spec in self.specs:
            try:
                values[spec.key] = spec.parse(read_raw(self.editors[spec.key]))
                self.show_error(spec.key, "")
            except InputError as error:
                self.show_error(spec.key, str(error.args[0]))
                first_bad = first_bad or spec.key
        if first_bad:
            self.editors[first_bad].setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return values

    def try_save(self) -> None:
        values = self.collect()
        if values is None:
            return
        try:
            self.on_save(values)
        except InputError as error:
            key = error.args[1] if len(error.args) > 1 else self.specs[0].key
            self.show_error(key, str(error.args[0]))
            return
        except StorageError as error:  # nothing was saved; the form stays open with what was typed
            messages.warn(self, "没有保存", str(error))
            return
        self.accept()

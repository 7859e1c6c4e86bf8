"""What the window is working on: the current village, its undo history, and a signal on every change.

Each village has its own undo history, so Ctrl+Z only ever acts on the village on screen. An undo or redo
first makes its change in the database; only when that succeeds does the history move. It is refused
(and the history stays where it was) when a record is no longer as the history left it, for instance
because someone else changed or deleted it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.store import models, records
from app.store.errors import StorageError
from app.store.transactions import write_transaction

logger = logging.getLogger(__name__)


def changed_tables(changes: Sequence[records.Change]) -> frozenset:
    return frozenset(change.model for change in changes)


class ChangeCommand(QUndoCommand):
    """An entry in the history. The database work is done by Session.undo/redo before the stack moves."""

    def __init__(self, changes: Sequence[records.Change], text: str):
        super().__init__(text)
        self.changes = list(changes)

    def undo(self):
        pass

    def redo(self):
        pass


class Session(QObject):
    changed = Signal(object)  # the set of model classes whose rows changed
    village_changed = Signal(object)
    history_changed = Signal()  # the current village's undo/redo availability or texts changed
    refused = Signal(str, str)  # (title, message) when a save, undo or redo could not be done

    def __init__(self, village: models.Village, data_dir: Path, parent=None):
        super().__init__(parent)
        self.village = village
        self.data_dir = data_dir
        self._stacks: dict[str, QUndoStack] = {}

    @property
    def undo_stack(self) -> QUndoStack:
        """The current village's history."""
        key = str(self.village.id)
        if key not in self._stacks:
            stack = QUndoStack(self)
            stack.indexChanged.connect(self.history_changed)
            self._stacks[key] = stack
        return self._stacks[key]

    def set_village(self, village: models.Village) -> None:
        self.village = village
        self.village_changed.emit(village)
        self.history_changed.emit()

    def clear_history(self) -> None:
        """After a restore the history speaks of records that may no longer exist."""
        for stack in self._stacks.values():
            stack.clear()
        self.history_changed.emit()

    def reload_village(self) -> None:
        self.village = models.Village.get_by_id(self.village.id)
        self.village_changed.emit(self.village)

    def record(self, changes: Sequence[records.Change], text: str) -> None:
        """Registers changes already saved, so that Ctrl+Z can take them back."""
        if changes:
            self.undo_stack.push(ChangeCommand(changes, text))
        self.changed.emit(changed_tables(changes))

    def save(self, record, text: str, expected=None) -> records.Change:
        change = records.save(record, expected=expected)
        self.record([change], text)
        return change

    def delete(self, record, text: str, expected=None) -> records.Change:
        change = records.delete(record, expected=expected)
        self.record([change], text)
        return change

    def undo(self) -> bool:
        stack = self.undo_stack
        if not stack.canUndo():
            return False
        command = stack.command(stack.index() - 1)
        if not self._apply(command.changes[::-1], records.undo, "撤销", command.text()):
            return False
        stack.undo()
        return True

    def redo(self) -> bool:
        stack = self.undo_stack
        if not stack.canRedo():
            return False
        command = stack.command(stack.index())
        if not self._apply(command.changes, records.redo, "重做", command.text()):
            return False
        stack.redo()
        return True

    def _apply(self, changes, operation, verb: str, text: str) -> bool:
        try:
            with write_transaction():
                for change in changes:
                    operation(change)
        except StorageError as error:
            logger.info("%s refused: %s (%s)", verb, text, error)
            self.refused.emit(f"不能{verb}", f"不能{verb}“{text}”：\n{error}")
            return False
        finally:
            self.changed.emit(changed_tables(changes))  # lists show the database as it is, either way
        return True

"""What the window is working on: the current village, the undo history, and a signal on every change."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.store import models, records

logger = logging.getLogger(__name__)


def changed_tables(changes: Sequence[records.Change]) -> frozenset:
    return frozenset(change.model for change in changes)


class ChangeCommand(QUndoCommand):
    """Already applied when pushed; undo/redo go through the audited save path."""

    def __init__(self, session: Session, changes: Sequence[records.Change], text: str):
        super().__init__(text)
        self.session = session
        self.changes = list(changes)
        self.first_redo = True

    def redo(self):
        if self.first_redo:
            self.first_redo = False
            return
        with models.database.atomic():
            for change in self.changes:
                records.redo(change)
        self.session.changed.emit(changed_tables(self.changes))

    def undo(self):
        with models.database.atomic():
            for change in reversed(self.changes):
                records.undo(change)
        self.session.changed.emit(changed_tables(self.changes))


class Session(QObject):
    changed = Signal(object)  # the set of model classes whose rows changed
    village_changed = Signal(object)

    def __init__(self, village: models.Village, data_dir: Path, parent=None):
        super().__init__(parent)
        self.village = village
        self.data_dir = data_dir
        self.undo_stack = QUndoStack(self)

    def set_village(self, village: models.Village) -> None:
        self.village = village
        self.village_changed.emit(village)

    def reload_village(self) -> None:
        self.village = models.Village.get_by_id(self.village.id)
        self.village_changed.emit(self.village)

    def record(self, changes: Sequence[records.Change], text: str) -> None:
        """Registers changes already saved, so that Ctrl+Z can take them back."""
        if changes:
            self.undo_stack.push(ChangeCommand(self, changes, text))
        self.changed.emit(changed_tables(changes))

    def save(self, record, text: str) -> records.Change:
        change = records.save(record)
        self.record([change], text)
        return change

    def delete(self, record, text: str) -> records.Change:
        change = records.delete(record)
        self.record([change], text)
        return change

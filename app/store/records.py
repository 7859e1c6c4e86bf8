"""The one save path. Every create, change and delete writes an audit row in the same transaction.

Each call returns a :class:`Change`, which :func:`undo` can reverse (the reversal is audited too).
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from peewee import ForeignKeyField, Model

from app.store import guards, models
from app.store.errors import ChangeRefusedError, ConflictError, DeleteRefusedError
from app.store.transactions import write_transaction

logger = logging.getLogger(__name__)

CREATE, UPDATE, DELETE = "create", "update", "delete"


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows set-ups
        return "未知用户"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def snapshot(record: Model) -> dict[str, Any]:
    """The record's columns as JSON-ready values (foreign keys as their id)."""
    result = {}
    for name, field in record._meta.fields.items():
        raw = record.__data__.get(name)
        if isinstance(field, ForeignKeyField):
            raw = raw.id if isinstance(raw, Model) else raw
        result[name] = _plain(raw)
    return result


def from_snapshot(model: type[Model], data: dict[str, Any]) -> Model:
    values = {}
    for name, field in model._meta.fields.items():
        if name not in data:
            continue
        value = data[name]
        if value is not None and isinstance(field, models.DateTimeField):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(field, models.DateField):
            value = dt.date.fromisoformat(value)
        elif value is not None:
            value = field.python_value(value)
        values[field.name if not isinstance(field, ForeignKeyField) else field.column_name] = value
    return model(**values)


@dataclass(frozen=True)
class Change:
    model: type[Model]
    record_id: str
    action: str
    before: dict | None
    after: dict | None
    removing_village: bool = False  # part of removing a whole village: its closed months go too


def _village_id(data: dict | None) -> str | None:
    if not data:
        return None
    return data.get("village") or None


def _audit(change: Change, actor: str | None) -> None:
    village = _village_id(change.after) or _village_id(change.before)
    if change.model is models.Village:
        village = change.record_id
    models.AuditEntry.create(
        actor=actor or current_actor(),
        table=change.model._meta.table_name,
        record_id=change.record_id,
        village_id=village,
        action=change.action,
        before=change.before,
        after=change.after,
    )


class _Absent:
    """The record must not exist yet (redoing a creation, undoing a delete)."""


ABSENT = _Absent()


def _current(model: type[Model], record_id) -> dict | None:
    existing = model.get_or_none(model.id == record_id)
    return snapshot(existing) if existing else None


def _require(current: dict | None, expected) -> None:
    """Refuses to write over a record that is no longer what the caller last saw."""
    if expected is None:
        return
    if expected is ABSENT:
        if current is not None:
            raise ConflictError(deleted=False)
    elif current is None:
        raise ConflictError(deleted=True)
    elif current != expected:
        raise ConflictError(deleted=False)


def save(record: Model, actor: str | None = None, expected: dict | _Absent | None = None) -> Change:
    """Creates or updates. With `expected` (the record as last seen, or ABSENT), refuses with
    ConflictError when someone else changed or deleted it in the meantime."""
    model = type(record)
    with write_transaction():
        existing = model.get_or_none(model.id == record.id)
        before = snapshot(existing) if existing else None
        _require(before, expected)
        reason = guards.why_not_save(record, existing)
        if reason:
            raise ChangeRefusedError(reason)
        if before:
            record.save()
        else:
            record.save(force_insert=True)
        after = snapshot(model.get_by_id(record.id))
        change = Change(model, str(record.id), UPDATE if before else CREATE, before, after)
        _audit(change, actor)
    return change


SQL_VARIABLES = 900  # per statement: under SQLite's oldest limit (999), which older office PCs may have


def create_many(new: list[Model], actor: str | None = None) -> list[Change]:
    """Adds new records of one kind in one transaction, each audited, in bulk (an import of thousands)."""
    if not new:
        return []
    model, who = type(new[0]), actor or current_actor()
    for record in new:
        reason = guards.why_not_save(record, None)
        if reason:
            raise ChangeRefusedError(reason)
    changes = [Change(model, str(record.id), CREATE, None, snapshot(record)) for record in new]
    audits = [
        {
            "id": uuid.uuid4(),
            "at": models.now(),
            "actor": who,
            "table": model._meta.table_name,
            "record_id": change.record_id,
            "village_id": _village_id(change.after),
            "action": CREATE,
            "before": None,
            "after": change.after,
        }
        for change in changes
    ]
    with write_transaction():
        # every column in every row: insert_many takes its columns from the first row alone
        rows_of_new = [{name: record.__data__.get(name) for name in model._meta.fields} for record in new]
        for rows, kind in ((rows_of_new, model), (audits, models.AuditEntry)):
            size = max(1, SQL_VARIABLES // len(kind._meta.fields))
            for start in range(0, len(rows), size):
                kind.insert_many(rows[start : start + size]).execute()
    return changes


def delete(
    record: Model, actor: str | None = None, expected: dict | None = None, removing_village: bool = False
) -> Change:
    model = type(record)
    with write_transaction():
        existing = model.get_or_none(model.id == record.id)
        current = snapshot(existing) if existing else None
        if existing is None:
            raise ConflictError(deleted=True)
        _require(current, expected)
        reason = guards.why_not_delete(existing, removing_village)
        if reason:
            raise DeleteRefusedError(reason)
        change = Change(model, str(record.id), DELETE, current, None, removing_village)
        existing.delete_instance()
        _audit(change, actor)
    return change


def undo(change: Change, actor: str | None = None) -> Change:
    """Puts the record back as it was before the change, only if it is still as the change left it."""
    if change.action == CREATE:
        return delete(change.model(id=change.record_id), actor, expected=change.after)
    expected = change.after if change.action == UPDATE else ABSENT
    return save(from_snapshot(change.model, change.before), actor, expected=expected)


def redo(change: Change, actor: str | None = None) -> Change:
    """Makes the change again, only if the record is still as the undo left it."""
    if change.action == DELETE:
        return delete(change.model(id=change.record_id), actor, change.before, change.removing_village)
    expected = change.before if change.action == UPDATE else ABSENT
    return save(from_snapshot(change.model, change.after), actor, expected=expected)


def log_viewing(table: str, village_id: str, action: str, actor: str | None = None) -> None:
    """Notes in the audit log that someone looked at what is kept masked (full ID numbers), for a whole table."""
    with write_transaction():
        models.AuditEntry.create(
            actor=actor or current_actor(), table=table, record_id="*", village_id=village_id, action=action
        )

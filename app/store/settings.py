"""Rules a township may change, kept in the database (and so in backups), with the program's defaults."""

from __future__ import annotations

from typing import Any

from app.store import models, records
from app.store.transactions import write_transaction

MEETING_REQUIREMENTS = "meeting_requirements"  # {kind: [period, at least]}
LATE_ENTRY_DAYS = "late_entry_days"


def get(key: str, default: Any) -> Any:
    row = models.Setting.get_or_none(models.Setting.key == key)
    return default if row is None else row.value


def put(key: str, value: Any) -> records.Change:
    row = models.Setting.get_or_none(models.Setting.key == key)
    expected = records.ABSENT if row is None else records.snapshot(row)
    row = row or models.Setting(key=key)
    row.value = value
    return records.save(row, expected=expected)


def put_many(values: dict[str, Any]) -> list[records.Change]:
    """Several settings changed together, as one step."""
    with write_transaction():
        return [put(key, value) for key, value in values.items()]


def meeting_requirements() -> dict[str, tuple[str, int]]:
    from app.domain.meetings import DEFAULT_REQUIREMENTS

    stored = get(MEETING_REQUIREMENTS, {})
    return {kind: tuple(stored.get(kind, default)) for kind, default in DEFAULT_REQUIREMENTS.items()}


def late_entry_days() -> int:
    from app.domain.meetings import LATE_ENTRY_DAYS as DEFAULT

    return int(get(LATE_ENTRY_DAYS, DEFAULT))

"""Write transactions: the write lock first (BEGIN IMMEDIATE, so a second writer waits up to
busy_timeout instead of failing at once), and disk trouble reported as what it is."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from app.store import models
from app.store.errors import storage_error


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """Everything inside commits together or not at all. Nested, it is a savepoint of the outer one."""
    database = models.database
    try:
        with database.atomic(lock_type="IMMEDIATE"):
            yield
    except Exception as error:
        # When SQLite gives up on a full disk it has already rolled back, and peewee's own rollback then
        # fails with "no transaction is active": the cause is further down the chain.
        translated = storage_error(error, _database_path())
        if translated is None or translated is error:
            raise
        raise translated from error


def _database_path():
    from pathlib import Path

    db = models.database.obj
    return Path(db.database) if db is not None else None

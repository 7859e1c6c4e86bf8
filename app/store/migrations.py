"""Schema versions. Each step runs in one transaction together with its version row."""

from __future__ import annotations

import logging
from collections.abc import Callable

from peewee import SqliteDatabase

from app.store import models

logger = logging.getLogger(__name__)


def _create_first_schema(db: SqliteDatabase) -> None:
    db.create_tables(models.ALL_TABLES)


# (version, what it does, step). Append only; never edit a step that has shipped.
MIGRATIONS: list[tuple[int, str, Callable[[SqliteDatabase], None]]] = [
    (1, "首个数据结构", _create_first_schema),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(db: SqliteDatabase) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = models.SchemaVersion.select().order_by(models.SchemaVersion.version.desc()).first()
    return row.version if row else 0


def pending(db: SqliteDatabase) -> list[int]:
    version = current_version(db)
    return [number for number, _, _ in MIGRATIONS if number > version]


def migrate(db: SqliteDatabase) -> list[int]:
    if not db.table_exists("schema_version"):
        db.create_tables([models.SchemaVersion])
    applied = []
    for number, title, step in MIGRATIONS:
        if number <= current_version(db):
            continue
        with db.atomic():
            step(db)
            models.SchemaVersion.create(version=number)
        logger.info("applied migration %s: %s", number, title)
        applied.append(number)
    return applied

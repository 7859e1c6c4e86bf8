"""Opening the village database safely.

A file that SQLite finds damaged is never written to: opening it raises DamagedDatabaseError, which
names the newest good backup. Disk trouble (full, read-only, unplugged) is reported as what it is.
Before any migration of a file that holds data, a checked copy is taken into the backups folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from peewee import PeeweeException, SqliteDatabase

from app import paths
from app.store import backups, health, migrations, models
from app.store.errors import DamagedDatabaseError, EmptyDatabaseError, StorageError, UnreachableError, storage_error

logger = logging.getLogger(__name__)

PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}


def open_database(data_dir: Path) -> SqliteDatabase:
    """Opens (creating if needed) the database in data_dir and brings its schema up to date."""
    path = paths.database_file(data_dir)
    try:
        return _open(data_dir, path)
    except DamagedDatabaseError as error:
        close_database()
        if error.newest_backup is None:
            raise DamagedDatabaseError(path, error.detail, backups.newest_good_backup(data_dir)) from error
        raise
    except StorageError:
        close_database()
        raise
    except (PeeweeException, OSError) as error:
        close_database()
        translated = storage_error(error, path) or UnreachableError(path, str(error))
        raise translated from error


def _open(data_dir: Path, path: Path) -> SqliteDatabase:
    if path.exists() and path.stat().st_size == 0:
        newest = backups.newest_good_backup(data_dir)
        if newest is not None:
            raise EmptyDatabaseError(path, newest)
    health.check_integrity(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    models.database.initialize(db)
    db.connect(reuse_if_open=True)
    # Taking the write lock once tells a read-only file or folder now, not at the clerk's first save.
    db.execute_sql("BEGIN IMMEDIATE")
    db.execute_sql("ROLLBACK")
    to_apply = migrations.pending(db)
    if to_apply and db.get_tables():
        backups.take_backup(path, paths.backup_dir(data_dir), f"before-v{to_apply[0]}")
    migrations.migrate(db)
    return db


def close_database() -> None:
    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()

"""Opening the village database safely.

A file that fails SQLite's integrity check is never written to: opening it raises
:class:`DamagedDatabaseError` with a message for the clerk. Before any migration of a file that
holds data, a copy is taken into the backups folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from app import paths
from app.store import migrations, models

logger = logging.getLogger(__name__)

PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}


class DamagedDatabaseError(Exception):
    """The database file is damaged; the message is for the user, in Chinese."""

    def __init__(self, path: Path, detail: str):
        self.path = path
        self.detail = detail
        super().__init__(
            f"数据库文件已损坏，程序没有改动它：\n{path}\n\n"
            f"请不要删除此文件，把它和 backups 文件夹里最近的备份一起交给技术人员处理。\n\n详细信息：{detail}"
        )


def check_integrity(path: Path) -> str:
    """Returns "ok", or raises DamagedDatabaseError. Opens the file read-only."""
    if not path.exists() or path.stat().st_size == 0:
        return "ok"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(path, str(error)) from error
    result = "; ".join(str(row[0]) for row in rows)
    if result != "ok":
        raise DamagedDatabaseError(path, result)
    return result


def backup_copy(db: SqliteDatabase, data_dir: Path, reason: str) -> Path:
    """A consistent copy of the open database (SQLite's online backup)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = paths.backup_dir(data_dir) / f"sanqiang-{reason}-{stamp}.db"
    destination = sqlite3.connect(target)
    try:
        db.connection().backup(destination)
    finally:
        destination.close()
    logger.info("backup written: %s", target)
    return target


DAILY_BACKUPS_KEPT = 14


def backup_if_due(data_dir: Path, keep: int = DAILY_BACKUPS_KEPT) -> Path | None:
    """One copy a day, the newest `keep` kept; backups taken before migrations are never pruned."""
    folder = paths.backup_dir(data_dir)
    today = dt.date.today().strftime("%Y%m%d")
    if any(folder.glob(f"sanqiang-daily-{today}-*.db")):
        return None
    path = backup_copy(models.database.obj, data_dir, "daily")
    for old in sorted(folder.glob("sanqiang-daily-*.db"))[:-keep]:
        old.unlink()
    return path


def open_database(data_dir: Path) -> SqliteDatabase:
    """Opens (creating if needed) the database in data_dir and brings its schema up to date."""
    path = paths.database_file(data_dir)
    check_integrity(path)
    had_data = path.exists() and path.stat().st_size > 0
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    models.database.initialize(db)
    db.connect(reuse_if_open=True)
    to_apply = migrations.pending(db)
    if to_apply and had_data and db.get_tables():
        backup_copy(db, data_dir, f"before-v{to_apply[0]}")
    migrations.migrate(db)
    return db


def close_database() -> None:
    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()

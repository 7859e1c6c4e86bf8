"""Backups a clerk can rely on: written under a temporary name, checked, and only then given their
real name; listed with what they hold; restored without ever deleting the file they replace.

A backup's name carries the time it was taken: ``sanqiang-<reason>-YYYYmmdd-HHMMSS-ffffff.db``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.store import health
from app.store.errors import DamagedDatabaseError, StorageError, storage_error

logger = logging.getLogger(__name__)

DAILY_BACKUPS_KEPT = 14
PARTIAL_SUFFIX = ".partial"
NAME_PATTERN = re.compile(r"sanqiang-(?P<reason>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6}-\d{6})\.db")
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"

REASON_TITLES = {"daily": "每日自动", "manual": "手动", "replaced": "恢复前的原文件", "before-remove": "删除村之前"}


@dataclass(frozen=True)
class VillageCount:
    name: str
    records: int


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int
    villages: tuple[VillageCount, ...]

    @property
    def reason_title(self) -> str:
        if self.reason.startswith("before-v"):
            return f"升级到第 {self.reason[len('before-v') :]} 版数据结构前"
        return REASON_TITLES.get(self.reason, self.reason)

    def villages_text(self) -> str:
        return "、".join(f"{v.name} {v.records} 条" for v in self.villages) or "没有村"


def backup_name(reason: str, at: dt.datetime | None = None) -> str:
    return f"sanqiang-{reason}-{(at or dt.datetime.now()).strftime(STAMP_FORMAT)}.db"


def taken_at(path: Path) -> dt.datetime | None:
    match = NAME_PATTERN.fullmatch(path.name)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None


def take_backup(database_path: Path, folder: Path, reason: str) -> Path:
    """A consistent copy of the database into folder. Nothing with a backup's name exists until the copy
    has passed SQLite's integrity check and holds as many rows, table by table, as the database."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(reason)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        source = health.read_only(database_path)
        try:
            source.execute("BEGIN")  # one read snapshot for the counts and the copy
            expected = health.row_counts(source)
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                # A backup is a single file: read back (or opened from a read-only USB stick) it needs
                # no -wal/-shm beside it, which a full or read-only disk could not take.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
            source.execute("COMMIT")
        finally:
            source.close()
        _fsync(partial)
        found = verify(partial)
        if found != expected:
            raise StorageError(f"备份核对不符：数据库有 {expected}，备份里是 {found}。备份没有保存，请再试一次。")
        os.replace(partial, target)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        translated = storage_error(error, folder)
        if translated is not None and translated is not error:
            raise translated from error
        raise
    logger.info("backup written: %s", target)
    return target


def verify(path: Path) -> dict[str, int]:
    """Row counts of a backup that passes SQLite's integrity check; raises DamagedDatabaseError otherwise."""
    try:
        health.read_only_integrity_check(path)
        connection = health.read_only(path)
        try:
            return health.row_counts(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(path, str(error)) from error


def _fsync(path: Path) -> None:
    # Opened for writing: Windows flushes a file only through a handle with write access.
    with open(path, "r+b") as file:
        os.fsync(file.fileno())


def backups_in(folder: Path) -> list[Path]:
    """Finished backups in folder, newest first by the time in their names."""
    if not folder.is_dir():
        return []
    found = [(taken_at(path), path) for path in folder.glob("sanqiang-*.db")]
    return [path for at, path in sorted((item for item in found if item[0]), reverse=True)]


def describe(path: Path) -> BackupInfo:
    match = NAME_PATTERN.fullmatch(path.name)
    return BackupInfo(
        path=path,
        taken_at=taken_at(path) or dt.datetime.fromtimestamp(path.stat().st_mtime),
        reason=match["reason"] if match else "",
        size=path.stat().st_size,
        villages=tuple(village_counts(path)),
    )


def village_counts(path: Path) -> list[VillageCount]:
    """Each village in a database file with the number of its records, over every table with a village."""
    connection = health.read_only(path)
    try:
        names = dict(connection.execute("SELECT id, name FROM village ORDER BY name"))
        totals = dict.fromkeys(names, 0)
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            if "village_id" in columns and table != "audit_entry":
                for village_id, count in connection.execute(
                    f'SELECT village_id, count(*) FROM "{table}" GROUP BY village_id'
                ):
                    if village_id in totals:
                        totals[village_id] += count
    except sqlite3.DatabaseError:
        return []
    finally:
        connection.close()
    return [VillageCount(names[key], totals[key]) for key in names]


def newest_good_backup(data_dir: Path) -> Path | None:
    for path in backups_in(paths.backup_dir(data_dir)):
        if path.stat().st_size == 0:
            continue
        try:
            verify(path)
        except StorageError:
            continue
        return path
    return None


def prune_daily(folder: Path, keep: int = DAILY_BACKUPS_KEPT) -> None:
    daily = [path for path in backups_in(folder) if path.name.startswith("sanqiang-daily-")]
    for old in daily[keep:]:
        old.unlink()
    for stale in folder.glob(f"*{PARTIAL_SUFFIX}"):  # left by a backup that was cut off
        stale.unlink(missing_ok=True)


def backup_if_due(data_dir: Path, keep: int = DAILY_BACKUPS_KEPT) -> Path | None:
    """One checked copy a day; the newest `keep` daily copies are kept. Other backups are never pruned."""
    folder = paths.backup_dir(data_dir)
    today = dt.date.today()
    if any(at.date() == today for at in map(taken_at, folder.glob("sanqiang-daily-*.db")) if at):
        return None
    path = take_backup(paths.database_file(data_dir), folder, "daily")
    prune_daily(folder, keep)
    return path


def restore(data_dir: Path, backup: Path) -> Path:
    """Puts a checked backup in place of the database and returns where the replaced file was kept.

    The caller has closed the database. The database file is never missing: the old file is first
    linked (or copied) under its new name, then the restored copy is renamed over it in one step.
    """
    verify(backup)
    database = paths.database_file(data_dir)
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(backup, incoming)
    _fsync(incoming)
    kept = paths.backup_dir(data_dir) / backup_name("replaced")
    if database.exists():
        _settle(database)
        try:
            os.link(database, kept)
        except OSError:
            shutil.copy2(database, kept)
        for suffix in health.COMPANION_SUFFIXES:  # a journal belongs to the file it came with
            companion = database.with_name(database.name + suffix)
            if companion.exists():
                os.replace(companion, kept.with_name(kept.name + suffix))
    os.replace(incoming, database)
    logger.info("restored %s; the replaced file is kept as %s", backup, kept)
    return kept


def _settle(database: Path) -> None:
    """Folds a sound database's write-ahead log into the file, so the file alone is the whole database."""
    try:
        connection = sqlite3.connect(database)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        logger.warning("could not checkpoint %s before replacing it; its journal is kept beside it", database)

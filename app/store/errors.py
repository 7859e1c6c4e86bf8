"""Why the village's data could not be read or written, in words for the clerk.

SQLite reports trouble with the disk (full, read-only, unplugged) and damage to the file through the
same exception types; :func:`storage_error` tells them apart by SQLite's own error code, so that only
real damage is ever called damage.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
DAMAGE_CODES = {SQLITE_CORRUPT, SQLITE_NOTADB}


class StorageError(Exception):
    """The data could not be read or written. ``str(error)`` is the clerk's message, in Chinese."""


class DamagedDatabaseError(StorageError):
    def __init__(self, path: Path, detail: str, newest_backup: Path | None = None):
        self.path, self.detail, self.newest_backup = path, detail, newest_backup
        advice = (
            f"可以从最近的完好备份恢复：{newest_backup.name}。"
            if newest_backup
            else "请不要删除此文件，把它和 backups 文件夹一起交给技术人员处理。"
        )
        super().__init__(f"数据库文件已损坏，程序没有改动它：\n{path}\n\n{advice}\n\n详细信息：{detail}")


class DiskFullError(StorageError):
    def __init__(self, path: Path | None = None):
        super().__init__(
            "磁盘空间已满，刚才的操作没有完成，以前保存的资料没有受影响。\n"
            f"请删除不用的文件、腾出空间后再试。{_where(path)}"
        )


class ReadOnlyError(StorageError):
    def __init__(self, path: Path | None = None):
        super().__init__(
            "数据文件夹或数据库文件是只读的，不能保存。\n"
            f"请检查文件属性、U 盘的写保护开关，或把数据文件夹放到可以写入的位置。{_where(path)}"
        )


class UnreachableError(StorageError):
    def __init__(self, path: Path | None = None, detail: str = ""):
        super().__init__(
            "读写数据库文件时出错：文件夹可能不存在、没有权限，或所在的磁盘（U 盘）已拔出。\n"
            f"请检查后重新打开程序。{_where(path)}" + (f"\n详细信息：{detail}" if detail else "")
        )


class BusyError(StorageError):
    def __init__(self):
        super().__init__("数据库正被另一个程序使用，等了 5 秒仍未空出，刚才的操作没有完成。请稍后再试。")


class MigrationError(StorageError):
    """A schema step was refused and rolled back; the database is as it was before."""


class ConflictError(StorageError):
    """The record is no longer what the clerk (or the undo history) last saw."""

    def __init__(self, deleted: bool):
        self.deleted = deleted
        what = "已被删除" if deleted else "已被修改"
        super().__init__(f"这条记录{what}（可能是在另一个窗口或另一台电脑上），为免覆盖别人的修改，这次没有保存。")


class DeleteRefusedError(StorageError):
    """A rule forbids deleting this record; the message says which."""


class ChangeRefusedError(StorageError):
    """A rule forbids writing this record (a closed month, say); the message says which."""


class DataFolderInUseError(StorageError):
    def __init__(self, folder: Path):
        super().__init__(
            f"这个数据文件夹已经由另一个正在运行的村级三强工作台打开：\n{folder}\n\n"
            "请切换到已经打开的窗口（看看任务栏）。同一份资料同时只能由一个程序修改。"
        )


class EmptyDatabaseError(StorageError):
    """The database file is empty (0 bytes) although backups exist: not a new village."""

    def __init__(self, path: Path, newest_backup: Path):
        self.path, self.newest_backup = path, newest_backup
        super().__init__(
            f"数据库文件是空的（0 字节）：\n{path}\n\n这通常是断电或磁盘故障造成的，资料并没有被清空。"
            f"\n最近的备份是 {newest_backup.name}，可以从它恢复。"
        )


def _writable(path: Path) -> bool:
    """Whether the folder (or the file) can be written; a read-only mount says no even to root."""
    folder = path if path.is_dir() else path.parent
    return os.access(folder, os.W_OK) and (not path.is_file() or os.access(path, os.W_OK))


def _where(path: Path | None) -> str:
    return f"\n位置：{path}" if path else ""


SQLITE_ERROR = 1  # generic: "cannot rollback - no transaction is active" after SQLite already rolled back


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code for the exception: the first specific one along its chain."""
    seen, generic = set(), None
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(error, sqlite3.Error) and code is not None:
            if code & 0xFF != SQLITE_ERROR:
                return code & 0xFF
            generic = SQLITE_ERROR
        error = error.__cause__ or error.__context__
    return generic


def storage_error(error: BaseException, path: Path | None = None) -> StorageError | None:
    """The clerk's error for a database exception, or None when it is not about storage (a bug)."""
    if isinstance(error, StorageError):
        return error
    code = sqlite_code(error)
    if code in (SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_READONLY) and path is not None and not _writable(path):
        return ReadOnlyError(path)
    if code == SQLITE_FULL:
        return DiskFullError(path)
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyError(path)
    if code in (SQLITE_CANTOPEN, SQLITE_IOERR):
        return UnreachableError(path, str(error))
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return BusyError()
    if code in DAMAGE_CODES:
        return DamagedDatabaseError(path or Path("?"), str(error))
    return None

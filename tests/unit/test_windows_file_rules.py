"""Windows' rules for files, where they differ from Linux, held for the store's own file handling. Found by
running the installed program under Wine 10: the first day's automatic backup failed with PermissionError."""

import errno
import fcntl
import os

import pytest

from app import paths
from app.store import backups
from app.store.connection import close_database


@pytest.fixture
def windows_fsync(monkeypatch):
    """os.fsync as on Windows: FlushFileBuffers needs a handle opened for writing, else access is denied."""
    real_fsync = os.fsync

    def fsync(fd):
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_the_daily_backup_is_written_where_flushing_needs_a_writable_handle(data_dir, village, windows_fsync):
    taken = backups.backup_if_due(data_dir)
    assert taken is not None and taken.exists()
    assert backups.describe(taken).villages[0].name == village.name


def test_a_backup_is_restored_where_flushing_needs_a_writable_handle(data_dir, village, windows_fsync):
    taken = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "manual")
    close_database()
    kept = backups.restore(data_dir, taken)
    assert kept.exists() and paths.database_file(data_dir).exists()

"""Disk and file trouble is told apart from damage, and each gets its own message."""

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from app import paths
from app.logging_setup import setup_logging
from app.store import backups, health, models, records
from app.store.connection import close_database, open_database
from app.store.errors import DamagedDatabaseError, DiskFullError, EmptyDatabaseError, ReadOnlyError

KILLED_MID_WRITE = r"""
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode = DELETE")
connection.execute("PRAGMA cache_size = 1")  # spill pages into the file before commit
connection.execute("CREATE TABLE kept (text TEXT)")
connection.execute("INSERT INTO kept VALUES ('committed')")
connection.execute("BEGIN")
for number in range(3000):
    connection.execute("INSERT INTO kept VALUES (?)", ("x" * 200,))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_crash_mid_write_is_recovered_not_called_damage(tmp_path):
    path = tmp_path / "sanqiang.db"
    subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(path)], check=False)
    assert (tmp_path / "sanqiang.db-journal").stat().st_size > 0  # a hot journal was left behind
    health.check_integrity(path)
    connection = sqlite3.connect(path)
    assert connection.execute("select text from kept").fetchall() == [("committed",)]
    connection.close()
    kept = list((tmp_path / "backups").glob("recovery-*/sanqiang.db-journal"))
    assert len(kept) == 1  # the file and its journal as found are kept


def test_real_damage_is_still_damage(data_dir):
    paths.database_file(data_dir).write_bytes(b"not a database" * 500)
    with pytest.raises(DamagedDatabaseError):
        open_database(data_dir)


def test_an_empty_file_with_backups_is_not_a_new_village(data_dir, village):
    backup = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "daily")
    close_database()
    paths.database_file(data_dir).write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        paths.database_file(data_dir).with_name("sanqiang.db" + suffix).unlink(missing_ok=True)
    with pytest.raises(EmptyDatabaseError) as caught:
        open_database(data_dir)
    assert caught.value.newest_backup == backup
    assert "0 字节" in str(caught.value) and backup.name in str(caught.value)
    assert paths.database_file(data_dir).stat().st_size == 0  # nothing was created over it


def test_unwritable_logs_folder_falls_back_to_a_temporary_log(data_dir):
    (data_dir / "logs").write_text("a file where the folder should be")
    log_file = setup_logging(data_dir)
    assert log_file is not None and data_dir not in log_file.parents


def _tmpfs(tmp_path, size: str):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)], check=False)
    if result.returncode != 0:
        pytest.skip("不能挂载 tmpfs（需要 root）")
    yield mount_point
    close_database()
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of 1 MB: a full disk, for real. Needs root (tests run as root here and in CI)."""
    yield from _tmpfs(tmp_path, "1m")


@pytest.fixture
def own_disk(tmp_path):
    """A tmpfs with room for the database, to be made read-only."""
    yield from _tmpfs(tmp_path, "16m")


def test_a_full_disk_says_so_and_keeps_what_was_saved(small_disk):
    from app.store.villages import create_village

    open_database(small_disk)
    village = create_village(name="芦笙村", township="涌溪乡", county="镇远县")
    with pytest.raises(DiskFullError) as caught:
        for number in range(10_000):
            records.save(models.Facility(village=village, name=f"设备{number}" + "长" * 400, status="在用"))
    assert "磁盘空间已满" in str(caught.value)
    saved = models.Facility.select().count()
    close_database()
    (small_disk / "filler").unlink(missing_ok=True)
    open_database(small_disk)
    assert models.Facility.select().count() == saved and models.Village.get().name == "芦笙村"


def test_a_full_disk_leaves_no_half_backup(small_disk, data_dir, demo):
    with pytest.raises(DiskFullError):
        for _ in range(50):
            backups.take_backup(paths.database_file(data_dir), small_disk, "manual")
    assert not list(small_disk.glob("*.partial"))
    for path in backups.backups_in(small_disk):
        backups.verify(path)  # every file with a backup's name is a whole, checked copy


def test_a_read_only_folder_is_not_called_damage(own_disk):
    from app.store.villages import create_village

    open_database(own_disk)
    create_village(name="芦笙村", township="涌溪乡", county="镇远县")
    close_database()
    subprocess.run(["mount", "-o", "remount,ro", str(own_disk)], check=True)
    with pytest.raises(ReadOnlyError) as caught:
        open_database(own_disk)
    assert "只读" in str(caught.value) and "损坏" not in str(caught.value)


def test_a_read_only_database_file_is_refused_at_open(data_dir, village):
    close_database()
    os.chmod(paths.database_file(data_dir), 0o444)
    if os.geteuid() == 0:  # root writes anyway: make it read-only for SQLite instead
        pytest.skip("root 不受文件权限限制；只读情形由只读挂载的测试覆盖")
    with pytest.raises(ReadOnlyError):
        open_database(data_dir)


HOLD_LOCK = """
import pathlib, sys, time
from app.store.folder_lock import FolderLock
lock = FolderLock(pathlib.Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_killed_process_leaves_no_lock(tmp_path):
    from app.store.folder_lock import FolderLock

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    from app.store.errors import DataFolderInUseError

    with pytest.raises(DataFolderInUseError) as caught:
        FolderLock(tmp_path).acquire()
    assert "另一个正在运行" in str(caught.value)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = FolderLock(tmp_path)
    lock.acquire()  # the crash left the file, not the lock
    lock.release()

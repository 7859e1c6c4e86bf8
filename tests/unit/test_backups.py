"""Backups: checked before they get their name, listed by the time inside the name, restored keeping the old file."""

import datetime as dt
import sqlite3

import pytest

from app import paths
from app.store import backups, models, records
from app.store.connection import close_database, open_database
from app.store.errors import DamagedDatabaseError


def test_a_backup_is_checked_and_counts_each_village(data_dir, demo):
    path = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "manual")
    info = backups.describe(path)
    assert info.reason_title == "手动" and info.size > 0
    assert len(info.villages) == len(demo)
    first = demo[0]
    expected = sum(model.select().where(model.village == first).count() for model in models.VILLAGE_TABLES)
    assert next(v.records for v in info.villages if v.name == first.name) == expected


def test_pruning_goes_by_the_time_in_the_name(data_dir, village):
    folder = paths.backup_dir(data_dir)
    # names that sort differently from their times would fool a sort by name
    for day in range(1, 20):
        (folder / backups.backup_name("daily", dt.datetime(2026, 1, day))).write_bytes(b"old")
    backups.prune_daily(folder, keep=5)
    kept = sorted(backups.taken_at(path).day for path in folder.glob("sanqiang-daily-*.db"))
    assert kept == [15, 16, 17, 18, 19]


def test_a_cut_off_backup_does_not_count_as_todays(data_dir, village):
    folder = paths.backup_dir(data_dir)
    (folder / (backups.backup_name("daily") + backups.PARTIAL_SUFFIX)).write_bytes(b"")  # killed mid-copy
    made = backups.backup_if_due(data_dir)
    assert made is not None and made.stat().st_size > 0
    assert not list(folder.glob("*.partial"))


def test_a_zero_byte_backup_is_not_the_newest_good_one(data_dir, village):
    good = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "daily")
    (paths.backup_dir(data_dir) / backups.backup_name("manual", dt.datetime.now() + dt.timedelta(hours=1))).write_bytes(
        b""
    )
    assert backups.newest_good_backup(data_dir) == good


def test_restore_brings_back_the_records_and_keeps_the_replaced_file(data_dir, village):
    backup = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "manual")
    records.save(models.Facility(village=village, name="投影仪", status="在用"))
    close_database()
    kept = backups.restore(data_dir, backup)
    open_database(data_dir)
    assert not models.Facility.select().exists() and models.Village.get().name == "芦笙村"
    close_database()
    replaced = sqlite3.connect(kept)
    assert replaced.execute("select name from facility").fetchall() == [("投影仪",)]
    replaced.close()
    assert backups.describe(kept).reason_title == "恢复前的原文件"


def test_a_damaged_backup_is_refused_and_nothing_changes(data_dir, village):
    bad = paths.backup_dir(data_dir) / backups.backup_name("manual")
    bad.write_bytes(b"garbage" * 1000)
    close_database()
    before = paths.database_file(data_dir).read_bytes()
    with pytest.raises(DamagedDatabaseError):
        backups.restore(data_dir, bad)
    assert paths.database_file(data_dir).read_bytes() == before


def test_a_damaged_database_names_the_newest_good_backup(data_dir, village):
    backup = backups.take_backup(paths.database_file(data_dir), paths.backup_dir(data_dir), "daily")
    close_database()
    for suffix in ("-wal", "-shm"):
        paths.database_file(data_dir).with_name("sanqiang.db" + suffix).unlink(missing_ok=True)
    paths.database_file(data_dir).write_bytes(b"garbage" * 1000)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(data_dir)
    assert caught.value.newest_backup == backup and backup.name in str(caught.value)

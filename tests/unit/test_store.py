import shutil
import sqlite3
import uuid
from decimal import Decimal

import pytest

from app import paths
from app.store import migrations, models, records
from app.store.connection import DamagedDatabaseError, close_database, open_database


def test_records_have_uuid_keys_and_belong_to_a_village(village):
    venue = models.Venue(village=village, name="活动室", area=Decimal("400"), work_type="新建")
    records.save(venue)
    stored = models.Venue.get_by_id(venue.id)
    assert isinstance(stored.id, uuid.UUID)
    assert stored.village.id == village.id


def test_money_is_exact(village):
    venue = models.Venue(
        village=village,
        name="活动室",
        area=Decimal("400.25"),
        work_type="新建",
        investment=Decimal("123456789012.34") - Decimal("0.01"),
    )
    records.save(venue)
    assert models.Venue.get_by_id(venue.id).investment == Decimal("123456789012.33")
    raw = models.database.execute_sql("select investment from venue").fetchone()[0]
    assert raw == "123456789012.33"


def test_every_change_and_delete_is_audited(village):
    facility = models.Facility(village=village, name="打印机", status="在用", amount=Decimal("2380"))
    records.save(facility)
    facility.status = "维修中"
    records.save(facility)
    records.delete(facility)
    rows = list(
        models.AuditEntry.select()
        .where(models.AuditEntry.record_id == str(facility.id))
        .order_by(models.AuditEntry.at, models.AuditEntry.action)
    )
    actions = sorted(row.action for row in rows)
    assert actions == ["create", "delete", "update"]
    update = next(row for row in rows if row.action == "update")
    assert update.before["status"] == "在用" and update.after["status"] == "维修中"
    delete = next(row for row in rows if row.action == "delete")
    assert delete.after is None and delete.before["name"] == "打印机"
    assert all(row.village_id == str(village.id) and row.actor for row in rows)


def test_undo_brings_back_a_deleted_record_with_its_key(village):
    rule = models.WallRule(village=village, title="印章使用管理制度", body="正文", status="现行")
    records.save(rule)
    change = records.delete(rule)
    assert not models.WallRule.select().exists()
    records.undo(change)
    restored = models.WallRule.get_by_id(rule.id)
    assert restored.title == "印章使用管理制度" and restored.village.id == village.id


def test_undo_of_an_edit_restores_the_old_values(village):
    venue = models.Venue(
        village=village, name="活动室", area=Decimal("300"), work_type="新建", centres={"党员活动中心": "二楼"}
    )
    records.save(venue)
    venue.area = Decimal("500")
    venue.centres = {}
    change = records.save(venue)
    records.undo(change)
    again = models.Venue.get_by_id(venue.id)
    assert again.area == Decimal("300.00") and again.centres == {"党员活动中心": "二楼"}
    records.redo(change)
    assert models.Venue.get_by_id(venue.id).area == Decimal("500.00")


def test_first_schema_is_migration_one_and_pragmas_are_set(db):
    assert migrations.current_version(db) == migrations.latest_version()
    assert db.execute_sql("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("pragma synchronous").fetchone()[0] == 2


def test_a_damaged_file_is_reported_and_never_overwritten(data_dir):
    path = paths.database_file(data_dir)
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(data_dir)
    assert "数据库文件已损坏" in str(caught.value)
    assert path.read_bytes() == before


def test_a_database_with_broken_pages_is_reported(data_dir, tmp_path, demo):
    close_database()
    path = paths.database_file(data_dir)
    connection = sqlite3.connect(path)
    connection.execute("pragma wal_checkpoint(truncate)")
    connection.close()
    damaged = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(damaged), page * 6)):
        damaged[offset] = 0x5A
    path.write_bytes(bytes(damaged))
    keep = tmp_path / "copy.db"
    shutil.copy(path, keep)
    with pytest.raises(DamagedDatabaseError):
        open_database(data_dir)
    assert path.read_bytes() == keep.read_bytes()


def test_demo_refuses_a_database_with_data(village):
    from app.demo.township import NotEmptyError, populate_demo

    with pytest.raises(NotEmptyError):
        populate_demo()


def test_demo_is_a_township_of_varied_villages(demo):
    assert len(demo) >= 4 and len({v.township for v in demo}) == 1
    below = [venue for venue in models.Venue.select() if venue.area < venue.village.venue_area_standard]
    assert below and len(below) < len(demo)
    assert models.ChecklistItem.select().where(models.ChecklistItem.checklist == "六有").exists()
    assert models.WallRule.select().where(models.WallRule.status == "已合并").exists()


def test_daily_backup_once_a_day_keeping_the_newest(data_dir, village):
    from app.store.backups import backup_if_due

    folder = paths.backup_dir(data_dir)
    for day in range(1, 20):
        (folder / f"sanqiang-daily-202601{day:02d}-000000-000000.db").write_bytes(b"old")
    (folder / "sanqiang-before-v1-20200101-000000-000000.db").write_bytes(b"keep")
    first = backup_if_due(data_dir, keep=14)
    assert first is not None and backup_if_due(data_dir, keep=14) is None
    dailies = sorted(folder.glob("sanqiang-daily-*.db"))
    assert len(dailies) == 14 and dailies[-1] == first
    assert (folder / "sanqiang-before-v1-20200101-000000-000000.db").exists()
    copy = sqlite3.connect(first)
    assert copy.execute("select name from village").fetchone()[0] == "芦笙村"
    copy.close()


def test_creating_many_keeps_every_field_of_every_record_even_when_the_first_lacks_it(village):
    import datetime as dt

    from app.store import records

    meetings = [
        models.Meeting(village=village, kind="支委会", held_on=dt.date(2026, 3, 5)),
        models.Meeting(
            village=village, kind="支部党员大会", held_on=dt.date(2026, 3, 20), votes_for=9, votes_abstain=1
        ),
    ]
    records.create_many(meetings)
    general = models.Meeting.get(models.Meeting.kind == "支部党员大会")
    assert (general.votes_for, general.votes_abstain, general.votes_against) == (9, 1, None)

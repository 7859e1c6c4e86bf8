"""Schema steps on a database made by the first release (tests/fixtures, made by 856c663's `demo`)."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from peewee import TextField
from playhouse.migrate import SqliteMigrator, migrate

from app import paths
from app.store import migrations
from app.store.connection import close_database, open_database
from app.store.errors import MigrationError

from .schema_shape import drift

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0-demo.db"


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute("select name from sqlite_master where type='table'")]
        return {name: connection.execute(f'select count(*) from "{name}"').fetchone()[0] for name in tables}
    finally:
        connection.close()


def records_of(table_counts: dict[str, int]) -> dict[str, int]:
    return {table: count for table, count in table_counts.items() if table != "schema_version"}


def kept_records(folder: Path, before: dict[str, int]) -> dict[str, int]:
    """Rows now in the tables that were there before (the steps before a refused one stay applied)."""
    now = counts(paths.database_file(folder))
    return {table: now[table] for table in records_of(before)}


def add_village_code(db):
    """A NOT NULL column with a default: peewee's SqliteMigrator rebuilds the village table for it."""
    migrator = SqliteMigrator(db)
    migrate(migrator.add_column("village", "code", TextField(default="")))
    migrate(migrator.add_not_null("village", "code"))


@pytest.fixture
def first_release_dir(tmp_path):
    folder = tmp_path / "village"
    folder.mkdir()
    shutil.copy(FIXTURE, paths.database_file(folder))
    return folder


@pytest.fixture
def with_step(monkeypatch):
    def add(apply, title="测试步骤"):
        step = migrations.Step(migrations.latest_version() + 1, title, apply)
        monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
        return step

    return add


def test_a_step_that_rebuilds_the_village_table_keeps_every_record(first_release_dir, with_step):
    before = counts(paths.database_file(first_release_dir))
    assert before["venue"] > 0 and before["wall_rule"] > 0
    step = with_step(add_village_code)
    db = open_database(first_release_dir)
    assert migrations.current_version(db) == step.version
    columns = [row[1] for row in db.execute_sql('pragma table_info("village")')]
    assert "code" in columns
    close_database()
    after = counts(paths.database_file(first_release_dir))
    assert after.pop("schema_version") == step.version  # one row per version applied
    before.pop("schema_version")
    assert {table: after[table] for table in before} == before
    # one backup before the first pending step (2: the release made version 1)
    backup = next(paths.backup_dir(first_release_dir).glob("sanqiang-before-v2-*.db"))
    assert {table: count for table, count in counts(backup).items() if table != "schema_version"} == before


def test_a_fresh_database_runs_every_step(data_dir, with_step):
    step = with_step(add_village_code)
    db = open_database(data_dir)
    assert migrations.current_version(db) == step.version
    close_database()


def test_the_first_step_creates_exactly_the_first_release_schema(data_dir, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    open_database(data_dir)
    close_database()

    def schema(path):
        connection = sqlite3.connect(path)
        try:
            return sorted(connection.execute("select type, name, sql from sqlite_master where sql is not null"))
        finally:
            connection.close()

    assert schema(paths.database_file(data_dir)) == schema(FIXTURE)


def test_a_step_that_loses_rows_is_rolled_back(first_release_dir, with_step):
    before = counts(paths.database_file(first_release_dir))
    with_step(lambda db: db.execute_sql("delete from facility where quantity > 1"), "整理设备")
    with pytest.raises(MigrationError) as refused:
        open_database(first_release_dir)
    assert "会丢失记录" in str(refused.value) and "facility" in str(refused.value)
    assert kept_records(first_release_dir, before) == records_of(before)


def test_a_step_that_breaks_links_is_rolled_back(first_release_dir, with_step):
    before = counts(paths.database_file(first_release_dir))
    with_step(lambda db: db.execute_sql("update venue set village_id = 'nowhere'"))
    with pytest.raises(MigrationError) as refused:
        open_database(first_release_dir)
    assert "关联断开" in str(refused.value)
    assert kept_records(first_release_dir, before) == records_of(before)


def test_a_first_release_database_upgrades_to_the_latest_schema_keeping_every_record(first_release_dir):
    before = counts(paths.database_file(first_release_dir))
    db = open_database(first_release_dir)
    assert migrations.current_version(db) == migrations.latest_version()
    close_database()
    after = counts(paths.database_file(first_release_dir))
    assert after.pop("schema_version") == migrations.latest_version()
    before.pop("schema_version")
    assert {table: after[table] for table in before} == before
    assert after["party_member"] == 0


def test_the_steps_build_the_tables_the_program_uses(data_dir):
    from app.store import models

    db = open_database(data_dir)
    try:
        for model in models.ALL_TABLES:
            in_database = {row[1] for row in db.execute_sql(f'pragma table_info("{model._meta.table_name}")')}
            assert in_database == {field.column_name for field in model._meta.sorted_fields}, model.__name__
        assert drift(db) == []  # types, NOT NULL, primary keys, defaults, ON UPDATE / ON DELETE
    finally:
        close_database()


def test_the_drift_check_sees_a_type_a_not_null_a_default_and_an_on_delete_that_differ(data_dir, with_step):
    """A step that rebuilds a table with the same column names but another shape: names alone would agree."""
    statement = next(sql for sql in migrations.FIRST_SCHEMA if sql.startswith('CREATE TABLE "outreach_activity"'))
    rebuilt = (
        statement.replace('"attendance" INTEGER NOT NULL', '"attendance" TEXT NOT NULL')
        .replace('"speaker" TEXT NOT NULL', '"speaker" TEXT')
        .replace('"place" TEXT NOT NULL', "\"place\" TEXT NOT NULL DEFAULT '村部'")
        .replace("ON DELETE CASCADE", "ON DELETE RESTRICT")
    )

    def reshape(db):
        db.execute_sql('DROP TABLE "outreach_activity"')
        db.execute_sql(rebuilt)

    with_step(reshape)
    db = open_database(data_dir)
    try:
        found = drift(db)
    finally:
        close_database()
    assert found == [
        "outreach_activity.attendance: type is 'TEXT', the model says 'INTEGER'",
        "outreach_activity.place: default is \"'村部'\", the model says \"''\"",
        "outreach_activity.speaker: not null is False, the model says True",
        "outreach_activity.village_id: foreign key is {'references': 'village.id', 'on update': 'NO ACTION', "
        "'on delete': 'RESTRICT'}, the model says {'references': 'village.id', 'on update': 'NO ACTION', "
        "'on delete': 'CASCADE'}",
    ]


def test_every_table_has_a_chinese_title_for_messages(data_dir):
    from app.store.health import TABLE_TITLES

    db = open_database(data_dir)
    try:
        assert set(db.get_tables()) <= set(TABLE_TITLES)
    finally:
        close_database()

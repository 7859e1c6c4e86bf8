"""Step 15: a session's trainers move from a JSON list on the session into rows of their own — on a database
made at step 14 with trainers in it, and on the first release's database."""

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from app import paths
from app.store import guards, migrations, models, records
from app.store import training as store
from app.store.connection import close_database, open_database

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0-demo.db"
STEP = 15


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute("select name from sqlite_master where type='table'")]
        return {name: connection.execute(f'select count(*) from "{name}"').fetchone()[0] for name in tables}
    finally:
        connection.close()


def columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute_sql(f'pragma table_info("{table}")')]


@pytest.fixture
def at_step_14(data_dir, monkeypatch):
    """A database as release 14 left it: a village, three trainers, sessions naming them in their JSON lists
    (one naming a trainer that is gone, one naming one trainer twice), and a trainee."""
    shipped = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "MIGRATIONS", [step for step in shipped if step.version < STEP])
    db = open_database(data_dir)
    assert migrations.current_version(db) == STEP - 1 and "trainers" in columns(db, "training_session")
    village = models.Village(name="芦笙村", township="涌溪乡", county="镇远县")
    records.save(village)
    teachers = [models.Trainer(village=village, name=name, unit="县委党校") for name in ("王芳", "李明", "周红")]
    for teacher in teachers:
        records.save(teacher)
    sessions = {}
    for topic, listed in (
        ("党的二十大精神", [teachers[1].id, teachers[0].id, uuid.uuid4()]),
        ("种养技术", [teachers[2].id, teachers[2].id]),
        ("没有授课人", []),
    ):
        key = uuid.uuid4()
        db.execute_sql(
            'INSERT INTO "training_session" ("id", "village_id", "held_on", "place", "topic", "organiser", '
            '"method", "hours", "trainers", "note") VALUES (?, ?, ?, "", ?, "", "课堂授课", "2", ?, "")',
            (key.hex, village.id.hex, "2026-03-05", topic, "[" + ", ".join(f'"{i}"' for i in listed) + "]"),
        )
        sessions[topic] = key
    db.execute_sql(
        'INSERT INTO "trainee" ("id", "village_id", "session_id", "member_id", "cadre_id", "score") '
        "VALUES (?, ?, ?, NULL, NULL, NULL)",
        (uuid.uuid4().hex, village.id.hex, sessions["种养技术"].hex),
    )
    close_database()
    monkeypatch.setattr(migrations, "MIGRATIONS", shipped)
    return data_dir, teachers, sessions


def test_a_step_14_database_keeps_each_sessions_trainers_in_order(at_step_14):
    folder, teachers, sessions = at_step_14
    before = counts(paths.database_file(folder))
    db = open_database(folder)
    try:
        assert migrations.current_version(db) == STEP
        assert "trainers" not in columns(db, "training_session")
        assert db.execute_sql("pragma foreign_key_check").fetchall() == []
        held = {topic: models.TrainingSession.get_by_id(key) for topic, key in sessions.items()}
        assert [t.name for t in store.trainers_of(held["党的二十大精神"])] == ["李明", "王芳"]  # the gone one left out
        assert [t.name for t in store.trainers_of(held["种养技术"])] == ["周红"]
        assert store.trainers_of(held["没有授课人"]) == []
        assert store.sessions_of_trainer(teachers[0]) == 1 and store.sessions_of_trainer(teachers[2]) == 1
        assert "1 次培训" in guards.why_not_delete(models.Trainer.get_by_id(teachers[1].id))
        assert len(store.trainees_of(held["种养技术"])) == 1  # the rebuilt session table took no trainee with it
    finally:
        close_database()
    after = counts(paths.database_file(folder))
    assert after.pop("session_trainer") == 3
    assert {table: after[table] for table in before} == {**before, "schema_version": before["schema_version"] + 1}


def test_the_first_release_database_upgrades_through_step_15(tmp_path):
    folder = tmp_path / "village"
    folder.mkdir()
    shutil.copy(FIXTURE, paths.database_file(folder))
    before = counts(paths.database_file(folder))
    db = open_database(folder)
    try:
        assert migrations.current_version(db) == migrations.latest_version() >= STEP
        assert columns(db, "session_trainer") == ["id", "village_id", "session_id", "trainer_id", "position"]
        foreign = {(row[2], row[3], row[6]) for row in db.execute_sql('pragma foreign_key_list("session_trainer")')}
        assert foreign == {
            ("village", "village_id", "CASCADE"),
            ("training_session", "session_id", "CASCADE"),
            ("trainer", "trainer_id", "RESTRICT"),
        }
    finally:
        close_database()
    after = counts(paths.database_file(folder))
    assert all(after[table] == count for table, count in before.items() if table != "schema_version")


def test_saving_a_session_keeps_its_trainers_beside_it_as_one_step(village):
    teachers = [models.Trainer(village=village, name=name) for name in ("王芳", "李明")]
    for teacher in teachers:
        records.save(teacher)
    held = models.TrainingSession(village=village, held_on=models.now().date(), topic="学习", method="课堂授课")
    changes = store.save_session(held, [teachers[1].id, teachers[0].id], expected=records.ABSENT)
    assert [c.model for c in changes] == [models.TrainingSession, models.SessionTrainer, models.SessionTrainer]
    assert [t.name for t in store.trainers_of(held)] == ["李明", "王芳"]
    held = models.TrainingSession.get_by_id(held.id)
    assert store.save_session(held, [teachers[1].id, teachers[0].id], expected=records.snapshot(held))[1:] == []
    store.save_session(held, [teachers[0].id], expected=records.snapshot(held))
    assert [t.name for t in store.trainers_of(held)] == ["王芳"] and store.sessions_of_trainer(teachers[1]) == 0

"""The delete rules (app.store.guards.DELETE_RULES) agree with the schema's ON DELETE, link by link, and a
record deleted with what goes with it is one audited step that undo takes back whole."""

import datetime as dt

import pytest

from app.domain import meetings as mt
from app.domain import members as m
from app.domain import training as t
from app.store import deletion, guards, models, records
from app.store import training as training_store
from app.store.errors import DeleteRefusedError
from app.store.transactions import write_transaction

TABLES = {model._meta.table_name: model for model in models.ALL_TABLES}


def schema_links(db) -> dict[tuple[str, str], tuple[str, str]]:
    """(child table, column) → (parent table, ON DELETE), read from the database the migrations built."""
    found = {}
    for (table,) in db.execute_sql("select name from sqlite_master where type = 'table'").fetchall():
        for row in db.execute_sql(f'pragma foreign_key_list("{table}")').fetchall():
            found[(table, row[3])] = (row[2], row[6])
    return found


def rule_links(rules) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(child table, column) → (parent table, ON DELETE as the rule states it, what the rule does)."""
    found = {}
    for rule in rules:
        for link in rule.links:
            key = (link.child._meta.table_name, link.child._meta.fields[link.field].column_name)
            assert key not in found, f"{key} has two rules"
            found[key] = (link.parent._meta.table_name, link.on_delete, rule.does)
    return found


def disagreements(schema: dict, rules) -> list[str]:
    """Every way the rules and the schema disagree, in words (empty when they agree)."""
    declared = rule_links(rules)
    problems = []
    for (table, column), (parent, on_delete) in sorted(schema.items()):
        if column == "village_id" and parent == "village":  # a village's removal deletes pointing records first
            if TABLES[table] not in models.VILLAGE_TABLES or on_delete != "CASCADE":
                problems.append(f"{table}.{column}: not removed with its village ({on_delete})")
            continue
        if (table, column) not in declared:
            problems.append(f"{table}.{column} → {parent} ({on_delete}): no delete rule")
            continue
        rule_parent, stated, does = declared[(table, column)]
        if (rule_parent, stated) != (parent, on_delete):
            problems.append(f"{table}.{column}: the rule says {rule_parent} {stated}, the schema {parent} {on_delete}")
        if does not in guards.ALLOWED.get(on_delete, set()):
            problems.append(f"{table}.{column}: ON DELETE {on_delete} does not allow “{does}”")
    for key in sorted(set(declared) - set(schema)):
        problems.append(f"{key[0]}.{key[1]}: a rule for a link the schema does not have")
    return problems


def test_every_foreign_key_of_the_schema_has_its_delete_rule(db):
    assert disagreements(schema_links(db), guards.DELETE_RULES) == []


def test_a_disagreement_is_found(db):
    schema = schema_links(db)
    rules = [rule for rule in guards.DELETE_RULES if rule.links[0].child is not models.Attendance]
    assert "attendance.meeting_id → meeting (CASCADE): no delete rule" in disagreements(schema, rules)
    cascading = {**schema, ("journal_entry", "account_id"): ("account", "CASCADE")}
    assert any("journal_entry.account_id: the rule says" in p for p in disagreements(cascading, guards.DELETE_RULES))
    loose = guards.DeleteRule((guards.Link(models.Trainee, "member", "RESTRICT"),), guards.UNLINK, str)
    others = [
        rule for rule in guards.DELETE_RULES if guards.Link(models.Trainee, "member", "RESTRICT") not in rule.links
    ]
    assert "trainee.member_id: ON DELETE RESTRICT does not allow “unlink”" in disagreements(schema, [*others, loose])
    assert disagreements({}, guards.DELETE_RULES)[0].endswith("a rule for a link the schema does not have")


# --- records deleted with what goes with them ---
def member(village, name: str) -> models.PartyMember:
    row = models.PartyMember(village=village, name=name, stage=m.FULL, status=m.NORMAL, joined_on=dt.date(2010, 1, 1))
    records.save(row)
    return row


def undo(changes: list) -> None:
    with write_transaction():
        for change in reversed(changes):
            records.undo(change)


def audited(record_id) -> list[str]:
    return [row.action for row in models.AuditEntry.select().where(models.AuditEntry.record_id == str(record_id))]


def test_a_meeting_goes_with_its_attendance_and_comes_back_whole(village):
    meeting = models.Meeting(village=village, kind=mt.KINDS[0], held_on=dt.date(2026, 3, 5))
    records.save(meeting)
    people = [member(village, name) for name in ("张三", "李四")]
    for person in people:
        records.save(models.Attendance(village=village, meeting=meeting, member=person, status=mt.PRESENT))
    assert "2 人的出席情况" in guards.why_not_delete(meeting)  # the plain path never cascades behind the audit
    with pytest.raises(DeleteRefusedError):
        records.delete(meeting)

    changes = deletion.delete_with_children(meeting, expected=records.snapshot(meeting))
    assert [c.model for c in changes] == [models.Attendance, models.Attendance, models.Meeting]
    assert not models.Attendance.select().exists() and audited(meeting.id) == ["create", "delete"]
    undo(changes)
    assert models.Meeting.get_by_id(meeting.id) and models.Attendance.select().count() == 2


def test_a_session_goes_with_its_trainers_and_trainees(village):
    teacher = models.Trainer(village=village, name="王芳")
    records.save(teacher)
    held = models.TrainingSession(village=village, held_on=dt.date(2026, 3, 5), topic="学习", method=t.METHODS[0])
    training_store.save_session(held, [teacher.id], expected=records.ABSENT)
    person = member(village, "张三")
    records.save(models.Trainee(village=village, session=held, member=person))
    assert "1 名参训人员" in guards.why_not_delete(held)
    held = models.TrainingSession.get_by_id(held.id)
    changes = deletion.delete_with_children(held, expected=records.snapshot(held))
    assert {c.model for c in changes} == {models.Trainee, models.SessionTrainer, models.TrainingSession}
    assert training_store.sessions_of_trainer(teacher) == 0
    undo(changes)
    assert [row.name for row in training_store.trainers_of(held)] == ["王芳"]
    assert len(training_store.trainees_of(held)) == 1


def test_a_member_who_is_a_contact_is_unlinked_on_the_record(village):
    person = member(village, "张三")
    contact = models.HouseholdContact(village=village, name="张三", kind="党员", member=person)
    records.save(contact)
    assert "联系人“张三”对应的党员" in guards.why_not_delete(person)  # the database would clear it unaudited
    assert guards.why_not_delete(person, with_children=True) is None
    changes = deletion.delete_with_children(person, expected=records.snapshot(person))
    assert [(c.model, c.action) for c in changes] == [
        (models.HouseholdContact, "update"),
        (models.PartyMember, "delete"),
    ]
    assert models.HouseholdContact.get_by_id(contact.id).member_id is None
    assert audited(contact.id) == ["create", "update"]
    undo(changes)
    assert models.HouseholdContact.get_by_id(contact.id).member_id == person.id


def test_a_refusing_rule_keeps_the_record_and_everything_with_it(village):
    person = member(village, "张三")
    meeting = models.Meeting(village=village, kind=mt.KINDS[0], held_on=dt.date(2026, 3, 5))
    records.save(meeting)
    records.save(models.Attendance(village=village, meeting=meeting, member=person, status=mt.PRESENT))
    contact = models.HouseholdContact(village=village, name="张三", kind="党员", member=person)
    records.save(contact)
    with pytest.raises(DeleteRefusedError, match="1 条会议、评议、党费或培训记录"):
        deletion.delete_with_children(person, expected=records.snapshot(person))
    assert models.HouseholdContact.get_by_id(contact.id).member_id == person.id

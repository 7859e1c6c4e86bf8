"""Training: the 师资库, who can be picked as a trainee, a session's trainees and scores, each person's hours
in a year against the yearly target (a setting)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from app.domain import training as t
from app.store import models, records, settings
from app.store.cadres import current_posts
from app.store.members import on_roll
from app.store.transactions import write_transaction

RULES = settings.TRAINING_RULES.key
CADRE, MEMBER = "班子成员", "党员"


def year_hours_target() -> Decimal:
    return Decimal(str(settings.get(RULES).get("year_hours", t.DEFAULT_YEAR_HOURS)))


def trainer_label(trainer: models.Trainer) -> str:
    """How a trainer is picked in a form: the name and unit (a 、 inside would split the choice, so it is not kept)."""
    label = f"{trainer.name}（{trainer.unit}）" if trainer.unit else trainer.name
    return label.replace("、", "/")


def trainers(village) -> list[models.Trainer]:
    query = models.Trainer.select().where(models.Trainer.village == village)
    return list(query.order_by(models.Trainer.unit, models.Trainer.name))


def trainers_of(session: models.TrainingSession) -> list[models.Trainer]:
    query = (
        models.Trainer.select()
        .join(models.SessionTrainer)
        .where(models.SessionTrainer.session == session)
        .order_by(models.SessionTrainer.position)
    )
    return list(query)


def sessions_of_trainer(trainer: models.Trainer) -> int:
    """How many sessions this trainer taught at."""
    return models.SessionTrainer.select().where(models.SessionTrainer.trainer == trainer).count()


def save_session(session: models.TrainingSession, trainer_ids: list, expected=None) -> list[records.Change]:
    """Writes a session and its trainers (ids of the 师资库, in the order picked) as one step: the session, then
    its trainer rows, replaced only when the trainers or their order changed."""
    wanted = [str(uuid.UUID(str(key))) for key in trainer_ids]
    with write_transaction():
        changes = [records.save(session, expected=expected)]
        links = list(
            models.SessionTrainer.select()
            .where(models.SessionTrainer.session == session.id)
            .order_by(models.SessionTrainer.position)
        )
        if [str(link.trainer_id) for link in links] != wanted:
            changes += [records.delete(link, expected=records.snapshot(link)) for link in links]
            new = [
                models.SessionTrainer(village=session.village_id, session=session.id, trainer=key, position=position)
                for position, key in enumerate(wanted)
            ]
            changes += [records.save(link, expected=records.ABSENT) for link in new]
    return changes


@dataclass(frozen=True)
class Candidate:
    """Someone who can be picked as a trainee: a roster member, a cadre, or a cadre who is also a member."""

    key: str
    name: str
    role: str
    member_id: object = None
    cadre_id: object = None


def person_key(member_id, cadre_id, cadre_member_id=None) -> str:
    """One key per person: their roster row when they have one, else their cadre row."""
    member = member_id or cadre_member_id
    return f"member:{member}" if member else f"cadre:{cadre_id}"


def candidates(village, on: dt.date) -> list[Candidate]:
    """The cadres holding a post on that day first, then the members on the roll; a cadre who is a member once."""
    people: dict[str, Candidate] = {}
    for post in current_posts(village, on):
        cadre = post.cadre
        key = person_key(None, cadre.id, cadre.member_id)
        if key not in people:
            role = f"{CADRE}、{MEMBER}" if cadre.member_id else CADRE
            people[key] = Candidate(key, cadre.name, role, cadre.member_id, cadre.id)
    for member in on_roll(village).order_by(models.PartyMember.party_group, models.PartyMember.name):
        key = person_key(member.id, None)
        people.setdefault(key, Candidate(key, member.name, MEMBER, member.id, None))
    return list(people.values())


def trainees_of(session: models.TrainingSession) -> list[models.Trainee]:
    query = models.Trainee.select().where(models.Trainee.session == session)
    return list(query)


def trainee_key(row: models.Trainee) -> str:
    return person_key(row.member_id, row.cadre_id, row.cadre.member_id if row.cadre_id else None)


def trainee_name(row: models.Trainee) -> str:
    return row.member.name if row.member_id else row.cadre.name


def session_candidates(session: models.TrainingSession) -> list[Candidate]:
    """Who the trainee list offers: the people of the session's day, and anyone already recorded for it."""
    people = {c.key: c for c in candidates(session.village, session.held_on)}
    for row in trainees_of(session):
        key = trainee_key(row)
        if key not in people:
            role = CADRE if row.cadre_id else MEMBER
            people[key] = Candidate(key, trainee_name(row), role, row.member_id, row.cadre_id)
    return list(people.values())


def record_trainees(
    session: models.TrainingSession, chosen: dict[str, Decimal | None], people: list[Candidate]
) -> list[records.Change]:
    """Replaces the session's trainees with the chosen people (key → test score or None), as one step."""
    by_key = {person.key: person for person in people}
    changes = []
    with write_transaction():
        for row in trainees_of(session):
            changes.append(records.delete(row, expected=records.snapshot(row)))
        for key, score in chosen.items():
            person = by_key[key]
            row = models.Trainee(
                village=session.village_id,
                session=session,
                member=person.member_id,
                cadre=person.cadre_id,
                score=score,
            )
            changes.append(records.save(row, expected=records.ABSENT))
    return changes


def sessions_in(village, year: int) -> list[models.TrainingSession]:
    query = models.TrainingSession.select().where(
        (models.TrainingSession.village == village)
        & (models.TrainingSession.held_on >= dt.date(year, 1, 1))
        & (models.TrainingSession.held_on <= dt.date(year, 12, 31))
    )
    return list(query.order_by(models.TrainingSession.held_on))


def trainee_counts(village) -> dict:
    """Session id → how many trainees, for the list (one query, not one a row)."""
    from peewee import fn

    query = (
        models.Trainee.select(models.Trainee.session, fn.COUNT(models.Trainee.id).alias("n"))
        .where(models.Trainee.village == village)
        .group_by(models.Trainee.session)
    )
    return {row.session_id: row.n for row in query}


def year_people(village, year: int) -> list[t.PersonYear]:
    """Everyone who should train — the cadres and members of the year's end (or today) — and anyone who did,
    with their sessions, hours and scores; those short of the target first."""
    end = min(dt.date(year, 12, 31), dt.date.today())
    people: dict[str, t.PersonYear] = {c.key: t.PersonYear(c.name, c.role) for c in candidates(village, end)}
    sessions = {s.id: s for s in sessions_in(village, year)}
    if sessions:
        rows = models.Trainee.select().where(models.Trainee.session.in_(list(sessions)))
        for row in rows:
            role = CADRE if row.cadre_id else MEMBER
            session = sessions[row.session_id]
            t.add_attendance(people, trainee_key(row), trainee_name(row), role, session.hours, row.score)
    target = year_hours_target()
    return sorted(people.values(), key=lambda p: (p.hours >= target, p.hours, p.name))

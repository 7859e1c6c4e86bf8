"""Reading and recording meetings: who is expected (from the roster and the 支委), attendance, counts."""

from __future__ import annotations

import datetime as dt

from app.domain import cadres as c
from app.domain import meetings as mt
from app.store import models, records
from app.store.cadres import current_posts
from app.store.members import on_roll
from app.store.transactions import write_transaction


def expected_people(village, kind: str, party_group: str = "", on: dt.date | None = None) -> list[models.PartyMember]:
    """Who should attend: the 支委 for a 支委会, the group for a 党小组会, every member in 正常 status otherwise."""
    if kind == mt.COMMITTEE:
        linked = {p.cadre.member_id for p in current_posts(village, on) if p.post in c.BRANCH_POSTS}
        people = [person for person in on_roll(village) if person.id in linked]
    elif kind == mt.GROUP:
        people = list(on_roll(village).where(models.PartyMember.party_group == party_group))
    else:
        people = list(on_roll(village))
    return sorted(people, key=lambda person: (person.party_group, person.name))


def has_a_vote(member: models.PartyMember, kind: str, on: dt.date) -> bool:
    """预备党员 attend but do not vote: a vote needs 转正 on or before the meeting day."""
    if kind == mt.COMMITTEE:
        return True
    return member.converted_on is not None and member.converted_on <= on


def attendance_of(meeting: models.Meeting) -> list[models.Attendance]:
    query = (
        models.Attendance.select(models.Attendance, models.PartyMember)
        .join(models.PartyMember)
        .where(models.Attendance.meeting == meeting)
    )
    return sorted(query, key=lambda a: (a.member.party_group, a.member.name))


def counts(meeting: models.Meeting, rows: list[models.Attendance] | None = None) -> mt.Counts:
    rows = attendance_of(meeting) if rows is None else rows
    voters = [row for row in rows if has_a_vote(row.member, meeting.kind, meeting.held_on)]
    return mt.Counts(
        expected=len(rows),
        present=sum(row.status == mt.PRESENT for row in rows),
        voters_expected=len(voters),
        voters_present=sum(row.status == mt.PRESENT for row in voters),
    )


def outcome(meeting: models.Meeting, rows: list[models.Attendance] | None = None) -> mt.Outcome:
    other = (meeting.votes_against or 0) + (meeting.votes_abstain or 0)
    return mt.outcome(meeting.kind, counts(meeting, rows), meeting.election, meeting.votes_for, other)


def attendance_by_meeting(village) -> dict:
    """Every meeting's attendance rows in one query, for a list of meetings."""
    query = (
        models.Attendance.select(models.Attendance, models.PartyMember)
        .join(models.PartyMember)
        .where(models.Attendance.village == village)
    )
    found: dict = {}
    for row in query:
        found.setdefault(row.meeting_id, []).append(row)
    return found


def record_attendance(meeting: models.Meeting, present: dict, reasons: dict) -> list[records.Change]:
    """Replaces the meeting's attendance: present maps member id -> bool; reasons member id -> text."""
    changes = []
    with write_transaction():
        for row in attendance_of(meeting):
            changes.append(records.delete(row, expected=records.snapshot(row)))
        for member_id, here in present.items():
            row = models.Attendance(
                village=meeting.village_id,
                meeting=meeting,
                member=member_id,
                status=mt.PRESENT if here else mt.ABSENT,
                reason="" if here else reasons.get(member_id, ""),
            )
            changes.append(records.save(row, expected=records.ABSENT))
    return changes


def held_dates(village, year: int) -> dict[str, list[dt.date]]:
    """The year's meeting dates by kind; a 党小组会 also under its own group (meetings.group_kind)."""
    query = models.Meeting.select(models.Meeting.kind, models.Meeting.held_on, models.Meeting.party_group).where(
        (models.Meeting.village == village)
        & (models.Meeting.held_on >= dt.date(year, 1, 1))
        & (models.Meeting.held_on <= dt.date(year, 12, 31))
    )
    found: dict[str, list[dt.date]] = {}
    for meeting in query:
        found.setdefault(meeting.kind, []).append(meeting.held_on)
        if meeting.kind == mt.GROUP:
            found.setdefault(mt.group_kind(meeting.party_group), []).append(meeting.held_on)
    return found

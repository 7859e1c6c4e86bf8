"""三会一课 sheets: a meeting's sign-in sheet (blank for signing) and its minutes."""

from __future__ import annotations

import datetime as dt

from app.domain import meetings as mt
from app.notices import meeting_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import meetings as meeting_store
from app.store import models, settings


def _meetings(village: models.Village):
    return models.Meeting.select().where(models.Meeting.village == village).order_by(models.Meeting.held_on)


def sign_in_entries(village: models.Village) -> list[SheetEntry]:
    return [entry("sign_in", m.id, village, f"{m.held_on:%Y-%m-%d}{m.kind}签到表") for m in _meetings(village)]


def minutes_entries(village: models.Village) -> list[SheetEntry]:
    return [
        entry("meeting_minutes", m.id, village, f"{m.held_on:%Y-%m-%d}{m.kind}会议记录") for m in _meetings(village)
    ]


def meeting_sheet_data(meeting: models.Meeting, today: dt.date) -> meeting_sheets.MeetingSheet:
    village = meeting.village
    rows = meeting_store.attendance_of(meeting)
    if rows:
        attendees = [
            meeting_sheets.Attendee(
                row.member.name,
                "正式党员" if meeting_store.has_a_vote(row.member, meeting.kind, meeting.held_on) else "预备党员",
                row.status == mt.PRESENT,
                row.reason,
            )
            for row in rows
        ]
        outcome = meeting_store.outcome(meeting, rows)
    else:  # a sign-in sheet before the meeting: the people it expects
        people = meeting_store.expected_people(village, meeting.kind, meeting.party_group, meeting.held_on)
        attendees = [
            meeting_sheets.Attendee(
                p.name, "正式党员" if meeting_store.has_a_vote(p, meeting.kind, meeting.held_on) else "预备党员"
            )
            for p in people
        ]
        outcome = None
    votes = ""
    if meeting.votes_for is not None:
        votes = (
            f"赞成 {meeting.votes_for} 票，反对 {meeting.votes_against or 0} 票，弃权 {meeting.votes_abstain or 0} 票"
        )
    return meeting_sheets.MeetingSheet(
        branch=f"中共{village.name}支部委员会",
        kind=meeting.kind if meeting.kind != mt.GROUP else f"{meeting.party_group}{meeting.kind}",
        held_on=meeting.held_on,
        place=meeting.place,
        host=meeting.host,
        recorder=meeting.recorder,
        topics=meeting.topics,
        attendees=attendees,
        minutes=meeting.minutes,
        decisions=meeting.decisions,
        observers=meeting.observers,
        validity=outcome.validity if outcome and outcome.valid is not None else "",
        result=outcome.result if outcome else "",
        late=mt.late_mark(meeting.held_on, meeting.entered_on, settings.late_entry_days()),
        votes=votes,
        printed_on=today,
    )


def sign_in_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    meeting = sources.record(models.Meeting, record_id, "会议")
    sheet = meeting_sheet_data(meeting, today)
    sheet.attendees = [meeting_sheets.Attendee(a.name, a.category) for a in sheet.attendees]  # blank for signing
    report = GlyphReport()
    rendered = meeting_sheets.render_sign_in(sheet, page, report)
    title = f"{meeting.held_on:%Y-%m-%d}{sheet.kind}签到表"
    return sources.sheet("sign_in", record_id, meeting.village, title, rendered, report)


def minutes_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    meeting = sources.record(models.Meeting, record_id, "会议")
    sheet = meeting_sheet_data(meeting, today)
    report = GlyphReport()
    rendered = meeting_sheets.render_minutes(sheet, page, report)
    title = f"{meeting.held_on:%Y-%m-%d}{sheet.kind}会议记录"
    return sources.sheet("meeting_minutes", record_id, meeting.village, title, rendered, report)


register(SheetKind("sign_in", "会议签到表", sign_in_entries, sign_in_render))
register(SheetKind("meeting_minutes", "会议记录", minutes_entries, minutes_render))

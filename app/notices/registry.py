"""The kinds of sheet the program can render, and rendering one by kind and id.

Each kind knows which records it can be made from (for the `notices` command and the UI) and how to
load its data from the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain import wall_rules
from app.domain import members
from app.domain import cadres
from app.domain import meetings as mt
from app.notices import cadre_duties, candidate_notice, meeting_sheets, venue_check_sheet, wall_rule_poster
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered
from app.store import models
from app.store.cadres import current_posts_by_person, holdings
from app.store.villages import checklist_items, checklist_name


class UnknownSheetError(LookupError):
    """The kind or record does not exist; the message is in Chinese."""


@dataclass(frozen=True)
class SheetEntry:
    kind: str
    record_id: str
    title: str


@dataclass
class RenderedSheet:
    kind: str
    record_id: str
    village_id: str
    title: str
    pdf: bytes
    report: GlyphReport = field(default_factory=GlyphReport)
    village_name: str = ""
    pages: int = 1
    advice: str = ""  # e.g. that a larger paper would keep it on one page

    @property
    def file_name(self) -> str:
        """A suggested file name: the village's name first, so two villages' sheets never collide."""
        name = self.title if self.title.startswith(self.village_name) else f"{self.village_name}-{self.title}"
        return "".join("_" if char in '\\/:*?"<>|' else char for char in name) + ".pdf"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def _sheet(kind: str, record_id: str, village, title: str, rendered: Rendered, report: GlyphReport) -> RenderedSheet:
    return RenderedSheet(
        kind, record_id, str(village.id), title, rendered.pdf, report, village.name, rendered.pages, rendered.advice
    )


def _village_unit(village: models.Village) -> str:
    return f"{village.name}党支部　{village.name}村民委员会"


def _wall_rule_entries(village: models.Village) -> list[SheetEntry]:
    query = (
        models.WallRule.select()
        .where((models.WallRule.village == village) & (models.WallRule.status == wall_rules.CURRENT))
        .order_by(models.WallRule.title)
    )
    return [SheetEntry("wall_rule", str(rule.id), f"{village.name}：{rule.title}") for rule in query]


def _wall_rule_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    rule = models.WallRule.get_or_none(models.WallRule.id == _uuid(record_id))
    if rule is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的上墙制度")
    village = rule.village
    poster = wall_rule_poster.WallRulePoster(
        village_name=village.name,
        title=rule.title,
        body=rule.body,
        adopted_on=rule.adopted_on,
        supervision_phone=village.supervision_phone,
        seal_unit=_village_unit(village),
        printed_on=today,
    )
    report = GlyphReport()
    rendered = wall_rule_poster.render(poster, page, report)
    return _sheet("wall_rule", record_id, village, rule.title, rendered, report)


def _venue_check_entries(village: models.Village) -> list[SheetEntry]:
    return [SheetEntry("venue_check", str(village.id), f"{village.name}：阵地标准自查表")]


def venue_check_data(village: models.Village, today: dt.date) -> venue_check_sheet.VenueCheckSheet:
    venues = models.Venue.select().where(models.Venue.village == village).order_by(models.Venue.name)
    items = checklist_items(village)
    return venue_check_sheet.VenueCheckSheet(
        village_name=village.name,
        unit=_village_unit(village),
        supervision_phone=village.supervision_phone,
        area_standard=village.venue_area_standard,
        venues=[
            venue_check_sheet.VenueRow(v.name, v.area, v.work_type, v.year, v.investment, v.centres) for v in venues
        ],
        checklist_name=checklist_name(village),
        items=[venue_check_sheet.CheckRow(item.text, item.met, item.note, _photo_file(item.photo)) for item in items],
        published_on=today,
    )


def _photo_file(photo: str):
    """A self-check photo's file: photos are kept in the data folder, beside the database."""
    if not photo:
        return None
    return Path(models.database.obj.database).parent / photo


def _venue_check_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = _village(record_id)
    sheet = venue_check_data(village, today)
    report = GlyphReport()
    rendered = venue_check_sheet.render(sheet, page, report)
    return _sheet("venue_check", record_id, village, sheet.title, rendered, report)


def _village(record_id: str) -> models.Village:
    village = models.Village.get_or_none(models.Village.id == _uuid(record_id))
    if village is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的村")
    return village


def _candidate_notice_entries(village: models.Village) -> list[SheetEntry]:
    return [SheetEntry("candidate_notice", str(village.id), f"{village.name}：发展对象公示")]


def candidate_notice_data(village: models.Village, today: dt.date) -> candidate_notice.CandidateNotice:
    people = (
        models.PartyMember.select()
        .where(
            (models.PartyMember.village == village)
            & (models.PartyMember.stage == members.CANDIDATE)
            & models.PartyMember.status.in_(members.ACTIVE_STATUSES)
        )
        .order_by(models.PartyMember.candidate_on, models.PartyMember.name)
    )
    return candidate_notice.CandidateNotice(
        village_name=village.name,
        unit=_village_unit(village),
        supervision_phone=village.supervision_phone,
        candidates=[
            candidate_notice.Candidate(
                p.name, p.gender, p.birth_date, p.ethnicity, p.education, p.applied_on, p.activist_on, p.occupation
            )
            for p in people
        ],
        published_on=today,
    )


def _candidate_notice_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = _village(record_id)
    sheet = candidate_notice_data(village, today)
    report = GlyphReport()
    rendered = candidate_notice.render(sheet, page, report)
    return _sheet("candidate_notice", record_id, village, sheet.title, rendered, report)


def _cadre_duties_entries(village: models.Village) -> list[SheetEntry]:
    return [SheetEntry("cadre_duties", str(village.id), f"{village.name}：班子成员分工")]


def cadre_duties_data(village: models.Village, today: dt.date) -> cadre_duties.CadreDuties:
    """One row a person, posts in the order of the law's bodies, people in the order of their first post."""
    rows = [
        cadre_duties.DutyRow(
            person.name, "、".join(p.post for p in posts), "；".join(p.duties for p in posts if p.duties), person.phone
        )
        for person, posts in current_posts_by_person(village, today)
    ]
    notes = [
        f"{name}同志任党组织书记、村委会主任（一肩挑）" for name in cadres.one_person_both(holdings(village, today))
    ]
    return cadre_duties.CadreDuties(
        village_name=village.name,
        unit=_village_unit(village),
        supervision_phone=village.supervision_phone,
        rows=rows,
        notes=notes,
        printed_on=today,
    )


def _cadre_duties_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = _village(record_id)
    sheet = cadre_duties_data(village, today)
    report = GlyphReport()
    rendered = cadre_duties.render(sheet, page, report)
    return _sheet("cadre_duties", record_id, village, sheet.title, rendered, report)


def _meetings(village: models.Village):
    return models.Meeting.select().where(models.Meeting.village == village).order_by(models.Meeting.held_on)


def _sign_in_entries(village: models.Village) -> list[SheetEntry]:
    return [
        SheetEntry("sign_in", str(m.id), f"{village.name}：{m.held_on:%Y-%m-%d}{m.kind}签到表")
        for m in _meetings(village)
    ]


def _minutes_entries(village: models.Village) -> list[SheetEntry]:
    return [
        SheetEntry("meeting_minutes", str(m.id), f"{village.name}：{m.held_on:%Y-%m-%d}{m.kind}会议记录")
        for m in _meetings(village)
    ]


def meeting_sheet_data(meeting: models.Meeting, today: dt.date) -> meeting_sheets.MeetingSheet:
    from app.store import meetings as meeting_store

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
        late=mt.late_mark(meeting.held_on, meeting.entered_on),
        votes=votes,
        printed_on=today,
    )


def _meeting(record_id: str) -> models.Meeting:
    meeting = models.Meeting.get_or_none(models.Meeting.id == _uuid(record_id))
    if meeting is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的会议")
    return meeting


def _sign_in_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    meeting = _meeting(record_id)
    sheet = meeting_sheet_data(meeting, today)
    sheet.attendees = [meeting_sheets.Attendee(a.name, a.category) for a in sheet.attendees]  # blank for signing
    report = GlyphReport()
    rendered = meeting_sheets.render_sign_in(sheet, page, report)
    title = f"{meeting.held_on:%Y-%m-%d}{sheet.kind}签到表"
    return _sheet("sign_in", record_id, meeting.village, title, rendered, report)


def _minutes_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    meeting = _meeting(record_id)
    sheet = meeting_sheet_data(meeting, today)
    report = GlyphReport()
    rendered = meeting_sheets.render_minutes(sheet, page, report)
    title = f"{meeting.held_on:%Y-%m-%d}{sheet.kind}会议记录"
    return _sheet("meeting_minutes", record_id, meeting.village, title, rendered, report)


@dataclass(frozen=True)
class SheetKind:
    kind: str
    label: str
    entries: Callable[[models.Village], list[SheetEntry]]
    render: Callable[[str, PageSpec, dt.date], RenderedSheet]


KINDS: dict[str, SheetKind] = {
    kind.kind: kind
    for kind in (
        SheetKind("wall_rule", "上墙制度海报", _wall_rule_entries, _wall_rule_render),
        SheetKind("venue_check", "阵地标准自查表", _venue_check_entries, _venue_check_render),
        SheetKind("candidate_notice", "发展对象公示", _candidate_notice_entries, _candidate_notice_render),
        SheetKind("cadre_duties", "班子成员分工", _cadre_duties_entries, _cadre_duties_render),
        SheetKind("sign_in", "会议签到表", _sign_in_entries, _sign_in_render),
        SheetKind("meeting_minutes", "会议记录", _minutes_entries, _minutes_render),
    )
}


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise UnknownSheetError(f"编号 {text} 格式不对") from None


def list_sheets(village: models.Village | None = None) -> list[SheetEntry]:
    villages = [village] if village else list(models.Village.select().order_by(models.Village.name))
    return [entry for v in villages for kind in KINDS.values() for entry in kind.entries(v)]


def render(kind: str, record_id: str, page: PageSpec = A4_PORTRAIT, today: dt.date | None = None) -> RenderedSheet:
    if kind not in KINDS:
        raise UnknownSheetError(f"没有“{kind}”这种公示单，可用的有：{'、'.join(KINDS)}")
    return KINDS[kind].render(record_id, page, today or dt.date.today())

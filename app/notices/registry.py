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
from app.notices import (
    appraisal_sheets,
    compact_sheets,
    cadre_duties,
    dues_ledger,
    four_two_sheets,
    candidate_notice,
    meeting_sheets,
    party_affairs,
    venue_check_sheet,
    wall_rule_poster,
)
from app.notices import management_data
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, ALL_PAGE_SPECS, PageSpec, Rendered
from app.store import models
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
        seal_unit=management_data.village_unit(village),
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
        unit=management_data.village_unit(village),
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


def _candidate_notice_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = _village(record_id)
    sheet = management_data.candidate_notice_data(village, today)
    report = GlyphReport()
    rendered = candidate_notice.render(sheet, page, report)
    return _sheet("candidate_notice", record_id, village, sheet.title, rendered, report)


def _cadre_duties_entries(village: models.Village) -> list[SheetEntry]:
    return [SheetEntry("cadre_duties", str(village.id), f"{village.name}：班子成员分工")]


def _cadre_duties_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = _village(record_id)
    sheet = management_data.cadre_duties_data(village, today)
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


def _meeting(record_id: str) -> models.Meeting:
    meeting = models.Meeting.get_or_none(models.Meeting.id == _uuid(record_id))
    if meeting is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的会议")
    return meeting


def _sign_in_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    meeting = _meeting(record_id)
    sheet = management_data.meeting_sheet_data(meeting, today)
    sheet.attendees = [meeting_sheets.Attendee(a.name, a.category) for a in sheet.attendees]  # blank for signing
    report = GlyphReport()
    rendered = meeting_sheets.render_sign_in(sheet, page, report)
    title = f"{meeting.held_on:%Y-%m-%d}{sheet.kind}签到表"
    return _sheet("sign_in", record_id, meeting.village, title, rendered, report)


def _minutes_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    meeting = _meeting(record_id)
    sheet = management_data.meeting_sheet_data(meeting, today)
    report = GlyphReport()
    rendered = meeting_sheets.render_minutes(sheet, page, report)
    title = f"{meeting.held_on:%Y-%m-%d}{sheet.kind}会议记录"
    return _sheet("meeting_minutes", record_id, meeting.village, title, rendered, report)


def _village_year(record_id: str) -> tuple[models.Village, int]:
    """Sheets of a village's year are named "<village id>:<year>"."""
    village_id, _, year = str(record_id).partition(":")
    if not year.isdigit():
        raise UnknownSheetError(f"编号 {record_id} 应为“村编号:年份”")
    return _village(village_id), int(year)


def _appraisal_entries(kind: str, label: str):
    def entries(village: models.Village) -> list[SheetEntry]:
        years = models.Appraisal.select(models.Appraisal.year).where(models.Appraisal.village == village).distinct()
        return [
            SheetEntry(kind, f"{village.id}:{year}", f"{village.name}：{year}年度{label}")
            for (year,) in sorted(years.tuples())
        ]

    return entries


def _appraisal_render(kind: str, label: str, render):
    def rendered(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
        village, year = _village_year(record_id)
        report = GlyphReport()
        result = render(management_data.appraisal_data(village, year, today), page, report)
        return _sheet(kind, record_id, village, f"{year}年度{label}", result, report)

    return rendered


def _dues_entries(village: models.Village) -> list[SheetEntry]:
    years = models.DuesStandard.select(models.DuesStandard.year).where(models.DuesStandard.village == village)
    return [
        SheetEntry("dues_ledger", f"{village.id}:{year}", f"{village.name}：{year}年党费收缴台账")
        for (year,) in sorted(set(years.tuples()))
    ]


def _dues_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = _village_year(record_id)
    sheet = management_data.dues_ledger_data(village, year, today)
    report = GlyphReport()
    rendered = dues_ledger.render(sheet, page, report)
    return _sheet("dues_ledger", record_id, village, sheet.title, rendered, report)


def _party_affairs_entries(village: models.Village) -> list[SheetEntry]:
    today = dt.date.today()
    this = management_data.half_year_of(today)
    previous = management_data.half_year_of(
        dt.date(today.year, 1, 1) - dt.timedelta(days=1) if this.endswith("H1") else dt.date(today.year, 6, 30)
    )
    return [
        SheetEntry(
            "party_affairs",
            f"{village.id}:{key}",
            f"{village.name}：党务公开（{key[:4]}年{'上' if key.endswith('1') else '下'}半年）",
        )
        for key in (previous, this)
    ]


def _party_affairs_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village_id, _, key = str(record_id).partition(":")
    if len(key) != 6 or not key[:4].isdigit() or key[4:] not in ("H1", "H2"):
        raise UnknownSheetError(f"编号 {record_id} 应为“村编号:2026H2”这样的半年")
    village = _village(village_id)
    if management_data.half_year(key)[2] > today:
        raise UnknownSheetError(f"{key[:4]}年{'上' if key.endswith('1') else '下'}半年还没有开始")
    sheet = management_data.party_affairs_data(village, key, today)
    report = GlyphReport()
    rendered = party_affairs.render(sheet, page, report)
    return _sheet("party_affairs", record_id, village, sheet.title, rendered, report)


def _matters(village: models.Village, number: int):
    steps = models.MatterStep.select(models.MatterStep.matter).where(
        (models.MatterStep.village == village) & (models.MatterStep.number == number)
    )
    return models.Matter.select().where(models.Matter.id.in_(steps)).order_by(models.Matter.title)


def _resolution_entries(village: models.Village) -> list[SheetEntry]:
    return [
        SheetEntry("resolution_notice", str(m.id), f"{village.name}：{m.title}决议公开") for m in _matters(village, 4)
    ]


def _result_entries(village: models.Village) -> list[SheetEntry]:
    return [
        SheetEntry("result_notice", str(m.id), f"{village.name}：{m.title}实施结果公开") for m in _matters(village, 6)
    ]


def _matter_notice_render(kind: str, data):
    def rendered(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
        matter = models.Matter.get_or_none(models.Matter.id == _uuid(record_id))
        if matter is None:
            raise UnknownSheetError(f"找不到编号为 {record_id} 的事项")
        try:
            sheet = data(matter, today)
        except ValueError as error:
            raise UnknownSheetError(str(error)) from None
        report = GlyphReport()
        result = four_two_sheets.render_notice(sheet, page, report)
        return _sheet(kind, record_id, matter.village, sheet.title, result, report)

    return rendered


def _register_entries(village: models.Village) -> list[SheetEntry]:
    if not models.Matter.select().where(models.Matter.village == village).exists():
        return []
    year = dt.date.today().year
    return [SheetEntry("matter_register", f"{village.id}:{year}", f"{village.name}：{year}年四议两公开台账")]


def _register_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = _village_year(record_id)
    sheet = management_data.matter_register_data(village, year, today)
    report = GlyphReport()
    rendered = four_two_sheets.render_register(sheet, page, report)
    return _sheet("matter_register", record_id, village, f"{year}年四议两公开台账", rendered, report)


def _entry_months(village: models.Village) -> list[str]:
    from app.domain.money import month_key

    days = models.JournalEntry.select(models.JournalEntry.entry_date).where(models.JournalEntry.village == village)
    return sorted({month_key(day) for (day,) in days.tuples()})


def _finance_entries(village: models.Village) -> list[SheetEntry]:
    from app.domain.money import parse_period

    months = _entry_months(village)
    quarters = sorted({f"{m[:4]}Q{(int(m[5:]) + 2) // 3}" for m in months})
    return [
        SheetEntry(
            "finance_disclosure", f"{village.id}:{key}", f"{village.name}：{parse_period(key).label}财务收支公开"
        )
        for key in (*months, *quarters)
    ]


def _finance_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.domain.money import parse_period
    from app.notices import money_sheets

    village_id, _, key = str(record_id).partition(":")
    try:
        period = parse_period(key)
    except ValueError as error:
        raise UnknownSheetError(f"编号 {record_id} 应为“村编号:2026-03”或“村编号:2026Q1”：{error}") from None
    village = _village(village_id)
    sheet = management_data.finance_disclosure_data(village, period, today)
    report = GlyphReport()
    rendered = money_sheets.render(sheet, page, report)
    return _sheet("finance_disclosure", record_id, village, sheet.title, rendered, report)


def _distribution_entries(village: models.Village) -> list[SheetEntry]:
    years = sorted({int(month[:4]) for month in _entry_months(village)})
    return [
        SheetEntry("income_distribution", f"{village.id}:{year}", f"{village.name}：{year}年度收益及收益分配表")
        for year in years
    ]


def _distribution_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import money_sheets

    village, year = _village_year(record_id)
    sheet = management_data.income_distribution_data(village, year, today)
    report = GlyphReport()
    rendered = money_sheets.render(sheet, page, report)
    return _sheet("income_distribution", record_id, village, sheet.title, rendered, report)


def _compact_entries(kind: str, label: str):
    def entries(village: models.Village) -> list[SheetEntry]:
        from app.store import compacts

        query = (
            models.CompactVersion.select(models.CompactVersion, models.Compact)
            .join(models.Compact)
            .where(models.CompactVersion.village == village)
            .order_by(models.Compact.title, models.CompactVersion.number)
        )
        return [
            SheetEntry(
                kind, str(v.id), f"{village.name}：{v.compact.title}（第{v.number}版，{compacts.status(v)}）{label}"
            )
            for v in query
        ]

    return entries


def _compact_render(kind: str, layout):
    def rendered(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
        version = models.CompactVersion.get_or_none(models.CompactVersion.id == _uuid(record_id))
        if version is None:
            raise UnknownSheetError(f"找不到编号为 {record_id} 的村规民约版本")
        sheet = management_data.compact_data(version, today)
        report = GlyphReport()
        result = layout(sheet, page, report)
        title = sheet.title + ("（户册）" if kind == "compact_booklet" else "")
        return _sheet(kind, record_id, version.village, title, result, report)

    return rendered


def _contact_entries(village: models.Village) -> list[SheetEntry]:
    query = models.HouseholdContact.select().where(models.HouseholdContact.village == village)
    return [
        SheetEntry("contact_card", str(c.id), f"{village.name}：{c.name}的联系卡")
        for c in query.order_by(models.HouseholdContact.name)
    ]


def _contact_card_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import household_sheets

    contact = models.HouseholdContact.get_or_none(models.HouseholdContact.id == _uuid(record_id))
    if contact is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的联系人")
    sheet = management_data.contact_card_data(contact, today)
    report = GlyphReport()
    rendered = household_sheets.render(sheet, page, report)
    return _sheet("contact_card", record_id, contact.village, f"{contact.name}的联系卡", rendered, report)


def _sign_entries(village: models.Village) -> list[SheetEntry]:
    if not models.HouseholdContact.select().where(models.HouseholdContact.village == village).exists():
        return []
    return [SheetEntry("household_sign", str(village.id), f"{village.name}：党员联户公示")]


def _sign_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import household_sheets

    village = _village(record_id)
    sheet = management_data.household_sign_data(village, today)
    report = GlyphReport()
    rendered = household_sheets.render(sheet, page, report)
    return _sheet("household_sign", record_id, village, "党员联户公示", rendered, report)


def _service_register_entries(village: models.Village) -> list[SheetEntry]:
    days = models.ServiceRequest.select(models.ServiceRequest.received_on).where(
        models.ServiceRequest.village == village
    )
    years = sorted({day.year for (day,) in days.tuples()})
    return [SheetEntry("service_register", f"{village.id}:{y}", f"{village.name}：{y}年代办记录簿") for y in years]


def _service_register_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import service_sheets

    village, year = _village_year(record_id)
    sheet = management_data.service_register_data(village, year, today)
    report = GlyphReport()
    rendered = service_sheets.render(sheet, page, report)
    return _sheet("service_register", record_id, village, f"{year}年代办记录簿", rendered, report)


def _service_catalogue_entries(village: models.Village) -> list[SheetEntry]:
    if not models.ServiceItem.select().where(models.ServiceItem.village == village).exists():
        return []
    return [SheetEntry("service_catalogue", str(village.id), f"{village.name}：便民服务事项目录")]


def _service_catalogue_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import service_sheets

    village = _village(record_id)
    sheet = management_data.service_catalogue_data(village, today)
    report = GlyphReport()
    rendered = service_sheets.render(sheet, page, report)
    return _sheet("service_catalogue", record_id, village, "便民服务事项目录", rendered, report)


def _dibao_entries(village: models.Village) -> list[SheetEntry]:
    from app.store.dibao import review_label

    query = models.DibaoReview.select().where(models.DibaoReview.village == village)
    return [
        SheetEntry("dibao_notice", str(r.id), f"{village.name}：低保{review_label(r)}公示")
        for r in query.order_by(models.DibaoReview.held_on)
    ]


def _dibao_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import dibao_sheets

    review = models.DibaoReview.get_or_none(models.DibaoReview.id == _uuid(record_id))
    if review is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的低保评议会")
    sheet = management_data.dibao_notice_data(review, today)
    report = GlyphReport()
    rendered = dibao_sheets.render(sheet, page, report)
    return _sheet("dibao_notice", record_id, review.village, sheet.header().title, rendered, report)


def _training_session_entries(village: models.Village) -> list[SheetEntry]:
    query = models.TrainingSession.select().where(models.TrainingSession.village == village)
    return [
        SheetEntry("training_session", str(s.id), f"{village.name}：{s.held_on.isoformat()} {s.topic} 培训记录")
        for s in query.order_by(models.TrainingSession.held_on)
    ]


def _training_session_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import service_data, training_sheets

    session = models.TrainingSession.get_or_none(models.TrainingSession.id == _uuid(record_id))
    if session is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的培训")
    sheet = service_data.training_session_data(session, today)
    report = GlyphReport()
    rendered = training_sheets.render(sheet, page, report)
    title = f"{session.held_on.isoformat()} {session.topic} 培训记录"
    return _sheet("training_session", record_id, session.village, title, rendered, report)


def _training_year_entries(village: models.Village) -> list[SheetEntry]:
    days = models.TrainingSession.select(models.TrainingSession.held_on).where(
        models.TrainingSession.village == village
    )
    years = sorted({day.year for (day,) in days.tuples()})
    return [SheetEntry("training_year", f"{village.id}:{y}", f"{village.name}：{y}年教育培训汇总") for y in years]


def _training_year_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import service_data, training_sheets

    village, year = _village_year(record_id)
    sheet = service_data.training_year_data(village, year, today)
    report = GlyphReport()
    rendered = training_sheets.render(sheet, page, report)
    return _sheet("training_year", record_id, village, f"{year}年教育培训汇总", rendered, report)


def _board_year_entries(village: models.Village) -> list[SheetEntry]:
    """The years with something posted, and this year."""
    days = models.Publication.select(models.Publication.posted_on).where(
        (models.Publication.village == village) & models.Publication.posted_on.is_null(False)
    )
    years = sorted({day.year for (day,) in days.tuples()} | {dt.date.today().year})
    return [SheetEntry("board_year", f"{village.id}:{y}", f"{village.name}：{y}年公开栏公开记录") for y in years]


def _board_year_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import board_sheets

    village, year = _village_year(record_id)
    report = GlyphReport()
    rendered = board_sheets.render(board_sheets.year_data(village, year, today), page, report)
    return _sheet("board_year", record_id, village, f"{year}年公开栏公开记录", rendered, report)


def _economy_entries(village: models.Village) -> list[SheetEntry]:
    from app.store import economy

    if not economy.years(village):
        return []
    return [SheetEntry("economy_report", str(village.id), f"{village.name}：村集体经济发展情况")]


def _economy_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    from app.notices import economy_sheets, service_data

    village = _village(record_id)
    sheet = service_data.economy_data(village, today)
    report = GlyphReport()
    rendered = economy_sheets.render(sheet, page, report)
    return _sheet("economy_report", record_id, village, sheet.header().title, rendered, report)


@dataclass(frozen=True)
class SheetKind:
    kind: str
    label: str
    entries: Callable[[models.Village], list[SheetEntry]]
    render: Callable[[str, PageSpec, dt.date], RenderedSheet]
    page: PageSpec = A4_PORTRAIT  # the paper it is usually printed on
    papers: tuple[PageSpec, ...] = tuple(ALL_PAGE_SPECS)  # the papers it may be printed on
    duplex: bool = False  # printed on both sides


KINDS: dict[str, SheetKind] = {
    kind.kind: kind
    for kind in (
        SheetKind("wall_rule", "上墙制度海报", _wall_rule_entries, _wall_rule_render),
        SheetKind("venue_check", "阵地标准自查表", _venue_check_entries, _venue_check_render),
        SheetKind("candidate_notice", "发展对象公示", _candidate_notice_entries, _candidate_notice_render),
        SheetKind("cadre_duties", "班子成员分工", _cadre_duties_entries, _cadre_duties_render),
        SheetKind("sign_in", "会议签到表", _sign_in_entries, _sign_in_render),
        SheetKind("meeting_minutes", "会议记录", _minutes_entries, _minutes_render),
        SheetKind("dues_ledger", "党费收缴台账", _dues_entries, _dues_render),
        SheetKind("party_affairs", "党务公开", _party_affairs_entries, _party_affairs_render),
        SheetKind(
            "resolution_notice",
            "四议两公开决议公开",
            _resolution_entries,
            _matter_notice_render("resolution_notice", management_data.resolution_notice_data),
        ),
        SheetKind(
            "result_notice",
            "四议两公开实施结果公开",
            _result_entries,
            _matter_notice_render("result_notice", management_data.result_notice_data),
        ),
        SheetKind("matter_register", "四议两公开台账", _register_entries, _register_render),
        SheetKind("finance_disclosure", "财务收支公开", _finance_entries, _finance_render),
        SheetKind("income_distribution", "收益及收益分配表", _distribution_entries, _distribution_render),
        SheetKind("contact_card", "联系卡", _contact_entries, _contact_card_render),
        SheetKind("dibao_notice", "低保评议公示", _dibao_entries, _dibao_render),
        SheetKind("service_register", "代办记录簿", _service_register_entries, _service_register_render),
        SheetKind(
            "service_catalogue",
            "便民服务事项目录",
            _service_catalogue_entries,
            _service_catalogue_render,
            PageSpec("A4", "landscape"),
        ),
        SheetKind("household_sign", "党员联户公示", _sign_entries, _sign_render),
        SheetKind("training_session", "培训记录", _training_session_entries, _training_session_render),
        SheetKind("training_year", "年度教育培训汇总", _training_year_entries, _training_year_render),
        SheetKind(
            "economy_report",
            "村集体经济发展情况",
            _economy_entries,
            _economy_render,
            PageSpec("A4", "landscape"),
        ),
        SheetKind(
            "board_year",
            "公开栏全年公开记录",
            _board_year_entries,
            _board_year_render,
            PageSpec("A4", "landscape"),
        ),
        SheetKind(
            "compact_wall",
            "村规民约（上墙）",
            _compact_entries("compact_wall", "上墙版"),
            _compact_render("compact_wall", compact_sheets.render_wall),
            compact_sheets.WALL_PAGE,
        ),
        SheetKind(
            "compact_booklet",
            "村规民约户册",
            _compact_entries("compact_booklet", "户册"),
            _compact_render("compact_booklet", compact_sheets.render_booklet),
            PageSpec("A4", "landscape"),
            (PageSpec("A4", "landscape"), PageSpec("A3", "landscape")),
            duplex=True,
        ),
        SheetKind(
            "appraisal_ballot",
            "民主评议测评表",
            _appraisal_entries("appraisal_ballot", "民主评议党员测评表"),
            _appraisal_render("appraisal_ballot", "民主评议党员测评表", appraisal_sheets.render_ballot),
        ),
        SheetKind(
            "appraisal_result",
            "民主评议结果",
            _appraisal_entries("appraisal_result", "民主评议党员结果"),
            _appraisal_render("appraisal_result", "民主评议党员结果", appraisal_sheets.render_result),
        ),
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


def default_page(kind: str) -> PageSpec:
    return KINDS[kind].page if kind in KINDS else A4_PORTRAIT

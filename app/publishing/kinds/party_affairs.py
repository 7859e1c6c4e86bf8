"""The half-yearly 党务公开, made from the roster, the posts, the meetings, the appraisal and the dues alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain import appraisal as appraisal_rules
from app.domain import board as b
from app.domain import cadres, members, periods
from app.domain import meetings as mt
from app.domain.values import years_between
from app.notices import party_affairs
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, UnknownSheetError, entry, register
from app.store import models, settings
from app.store.appraisal import year_rows
from app.store.cadres import current_posts_by_person
from app.store.meetings import held_dates


def party_affairs_entries(village: models.Village, today: dt.date | None = None) -> list[SheetEntry]:
    """This half-year's and the one before."""
    this = periods.half_year_of(today or dt.date.today())
    halves = [periods.parse(key, (periods.HALF_YEAR,)) for key in (periods.previous_half_year(this), this)]
    return [entry("party_affairs", f"{village.id}:{p.key}", village, f"党务公开（{p.label}）", p) for p in halves]


def _branch_posts(village: models.Village, on: dt.date) -> list[tuple[str, str]]:
    current = [p for _person, held in current_posts_by_person(village, on) for p in held]
    return [
        (post, "、".join(sorted(p.cadre.name for p in current if p.post == post)))
        for post in cadres.BRANCH_POSTS
        if any(p.post == post for p in current)
    ]


def _membership(village: models.Village, first: dt.date, until: dt.date) -> list[tuple[str, str]]:
    roster = list(models.PartyMember.select().where(models.PartyMember.village == village))
    on_roll = [
        p
        for p in roster
        if p.stage in members.MEMBER_STAGES
        and p.joined_on
        and p.joined_on <= until
        and (p.status in members.ACTIVE_STATUSES or (p.status_since and p.status_since > until))
    ]
    full = [p for p in on_roll if p.converted_on and p.converted_on <= until]
    ages = [years_between(p.birth_date, until) for p in on_roll if p.birth_date]
    within = lambda day: day is not None and first <= day <= until
    figures = [
        ("党员总数", len(on_roll)),
        ("其中：正式党员", len(full)),
        ("其中：预备党员", len(on_roll) - len(full)),
        ("其中：女党员", sum(p.gender == "女" for p in on_roll)),
        ("35岁及以下", sum(age <= 35 for age in ages)),
        ("36至60岁", sum(36 <= age <= 60 for age in ages)),
        ("61岁及以上", sum(age >= 61 for age in ages)),
        ("本期发展预备党员", sum(within(p.joined_on) for p in roster)),
        ("本期转正", sum(within(p.converted_on) for p in roster)),
        (
            "本期减少（转出、出党、去世）",
            sum(p.status not in members.ACTIVE_STATUSES and within(p.status_since) for p in roster),
        ),
    ]
    return [(what, str(count)) for what, count in figures]


def _meetings_held(village: models.Village, year: int, half: int, first: dt.date, until: dt.date) -> list:
    """(kind, required so far this half-year, held) for each kind the rules require in it."""
    held = held_dates(village, year)
    months = until.month - first.month + 1
    rows = []
    for kind, (period, required) in settings.meeting_requirements().items():
        per_half = {mt.MONTH: months, mt.QUARTER: (months + 2) // 3, mt.YEAR: 1 if half == 2 else 0}[period]
        if per_half:
            rows.append((kind, per_half * required, sum(1 for day in held.get(kind, []) if first <= day <= until)))
    return rows


def _appraisal_line(village: models.Village, year: int) -> str:
    """The latest year whose grades are decided (this year's, else last year's), in counts."""
    for candidate in (year, year - 1):
        grades = [row.grade for row in year_rows(village, candidate) if row.grade]
        if grades:
            return f"{candidate}年度，" + "，".join(f"{g} {grades.count(g)} 人" for g in appraisal_rules.GRADES) + "。"
    return f"{year - 1}年度尚未确定等次。"


def party_affairs_data(village: models.Village, key: str, today: dt.date) -> party_affairs.PartyAffairs:
    """The half-year's 党务公开 (key: 2026H2), from the records alone; up to today in the current half."""
    period = periods.parse(key, (periods.HALF_YEAR,))
    year, half, first = period.year, 1 if period.start.month == 1 else 2, period.start
    if first > today:
        raise ValueError(f"{key} 还没有开始")
    until = min(period.end, today)
    payments = models.DuesPayment.select().where(
        (models.DuesPayment.village == village)
        & (models.DuesPayment.paid_on >= first)
        & (models.DuesPayment.paid_on <= until)
    )
    return party_affairs.PartyAffairs(
        village_name=village.name,
        branch=f"中共{village.name}支部委员会",
        supervision_phone=village.supervision_phone,
        period_label=period.label,
        posts=_branch_posts(village, until),
        membership=_membership(village, first, until),
        meetings=_meetings_held(village, year, half, first, until),
        appraisal=_appraisal_line(village, year),
        dues=(sum((p.amount for p in payments), Decimal("0")), len({p.member_id for p in payments})),
        published_on=today,
    )


def party_affairs_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, period = sources.village_period(record_id, (periods.HALF_YEAR,), "“村编号:2026H2”这样的半年")
    if period.start > today:
        raise UnknownSheetError(f"{period.label}还没有开始")
    sheet = party_affairs_data(village, period.key, today)
    report = GlyphReport()
    rendered = party_affairs.render(sheet, page, report)
    return sources.sheet("party_affairs", record_id, village, sheet.title, rendered, report)


register(
    SheetKind(
        "party_affairs",
        "党务公开",
        party_affairs_entries,
        party_affairs_render,
        panel=b.PARTY,
        rhythm=b.HALF_YEARLY,
        period_key=(periods.HALF_YEAR,),
    )
)

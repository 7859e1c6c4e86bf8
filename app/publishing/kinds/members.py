"""Sheets of the 党员花名册: the 发展对象公示, the 党费收缴台账, and the 民主评议 ballot and results."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import dues, members, periods
from app.domain.values import format_money
from app.notices import appraisal_sheets, candidate_notice, dues_ledger
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models
from app.store.appraisal import is_probationary, year_rows
from app.store.dues import year_lines


# --- 发展对象公示 ---
def candidate_notice_entries(village: models.Village) -> list[SheetEntry]:
    return [entry("candidate_notice", village.id, village, "发展对象公示")]


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
        unit=sources.village_unit(village),
        supervision_phone=village.supervision_phone,
        candidates=[
            candidate_notice.Candidate(
                p.name, p.gender, p.birth_date, p.ethnicity, p.education, p.applied_on, p.activist_on, p.occupation
            )
            for p in people
        ],
        published_on=today,
    )


def candidate_notice_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = sources.village(record_id)
    sheet = candidate_notice_data(village, today)
    report = GlyphReport()
    rendered = candidate_notice.render(sheet, page, report)
    return sources.sheet("candidate_notice", record_id, village, sheet.title, rendered, report)


def candidate_named_on(record_id: str) -> dt.date | None:
    """The 公示 is called for by the newest 发展对象 named in the village."""
    latest = (
        models.PartyMember.select()
        .where(
            (models.PartyMember.village == sources.uuid_of(record_id)) & (models.PartyMember.stage == members.CANDIDATE)
        )
        .order_by(models.PartyMember.candidate_on.desc())
        .first()
    )
    return latest.candidate_on if latest else None


# --- 党费收缴台账 ---
def dues_entries(village: models.Village) -> list[SheetEntry]:
    years = models.DuesStandard.select(models.DuesStandard.year).where(models.DuesStandard.village == village)
    return [
        entry("dues_ledger", f"{village.id}:{year}", village, f"{year}年党费收缴台账", periods.year_period(year))
        for (year,) in sorted(set(years.tuples()))
    ]


def ledger_note(line) -> str:
    """The 备注 of a ledger row, kept short: the months owed, a lapse, late payments."""
    months = lambda keys: "、".join(f"{periods.parse(key, (periods.MONTH,)).start.month}月" for key in keys)
    notes = [f"未交：{months(line.unpaid)}"] if line.unpaid else []
    if (
        line.standard.category != dues.EXEMPT
        and dues.longest_unpaid_run(line.due_months, set(line.paid)) >= dues.LAPSE_MONTHS
    ):
        notes.append(f"连续{dues.LAPSE_MONTHS}个月以上未交")
    late = [m for m, (_amount, day) in line.paid.items() if dues.late_by_months(m, day) > dues.LATE_PAYMENT_MONTHS]
    if late:
        notes.append(f"{months(sorted(late))}补交超{dues.LATE_PAYMENT_MONTHS}个月")
    return "；".join(notes)


def dues_ledger_data(village: models.Village, year: int, today: dt.date) -> dues_ledger.DuesLedger:
    whole_year = {line.standard.id: line for line in year_lines(village, year, dt.date(year, 12, 31))}
    rows = []
    for line in year_lines(village, year, today):
        standard = line.standard
        income = (
            "—" if standard.category in (dues.FARMER, dues.LOW_INCOME, dues.EXEMPT) else format_money(standard.base)
        )
        rows.append(
            dues_ledger.LedgerRow(
                standard.member.name,
                income,
                dues.rate_label(standard.category, standard.base),
                standard.monthly,
                whole_year[standard.id].due_total,
                line.paid_total,
                ledger_note(line),
            )
        )
    branch = f"中共{village.name}支部委员会"
    return dues_ledger.DuesLedger(village.name, branch, year, rows, today, village.supervision_phone)


def dues_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = sources.village_year(record_id)
    sheet = dues_ledger_data(village, year, today)
    report = GlyphReport()
    rendered = dues_ledger.render(sheet, page, report)
    return sources.sheet("dues_ledger", record_id, village, sheet.title, rendered, report)


# --- 民主评议 ---
def appraisal_data(village: models.Village, year: int, today: dt.date) -> appraisal_sheets.AppraisalSheet:
    rows = [
        appraisal_sheets.AppraisalRow(
            row.member.name,
            is_probationary(row),
            (row.excellent, row.qualified, row.basic, row.unqualified),
            row.grade,
            row.follow_up,
        )
        for row in year_rows(village, year)
    ]
    return appraisal_sheets.AppraisalSheet(f"中共{village.name}支部委员会", year, rows, today)


def _appraisal_entries(kind: str, label: str):
    def entries(village: models.Village) -> list[SheetEntry]:
        years = models.Appraisal.select(models.Appraisal.year).where(models.Appraisal.village == village).distinct()
        return [
            entry(kind, f"{village.id}:{year}", village, f"{year}年度{label}", periods.year_period(year))
            for (year,) in sorted(years.tuples())
        ]

    return entries


def _appraisal_render(kind: str, label: str, layout):
    def rendered(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
        village, year = sources.village_year(record_id)
        report = GlyphReport()
        result = layout(appraisal_data(village, year, today), page, report)
        return sources.sheet(kind, record_id, village, f"{year}年度{label}", result, report)

    return rendered


register(
    SheetKind(
        "candidate_notice",
        "发展对象公示",
        candidate_notice_entries,
        candidate_notice_render,
        panel=b.PARTY,
        rhythm=b.AS_CALLED,
        record_day=candidate_named_on,
    )
)
register(SheetKind("dues_ledger", "党费收缴台账", dues_entries, dues_render, period_key=(periods.YEAR,)))
register(
    SheetKind(
        "appraisal_ballot",
        "民主评议测评表",
        _appraisal_entries("appraisal_ballot", "民主评议党员测评表"),
        _appraisal_render("appraisal_ballot", "民主评议党员测评表", appraisal_sheets.render_ballot),
        period_key=(periods.YEAR,),
    )
)
register(
    SheetKind(
        "appraisal_result",
        "民主评议结果",
        _appraisal_entries("appraisal_result", "民主评议党员结果"),
        _appraisal_render("appraisal_result", "民主评议党员结果", appraisal_sheets.render_result),
        panel=b.PARTY,
        rhythm=b.YEARLY,
        period_key=(periods.YEAR,),
    )
)

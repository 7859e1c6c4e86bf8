"""村级财务 sheets: the 财务收支公开 of a month or a quarter, and the year's 收益及收益分配表."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import periods
from app.domain.periods import Period
from app.notices import money_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models
from app.store import money as books

DISCLOSED_FOR = (periods.MONTH, periods.QUARTER)  # a 财务公开 is made for a quarter, or a month where money moves


def _entry_months(village: models.Village) -> list[str]:
    days = models.JournalEntry.select(models.JournalEntry.entry_date).where(models.JournalEntry.village == village)
    return sorted({periods.month_key(day) for (day,) in days.tuples()})


def finance_entries(village: models.Village) -> list[SheetEntry]:
    months = _entry_months(village)
    quarters = sorted({periods.quarter_of_month(month) for month in months})
    return [
        entry("finance_disclosure", f"{village.id}:{p.key}", village, f"{p.label}财务收支公开", p)
        for p in (periods.parse_period(key) for key in (*months, *quarters))
    ]


def finance_disclosure_data(village: models.Village, period: Period, today: dt.date) -> money_sheets.FinanceDisclosure:
    return money_sheets.FinanceDisclosure(
        village_name=village.name,
        unit=sources.village_unit(village),
        supervision_phone=village.supervision_phone,
        period=period,
        figures=books.disclosure(village, period),
        published_on=today,
    )


def finance_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, period = sources.village_period(record_id, DISCLOSED_FOR, "“村编号:2026-03”或“村编号:2026Q1”")
    sheet = finance_disclosure_data(village, period, today)
    report = GlyphReport()
    rendered = money_sheets.render(sheet, page, report)
    return sources.sheet("finance_disclosure", record_id, village, sheet.title, rendered, report)


def distribution_entries(village: models.Village) -> list[SheetEntry]:
    years = sorted({periods.parse(month, (periods.MONTH,)).year for month in _entry_months(village)})
    return [
        entry("income_distribution", f"{village.id}:{y}", village, f"{y}年度收益及收益分配表", periods.year_period(y))
        for y in years
    ]


def income_distribution_data(village: models.Village, year: int, today: dt.date) -> money_sheets.IncomeDistribution:
    return money_sheets.IncomeDistribution(
        village_name=village.name,
        unit=sources.village_unit(village),
        supervision_phone=village.supervision_phone,
        year=year,
        statement=books.income_statement(village, year),
        printed_on=today,
    )


def distribution_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = sources.village_year(record_id)
    sheet = income_distribution_data(village, year, today)
    report = GlyphReport()
    rendered = money_sheets.render(sheet, page, report)
    return sources.sheet("income_distribution", record_id, village, sheet.title, rendered, report)


register(
    SheetKind(
        "finance_disclosure",
        "财务收支公开",
        finance_entries,
        finance_render,
        panel=b.FINANCE,
        rhythm=b.QUARTERLY,
        period_key=DISCLOSED_FOR,
    )
)
register(
    SheetKind(
        "income_distribution",
        "收益及收益分配表",
        distribution_entries,
        distribution_render,
        panel=b.FINANCE,
        rhythm=b.YEARLY,
        period_key=(periods.YEAR,),
    )
)

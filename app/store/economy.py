"""The collective economy read from the journal: each year's income lines (booked entries only), with the
per-capita income and the target the village entered, and its standing by the rules set."""

from __future__ import annotations

import datetime as dt

from app.domain import economy as e
from app.domain import money as mo
from app.store import models, records, settings
from app.store.money import approval_threshold, is_booked

RULES = settings.ECONOMY_RULES.key


def rules() -> e.Rules:
    return e.Rules.from_setting(settings.get(RULES))


def entered_years(village) -> dict[int, models.EconomyYear]:
    query = models.EconomyYear.select().where(models.EconomyYear.village == village)
    return {row.year: row for row in query}


def journal_years(village) -> dict[int, dict]:
    """Year → its income lines from the booked journal entries (an income line counts money in less refunds)."""
    limit = approval_threshold()
    query = (
        models.JournalEntry.select(models.JournalEntry, models.Account)
        .join(models.Account)
        .where((models.JournalEntry.village == village) & models.Account.statement_line.in_(mo.INCOME_LINES))
    )
    by_year: dict[int, list] = {}
    for entry in query:
        if is_booked(entry, limit):
            by_year.setdefault(entry.entry_date.year, []).append(
                (entry.account.statement_line, entry.income, entry.expense)
            )
    return {year: mo.statement_lines(rows) for year, rows in by_year.items()}


def years(village, today: dt.date | None = None) -> list[e.YearFigures]:
    """Every year from the first the journal or the plan knows to this year, and the plan's years to come,
    oldest first; a year with no entries shows zero income rather than being left out of the trend."""
    this_year = (today or dt.date.today()).year
    from_journal, entered = journal_years(village), entered_years(village)
    known = set(from_journal) | set(entered)
    if not known:
        return []
    last = max(max(known), this_year)
    figures = []
    for year in range(min(known), last + 1):
        row = entered.get(year)
        lines = from_journal.get(year) or {name: mo.ZERO for name in mo.INCOME_LINES}
        lines = {name: lines[name] for name in mo.INCOME_LINES}
        figures.append(
            e.YearFigures(
                year, lines, row.per_capita if row else None, row.target if row else None, future=year > this_year
            )
        )
    return figures


def save_year(village, year: int, values: dict) -> records.Change:
    row = models.EconomyYear.get_or_none((models.EconomyYear.village == village) & (models.EconomyYear.year == year))
    expected = records.ABSENT if row is None else records.snapshot(row)
    row = row or models.EconomyYear(village=village, year=year)
    for key, value in values.items():
        setattr(row, key, value)
    return records.save(row, expected=expected)


def projects(village) -> list[models.EconomyProject]:
    query = models.EconomyProject.select().where(models.EconomyProject.village == village)
    return list(query.order_by(models.EconomyProject.started_year, models.EconomyProject.name))

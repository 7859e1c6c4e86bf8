"""集体经济 sheets: the 村集体经济发展情况 (A4 across: the trend chart, the years' income, the projects)."""

from __future__ import annotations

import datetime as dt

from app.domain import economy as e
from app.domain import money as mo
from app.domain.values import format_money
from app.notices import economy_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import economy, models


def economy_entries(village: models.Village) -> list[SheetEntry]:
    if not economy.years(village):
        return []
    return [entry("economy_report", village.id, village, "村集体经济发展情况")]


def economy_row(f: e.YearFigures, rules: e.Rules) -> list[str]:
    """A year as the screen and the sheet show it: a year to come shows its plan only."""
    share = f.target_share()
    income = [
        "" if f.future else format_money(amount)
        for amount in (*(f.lines[n] for n in mo.INCOME_LINES), f.total, f.operating)
    ]
    return [
        f"{f.year}",
        *income,
        format_money(f.target),
        "" if share is None else f"{share}%",
        format_money(f.per_capita),
        "计划" if f.future else e.standing(f, rules),
    ]


def economy_data(village: models.Village, today: dt.date) -> economy_sheets.EconomyReport:
    rules = economy.rules()
    figures = economy.years(village, today)
    rows = [economy_row(f, rules) for f in figures]
    flagged = [e.standing(f, rules) == e.SHELL for f in figures]
    past = [f for f in figures if not f.future]
    projects = [
        [
            p.name,
            p.model,
            p.partners,
            str(p.started_year or ""),
            format_money(p.investment),
            format_money(p.expected_income),
            format_money(p.actual_income),
            p.state,
        ]
        for p in economy.projects(village)
    ]
    rules_text = (
        f"说明：{rules.shell_basis}低于 {rules.shell_below:,.0f} 元的为空壳村（底色标出）；集体经济收入超过 "
        f"{rules.double_income:,.0f} 元且农民人均纯收入超过 {rules.double_per_capita:,.0f} 元的为双超村。"
        "经营性收入＝经营收入＋发包及上交收入＋投资收益。"
    )
    return economy_sheets.EconomyReport(
        village.name,
        sources.village_unit(village),
        [f.year for f in past],
        [f.operating for f in past],
        [f.total - f.operating for f in past],
        rows,
        flagged,
        projects,
        rules_text,
        today,
    )


def economy_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = sources.village(record_id)
    sheet = economy_data(village, today)
    report = GlyphReport()
    rendered = economy_sheets.render(sheet, page, report)
    return sources.sheet("economy_report", record_id, village, sheet.header().title, rendered, report)


register(
    SheetKind("economy_report", "村集体经济发展情况", economy_entries, economy_render, PageSpec("A4", "landscape"))
)

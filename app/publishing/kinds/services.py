"""便民服务 sheets: the year's 代办记录簿 and the 便民服务事项目录 that stands on the board (A4 across)."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import periods
from app.domain.values import format_date
from app.notices import service_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models, services


def register_entries(village: models.Village) -> list[SheetEntry]:
    days = models.ServiceRequest.select(models.ServiceRequest.received_on).where(
        models.ServiceRequest.village == village
    )
    years = sorted({day.year for (day,) in days.tuples()})
    return [
        entry("service_register", f"{village.id}:{y}", village, f"{y}年代办记录簿", periods.year_period(y))
        for y in years
    ]


def service_register_data(village: models.Village, year: int, today: dt.date) -> service_sheets.ServiceRegister:
    year_of = periods.year_period(year)
    requests = list(services.requests_between(village, year_of.start, year_of.end))[::-1]  # oldest first, as kept
    rows = [
        [r.applicant, r.item.name, format_date(r.received_on), r.handler, format_date(r.finished_on), r.satisfaction]
        for r in requests
    ]
    summary = f"{year}年：{services.figures(village, year_of.start, min(year_of.end, today)).text}。"
    return service_sheets.ServiceRegister(village.name, sources.village_unit(village), year, rows, summary, today)


def register_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = sources.village_year(record_id)
    sheet = service_register_data(village, year, today)
    report = GlyphReport()
    rendered = service_sheets.render(sheet, page, report)
    return sources.sheet("service_register", record_id, village, f"{year}年代办记录簿", rendered, report)


def catalogue_entries(village: models.Village) -> list[SheetEntry]:
    if not models.ServiceItem.select().where(models.ServiceItem.village == village).exists():
        return []
    return [entry("service_catalogue", village.id, village, "便民服务事项目录")]


def service_catalogue_data(village: models.Village, today: dt.date) -> service_sheets.ServiceCatalogue:
    rows = [[i.area, i.name, i.mode, i.materials, str(i.limit_days), i.office] for i in services.catalogue(village)]
    return service_sheets.ServiceCatalogue(village.name, f"{village.name}村民委员会", rows, today)


def catalogue_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = sources.village(record_id)
    sheet = service_catalogue_data(village, today)
    report = GlyphReport()
    rendered = service_sheets.render(sheet, page, report)
    return sources.sheet("service_catalogue", record_id, village, "便民服务事项目录", rendered, report)


register(SheetKind("service_register", "代办记录簿", register_entries, register_render, period_key=(periods.YEAR,)))
register(
    SheetKind(
        "service_catalogue",
        "便民服务事项目录",
        catalogue_entries,
        catalogue_render,
        PageSpec("A4", "landscape"),
        panel=b.LONG_TERM,
        rhythm=b.STANDING,
    )
)

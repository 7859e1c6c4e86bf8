"""阵地 sheets: the 上墙制度 posters and the venue self-check (阵地标准自查表)."""

from __future__ import annotations

import datetime as dt

from app.domain import wall_rules
from app.notices import venue_check_sheet, wall_rule_poster
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models
from app.store.villages import checklist_items, checklist_name


def wall_rule_entries(village: models.Village) -> list[SheetEntry]:
    query = (
        models.WallRule.select()
        .where((models.WallRule.village == village) & (models.WallRule.status == wall_rules.CURRENT))
        .order_by(models.WallRule.title)
    )
    return [entry("wall_rule", rule.id, village, rule.title) for rule in query]


def wall_rule_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    rule = sources.record(models.WallRule, record_id, "上墙制度")
    village = rule.village
    poster = wall_rule_poster.WallRulePoster(
        village_name=village.name,
        title=rule.title,
        body=rule.body,
        adopted_on=rule.adopted_on,
        supervision_phone=village.supervision_phone,
        seal_unit=sources.village_unit(village),
        printed_on=today,
    )
    report = GlyphReport()
    rendered = wall_rule_poster.render(poster, page, report)
    return sources.sheet("wall_rule", record_id, village, rule.title, rendered, report)


def venue_check_entries(village: models.Village) -> list[SheetEntry]:
    return [entry("venue_check", village.id, village, "阵地标准自查表")]


def venue_check_data(village: models.Village, today: dt.date) -> venue_check_sheet.VenueCheckSheet:
    venues = models.Venue.select().where(models.Venue.village == village).order_by(models.Venue.name)
    items = checklist_items(village)
    return venue_check_sheet.VenueCheckSheet(
        village_name=village.name,
        unit=sources.village_unit(village),
        supervision_phone=village.supervision_phone,
        area_standard=village.venue_area_standard,
        venues=[
            venue_check_sheet.VenueRow(v.name, v.area, v.work_type, v.year, v.investment, v.centres) for v in venues
        ],
        checklist_name=checklist_name(village),
        items=[
            venue_check_sheet.CheckRow(item.text, item.met, item.note, sources.data_file(item.photo)) for item in items
        ],
        published_on=today,
    )


def venue_check_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = sources.village(record_id)
    sheet = venue_check_data(village, today)
    report = GlyphReport()
    rendered = venue_check_sheet.render(sheet, page, report)
    return sources.sheet("venue_check", record_id, village, sheet.title, rendered, report)


register(SheetKind("wall_rule", "上墙制度海报", wall_rule_entries, wall_rule_render))
register(SheetKind("venue_check", "阵地标准自查表", venue_check_entries, venue_check_render))

"""村规民约 sheets: the wall copy (A3, standing on the board while the version is in force) and the households'
folded booklet."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import compact as cp
from app.notices import compact_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import compacts, models

BOOKLET_PAPERS = (PageSpec("A4", "landscape"), PageSpec("A3", "landscape"))


def _entries(kind: str, label: str):
    def entries(village: models.Village) -> list[SheetEntry]:
        query = (
            models.CompactVersion.select(models.CompactVersion, models.Compact)
            .join(models.Compact)
            .where(models.CompactVersion.village == village)
            .order_by(models.Compact.title, models.CompactVersion.number)
        )
        found = []
        for v in query:
            state = compacts.status(v)
            name = f"{v.compact.title}（第{v.number}版，{state}）{label}"
            found.append(entry(kind, v.id, village, name, in_force=state == cp.IN_FORCE))
        return found

    return entries


def compact_data(version: models.CompactVersion, today: dt.date) -> compact_sheets.CompactSheet:
    village = version.village
    return compact_sheets.CompactSheet(
        village_name=village.name,
        unit=f"{village.name}村民委员会",
        text=compacts.parsed(version),
        title=version.compact.title,  # the name the clerk gave it (the text's own first line by default)
        adopted_on=version.voted_on if compacts.adopted(version) else None,
        printed_on=today,
    )


def _render(kind: str, layout, suffix: str = ""):
    def rendered(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
        version = sources.record(models.CompactVersion, record_id, "村规民约版本")
        sheet = compact_data(version, today)
        report = GlyphReport()
        result = layout(sheet, page, report)
        return sources.sheet(kind, record_id, version.village, sheet.title + suffix, result, report)

    return rendered


register(
    SheetKind(
        "compact_wall",
        "村规民约（上墙）",
        _entries("compact_wall", "上墙版"),
        _render("compact_wall", compact_sheets.render_wall),
        compact_sheets.WALL_PAGE,
        panel=b.LONG_TERM,
        rhythm=b.STANDING,
    )
)
register(
    SheetKind(
        "compact_booklet",
        "村规民约户册",
        _entries("compact_booklet", "户册"),
        _render("compact_booklet", compact_sheets.render_booklet, "（户册）"),
        BOOKLET_PAPERS[0],
        BOOKLET_PAPERS,
        duplex=True,
    )
)

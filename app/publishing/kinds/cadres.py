"""班子 sheets: the 班子成员分工 that stands on the board (phones shown with the middle four digits hidden)."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.domain import cadres
from app.notices import cadre_duties
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models
from app.store.cadres import current_posts_by_person, holdings


def cadre_duties_entries(village: models.Village) -> list[SheetEntry]:
    return [entry("cadre_duties", village.id, village, "班子成员分工")]


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
        unit=sources.village_unit(village),
        supervision_phone=village.supervision_phone,
        rows=rows,
        notes=notes,
        printed_on=today,
    )


def cadre_duties_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = sources.village(record_id)
    sheet = cadre_duties_data(village, today)
    report = GlyphReport()
    rendered = cadre_duties.render(sheet, page, report)
    return sources.sheet("cadre_duties", record_id, village, sheet.title, rendered, report)


register(
    SheetKind(
        "cadre_duties", "班子成员分工", cadre_duties_entries, cadre_duties_render, panel=b.LONG_TERM, rhythm=b.STANDING
    )
)

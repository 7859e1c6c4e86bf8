"""分组联片 sheets: each 联系人's card and the village's 党员联户公示 that stands on the board."""

from __future__ import annotations

import datetime as dt

from app.domain import board as b
from app.notices import household_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import sources
from app.publishing.catalogue import RenderedSheet, SheetEntry, SheetKind, entry, register
from app.store import models
from app.store.households import households_of


def contact_entries(village: models.Village) -> list[SheetEntry]:
    query = models.HouseholdContact.select().where(models.HouseholdContact.village == village)
    return [
        entry("contact_card", c.id, village, f"{c.name}的联系卡") for c in query.order_by(models.HouseholdContact.name)
    ]


def contact_card_data(contact: models.HouseholdContact, today: dt.date) -> household_sheets.ContactCard:
    village = contact.village
    return household_sheets.ContactCard(
        village_name=village.name,
        unit=sources.village_unit(village),
        name=contact.name,
        kind=contact.kind,
        area=contact.area,
        cadre=contact.cadre.name if contact.cadre_id else "",
        households=[
            household_sheets.HeldHousehold(h.head_name, h.group_name, h.members, h.phone, h.marks)
            for h in households_of(contact)
        ],
        printed_on=today,
    )


def contact_card_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    contact = sources.record(models.HouseholdContact, record_id, "联系人")
    sheet = contact_card_data(contact, today)
    report = GlyphReport()
    rendered = household_sheets.render(sheet, page, report)
    return sources.sheet("contact_card", record_id, contact.village, f"{contact.name}的联系卡", rendered, report)


def sign_entries(village: models.Village) -> list[SheetEntry]:
    if not models.HouseholdContact.select().where(models.HouseholdContact.village == village).exists():
        return []
    return [entry("household_sign", village.id, village, "党员联户公示")]


def household_sign_data(village: models.Village, today: dt.date) -> household_sheets.HouseholdSign:
    contacts = models.HouseholdContact.select().where(models.HouseholdContact.village == village)
    by_cadre: dict = {}
    for contact in contacts.order_by(models.HouseholdContact.area, models.HouseholdContact.name):
        by_cadre.setdefault(contact.cadre_id, []).append(contact)
    grids = []
    for cadre_id, held in by_cadre.items():
        cadre = models.Cadre.get_or_none(models.Cadre.id == cadre_id) if cadre_id else None
        grids.append(
            household_sheets.Grid(
                cadre.name if cadre else "（未定）",
                cadre.phone if cadre else "",
                [(c.name, c.kind, [h.head_name for h in households_of(c)]) for c in held],
            )
        )
    return household_sheets.HouseholdSign(village.name, sources.village_unit(village), grids, today)


def sign_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village = sources.village(record_id)
    sheet = household_sign_data(village, today)
    report = GlyphReport()
    rendered = household_sheets.render(sheet, page, report)
    return sources.sheet("household_sign", record_id, village, "党员联户公示", rendered, report)


register(SheetKind("contact_card", "联系卡", contact_entries, contact_card_render))
register(SheetKind("household_sign", "党员联户公示", sign_entries, sign_render, panel=b.LONG_TERM, rhythm=b.STANDING))

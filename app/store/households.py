"""The household register and its contact chain: the list's rows read page by page from the database (a
county's copy holds 150,000 households), coverage, each contact's load, and the households a contact holds."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain import households as h
from app.store import models, settings

CONTACT_LOAD = settings.CONTACT_LOAD_SETTING.key  # households per contact before a warning


def contact_load_limit() -> int:
    return int(settings.get(CONTACT_LOAD))


@dataclass(frozen=True)
class HouseholdRow:
    """One row of the list, as read for display (not a model object: a county's list is long)."""

    rowid: int
    id: str
    village: str
    group_name: str
    head_name: str
    members: int
    address: str
    phone: str
    id_number: str
    marks: str
    contact: str
    cadre: str


ROW_SQL = (
    "SELECT h.rowid, h.id, v.name, h.group_name, h.head_name, h.members, h.address, h.phone, h.id_number, h.marks, "
    "COALESCE(c.name, ''), COALESCE(k.name, '') FROM \"household\" h JOIN \"village\" v ON v.id = h.village_id "
    'LEFT JOIN "household_contact" c ON c.id = h.contact_id LEFT JOIN "cadre" k ON k.id = c.cadre_id '
    "WHERE h.rowid IN ({marks})"
)


def _like(query: str) -> str:
    escaped = query.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_rowids(villages: list, query: str = "", without_contact: bool = False) -> list[int]:
    """The rows of the list in its order (village, 村民小组, 户主), searched by name, pinyin initials, group
    or mark. Read from the list's index alone, one village after another in the order given."""
    sql = 'SELECT rowid FROM "household" INDEXED BY "household_list" WHERE village_id = ?'
    params: list = []
    if query.strip():
        sql += " AND search_key LIKE ? ESCAPE '\\'"
        params.append(_like(query))
    if without_contact:
        sql += " AND contact_id IS NULL"
    sql += " ORDER BY group_order, group_name, head_name"
    db = models.database
    found: list[int] = []
    key = models.Household.village.db_value  # ids as the table stores them
    for village in villages:
        found += [row[0] for row in db.execute_sql(sql, [key(village), *params])]
    return found


def rows(rowids: list[int]) -> list[HouseholdRow]:
    """The display rows of these households, in the order asked."""
    if not rowids:
        return []
    cursor = models.database.execute_sql(ROW_SQL.format(marks=",".join("?" * len(rowids))), rowids)
    by_rowid = {row[0]: HouseholdRow(*row) for row in cursor}
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


def rowid_of(household_id) -> int | None:
    stored = models.Household.id.db_value(household_id)
    row = models.database.execute_sql('SELECT rowid FROM "household" WHERE id = ?', [stored]).fetchone()
    return row[0] if row else None


def coverage(village: models.Village) -> h.Coverage:
    query = models.Household.select().where(models.Household.village == village)
    return h.Coverage(query.count(), query.where(models.Household.contact.is_null(False)).count())


def loads(village: models.Village) -> dict[str, int]:
    """Households held by each contact of the village (contacts holding none included)."""
    from peewee import fn

    counts = dict(
        models.Household.select(models.Household.contact, fn.COUNT(models.Household.id))
        .where((models.Household.village == village) & models.Household.contact.is_null(False))
        .group_by(models.Household.contact)
        .tuples()
    )
    contacts = models.HouseholdContact.select().where(models.HouseholdContact.village == village)
    return {contact_label(c): counts.get(c.id, 0) for c in contacts}


def contact_label(contact: models.HouseholdContact) -> str:
    return f"{contact.name}（{contact.area}）" if contact.area else contact.name


def households_of(contact: models.HouseholdContact) -> list[models.Household]:
    query = models.Household.select().where(models.Household.contact == contact)
    return list(query.order_by(models.Household.group_order, models.Household.group_name, models.Household.head_name))


def groups(village: models.Village) -> list[str]:
    query = models.Household.select(models.Household.group_name).where(models.Household.village == village)
    return sorted({row.group_name for row in query.distinct() if row.group_name})

"""Creating a village with its starting data, and switching a village's checklist."""

from __future__ import annotations

from app.domain.checklists import DEFAULT_CHECKLIST, STANDARD_CHECKLISTS
from app.store import models, records
from app.store.transactions import write_transaction


def create_village(**values) -> models.Village:
    with write_transaction():
        village = models.Village(**values)
        records.save(village)
        replace_checklist(village, DEFAULT_CHECKLIST)
    return village


def checklist_items(village: models.Village) -> list[models.ChecklistItem]:
    query = models.ChecklistItem.select().where(models.ChecklistItem.village == village)
    return list(query.order_by(models.ChecklistItem.position))


def checklist_name(village: models.Village) -> str:
    """Which list the village checks itself against (五有 unless the township switched it)."""
    first = models.ChecklistItem.select().where(models.ChecklistItem.village == village).first()
    return first.checklist if first else DEFAULT_CHECKLIST


def replace_checklist(village: models.Village, name: str, items: tuple[str, ...] | None = None) -> list:
    """Replaces the village's checklist with a standard one (or the given items). Audited; returns changes."""
    texts = items if items is not None else STANDARD_CHECKLISTS[name]
    changes = []
    with write_transaction():
        for item in checklist_items(village):
            changes.append(records.delete(item))
        for position, text in enumerate(texts, start=1):
            item = models.ChecklistItem(village=village, checklist=name, position=position, text=text)
            changes.append(records.save(item))
    return changes


def record_count(village: models.Village) -> int:
    return sum(model.select().where(model.village == village).count() for model in models.VILLAGE_TABLES)


def remove_village(village: models.Village) -> list[records.Change]:
    """Deletes a village and every record of it, each through the audited save path, in one transaction;
    the changes are returned so that the removal can be undone."""
    changes = []
    with write_transaction():
        # rules merged into others go first, so that no rule is still pointed at when it is deleted
        merged_first = models.WallRule.merged_into.is_null(True)
        reversals_first = models.JournalEntry.reverses.is_null(True)
        for model in models.VILLAGE_TABLES:
            query = model.select().where(model.village == village)
            if model is models.WallRule:
                query = query.order_by(merged_first)
            if model is models.JournalEntry:
                query = query.order_by(reversals_first)
            for record in list(query):
                changes.append(records.delete(record, removing_village=True))
        changes.append(records.delete(village))
    return changes


def has_data() -> bool:
    return models.Village.select().exists()


def first_village() -> models.Village | None:
    """The village the program opens on when it has not been told which: the first by township and name."""
    return models.Village.select().order_by(models.Village.township, models.Village.name).first()

"""Rules that forbid a delete, in one place: the list's delete button and undo both ask here."""

from __future__ import annotations

from peewee import Model

from app.store import models


def why_not_delete(record: Model) -> str | None:
    """The reason this record may not be deleted, for the clerk; None when it may be."""
    if isinstance(record, models.WallRule):
        merged = models.WallRule.select().where(models.WallRule.merged_into == record.id).count()
        if merged:
            return f"有 {merged} 项制度已并入“{record.title}”，不能删除。\n不再使用时，可把它的状态改为“已废止”。"
    return None

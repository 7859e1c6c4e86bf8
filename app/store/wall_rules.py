"""上墙制度: the village's rules on the wall, added from the typical ones in one step."""

from __future__ import annotations

from app.domain import wall_rules as rules
from app.store import models, records
from app.store.transactions import write_transaction


def add_typical(village: models.Village, titles: list[str]) -> list[records.Change]:
    """Adds the typical rules of these titles (app.domain.wall_rules.TYPICAL_RULES), in force, as one step."""
    with write_transaction():
        return [
            records.save(
                models.WallRule(village=village, title=title, body=rules.TYPICAL_RULES[title], status=rules.CURRENT)
            )
            for title in titles
        ]

"""A record deleted together with what goes with it (guards.DELETE_RULES): the records taken along are deleted
first and the links to it cleared, each through the audited save path, all in one transaction; the changes
come back in order, for one undo step."""

from __future__ import annotations

from peewee import Model

from app.store import guards, records
from app.store.errors import DeleteRefusedError
from app.store.transactions import write_transaction


def delete_with_children(record: Model, expected: dict | None = None) -> list[records.Change]:
    """Deletes the record (as last seen: `expected`) with the records its rules take along, after clearing the
    links its rules clear; refused, with nothing changed, when a rule keeps it."""
    with write_transaction():
        reason = guards.why_not_delete(record, with_children=True)
        if reason:
            raise DeleteRefusedError(reason)
        changes: list[records.Change] = []
        for rule in guards.rules_for(type(record)):
            for link in rule.links:
                for child in list(link.pointing_at(record)):
                    if rule.does == guards.TAKEN_ALONG:
                        changes += delete_with_children(child, records.snapshot(child))
                    elif rule.does == guards.UNLINK:
                        seen = records.snapshot(child)
                        setattr(child, link.field, None)
                        changes.append(records.save(child, expected=seen))
        changes.append(records.delete(record, expected=expected))
    return changes

"""The year's 民主评议 list, made from the roster, and what its grades call for."""

from __future__ import annotations

import datetime as dt

from app.domain import appraisal as a
from app.store import models, records
from app.store.members import on_roll
from app.store.transactions import write_transaction


def is_probationary(row: models.Appraisal) -> bool:
    """Was the member still 预备 at the end of the year judged?"""
    converted = row.member.converted_on
    return converted is None or converted > dt.date(row.year, 12, 31)


def generate_year(village, year: int) -> list[records.Change]:
    """Adds every member on the roll who is not yet on the year's list; the changes, for one undo step."""
    listed = {
        member_id
        for (member_id,) in models.Appraisal.select(models.Appraisal.member)
        .where((models.Appraisal.village == village) & (models.Appraisal.year == year))
        .tuples()
    }
    joined_by = dt.date(year, 12, 31)
    new = [
        models.Appraisal(village=village, year=year, member=member)
        for member in on_roll(village)
        if member.id not in listed and member.joined_on and member.joined_on <= joined_by
    ]
    with write_transaction():
        return records.create_many(new)


def grade_warnings(rows: list[models.Appraisal]) -> list[str]:
    return a.year_warnings(
        [row.grade for row in rows],
        [row.member.name for row in rows if row.grade == a.EXCELLENT and is_probationary(row)],
    )


def year_rows(village, year: int) -> list[models.Appraisal]:
    query = (
        models.Appraisal.select(models.Appraisal, models.PartyMember)
        .join(models.PartyMember)
        .where((models.Appraisal.village == village) & (models.Appraisal.year == year))
    )
    return sorted(query, key=lambda row: (row.member.party_group, row.member.name))

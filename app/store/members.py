"""The 党员花名册 as other features read it: who is on the roll (a full or probationary member in 正常 status)
and the 党小组 they are in."""

from __future__ import annotations

from app.domain import members as m
from app.store import models


def on_roll(village):
    """The members a meeting, an appraisal, the dues or a training counts: 正式 and 预备 members in 正常 status."""
    return models.PartyMember.select().where(
        (models.PartyMember.village == village)
        & models.PartyMember.stage.in_(m.MEMBER_STAGES)
        & (models.PartyMember.status == m.NORMAL)
    )


def party_groups(village) -> list[str]:
    """The 党小组 of the members on the roll, by name."""
    query = on_roll(village).select(models.PartyMember.party_group).where(models.PartyMember.party_group != "")
    return sorted({group for (group,) in query.tuples()})

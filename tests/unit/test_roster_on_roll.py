"""Who is on the roll, read in one place (app.store.members) by the meetings, appraisals, dues and training."""

import datetime as dt

from app.domain import members as m
from app.store import members, models, records


def member(village, name, stage=m.FULL, status=m.NORMAL, group=""):
    row = models.PartyMember(
        village=village, name=name, stage=stage, status=status, party_group=group, joined_on=dt.date(2010, 1, 1)
    )
    records.save(row)
    return row


def test_the_roll_is_full_and_probationary_members_in_normal_status(village):
    member(village, "张正式", group="第一党小组")
    member(village, "李预备", stage=m.PROBATIONARY, group="第二党小组")
    member(village, "王对象", stage=m.CANDIDATE, group="第三党小组")
    member(village, "赵转出", status=m.TRANSFERRED, group="第四党小组")
    assert sorted(p.name for p in members.on_roll(village)) == ["张正式", "李预备"]
    assert members.party_groups(village) == ["第一党小组", "第二党小组"]

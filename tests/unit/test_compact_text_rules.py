"""A 村规民约 draft's text is changed at the store, title and text as one step; once the 村民会议 has voted on
a version its text stays as voted, whoever asks."""

import datetime as dt

import pytest

from app.store import compacts, models, records
from app.store.errors import ChangeRefusedError


def test_a_drafts_title_and_text_change_together(village):
    changes = compacts.add_compact(village, "芦笙村村规民约", "第一条 爱护公物。")
    version = models.CompactVersion.get_by_id(changes[1].record_id)
    edited = compacts.edit_text(
        version, "芦笙村村规民约（修订稿）", "第一条 爱护公物。\n第二条 邻里和睦。", records.snapshot(version)
    )
    assert [c.model for c in edited] == [models.CompactVersion, models.Compact]
    assert models.Compact.get_by_id(version.compact_id).title == "芦笙村村规民约（修订稿）"
    assert "邻里和睦" in models.CompactVersion.get_by_id(version.id).body


def test_a_voted_version_keeps_its_text(village):
    changes = compacts.add_compact(village, "芦笙村村规民约", "第一条 爱护公物。")
    version = models.CompactVersion.get_by_id(changes[1].record_id)
    version.voted_on = dt.date(2026, 3, 5)
    records.save(version)
    version = models.CompactVersion.get_by_id(version.id)
    with pytest.raises(ChangeRefusedError, match="已经村民会议表决"):
        compacts.edit_text(version, "改过的标题", "第一条 改过的条文。", records.snapshot(version))
    assert models.CompactVersion.get_by_id(version.id).body == "第一条 爱护公物。"
    assert models.Compact.get_by_id(version.compact_id).title == "芦笙村村规民约"

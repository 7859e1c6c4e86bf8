"""三会一课 rules at their thresholds: quorum, elections, majorities, 补录, the year's requirements."""

import datetime as dt

from app.domain import meetings as mt
from app.domain.meetings import Counts


def general(voters_expected, voters_present, election=False, votes_for=None):
    counts = Counts(voters_expected + 2, voters_present + 2, voters_expected, voters_present)  # 2 预备党员 too
    return mt.outcome(mt.GENERAL, counts, election, votes_for)


def test_members_meeting_needs_more_than_half_of_those_with_a_vote():
    assert general(10, 6).valid and not general(10, 5).valid
    assert "未超过半数，会议无效" in general(10, 5).validity


def test_an_election_needs_more_than_four_fifths():
    assert general(10, 9, election=True).valid
    assert not general(10, 8, election=True).valid


def test_a_decision_passes_with_more_than_half_of_those_entitled_not_of_those_present():
    assert general(10, 7, votes_for=6).passed
    assert not general(10, 7, votes_for=5).passed  # 5 of 7 present, but not more than half of 10
    assert general(10, 5, votes_for=5).passed is False  # an invalid meeting decides nothing
    assert "表决不作数" in general(10, 5, votes_for=5).result


def test_committee_needs_more_than_half_of_its_members():
    assert mt.outcome(mt.COMMITTEE, Counts(5, 3, 5, 3), False, None).valid
    assert not mt.outcome(mt.COMMITTEE, Counts(4, 2, 4, 2), False, None).valid


def test_other_kinds_have_no_quorum_rule():
    result = mt.outcome(mt.LECTURE, Counts(15, 3, 13, 3), False, None)
    assert result.valid is None and result.validity == "应到 15 人、实到 3 人"


def test_entered_more_than_three_days_late_is_marked_late_entry():
    held = dt.date(2026, 10, 5)
    assert mt.late_mark(held, dt.date(2026, 10, 8)) == ""
    assert mt.late_mark(held, dt.date(2026, 10, 9)) == "补录（2026-10-09 录入）"


def test_the_year_shows_what_is_missing_and_what_is_still_due():
    held = {mt.COMMITTEE: [dt.date(2026, m, 5) for m in (1, 2, 4)], mt.GENERAL: [dt.date(2026, 2, 20)]}
    found = mt.gaps(held, 2026, dt.date(2026, 5, 15))
    over = {(gap.kind, gap.period) for gap in found if gap.over}
    due = {(gap.kind, gap.period) for gap in found if not gap.over}
    assert (mt.COMMITTEE, "3月") in over and (mt.COMMITTEE, "1月") not in over
    assert (mt.COMMITTEE, "5月") in due  # May is not over yet
    assert (mt.GENERAL, "第一季度") not in over and (mt.GENERAL, "第二季度") in due
    assert (mt.LIFE, "全年") in due
    assert not any(gap.period == "6月" for gap in found)  # June has not begun


def test_each_party_group_must_meet_on_its_own():
    held = {
        mt.GROUP: [dt.date(2026, 3, 18), dt.date(2026, 3, 19)],
        mt.group_kind("第一党小组"): [dt.date(2026, 3, 18)],
        mt.group_kind("第二党小组"): [dt.date(2026, 3, 19)],
    }
    found = mt.gaps(held, 2026, dt.date(2026, 4, 2), groups=["第一党小组", "第二党小组", "第三党小组"])
    march = {gap.kind for gap in found if gap.period == "3月"}
    assert march == {mt.group_kind("第三党小组"), mt.COMMITTEE, mt.THEME_DAY}


def test_more_votes_than_voters_present_are_not_counted_as_a_result():
    counts = Counts(12, 8, 10, 7)
    result = mt.outcome(mt.GENERAL, counts, False, votes_for=6, votes_other=2)
    assert result.valid and result.passed is False and "多于到会有表决权的 7 人" in result.result
    assert mt.outcome(mt.GENERAL, counts, False, votes_for=6, votes_other=1).passed

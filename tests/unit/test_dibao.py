"""低保 民主评议: the panel, attendance and pass rules at their thresholds, the 公示's end date, and a 公示 that
shows nothing private."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from app.domain import dibao as d
from app.publishing import sheets as catalogue
from app.store import dibao as store
from app.store import models, records
from app.store.errors import StorageError
from tests.unit.test_households import an_id
from tests.unit.test_notices import pdf_text

RULES = d.Rules()


def panel(size: int) -> list[tuple[str, str]]:
    return [(f"成员{n}", d.ROLES[n % len(d.ROLES)]) for n in range(size)]


def test_the_panel_needs_fifteen_and_every_role():
    assert d.panel_problems(panel(15), RULES) == []
    assert d.panel_problems(panel(14), RULES) == ["评议小组只有 14 人，应不少于 15 人"]
    only_cadres = [(f"成员{n}", "村“两委”成员") for n in range(15)]
    assert d.panel_problems(only_cadres, RULES)[0].startswith("评议小组里还没有：乡镇干部")


@pytest.mark.parametrize(("present", "valid"), [(10, True), (9, False)])
def test_two_thirds_of_the_panel_must_attend(present, valid):
    assert d.meeting_valid(15, present, RULES)[0] is valid


@pytest.mark.parametrize(("votes_for", "outcome"), [(10, d.PASSED), (9, d.FAILED)])
def test_an_applicant_passes_with_two_thirds_of_those_present(votes_for, outcome):
    assert d.ballot_result(15, votes_for, 15 - votes_for, 0, RULES) == outcome


def test_a_township_may_set_half_as_the_pass_mark():
    half = d.Rules.from_setting({"pass": "1/2"})
    assert half.passing == Fraction(1, 2)
    assert d.ballot_result(14, 7, 7, 0, half) == d.PASSED


def test_more_votes_than_people_present_are_refused():
    with pytest.raises(ValueError, match="多于到会的 14 人"):
        d.ballot_result(14, 10, 4, 1, RULES)


def test_the_publicity_ends_by_calendar_or_working_days():
    friday = dt.date(2026, 9, 25)
    assert d.publicity_end(friday, RULES, set()) == dt.date(2026, 10, 1)
    working = d.Rules(working_days=True)
    national_day = {dt.date(2026, 10, day) for day in range(1, 8)}
    assert d.publicity_end(friday, working, national_day) == dt.date(2026, 10, 12)  # 25, 28–30 Sep, 8, 9, 12 Oct


def test_the_notice_shows_only_name_count_category_and_result(village, tmp_path):
    home = models.Household(
        village=village,
        head_name="吴光明",
        members=4,
        group_name="第一组",
        address="芦笙村第一组17号",
        phone="13812345678",
        id_number=an_id(5),
    )
    records.save(home)
    review = models.DibaoReview(
        village=village,
        held_on=dt.date(2026, 10, 16),
        panel=[list(p) for p in panel(15)],
        present=12,
        published_on=dt.date(2026, 10, 17),
    )
    records.save(review)
    application = models.DibaoApplication(
        village=village, household=home, reason="月收入800元，妻子重病", covered=3, applied_on=dt.date(2026, 9, 20)
    )
    records.save(application)
    store.record_ballot(application, review, {"votes_for": 8, "votes_against": 4, "votes_abstain": 0})
    assert store.result(models.DibaoApplication.get_by_id(application.id)) == d.PASSED
    records.save(
        models.DibaoObjection(
            village=village,
            application=application,
            received_on=dt.date(2026, 10, 18),
            from_whom="杨秀英",
            content="收入需核实",
        )
    )
    text = pdf_text(catalogue.render("dibao_notice", str(review.id), today=dt.date(2026, 10, 17)).pdf, tmp_path)
    assert "吴光明" in text and "农村低保" in text and "通过" in text and "2026年10月23日" in text
    assert "杨某" in text and "杨秀英" not in text
    for private in ("17号", "13812345678", an_id(5), "800", "重病", "第一组"):
        assert private not in text
    approved = models.DibaoApplication.get_by_id(application.id)
    approved.monthly_amount = Decimal("1560")
    records.save(approved)
    text = pdf_text(catalogue.render("dibao_notice", str(review.id), today=dt.date(2026, 11, 1)).pdf, tmp_path)
    assert "审批结果公示" in text and "1,560.00" in text


def test_a_ballot_needs_a_review_after_the_application(village):
    home = models.Household(village=village, head_name="吴光明")
    records.save(home)
    review = models.DibaoReview(village=village, held_on=dt.date(2026, 9, 1), panel=[], present=0)
    records.save(review)
    application = models.DibaoApplication(village=village, household=home, applied_on=dt.date(2026, 9, 20))
    records.save(application)
    with pytest.raises(Exception, match="评议会不能早于申请日期"):
        store.record_ballot(application, review, {"votes_for": 0, "votes_against": 0, "votes_abstain": 0})
    with pytest.raises(StorageError):
        records.delete(models.Household.get_by_id(home.id))

"""党费 amounts at every tier's edge, the lapse and late-payment flags, and the 民主评议 warnings."""

import datetime as dt
from decimal import Decimal

import pytest

from app.domain import appraisal as a
from app.domain import dues as d
from app.domain import periods
from app.domain.values import InputError


@pytest.mark.parametrize(
    ("category", "base", "monthly"),
    [
        (d.WAGE, "3000", "15.00"),
        (d.WAGE, "3000.01", "30.00"),
        (d.WAGE, "5000", "50.00"),
        (d.WAGE, "5000.01", "75.00"),
        (d.WAGE, "10000", "150.00"),
        (d.WAGE, "10000.01", "200.00"),
        (d.WAGE, "2345", "11.73"),  # 11.725: to the 分, half up
        (d.SELF_EMPLOYED, "4000", "40.00"),
        (d.RETIRED, "5000", "25.00"),
        (d.RETIRED, "5000.01", "50.00"),
        (d.LOW_INCOME, "0", "0.20"),
        (d.FARMER, "0.20", "0.20"),
        (d.FARMER, "1.00", "1.00"),
        (d.EXEMPT, "3000", "0.00"),
    ],
)
def test_monthly_dues_follow_the_2008_rules(category, base, monthly):
    assert d.monthly_dues(category, Decimal(base)) == Decimal(monthly)


@pytest.mark.parametrize("base", ["0.19", "1.01"])
def test_a_farmer_amount_outside_the_branchs_range_is_refused(base):
    with pytest.raises(InputError, match="0.20—1.00"):
        d.monthly_dues(d.FARMER, Decimal(base))


def test_six_unpaid_months_in_a_row_are_flagged_five_are_not():
    due = periods.months_between("2026-01", "2026-08")
    paid = {month: dt.date(2026, 8, 1) for month in ("2026-01", "2026-08")}
    assert any("自行脱党" in flag for flag in d.flags(due, paid, exempt=False))  # Feb–Jul: six
    paid["2026-04"] = dt.date(2026, 8, 1)
    assert not any("自行脱党" in flag for flag in d.flags(due, paid, exempt=False))
    assert d.flags(due, {}, exempt=True) == []


def test_a_payment_more_than_six_months_after_its_month_is_flagged():
    due = periods.months_between("2026-01", "2026-08")
    on_time = {month: dt.date(2026, 7, 31) for month in due}  # January's in July: six months
    assert d.flags(due, on_time, exempt=False) == []
    on_time["2026-01"] = dt.date(2026, 8, 1)
    assert d.flags(due, on_time, exempt=False) == ["补交超过6个月：2026-01"]


def test_more_than_a_third_excellent_is_a_warning_a_third_is_not():
    assert a.year_warnings([a.EXCELLENT] * 3 + [a.QUALIFIED] * 6, []) == []
    assert "超过参评党员 9 人的三分之一" in a.year_warnings([a.EXCELLENT] * 4 + [a.QUALIFIED] * 5, [])[0]
    assert a.year_warnings([a.QUALIFIED], ["王五"]) == ["王五是预备党员，一般不评为优秀"]


def test_an_unqualified_member_needs_a_follow_up():
    assert a.follow_up_needed(a.UNQUALIFIED, "")
    assert not a.follow_up_needed(a.UNQUALIFIED, "限期改正")
    assert not a.follow_up_needed(a.QUALIFIED, "")


@pytest.mark.parametrize(
    ("category", "base", "label"),
    [
        (d.WAGE, "2800", "月收入的0.5%"),
        (d.WAGE, "6500", "月收入的1.5%"),
        (d.WAGE, "12000", "月收入的2%"),
        (d.RETIRED, "5600", "离退休费的1%"),
        (d.FARMER, "0.5", "支部确定"),
    ],
)
def test_the_standard_reads_as_the_ledger_writes_it(category, base, label):
    assert d.rate_label(category, Decimal(base)) == label

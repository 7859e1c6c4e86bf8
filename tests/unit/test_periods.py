"""Months, quarters, half-years and years: one module reads and writes every period key."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import periods
from app.domain.values import InputError


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2026-03", periods.MONTH, dt.date(2026, 3, 1), dt.date(2026, 3, 31), "2026年3月"),
        ("2024-2", periods.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024年2月"),
        ("2026q4", periods.QUARTER, dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026年第四季度"),
        ("２０２６Ｈ１", periods.HALF_YEAR, dt.date(2026, 1, 1), dt.date(2026, 6, 30), "2026年上半年"),
        ("2025H2", periods.HALF_YEAR, dt.date(2025, 7, 1), dt.date(2025, 12, 31), "2025年下半年"),
        ("2025", periods.YEAR, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025年"),
    ],
)
def test_each_form_is_read_with_its_days_and_label(text, kind, start, end, label):
    period = periods.parse(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert periods.parse(period.key) == period


def test_a_period_of_the_wrong_kind_or_form_is_refused_in_chinese():
    for wrong in ("2026-13", "2026Q5", "2026H3", "26", ""):
        with pytest.raises(ValueError, match="应写成"):
            periods.parse(wrong)
    with pytest.raises(ValueError, match="2026-03（月）或 2026Q1（季度）"):
        periods.parse_period("2026H1")
    with pytest.raises(InputError, match="应写成 2026Q4"):
        periods.parse_quarter("2026-10")


@given(st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)))
def test_a_day_lies_in_the_month_quarter_and_half_year_formed_from_it(day):
    for key in (periods.month_key(day), periods.quarter_of(day), periods.half_year_of(day), str(day.year)):
        period = periods.parse(key)
        assert period.start <= day <= period.end
    assert periods.quarter_of_month(periods.month_key(day)) == periods.quarter_of(day)


@given(st.integers(1950, 2099), st.integers(1, 4), st.integers(-40, 40))
def test_quarters_step_and_end_where_the_calendar_says(year, quarter, steps):
    later = periods.shift_quarter(year, quarter, steps)
    assert periods.shift_quarter(*later, -steps) == (year, quarter)
    assert periods.previous_quarter(year, quarter) == periods.shift_quarter(year, quarter, -1)
    end = periods.quarter_end(year, quarter)
    assert (end + dt.timedelta(days=1)) == periods.quarter_period(*periods.shift_quarter(year, quarter, 1)).start
    assert periods.quarter_months(year, quarter)[-1] == periods.month_key(end)


def test_half_years_and_month_spans():
    assert periods.previous_half_year("2026H1") == "2025H2"
    assert periods.previous_half_year("2026H2") == "2026H1"
    assert periods.months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert periods.months_between("2026-03", "2026-02") == []

"""Every validator, fed anything at all, returns a value or the program's own InputError: never another
exception. Slow (10,000 cases each); run in CI with the rest."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import values as v

CASES = 10_000
typed = st.one_of(
    st.text(),
    st.text(alphabet="0123456789０１２３４５６７８９-.,/年月日eE+ 　", max_size=40),
    st.integers().map(str),
    st.text(alphabet="0123456789", min_size=1, max_size=30),
    st.integers(min_value=1, max_value=6000).map(lambda length: "9" * length),  # past int()'s 4,300 digits
    st.dates().map(lambda d: d.isoformat()),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)

VALIDATORS = {
    "required_text": (lambda t: v.required_text(t, "名称"), str),
    "optional_text": (lambda t: v.optional_text(t, "说明", v.NOTE_LENGTH), str),
    "whole_number": (lambda t: v.whole_number(t, "数量", minimum=1), int),
    "decimal_amount": (lambda t: v.decimal_amount(t, "金额"), Decimal),
    "year": (lambda t: v.year(t, "建设年度"), int),
    "date_value": (lambda t: v.date_value(t, "日期", required=False, not_after_today=True), (dt.date, type(None))),
    "phone_number": (lambda t: v.phone_number(t, "监督电话"), str),
}
checked = dict.fromkeys(VALIDATORS, 0)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(VALIDATORS))
def test_a_validator_returns_a_value_or_an_input_error(name):
    validate, kind = VALIDATORS[name]

    @settings(max_examples=CASES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(typed)
    def property_holds(text):
        checked[name] += 1
        try:
            value = validate(text)
        except v.InputError as error:
            assert str(error.args[0])  # a message for the clerk
            return
        assert isinstance(value, kind)
        if isinstance(value, Decimal):
            assert value.is_finite() and value >= 0 and value == value.quantize(Decimal("0.01"))
        if isinstance(value, int):
            assert 0 <= value <= v.MAX_WHOLE_NUMBER

    property_holds()
    print(f"{name}: {checked[name]} cases")
    assert checked[name] >= CASES * 0.9  # hypothesis stops early only when it runs out of distinct inputs

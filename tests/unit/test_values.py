import datetime as dt
from decimal import Decimal

import pytest

from app.domain import values as v


def test_money_is_decimal_with_two_places():
    assert v.decimal_amount("820,000.5", "投资") == Decimal("820000.50")
    assert isinstance(v.decimal_amount("1", "投资"), Decimal)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "请填写投资"),
        ("十万", "投资应为数字"),
        ("-5", "投资不能为负数"),
        ("1.234", "最多保留 2 位小数"),
        ("nan", "应为数字"),
    ],
)
def test_bad_money_gets_a_chinese_message(text, message):
    with pytest.raises(v.InputError, match=message):
        v.decimal_amount(text, "投资")


def test_whole_numbers():
    assert v.whole_number("1,268", "人口") == 1268
    with pytest.raises(v.InputError, match="户数应为整数"):
        v.whole_number("三百", "户数")
    with pytest.raises(v.InputError, match="数量不能小于 1"):
        v.whole_number("0", "数量", minimum=1)


def test_dates_in_the_forms_clerks_type():
    assert v.date_value("2024-05-01", "日期") == dt.date(2024, 5, 1)
    assert v.date_value("2024年5月1日", "日期") == dt.date(2024, 5, 1)
    assert v.date_value("2024.5.1", "日期") == dt.date(2024, 5, 1)
    assert v.date_value("", "日期", required=False) is None
    with pytest.raises(v.InputError, match="格式应为"):
        v.date_value("2024-02-30", "日期")


def test_phone():
    assert v.phone_number("0855-5721234") == "0855-5721234"
    with pytest.raises(v.InputError, match="只能包含数字"):
        v.phone_number("电话5721234")

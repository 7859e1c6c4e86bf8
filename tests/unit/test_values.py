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
    with pytest.raises(v.InputError, match="2024 年 2 月没有 30 日"):
        v.date_value("2024-02-30", "日期")
    with pytest.raises(v.InputError, match="格式应为"):
        v.date_value("五月一日", "日期")


def test_input_that_used_to_crash_gets_a_message():
    with pytest.raises(v.InputError):
        v.date_value("522601199001011234", "日期")  # an ID number pasted into a date: was OverflowError
    with pytest.raises(v.InputError, match="不能大于"):
        v.whole_number("9" * 5000, "人口")  # was ValueError (int of more than 4,300 digits)
    with pytest.raises(v.InputError, match="不能大于"):
        v.whole_number("1" * 20, "数量")  # passed, then failed at save
    with pytest.raises(v.InputError, match="应为数字"):
        v.decimal_amount("1e3", "金额")
    with pytest.raises(v.InputError, match="最多 60 个字"):
        v.required_text("长" * 61, "名称")


def test_full_width_digits_from_an_input_method_are_read():
    assert v.whole_number("１２００", "人口") == 1200
    assert v.decimal_amount("１２００．５", "金额") == Decimal("1200.50")
    assert v.date_value("２０２４－０５－０１", "日期") == dt.date(2024, 5, 1)


def test_a_date_that_has_not_happened_yet_is_refused_where_it_cannot_be():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(v.InputError, match="不能晚于今天"):
        v.date_value(tomorrow.isoformat(), "购置日期", not_after_today=True)
    assert v.date_value(tomorrow.isoformat(), "施行日期") == tomorrow


def test_phone():
    assert v.phone_number("0855-5721234") == "0855-5721234"
    with pytest.raises(v.InputError, match="只能包含数字"):
        v.phone_number("电话5721234")

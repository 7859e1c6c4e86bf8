"""Reading what the clerk typed. Each parser returns a clean value or raises InputError in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation


class InputError(ValueError):
    """A message for the field the clerk is typing in."""


def required_text(text: str, label: str) -> str:
    value = (text or "").strip()
    if not value:
        raise InputError(f"请填写{label}")
    return value


def optional_text(text: str) -> str:
    return (text or "").strip()


def whole_number(text: str, label: str, minimum: int = 0, maximum: int | None = None) -> int:
    value = (text or "").strip().replace(",", "").replace("，", "")
    if not value:
        raise InputError(f"请填写{label}")
    if not re.fullmatch(r"[0-9]+", value):
        raise InputError(f"{label}应为整数，例如 12")
    number = int(value)
    if number < minimum:
        raise InputError(f"{label}不能小于 {minimum}")
    if maximum is not None and number > maximum:
        raise InputError(f"{label}不能大于 {maximum}")
    return number


def decimal_amount(text: str, label: str, places: int = 2, allow_zero: bool = True) -> Decimal:
    """Money or an area: at most `places` decimals, never negative."""
    value = (text or "").strip().replace(",", "").replace("，", "").replace("元", "").replace("㎡", "")
    if not value:
        raise InputError(f"请填写{label}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise InputError(f"{label}应为数字，例如 1200.50") from None
    if not number.is_finite():
        raise InputError(f"{label}应为数字，例如 1200.50")
    if number < 0:
        raise InputError(f"{label}不能为负数")
    if not allow_zero and number == 0:
        raise InputError(f"{label}应大于 0")
    if -number.as_tuple().exponent > places:
        raise InputError(f"{label}最多保留 {places} 位小数")
    if number >= Decimal(10) ** 12:
        raise InputError(f"{label}数值过大，请核对")
    return number.quantize(Decimal(1).scaleb(-places))


def year(text: str, label: str = "年度") -> int:
    return whole_number(text, label, minimum=1949, maximum=dt.date.today().year + 5)


def date_value(text: str, label: str, required: bool = True) -> dt.date | None:
    value = (text or "").strip()
    if not value:
        if required:
            raise InputError(f"请填写{label}")
        return None
    normalized = re.sub(r"[年月./]", "-", value).rstrip("日").strip("-")
    try:
        parts = [int(part) for part in normalized.split("-")]
        return dt.date(*parts)
    except (ValueError, TypeError):
        raise InputError(f"{label}格式应为 2024-05-01") from None


def phone_number(text: str, label: str = "电话") -> str:
    value = (text or "").strip()
    if not value:
        raise InputError(f"请填写{label}")
    if not re.fullmatch(r"[0-9][0-9\- ]{4,19}", value):
        raise InputError(f"{label}只能包含数字和“-”，例如 0855-5721234")
    return value


def format_money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}"


def format_area(area: Decimal | None) -> str:
    if area is None:
        return ""
    text = f"{area:,.2f}".rstrip("0").rstrip(".")
    return text


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""

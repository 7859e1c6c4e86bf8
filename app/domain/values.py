"""Reading what the clerk typed. Each parser returns a clean value or raises InputError in Chinese."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal


class InputError(ValueError):
    """A message for the field the clerk is typing in."""


NAME_LENGTH = 60  # a name, title or short text: what a table cell and a sheet line can hold
NOTE_LENGTH = 300
MAX_WHOLE_NUMBER = 999_999_999
MAX_DIGITS = 15  # checked before int(): Python refuses to read numbers of thousands of digits
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


def _typed_number(text: str) -> str:
    """What was typed into a number, date or phone field, as plain ASCII: full-width digits from an input
    method (１２００), full-width punctuation and thousands separators are folded."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    return value.replace(",", "").replace("、", "")


def required_text(text: str, label: str, max_length: int = NAME_LENGTH) -> str:
    value = (text or "").strip()
    if not value:
        raise InputError(f"请填写{label}")
    return _within(value, label, max_length)


def optional_text(text: str, label: str = "此项", max_length: int = NAME_LENGTH) -> str:
    return _within((text or "").strip(), label, max_length)


def _within(value: str, label: str, max_length: int) -> str:
    if len(value) > max_length:
        raise InputError(f"{label}最多 {max_length} 个字，现在是 {len(value)} 个字")
    return value


def whole_number(text: str, label: str, minimum: int = 0, maximum: int = MAX_WHOLE_NUMBER) -> int:
    value = _typed_number(text)
    if not value:
        raise InputError(f"请填写{label}")
    if not re.fullmatch(r"[0-9]+", value):
        raise InputError(f"{label}应为整数，例如 12")
    if len(value.lstrip("0")) > MAX_DIGITS:
        raise InputError(f"{label}不能大于 {maximum}")
    number = int(value)
    if number < minimum:
        raise InputError(f"{label}不能小于 {minimum}")
    if number > maximum:
        raise InputError(f"{label}不能大于 {maximum}")
    return number


def decimal_amount(text: str, label: str, places: int = 2, allow_zero: bool = True) -> Decimal:
    """Money or an area: plain digits with at most `places` decimals, never negative, never "1e3"."""
    value = _typed_number(text).replace("元", "").replace("m2", "").replace("㎡", "").strip()
    if not value:
        raise InputError(f"请填写{label}")
    if value.startswith("-") and re.fullmatch(r"-[0-9]+(\.[0-9]+)?", value):
        raise InputError(f"{label}不能为负数")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", value):
        raise InputError(f"{label}应为数字，例如 1200.50")
    whole, _, fraction = value.partition(".")
    if len(fraction) > places:
        raise InputError(f"{label}最多保留 {places} 位小数")
    if len(whole.lstrip("0")) > 12:
        raise InputError(f"{label}数值过大，请核对")
    number = Decimal(value)
    if not allow_zero and number == 0:
        raise InputError(f"{label}应大于 0")
    return number.quantize(Decimal(1).scaleb(-places))


def year(text: str, label: str = "年度") -> int:
    return whole_number(text, label, minimum=1949, maximum=dt.date.today().year + 5)


DATE_PATTERN = re.compile(r"([0-9]{4})\s*[-./年]\s*([0-9]{1,2})\s*[-./月]\s*([0-9]{1,2})\s*日?")


def date_value(text: str, label: str, required: bool = True, not_after_today: bool = False) -> dt.date | None:
    """2024-05-01, 2024年5月1日, 2024.5.1 or 2024/5/1. `not_after_today` for what has already happened."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        if required:
            raise InputError(f"请填写{label}")
        return None
    match = DATE_PATTERN.fullmatch(value)
    if not match:
        raise InputError(f"{label}格式应为 2024-05-01")
    year_number, month, day = (int(part) for part in match.groups())
    if not EARLIEST_YEAR <= year_number <= LATEST_YEAR:
        raise InputError(f"{label}的年份应在 {EARLIEST_YEAR}—{LATEST_YEAR} 之间")
    if not 1 <= month <= 12:
        raise InputError(f"{label}的月份应为 1—12")
    try:
        date = dt.date(year_number, month, day)
    except ValueError:
        raise InputError(f"{year_number} 年 {month} 月没有 {day} 日，请核对{label}") from None
    if not_after_today and date > dt.date.today():
        raise InputError(f"{label}不能晚于今天")
    return date


def phone_number(text: str, label: str = "电话") -> str:
    value = unicodedata.normalize("NFKC", text or "").strip()
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


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"


def id_check_char(first_17: str) -> str:
    """The 18th character of a 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2)."""
    return ID_CHECK_CHARS[sum(int(d) * w for d, w in zip(first_17, ID_WEIGHTS, strict=True)) % 11]


def id_number(text: str, label: str = "身份证号", required: bool = False) -> str:
    """An 18-character 公民身份号码 with a correct check character and a real birth date; '' when left empty."""
    value = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "").upper()
    if not value:
        if required:
            raise InputError(f"请填写{label}")
        return ""
    if not re.fullmatch(r"[0-9]{17}[0-9X]", value):
        raise InputError(f"{label}应为 18 位（最后一位可以是 X），现在是 {len(value)} 位")
    try:
        born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InputError(f"{label}第 7—14 位的出生日期 {value[6:14]} 不存在，请核对") from None
    if born.year < EARLIEST_YEAR or born > dt.date.today():
        raise InputError(f"{label}中的出生日期 {born:%Y-%m-%d} 不对，请核对")
    if id_check_char(value[:17]) != value[17]:
        raise InputError(f"{label}校验位不对（最后一位应为 {id_check_char(value[:17])}），请逐位核对")
    return value


def birth_date_from_id(number: str) -> dt.date | None:
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14])) if len(number) == 18 else None


def gender_from_id(number: str) -> str:
    """第17位: odd for men, even for women."""
    return ("男" if int(number[16]) % 2 else "女") if len(number) == 18 else ""


def agree_with_id(values: dict) -> None:
    """A form's birth date and sex must agree with its ID number, and are taken from it when left empty."""
    number = values.get("id_number")
    if not number:
        return
    born, gender = birth_date_from_id(number), gender_from_id(number)
    if values.get("birth_date") and values["birth_date"] != born:
        raise InputError(f"出生日期与身份证号不符（号码中是 {born:%Y-%m-%d}）", "birth_date")
    if values.get("gender") and values["gender"] != gender:
        raise InputError(f"性别与身份证号不符（号码第 17 位表示“{gender}”）", "gender")
    values["birth_date"], values["gender"] = born, gender


def optional_phone(text: str, label: str = "联系电话") -> str:
    return phone_number(text, label) if unicodedata.normalize("NFKC", text or "").strip() else ""


def years_between(start: dt.date | None, today: dt.date) -> int | None:
    """Whole years from start to today (an age, a 党龄); None when start is unknown."""
    if start is None:
        return None
    return today.year - start.year - ((today.month, today.day) < (start.month, start.day))

"""Periods, parsed and formed in one place: a month "2026-03", a quarter "2026Q4", a half-year "2026H2" and a
year "2026". Every key the program stores or shows for a period comes from here."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from app.domain.values import InputError

MONTH, QUARTER, HALF_YEAR, YEAR = "month", "quarter", "half_year", "year"
QUARTER_NAMES = "一二三四"
_FORMS = {
    MONTH: re.compile(r"([0-9]{4})-([0-9]{1,2})"),
    QUARTER: re.compile(r"([0-9]{4})Q([1-4])"),
    HALF_YEAR: re.compile(r"([0-9]{4})H([12])"),
    YEAR: re.compile(r"([0-9]{4})"),
}
_EXAMPLES = {MONTH: "2026-03（月）", QUARTER: "2026Q1（季度）", HALF_YEAR: "2026H2（半年）", YEAR: "2026（年）"}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str  # 2026年3月, 2026年第一季度, 2026年下半年, 2026年
    key: str  # 2026-03, 2026Q1, 2026H2, 2026

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def kind(self) -> str:
        return next(kind for kind, form in _FORMS.items() if form.fullmatch(self.key))


def month_period(year: int, month: int) -> Period:
    start = dt.date(year, month, 1)
    end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    return Period(start, end, f"{year}年{month}月", f"{year}-{month:02d}")


def quarter_period(year: int, quarter: int) -> Period:
    start = dt.date(year, 3 * quarter - 2, 1)
    return Period(start, quarter_end(year, quarter), f"{year}年第{QUARTER_NAMES[quarter - 1]}季度", f"{year}Q{quarter}")


def half_year_period(year: int, half: int) -> Period:
    start, end = (
        (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))
    )
    return Period(start, end, f"{year}年{'上' if half == 1 else '下'}半年", f"{year}H{half}")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年", str(year))


_MAKERS = {MONTH: month_period, QUARTER: quarter_period, HALF_YEAR: half_year_period}


def parse(text: str, kinds: tuple[str, ...] = (MONTH, QUARTER, HALF_YEAR, YEAR)) -> Period:
    """A period key of one of the kinds; full-width digits and a lower-case q are read too. Raises ValueError with
    a Chinese message naming the forms allowed."""
    typed = unicodedata.normalize("NFKC", text or "").strip().upper()
    for kind in kinds:
        found = _FORMS[kind].fullmatch(typed)
        if not found:
            continue
        year = int(found.group(1))
        if kind == YEAR:
            return year_period(year)
        number = int(found.group(2))
        if kind == MONTH and not 1 <= number <= 12:
            continue
        return _MAKERS[kind](year, number)
    raise ValueError(f"期间“{text}”应写成 " + "或 ".join(_EXAMPLES[kind] for kind in kinds))


def parse_period(text: str) -> Period:
    """2026-03 (a month) or 2026Q1 (a quarter), as the 财务公开 is made for."""
    return parse(text, (MONTH, QUARTER))


def parse_quarter(text: str) -> tuple[int, int]:
    """2026Q4 → (2026, 4), strictly (a board's period); raises InputError."""
    value = (text or "").strip().upper()
    found = _FORMS[QUARTER].fullmatch(value)
    if not found:
        raise InputError(f"期间“{text}”应写成 2026Q4（年份、Q、第几季度）")
    return int(found.group(1)), int(found.group(2))


def month_key(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def quarter_of(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_key(year: int, quarter: int) -> str:
    return f"{year}Q{quarter}"


def half_year_of(day: dt.date) -> str:
    return f"{day.year}H{1 if day.month <= 6 else 2}"


def previous_half_year(key: str) -> str:
    period = parse(key, (HALF_YEAR,))
    return half_year_of(period.start - dt.timedelta(days=1))


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def shift_quarter(year: int, quarter: int, steps: int) -> tuple[int, int]:
    """The quarter `steps` after (or before, when negative) the given one."""
    index = year * 4 + quarter - 1 + steps
    return index // 4, index % 4 + 1


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year + quarter // 4, quarter * 3 % 12 + 1, 1) - dt.timedelta(days=1)


def quarter_months(year: int, quarter: int) -> list[str]:
    first = (quarter - 1) * 3 + 1
    return [f"{year}-{month:02d}" for month in range(first, first + 3)]


def quarter_of_month(key: str) -> str:
    """2026-05 → 2026Q2."""
    return quarter_of(parse(key, (MONTH,)).start)


def months_between(first: str, last: str) -> list[str]:
    """'2026-01'..'2026-03' -> the months in between, both included."""
    year, month = parse(first, (MONTH,)).start.year, parse(first, (MONTH,)).start.month
    end = parse(last, (MONTH,)).start
    months = []
    while (year, month) <= (end.year, end.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months

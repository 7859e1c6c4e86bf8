"""公开栏 rules shared by every sheet: how long a notice stays up, how its period reads."""

from __future__ import annotations

import datetime as dt

from app.domain import periods
from app.domain.dates import chinese_date
from app.domain.periods import previous_quarter

DEFAULT_POSTING_DAYS = 10  # [T] 10–15 days; 山东 requires at least 5
OBJECTION_DAYS = 5
PERMANENT = "长期公开"


def posting_period(start: dt.date, days: int = DEFAULT_POSTING_DAYS) -> str:
    end = start + dt.timedelta(days=days)
    return f"{days}天（{start.month}月{start.day}日至{chinese_date(end)}）"


# --- the board: its panels, what goes on each, and how often ---
LONG_TERM, PARTY, VILLAGE, FINANCE, NOTICES = "长期公开", "党务公开", "村务公开", "财务公开", "公告通知"
PANELS = (LONG_TERM, PARTY, VILLAGE, FINANCE, NOTICES)
STANDING, HALF_YEARLY, QUARTERLY, MONTHLY, YEARLY, AS_CALLED = "长期", "每半年", "每季度", "每月", "每年", "随时"
RHYTHMS = (STANDING, HALF_YEARLY, QUARTERLY, MONTHLY, YEARLY, AS_CALLED)
# each kind of sheet declares its panel and rhythm (app.publishing.kinds); a township may change the rhythms
# (finance monthly where money moves often)
DEFAULT_DISCLOSURE_DAY = 15  # of a quarter's first month
DEFAULT_MINIMUM_DAYS = 5  # 山东 13: on the board at least five days
ANSWER_DAYS = OBJECTION_DAYS  # an objection is answered within five days
AS_CALLED_DAYS = 5  # [T] 山东 12 says major matters are posted at once; within five days of the record


def covered_keys(rhythm: str, year: int, quarter: int) -> list[str]:
    """The periods whose sheets a quarter's board carries, by the record keys the sheets use: the quarter before
    (its three months when finance is monthly), the half-year before when the quarter opens a half, the year
    before on the first board of a year."""
    before_year, before_quarter = previous_quarter(year, quarter)
    if rhythm == QUARTERLY:
        return [periods.quarter_key(before_year, before_quarter)]
    if rhythm == MONTHLY:
        return periods.quarter_months(before_year, before_quarter)
    if rhythm == HALF_YEARLY:
        opened = {1: (year - 1, 2), 3: (year, 1)}.get(quarter)  # the first and third quarters open a half-year
        return [periods.half_year_period(*opened).key] if opened else []
    if rhythm == YEARLY:
        return [periods.year_period(year - 1).key] if quarter == 1 else []
    return []


def disclosure_date(year: int, quarter: int, day: int = DEFAULT_DISCLOSURE_DAY) -> dt.date:
    return dt.date(year, (quarter - 1) * 3 + 1, min(day, 28))


def answer_due(received_on: dt.date) -> dt.date:
    return received_on + dt.timedelta(days=ANSWER_DAYS)


def check_answer(values: dict) -> None:
    """An objection's answer (to a 公示 or a posted sheet) carries its date, never before the objection came in."""
    from app.domain.values import InputError

    if values["answer"] and not values["answered_on"]:
        raise InputError("写了答复，请填写答复日期", "answered_on")
    if values["answered_on"] and values["answered_on"] < values["received_on"]:
        raise InputError("答复日期不能早于收到日期", "answered_on")

"""公开栏 rules shared by every sheet: how long a notice stays up, how its period reads."""

from __future__ import annotations

import datetime as dt

from app.domain.dates import chinese_date

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
# kind of sheet → [panel, rhythm]; a township may change the rhythms (finance monthly where money moves often)
DEFAULT_BOARD = {
    "cadre_duties": [LONG_TERM, STANDING],
    "compact_wall": [LONG_TERM, STANDING],
    "service_catalogue": [LONG_TERM, STANDING],
    "household_sign": [LONG_TERM, STANDING],
    "party_affairs": [PARTY, HALF_YEARLY],
    "candidate_notice": [PARTY, AS_CALLED],
    "appraisal_result": [PARTY, YEARLY],
    "resolution_notice": [VILLAGE, AS_CALLED],
    "result_notice": [VILLAGE, AS_CALLED],
    "dibao_notice": [VILLAGE, AS_CALLED],
    "finance_disclosure": [FINANCE, QUARTERLY],
    "income_distribution": [FINANCE, YEARLY],
}
DEFAULT_DISCLOSURE_DAY = 15  # of a quarter's first month
DEFAULT_MINIMUM_DAYS = 5  # 山东 13: on the board at least five days
ANSWER_DAYS = OBJECTION_DAYS  # an objection is answered within five days
AS_CALLED_DAYS = 5  # [T] 山东 12 says major matters are posted at once; within five days of the record


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def covered_keys(rhythm: str, year: int, quarter: int) -> list[str]:
    """The periods whose sheets a quarter's board carries, by the record keys the sheets use: the quarter before
    (its three months when finance is monthly), the half-year before when the quarter opens a half, the year
    before on the first board of a year."""
    before_year, before_quarter = previous_quarter(year, quarter)
    if rhythm == QUARTERLY:
        return [f"{before_year}Q{before_quarter}"]
    if rhythm == MONTHLY:
        first = (before_quarter - 1) * 3 + 1
        return [f"{before_year}-{month:02d}" for month in range(first, first + 3)]
    if rhythm == HALF_YEARLY:
        return [f"{year - 1}H2"] if quarter == 1 else [f"{year}H1"] if quarter == 3 else []
    if rhythm == YEARLY:
        return [str(year - 1)] if quarter == 1 else []
    return []


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year + quarter // 4, quarter * 3 % 12 + 1, 1) - dt.timedelta(days=1)


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

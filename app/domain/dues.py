"""党费: the monthly amount by category and income, payments, and the gaps the branch must look at.

Source: 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008) as quoted in RESEARCH.md §4.3 — 农民党员
0.2–1.0 元 a month as the branch sets; 学生、下岗失业、领取低保的 0.2 元; wage earners on the monthly income,
whole-amount tiers 0.5% (≤3000), 1% (≤5000), 1.5% (≤10000), 2% above; 离退休 0.5% (≤5000) / 1%; 个体经营
on the last quarter's monthly average like wages; 困难 members may pay less or nothing with approval.
补交 "一般不得超过6个月"; 党章: "连续六个月不交纳党费" without reason is treated as 自行脱党 — for the
branch to decide, so the program only flags it. Amounts are to the 分 (rounded half up: the rule gives none).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from app.domain import periods
from app.domain.values import InputError

FARMER, LOW_INCOME, WAGE, RETIRED, SELF_EMPLOYED, EXEMPT = (
    "农民党员",
    "学生、失业或低保",
    "工资收入",
    "离退休",
    "个体经营",
    "经批准免交",
)
CATEGORIES = (FARMER, LOW_INCOME, WAGE, RETIRED, SELF_EMPLOYED, EXEMPT)
FARMER_RANGE = (Decimal("0.20"), Decimal("1.00"))
LOW_INCOME_AMOUNT = Decimal("0.20")
WAGE_TIERS = ((Decimal(3000), Decimal("0.005")), (Decimal(5000), Decimal("0.01")), (Decimal(10000), Decimal("0.015")))
WAGE_TOP_RATE = Decimal("0.02")
RETIRED_TIERS = ((Decimal(5000), Decimal("0.005")),)
RETIRED_TOP_RATE = Decimal("0.01")
LATE_PAYMENT_MONTHS = 6
LAPSE_MONTHS = 6
CENT = Decimal("0.01")


def _tiered(income: Decimal, tiers, top: Decimal) -> Decimal:
    rate = next((rate for limit, rate in tiers if income <= limit), top)
    return (income * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def _percent(rate: Decimal) -> str:
    """0.015 -> '1.5', 0.01 -> '1'."""
    return f"{(rate * 100).normalize():f}"


def rate_label(category: str, base: Decimal) -> str:
    """执行标准 as the ledger writes it."""
    if category in (WAGE, SELF_EMPLOYED):
        rate = next((rate for limit, rate in WAGE_TIERS if base <= limit), WAGE_TOP_RATE)
        return f"月收入的{_percent(rate)}%"
    if category == RETIRED:
        rate = next((rate for limit, rate in RETIRED_TIERS if base <= limit), RETIRED_TOP_RATE)
        return f"离退休费的{_percent(rate)}%"
    if category == FARMER:
        return "支部确定"
    if category == LOW_INCOME:
        return "每月0.2元"
    return "经批准免交"


def monthly_dues(category: str, base: Decimal) -> Decimal:
    """The month's 党费; `base` is the monthly income, or for a 农民党员 the amount the branch set."""
    if category in (WAGE, SELF_EMPLOYED):
        return _tiered(base, WAGE_TIERS, WAGE_TOP_RATE)
    if category == RETIRED:
        return _tiered(base, RETIRED_TIERS, RETIRED_TOP_RATE)
    if category == FARMER:
        low, high = FARMER_RANGE
        if not low <= base <= high:
            raise InputError(f"农民党员每月交纳 {low}—{high} 元，由支部确定；现在是 {base} 元", "base")
        return base.quantize(CENT)
    if category == LOW_INCOME:
        return LOW_INCOME_AMOUNT
    return Decimal("0.00")


def unpaid_months(due: list[str], paid: set[str]) -> list[str]:
    return [month for month in due if month not in paid]


def longest_unpaid_run(due: list[str], paid: set[str]) -> int:
    longest = run = 0
    for month in due:
        run = 0 if month in paid else run + 1
        longest = max(longest, run)
    return longest


def late_by_months(month: str, paid_on: dt.date) -> int:
    """How many months after the month it covers a payment was made."""
    start = periods.parse(month, (periods.MONTH,)).start
    return (paid_on.year - start.year) * 12 + paid_on.month - start.month


def flags(due: list[str], paid_on: dict[str, dt.date], exempt: bool) -> list[str]:
    """What the branch should look at for one member's year."""
    found = []
    if not exempt and longest_unpaid_run(due, set(paid_on)) >= LAPSE_MONTHS:
        found.append(f"连续{LAPSE_MONTHS}个月以上未交（党章：无正当理由的视为自行脱党，请支部研究）")
    late = [month for month, day in paid_on.items() if late_by_months(month, day) > LATE_PAYMENT_MONTHS]
    if late:
        found.append(f"补交超过{LATE_PAYMENT_MONTHS}个月：{'、'.join(sorted(late))}")
    return found

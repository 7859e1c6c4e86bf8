"""低保 民主评议 and its 公示.

Sources (RESEARCH.md §6, DOMAIN.md): the 评议 panel at least 15 people — township staff, 两委, 监委会, 党员代表,
村民代表 (陕西 2014); at least two thirds of the panel present, and an applicant passes with at least two
thirds of those present, by secret ballot (腾冲 2018: "应到会人数的2/3以上，且需2/3以上参会人员同意"); the
公示 lasts 7 days (calendar by default, settable); it shows only 户主姓名, 保障人数, 类别 and the 评议结果 (or
月保障金额 after approval) — never an address, a full ID number, incomes or a bank account (北京 2013).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

ROLES = ("乡镇干部", "村“两委”成员", "村务监督委员会成员", "党员代表", "村民代表")
CATEGORIES = ("农村低保", "城市低保", "特困供养", "低保边缘")
DEFAULT_RULES = {
    "panel_minimum": 15,
    "attendance": "2/3",  # of the panel
    "pass": "2/3",  # of those present
    "publicity_days": 7,
    "working_days": False,  # the 公示 counted in calendar days unless set
}
PASSED, FAILED = "通过", "未通过"


@dataclass(frozen=True)
class Rules:
    panel_minimum: int = 15
    attendance: Fraction = Fraction(2, 3)
    passing: Fraction = Fraction(2, 3)
    publicity_days: int = 7
    working_days: bool = False

    @classmethod
    def from_setting(cls, stored: dict) -> Rules:
        merged = {**DEFAULT_RULES, **(stored or {})}
        return cls(
            int(merged["panel_minimum"]),
            Fraction(merged["attendance"]),
            Fraction(merged["pass"]),
            int(merged["publicity_days"]),
            bool(merged["working_days"]),
        )


def share_text(share: Fraction) -> str:
    names = {Fraction(2, 3): "三分之二", Fraction(1, 2): "二分之一", Fraction(3, 4): "四分之三"}
    return names.get(share, f"{share.numerator}/{share.denominator}")


def composition(panel: list[tuple[str, str]]) -> str:
    counts = {role: 0 for role in ROLES}
    for _name, role in panel:
        counts[role] = counts.get(role, 0) + 1
    return "，".join(f"{role} {count} 人" for role, count in counts.items() if count)


def panel_problems(panel: list[tuple[str, str]], rules: Rules) -> list[str]:
    problems = []
    if len(panel) < rules.panel_minimum:
        problems.append(f"评议小组只有 {len(panel)} 人，应不少于 {rules.panel_minimum} 人")
    missing = [role for role in ROLES if role not in {r for _n, r in panel}]
    if missing:
        problems.append(f"评议小组里还没有：{'、'.join(missing)}")
    return problems


def meeting_valid(panel_size: int, present: int, rules: Rules) -> tuple[bool, str]:
    valid = panel_size > 0 and Fraction(present, panel_size) >= rules.attendance
    text = (
        f"评议小组 {panel_size} 人、到会 {present} 人，"
        f"{'达到' if valid else '未达到'}{share_text(rules.attendance)}，评议{'有效' if valid else '无效'}"
    )
    return valid, text


def ballot_result(present: int, votes_for: int, votes_against: int, votes_abstain: int, rules: Rules) -> str:
    """通过 with at least the passing share of those present voting for; raises ValueError on too many votes."""
    if votes_for + votes_against + votes_abstain > present:
        raise ValueError(
            f"同意、不同意、弃权合计 {votes_for + votes_against + votes_abstain} 票，多于到会的 {present} 人"
        )
    return PASSED if present > 0 and Fraction(votes_for, present) >= rules.passing else FAILED


def publicity_end(start: dt.date, rules: Rules, holidays: set[dt.date]) -> dt.date:
    """The last day of the 公示: `publicity_days` days counting the first (calendar), or working days."""
    if not rules.working_days:
        return start + dt.timedelta(days=rules.publicity_days - 1)
    day, counted = start, 0
    while True:
        if day.weekday() < 5 and day not in holidays:
            counted += 1
            if counted == rules.publicity_days:
                return day
        day += dt.timedelta(days=1)

"""三会一课 and organisation life: who should attend, whether a meeting was valid, what it decided, how
often each kind is due, and when a record was entered late (补录).

Sources (RESEARCH.md §1): 《中国共产党支部工作条例（试行）》2018 — 党员大会 一般每季度1次, 支委会 每月1次,
党小组会 每月1次, 党课 每季度至少1次, 主题党日 每月1天, 组织生活会 每年至少1次; 党员大会 valid when more
than half of the members with a vote are present, elections when more than four fifths are; a decision
passes with more than half of those entitled to vote (预备党员 attend but do not vote); 支委会 valid when
more than half of the 委员 are present. 补录 after 3 days: 甘州区小满镇 "会后3个工作日内".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

GENERAL, COMMITTEE, GROUP, LECTURE, THEME_DAY, LIFE = (
    "支部党员大会",
    "支委会",
    "党小组会",
    "党课",
    "主题党日",
    "组织生活会",
)
KINDS = (GENERAL, COMMITTEE, GROUP, LECTURE, THEME_DAY, LIFE)
PRESENT, ABSENT, OBSERVER = "出席", "缺席", "列席"
LATE_ENTRY_DAYS = 3

MONTH, QUARTER, YEAR = "每月", "每季度", "每年"
# kind -> (period, at least how many): the township may change these (they are data, not code)
DEFAULT_REQUIREMENTS: dict[str, tuple[str, int]] = {
    GENERAL: (QUARTER, 1),
    COMMITTEE: (MONTH, 1),
    GROUP: (MONTH, 1),
    LECTURE: (QUARTER, 1),
    THEME_DAY: (MONTH, 1),
    LIFE: (YEAR, 1),
}


@dataclass(frozen=True)
class Counts:
    expected: int  # 应到
    present: int  # 实到
    voters_expected: int  # 应到会有表决权的（正式党员 / 委员）
    voters_present: int


@dataclass(frozen=True)
class Outcome:
    valid: bool | None  # None: the kind has no quorum rule
    validity: str
    passed: bool | None  # None: nothing was put to a vote
    result: str


def more_than(part: int, whole: int, share: Fraction) -> bool:
    return whole > 0 and Fraction(part, whole) > share


def outcome(kind: str, counts: Counts, election: bool, votes_for: int | None, votes_other: int = 0) -> Outcome:
    """Validity and, when votes were recorded, the result, each with the rule in words. `votes_other` is the
    反对 and 弃权 votes: together with 赞成 they cannot be more than the voters present."""
    if kind == GENERAL:
        share, rule = (Fraction(4, 5), "五分之四") if election else (Fraction(1, 2), "半数")
        valid = more_than(counts.voters_present, counts.voters_expected, share)
        validity = (
            f"有表决权的党员应到 {counts.voters_expected} 人、实到 {counts.voters_present} 人，"
            f"{'超过' if valid else '未超过'}{rule}，会议{'有效' if valid else '无效'}"
        )
    elif kind == COMMITTEE:
        valid = more_than(counts.voters_present, counts.voters_expected, Fraction(1, 2))
        validity = (
            f"支部委员 {counts.voters_expected} 人、到会 {counts.voters_present} 人，"
            f"{'超过' if valid else '未超过'}半数，会议{'有效' if valid else '无效'}"
        )
    else:
        valid, validity = None, f"应到 {counts.expected} 人、实到 {counts.present} 人"
    if votes_for is None or valid is None:
        return Outcome(valid, validity, None, "")
    if not valid:
        return Outcome(valid, validity, False, "会议无效，表决不作数")
    if votes_for + votes_other > counts.voters_present:
        cast = votes_for + votes_other
        return Outcome(
            valid, validity, False, f"共 {cast} 票，多于到会有表决权的 {counts.voters_present} 人，请核对票数"
        )
    passed = more_than(votes_for, counts.voters_expected, Fraction(1, 2))
    result = (
        f"赞成 {votes_for} 票，{'超过' if passed else '未超过'}应到会有表决权的 {counts.voters_expected} 人的半数，"
        f"{'通过' if passed else '未通过'}"
    )
    return Outcome(valid, validity, passed, result)


def late_entry(held_on: dt.date, entered_on: dt.date, days: int = LATE_ENTRY_DAYS) -> bool:
    """补录: entered more than `days` days after the meeting."""
    return (entered_on - held_on).days > days


def late_mark(held_on: dt.date, entered_on: dt.date, days: int = LATE_ENTRY_DAYS) -> str:
    return f"补录（{entered_on:%Y-%m-%d} 录入）" if late_entry(held_on, entered_on, days) else ""


def period_of(day: dt.date, period: str) -> tuple[int, int]:
    """(year, number of the month, quarter or year) that a day falls in."""
    if period == MONTH:
        return day.year, day.month
    if period == QUARTER:
        return day.year, (day.month - 1) // 3 + 1
    return day.year, 1


def period_end_month(period: str, number: int) -> int:
    return {MONTH: number, QUARTER: number * 3, YEAR: 12}[period]


def periods_in_year(period: str) -> list[int]:
    return {MONTH: list(range(1, 13)), QUARTER: [1, 2, 3, 4], YEAR: [1]}[period]


def period_label(period: str, number: int) -> str:
    if period == MONTH:
        return f"{number}月"
    if period == QUARTER:
        return f"第{'一二三四'[number - 1]}季度"
    return "全年"


@dataclass(frozen=True)
class Gap:
    kind: str
    period: str  # e.g. 第二季度
    number: int  # of the month, quarter or year within the year
    held: int
    required: int
    over: bool  # the period has ended


def group_kind(group: str) -> str:
    """A 党小组会 of one group, counted on its own: each group meets as often as the rule says."""
    return f"{GROUP}（{group}）"


def gaps(
    held_dates: dict[str, list[dt.date]],
    year: int,
    today: dt.date,
    requirements: dict[str, tuple[str, int]] | None = None,
    groups: list[str] = (),
) -> list[Gap]:
    """For each kind and each period of the year up to today: where fewer meetings are recorded than required.
    With groups, the 党小组会 rule applies to each group (held_dates then holds group_kind(group) keys)."""
    rules = dict(requirements or DEFAULT_REQUIREMENTS)
    if groups:
        group_rule = rules.pop(GROUP)
        rules.update({group_kind(group): group_rule for group in groups})
    found = []
    for kind, (period, required) in rules.items():
        counted: dict[int, int] = {}
        for day in held_dates.get(kind, []):
            if day.year == year:
                number = period_of(day, period)[1]
                counted[number] = counted.get(number, 0) + 1
        for number in periods_in_year(period):
            end_month = period_end_month(period, number)
            first_month = {MONTH: number, QUARTER: number * 3 - 2, YEAR: 1}[period]
            if dt.date(year, first_month, 1) > today:
                break  # not begun yet
            over = (year, end_month) < (today.year, today.month)
            if counted.get(number, 0) < required:
                found.append(Gap(kind, period_label(period, number), number, counted.get(number, 0), required, over))
    return found

"""Cadre and member training: the 师资库, sessions and each person's hours in a year.

Sources (DOMAIN.md 强服务; the seed's 师资库 of 组织、宣传、民政、农业 departments, township and village cadres): a
session has a date, a place, a topic, its trainers, a method (课堂授课、现场观摩、互动交流、测试检验), its hours and
the trainees with their test results. The yearly figure checked is the 《2019—2023年全国党员教育培训工作规划》
rule that a member takes part in at least 32 学时 of concentrated training a year; a township may set another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

METHODS = ("课堂授课", "现场观摩", "互动交流", "测试检验")
ORGANISERS = ("县委党校", "县直部门", "乡镇党委", "村党支部")
DEFAULT_YEAR_HOURS = Decimal("32")  # 学时 a year
ZERO = Decimal("0")


@dataclass
class PersonYear:
    """One person's training in a year: the sessions they attended and the hours those sessions gave."""

    name: str
    role: str  # 班子成员 / 党员 / 班子成员、党员
    sessions: int = 0
    hours: Decimal = ZERO
    scores: list[Decimal] = field(default_factory=list)

    @property
    def average_score(self) -> Decimal | None:
        if not self.scores:
            return None
        return (sum(self.scores, ZERO) / len(self.scores)).quantize(Decimal("0.1"))

    def short_of(self, target: Decimal) -> Decimal:
        """How many hours are still missing for the year's target (zero once it is met)."""
        return max(target - self.hours, ZERO)


def add_attendance(people: dict[str, PersonYear], key: str, name: str, role: str, hours: Decimal, score) -> None:
    """Counts one attended session for the person under `key` (the same person as 班子成员 and 党员 counts once)."""
    person = people.setdefault(key, PersonYear(name, role))
    person.sessions += 1
    person.hours += hours
    if score is not None:
        person.scores.append(score)

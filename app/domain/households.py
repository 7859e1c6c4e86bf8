"""Households and 分组联片: the marks a household may carry, the three-level contact chain (a cadre for a 片区
or 村民小组 → a party member or 村民代表 → the households), coverage and each contact's load.

Sources: DOMAIN.md (分组联片: 村干部 → 党员及村民代表 → 农户; every household should have a contact; visits are
logged); RESEARCH.md §7 (10–15 households per 联户长 in 岔河乡, 5–10 in 蓬莱; the public sign shows 网格长 /
党员联户长 / the households / 联系方式).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = ("低保户", "特困供养", "脱贫户", "监测户", "残疾", "独居老人", "留守儿童", "留守老人", "留守妇女", "军属")
PARTY_MEMBER, REPRESENTATIVE = "党员", "村民代表"
CONTACT_KINDS = (PARTY_MEMBER, REPRESENTATIVE)
DEFAULT_CONTACT_LOAD = 15  # households a contact holds before a warning
MAX_MEMBERS = 30


UNNUMBERED = 10_000  # a group named without a number (马家寨组) sorts after the numbered ones


def group_order(name: str) -> int:
    """第二组 → 2, 十二组 → 12, 3组 → 3: the number in a 村民小组's name, for the list's order."""
    from app.domain.compact import chinese_number

    found = re.search(r"[0-9]+|[一二三四五六七八九十百零两]+", name or "")
    if not found:
        return UNNUMBERED
    text = found.group(0)
    return int(text) if text.isdigit() else (chinese_number(text) or UNNUMBERED)


def marks_of(text: str) -> list[str]:
    return [mark for mark in (text or "").replace("，", "、").replace(",", "、").split("、") if mark.strip()]


def check_marks(text: str) -> str:
    """The marks in the program's order, joined by 、; raises ValueError naming one it does not know."""
    given = [mark.strip() for mark in marks_of(text)]
    unknown = [mark for mark in given if mark not in MARKS]
    if unknown:
        raise ValueError(f"标记“{unknown[0]}”不认识，可用的有：{'、'.join(MARKS)}")
    return "、".join(mark for mark in MARKS if mark in given)


@dataclass(frozen=True)
class Coverage:
    households: int
    with_contact: int

    @property
    def without(self) -> int:
        return self.households - self.with_contact

    @property
    def text(self) -> str:
        if not self.households:
            return "还没有登记农户"
        share = self.with_contact * 100 / self.households
        covered = f"已有联系人 {self.with_contact} 户 / 共 {self.households} 户（{share:.1f}%）"
        return f"{covered}，没有联系人的 {self.without} 户"


def overloaded(loads: dict[str, int], limit: int) -> list[tuple[str, int]]:
    """The contacts holding more households than the limit, the heaviest first."""
    return sorted(((name, count) for name, count in loads.items() if count > limit), key=lambda item: -item[1])

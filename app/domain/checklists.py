"""Standard self-check lists (五有, 六有 …). The lists are data: a township may edit the items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

STANDARD_CHECKLISTS: dict[str, tuple[str, ...]] = {
    "五有": ("有场地", "有标识", "有设备", "有制度", "有载体"),
    "六有": ("有场所", "有设施", "有标志", "有党旗", "有书报", "有制度"),
}
DEFAULT_CHECKLIST = "五有"


@dataclass(frozen=True)
class Completion:
    met: int
    total: int

    @property
    def percent(self) -> int:
        return round(self.met * 100 / self.total) if self.total else 0

    @property
    def label(self) -> str:
        if not self.total:
            return "尚未设置自查项目"
        return f"已达标 {self.met}/{self.total} 项（{self.percent}%）"


def completion(results: Iterable[bool]) -> Completion:
    values = list(results)
    return Completion(sum(1 for value in values if value), len(values))

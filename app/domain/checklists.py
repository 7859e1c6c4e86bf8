"""Standard self-check lists (五有, 六有 …). The lists are data: a township may edit the items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

STANDARD_CHECKLISTS: dict[str, tuple[str, ...]] = {
    "五有": ("有场地", "有标识", "有设备", "有制度", "有载体"),
    "六有": ("有场所", "有设施", "有标志", "有党旗", "有书报", "有制度"),
}
DEFAULT_CHECKLIST = "五有"

ITEM_HINTS = {
    "有场地": "村级活动场所面积达到标准，布局有党员活动、村民议事、便民服务、教育培训、文化娱乐五大中心",
    "有标识": "党组织牌子红底（竖）、村委会牌子黑字，标识统一规范",
    "有设备": "办公、远程教育、广播、文体等设备齐全能用",
    "有制度": "上墙制度“废立结合、简便易行、务实管用”",
    "有载体": "讲堂、农家书屋、文化活动等思想阵地载体经常开展",
}


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

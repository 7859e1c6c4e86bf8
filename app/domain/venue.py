"""强阵地: the village activity venue and its standards."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

DEFAULT_AREA_STANDARD = Decimal("400")  # ㎡, 镇远县 seed; a per-village setting
WORK_TYPES = ("新建", "扩建", "改建")
CENTRES = ("党员活动中心", "村民议事中心", "便民服务中心", "教育培训中心", "文化娱乐中心")

FACILITY_STATUSES = ("在用", "闲置", "维修中", "已报废")
ACTIVITY_KINDS = (
    "名城讲堂",
    "道德讲堂",
    "农家书屋",
    "电影下乡",
    "文化下乡",
    "理论下乡",
    "民俗活动",
    "其他",
)


@dataclass(frozen=True)
class AreaCheck:
    area: Decimal
    standard: Decimal

    @property
    def meets(self) -> bool:
        return self.area >= self.standard

    @property
    def shortfall(self) -> Decimal:
        return max(self.standard - self.area, Decimal(0))

    @property
    def label(self) -> str:
        if self.meets:
            return "达标"
        return f"未达标（差 {_plain_number(self.shortfall)} ㎡）"


def _plain_number(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_area(area: Decimal, standard: Decimal = DEFAULT_AREA_STANDARD) -> AreaCheck:
    return AreaCheck(Decimal(area), Decimal(standard))


def centres_summary(centres: dict[str, str]) -> str:
    """'党员活动中心（二楼201室）、便民服务中心（一楼大厅）' in the fixed order of the 五大中心."""
    ordered = [name for name in CENTRES if name in centres] + sorted(set(centres) - set(CENTRES))
    parts = [f"{name}（{centres[name]}）" if centres[name] else name for name in ordered]
    return "、".join(parts)


def missing_centres(centres: dict[str, str]) -> list[str]:
    return [name for name in CENTRES if name not in centres]

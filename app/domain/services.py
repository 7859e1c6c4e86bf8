"""便民服务 (代办): the catalogue's areas and modes, a request's course, working days, and the figures.

Sources (RESEARCH.md §5, DOMAIN.md): 民发〔2022〕56号 — the ten areas of village services; 直办 / 代办 / 协办 /
公开告知 (湘潭县); "在三个工作日内（不超过一周）向镇便民服务大厅……上报" — time limits are in working days; no
fee may be charged for 代办; statuses 受理 → 办理中 → 办结, or 退回 / 中止 (DB14/T 2233—2020 终止单, 中止单).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import mean

AREAS = (
    "卫生健康服务",
    "医疗保障服务",
    "就业和社会保险服务",
    "社会服务",
    "文化、体育和教育服务",
    "生产服务",
    "生活服务",
    "人居环境服务",
    "警务和法律服务",
    "应急和社会心理服务",
)
MODES = ("直办", "代办", "协办", "公开告知")
RECEIVED, IN_HAND, DONE, RETURNED, STOPPED = "受理", "办理中", "办结", "退回", "中止"
OPEN_STATUSES = (RECEIVED, IN_HAND)
SATISFACTION = ("满意", "基本满意", "不满意")
DEFAULT_LIMIT_DAYS = 3

# (name, area, mode, materials, working days, office) — a starting catalogue a township extends
COMMON_ITEMS = (
    ("城乡居民医疗保险参保缴费", "医疗保障服务", "代办", "身份证、户口簿", 3, "乡镇便民服务中心医保窗口"),
    ("医疗费用报销", "医疗保障服务", "代办", "身份证、社保卡、住院发票、出院小结", 5, "县医保局"),
    ("城乡居民养老保险参保登记", "就业和社会保险服务", "代办", "身份证、户口簿", 3, "乡镇社保所"),
    ("养老保险待遇领取资格认证", "就业和社会保险服务", "直办", "身份证、社保卡", 1, "村便民服务站"),
    ("最低生活保障申请", "社会服务", "代办", "身份证、户口簿、家庭收入情况说明", 5, "乡镇民政办"),
    ("残疾人证申领", "社会服务", "代办", "身份证、户口簿、两寸照片", 5, "县残联"),
    ("高龄津贴申领", "社会服务", "代办", "身份证、户口簿、银行卡", 5, "乡镇民政办"),
    ("生育登记", "卫生健康服务", "代办", "夫妻双方身份证、结婚证", 3, "乡镇卫健办"),
    ("居住证明、关系证明出具", "生活服务", "直办", "身份证、户口簿", 1, "村民委员会"),
    ("农村建房申请", "生产服务", "协办", "身份证、户口簿、宅基地资料、建房图", 10, "乡镇自然资源所"),
    ("耕地地力保护补贴信息核实", "生产服务", "代办", "身份证、承包合同、一卡通", 3, "乡镇农业服务中心"),
    ("法律援助申请", "警务和法律服务", "代办", "身份证、经济困难证明、案件材料", 5, "县法律援助中心"),
    ("人民调解", "警务和法律服务", "直办", "无", 10, "村人民调解委员会"),
    ("生活垃圾清运预约", "人居环境服务", "直办", "无", 2, "村保洁队"),
    ("防汛避险、心理疏导求助", "应急和社会心理服务", "公开告知", "无", 1, "村应急小分队"),
)


def working_days_between(start: dt.date, end: dt.date, holidays: set[dt.date]) -> int:
    """Working days after `start` up to and including `end` (weekends and the holidays skipped)."""
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days += 1
    return days


def due_date(received: dt.date, limit_days: int, holidays: set[dt.date]) -> dt.date:
    """The last day of a time limit of `limit_days` working days counted from the day after receipt."""
    day, counted = received, 0
    while counted < limit_days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            counted += 1
    return day


def is_overdue(status: str, received: dt.date, limit_days: int, today: dt.date, holidays: set[dt.date]) -> bool:
    return status in OPEN_STATUSES and today > due_date(received, limit_days, holidays)


@dataclass(frozen=True)
class Handled:
    """One request as the figures count it."""

    status: str
    working_days: int | None  # for a finished one
    first_time: bool  # finished without having been sent back


@dataclass(frozen=True)
class Figures:
    requests: int
    done: int
    average_days: float | None
    first_time: int

    @property
    def text(self) -> str:
        if not self.requests:
            return "没有受理事项"
        parts = [f"受理 {self.requests} 件", f"办结 {self.done} 件（{self.done * 100 / self.requests:.0f}%）"]
        if self.average_days is not None:
            parts.append(f"平均 {self.average_days:.1f} 个工作日")
        if self.done:
            parts.append(f"一次办结 {self.first_time * 100 / self.done:.0f}%")
        return "，".join(parts)


def figures(handled: list[Handled]) -> Figures:
    finished = [h for h in handled if h.status == DONE]
    days = [h.working_days for h in finished if h.working_days is not None]
    return Figures(len(handled), len(finished), mean(days) if days else None, sum(h.first_time for h in finished))

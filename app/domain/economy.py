"""The village collective economy: income by category and year from the journal, and the village's standing.

Sources (DOMAIN.md, 村集体经济组织会计制度): income = 经营收入 + 发包及上交收入 + 投资收益 + 补助收入 + 其他收入;
经营性收入 is the part the village earns itself (经营收入, 发包及上交收入, 投资收益 — not 补助 from above nor
其他). A 空壳村 has no collective income or less than 5 万元 a year; a “双超”村 has collective income above
100 万元 and villagers' per-capita net income above 1 万元 (the seed's county plan). The 空壳村 line looks at
经营性收入 by default — a village living on transfers from above has no economy of its own — or at all income;
the amounts and that choice are a setting a township may change.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain.money import INCOME_LINES, ZERO

OPERATING_LINES = ("经营收入", "发包及上交收入", "投资收益")
TOTAL_BASIS, OPERATING_BASIS = "集体经济总收入", "经营性收入"
SHELL, DOUBLE = "空壳村", "双超村"
# 合作模式 of a 一村一策 project; the seed's 公司+村党支部+合作组织+基地+农户 first
PROJECT_MODELS = (
    "公司+村党支部+合作社+基地+农户",
    "村党支部+合作社+农户",
    "村集体自主经营",
    "资产资源发包租赁",
    "入股分红",
    "服务创收",
)
PROJECT_STATES = ("谋划中", "建设中", "已投产", "已停止")
DEFAULT_RULES = {
    "shell_below": "50000",  # 元 a year
    "shell_basis": OPERATING_BASIS,
    "double_income": "1000000",  # 元 a year, collective income above it
    "double_per_capita": "10000",  # 元 a year, per-capita net income above it
}


@dataclass(frozen=True)
class Rules:
    shell_below: Decimal = Decimal("50000")
    shell_basis: str = OPERATING_BASIS
    double_income: Decimal = Decimal("1000000")
    double_per_capita: Decimal = Decimal("10000")

    @classmethod
    def from_setting(cls, stored: dict) -> Rules:
        merged = {**DEFAULT_RULES, **(stored or {})}
        return cls(
            Decimal(str(merged["shell_below"])),
            merged["shell_basis"] if merged["shell_basis"] in (TOTAL_BASIS, OPERATING_BASIS) else OPERATING_BASIS,
            Decimal(str(merged["double_income"])),
            Decimal(str(merged["double_per_capita"])),
        )


@dataclass
class YearFigures:
    """A year of the collective economy: the income lines from the journal, and what the village entered."""

    year: int
    lines: dict[str, Decimal]  # every INCOME_LINES entry
    per_capita: Decimal | None = None  # 农民人均纯收入, entered
    target: Decimal | None = None  # the 一村一策 plan's target of 经营性收入 for the year
    future: bool = False  # a year still to come: only its plan is known

    @property
    def total(self) -> Decimal:
        return sum((self.lines.get(name, ZERO) for name in INCOME_LINES), ZERO)

    @property
    def operating(self) -> Decimal:
        return sum((self.lines.get(name, ZERO) for name in OPERATING_LINES), ZERO)

    def target_share(self) -> Decimal | None:
        """How much of the target the year's 经营性收入 reached, in per cent (the plan grows what the village
        earns itself, not the transfers it receives)."""
        if not self.target or self.future:
            return None
        return (self.operating * 100 / self.target).quantize(Decimal("1"))


def standing(figures: YearFigures, rules: Rules) -> str:
    """空壳村 below the set income, 双超村 above both lines (per-capita income must be entered), else "" (and
    for a year still to come, which has no income yet)."""
    if figures.future:
        return ""
    basis = figures.operating if rules.shell_basis == OPERATING_BASIS else figures.total
    if basis < rules.shell_below:
        return SHELL
    if figures.total > rules.double_income and figures.per_capita is not None:
        if figures.per_capita > rules.double_per_capita:
            return DOUBLE
    return ""


def standing_reason(figures: YearFigures, rules: Rules) -> str:
    """Why the year stands as it does, in words the township reads."""
    basis_name = rules.shell_basis
    basis = figures.operating if basis_name == OPERATING_BASIS else figures.total
    result = standing(figures, rules)
    if result == SHELL:
        return f"{basis_name} {basis:,.2f} 元，低于 {rules.shell_below:,.0f} 元"
    if result == DOUBLE:
        return (
            f"集体经济收入 {figures.total:,.2f} 元超过 {rules.double_income:,.0f} 元，"
            f"人均纯收入 {figures.per_capita:,.0f} 元超过 {rules.double_per_capita:,.0f} 元"
        )
    if figures.total > rules.double_income and figures.per_capita is None:
        return "集体经济收入已超过双超标准，请填写当年农民人均纯收入"
    return ""

"""The village's money: the chart of accounts, the approval chain of an entry, the periods of the 财务公开,
and the sums of the 财务公开 and the 收益及收益分配表.

Sources (RESEARCH.md §3, DOMAIN.md 强管理):
- 村集体经济组织会计制度 (财会〔2004〕12号): the codes and names most village books still show, with the
  balance direction (借/贷) of each. 2023 农村集体经济组织会计制度 (财会〔2023〕14号): its names (its codes
  were not found, so they are left for the county to fill in).
- 报账: 经手人签字 → 民主理财小组/村务监督委员会审核 → 书记、主任联签 → 入账; "支出在1000元以上的单据，必须
  ……共同签字" (龙泉市东书村): the threshold is a setting, 1,000 元 by default.
- 收益及收益分配表: 总收入 = 经营收入 + 发包及上交收入 + 投资收益 + 补助收入 + 其他收入; 总支出 = 经营支出 +
  管理费用 + 其他支出; 本年收益 = 总收入 − 总支出; 可分配收益 = 本年收益 + 年初未分配收益; 年末未分配收益 =
  可分配收益 − 提取公积公益金 − 应付福利费 − 农户分配.

The books here are kept as village clerks keep their 收支明细账: every entry is money in (收入) or out (支出)
of the village's cash and bank, against one account (科目). Entries on the 损益 accounts feed the 收益表
through the account's 报表项目.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain import periods
from app.domain.values import InputError

ZERO = Decimal("0.00")
CENT = Decimal("0.01")

ASSETS, LIABILITIES, EQUITY, COST, PROFIT_AND_LOSS = "资产类", "负债类", "所有者权益类", "成本类", "损益类"
CATEGORIES = (ASSETS, LIABILITIES, EQUITY, COST, PROFIT_AND_LOSS)
DEBIT, CREDIT = "借", "贷"

INCOME_LINES = ("经营收入", "发包及上交收入", "投资收益", "补助收入", "其他收入")
EXPENSE_LINES = ("经营支出", "管理费用", "其他支出")
STATEMENT_LINES = ("", *INCOME_LINES, *EXPENSE_LINES)  # "" for an account outside the 收益表

# code, name, category, direction, 收益表 line — 财会〔2004〕12号 as village books show it
CHART_2004: tuple[tuple[str, str, str, str, str], ...] = (
    ("101", "现金", ASSETS, DEBIT, ""),
    ("102", "银行存款", ASSETS, DEBIT, ""),
    ("111", "短期投资", ASSETS, DEBIT, ""),
    ("112", "应收款", ASSETS, DEBIT, ""),
    ("113", "内部往来", ASSETS, DEBIT, ""),
    ("121", "库存物资", ASSETS, DEBIT, ""),
    ("131", "牲畜（禽）资产", ASSETS, DEBIT, ""),
    ("132", "林木资产", ASSETS, DEBIT, ""),
    ("141", "长期投资", ASSETS, DEBIT, ""),
    ("151", "固定资产", ASSETS, DEBIT, ""),
    ("152", "累计折旧", ASSETS, CREDIT, ""),
    ("153", "固定资产清理", ASSETS, DEBIT, ""),
    ("154", "在建工程", ASSETS, DEBIT, ""),
    ("201", "短期借款", LIABILITIES, CREDIT, ""),
    ("202", "应付款", LIABILITIES, CREDIT, ""),
    ("211", "应付工资", LIABILITIES, CREDIT, ""),
    ("212", "应付福利费", LIABILITIES, CREDIT, ""),
    ("221", "长期借款及应付款", LIABILITIES, CREDIT, ""),
    ("231", "一事一议资金", LIABILITIES, CREDIT, ""),
    ("301", "资本", EQUITY, CREDIT, ""),
    ("311", "公积公益金", EQUITY, CREDIT, ""),
    ("321", "本年收益", EQUITY, CREDIT, ""),
    ("322", "收益分配", EQUITY, DEBIT, ""),
    ("401", "生产（劳务）成本", COST, DEBIT, ""),
    ("501", "经营收入", PROFIT_AND_LOSS, CREDIT, "经营收入"),
    ("502", "经营支出", PROFIT_AND_LOSS, DEBIT, "经营支出"),
    ("511", "发包及上交收入", PROFIT_AND_LOSS, CREDIT, "发包及上交收入"),
    ("521", "农业税附加返还收入", PROFIT_AND_LOSS, CREDIT, "补助收入"),
    ("522", "补助收入", PROFIT_AND_LOSS, CREDIT, "补助收入"),
    ("531", "其他收入", PROFIT_AND_LOSS, CREDIT, "其他收入"),
    ("541", "管理费用", PROFIT_AND_LOSS, DEBIT, "管理费用"),
    ("551", "其他支出", PROFIT_AND_LOSS, DEBIT, "其他支出"),
    ("561", "投资收益", PROFIT_AND_LOSS, CREDIT, "投资收益"),
)

# 财会〔2023〕14号 as described: 生物资产 for the two 农业资产 accounts; 发包及上交收入 folded into 经营收入;
# 应付福利费 and 农业税附加返还收入 removed; 无形资产, 待处理财产损溢, 专项应付款, 应交税费, 公益支出,
# 税金及附加, 所得税费用 added. Codes are blank: the 2023 codes were not found and are not invented.
CHART_2023: tuple[tuple[str, str, str, str, str], ...] = (
    ("", "库存现金", ASSETS, DEBIT, ""),
    ("", "银行存款", ASSETS, DEBIT, ""),
    ("", "短期投资", ASSETS, DEBIT, ""),
    ("", "应收款", ASSETS, DEBIT, ""),
    ("", "存货", ASSETS, DEBIT, ""),
    ("", "消耗性生物资产", ASSETS, DEBIT, ""),
    ("", "生产性生物资产", ASSETS, DEBIT, ""),
    ("", "长期投资", ASSETS, DEBIT, ""),
    ("", "固定资产", ASSETS, DEBIT, ""),
    ("", "累计折旧", ASSETS, CREDIT, ""),
    ("", "在建工程", ASSETS, DEBIT, ""),
    ("", "无形资产", ASSETS, DEBIT, ""),
    ("", "待处理财产损溢", ASSETS, DEBIT, ""),
    ("", "短期借款", LIABILITIES, CREDIT, ""),
    ("", "应付款", LIABILITIES, CREDIT, ""),
    ("", "应付工资", LIABILITIES, CREDIT, ""),
    ("", "应交税费", LIABILITIES, CREDIT, ""),
    ("", "长期借款及应付款", LIABILITIES, CREDIT, ""),
    ("", "一事一议资金", LIABILITIES, CREDIT, ""),
    ("", "专项应付款", LIABILITIES, CREDIT, ""),
    ("", "资本", EQUITY, CREDIT, ""),
    ("", "公积公益金", EQUITY, CREDIT, ""),
    ("", "本年收益", EQUITY, CREDIT, ""),
    ("", "收益分配", EQUITY, DEBIT, ""),
    ("", "生产（劳务）成本", COST, DEBIT, ""),
    ("", "经营收入", PROFIT_AND_LOSS, CREDIT, "经营收入"),
    ("", "经营支出", PROFIT_AND_LOSS, DEBIT, "经营支出"),
    ("", "税金及附加", PROFIT_AND_LOSS, DEBIT, "经营支出"),
    ("", "管理费用", PROFIT_AND_LOSS, DEBIT, "管理费用"),
    ("", "公益支出", PROFIT_AND_LOSS, DEBIT, "其他支出"),
    ("", "其他收入", PROFIT_AND_LOSS, CREDIT, "其他收入"),
    ("", "其他支出", PROFIT_AND_LOSS, DEBIT, "其他支出"),
    ("", "投资收益", PROFIT_AND_LOSS, CREDIT, "投资收益"),
    ("", "补助收入", PROFIT_AND_LOSS, CREDIT, "补助收入"),
    ("", "所得税费用", PROFIT_AND_LOSS, DEBIT, "其他支出"),
)
CHARTS = {"2004年村集体经济组织会计制度": CHART_2004, "2023年农村集体经济组织会计制度（科目名称）": CHART_2023}
DEFAULT_CHART = next(iter(CHARTS))

DEFAULT_APPROVAL_THRESHOLD = Decimal("1000")  # 元: above it, the 书记、主任联签 too
PENDING_REVIEW, PENDING_COSIGN, BOOKED = "待审核", "待联签", "已入账"


def needs_cosign(amount: Decimal, threshold: Decimal) -> bool:
    """Over the threshold (not at it), the 书记 and the 主任 sign too."""
    return abs(amount) > threshold


def approval_state(amount: Decimal, handler: str, reviewer: str, cosigned_by: str, threshold: Decimal) -> str:
    """经手人 → 民主理财小组/监委会审核 → (over the threshold) 书记、主任联签 → 入账."""
    if not handler or not reviewer:
        return PENDING_REVIEW
    if needs_cosign(amount, threshold) and not cosigned_by:
        return PENDING_COSIGN
    return BOOKED


def entry_amounts(kind: str, amount: Decimal) -> tuple[Decimal, Decimal]:
    """(收入, 支出) of an entry typed as a kind (收入 or 支出) and an amount."""
    return (amount, ZERO) if kind == "收入" else (ZERO, amount)


# --- what an entry may and may not become ---
REVERSAL_FIXED = "冲销的账目不能修改；如有错，请删除它再重新冲销"
SIGNED_BEFORE_ENTRY = "不能早于账目的日期"


def approvals_void(before: tuple, after: tuple) -> bool:
    """An approval is for the (收入, 支出, 科目) it saw: a change to any of them voids it."""
    return tuple(before) != tuple(after)


def check_sign_date(entry_date: dt.date, on: dt.date) -> None:
    """审核 and 联签 come after the entry they sign, never before it."""
    if on < entry_date:
        raise InputError(SIGNED_BEFORE_ENTRY, "on")


def voucher_prefix(on: dt.date) -> str:
    return f"记{on.month:02d}-"


def next_voucher_no(on: dt.date, used: list[str]) -> str:
    """记-月-序号, the way village vouchers are numbered within a month (记03-012): one past the highest used."""
    prefix = voucher_prefix(on)
    numbers = [int(n[len(prefix) :]) for n in used if n.startswith(prefix) and n[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


# --- periods of the 财务公开: formed in domain.periods, named here for the callers of this module ---
Period = periods.Period
month_period = periods.month_period
quarter_period = periods.quarter_period
parse_period = periods.parse_period
month_key = periods.month_key


# --- the sums ---
@dataclass(frozen=True)
class Item:
    on: dt.date
    voucher: str
    summary: str
    account: str
    amount: Decimal
    handler: str


@dataclass
class Disclosure:
    """A period's 收支: opening + income − expense = closing, to the cent."""

    opening: Decimal
    income: list[Item] = field(default_factory=list)
    expense: list[Item] = field(default_factory=list)

    @property
    def income_total(self) -> Decimal:
        return sum((item.amount for item in self.income), ZERO)

    @property
    def expense_total(self) -> Decimal:
        return sum((item.amount for item in self.expense), ZERO)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.income_total - self.expense_total


@dataclass(frozen=True)
class Distribution:
    """What the year's 收益分配 took, as the village decided it (entered for the year)."""

    opening_undistributed: Decimal = ZERO  # 年初未分配收益
    reserve: Decimal = ZERO  # 提取公积公益金
    welfare: Decimal = ZERO  # 应付福利费
    households: Decimal = ZERO  # 农户分配


@dataclass
class IncomeStatement:
    lines: dict[str, Decimal]  # every INCOME_LINES and EXPENSE_LINES entry
    distribution: Distribution

    @property
    def total_income(self) -> Decimal:
        return sum((self.lines[name] for name in INCOME_LINES), ZERO)

    @property
    def total_expense(self) -> Decimal:
        return sum((self.lines[name] for name in EXPENSE_LINES), ZERO)

    @property
    def year_profit(self) -> Decimal:
        return self.total_income - self.total_expense

    @property
    def distributable(self) -> Decimal:
        return self.year_profit + self.distribution.opening_undistributed

    @property
    def closing_undistributed(self) -> Decimal:
        taken = self.distribution.reserve + self.distribution.welfare + self.distribution.households
        return self.distributable - taken


def statement_lines(entries: list[tuple[str, Decimal, Decimal]]) -> dict[str, Decimal]:
    """(报表项目, 收入, 支出) of the year's booked entries → each line's amount: an income line counts money in
    less refunds out, an expense line money out less refunds in."""
    lines = {name: ZERO for name in (*INCOME_LINES, *EXPENSE_LINES)}
    for line, income, expense in entries:
        if line in INCOME_LINES:
            lines[line] += income - expense
        elif line in EXPENSE_LINES:
            lines[line] += expense - income
    return lines


def rmb_upper(amount: Decimal) -> str:
    """人民币大写, as the 财务公开 shows its totals (cn2an does the writing)."""
    import cn2an

    return cn2an.an2cn(f"{amount.quantize(CENT)}", "rmb")

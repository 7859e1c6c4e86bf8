"""The village's money on paper: the monthly or quarterly 财务公开 (opening balance, every income and expense
item, totals in figures and in 大写, closing balance; reviewed by the 民主理财小组/监委会) and the year's
收益及收益分配表."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain import money as mo
from app.domain.values import format_date, format_money
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, render_sheet, village_notice

FINANCE_REVIEW = "民主理财小组/监委会审核签字："


def _money(amount) -> str:
    return format_money(amount)


@dataclass
class FinanceDisclosure:
    village_name: str
    unit: str
    supervision_phone: str
    period: mo.Period
    figures: mo.Disclosure
    published_on: dt.date

    @property
    def title(self) -> str:
        return f"{self.village_name}{self.period.label}财务收支公开"

    def header(self) -> SheetHeader:
        header = village_notice(self.title, self.unit, self.published_on, self.supervision_phone)
        header.signature_label = FINANCE_REVIEW
        return header

    def summary_rows(self) -> list[list[str]]:
        f = self.figures
        return [
            ["上期结余", _money(f.opening), mo.rmb_upper(f.opening)],
            ["本期收入合计", _money(f.income_total), mo.rmb_upper(f.income_total)],
            ["本期支出合计", _money(f.expense_total), mo.rmb_upper(f.expense_total)],
            ["本期结余", _money(f.closing), mo.rmb_upper(f.closing)],
        ]

    def _items(self, ts: Typesetter, items: list[mo.Item], heading: str, total) -> list:
        if not items:
            return [ts.text(f"{heading}：本期无。", where=heading), Spacer(1, 2 * mm * ts.scale)]
        rows = [[format_date(i.on), i.voucher, i.summary, i.account, _money(i.amount), i.handler] for i in items]
        rows.append(["合计", "", f"共 {len(items)} 笔", "", _money(total), ""])
        return [
            ts.text(heading, size=13, where=heading),
            ts.table(
                ["日期", "凭证号", "摘要", "科目", "金额(元)", "经手人"],
                rows,
                widths=[0.14, 0.12, 0.32, 0.16, 0.14, 0.12],
                size=10.5,
                where=heading,
                right=(4,),
            ),
            Spacer(1, 3 * mm * ts.scale),
        ]

    def body(self, ts: Typesetter) -> list:
        f = self.figures
        return [
            ts.table(
                ["项目", "金额(元)", "大写"],
                self.summary_rows(),
                widths=[0.2, 0.22, 0.58],
                where="收支汇总",
                right=(1,),
            ),
            Spacer(1, 4 * mm * ts.scale),
            *self._items(ts, f.income, "收入明细", f.income_total),
            *self._items(ts, f.expense, "支出明细", f.expense_total),
            ts.text(
                f"本期结余 = 上期结余 {_money(f.opening)} + 本期收入 {_money(f.income_total)} − 本期支出 "
                f"{_money(f.expense_total)} = {_money(f.closing)} 元。",
                size=10.5,
                where="说明",
            ),
        ]


@dataclass
class IncomeDistribution:
    village_name: str
    unit: str
    supervision_phone: str
    year: int
    statement: mo.IncomeStatement
    printed_on: dt.date

    @property
    def title(self) -> str:
        return f"{self.village_name}{self.year}年度收益及收益分配表"

    def header(self) -> SheetHeader:
        header = village_notice(self.title, self.unit, self.printed_on, self.supervision_phone)
        header.signature_label = FINANCE_REVIEW
        return header

    def rows(self) -> list[list[str]]:
        s, d = self.statement, self.statement.distribution
        line = s.lines
        return [
            ["一、本年收益", "", ""],
            ["　经营收入", "1", _money(line["经营收入"])],
            ["　加：发包及上交收入", "2", _money(line["发包及上交收入"])],
            ["　　　投资收益", "3", _money(line["投资收益"])],
            ["　　　补助收入", "4", _money(line["补助收入"])],
            ["　　　其他收入", "5", _money(line["其他收入"])],
            ["　总收入（1+2+3+4+5）", "6", _money(s.total_income)],
            ["　减：经营支出", "7", _money(line["经营支出"])],
            ["　　　管理费用", "8", _money(line["管理费用"])],
            ["　　　其他支出", "9", _money(line["其他支出"])],
            ["　总支出（7+8+9）", "10", _money(s.total_expense)],
            ["　本年收益（6−10）", "11", _money(s.year_profit)],
            ["二、收益分配", "", ""],
            ["　加：年初未分配收益", "12", _money(d.opening_undistributed)],
            ["　可分配收益（11+12）", "13", _money(s.distributable)],
            ["　减：提取公积公益金", "14", _money(d.reserve)],
            ["　　　应付福利费", "15", _money(d.welfare)],
            ["　　　农户分配", "16", _money(d.households)],
            ["　年末未分配收益（13−14−15−16）", "17", _money(s.closing_undistributed)],
        ]

    def body(self, ts: Typesetter) -> list:
        return [
            ts.text("单位：元", size=10.5, where="单位"),
            ts.table(["项目", "行次", "本年数"], self.rows(), widths=[0.6, 0.12, 0.28], where="收益分配", right=(2,)),
            Spacer(1, 3 * mm * ts.scale),
            ts.text(
                f"本年收益合计（大写）：{mo.rmb_upper(self.statement.year_profit)}；"
                f"年末未分配收益（大写）：{mo.rmb_upper(self.statement.closing_undistributed)}。",
                size=10.5,
                where="大写",
            ),
        ]


def render(sheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

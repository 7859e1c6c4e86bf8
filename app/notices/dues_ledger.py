"""党费收缴台账 (the layout of RESEARCH.md §4.4): 序号, 姓名, 月收入, 执行标准, 月应缴, 全年应缴, 全年实缴, 备注.
Published to the members (党支部内部公开); it names no ID number or phone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.values import format_money
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_notice, render_sheet


@dataclass
class LedgerRow:
    name: str
    income: str  # the monthly income, or "—" for a 农民党员
    standard: str
    monthly: Decimal
    year_due: Decimal
    year_paid: Decimal
    note: str


@dataclass
class DuesLedger:
    village_name: str
    branch: str
    year: int
    rows: list[LedgerRow]
    published_on: dt.date
    supervision_phone: str = ""

    @property
    def title(self) -> str:
        return f"{self.village_name}党支部{self.year}年党费收缴情况"

    def header(self) -> SheetHeader:
        return branch_notice(self.title, self.branch, self.published_on, self.supervision_phone)

    def body(self, ts: Typesetter) -> list:
        rows = [
            [
                str(n),
                row.name,
                row.income,
                row.standard,
                format_money(row.monthly),
                format_money(row.year_due),
                format_money(row.year_paid),
                row.note,
            ]
            for n, row in enumerate(self.rows, start=1)
        ]
        due = sum((row.year_due for row in self.rows), Decimal("0"))
        paid = sum((row.year_paid for row in self.rows), Decimal("0"))
        rows.append(["", "合计", "", "", "", format_money(due), format_money(paid), ""])
        return [
            ts.table(
                ["序号", "姓名", "月收入(元)", "执行标准", "月应缴(元)", "全年应缴(元)", "全年实缴(元)", "备注"],
                rows,
                widths=[0.06, 0.1, 0.11, 0.17, 0.1, 0.12, 0.12, 0.22],
                where="党费",
            ),
            Spacer(1, 2 * mm * ts.scale),
        ]


def render(sheet: DuesLedger, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

"""The year of a village's 公开栏 on paper, for the township's check: each kind of sheet, month by month, the day
it went up (late ones and corrections marked) and what a quarter's board lacked by its day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec, Rendered, SheetHeader, Typesetter, branch_record, render_sheet

YEAR_PAGE = PageSpec("A4", "landscape")
MONTHS = [f"{month}月" for month in range(1, 13)]


@dataclass
class BoardYear:
    village_name: str
    unit: str
    year: int
    rows: list[list[str]]  # 栏目, 公示单, then the twelve months
    lacking: list[bool]  # rows with a sheet overdue and not posted
    summary: str
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}{self.year}年公开栏公开记录", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        if not self.rows:
            return [ts.text(f"{self.year}年还没有张贴记录，也没有该公开的公示单。")]
        legend = "表中日期为张贴日；“迟”为过了公开日才张贴，“更正”为更正张贴，“逾期”为到期未张贴（该行底色标出）。"
        return [
            ts.text(legend, size=10.5, where="说明"),
            ts.table(
                ["栏目", "公示单", *MONTHS],
                self.rows,
                widths=[0.09, 0.16, *([0.75 / 12] * 12)],
                size=10.5,
                highlight=lambda index: self.lacking[index],
                where="公开记录",
            ),
            Spacer(1, 3 * mm * ts.scale),
            ts.text(self.summary, size=12, where="合计"),
        ]


def render(sheet: BoardYear, page: PageSpec = YEAR_PAGE, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

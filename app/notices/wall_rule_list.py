"""上墙制度目录: the rules in force, one line each, for the board's long-term panel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.board import PERMANENT
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, POSTER, PageSpec, Rendered, SheetHeader, Typesetter, render_sheet


@dataclass
class WallRuleList:
    village_name: str
    unit: str
    supervision_phone: str
    rows: list[list[str]]  # 名称, 制定日期
    printed_on: dt.date

    @property
    def title(self) -> str:
        return f"{self.village_name}上墙制度目录"

    def header(self) -> SheetHeader:
        return SheetHeader(
            self.title, self.unit, self.printed_on, PERMANENT, self.supervision_phone, self.unit, variant=POSTER
        )

    def body(self, ts: Typesetter) -> list:
        return [ts.table(["名称", "制定日期"], self.rows, widths=[0.7, 0.3], where="制度")]


def render(sheet: WallRuleList, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

"""便民服务 on paper: the year's 代办记录簿 (办事人, 事项, 受理时间, 代办人, 办结时间, 是否满意 — a record the village
keeps, as 泾县高湖村 keeps theirs) and the catalogue for the wall (公开告知: what can be done here, how, with what,
in how many working days, where it goes; free of charge)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.notices.fonts import GlyphReport
from app.notices.frame import (
    A4_PORTRAIT,
    PageSpec,
    Rendered,
    SheetHeader,
    Typesetter,
    render_sheet,
    branch_record,
)


@dataclass
class ServiceRegister:
    village_name: str
    unit: str
    year: int
    rows: list[list[str]]  # 办事人, 事项, 受理时间, 代办人, 办结时间, 是否满意
    summary: str
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}{self.year}年为民服务代办记录簿", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        if not self.rows:
            return [ts.text("本年度还没有代办记录。")]
        rows = [[str(n), *row] for n, row in enumerate(self.rows, start=1)]
        return [
            ts.text(self.summary, size=11, where="说明"),
            Spacer(1, 2 * mm * ts.scale),
            ts.table(
                ["序号", "办事人", "事项", "受理时间", "代办人", "办结时间", "是否满意"],
                rows,
                widths=[0.07, 0.13, 0.28, 0.14, 0.12, 0.14, 0.12],
                size=10.5,
                where="记录",
            ),
        ]


@dataclass
class ServiceCatalogue:
    village_name: str
    unit: str
    rows: list[list[str]]  # 服务领域, 事项, 方式, 所需材料, 时限, 办理去向
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}便民服务事项目录", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        rows = [[str(n), *row] for n, row in enumerate(self.rows, start=1)]
        return [
            ts.table(
                ["序号", "服务领域", "事项", "方式", "所需材料", "时限(工作日)", "办理去向"],
                rows,
                widths=[0.06, 0.15, 0.2, 0.08, 0.25, 0.1, 0.16],
                size=10.5,
                where="目录",
            ),
            Spacer(1, 3 * mm * ts.scale),
            ts.text("以上事项村里代办、帮办一律免费。只进一扇门，只找一个人。", size=12, where="说明"),
        ]


def render(sheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

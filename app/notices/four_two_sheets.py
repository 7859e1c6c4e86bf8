"""四议两公开 sheets: ⑤ 决议公开 (what was decided, by which meeting, with what attendance and votes), ⑥ 实施结果
公开 (what was done, money planned and spent, acceptance, 监督意见), and the year's register of matters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, render_sheet, village_notice


@dataclass
class MatterNotice:
    village_name: str
    unit: str
    supervision_phone: str
    title: str
    facts: list[tuple[str, str]]  # (项目, 内容), in the order they are read
    closing_words: str
    published_on: dt.date

    def header(self) -> SheetHeader:
        return village_notice(self.title, self.unit, self.published_on, self.supervision_phone)

    def body(self, ts: Typesetter) -> list:
        rows = [[what, text] for what, text in self.facts]
        return [
            ts.table(["项目", "内容"], rows, widths=[0.22, 0.78], where="事项"),
            Spacer(1, 3 * mm * ts.scale),
            ts.text(self.closing_words, size=11, where="说明"),
        ]


@dataclass
class MatterRegister:
    village_name: str
    unit: str
    year: int
    rows: list[list[str]]  # 事项, 类别, 来源, 计划金额, 进度, 公开情况
    printed_on: dt.date

    def header(self) -> SheetHeader:
        from app.notices.frame import branch_record

        return branch_record(f"{self.village_name}{self.year}年“四议两公开”事项台账", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        rows = [[str(n), *row] for n, row in enumerate(self.rows, start=1)]
        if not rows:
            return [ts.text("本年度还没有登记事项。")]
        return [
            ts.table(
                ["序号", "事项", "类别", "来源", "计划金额(元)", "进度", "公开情况"],
                rows,
                widths=[0.06, 0.21, 0.14, 0.12, 0.15, 0.18, 0.14],
                where="台账",
            )
        ]


def render_notice(sheet: MatterNotice, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)


def render_register(sheet: MatterRegister, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

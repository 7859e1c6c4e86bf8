"""村集体经济发展情况 on paper: the income over the years as a chart drawn by reportlab's own chart library
(the 经营性 part and the 补助及其他 part stacked, in 万元), each year's income by category from the journal with
the plan's target, the per-capita income and the standing, then the 一村一策 projects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec, Rendered, SheetHeader, Typesetter, branch_record, render_sheet

OPERATING_COLOUR = colors.HexColor("#b03a2e")
OTHER_COLOUR = colors.HexColor("#e6b0aa")
TEN_THOUSAND = Decimal("10000")


@dataclass
class EconomyReport:
    village_name: str
    unit: str
    years: list[int]
    operating: list[Decimal]  # 经营性收入 a year, 元
    other: list[Decimal]  # 补助收入 + 其他收入 a year, 元
    rows: list[list[str]]  # 年度, five income lines, 合计, 经营性, 目标, 完成, 人均纯收入, 状况
    flagged: list[bool]  # the years standing as 空壳村
    projects: list[list[str]]  # 项目, 合作模式, 合作方, 起始年度, 投资, 预期年收益, 实际收益, 状态
    rules_text: str
    printed_on: dt.date

    def header(self) -> SheetHeader:
        span = f"（{self.years[0]}—{self.years[-1]}年）" if self.years else ""
        return branch_record(f"{self.village_name}集体经济发展情况{span}", self.unit, self.printed_on)

    def chart(self, ts: Typesetter) -> Drawing:
        width, height = ts.text_width, 62 * mm * ts.scale
        drawing = Drawing(width, height, initialFontName=ts.font, initialFontSize=9 * ts.scale)
        bars = VerticalBarChart()
        bars.x, bars.y = 16 * mm * ts.scale, 12 * mm * ts.scale
        bars.width, bars.height = width - 60 * mm * ts.scale, height - 20 * mm * ts.scale
        bars.data = [
            [float(value / TEN_THOUSAND) for value in self.operating],
            [float(value / TEN_THOUSAND) for value in self.other],
        ]
        bars.categoryAxis.categoryNames = [f"{year}年" for year in self.years]
        bars.categoryAxis.style = "stacked"
        bars.bars[0].fillColor, bars.bars[1].fillColor = OPERATING_COLOUR, OTHER_COLOUR
        bars.bars.strokeColor = None
        bars.valueAxis.valueMin = 0
        bars.valueAxis.labelTextFormat = "%g"
        size = 9 * ts.scale
        for labels in (bars.categoryAxis.labels, bars.valueAxis.labels):
            labels.fontName, labels.fontSize = ts.font, size
        bars.barWidth = 10
        drawing.add(bars)
        drawing.add(String(bars.x - 4, bars.y + bars.height + 4, "万元", fontName=ts.font, fontSize=size))
        legend = Legend()
        legend.x, legend.y = bars.x + bars.width + 6 * mm * ts.scale, bars.y + bars.height
        legend.fontName, legend.fontSize = ts.font, size
        legend.colorNamePairs = [(OPERATING_COLOUR, "经营性收入"), (OTHER_COLOUR, "补助及其他收入")]
        legend.deltay = 14 * ts.scale
        drawing.add(legend)
        return drawing

    def body(self, ts: Typesetter) -> list:
        if not self.years:
            return [ts.text("收支明细账里还没有收入，一村一策也还没有填写年度目标。")]
        flow = [
            ts.text("一、集体经济收入走势", size=13, where="走势"),
            self.chart(ts),
            ts.text("二、各年收入（元，取自村级收支明细账，已审核入账的账目）", size=13, where="收入"),
            ts.table(
                ["年度", "经营收入", "发包及上交收入", "投资收益", "补助收入", "其他收入", "合计", "其中经营性收入"]
                + ["经营性收入目标", "完成目标", "农民人均纯收入", "状况"],
                self.rows,
                widths=[0.06, 0.09, 0.09, 0.08, 0.09, 0.08, 0.09, 0.09, 0.09, 0.06, 0.09, 0.09],
                size=9.5,
                highlight=lambda index: self.flagged[index],
                where="收入",
                right=tuple(range(1, 11)),
            ),
            ts.text(self.rules_text, size=10, where="说明"),
            Spacer(1, 3 * mm * ts.scale),
            ts.text("三、一村一策发展项目", size=13, where="项目"),
        ]
        if self.projects:
            rows = [[str(n), *row] for n, row in enumerate(self.projects, start=1)]
            flow.append(
                ts.table(
                    ["序号", "项目", "合作模式", "合作方", "起始年度", "投资(元)", "预期年收益(元)", "实际收益(元)"]
                    + ["状态"],
                    rows,
                    widths=[0.05, 0.15, 0.16, 0.18, 0.07, 0.11, 0.1, 0.1, 0.08],
                    size=9.5,
                    where="项目",
                    right=(5, 6, 7),
                )
            )
        else:
            flow.append(ts.text("还没有登记项目。"))
        return flow


ECONOMY_PAGE = PageSpec("A4", "landscape")


def render(sheet: EconomyReport, page: PageSpec = ECONOMY_PAGE, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

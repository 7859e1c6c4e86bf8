"""The one page frame of every 公开栏 sheet.

Title, 公开单位, 公开时间, 公开期限, the body, then 监督电话, the 监委会 review signature line, the
seal area and the date. A4 or A3, portrait or landscape; type scales with the page so an A3 sheet
reads from further away.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.board import OBJECTION_DAYS
from app.notices.fonts import GlyphReport, main_font, markup

PAGE_SIZES = {"A4": A4, "A3": A3}
ORIENTATIONS = {"portrait": ("纵向", portrait), "landscape": ("横向", landscape)}


@dataclass(frozen=True)
class PageSpec:
    size: str = "A4"
    orientation: str = "portrait"

    @property
    def pagesize(self) -> tuple[float, float]:
        return ORIENTATIONS[self.orientation][1](PAGE_SIZES[self.size])

    @property
    def scale(self) -> float:
        """Type grows with the page's short side: 1.0 on A4, ~1.41 on A3."""
        return min(self.pagesize) / min(A4)

    @property
    def label(self) -> str:
        return f"{self.size} {ORIENTATIONS[self.orientation][0]}"


ALL_PAGE_SPECS = [PageSpec(size, orientation) for size in PAGE_SIZES for orientation in ORIENTATIONS]
A4_PORTRAIT = ALL_PAGE_SPECS[0]


def chinese_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass
class SheetHeader:
    title: str
    unit: str  # 公开单位
    published_on: dt.date  # 公开时间
    period: str  # 公开期限, e.g. "10天（至2026年12月2日）" or "长期"
    supervision_phone: str
    seal_unit: str  # whose seal goes in the seal area
    signature_label: str = "村务监督委员会审核（签字）："


@dataclass
class Typesetter:
    """Styles and helpers for a sheet's body, sized for the page, collecting missing glyphs."""

    page: PageSpec
    body_size: float = 12
    report: GlyphReport = field(default_factory=GlyphReport)

    def __post_init__(self) -> None:
        self.font = main_font()
        self.scale = self.page.scale

    def style(self, size: float | None = None, align: int = TA_LEFT, leading: float = 1.55, **extra):
        points = (size or self.body_size) * self.scale
        return ParagraphStyle(
            "sheet",
            fontName=self.font,
            fontSize=points,
            leading=points * leading,
            alignment=align,
            wordWrap="CJK",
            **extra,
        )

    def text(self, text: str, size: float | None = None, align: int = TA_LEFT, where: str = "", **extra):
        return Paragraph(markup(text, self.report, where), self.style(size, align, **extra))

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float | None = None,
        highlight: Callable[[int], bool] | None = None,
        where: str = "",
    ) -> Table:
        """A ruled table; widths are fractions of the text width. Cells wrap."""
        cell = size or self.body_size * 0.92
        head_style = self.style(cell, TA_CENTER, leading=1.35)
        body_style = self.style(cell, TA_LEFT, leading=1.35)
        data = [[Paragraph(markup(h, self.report, where), head_style) for h in header]]
        for row in rows:
            data.append([Paragraph(markup(str(value), self.report, where), body_style) for value in row])
        width = self.text_width
        table = Table(data, colWidths=[width * w for w in widths], repeatRows=1)
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0e0e0")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * self.scale),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * self.scale),
        ]
        for index in range(len(rows)):
            if highlight and highlight(index):
                commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), colors.HexColor("#fff1cc")))
        table.setStyle(TableStyle(commands))
        return table

    @property
    def margin(self) -> float:
        return 18 * mm * self.scale

    @property
    def text_width(self) -> float:
        """Width of the body frame (SimpleDocTemplate pads its frame by 6 pt on each side)."""
        return self.page.pagesize[0] - 2 * self.margin - 12

    @property
    def bottom_margin(self) -> float:
        return self.margin + 6 * mm * self.scale  # room for the page number

    @property
    def text_height(self) -> float:
        """Height of the body frame (SimpleDocTemplate pads its frame by 6 pt on each side)."""
        return self.page.pagesize[1] - self.margin - self.bottom_margin - 12


class SealArea(Flowable):
    """A dashed circle where the village committees' seal is pressed."""

    def __init__(self, diameter: float, font: str, size: float):
        super().__init__()
        self.diameter, self.font, self.size = diameter, font, size

    def wrap(self, available_width, available_height):
        return self.diameter, self.diameter

    def draw(self):
        canvas = self.canv
        radius = self.diameter / 2
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#b04040"))
        canvas.setDash(3, 3)
        canvas.circle(radius, radius, radius - 1)
        canvas.setFillColor(colors.HexColor("#b04040"))
        canvas.setFont(self.font, self.size)
        canvas.drawCentredString(radius, radius - self.size * 0.35, "（盖章处）")
        canvas.restoreState()


def _header_block(header: SheetHeader, ts: Typesetter) -> list[Flowable]:
    title_size = max(22, ts.body_size * 1.4)  # a poster's large body type gets a larger title still
    title = ts.text(
        header.title, size=title_size, align=TA_CENTER, leading=1.3, where="标题", spaceAfter=4 * mm * ts.scale
    )
    meta = ts.table(
        ["公开单位", "公开时间", "公开期限"],
        [[header.unit, chinese_date(header.published_on), header.period]],
        widths=[0.36, 0.22, 0.42],
        size=10.5,
        where="表头",
    )
    return [title, meta, Spacer(1, 5 * mm * ts.scale)]


def _closing_block(header: SheetHeader, ts: Typesetter) -> Flowable:
    small = 11
    left = [
        ts.text(f"监督举报电话：{header.supervision_phone or '（未填写）'}", size=small, where="监督电话"),
        Spacer(1, 6 * mm * ts.scale),
        ts.text(f"{header.signature_label}＿＿＿＿＿＿＿＿＿＿", size=small),
        Spacer(1, 4 * mm * ts.scale),
        ts.text(f"对公开内容有异议的，请在公开之日起{OBJECTION_DAYS}日内向村务监督委员会反映。", size=9.5),
    ]
    right = [
        SealArea(34 * mm * ts.scale, ts.font, 10 * ts.scale),
        ts.text(header.seal_unit, size=small, align=TA_RIGHT, where="落款"),
        ts.text(chinese_date(header.published_on), size=small, align=TA_RIGHT),
    ]
    width = ts.text_width
    block = Table([[left, right]], colWidths=[width * 0.6, width * 0.4])
    block.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), ts.font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 5 * mm * ts.scale),
            ]
        )
    )
    return KeepTogether([Spacer(1, 6 * mm * ts.scale), block])


def _story(header: SheetHeader, body: Callable[[Typesetter], list[Flowable]], ts: Typesetter) -> list:
    return [*_header_block(header, ts), *body(ts), _closing_block(header, ts)]


def fits_on_one_page(
    header: SheetHeader, body: Callable[[Typesetter], list[Flowable]], page: PageSpec, body_size: float
) -> bool:
    ts = Typesetter(page, body_size)
    measuring = Canvas(io.BytesIO(), pagesize=page.pagesize, initialFontName=ts.font)
    used = 0.0
    for flowable in _story(header, body, ts):
        parts = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
        for part in parts:
            used += part.wrapOn(measuring, ts.text_width, ts.text_height)[1]
            used += part.getSpaceBefore() + part.getSpaceAfter()
    return used <= ts.text_height


def render_sheet(
    header: SheetHeader,
    body: Callable[[Typesetter], list[Flowable]],
    page: PageSpec = A4_PORTRAIT,
    body_size: float = 12,
    report: GlyphReport | None = None,
) -> bytes:
    """The whole sheet as PDF bytes. Missing glyphs are collected into `report`."""
    ts = Typesetter(page, body_size, report if report is not None else GlyphReport())
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page.pagesize,
        leftMargin=ts.margin,
        rightMargin=ts.margin,
        topMargin=ts.margin,
        bottomMargin=ts.bottom_margin,
        title=header.title,
        author=header.seal_unit,
        creator="村级三强工作台",
        invariant=True,
        initialFontName=ts.font,
    )
    story = _story(header, body, ts)

    def number_page(canvas, document):
        canvas.saveState()
        canvas.setFont(ts.font, 9 * ts.scale)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(page.pagesize[0] / 2, ts.margin / 2, f"第 {document.page} 页")
        canvas.restoreState()

    doc.build(story, onFirstPage=number_page, onLaterPages=number_page)
    return buffer.getvalue()

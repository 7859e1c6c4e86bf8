"""The one page frame of every 公开栏 sheet, in two variants.

A 公示 (NOTICE): title, 公开单位, 公开时间, 公开期限, the body, then 监督电话, the 监委会 review signature line,
the objection line, the seal area and the date. A poster (POSTER: a rule, 入党誓词, an organisation chart):
title, body and, where the kind has one, the issuing unit and date; no period, objection line, signature or
seal. A4 or A3, portrait or landscape; type scales with the page so an A3 sheet reads from further away.

Every sheet is meant to be one page: the body type shrinks down to a readable floor, and only then does the
sheet flow over pages (a larger paper is suggested), numbered "第 1 页 共 N 页". The closing block always
shares its page with the end of the content, and no content can make a sheet fail: table rows split
across pages with the header row repeated.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.board import DEFAULT_POSTING_DAYS, OBJECTION_DAYS, PERMANENT, posting_period
from app.domain.dates import chinese_date
from app.notices.fonts import GlyphReport, main_font, markup
from app.notices.linebreak import ChineseParagraph

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


@dataclass
class SheetHeader:
    title: str
    unit: str  # 公开单位
    published_on: dt.date  # 公开时间
    period: str  # 公开期限, e.g. "10天（至2026年12月2日）" or "长期"
    supervision_phone: str
    seal_unit: str  # whose seal goes in the seal area (a poster: the issuing unit, or "" for none)
    signature_label: str = "村务监督委员会审核（签字）："
    variant: str = "notice"  # NOTICE or POSTER
    objections_to: str = "村务监督委员会"  # who hears objections (a party notice: the branch)


NOTICE, POSTER = "notice", "poster"


def village_notice(title: str, unit: str, published_on: dt.date, supervision_phone: str) -> SheetHeader:
    """The village's 公示: posted for the usual period, reviewed by the 监委会, sealed by the unit."""
    return SheetHeader(
        title=title,
        unit=unit,
        published_on=published_on,
        period=posting_period(published_on),
        supervision_phone=supervision_phone,
        seal_unit=unit,
    )


def branch_notice(
    title: str, branch: str, published_on: dt.date, supervision_phone: str = "", days: int = DEFAULT_POSTING_DAYS
) -> SheetHeader:
    """A 党务 公示 of the branch: signed by its secretary, objections to the branch or the township."""
    return SheetHeader(
        title=title,
        unit=branch,
        published_on=published_on,
        period=posting_period(published_on, days),
        supervision_phone=supervision_phone,
        seal_unit=branch,
        signature_label="党支部书记（签字）：",
        objections_to="党支部或乡镇党委",
    )


def branch_record(title: str, branch: str, printed_on: dt.date) -> SheetHeader:
    """A paper kept, handed out or posted for the long term (a register, a card, a catalogue): no period,
    objection line or seal; the unit's name and the date at its foot."""
    return SheetHeader(
        title=title,
        unit=branch,
        published_on=printed_on,
        period=PERMANENT,
        supervision_phone="",
        seal_unit=branch,
        variant=POSTER,
    )


STANDARD_BODY_SIZE = 12.0  # explicit sizes in a sheet's body are given for this body size
BODY_SIZE_FLOOR = 10.5  # the smallest body type a villager reads on the wall (A4; scaled on A3)


@dataclass
class Typesetter:
    """Styles and helpers for a sheet's body, sized for the page, collecting missing glyphs."""

    page: PageSpec
    body_size: float = 12
    report: GlyphReport = field(default_factory=GlyphReport)

    def __post_init__(self) -> None:
        self.font = main_font()
        self.scale = self.page.scale

    @property
    def shrink(self) -> float:
        """Explicit sizes shrink with the body type when it is set below the standard size to fit a page."""
        return min(1.0, self.body_size / STANDARD_BODY_SIZE)

    def style(self, size: float | None = None, align: int = TA_LEFT, leading: float = 1.55, **extra):
        points = (size * self.shrink if size else self.body_size) * self.scale
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
        return ChineseParagraph(markup(text, self.report, where), self.style(size, align, **extra))

    def thumbnail(self, path: Path | None, width: float, max_height: float) -> Flowable | str:
        """A photo scaled to fit the cell, or a note when the file is missing or cannot be read."""
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image

        try:
            pixels_wide, pixels_high = ImageReader(str(path)).getSize()
        except Exception:  # noqa: BLE001 - a missing or damaged photo must not stop the sheet
            return "（照片缺失）"
        scale = min(width / pixels_wide, max_height / pixels_high)
        return Image(str(path), width=pixels_wide * scale, height=pixels_high * scale)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float | None = None,
        highlight: Callable[[int], bool] | None = None,
        where: str = "",
        right: Sequence[int] = (),
    ) -> Table:
        """A ruled table; widths are fractions of the text width. Cells wrap; the columns in `right`
        (amounts) are set flush right."""
        cell = size or STANDARD_BODY_SIZE * 0.92
        head_style = self.style(cell, TA_CENTER, leading=1.35)
        body_style = self.style(cell, TA_LEFT, leading=1.35)
        number_style = self.style(cell, TA_RIGHT, leading=1.35)
        data = [[ChineseParagraph(markup(h, self.report, where), head_style) for h in header]]
        for row in rows:
            data.append(
                [
                    value
                    if isinstance(value, Flowable)
                    else ChineseParagraph(
                        markup(str(value), self.report, where), number_style if column in right else body_style
                    )
                    for column, value in enumerate(row)
                ]
            )
        column_widths = header_safe_widths(
            header, [self.text_width * w for w in widths], self.font, head_style.fontSize
        )
        # splitInRow: a row taller than a page (a very long 说明) splits instead of failing the sheet
        table = Table(data, colWidths=column_widths, repeatRows=1, splitInRow=1)
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


CELL_PADDING = 12  # points: reportlab's default cell padding, left and right together, plus a little air


def _greedy_lines(text: str, available: float, font: str, size: float) -> list[str]:
    lines, line = [], ""
    for char in text:
        if line and stringWidth(line + char, font, size) > available:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def header_needs(header: str, width: float, font: str, size: float) -> float:
    """The width (at least `width`) at which the header, wrapped character by character, leaves no
    character alone on its last line."""
    text = header.strip()
    available = width - CELL_PADDING
    lines = _greedy_lines(text, available, font, size)
    while len(lines) > 1 and len(lines[-1]) == 1:
        available = stringWidth(lines[0] + text[len(lines[0])], font, size) + 0.01  # one more per line
        lines = _greedy_lines(text, available, font, size)
    return available + CELL_PADDING


def header_safe_widths(headers: Sequence[str], widths: list[float], font: str, size: float) -> list[float]:
    """Widens columns whose header would break badly, taking the width from the columns with room to spare."""
    needs = [header_needs(header, width, font, size) for header, width in zip(headers, widths, strict=True)]
    short = sum(max(0.0, need - width) for need, width in zip(needs, widths, strict=True))
    # room a column can give: what it has beyond its header on one line
    one_line = [stringWidth(header.strip(), font, size) + CELL_PADDING for header in headers]
    spare = [
        max(0.0, width - line) if need <= width else 0.0
        for width, line, need in zip(widths, one_line, needs, strict=True)
    ]
    if short <= 0 or sum(spare) < short:
        return widths
    give = short / sum(spare)
    return [
        max(width, need) if need > width else width - room * give
        for width, need, room in zip(widths, needs, spare, strict=True)
    ]


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
    if header.variant == POSTER:
        return [title, Spacer(1, 3 * mm * ts.scale)]
    meta = ts.table(
        ["公开单位", "公开时间", "公开期限"],
        [[header.unit, chinese_date(header.published_on), header.period]],
        widths=[0.36, 0.22, 0.42],
        size=10.5,
        where="表头",
    )
    return [title, meta, Spacer(1, 5 * mm * ts.scale)]


def _closing_block(header: SheetHeader, ts: Typesetter) -> Flowable | None:
    small = 11
    if header.variant == POSTER:
        if not header.seal_unit:
            return None
        signed = [
            ts.text(header.seal_unit, size=small * 1.2, align=TA_RIGHT, where="落款"),
            ts.text(chinese_date(header.published_on), size=small * 1.2, align=TA_RIGHT),
        ]
        return _Closing([Spacer(1, 8 * mm * ts.scale), *signed])
    left = [
        ts.text(f"监督举报电话：{header.supervision_phone or '（未填写）'}", size=small, where="监督电话"),
        Spacer(1, 6 * mm * ts.scale),
        ts.text(f"{header.signature_label}＿＿＿＿＿＿＿＿＿＿", size=small),
        Spacer(1, 4 * mm * ts.scale),
        ts.text(f"对公开内容有异议的，请在公开之日起{OBJECTION_DAYS}日内向{header.objections_to}反映。", size=9.5),
    ]
    right = [
        SealArea(34 * mm * ts.scale, ts.font, 10 * ts.scale),
        ts.text(header.seal_unit, size=small, align=TA_RIGHT, where="落款"),
        ts.text(chinese_date(header.published_on), size=small, align=TA_RIGHT),
    ]
    width = ts.text_width
    block = Table([[left, right]], colWidths=[width * 0.6, width * 0.4], splitInRow=1)
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
    return _Closing([Spacer(1, 6 * mm * ts.scale), block])


class _Closing(KeepTogether):
    """The closing block: never split, and drawn on the same page as the end of the content."""


class KeepTailWithClosing(Flowable):
    """The last piece of content and the closing block. When both do not fit where they stand, the content
    is split so that at least its last line or row moves to the next page with the closing block: the
    block never stands alone on a page."""

    def __init__(self, content: Flowable, closing: Flowable, least_tail: float):
        super().__init__()
        self.content, self.closing = content, closing
        self.least_tail = least_tail  # at least about two lines travel with the block, never a sliver

    def wrap(self, available_width, available_height):
        content_height = self.content.wrapOn(self.canv, available_width, available_height)[1]
        closing_height = _stack_height(self.closing, self.canv, available_width)
        self.width = available_width
        self.height = content_height + closing_height
        self._content_height = content_height
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        # Content that fits where it stands is still cut above its last line, so that line travels
        # with the closing block; content that does not fit is cut where the space ends.
        fits_here = self._content_height <= available_height
        cut_at = min(available_height, self._content_height - self.least_tail)
        parts = self._cut(available_width, cut_at, whole_rows=fits_here) if cut_at > 0 else []
        if len(parts) < 2 and fits_here:  # one row only: split inside it rather than not at all
            parts = self._cut(available_width, cut_at, whole_rows=False)
        if len(parts) < 2:
            return []  # cannot be cut here: the whole goes to the next page
        return [*parts[:-1], KeepTailWithClosing(parts[-1], self.closing, self.least_tail)]

    def _cut(self, width: float, height: float, whole_rows: bool) -> list[Flowable]:
        """Splits the content at height; a table that fits where it stands gives up whole rows, not half a row."""
        row_splitting = getattr(self.content, "splitInRow", None)
        if whole_rows and row_splitting:
            self.content.splitInRow = 0
        try:
            parts = self.content.splitOn(self.canv, width, height)
        finally:
            if row_splitting is not None:
                self.content.splitInRow = row_splitting
        for part in parts:
            if row_splitting is not None and hasattr(part, "splitInRow"):
                part.splitInRow = row_splitting
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        closing_height = self.height - self._content_height
        self.content.drawOn(canvas, x, y + closing_height, _sW)
        _draw_stack(self.closing, canvas, x, y + closing_height, self.width)


def _stack_height(group: KeepTogether, canvas, width: float) -> float:
    return sum(
        part.wrapOn(canvas, width, 10_000)[1] + part.getSpaceBefore() + part.getSpaceAfter() for part in group._content
    )


def _draw_stack(group: KeepTogether, canvas, x: float, top: float, width: float) -> None:
    """Draws a KeepTogether's flowables one below the other, starting at `top`."""
    for part in group._content:
        _, height = part.wrapOn(canvas, width, 10_000)
        top -= part.getSpaceBefore() + height
        part.drawOn(canvas, x, top)
        top -= part.getSpaceAfter()


def _story(header: SheetHeader, body: Callable[[Typesetter], list[Flowable]], ts: Typesetter) -> list:
    content = body(ts)
    while content and isinstance(content[-1], Spacer):  # the last words, not a gap, travel with the closing
        content.pop()
    closing = _closing_block(header, ts)
    measuring = Canvas(io.BytesIO(), pagesize=ts.page.pagesize, initialFontName=ts.font)
    # A closing block swollen by an absurdly long name cannot be kept with anything; it simply flows.
    keepable = closing is not None and _stack_height(closing, measuring, ts.text_width) < ts.text_height / 2
    if keepable and content:
        content[-1] = KeepTailWithClosing(content[-1], closing, 2.5 * ts.body_size * ts.scale)
    elif closing is not None:
        content.append(closing)
    return [*_header_block(header, ts), *content]


def _measure(flowable: Flowable, canvas, ts: Typesetter) -> float:
    if isinstance(flowable, KeepTogether):
        return sum(_measure(part, canvas, ts) for part in flowable._content)
    if isinstance(flowable, KeepTailWithClosing):
        return _measure(flowable.content, canvas, ts) + _stack_height(flowable.closing, canvas, ts.text_width)
    height = flowable.wrapOn(canvas, ts.text_width, ts.text_height)[1]
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def fits_on_one_page(
    header: SheetHeader, body: Callable[[Typesetter], list[Flowable]], page: PageSpec, body_size: float
) -> bool:
    ts = Typesetter(page, body_size)
    measuring = Canvas(io.BytesIO(), pagesize=page.pagesize, initialFontName=ts.font)
    return sum(_measure(flowable, measuring, ts) for flowable in _story(header, body, ts)) <= ts.text_height


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    body_size: float
    larger_page_suggested: bool  # a one-page sheet that did not fit on this paper at the floor size

    @property
    def advice(self) -> str:
        if self.larger_page_suggested:
            return f"内容较多，按最小字号排版仍有 {self.pages} 页；建议改用 A3 纸。"
        return ""


def body_size_for(header, body, page: PageSpec, sizes: Sequence[float]) -> float | None:
    """The largest of `sizes` at which the sheet fits one page, or None."""
    return next((size for size in sizes if fits_on_one_page(header, body, page, size)), None)


def render_sheet(
    header: SheetHeader,
    body: Callable[[Typesetter], list[Flowable]],
    page: PageSpec = A4_PORTRAIT,
    sizes: Sequence[float] = (STANDARD_BODY_SIZE, 11.5, 11, BODY_SIZE_FLOOR),
    report: GlyphReport | None = None,
) -> Rendered:
    """The whole sheet as PDF, in the largest body size of `sizes` that fits one page; at the smallest,
    flowing over as many pages as it needs. Missing glyphs are collected into `report`.

    Sizes are for A4 and scale with the page; on larger paper the type may shrink further, down to the
    same printed size as the floor on A4, which is what makes a larger paper worth suggesting."""
    sizes = list(sizes)
    while sizes[-1] - 0.5 >= BODY_SIZE_FLOOR / page.scale:
        sizes.append(sizes[-1] - 0.5)
    fitting = body_size_for(header, body, page, sizes)
    body_size = fitting if fitting is not None else sizes[-1]
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
    pages: list[int] = []
    doc.build(_story(header, body, ts), canvasmaker=_numbered_canvas(ts, page, pages))
    return Rendered(buffer.getvalue(), pages[0], body_size, fitting is None and page.size != "A3")


def _numbered_canvas(ts: Typesetter, page: PageSpec, pages: list[int]):
    """A canvas that writes "第 n 页 共 N 页" on every page once it knows N (only when N > 1)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._page_states: list[dict] = []

        def showPage(self):
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._page_states)
            pages.append(total)
            for state in self._page_states:
                self.__dict__.update(state)
                if total > 1:
                    self.saveState()
                    self.setFont(ts.font, 9 * ts.scale)
                    self.setFillColor(colors.grey)
                    self.drawCentredString(
                        page.pagesize[0] / 2, ts.margin / 2, f"第 {self._pageNumber} 页 共 {total} 页"
                    )
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas

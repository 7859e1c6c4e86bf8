"""村规民约 on paper.

The wall version: the whole text on one large sheet (A3 by default), continuing over as many sheets as it
needs, with the issuing unit and the adoption date at the end of the last one.

The household booklet: small pages (A5 on A4 paper, A4 on A3) — a cover (village, title, adoption date),
a contents page when the compact has chapters, the text with page numbers — imposed two to a sheet side in
saddle-stitch order: printed on both sides (flipped on the short edge), the stack folded in the middle and
stapled on the fold reads 1, 2, 3 … in order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Spacer, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents, defaultTableStyle

from app.domain import compact as cp
from app.domain.board import PERMANENT
from app.notices.fonts import GlyphReport
from app.notices.frame import POSTER, PageSpec, Rendered, SheetHeader, Typesetter, chinese_date, render_sheet

WALL_PAGE = PageSpec("A3", "portrait")
HALF_OF = {"A4": ("A5", A5), "A3": ("A4", A4)}  # the sheet's paper -> the booklet's page


@dataclass
class CompactSheet:
    village_name: str
    unit: str  # who issues it: 某某村村民委员会
    text: cp.Compact
    title: str
    adopted_on: dt.date | None  # the 村民会议's vote; None for a draft
    printed_on: dt.date

    @property
    def signed_on(self) -> dt.date:
        return self.adopted_on or closing_date(self.text.closing) or self.printed_on

    @property
    def adoption_line(self) -> str:
        if self.adopted_on:
            return f"（{chinese_date(self.adopted_on)}村民会议表决通过）"
        return "（草案，未经村民会议表决）"

    def header(self) -> SheetHeader:
        signer = next((line for line in self.text.closing if not closing_date([line])), self.unit)
        return SheetHeader(
            title=self.title,
            unit=self.unit,
            published_on=self.signed_on,
            period=PERMANENT,
            supervision_phone="",
            seal_unit=signer,
            variant=POSTER,
        )

    def body(self, ts: Typesetter) -> list:
        flow = [ts.text(self.adoption_line, size=11, align=TA_CENTER, where="通过日期"), Spacer(1, 3 * mm * ts.scale)]
        flow += [ts.text("　　" + line, where="前言") for line in self.text.preamble]
        for section in self.text.sections:
            if section.title:
                flow.append(ts.text(section.title, size=13.5, align=TA_CENTER, where="章", spaceBefore=3 * mm))
            for article in section.articles:
                flow.append(ts.text(f"{article.label}　{article.text}".replace("\n", "\n　　"), where=article.label))
                flow += [ts.text("　　" + item, where=article.label) for item in article.items]
        return flow


def closing_date(lines: list[str]) -> dt.date | None:
    """The date in a compact's 结尾 line: 2026年3月1日 or 二〇二六年三月一日."""
    for line in lines:
        match = re.match(r"^(.{2,4})\s*年(.{1,3})月(.{1,3})日$", line)
        if not match:
            continue
        parts = [int(p) if p.isdigit() else cp.chinese_number(p.replace("〇", "零")) for p in match.groups()]
        year = parts[0] if parts[0] and parts[0] > 1900 else _year_of_digits(match.group(1))
        try:
            return dt.date(year, parts[1], parts[2])
        except (TypeError, ValueError):
            return None
    return None


def _year_of_digits(text: str) -> int | None:
    """二〇二六 → 2026: a year is read digit by digit."""
    digits = {c: str(n) for n, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
    spelled = "".join(digits.get(c, "") for c in text)
    return int(spelled) if len(spelled) == 4 else None


def render_wall(sheet: CompactSheet, page: PageSpec = WALL_PAGE, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)


# --- the booklet ---
class _BookletDoc(BaseDocTemplate):
    """Small pages with a page number at the foot of each (not on the cover); chapters go to the contents."""

    def __init__(self, buffer, pagesize, ts: Typesetter, title: str):
        super().__init__(
            buffer,
            pagesize=pagesize,
            title=title,
            creator="村级三强工作台",
            invariant=True,
            initialFontName=ts.font,
        )
        margin = 14 * mm * ts.scale
        frame = Frame(margin, margin * 1.3, pagesize[0] - 2 * margin, pagesize[1] - 2.3 * margin, id="text")

        def number(canvas, doc):
            if doc.page > 1:
                canvas.saveState()
                canvas.setFont(ts.font, 9 * ts.scale)
                canvas.drawCentredString(pagesize[0] / 2, margin * 0.6, f"— {doc.page} —")
                canvas.restoreState()

        self.addPageTemplates([PageTemplate("page", [frame], onPage=number)])

    def afterFlowable(self, flowable):
        heading = getattr(flowable, "contents_entry", None)
        if heading:
            self.notify("TOCEntry", (0, heading, self.page))


def booklet_pages(sheet: CompactSheet, page_size, report: GlyphReport) -> bytes:
    """The booklet's pages in reading order, as PDF."""
    ts = Typesetter(PageSpec("A4"), 10.5, report)  # type at its A4 size: a booklet is read in the hand
    flow: list = [
        Spacer(1, 40 * mm * ts.scale),
        ts.text(sheet.village_name, size=16, align=TA_CENTER, where="封面"),
        Spacer(1, 8 * mm * ts.scale),
        ts.text(sheet.title, size=24, align=TA_CENTER, leading=1.3, where="封面"),
        Spacer(1, 10 * mm * ts.scale),
        ts.text(sheet.adoption_line, size=11, align=TA_CENTER, where="封面"),
        Spacer(1, 50 * mm * ts.scale),
        ts.text(sheet.header().seal_unit, size=12, align=TA_CENTER, where="封面"),
        ts.text(chinese_date(sheet.signed_on), size=12, align=TA_CENTER, where="封面"),
        PageBreak(),
    ]
    if sheet.text.has_chapters:
        # a style of its own (reportlab's default is shared), naming our font instead of its Helvetica
        style = TableStyle([*defaultTableStyle.getCommands(), ("FONTNAME", (0, 0), (-1, -1), ts.font)])
        contents = TableOfContents(tableStyle=style)
        contents.levelStyles = [ts.style(11, leading=1.6)]
        contents.dotsMinLevel = 0
        flow += [ts.text("目　录", size=16, align=TA_CENTER, where="目录"), Spacer(1, 5 * mm), contents, PageBreak()]
    flow += [ts.text(sheet.title, size=16, align=TA_CENTER, leading=1.3, where="标题"), Spacer(1, 4 * mm)]
    flow += sheet.body(ts)
    flow += [
        Spacer(1, 8 * mm),
        ts.text(sheet.header().seal_unit, align=TA_RIGHT, where="落款"),
        ts.text(chinese_date(sheet.signed_on), align=TA_RIGHT, where="落款"),
    ]
    for flowable in flow:
        text = getattr(flowable, "text", "")
        if sheet.text.has_chapters and any(text == s.title.split("\n")[0] for s in sheet.text.sections if s.title):
            flowable.contents_entry = text
    buffer = io.BytesIO()
    doc = _BookletDoc(buffer, page_size, ts, sheet.title)
    doc.multiBuild(flow)
    return buffer.getvalue()


def saddle_order(pages: int) -> list[tuple[int | None, int | None]]:
    """Sheet sides in printing order, each (left page, right page) counted from 1; None for a blank.
    The count is made up to a multiple of four with blanks at the end (inside the back cover)."""
    total = -(-pages // 4) * 4

    def page(number: int) -> int | None:
        return number if number <= pages else None

    sides = []
    for sheet in range(total // 4):
        sides.append((page(total - 2 * sheet), page(2 * sheet + 1)))  # front: last and first
        sides.append((page(2 * sheet + 2), page(total - 2 * sheet - 1)))  # back
    return sides


def impose(pdf: bytes, sheet_size) -> tuple[bytes, int]:
    """Two pages to a sheet side, in saddle-stitch order; (the imposed PDF, the booklet's page count)."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    width, height = sheet_size
    writer = PdfWriter()
    for left, right in saddle_order(len(reader.pages)):
        side = PageObject.create_blank_page(width=width, height=height)
        for number, offset in ((left, 0), (right, width / 2)):
            if number is not None:
                side.merge_transformed_page(reader.pages[number - 1], Transformation().translate(tx=offset))
        writer.add_page(side)
    writer.add_metadata({"/Title": reader.metadata.title or "", "/Creator": "村级三强工作台"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(reader.pages)


def render_booklet(sheet: CompactSheet, page: PageSpec, report: GlyphReport | None = None) -> Rendered:
    """The booklet on the chosen paper (A4 or A3), always landscape: two of its pages to a side."""
    paper = {"A4": A4, "A3": A3}[page.size]
    pdf, pages = impose(booklet_pages(sheet, HALF_OF[page.size][1], report or GlyphReport()), landscape(paper))
    sides = len(saddle_order(pages))
    return Rendered(pdf, sides, 10.5, False)

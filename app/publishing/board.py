"""What a 公开栏 carries: each quarter's due list panel by panel (the kinds' declared panels and rhythms, as a
township may have changed them), the whole board as one PDF with each sheet on its own paper or as it was
printed, and the year of postings month by month (also on paper, the `board_year` sheet). The posting record
itself is the store's (`app.store.board`)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from app.domain import board as b
from app.domain import periods
from app.domain.values import InputError
from app.notices import board_sheets
from app.notices.fonts import GlyphReport
from app.notices.frame import PageSpec
from app.publishing import kinds  # noqa: F401 (registers every kind made from records, before the board walks them)
from app.publishing import sources
from app.publishing.catalogue import KINDS, RenderedSheet, SheetEntry, SheetKind, default_page, entry, register, render
from app.publishing.issued import newest_copy
from app.store import board as posting
from app.store import models

POSTED, WAITING, OVERDUE = "已张贴", "待张贴", "逾期未张贴"


def rhythms() -> dict[str, tuple[str, str]]:
    """Each kind on the board: its (panel, rhythm) as declared, or as the township changed it."""
    changed = posting.rules()["rhythms"]
    found = {}
    for kind in KINDS.values():
        if kind.kind in changed:
            panel, rhythm = changed[kind.kind]
            found[kind.kind] = (panel, rhythm)
        elif kind.on_board:
            found[kind.kind] = (kind.panel, kind.rhythm)
    return found


@dataclass
class Due:
    kind: str
    record_id: str
    title: str
    panel: str
    rhythm: str
    posted: models.Publication | None = None
    state: str = WAITING
    deadline: dt.date | None = None  # up by this day; a standing sheet has none


def record_day(kind: str, record_id: str) -> dt.date | None:
    """The day a one-off sheet's record called for it, as its kind declares; None for any other sheet."""
    declared = KINDS[kind].record_day if kind in KINDS else None
    return declared(record_id) if declared else None


def _is_due(item: SheetEntry, rhythm: str, year: int, quarter: int) -> bool:
    if rhythm == b.STANDING:
        return item.in_force
    if rhythm == b.AS_CALLED:  # its record fell in the quarter before or in this one
        day = record_day(item.kind, item.record_id)
        start = periods.quarter_period(*periods.previous_quarter(year, quarter)).start
        return day is not None and start <= day <= periods.quarter_end(year, quarter)
    return item.period is not None and item.period.key in b.covered_keys(rhythm, year, quarter)


def _deadline(kind: str, record_id: str, rhythm: str, period: str, active: dict) -> dt.date | None:
    """The day a sheet should be up by: a quarter's disclosure day, or for a one-off notice some days after its
    record (山东 12: major matters at once); a standing sheet has none."""
    if rhythm == b.STANDING:
        return None
    if rhythm == b.AS_CALLED:
        day = record_day(kind, record_id)
        return day + dt.timedelta(days=int(active["as_called_days"])) if day else None
    year, quarter = periods.parse_quarter(period)
    return b.disclosure_date(year, quarter, int(active["disclosure_day"]))


def due(village, period: str, today: dt.date | None = None) -> list[Due]:
    """Every sheet the quarter's board should carry, panel by panel, with whether it went up."""
    today = today or dt.date.today()
    year, quarter = periods.parse_quarter(period)
    active = posting.rules()
    found = []
    for kind, (panel, rhythm) in rhythms().items():
        for item in KINDS[kind].entries(village):
            if not _is_due(item, rhythm, year, quarter):
                continue
            deadline = _deadline(kind, item.record_id, rhythm, period, active)
            listed = Due(kind, item.record_id, item.name, panel, rhythm, deadline=deadline)
            listed.posted = posting.current_publication(village, kind, item.record_id)
            if listed.posted and listed.posted.posted_on:
                listed.state = POSTED
            elif deadline and today > deadline:
                listed.state = OVERDUE
            found.append(listed)
    return sorted(found, key=lambda d: (b.PANELS.index(d.panel), d.kind, d.title))


# --- the whole board ---
def render_due(items: list[Due], today: dt.date | None = None) -> list[RenderedSheet]:
    """Each sheet on its own paper (A4 or A3, upright or across), as its kind is usually printed."""
    return [render(d.kind, d.record_id, default_page(d.kind), today) for d in items]


def sheets_as_printed(village, items: list[Due], data_dir: Path, today: dt.date | None = None):
    """Each sheet as it goes up on the board: the copy last printed or saved from the program when its bytes are
    still here (what was printed is what was posted), otherwise rendered from the records now. Returns the sheets
    and how many of them are printed copies."""
    sheets, copies = [], 0
    for item in items:
        copy = newest_copy(str(village.id), item.kind, item.record_id, data_dir)
        if copy is None:
            sheets.extend(render_due([item], today))
            continue
        data, issued = copy
        pages = len(PdfReader(io.BytesIO(data)).pages)
        sheets.append(
            RenderedSheet(
                item.kind, item.record_id, str(village.id), issued.title, data, village_name=village.name, pages=pages
            )
        )
        copies += 1
    return sheets, copies


def board_pdf(sheets: list[RenderedSheet]) -> bytes:
    """The sheets as one PDF, in order, each page keeping its own size and orientation."""
    writer = PdfWriter()
    for sheet in sheets:
        writer.append(PdfReader(io.BytesIO(sheet.pdf)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def whole_board(village, period: str, sheets: list[RenderedSheet]) -> RenderedSheet:
    """The quarter's board as one sheet that leaves the program (its parts are recorded beside it)."""
    return RenderedSheet(
        "board",
        f"{village.id}:{period}",
        str(village.id),
        f"{village.name}{period}公开栏",
        board_pdf(sheets),
        village_name=village.name,
        pages=sum(s.pages for s in sheets),
    )


# --- the year of postings ---
@dataclass(frozen=True)
class Mark:
    """One sheet in a month of the year view: posted that day, or due by that day and not (yet) posted."""

    title: str
    state: str
    day: dt.date
    correction: bool = False
    late: bool = False  # posted after its quarter's disclosure day

    @property
    def text(self) -> str:
        if self.state == POSTED:
            return f"{self.day.day}日" + ("更正" if self.correction else "") + ("（迟）" if self.late else "")
        return "逾期" if self.state == OVERDUE else "待贴"


@dataclass
class YearRow:
    panel: str
    kind: str
    label: str
    months: dict[int, list[Mark]]

    def marks(self) -> list[Mark]:
        return [mark for month in sorted(self.months) for mark in self.months[month]]


def year_view(village, year: int, today: dt.date | None = None) -> list[YearRow]:
    """What went up when in a year, kind by kind and month by month, with what each quarter's board should have
    carried by its disclosure day and did not."""
    today = today or dt.date.today()
    active = posting.rules()
    placed = rhythms()
    rows: dict[str, YearRow] = {}

    def row_of(kind: str, panel: str) -> YearRow:
        if kind not in rows:
            label = KINDS[kind].label if kind in KINDS else kind
            rows[kind] = YearRow(panel, kind, label, {})
        return rows[kind]

    Publication = models.Publication
    year_of = periods.year_period(year)
    posted = Publication.select().where(
        (Publication.village == village)
        & (Publication.posted_on >= year_of.start)
        & (Publication.posted_on <= year_of.end)
    )
    for row in posted.order_by(Publication.posted_on, Publication.id):
        mark = Mark(row.title, POSTED, row.posted_on, bool(row.corrects_id), _late(row, active, placed))
        row_of(row.kind, row.panel).months.setdefault(row.posted_on.month, []).append(mark)
    seen = set()
    for quarter in range(1, 5):
        for item in due(village, periods.quarter_key(year, quarter), today):
            if item.state == POSTED or (item.kind, item.record_id) in seen:
                continue
            seen.add((item.kind, item.record_id))
            day = item.deadline or b.disclosure_date(year, quarter, int(active["disclosure_day"]))
            if day.year == year:
                row_of(item.kind, item.panel).months.setdefault(day.month, []).append(Mark(item.title, item.state, day))
    return sorted(rows.values(), key=lambda r: (_panel_order(r.panel), r.label))


def _late(publication: models.Publication, active: dict, placed: dict) -> bool:
    rhythm = placed.get(publication.kind, (None, b.STANDING))[1]
    if publication.corrects_id:
        return False
    try:
        deadline = _deadline(publication.kind, publication.record_id, rhythm, publication.period, active)
    except InputError:
        return False
    return deadline is not None and publication.posted_on > deadline


def _panel_order(panel: str) -> int:
    return b.PANELS.index(panel) if panel in b.PANELS else len(b.PANELS)


def year_summary(rows: list[YearRow]) -> str:
    marks = [mark for row in rows for mark in row.marks()]
    posted = [m for m in marks if m.state == POSTED]
    late = sum(1 for m in posted if m.late)
    overdue = sum(1 for m in marks if m.state == OVERDUE)
    waiting = sum(1 for m in marks if m.state == WAITING)
    return f"全年张贴 {len(posted)} 份（其中迟贴 {late} 份），逾期未张贴 {overdue} 份，待张贴 {waiting} 份。"


def year_data(village: models.Village, year: int, today: dt.date) -> board_sheets.BoardYear:
    rows = year_view(village, year, today)
    table = [
        [row.panel, row.label, *("\n".join(m.text for m in row.months.get(month, [])) for month in range(1, 13))]
        for row in rows
    ]
    lacking = [any(m.state == OVERDUE for m in row.marks()) for row in rows]
    return board_sheets.BoardYear(
        village.name, sources.village_unit(village), year, table, lacking, year_summary(rows), today
    )


def year_entries(village: models.Village) -> list[SheetEntry]:
    """The years with something posted, and this year."""
    days = models.Publication.select(models.Publication.posted_on).where(
        (models.Publication.village == village) & models.Publication.posted_on.is_null(False)
    )
    years = sorted({day.year for (day,) in days.tuples()} | {dt.date.today().year})
    return [
        entry("board_year", f"{village.id}:{y}", village, f"{y}年公开栏公开记录", periods.year_period(y)) for y in years
    ]


def year_render(record_id: str, page: PageSpec, today: dt.date) -> RenderedSheet:
    village, year = sources.village_year(record_id)
    report = GlyphReport()
    rendered = board_sheets.render(year_data(village, year, today), page, report)
    return sources.sheet("board_year", record_id, village, f"{year}年公开栏公开记录", rendered, report)


register(
    SheetKind(
        "board_year",
        "公开栏全年公开记录",
        year_entries,
        year_render,
        board_sheets.YEAR_PAGE,
        period_key=(periods.YEAR,),
    )
)

"""The 公开栏: what is due on a village's board for a quarter (rhythms as a setting), the whole board assembled
from records already kept, the publication record (review, posting, take-down, objections, corrections) and the
archive of the exact PDFs posted, addressed by SHA-256 and kept in the database so backups carry them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from app.domain import board as b
from app.domain import members as m
from app.domain.values import InputError
from app.notices import registry
from app.store import models, records, settings
from app.store.errors import ChangeRefusedError
from app.store.transactions import write_transaction

RULES = settings.BOARD_RULES.key
DEFAULT_RULES = settings.BOARD_RULES.default
POSTED, WAITING, OVERDUE = "已张贴", "待张贴", "逾期未张贴"


def rules() -> dict:
    stored = settings.get(RULES) or {}
    merged = {**DEFAULT_RULES, **stored}
    merged["rhythms"] = {**b.DEFAULT_BOARD, **(stored.get("rhythms") or {})}
    return merged


def parse_quarter(text: str) -> tuple[int, int]:
    """2026Q4 → (2026, 4)."""
    value = (text or "").strip().upper()
    if len(value) == 6 and value[:4].isdigit() and value[4] == "Q" and value[5] in "1234":
        return int(value[:4]), int(value[5])
    raise InputError(f"期间“{text}”应写成 2026Q4（年份、Q、第几季度）")


def quarter_of(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


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


def _record_day(kind: str, record_id: str) -> dt.date | None:
    """The day a one-off sheet's record called for it: the resolution, the result, the 评议's 公示, the 发展对象."""
    if kind in ("resolution_notice", "result_notice"):
        number = 4 if kind == "resolution_notice" else 6
        step = (
            models.MatterStep.select()
            .where((models.MatterStep.matter == record_id) & (models.MatterStep.number == number))
            .order_by(models.MatterStep.held_on.desc())
            .first()
        )
        return step.held_on if step else None
    if kind == "dibao_notice":
        review = models.DibaoReview.get_or_none(models.DibaoReview.id == record_id)
        return (review.published_on or review.held_on) if review else None
    if kind == "candidate_notice":
        latest = (
            models.PartyMember.select()
            .where((models.PartyMember.village == record_id) & (models.PartyMember.stage == m.CANDIDATE))
            .order_by(models.PartyMember.candidate_on.desc())
            .first()
        )
        return latest.candidate_on if latest else None
    return None


def _is_due(entry: registry.SheetEntry, rhythm: str, year: int, quarter: int) -> bool:
    if rhythm == b.STANDING:
        return entry.kind != "compact_wall" or "已生效" in entry.title
    if rhythm == b.AS_CALLED:  # its record fell in the quarter before or in this one
        day = _record_day(entry.kind, entry.record_id)
        start_year, start_quarter = b.previous_quarter(year, quarter)
        start = dt.date(start_year, (start_quarter - 1) * 3 + 1, 1)
        return day is not None and start <= day <= b.quarter_end(year, quarter)
    key = entry.record_id.partition(":")[2]
    return key in b.covered_keys(rhythm, year, quarter)


def _deadline(kind: str, record_id: str, rhythm: str, period: str, active: dict) -> dt.date | None:
    """The day a sheet should be up by: a quarter's disclosure day, or for a one-off notice some days after its
    record (山东 12: major matters at once); a standing sheet has none."""
    if rhythm == b.STANDING:
        return None
    if rhythm == b.AS_CALLED:
        day = _record_day(kind, record_id)
        return day + dt.timedelta(days=int(active["as_called_days"])) if day else None
    year, quarter = parse_quarter(period)
    return b.disclosure_date(year, quarter, int(active["disclosure_day"]))


def current_publication(village, kind: str, record_id: str) -> models.Publication | None:
    """The newest posting of that sheet (a correction counts as the sheet posted again)."""
    return (
        models.Publication.select()
        .where(
            (models.Publication.village == village)
            & (models.Publication.kind == kind)
            & (models.Publication.record_id == record_id)
        )
        .order_by(models.Publication.posted_on.desc(nulls="LAST"))
        .first()
    )


def due(village, period: str, today: dt.date | None = None) -> list[Due]:
    """Every sheet the quarter's board should carry, panel by panel, with whether it went up."""
    today = today or dt.date.today()
    year, quarter = parse_quarter(period)
    active = rules()
    found = []
    for kind, (panel, rhythm) in active["rhythms"].items():
        if kind not in registry.KINDS:
            continue
        for entry in registry.KINDS[kind].entries(village):
            if not _is_due(entry, rhythm, year, quarter):
                continue
            title = entry.title.partition("：")[2] or entry.title
            deadline = _deadline(kind, entry.record_id, rhythm, period, active)
            item = Due(kind, entry.record_id, title, panel, rhythm, deadline=deadline)
            item.posted = current_publication(village, kind, entry.record_id)
            if item.posted and item.posted.posted_on:
                item.state = POSTED
            elif deadline and today > deadline:
                item.state = OVERDUE
            found.append(item)
    return sorted(found, key=lambda d: (b.PANELS.index(d.panel), d.kind, d.title))


# --- the whole board ---
def render_due(items: list[Due], today: dt.date | None = None) -> list[registry.RenderedSheet]:
    """Each sheet on its own paper (A4 or A3, upright or across), as its kind is usually printed."""
    return [registry.render(d.kind, d.record_id, registry.default_page(d.kind), today) for d in items]


def sheets_as_printed(village, items: list[Due], data_dir, today: dt.date | None = None):
    """Each sheet as it goes up on the board: the copy last printed or saved from the program when its bytes are
    still here (what was printed is what was posted), otherwise rendered from the records now. Returns the sheets
    and how many of them are printed copies."""
    from pypdf import PdfReader

    from app.notices.issued import newest_copy

    sheets, copies = [], 0
    for item in items:
        copy = newest_copy(str(village.id), item.kind, item.record_id, data_dir)
        if copy is None:
            sheets.extend(render_due([item], today))
            continue
        data, issued = copy
        pages = len(PdfReader(io.BytesIO(data)).pages)
        sheets.append(
            registry.RenderedSheet(
                item.kind, item.record_id, str(village.id), issued.title, data, village_name=village.name, pages=pages
            )
        )
        copies += 1
    return sheets, copies


def board_pdf(sheets: list[registry.RenderedSheet]) -> bytes:
    """The sheets as one PDF, in order, each page keeping its own size and orientation."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for sheet in sheets:
        writer.append(PdfReader(io.BytesIO(sheet.pdf)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --- the archive ---
def archive(pdf: bytes) -> str:
    """Keeps the bytes under their SHA-256 (once); returns the hash."""
    digest = hashlib.sha256(pdf).hexdigest()
    models.ArchivedPdf.insert(sha256=digest, pdf=pdf, size=len(pdf)).on_conflict_ignore().execute()
    return digest


def archived(digest: str) -> bytes:
    row = models.ArchivedPdf.get_or_none(models.ArchivedPdf.sha256 == digest)
    if row is None:
        raise ChangeRefusedError(f"存档里找不到这份原件（SHA-256 {digest[:12]}…），请运行“核对存档”。")
    data = bytes(row.pdf)
    if hashlib.sha256(data).hexdigest() != digest:
        raise ChangeRefusedError(f"存档原件（SHA-256 {digest[:12]}…）已被改动，不能重印。请从备份恢复。")
    return data


@dataclass(frozen=True)
class ArchiveProblem:
    title: str
    village: str
    problem: str


def verify() -> tuple[int, list[ArchiveProblem]]:
    """Checks every publication's archived PDF and photo against its hash: (how many checked, what is wrong)."""
    problems, checked = [], 0
    query = models.Publication.select(models.Publication, models.Village).join(models.Village)
    for publication in query.order_by(models.Village.name, models.Publication.posted_on):
        kept = [("原件", publication.sha256)] + ([("照片", publication.photo)] if publication.photo else [])
        for what, digest in kept:
            checked += 1
            row = models.ArchivedPdf.get_or_none(models.ArchivedPdf.sha256 == digest)
            if row is None:
                problems.append(ArchiveProblem(publication.title, publication.village.name, f"{what}丢失"))
            elif hashlib.sha256(bytes(row.pdf)).hexdigest() != digest:
                problems.append(ArchiveProblem(publication.title, publication.village.name, f"{what}已被改动"))
    return checked, problems


def attach_photo(publication: models.Publication, image: bytes) -> records.Change:
    """A photo of the board with the sheet up, kept in the archive beside the PDFs (so backups carry it)."""
    with write_transaction():  # the photo's bytes and the publication naming them, together
        current = models.Publication.get_by_id(publication.id)
        before = records.snapshot(current)
        current.photo = archive(image)
        return records.save(current, expected=before)


# --- the publication record ---
def publish_all(village, sheets: list[tuple[registry.RenderedSheet, str, str]], period: str, **posting) -> list:
    """Posts several sheets, each (sheet, panel, page), as one step: all go up or none."""
    with write_transaction():
        return [publish(village, sheet, panel, period, page, **posting) for sheet, panel, page in sheets]


def publish(
    village,
    sheet: registry.RenderedSheet,
    panel: str,
    period: str,
    page: str,
    reviewed_by: str,
    reviewed_on: dt.date | None,
    posted_on: dt.date,
    minimum_days: int | None = None,
    corrects: models.Publication | None = None,
    note: str = "",
) -> records.Change:
    """Posts the sheet as rendered: its bytes go into the archive first, then the publication names them."""
    active = rules()
    if active["review_required"] and not (reviewed_by and reviewed_on):
        raise ChangeRefusedError("按规定，公开内容须经村务监督委员会审核后才能张贴：请填写审核人和审核日期。")
    if reviewed_on and reviewed_on > posted_on:
        raise InputError("审核日期不能晚于张贴日期", "reviewed_on")
    days = int(minimum_days or active["minimum_days"])
    digest = archive(sheet.pdf)
    row = models.Publication(
        village=village,
        kind=sheet.kind,
        record_id=sheet.record_id,
        title=sheet.title,
        panel=panel,
        period=period,
        sha256=digest,
        page=page,
        made_from={
            "kind": sheet.kind,
            "record_id": sheet.record_id,
            "pages": sheet.pages,
            "rendered_on": str(posted_on),
        },
        reviewed_by=reviewed_by,
        reviewed_on=reviewed_on,
        posted_on=posted_on,
        minimum_days=days,
        take_down_on=posted_on + dt.timedelta(days=days),
        corrects=corrects,
        note=note,
    )
    return records.save(row, expected=records.ABSENT)


def take_down(publication: models.Publication, on: dt.date) -> records.Change:
    current = models.Publication.get_by_id(publication.id)
    before = records.snapshot(current)
    if current.posted_on is None:
        raise ChangeRefusedError("这份还没有张贴。")
    if on < current.posted_on + dt.timedelta(days=current.minimum_days):
        earliest = current.posted_on + dt.timedelta(days=current.minimum_days)
        raise InputError(f"至少要公开 {current.minimum_days} 天，{earliest.isoformat()} 以后才能撤下", "taken_down_on")
    current.taken_down_on = on
    return records.save(current, expected=before)


def open_objections(village, today: dt.date) -> list[tuple[models.PublicationObjection, bool]]:
    """Objections not yet answered, each with whether its five days have run out."""
    query = models.PublicationObjection.select().where(
        (models.PublicationObjection.village == village) & (models.PublicationObjection.answer == "")
    )
    return [
        (row, today > b.answer_due(row.received_on)) for row in query.order_by(models.PublicationObjection.received_on)
    ]


# --- looking at the board ---
def up_on(village, day: dt.date) -> dict[str, list[models.Publication]]:
    """What was on the board that day, panel by panel: posted on or before it, not yet taken down, the newest
    posting of each sheet, and a correction in place of the one it corrects."""
    Publication = models.Publication
    query = Publication.select().where(
        (Publication.village == village)
        & (Publication.posted_on <= day)
        & (Publication.taken_down_on.is_null() | (Publication.taken_down_on > day))
    )
    rows = list(query.order_by(Publication.posted_on, Publication.id))
    corrected = {row.corrects_id for row in rows if row.corrects_id}
    newest = {(row.kind, row.record_id): row for row in rows if row.id not in corrected}
    panels: dict[str, list[models.Publication]] = {panel: [] for panel in b.PANELS}
    for row in newest.values():
        panels.setdefault(row.panel, []).append(row)
    return panels


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
    active = rules()
    rows: dict[str, YearRow] = {}

    def row_of(kind: str, panel: str) -> YearRow:
        if kind not in rows:
            label = registry.KINDS[kind].label if kind in registry.KINDS else kind
            rows[kind] = YearRow(panel, kind, label, {})
        return rows[kind]

    Publication = models.Publication
    posted = Publication.select().where(
        (Publication.village == village)
        & (Publication.posted_on >= dt.date(year, 1, 1))
        & (Publication.posted_on <= dt.date(year, 12, 31))
    )
    for row in posted.order_by(Publication.posted_on, Publication.id):
        mark = Mark(row.title, POSTED, row.posted_on, bool(row.corrects_id), _late(row, active))
        row_of(row.kind, row.panel).months.setdefault(row.posted_on.month, []).append(mark)
    seen = set()
    for quarter in range(1, 5):
        period = f"{year}Q{quarter}"
        for item in due(village, period, today):
            if item.state == POSTED or (item.kind, item.record_id) in seen:
                continue
            seen.add((item.kind, item.record_id))
            day = item.deadline or b.disclosure_date(year, quarter, int(active["disclosure_day"]))
            if day.year == year:
                row_of(item.kind, item.panel).months.setdefault(day.month, []).append(Mark(item.title, item.state, day))
    return sorted(rows.values(), key=lambda r: (_panel_order(r.panel), r.label))


def _late(publication: models.Publication, active: dict) -> bool:
    rhythm = active["rhythms"].get(publication.kind, [None, b.STANDING])[1]
    if publication.corrects_id:
        return False
    try:
        deadline = _deadline(publication.kind, publication.record_id, rhythm, publication.period, active)
    except InputError:
        return False
    return deadline is not None and publication.posted_on > deadline


def _panel_order(panel: str) -> int:
    return b.PANELS.index(panel) if panel in b.PANELS else len(b.PANELS)

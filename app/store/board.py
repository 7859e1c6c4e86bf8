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

RULES = "board_rules"
DEFAULT_RULES = {
    "rhythms": b.DEFAULT_BOARD,
    "disclosure_day": b.DEFAULT_DISCLOSURE_DAY,
    "minimum_days": b.DEFAULT_MINIMUM_DAYS,
    "review_required": True,  # nothing goes up before the 监委会 has reviewed it
}
POSTED, WAITING, OVERDUE = "已张贴", "待张贴", "逾期未张贴"


def rules() -> dict:
    stored = settings.get(RULES, {}) or {}
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
    deadline = b.disclosure_date(year, quarter, int(active["disclosure_day"]))
    found = []
    for kind, (panel, rhythm) in active["rhythms"].items():
        if kind not in registry.KINDS:
            continue
        for entry in registry.KINDS[kind].entries(village):
            if not _is_due(entry, rhythm, year, quarter):
                continue
            title = entry.title.partition("：")[2] or entry.title
            item = Due(kind, entry.record_id, title, panel, rhythm)
            item.posted = current_publication(village, kind, entry.record_id)
            if item.posted and item.posted.posted_on:
                item.state = POSTED
            elif today > deadline and rhythm != b.STANDING:
                item.state = OVERDUE
            found.append(item)
    return sorted(found, key=lambda d: (b.PANELS.index(d.panel), d.kind, d.title))


# --- the whole board ---
def render_due(items: list[Due], today: dt.date | None = None) -> list[registry.RenderedSheet]:
    """Each sheet on its own paper (A4 or A3, upright or across), as its kind is usually printed."""
    return [registry.render(d.kind, d.record_id, registry.default_page(d.kind), today) for d in items]


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
    """Checks every publication's archived PDF against its hash: (how many checked, what is wrong)."""
    problems, checked = [], 0
    query = models.Publication.select(models.Publication, models.Village).join(models.Village)
    for publication in query.order_by(models.Village.name, models.Publication.posted_on):
        checked += 1
        row = models.ArchivedPdf.get_or_none(models.ArchivedPdf.sha256 == publication.sha256)
        if row is None:
            problems.append(ArchiveProblem(publication.title, publication.village.name, "原件丢失"))
        elif hashlib.sha256(bytes(row.pdf)).hexdigest() != publication.sha256:
            problems.append(ArchiveProblem(publication.title, publication.village.name, "原件已被改动"))
    return checked, problems


# --- the publication record ---
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

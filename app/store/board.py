"""The 公开栏's posting record: the board's rules (a setting), each publication (review, posting, take-down,
objections, corrections), what is up on a given day, and the archive of the exact PDFs posted, addressed by
SHA-256 and kept in the database so backups carry them. What a board should carry is worked out above the
store, in `app.publishing.board`."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Protocol

from app.domain import board as b
from app.domain.values import InputError
from app.store import models, records, settings
from app.store.errors import ChangeRefusedError
from app.store.transactions import write_transaction

RULES = settings.BOARD_RULES.key
DEFAULT_RULES = settings.BOARD_RULES.default


def rules() -> dict:
    stored = settings.get(RULES) or {}
    merged = {**DEFAULT_RULES, **stored}
    merged["rhythms"] = dict(stored.get("rhythms") or {})
    return merged


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
class PostedSheet(Protocol):
    """A sheet as it goes up: what it was made from and its exact bytes."""

    kind: str
    record_id: str
    title: str
    pdf: bytes
    pages: int


def publish_all(village, sheets: list[tuple[PostedSheet, str, str]], period: str, **posting) -> list:
    """Posts several sheets, each (sheet, panel, page), as one step: all go up or none."""
    with write_transaction():
        return [publish(village, sheet, panel, period, page, **posting) for sheet, panel, page in sheets]


def publish(
    village,
    sheet: PostedSheet,
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

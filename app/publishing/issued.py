"""The one way a sheet leaves the program: saved as a PDF (written atomically), printed (the exact bytes kept in
the data folder as issued/<sha256>.pdf), or a whole board saved or printed with each of its sheets kept as it
left, so that posting archives what was printed. Every one is recorded (what, when, village, SHA-256). The
window's preview and the command line both go through here; painting on a printer is the window's (Qt)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.publishing.catalogue import RenderedSheet
from app.store import models, records

SAVED, PRINTED = "保存PDF", "打印"


def record_issued(sheet: RenderedSheet, action: str, path: Path | None = None) -> models.IssuedSheet:
    entry = models.IssuedSheet(
        village=sheet.village_id,
        kind=sheet.kind,
        record_id=sheet.record_id,
        title=sheet.title,
        action=action,
        sha256=sheet.sha256,
        path=str(path or ""),
    )
    records.save(entry)
    return entry


def write_atomically(path: Path, data: bytes) -> None:
    """A power cut leaves the old file or the new, never half: a temporary name, fsync, then the rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def keep_printed(sheet: RenderedSheet, data_dir: Path) -> Path:
    """The exact PDF that went to the printer, kept as issued/<sha256>.pdf in the data folder."""
    path = Path(data_dir) / "issued" / f"{sheet.sha256}.pdf"
    if not path.exists():
        write_atomically(path, sheet.pdf)
    return path


def record_printed(sheet: RenderedSheet, data_dir: Path) -> models.IssuedSheet:
    return record_issued(sheet, PRINTED, keep_printed(sheet, data_dir))


def save_pdf(sheet: RenderedSheet, path: Path) -> models.IssuedSheet:
    path = Path(path)
    write_atomically(path, sheet.pdf)
    return record_issued(sheet, SAVED, path)


def record_parts(parts: list[RenderedSheet], action: str, data_dir: Path) -> None:
    """Each sheet of a whole board that was printed or saved, kept in the data folder as it left."""
    for part in parts:
        record_issued(part, action, keep_printed(part, data_dir))


def save_board(board: RenderedSheet, parts: list[RenderedSheet], path: Path, data_dir: Path) -> models.IssuedSheet:
    """A whole board saved as one PDF: the file written atomically, the board and each of its sheets recorded."""
    entry = save_pdf(board, path)
    record_parts(parts, SAVED, data_dir)
    return entry


def board_printed(board: RenderedSheet, parts: list[RenderedSheet], data_dir: Path) -> models.IssuedSheet:
    """A whole board sent to the printer: the job and each of its sheets kept and recorded as printed."""
    entry = record_printed(board, data_dir)
    record_parts(parts, PRINTED, data_dir)
    return entry


def newest_copy(village_id: str, kind: str, record_id: str, data_dir: Path) -> tuple[bytes, models.IssuedSheet] | None:
    """The newest copy of the sheet that left the program, if its bytes are still here unchanged: what was printed
    is what went up on the board. None when it never left, or that copy is gone or changed."""
    issued = (
        models.IssuedSheet.select()
        .where(
            (models.IssuedSheet.village == village_id)
            & (models.IssuedSheet.kind == kind)
            & (models.IssuedSheet.record_id == record_id)
        )
        .order_by(models.IssuedSheet.issued_at.desc(), models.IssuedSheet.id.desc())
        .first()
    )
    if issued is None:
        return None
    for place in (Path(data_dir) / "issued" / f"{issued.sha256}.pdf", Path(issued.path) if issued.path else None):
        try:
            data = place.read_bytes() if place else b""
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == issued.sha256:
            return data, issued
    return None

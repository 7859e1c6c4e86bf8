"""Recording each sheet that leaves the program (saved or printed): what, when, village, SHA-256."""

from __future__ import annotations

import os
from pathlib import Path

from app.notices.registry import RenderedSheet
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


def keep_printed(sheet: RenderedSheet, data_dir: Path) -> Path:
    """The exact PDF that went to the printer, kept as issued/<sha256>.pdf in the data folder."""
    folder = data_dir / "issued"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sheet.sha256}.pdf"
    if not path.exists():
        _write_atomically(path, sheet.pdf)
    return path


def record_printed(sheet: RenderedSheet, data_dir: Path) -> models.IssuedSheet:
    return record_issued(sheet, PRINTED, keep_printed(sheet, data_dir))


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def save_pdf(sheet: RenderedSheet, path: Path) -> models.IssuedSheet:
    """Writes the PDF atomically (a power cut leaves the old file or the new, never half)."""
    path = Path(path)
    _write_atomically(path, sheet.pdf)
    return record_issued(sheet, SAVED, path)

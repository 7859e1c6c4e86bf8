"""Finding the records a sheet is made from by its id, and wrapping a layout's result as a rendered sheet."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.domain import periods
from app.domain.periods import Period
from app.notices.fonts import GlyphReport
from app.notices.frame import Rendered
from app.publishing.catalogue import RenderedSheet, UnknownSheetError
from app.store import models


def uuid_of(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise UnknownSheetError(f"编号 {text} 格式不对") from None


def record(model, record_id: str, what: str):
    """The row the sheet is made from, or UnknownSheetError naming what was looked for."""
    row = model.get_or_none(model.id == uuid_of(record_id))
    if row is None:
        raise UnknownSheetError(f"找不到编号为 {record_id} 的{what}")
    return row


def village(record_id: str) -> models.Village:
    return record(models.Village, record_id, "村")


def village_year(record_id: str) -> tuple[models.Village, int]:
    """Sheets of a village's year are named "<village id>:<year>"."""
    village_id, _, year = str(record_id).partition(":")
    try:
        period = periods.parse(year, (periods.YEAR,))
    except ValueError:
        raise UnknownSheetError(f"编号 {record_id} 应为“村编号:年份”") from None
    return village(village_id), period.year


def village_period(record_id: str, kinds: tuple[str, ...], example: str) -> tuple[models.Village, Period]:
    """Sheets of a village's month, quarter or half-year are named "<village id>:<period key>"."""
    village_id, _, key = str(record_id).partition(":")
    try:
        period = periods.parse(key, kinds)
    except ValueError as error:
        raise UnknownSheetError(f"编号 {record_id} 应为{example}：{error}") from None
    return village(village_id), period


def sheet(kind: str, record_id: str, place, title: str, rendered: Rendered, report: GlyphReport) -> RenderedSheet:
    return RenderedSheet(
        kind, record_id, str(place.id), title, rendered.pdf, report, place.name, rendered.pages, rendered.advice
    )


def village_unit(place: models.Village) -> str:
    return f"{place.name}党支部　{place.name}村民委员会"


def data_file(name: str) -> Path | None:
    """A file kept in the data folder beside the database (a self-check photo), by its stored name."""
    if not name:
        return None
    return Path(models.database.obj.database).parent / name

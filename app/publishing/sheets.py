"""Every kind of sheet, registered: import this (rather than `catalogue`) to list or render any of them."""

from app.publishing import board  # noqa: F401 (registers the board's year, after every kind made from records)
from app.publishing.catalogue import (
    KINDS,
    RenderedSheet,
    SheetEntry,
    SheetKind,
    UnknownSheetError,
    default_page,
    list_sheets,
    render,
)

__all__ = [
    "KINDS",
    "RenderedSheet",
    "SheetEntry",
    "SheetKind",
    "UnknownSheetError",
    "default_page",
    "list_sheets",
    "render",
]

"""The kinds of sheet, each declared once as data beside the loader that registers it (see `kinds/`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain import board as b
from app.domain.periods import Period
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, ALL_PAGE_SPECS, PageSpec
from app.store import models

PERIODIC = (b.HALF_YEARLY, b.QUARTERLY, b.MONTHLY, b.YEARLY)


class UnknownSheetError(LookupError):
    """The kind or record does not exist; the message is in Chinese."""


@dataclass(frozen=True)
class SheetEntry:
    """A sheet that can be made now: its kind and record, its title, and what the board needs as data."""

    kind: str
    record_id: str
    title: str  # 村名：the sheet's own name
    name: str  # the sheet's own name, as the board's list shows it
    period: Period | None = None  # the period it is made for (a 财务公开's quarter, a 党务公开's half-year …)
    in_force: bool = True  # a standing sheet goes up only while in force (a 村规民约 version once adopted)


def entry(kind: str, record_id, village, name: str, period: Period | None = None, in_force: bool = True) -> SheetEntry:
    return SheetEntry(kind, str(record_id), f"{village.name}：{name}", name, period, in_force)


@dataclass
class RenderedSheet:
    kind: str
    record_id: str
    village_id: str
    title: str
    pdf: bytes
    report: GlyphReport = field(default_factory=GlyphReport)
    village_name: str = ""
    pages: int = 1
    advice: str = ""  # e.g. that a larger paper would keep it on one page

    @property
    def file_name(self) -> str:
        """A suggested file name: the village's name first, so two villages' sheets never collide."""
        name = self.title if self.title.startswith(self.village_name) else f"{self.village_name}-{self.title}"
        return "".join("_" if char in '\\/:*?"<>|' else char for char in name) + ".pdf"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


@dataclass(frozen=True)
class SheetKind:
    kind: str
    label: str
    entries: Callable[..., list[SheetEntry]]  # (village) → the sheets that can be made now
    render: Callable[[str, PageSpec, dt.date], RenderedSheet]  # (record id, paper, today)
    page: PageSpec = A4_PORTRAIT  # the paper it is usually printed on
    papers: tuple[PageSpec, ...] = tuple(ALL_PAGE_SPECS)  # the papers it may be printed on
    duplex: bool = False  # printed on both sides
    panel: str | None = None  # its panel on the 公开栏; None: it does not go on the board
    rhythm: str | None = None  # how often it goes up (domain.board.RHYTHMS); a township may change it
    record_day: Callable[[str], dt.date | None] | None = None  # a one-off notice: the day its record called for it
    period_key: tuple[str, ...] = ()  # the periods (domain.periods kinds) its record ids name: "<村编号>:2026Q1"

    @property
    def on_board(self) -> bool:
        return self.panel is not None

    @property
    def standing(self) -> bool:
        return self.rhythm == b.STANDING


KINDS: dict[str, SheetKind] = {}


def register(kind: SheetKind) -> SheetKind:
    """Adds a kind to the catalogue, refusing a declaration the board could not follow."""
    if kind.kind in KINDS:
        raise ValueError(f"sheet kind {kind.kind} registered twice")
    if kind.page not in kind.papers:
        raise ValueError(f"{kind.kind}: its paper {kind.page} is not among its papers")
    if (kind.panel is None) != (kind.rhythm is None):
        raise ValueError(f"{kind.kind}: a kind on the board declares both its panel and its rhythm")
    if kind.panel is not None and (kind.panel not in b.PANELS or kind.rhythm not in b.RHYTHMS):
        raise ValueError(f"{kind.kind}: unknown panel or rhythm {kind.panel} {kind.rhythm}")
    if kind.rhythm == b.AS_CALLED and kind.record_day is None:
        raise ValueError(f"{kind.kind}: a one-off notice declares the day its record makes it due")
    if kind.rhythm in PERIODIC and not kind.period_key:
        raise ValueError(f"{kind.kind}: a periodic sheet declares the period its records are keyed by")
    KINDS[kind.kind] = kind
    return kind


def list_sheets(village: models.Village | None = None) -> list[SheetEntry]:
    """The sheets that can be made now, village by village (all villages, by name, when none is given)."""
    villages = [village] if village else list(models.Village.select().order_by(models.Village.name))
    return [entry for v in villages for kind in KINDS.values() for entry in kind.entries(v)]


def render(kind: str, record_id: str, page: PageSpec = A4_PORTRAIT, today: dt.date | None = None) -> RenderedSheet:
    if kind not in KINDS:
        raise UnknownSheetError(f"没有“{kind}”这种公示单，可用的有：{'、'.join(KINDS)}")
    return KINDS[kind].render(record_id, page, today or dt.date.today())


def default_page(kind: str) -> PageSpec:
    return KINDS[kind].page if kind in KINDS else A4_PORTRAIT

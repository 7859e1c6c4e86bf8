"""上墙制度 poster: one rule on one page, in the largest type that fits, for the wall."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.board import PERMANENT
from app.notices.fonts import GlyphReport
from app.notices.frame import (
    A4_PORTRAIT,
    PageSpec,
    SheetHeader,
    Typesetter,
    chinese_date,
    fits_on_one_page,
    render_sheet,
)

BODY_SIZES = (22, 20, 18, 16, 15, 14, 13, 12, 11, 10)


@dataclass
class WallRulePoster:
    village_name: str
    title: str
    body: str
    adopted_on: dt.date | None
    supervision_phone: str
    seal_unit: str
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return SheetHeader(
            title=self.title,
            unit=self.seal_unit,
            published_on=self.printed_on,
            period=PERMANENT,
            supervision_phone=self.supervision_phone,
            seal_unit=self.seal_unit,
        )

    def body_flowables(self, ts: Typesetter) -> list:
        flowables = [ts.text(self.body, where="制度正文", firstLineIndent=0)]
        if self.adopted_on:
            flowables += [
                Spacer(1, 4 * mm * ts.scale),
                ts.text(f"本制度自{chinese_date(self.adopted_on)}起施行。", size=ts.body_size * 0.8),
            ]
        return flowables


def body_size_for(poster: WallRulePoster, page: PageSpec) -> float:
    header = poster.header()
    fitting = (size for size in BODY_SIZES if fits_on_one_page(header, poster.body_flowables, page, size))
    return next(fitting, BODY_SIZES[-1])


def render(poster: WallRulePoster, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> bytes:
    return render_sheet(poster.header(), poster.body_flowables, page, body_size_for(poster, page), report)

"""上墙制度 poster: one rule on one page, in the largest type that fits, for the wall (the poster variant)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.board import PERMANENT
from app.notices.fonts import GlyphReport
from app.notices.frame import (
    A4_PORTRAIT,
    BODY_SIZE_FLOOR,
    POSTER,
    PageSpec,
    Rendered,
    SheetHeader,
    Typesetter,
    chinese_date,
    render_sheet,
)

BODY_SIZES = (22, 20, 18, 16, 15, 14, 13, 12, 11, BODY_SIZE_FLOOR)


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
            variant=POSTER,  # a rule on the wall is not a 公示: no period, objection line or seal
        )

    def body_flowables(self, ts: Typesetter) -> list:
        flowables = [ts.text(self.body, where="制度正文", firstLineIndent=0)]
        if self.adopted_on:
            flowables += [
                Spacer(1, 4 * mm * ts.scale),
                ts.text(f"本制度自{chinese_date(self.adopted_on)}起施行。", size=ts.body_size * 0.8),
            ]
        return flowables


def render(poster: WallRulePoster, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(poster.header(), poster.body_flowables, page, BODY_SIZES, report)

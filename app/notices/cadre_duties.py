"""村“两委”班子成员分工: who holds which post and what they look after, posted for the long term.

A poster, not a 公示: no period, objection line or signature. Phones are masked (only the office phone,
the 监督电话, is shown whole).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.board import PERMANENT
from app.domain.masking import mask_phone
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, POSTER, PageSpec, Rendered, SheetHeader, Typesetter, render_sheet


@dataclass
class DutyRow:
    name: str
    posts: str
    duties: str
    phone: str


@dataclass
class CadreDuties:
    village_name: str
    unit: str
    supervision_phone: str
    rows: list[DutyRow]
    notes: list[str]  # 一肩挑 and the like, stated plainly
    printed_on: dt.date

    @property
    def title(self) -> str:
        return f"{self.village_name}“两委”班子成员分工"

    def header(self) -> SheetHeader:
        return SheetHeader(
            title=self.title,
            unit=self.unit,
            published_on=self.printed_on,
            period=PERMANENT,
            supervision_phone=self.supervision_phone,
            seal_unit=self.unit,
            variant=POSTER,
        )

    def body_flowables(self, ts: Typesetter) -> list:
        if not self.rows:
            return [ts.text("尚未登记班子成员的职务。")]
        story = [
            ts.table(
                ["序号", "姓名", "职务", "分工和职责", "联系电话"],
                [
                    [str(n), row.name, row.posts, row.duties, mask_phone(row.phone)]
                    for n, row in enumerate(self.rows, start=1)
                ],
                widths=[0.07, 0.12, 0.22, 0.41, 0.18],
                where="班子成员",
            )
        ]
        if self.notes:
            story += [Spacer(1, 3 * mm * ts.scale), ts.text("；".join(self.notes) + "。", size=11)]
        return story


def render(sheet: CadreDuties, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body_flowables, page, report=report)

"""阵地 self-check sheet: the venues against the area standard, and the checklist with its results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.checklists import completion
from app.domain.values import format_area, format_money
from app.domain.venue import centres_summary, check_area, missing_centres
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, render_sheet, village_notice


@dataclass
class VenueRow:
    name: str
    area: Decimal
    work_type: str
    year: int | None
    investment: Decimal
    centres: dict[str, str]


@dataclass
class CheckRow:
    text: str
    met: bool
    note: str
    photo: Path | None = None  # the photo file, when the item has one


@dataclass
class VenueCheckSheet:
    village_name: str
    unit: str
    supervision_phone: str
    area_standard: Decimal
    venues: list[VenueRow]
    checklist_name: str
    items: list[CheckRow]
    published_on: dt.date

    @property
    def title(self) -> str:
        return f"{self.village_name}活动场所“{self.checklist_name}”标准自查公示"

    def header(self) -> SheetHeader:
        return village_notice(self.title, self.unit, self.published_on, self.supervision_phone)

    def body_flowables(self, ts: Typesetter) -> list:
        gap = Spacer(1, 4 * mm * ts.scale)
        standard = format_area(self.area_standard)
        story = [ts.text(f"一、活动场所（面积标准 {standard} ㎡）", size=13)]
        venue_rows, below = [], []
        for index, venue in enumerate(self.venues):
            check = check_area(venue.area, self.area_standard)
            if not check.meets:
                below.append(index)
            built = f"{venue.work_type} {venue.year or ''}".strip()
            venue_rows.append(
                [
                    venue.name,
                    format_area(venue.area),
                    check.label,
                    built,
                    format_money(venue.investment),
                    centres_summary(venue.centres) or "—",
                ]
            )
        if venue_rows:
            story.append(
                ts.table(
                    ["场所名称", "面积(㎡)", "面积是否达标", "建设类型", "投资(元)", "五大中心及所在房间"],
                    venue_rows,
                    widths=[0.16, 0.09, 0.16, 0.13, 0.14, 0.32],
                    highlight=lambda i: i in below,
                    where="活动场所",
                )
            )
            all_centres: dict[str, str] = {}
            for venue in self.venues:
                all_centres.update(venue.centres)
            lacking = missing_centres(all_centres)
            if lacking:
                story += [gap, ts.text(f"尚未设置的中心：{'、'.join(lacking)}。", size=11)]
        else:
            story.append(ts.text("尚未登记活动场所。", size=11))

        result = completion(item.met for item in self.items)
        story += [gap, ts.text(f"二、“{self.checklist_name}”标准自查（{result.label}）", size=13)]
        rows = [
            [str(number), item.text, "√ 已达到" if item.met else "× 未达到", item.note or ""]
            for number, item in enumerate(self.items, start=1)
        ]
        header, widths = ["序号", "自查项目", "自查结果", "说明"], [0.08, 0.22, 0.15, 0.55]
        if any(item.photo for item in self.items):  # a photo column only when there are photos
            header, widths = [*header, "照片"], [0.08, 0.2, 0.14, 0.4, 0.18]
            cell = ts.text_width * widths[-1] - 12
            for row, item in zip(rows, self.items, strict=True):
                row.append(ts.thumbnail(item.photo, cell, 24 * mm * ts.scale) if item.photo else "")
        story.append(
            ts.table(
                header,
                rows,
                widths=widths,
                highlight=lambda i: not self.items[i].met,
                where="自查项目",
            )
        )
        return story


def render(sheet: VenueCheckSheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body_flowables, page, report=report)

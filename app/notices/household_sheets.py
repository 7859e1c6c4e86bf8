"""分组联片 on paper: a contact's 联系卡 (the households they hold, phones and ID numbers hidden, and their duties)
and the village's 联户公示牌 (网格长 / 联户党员 / the households by 户主's name; the cadre's number only, masked
like every number on a posted sheet)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.masking import mask_phone
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_record, render_sheet

# RESEARCH.md §7: 联系卡 back "收集社情民意、宣传决策决议、掌握家庭状况、做好矛盾调处工作、做好评比推优工作"; 三帮四必到
DUTIES = (
    "收集社情民意，及时向村“两委”反映",
    "宣传党的政策和村里的决策决议",
    "掌握联系户的家庭状况，困难家庭帮在前",
    "邻里矛盾纠纷早发现、早调处",
    "红白大事、生病住院、急难重活、思想波动必到",
)


@dataclass
class HeldHousehold:
    head_name: str
    group_name: str
    members: int
    phone: str
    marks: str


@dataclass
class ContactCard:
    village_name: str
    unit: str
    name: str
    kind: str
    area: str
    cadre: str
    households: list[HeldHousehold]
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}{self.kind}联系户联系卡", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        facts = ts.table(
            ["联系人", "身份", "片区或村民小组", "联系干部（网格长）"],
            [[self.name, self.kind, self.area, self.cadre]],
            widths=[0.22, 0.18, 0.3, 0.3],
            where="联系人",
        )
        rows = [
            [str(n), h.head_name, h.group_name, str(h.members), mask_phone(h.phone), h.marks]
            for n, h in enumerate(self.households, start=1)
        ]
        held = (
            ts.table(
                ["序号", "户主", "村民小组", "人口", "联系电话", "需要关心"],
                rows,
                widths=[0.08, 0.18, 0.16, 0.1, 0.2, 0.28],
                where="联系户",
            )
            if rows
            else ts.text("还没有分配联系户。")
        )
        duties = [ts.text(f"{n}. {duty}", size=11, where="职责") for n, duty in enumerate(DUTIES, start=1)]
        return [
            facts,
            Spacer(1, 4 * mm * ts.scale),
            ts.text(f"联系户 {len(self.households)} 户", size=13, where="联系户"),
            held,
            Spacer(1, 4 * mm * ts.scale),
            ts.text("联系人职责", size=13, where="职责"),
            *duties,
        ]


@dataclass
class Grid:
    cadre: str
    cadre_phone: str
    contacts: list[tuple[str, str, list[str]]]  # (联户人, 身份, 户主 names)


@dataclass
class HouseholdSign:
    village_name: str
    unit: str
    grids: list[Grid]
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}党员联户公示", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        if not self.grids:
            return [ts.text("尚未登记联系人。")]
        rows = []
        for grid in self.grids:
            for number, (name, kind, heads) in enumerate(grid.contacts):
                cadre = f"{grid.cadre}\n{mask_phone(grid.cadre_phone)}".strip() if number == 0 else ""
                rows.append([cadre, f"{name}（{kind}）", "、".join(heads) or "—", str(len(heads))])
        return [
            ts.table(
                ["网格长（联系方式）", "联户人", "联系的农户（户主）", "户数"],
                rows,
                widths=[0.22, 0.2, 0.48, 0.1],
                where="联户",
            ),
            Spacer(1, 3 * mm * ts.scale),
            ts.text("有困难、有诉求，请找联户人或网格长。", size=11, where="说明"),
        ]


def render(sheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

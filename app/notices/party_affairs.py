"""党务公开 (half-yearly by default), made from the records alone: the branch's set-up and who does what,
the membership, the meetings held against those required, the 民主评议 results, the 党费 collected.
Counts and names of posts only: no ID number, phone or address of anyone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.values import format_money
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_notice, render_sheet


@dataclass
class PartyAffairs:
    village_name: str
    branch: str
    supervision_phone: str
    period_label: str  # 2026年下半年
    posts: list[tuple[str, str]]  # (post, names)
    membership: list[tuple[str, str]]  # (what, how many)
    meetings: list[tuple[str, int, int]]  # (kind, required, held)
    appraisal: str
    dues: tuple[Decimal, int]  # collected, members who paid
    published_on: dt.date

    @property
    def title(self) -> str:
        return f"{self.village_name}党支部党务公开（{self.period_label}）"

    def header(self) -> SheetHeader:
        return branch_notice(self.title, self.branch, self.published_on, self.supervision_phone)

    def body(self, ts: Typesetter) -> list:
        gap = Spacer(1, 3 * mm * ts.scale)
        story = [ts.text("一、组织设置和分工", size=12.5)]
        if self.posts:
            story.append(ts.table(["职务", "姓名"], [list(row) for row in self.posts], widths=[0.3, 0.7], where="分工"))
        else:
            story.append(ts.text("（尚未登记支部委员）", size=11))
        half = (len(self.membership) + 1) // 2  # two facts a row keeps the notice on one page
        pairs = [
            [*left, *(self.membership[half + n] if half + n < len(self.membership) else ("", ""))]
            for n, left in enumerate(self.membership[:half])
        ]
        membership = ts.table(["项目", "人数", "项目", "人数"], pairs, widths=[0.35, 0.15, 0.35, 0.15], where="党员")
        story += [gap, ts.text("二、党员队伍", size=12.5), membership]
        rows = [
            [kind, str(required), str(held), "已完成" if held >= required else f"差 {required - held} 次"]
            for kind, required, held in self.meetings
        ]
        story += [
            gap,
            ts.text("三、组织生活", size=12.5),
            ts.table(["会议", "规定次数", "已开次数", "完成情况"], rows, widths=[0.3, 0.2, 0.2, 0.3], where="组织生活"),
        ]
        collected, payers = self.dues
        story += [
            gap,
            ts.text(f"四、民主评议党员：{self.appraisal}", where="评议"),
            gap,
            ts.text(f"五、党费收缴：本期收缴党费 {format_money(collected)} 元，{payers} 名党员交纳。", where="党费"),
        ]
        return story


def render(sheet: PartyAffairs, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

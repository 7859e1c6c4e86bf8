"""The 低保 民主评议 公示: the meeting (date, panel, attendance, validity), then per household only 户主姓名, 保障
人数, 类别 and the 评议结果 — or the 月保障金额 once approved — never an address, a full ID number, incomes or a
bank account; the period with its end date; objections with their answers (who raised them: surname only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.notices.fonts import GlyphReport
from app.notices.frame import (
    A4_PORTRAIT,
    PageSpec,
    Rendered,
    SheetHeader,
    Typesetter,
    chinese_date,
    render_sheet,
    village_notice,
)


def surname_only(name: str) -> str:
    return f"{name[0]}某" if name else "匿名"


@dataclass
class DibaoNotice:
    village_name: str
    unit: str
    supervision_phone: str
    meeting: str  # the meeting in one sentence
    rows: list[list[str]]  # 户主姓名, 保障人数, 类别, 评议结果 or 月保障金额
    approved: bool  # the last column is the amount
    starts: dt.date
    ends: dt.date
    days_text: str
    objections: list[list[str]] = field(default_factory=list)  # 收到日期, 反映人, 内容, 答复

    def header(self) -> SheetHeader:
        header = village_notice(
            f"{self.village_name}最低生活保障{'审批结果' if self.approved else '民主评议结果'}公示",
            self.unit,
            self.starts,
            self.supervision_phone,
        )
        header.period = f"{self.days_text}（{chinese_date(self.starts)}至{chinese_date(self.ends)}）"
        return header

    def body(self, ts: Typesetter) -> list:
        rows = [[str(n), *row] for n, row in enumerate(self.rows, start=1)]
        last = "月保障金额(元)" if self.approved else "评议结果"
        flow = [
            ts.text(self.meeting, where="评议会"),
            Spacer(1, 3 * mm * ts.scale),
            ts.table(
                ["序号", "户主姓名", "保障人数", "类别", last], rows, widths=[0.1, 0.25, 0.15, 0.25, 0.25], where="名单"
            )
            if rows
            else ts.text("本次没有评议的申请户。"),
        ]
        if self.objections:
            flow += [
                Spacer(1, 3 * mm * ts.scale),
                ts.text("公示期间的异议及答复", size=13, where="异议"),
                ts.table(
                    ["收到日期", "反映人", "异议内容", "答复"],
                    self.objections,
                    widths=[0.16, 0.12, 0.34, 0.38],
                    where="异议",
                ),
            ]
        return flow


def render(sheet: DibaoNotice, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

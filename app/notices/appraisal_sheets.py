"""民主评议党员 sheets: the 测评表 handed out at the meeting (every member's name and four columns to tick,
as the 2018 template has it) and the year's result. Neither is a 公示: no period, no seal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.appraisal import GRADES
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_record, render_sheet

BALLOT_NOTE = (
    "填表说明：请按照“优秀”“合格”“基本合格”“不合格”四种等次，以无记名方式对支部党员进行测评，"
    "在党员姓名右边相应的空格内划“√”，每人只划一格。预备党员参加评议，不评定等次。"
)


@dataclass
class AppraisalRow:
    name: str
    probationary: bool
    votes: tuple[int, int, int, int]
    grade: str
    follow_up: str


@dataclass
class AppraisalSheet:
    branch: str
    year: int
    rows: list[AppraisalRow]
    printed_on: dt.date

    def header(self, title: str) -> SheetHeader:
        return branch_record(title, self.branch, self.printed_on)


def render_ballot(sheet: AppraisalSheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    def body(ts: Typesetter) -> list:
        graded = [row for row in sheet.rows if not row.probationary]
        rows = [[str(n), row.name, "", "", "", "", ""] for n, row in enumerate(graded, start=1)]
        return [
            ts.text(BALLOT_NOTE, size=10.5, where="说明"),
            Spacer(1, 3 * mm * ts.scale),
            ts.table(
                ["序号", "姓名", *GRADES, "存在问题"],
                rows,
                widths=[0.08, 0.16, 0.12, 0.12, 0.14, 0.12, 0.26],
                where="测评",
            ),
        ]

    title = f"{sheet.year}年度民主评议党员测评表"
    return render_sheet(sheet.header(title), body, page, report=report)


def render_result(sheet: AppraisalSheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    def body(ts: Typesetter) -> list:
        rows = [
            [
                str(n),
                row.name,
                *(str(vote) for vote in row.votes),
                row.grade or ("不评定（预备党员）" if row.probationary else "未定"),
                row.follow_up,
            ]
            for n, row in enumerate(sheet.rows, start=1)
        ]
        counted = [row.grade for row in sheet.rows if row.grade]
        summary = "，".join(f"{grade} {counted.count(grade)} 人" for grade in GRADES)
        return [
            ts.text(f"参评党员 {len(sheet.rows)} 人，其中评定等次 {len(counted)} 人：{summary}。", where="统计"),
            Spacer(1, 3 * mm * ts.scale),
            ts.table(
                ["序号", "姓名", *(f"{grade}票" for grade in GRADES), "等次", "处置"],
                rows,
                widths=[0.07, 0.14, 0.1, 0.1, 0.12, 0.1, 0.19, 0.18],
                where="结果",
            ),
        ]

    title = f"{sheet.year}年度民主评议党员结果"
    return render_sheet(sheet.header(title), body, page, report=report)

"""Training on paper: one session's record (when, where, what, by whom, how, how long, who came and their test
scores; trainers' phones never printed) and the year's summary (the sessions, then each person's sessions and
hours against the year's target, those short of it marked)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_record, render_sheet


@dataclass
class SessionRecord:
    village_name: str
    unit: str
    facts: list[tuple[str, str]]  # (培训时间, 2026-03-12) …
    trainers: list[list[str]]  # 姓名, 单位, 擅长
    trainees: list[list[str]]  # 姓名, 身份, 测试成绩
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}党员干部教育培训记录", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        facts = [[label, value] for label, value in self.facts]
        flow = [ts.table(["项目", "内容"], facts, widths=[0.22, 0.78], where="培训")]
        if self.trainers:
            flow += [
                Spacer(1, 3 * mm * ts.scale),
                ts.table(["授课人", "单位", "擅长领域"], self.trainers, widths=[0.22, 0.4, 0.38], where="授课人"),
            ]
        flow.append(Spacer(1, 3 * mm * ts.scale))
        if self.trainees:
            rows = [[str(n), *row] for n, row in enumerate(self.trainees, start=1)]
            flow.append(
                ts.table(
                    ["序号", "参训人员", "身份", "测试成绩"],
                    rows,
                    widths=[0.1, 0.3, 0.35, 0.25],
                    where="参训",
                    right=(3,),
                )
            )
            flow.append(ts.text(f"参训 {len(self.trainees)} 人。", size=11, where="参训"))
        else:
            flow.append(ts.text("还没有登记参训人员。"))
        return flow


@dataclass
class YearSummary:
    village_name: str
    unit: str
    year: int
    target: str  # 32 学时
    sessions: list[list[str]]  # 日期, 主题, 方式, 授课人, 学时, 参训人数
    people: list[list[str]]  # 姓名, 身份, 参训次数, 学时, 平均成绩, 是否达标
    short: list[bool]  # which people are short of the target
    printed_on: dt.date

    def header(self) -> SheetHeader:
        return branch_record(f"{self.village_name}{self.year}年党员干部教育培训汇总", self.unit, self.printed_on)

    def body(self, ts: Typesetter) -> list:
        if not self.sessions:
            return [ts.text(f"{self.year}年还没有培训记录。")]
        sessions = [[str(n), *row] for n, row in enumerate(self.sessions, start=1)]
        people = [[str(n), *row] for n, row in enumerate(self.people, start=1)]
        short = sum(self.short)
        return [
            ts.text(f"一、培训班次（共 {len(self.sessions)} 次）", size=13, where="班次"),
            ts.table(
                ["序号", "日期", "培训主题", "方式", "授课人", "学时", "参训人数"],
                sessions,
                widths=[0.07, 0.14, 0.3, 0.12, 0.19, 0.08, 0.1],
                size=10.5,
                where="班次",
                right=(5, 6),
            ),
            Spacer(1, 4 * mm * ts.scale),
            ts.text(
                f"二、个人学时（年度要求不少于 {self.target}；未达到的 {short} 人，底色标出）", size=13, where="学时"
            ),
            ts.table(
                ["序号", "姓名", "身份", "参训次数", "学时", "平均成绩", "是否达标"],
                people,
                widths=[0.08, 0.16, 0.22, 0.12, 0.12, 0.14, 0.16],
                size=10.5,
                highlight=lambda index: self.short[index],
                where="学时",
                right=(3, 4, 5),
            ),
        ]


def render(sheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body, page, report=report)

"""发展对象公示: the people the branch means to take as 发展对象, posted for 7 days before it decides.

What is posted is what the 发展党员工作细则 asks the public to judge: name, sex, birth month, ethnicity,
education, when each applied and became an 积极分子. Never an ID number, a phone or an address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.members import CANDIDATE_NOTICE_DAYS
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_notice, render_sheet


@dataclass
class Candidate:
    name: str
    gender: str
    birth_date: dt.date | None
    ethnicity: str
    education: str
    applied_on: dt.date | None
    activist_on: dt.date | None
    occupation: str


@dataclass
class CandidateNotice:
    village_name: str
    unit: str
    supervision_phone: str
    candidates: list[Candidate]
    published_on: dt.date
    days: int = CANDIDATE_NOTICE_DAYS

    @property
    def title(self) -> str:
        return f"{self.village_name}党支部发展对象公示"

    def header(self) -> SheetHeader:
        branch = f"中共{self.village_name}支部委员会"
        return branch_notice(self.title, branch, self.published_on, self.supervision_phone, self.days)

    def body_flowables(self, ts: Typesetter) -> list:
        month = lambda day: f"{day.year}.{day.month:02d}" if day else ""  # noqa: E731
        story = [
            ts.text(
                f"经党支部委员会研究，拟将以下 {len(self.candidates)} 名同志列为发展对象，现予公示。"
                "公示期间，党员和群众可通过来信、来电、来访等方式向党支部反映情况。",
                where="说明",
            ),
            Spacer(1, 4 * mm * ts.scale),
        ]
        rows = [
            [
                str(number),
                c.name,
                c.gender,
                month(c.birth_date),
                c.ethnicity,
                c.education,
                c.occupation,
                month(c.applied_on),
                month(c.activist_on),
            ]
            for number, c in enumerate(self.candidates, start=1)
        ]
        if not rows:
            return [*story, ts.text("目前没有发展对象。", size=11)]
        story.append(
            ts.table(
                ["序号", "姓名", "性别", "出生年月", "民族", "学历", "职业", "申请入党时间", "确定为积极分子时间"],
                rows,
                widths=[0.06, 0.12, 0.07, 0.11, 0.08, 0.09, 0.13, 0.16, 0.18],
                where="发展对象",
            )
        )
        return story


def render(sheet: CandidateNotice, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(), sheet.body_flowables, page, report=report)

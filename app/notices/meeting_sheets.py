"""Sheets of one meeting: the 签到表 printed before it, and the 会议记录 kept in the archive.

Neither is posted on the board: they carry no 公开期限 and no seal (the poster frame), and the record
ends with the 主持人's and 记录人's signatures. A record entered late says 补录 and when, on the paper.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.domain.dates import chinese_date
from app.notices.fonts import GlyphReport
from app.notices.frame import A4_PORTRAIT, PageSpec, Rendered, SheetHeader, Typesetter, branch_record, render_sheet


@dataclass
class Attendee:
    name: str
    category: str  # 正式党员 / 预备党员
    present: bool | None = None  # None on a sign-in sheet (not yet known)
    reason: str = ""


@dataclass
class MeetingSheet:
    branch: str  # 中共××村支部委员会
    kind: str
    held_on: dt.date
    place: str
    host: str
    recorder: str
    topics: str
    attendees: list[Attendee]
    minutes: str = ""
    decisions: str = ""
    observers: str = ""
    validity: str = ""
    result: str = ""
    late: str = ""  # 补录（… 录入）
    votes: str = ""
    printed_on: dt.date = field(default_factory=dt.date.today)

    def header(self, title: str) -> SheetHeader:
        return branch_record(title, self.branch, self.printed_on)

    def facts(self, ts: Typesetter) -> list:
        rows = [
            ["会议类型", self.kind, "时间", chinese_date(self.held_on)],
            ["地点", self.place, "主持人", self.host],
            ["记录人", self.recorder, "列席", self.observers or "—"],
        ]
        return [
            ts.table(["项目", "内容", "项目", "内容"], rows, widths=[0.14, 0.36, 0.14, 0.36], where="会议"),
            Spacer(1, 3 * mm * ts.scale),
        ]


def sign_in_flowables(sheet: MeetingSheet):
    def body(ts: Typesetter) -> list:
        story = sheet.facts(ts)
        story.append(ts.text(f"议题：{sheet.topics or '（会上确定）'}", where="议题"))
        story.append(Spacer(1, 3 * mm * ts.scale))
        rows = [[str(n), a.name, a.category, "", ""] for n, a in enumerate(sheet.attendees, start=1)]
        story.append(
            ts.table(
                ["序号", "姓名", "类别", "签到（本人签名）", "备注"],
                rows,
                widths=[0.08, 0.2, 0.2, 0.32, 0.2],
                size=13,  # rows tall enough to sign in
                where="签到",
            )
        )
        story += [Spacer(1, 3 * mm * ts.scale), ts.text(f"应到 {len(rows)} 人，实到＿＿人。", size=11)]
        return story

    return body


def minutes_flowables(sheet: MeetingSheet):
    def body(ts: Typesetter) -> list:
        gap = Spacer(1, 3 * mm * ts.scale)
        story = []
        if sheet.late:
            story += [ts.text(f"【{sheet.late}】", size=11, textColor="#b00020"), gap]
        story += sheet.facts(ts)
        present = [a.name for a in sheet.attendees if a.present]
        absent = [f"{a.name}（{a.reason}）" if a.reason else a.name for a in sheet.attendees if a.present is False]
        story.append(
            ts.text(
                f"应到 {len(sheet.attendees)} 人，实到 {len(present)} 人。出席：{'、'.join(present) or '无'}。"
                f"缺席：{'、'.join(absent) or '无'}。",
                where="出席",
            )
        )
        if sheet.validity:
            story.append(ts.text(sheet.validity + "。", size=11))
        for label, text in (("议题", sheet.topics), ("发言要点", sheet.minutes), ("决议", sheet.decisions)):
            story += [gap, ts.text(f"{label}：", size=12.5), ts.text(text or "无", where=label)]
        if sheet.votes:
            story += [gap, ts.text(f"表决：{sheet.votes}。{sheet.result}", where="表决")]
        story += [
            gap,
            ts.text("散会。"),
            Spacer(1, 6 * mm * ts.scale),
            ts.text("主持人（签字）：＿＿＿＿＿＿＿＿　　记录人（签字）：＿＿＿＿＿＿＿＿"),
        ]
        return story

    return body


def render_sign_in(sheet: MeetingSheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(f"{sheet.kind}签到表"), sign_in_flowables(sheet), page, report=report)


def render_minutes(sheet: MeetingSheet, page: PageSpec = A4_PORTRAIT, report: GlyphReport | None = None) -> Rendered:
    return render_sheet(sheet.header(f"{sheet.kind}会议记录"), minutes_flowables(sheet), page, report=report)

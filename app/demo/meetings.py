"""The demo villages' party life this year: 支委会 and 主题党日 monthly, 党员大会 and 党课 quarterly, 党小组会,
with attendance from the roster. Gaps are left on purpose (涌溪村 skipped a 支委会; 芽溪村 has no 党课
yet), and one record was entered late, so the calendar and the 补录 mark have something to show."""

from __future__ import annotations

import datetime as dt
import random

from app.domain import meetings as mt
from app.store import meetings as store
from app.store import models, records

TOPICS = {
    mt.GENERAL: ("讨论村集体经济合作社年度分红方案", "研究确定发展对象", "学习贯彻党的二十届四中全会精神"),
    mt.COMMITTEE: ("研究本月党建工作安排", "研究困难党员慰问名单", "研究“四议两公开”提议事项", "研究秋收防火工作"),
    mt.GROUP: ("学习党章第二章", "谈心谈话，交流思想", "组织党员志愿服务"),
    mt.LECTURE: ("书记讲党课：发挥党员先锋模范作用", "廉政党课：守住底线", "乡村振兴政策解读"),
    mt.THEME_DAY: ("重温入党誓词，开展环境整治", "走访慰问老党员", "学习先进典型，清扫村道"),
}
ABSENCE_REASONS = ("外出务工", "生病住院", "照顾家人", "赶集未归")


def add_demo_meetings(village: models.Village, village_index: int, today: dt.date) -> None:
    rng = random.Random(700 + village_index)
    plan: list[tuple[str, dt.date, str]] = []
    for month in range(1, today.month + 1):
        if not (village_index == 0 and month == 4):  # 涌溪村 skipped April's 支委会
            plan.append((mt.COMMITTEE, dt.date(today.year, month, 5), ""))
        plan.append((mt.THEME_DAY, dt.date(today.year, month, 10), ""))
        for group in ("第一党小组", "第二党小组", "第三党小组")[: 3 - month % 2]:
            plan.append((mt.GROUP, dt.date(today.year, month, 18), group))
        if month % 3 == 0 or month == today.month:
            plan.append((mt.GENERAL, dt.date(today.year, month, 20), ""))
            if village_index != 1:  # 芽溪村 has held no 党课 yet
                plan.append((mt.LECTURE, dt.date(today.year, month, 22), ""))
    plan = [entry for entry in plan if entry[1] < today]
    meetings, attendance, expected = [], [], {}
    for number, (kind, held_on, group) in enumerate(plan):
        late = number == 3  # one record entered two weeks after the meeting
        meeting = models.Meeting(
            village=village,
            kind=kind,
            held_on=held_on,
            place="村党员活动室",
            host="支部书记",
            recorder="支部组织委员",
            party_group=group,
            topics=rng.choice(TOPICS[kind]),
            minutes="与会党员逐一发言，结合本村实际提出意见建议。",
            decisions="会议同意议题所提方案。" if kind == mt.GENERAL else "",
            entered_on=held_on + dt.timedelta(days=14 if late else 1),
        )
        if (kind, group) not in expected:  # the roster stays as it is through the demo year
            expected[kind, group] = store.expected_people(village, kind, group, today)
        people = expected[kind, group]
        at_most = 1 if kind == mt.COMMITTEE else 3  # a 支委会 goes ahead with its 委员 present
        absent = set(rng.sample([p.id for p in people], k=min(len(people), rng.randrange(0, at_most + 1))))
        voters = sum(store.has_a_vote(p, kind, held_on) for p in people if p.id not in absent)
        if kind == mt.GENERAL:
            meeting.votes_for, meeting.votes_against, meeting.votes_abstain = max(voters - 1, 0), 0, min(voters, 1)
        meetings.append(meeting)
        attendance += [
            models.Attendance(
                village=village,
                meeting=meeting,
                member=person,
                status=mt.ABSENT if person.id in absent else mt.PRESENT,
                reason=rng.choice(ABSENCE_REASONS) if person.id in absent else "",
            )
            for person in people
        ]
    records.create_many(meetings)
    records.create_many(attendance)

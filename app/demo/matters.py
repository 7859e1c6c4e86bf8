"""The demo villages' 四议两公开 matters, each taken through the program's own step rules: a road finished
and published, a dividend decided by the 村民会议 and its resolution published, and a subsidy that the
两委 did not pass (for the clerk to end it or send it back)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain import four_two as f
from app.domain import meetings as mt
from app.store import four_two, models, records


def _meeting_step(number: int, matter, day: dt.date, content: str, **extra) -> None:
    village = matter.village
    body, basis = extra.get("body", ""), extra.get("basis", "")
    expected = four_two.expected_at(village, number, day, body, basis)
    present = extra.pop("present", expected)
    votes_for = extra.pop("votes_for", present)
    four_two.record_step(
        matter,
        {
            "held_on": day,
            "form": f.DEFAULT_FORMS[number] if number != 4 else body,
            "content": content,
            "present": present,
            "votes_for": votes_for,
            **extra,
        },
    )


def _new_matter(village: models.Village, **values) -> models.Matter:
    matter = models.Matter(village=village, **values)
    records.save(matter)
    return models.Matter.get_by_id(matter.id)  # as stored (amounts to the 分), as the list would show it


def add_demo_matters(village: models.Village, today: dt.date) -> None:
    general = list(
        models.Meeting.select()
        .where((models.Meeting.village == village) & (models.Meeting.kind == mt.GENERAL))
        .order_by(models.Meeting.held_on)
    )
    if len(general) < 2 or general[1].held_on + dt.timedelta(days=12) >= today:
        return  # too early in the year for a matter to have gone far
    road = _new_matter(
        village,
        title="村道硬化工程",
        category="重要项目建设",
        origin="村干部提议",
        planned_amount=Decimal("380000"),
    )
    first = general[0].held_on
    _meeting_step(1, road, first - dt.timedelta(days=10), "提议硬化通组公路2.3公里")
    _meeting_step(2, road, first - dt.timedelta(days=7), "同意提议，按一事一议筹资")
    four_two.record_step(road, {"meeting": general[0], "form": "党员大会", "township_staff": "乡党委组织委员"})
    reps = village.representatives
    _meeting_step(
        4,
        road,
        first + dt.timedelta(days=3),
        "通过村道硬化工程实施方案",
        body=f.REPRESENTATIVES,
        present=reps - 2,
        votes_for=reps - 4,
        votes_against=1,
        votes_abstain=1,
        township_staff="乡农业服务中心",
    )
    four_two.record_step(
        road, {"held_on": first + dt.timedelta(days=5), "form": "公开栏公示", "content": "决议公开7天"}
    )
    four_two.record_step(
        road,
        {
            "held_on": min(today, first + dt.timedelta(days=120)),
            "form": "公开栏公示",
            "content": "已完工，路面宽4.5米",
            "spent": Decimal("372500"),
            "acceptance": "乡镇组织验收合格",
            "supervision": "监委会全程监督，无异议",
        },
    )
    dividend = _new_matter(
        village,
        title="合作社年度收益分配",
        category="集体经济收益使用",
        origin="党员群众建议",
        planned_amount=Decimal("52000"),
    )
    second = general[1].held_on
    _meeting_step(1, dividend, second - dt.timedelta(days=9), "提议按户分配合作社收益")
    _meeting_step(2, dividend, second - dt.timedelta(days=6), "商议分配方案")
    four_two.record_step(dividend, {"meeting": general[1], "form": "党员大会"})
    households = village.households
    _meeting_step(
        4,
        dividend,
        second + dt.timedelta(days=4),
        "通过收益分配方案",
        body=f.VILLAGERS,
        basis=f.HOUSEHOLDS,
        present=households * 3 // 4,
        votes_for=households * 3 // 4 - 10,
        votes_against=6,
        votes_abstain=4,
    )
    four_two.record_step(
        dividend, {"held_on": second + dt.timedelta(days=6), "form": "公开栏公示", "content": "决议公开7天"}
    )
    subsidy = _new_matter(
        village, title="公益岗位补贴标准调整", category="重要救助和补贴发放", origin="上级党委政府安排"
    )
    _meeting_step(1, subsidy, second + dt.timedelta(days=8), "提议提高公益岗位补贴")
    _meeting_step(
        2, subsidy, second + dt.timedelta(days=10), "两委多数认为资金来源未落实", votes_for=1, votes_against=3
    )

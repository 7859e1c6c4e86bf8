"""A demo township (镇远县涌溪乡) with varied, realistic records, so a newcomer sees a living program."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from app.demo.board import add_demo_board
from app.demo.cadres import add_demo_cadres
from app.demo.compacts import add_demo_compacts
from app.demo.dibao import add_demo_dibao
from app.demo.economy import add_demo_economy, add_demo_training
from app.demo.households import add_demo_households
from app.demo.matters import add_demo_matters
from app.demo.meetings import add_demo_meetings
from app.demo.money import add_demo_money
from app.demo.people import add_demo_people
from app.demo.review import add_demo_review
from app.demo.services import add_demo_services
from app.domain import wall_rules
from app.store import models, records
from app.store.transactions import write_transaction
from app.store.villages import checklist_items, create_village, first_village, has_data, replace_checklist


class NotEmptyError(RuntimeError):
    pass


VILLAGES = [
    # name, households, adults, representatives, phone, venue (name, area, type, year, investment, centres)
    (
        "涌溪村",
        412,
        1268,
        35,
        "0855-5721234",
        (
            "涌溪村村级活动场所",
            "460",
            "新建",
            2016,
            "820000.00",
            {
                "党员活动中心": "二楼201室",
                "村民议事中心": "二楼会议室",
                "便民服务中心": "一楼大厅",
                "教育培训中心": "二楼202室",
                "文化娱乐中心": "一楼文化室及院坝",
            },
        ),
    ),
    (
        "芽溪村",
        286,
        903,
        27,
        "0855-5721234",
        (
            "芽溪村活动室",
            "260",
            "改建",
            2015,
            "185000.00",
            {"党员活动中心": "原村小教学楼二楼", "便民服务中心": "一楼东侧", "文化娱乐中心": "操场"},
        ),
    ),
    (
        "铁山村",
        355,
        1102,
        31,
        "0855-5721234",
        (
            "铁山村综合服务楼",
            "408.5",
            "扩建",
            2017,
            "430500.00",
            {
                "党员活动中心": "三楼",
                "村民议事中心": "三楼会议室",
                "便民服务中心": "一楼",
                "教育培训中心": "二楼远教室",
            },
        ),
    ),
    (
        "塘头村",
        198,
        611,
        21,
        "0855-5721234",
        (
            "塘头村活动场所",
            "352",
            "改建",
            2016,
            "268000.00",
            {"党员活动中心": "二楼", "村民议事中心": "二楼", "便民服务中心": "一楼"},
        ),
    ),
]

FACILITIES = [
    ("办公电脑", 3, "联想 启天M415", "11400.00", dt.date(2019, 4, 12), "在用"),
    ("激光打印机", 1, "惠普 M405d", "2380.00", dt.date(2019, 4, 12), "在用"),
    ("远程教育播放设备", 1, "海信 55寸一体机", "6800.00", dt.date(2017, 9, 3), "维修中"),
    ("会议桌椅", 40, "钢木 1.8米", "9600.00", dt.date(2016, 11, 20), "在用"),
    ("农家书屋书架", 6, "五层钢制", "3120.00", dt.date(2016, 11, 20), "在用"),
    ("广播音响", 1, "村村通 IP广播", "4500.00", dt.date(2018, 6, 8), "闲置"),
    ("消防器材", 8, "4kg干粉灭火器", "960.00", dt.date(2021, 3, 15), "在用"),
    ("旧复印机", 1, "东芝 e-STUDIO", "5200.00", dt.date(2012, 5, 2), "已报废"),
]

ACTIVITIES = [
    (dt.date(2026, 3, 12), "名城讲堂", "学习贯彻全国两会精神", "乡党委 杨光明", 56, "村民议事中心"),
    (dt.date(2026, 4, 8), "道德讲堂", "孝老爱亲好家风", "退休教师 吴秀英", 73, "文化娱乐中心"),
    (dt.date(2026, 5, 20), "农家书屋", "春耕科技书籍借阅日", "文书 潘志刚", 31, "农家书屋"),
    (dt.date(2026, 6, 16), "电影下乡", "放映《我和我的家乡》", "县电影公司放映队", 120, "村委会院坝"),
    (dt.date(2026, 7, 1), "理论下乡", "庆祝建党105周年专题党课", "支部书记 龙德华", 48, "党员活动中心"),
    (dt.date(2026, 8, 22), "文化下乡", "苗族歌舞文艺汇演", "县文工团", 210, "村文化广场"),
    (dt.date(2026, 9, 18), "理论下乡", "防返贫政策宣讲", "驻村第一书记 张亮", 64, "村民议事中心"),
    (dt.date(2026, 10, 25), "道德讲堂", "移风易俗 婚事新办", "乡司法所 刘静", 58, "村民议事中心"),
]

RULES = [
    ("村民自治章程和村规民约", dt.date(2021, 3, 1), wall_rules.CURRENT),
    ("村委会工作制度", dt.date(2021, 3, 1), wall_rules.CURRENT),
    ("村务监督委员会工作制度", dt.date(2021, 3, 1), wall_rules.CURRENT),
    ("四议两公开工作制度", dt.date(2022, 5, 10), wall_rules.CURRENT),
    ("村级财务管理制度", dt.date(2022, 1, 6), wall_rules.CURRENT),
    ("印章使用管理制度", dt.date(2019, 8, 1), wall_rules.CURRENT),
    ("入党誓词", None, wall_rules.CURRENT),
]


Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being made now)


def populate_demo(today: dt.date | None = None, progress: Progress | None = None) -> list[models.Village]:
    """Fills an empty database with the demo township; refuses one that holds data. It takes a few seconds:
    `progress`, if given, is told before each step (a feature of a village), for a progress bar."""
    if has_data():
        raise NotEmptyError("数据库里已有村的资料，演示数据只能放进空的数据库。")
    today = today or dt.date.today()
    created = []
    steps = _village_steps(today)
    total = len(VILLAGES) * len(steps) + 1
    with write_transaction():
        for index, (name, households, adults, reps, phone, venue) in enumerate(VILLAGES):
            if progress:
                progress(index * len(steps), total, f"{name}：村庄信息")
            village = create_village(
                name=name,
                township="涌溪乡",
                county="镇远县",
                households=households,
                adult_population=adults,
                representatives=reps,
                supervision_phone=phone,
            )
            created.append(village)
            _venue(village, venue)
            for number, (title, add) in enumerate(steps):
                if progress and number:
                    progress(index * len(steps) + number, total, f"{name}：{title}")
                add(village, index)
        # the village the program opens on has a board history; the others start theirs
        opened_on = first_village()
        if progress:
            progress(total - 1, total, f"{opened_on.name}：公开栏")
        add_demo_board(opened_on, today)
    if progress:
        progress(total, total, "完成")
    return created


def _village_steps(today: dt.date) -> list[tuple[str, Callable]]:
    """What each demo village is given, in order (later steps read what the earlier ones made)."""
    return [
        ("阵地", _positions),
        ("党员", lambda village, index: add_demo_people(village, index, today)),
        ("班子", lambda village, index: add_demo_cadres(village, index)),
        ("三会一课", lambda village, index: add_demo_meetings(village, index, today)),
        ("民主评议和党费", lambda village, index: add_demo_review(village, index, today)),
        ("四议两公开", lambda village, index: add_demo_matters(village, today)),
        ("村级财务", lambda village, index: add_demo_money(village, index, today)),
        ("村规民约", lambda village, index: add_demo_compacts(village, index, today)),
        ("农户", lambda village, index: add_demo_households(village, index, today)),
        ("便民服务", lambda village, index: add_demo_services(village, index, today)),
        ("低保评议", lambda village, index: add_demo_dibao(village, index, today)),
        ("集体经济", lambda village, index: add_demo_economy(village, index, today)),
        ("教育培训", lambda village, index: add_demo_training(village, today)),
    ]


def _positions(village, index: int) -> None:
    _checklist(village, index)
    _facilities(village, index)
    _rules(village, index)
    _activities(village, index)


def _venue(village, venue) -> None:
    name, area, work_type, year, investment, centres = venue
    records.save(
        models.Venue(
            village=village,
            name=name,
            area=Decimal(area),
            work_type=work_type,
            year=year,
            investment=Decimal(investment),
            centres=centres,
        )
    )


def _checklist(village, index: int) -> None:
    if index == 2:  # one village has been switched to the 六有 list by the township
        replace_checklist(village, "六有")
    met_notes = [
        "功能布局规范",
        "牌子已按统一样式更换",
        "设备齐全能用",
        "制度已精简为9项上墙",
        "讲堂每月一次",
        "书报每季度更新",
    ]
    for position, item in enumerate(checklist_items(village)):
        item.met = (position + index) % 4 != 3
        item.note = met_notes[position % len(met_notes)] if item.met else "正在整改，预计年底完成"
        records.save(item)


def _facilities(village, index: int) -> None:
    for number, (name, quantity, model, amount, bought, status) in enumerate(FACILITIES):
        if (number + index) % 5 == 4:
            continue
        records.save(
            models.Facility(
                village=village,
                name=name,
                quantity=quantity,
                model_number=model,
                amount=Decimal(amount),
                purchased_on=bought,
                status=status,
            )
        )


def _rules(village, index: int) -> None:
    saved = {}
    for title, adopted, status in RULES[: len(RULES) - index % 2]:
        rule = models.WallRule(
            village=village, title=title, body=wall_rules.TYPICAL_RULES[title], adopted_on=adopted, status=status
        )
        records.save(rule)
        saved[title] = rule
    old = models.WallRule(
        village=village,
        title="计划生育管理制度",
        body="（2015年旧制度，已按要求废止）",
        adopted_on=dt.date(2012, 3, 1),
        status=wall_rules.RETIRED,
    )
    records.save(old)
    merged = models.WallRule(
        village=village,
        title="村务公开制度",
        body="村务公开内容并入四议两公开工作制度执行。",
        adopted_on=dt.date(2015, 6, 1),
        status=wall_rules.MERGED,
        merged_into=saved["四议两公开工作制度"],
    )
    records.save(merged)


def _activities(village, index: int) -> None:
    for number, (held_on, kind, topic, speaker, attendance, place) in enumerate(ACTIVITIES):
        if (number + index) % 3 == 2 and index:
            continue
        records.save(
            models.OutreachActivity(
                village=village,
                held_on=held_on,
                kind=kind,
                topic=topic,
                speaker=speaker,
                attendance=attendance - index * 5,
                place=place,
            )
        )

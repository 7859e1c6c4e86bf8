"""The demo villages' people: party members of all ages and statuses and the pipeline before them.

Names are varied (the surnames of 镇远县's 汉、苗、侗 families), one holds a rare character (䶮, CJK
Extension A) so sheets and fields show that it prints; ID numbers carry a correct check character.
"""

from __future__ import annotations

import datetime as dt
import random

from app.domain import members as m
from app.domain.members import add_years
from app.domain.values import id_check_char, years_between
from app.store import models, records

SURNAMES = "吴杨龙潘张王石刘姚邰欧田罗胡万蒋"
MEN = ["光明", "德荣", "正华", "国强", "志刚", "文斌", "永福", "建军", "明亮", "学军", "家顺", "再兴", "培", "云"]
WOMEN = ["秀英", "金花", "玉兰", "春梅", "小燕", "桂芳", "丽娟", "海燕", "红梅", "晓雪"]
RARE_NAME = "䶮"  # U+4DAE, CJK Extension A
OCCUPATIONS = ["务农", "务农", "务农", "个体经营", "外出务工", "退休", "村干部", "教师", "合作社", "学生"]
COUNTY_CODE = "522625"  # 镇远县


def _id_number(rng: random.Random, born: dt.date, woman: bool) -> str:
    sequence = rng.randrange(10, 99) * 10 + rng.choice([0, 2, 4, 6, 8] if woman else [1, 3, 5, 7, 9])
    first_17 = f"{COUNTY_CODE}{born:%Y%m%d}{sequence:03d}"
    return first_17 + id_check_char(first_17)


def _person(rng: random.Random, number: int, village_index: int, today: dt.date) -> dict:
    woman = number % 3 == 1
    names = WOMEN if woman else MEN
    given = RARE_NAME if (village_index, number) == (0, 3) else names[(number * 3 + village_index * 5) % len(names)]
    born = dt.date(today.year - rng.randrange(19, 86), rng.randrange(1, 13), rng.randrange(1, 29))
    return {
        "name": SURNAMES[(number + village_index * 3) % len(SURNAMES)] + given,
        "gender": "女" if woman else "男",
        "ethnicity": ["汉族", "苗族", "侗族"][number % 3],
        "birth_date": born,
        "id_number": _id_number(rng, born, woman),
        "education": m.EDUCATIONS[rng.randrange(1, 6)],
        "party_group": f"第{'一二三'[number % 3]}党小组",
        "phone": f"1{rng.choice('3578')}{rng.randrange(10**8, 10**9)}",
        "address": f"涌溪乡{number % 6 + 1}组{rng.randrange(1, 80)}号",
        "occupation": "学生" if today.year - born.year < 23 else rng.choice(OCCUPATIONS[:-1]),
    }


def _pipeline_dates(stage: str, born: dt.date, today: dt.date, rng: random.Random) -> dict:
    """Dates of each stage reached, each after the one before; 转正 one year after 入党."""
    days = lambda low, high: dt.timedelta(days=rng.randrange(low, high))  # noqa: E731
    if stage == m.FULL:
        earliest, latest = add_years(born, 20).toordinal(), (add_years(today, -1) - days(30, 60)).toordinal()
        last = dt.date.fromordinal(rng.randrange(min(earliest, latest - 1), latest))
    elif stage == m.PROBATIONARY:  # due for 转正 within the month
        last = add_years(today, -1) + days(5, 25)
    else:
        last = today - days(20, 200)
    reached = [key for stage_name, key, _label in m.STAGE_DATES[: m.STAGES.index(stage) + 1] if stage_name != m.FULL]
    gaps = {"joined_on": (100, 250), "candidate_on": (370, 500), "activist_on": (180, 400)}
    dates, day = {}, last
    for key in reversed(reached):
        dates[key] = day
        if key in gaps:
            day -= days(*gaps[key])
    if stage == m.FULL:
        dates["converted_on"] = add_years(dates["joined_on"], m.PROBATION)
    return dates


def add_demo_people(village: models.Village, village_index: int, today: dt.date) -> None:
    rng = random.Random(2026 + village_index)
    plan = [m.FULL] * 16 + [m.PROBATIONARY] * 2 + [m.CANDIDATE] * 2 + [m.ACTIVIST] * 2 + [m.APPLICANT] * 2
    people = []
    for number, stage in enumerate(plan[: len(plan) - village_index * 2]):
        person = _person(rng, number, village_index, today)
        dates = _pipeline_dates(stage, person["birth_date"], today, rng)
        if years_between(person["birth_date"], dates["applied_on"]) < 18:  # applied as an adult
            person["birth_date"] = add_years(dates["applied_on"], -rng.randrange(18, 40))
            person["id_number"] = _id_number(rng, person["birth_date"], person["gender"] == "女")
        if person["occupation"] == "学生" and years_between(person["birth_date"], today) >= 23:
            person["occupation"] = "务农"
        status, since, note = m.NORMAL, None, ""
        if stage == m.FULL and number == 13:
            status, since, note = m.FLOATING, add_years(today, -2), "浙江宁波务工"
        elif stage == m.FULL and number == 14:
            status, since, note = m.DECEASED, dt.date(today.year, 2, 10), ""
        elif stage == m.FULL and number == 15:
            status, since, note = m.TRANSFERRED, dt.date(today.year - 1, 9, 1), "转往镇远县城关镇党委"
        member = models.PartyMember(
            village=village,
            stage=stage,
            status=status,
            status_since=since,
            status_note=note,
            hardship=number == 5,
            veteran=stage == m.FULL and today.year - dates["converted_on"].year >= 50,
            **person,
            **dates,
        )
        m.check_dates(m.MemberDates(**{key: getattr(member, key) for key in m.MemberDates.__dataclass_fields__}))
        people.append(member)
    records.create_many(people)

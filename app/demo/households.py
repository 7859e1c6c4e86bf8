"""The demo villages' households and their contact chain: as many households as the village profile says,
in eight 村民小组, some marked (低保户, 脱贫户, 残疾, 独居老人, 留守儿童 …); the party members each hold a
dozen or so, each 村民小组's households under a cadre as 网格长; a few households still without a contact and
one contact holding too many, as real villages have; and a year of visits."""

from __future__ import annotations

import datetime as dt
import random

from app.demo.people import COUNTY_CODE, MEN, SURNAMES, WOMEN
from app.domain import households as h
from app.domain import members as m
from app.domain.values import id_check_char
from app.store import models, records

GROUPS = ["第一组", "第二组", "第三组", "第四组", "第五组", "第六组", "第七组", "第八组"]
MARK_ODDS = (
    ("脱贫户", 0.10),
    ("监测户", 0.03),
    ("低保户", 0.04),
    ("残疾", 0.03),
    ("独居老人", 0.03),
    ("留守儿童", 0.05),
)


def _household(rng: random.Random, village: models.Village, number: int, index: int) -> models.Household:
    woman = number % 7 == 3
    given = rng.choice(WOMEN if woman else MEN) + (rng.choice("华林生贵才") if rng.random() < 0.3 else "")
    born = dt.date(rng.randrange(1940, 1995), rng.randrange(1, 13), rng.randrange(1, 29))
    sequence = rng.randrange(10, 99) * 10 + rng.choice([0, 2, 4, 6, 8] if woman else [1, 3, 5, 7, 9])
    first_17 = f"{COUNTY_CODE}{born:%Y%m%d}{sequence:03d}"
    group = GROUPS[number % len(GROUPS)]
    household = models.Household(
        village=village,
        head_name=rng.choice(SURNAMES) + given,
        members=rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7]),
        group_name=group,
        address=f"{village.name}{group}{number % 40 + 1}号",
        phone=f"13{rng.randrange(0, 10)}{rng.randrange(10_000_000, 99_999_999)}" if rng.random() < 0.7 else "",
        id_number=first_17 + id_check_char(first_17),
        marks="、".join(mark for mark, odds in MARK_ODDS if rng.random() < odds),
    )
    household.marks = h.check_marks(household.marks)
    household.prepare()
    return household


def add_demo_households(village: models.Village, index: int, today: dt.date) -> None:
    rng = random.Random(7000 + index)
    households = [_household(rng, village, number, index) for number in range(village.households)]
    members = list(
        models.PartyMember.select()
        .where(
            (models.PartyMember.village == village)
            & models.PartyMember.status.in_(m.ACTIVE_STATUSES)
            & models.PartyMember.stage.in_(m.MEMBER_STAGES)
        )
        .order_by(models.PartyMember.name)
    )
    cadres = list(models.Cadre.select().where(models.Cadre.village == village).order_by(models.Cadre.name))
    needed = -(-len(households) // 12)  # about a dozen households each
    people = [(member.name, h.PARTY_MEMBER, member, member.phone) for member in members[:needed]]
    taken = {person[0] for person in people}
    while len(people) < needed:  # 村民代表 make up the rest
        name = rng.choice(SURNAMES) + rng.choice(MEN) + rng.choice("才忠勇贵")
        if name not in taken:
            taken.add(name)
            people.append((name, h.REPRESENTATIVE, None, ""))
    contacts = []
    for number, (name, kind, member, phone) in enumerate(people):
        contact = models.HouseholdContact(
            village=village,
            name=name,
            kind=kind,
            member=member,
            phone=phone,
            area=GROUPS[number % len(GROUPS)],
            cadre=cadres[number % len(GROUPS) % len(cadres)] if cadres else None,
        )
        records.save(contact, expected=records.ABSENT)
        contacts.append(contact)
    by_group: dict[str, list[models.HouseholdContact]] = {}
    for contact in contacts:
        by_group.setdefault(contact.area, []).append(contact)
    for number, household in enumerate(households):
        holders = by_group.get(household.group_name)
        if not holders or number % 23 == 5:
            continue  # a few households still without a contact
        household.contact = holders[(number // len(GROUPS)) % len(holders)]
    if contacts:  # one contact holding too many, for the warning
        busy = contacts[0]
        same_group = [x for x in households if x.group_name == busy.area and x.contact is not None]
        for household in same_group[: h.DEFAULT_CONTACT_LOAD + 4]:
            household.contact = busy
    records.create_many(households)
    visits = []
    for number, household in enumerate(households[::9][:40]):
        follow = number % 4 == 0
        visits.append(
            models.HouseholdVisit(
                village=village,
                household=household,
                visited_on=today - dt.timedelta(days=(number * 9) % 360 + 1),
                visitor=household.contact.name if household.contact else "村干部",
                found=("家中老人腿脚不便，需代办医保报销" if follow else "家庭情况稳定，无特殊困难"),
                follow_up="帮助代办医保报销" if follow else "",
                done=follow and number % 8 == 0,
            )
        )
    records.create_many(visits)

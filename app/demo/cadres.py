"""The demo villages' 班子: 两委 and 监委会 with their posts and allowances. 涌溪村 has 一肩挑; 芽溪村's
监委会 has a member who is also the 文书, and 铁山村's a spouse of a 村委会 member, so that the
composition warnings show what they look like."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain import cadres as c
from app.domain import members as m
from app.store import models, records

TERM, TERM_START = "第十一届", dt.date(2021, 4, 20)
ALLOWANCE = {
    c.SECRETARY: "3200",
    c.DIRECTOR: "3000",
    c.DEPUTY_DIRECTOR: "2200",
    c.COMMITTEE_MEMBER: "1800",
    c.SUPERVISION_HEAD: "1800",
    c.SUPERVISION_MEMBER: "600",
    c.CLERK: "2000",
    c.ACCOUNTANT: "1500",
    c.PUBLICIST: "1200",
    c.WOMEN: "300",
    c.DEPUTY_SECRETARY: "2200",
    c.BRANCH_MEMBER: "600",
}
NON_MEMBERS = [
    ("欧阳秀", "女", dt.date(1979, 5, 2), "13885501201"),
    ("田福生", "男", dt.date(1968, 9, 14), "13885501202"),
    ("邰明芬", "女", dt.date(1985, 2, 27), "13885501203"),
]


def add_demo_cadres(village: models.Village, village_index: int) -> None:
    members = list(
        models.PartyMember.select()
        .where(
            (models.PartyMember.village == village)
            & (models.PartyMember.stage == m.FULL)
            & (models.PartyMember.status == m.NORMAL)
        )
        .order_by(models.PartyMember.birth_date.desc())
    )
    members = [member for member in members if member.birth_date.year <= dt.date.today().year - 25]
    people = []
    for member in members[:7]:
        cadre = models.Cadre(
            village=village,
            name=member.name,
            gender=member.gender,
            birth_date=member.birth_date,
            ethnicity=member.ethnicity,
            education=member.education,
            id_number=member.id_number,
            phone=member.phone,
            member=member,
        )
        people.append(cadre)
    for name, gender, born, phone in NON_MEMBERS:
        people.append(models.Cadre(village=village, name=name, gender=gender, birth_date=born, phone=phone))
    records.create_many(people)
    secretary, director, deputy, clerk, accountant, publicist, supervisor, woman, farmer, young = people[:10]
    posts = [
        (secretary, c.SECRETARY),
        (director if village_index else secretary, c.DIRECTOR),  # 涌溪村: 一肩挑
        (deputy, c.DEPUTY_DIRECTOR),
        (deputy, c.BRANCH_MEMBER),
        (woman, c.COMMITTEE_MEMBER),
        (woman, c.WOMEN),
        (clerk, c.COMMITTEE_MEMBER),
        (clerk, c.CLERK),
        (clerk, c.BRANCH_MEMBER),
        (publicist, c.BRANCH_MEMBER),
        (accountant, c.ACCOUNTANT),
        (publicist, c.PUBLICIST),
        (supervisor, c.SUPERVISION_HEAD),
        (farmer, c.SUPERVISION_MEMBER),
        (clerk if village_index == 1 else young, c.SUPERVISION_MEMBER),  # 芽溪村: the 文书 on the 监委会
    ]
    records.create_many(
        [
            models.CadrePost(
                village=village,
                cadre=person,
                post=post,
                term=TERM,
                started_on=TERM_START,
                duties=c.FIVE_OFFICERS_DUTIES.get(post, ""),
                allowance=Decimal(ALLOWANCE.get(post, "0")),
            )
            for person, post in posts
        ]
    )
    if village_index == 2:  # 铁山村: a 监委会 member married to a 村委会 member
        records.save(models.CadreRelation(village=village, cadre=farmer, relative=woman, relation="配偶"))

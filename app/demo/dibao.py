"""The demo villages' 低保 民主评议: a panel of seventeen (township staff, the 两委, the 监委会, party and villagers'
representatives), four applicants from the register — three passed, one not — the 公示 posted, one objection
answered; in one village the county has since approved the amounts, in another the 公示 is still running."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.demo.people import MEN, SURNAMES
from app.domain import dibao as d
from app.store import models, records


def _panel(village: models.Village) -> list[list[str]]:
    cadres = [c.name for c in models.Cadre.select().where(models.Cadre.village == village).order_by(models.Cadre.name)]
    members = [m.name for m in models.PartyMember.select().where(models.PartyMember.village == village).limit(4)]
    panel = [["陈志远", "乡镇干部"], ["周丽", "乡镇干部"]]
    panel += [[name, "村“两委”成员"] for name in cadres[:5]]
    panel += [[name, "村务监督委员会成员"] for name in cadres[5:8]]
    panel += [[name, "党员代表"] for name in members[:3]]
    panel += [[SURNAMES[n] + MEN[n + 2], "村民代表"] for n in range(17 - len(panel))]
    return panel


def add_demo_dibao(village: models.Village, index: int, today: dt.date) -> None:
    if index > 1:
        return
    marked = list(
        models.Household.select()
        .where((models.Household.village == village) & (models.Household.marks != ""))
        .order_by(models.Household.group_order, models.Household.head_name)
        .limit(4)
    )
    if len(marked) < 4:
        return
    held = today - dt.timedelta(days=40 if index == 0 else 3)
    review = models.DibaoReview(
        village=village,
        held_on=held,
        panel=_panel(village),
        present=14,
        township_staff="乡民政办陈志远",
        published_on=held + dt.timedelta(days=1),
    )
    records.save(review)
    counts = [(13, 1, 0), (12, 2, 0), (10, 3, 1), (6, 7, 1)]
    for number, (household, (yes, no, abstain)) in enumerate(zip(marked, counts, strict=True)):
        application = models.DibaoApplication(
            village=village,
            household=household,
            reason=("家庭成员重病，无劳动能力" if number % 2 == 0 else "年老独居，无固定收入"),
            covered=min(household.members, 3),
            category=d.CATEGORIES[0],
            applied_on=held - dt.timedelta(days=25),
            review=review,
            votes_for=yes,
            votes_against=no,
            votes_abstain=abstain,
            monthly_amount=Decimal(520 * min(household.members, 3)) if index == 0 and yes >= 10 else None,
        )
        records.save(application)
        if number == 1:
            records.save(
                models.DibaoObjection(
                    village=village,
                    application=application,
                    received_on=held + dt.timedelta(days=2),
                    from_whom="吴国强",
                    content="该户有子女在外务工，收入情况需核实",
                    answer="经入户核查，子女务工收入已计入，家庭人均收入仍低于当地低保标准" if index == 0 else "",
                    answered_on=held + dt.timedelta(days=5) if index == 0 else None,
                )
            )

"""A year of the demo villages' 便民服务: the starting catalogue, this year's three long holidays, and requests
from the register's households — most done within their time limit and rated, a few late, one sent back and
received again, one stopped, and some still in hand (one of them overdue)."""

from __future__ import annotations

import datetime as dt
import random

from app.domain import services as sv
from app.store import models, records, services


def _holidays(year: int) -> set[dt.date]:
    days = {dt.date(year, 1, 1)}
    days |= {dt.date(year, 5, day) for day in range(1, 6)}
    days |= {dt.date(year, 10, day) for day in range(1, 8)}
    return days


def add_demo_services(village: models.Village, index: int, today: dt.date) -> None:
    rng = random.Random(9100 + index)
    services.ensure_catalogue(village)
    if index == 0:
        records.save(models.Setting(key=services.HOLIDAYS, value=sorted(d.isoformat() for d in _holidays(today.year))))
    free = _holidays(today.year)
    items = services.catalogue(village)
    households = list(models.Household.select().where(models.Household.village == village).limit(200))
    clerk = models.Cadre.select().where(models.Cadre.village == village).order_by(models.Cadre.name).first()
    handler = clerk.name if clerk else "代办员"
    new = []
    for number in range(60):
        received = today - dt.timedelta(days=330 - number * 5 - rng.randrange(0, 4))
        while received.weekday() >= 5:
            received -= dt.timedelta(days=1)
        item = items[rng.randrange(len(items))]
        household = households[rng.randrange(len(households))] if households else None
        request = models.ServiceRequest(
            village=village,
            item=item,
            applicant=household.head_name if household else "村民",
            household=household,
            received_on=received,
            handler=handler,
            status=sv.DONE,
        )
        late = number % 13 == 7
        finish = sv.due_date(received, item.limit_days + (3 if late else -rng.randrange(0, item.limit_days)), free)
        if number >= 56:  # the newest: still in hand (the first of them past its limit)
            request.received_on = today - dt.timedelta(days=12 if number == 56 else number - 56)
            request.status, request.started_on = sv.IN_HAND, request.received_on
        elif finish > today:
            request.status = sv.RECEIVED
        elif number == 20:
            request.status, request.finished_on, request.reason = sv.STOPPED, finish, "申请人已外出务工，暂不办理"
        else:
            request.started_on, request.finished_on = received, finish
            request.result = "已办结，材料已送达" if item.mode != "公开告知" else "已告知办理流程"
            request.satisfaction = "基本满意" if late else rng.choice(["满意", "满意", "满意", "基本满意"])
            request.returned_before = number == 30  # came back once with missing papers
        new.append(request)
    records.create_many(new)

"""The demo villages' last-year 民主评议 and this year's 党费. 芽溪村 graded more than a third 优秀 and a
预备党员 优秀; 铁山村 has a 不合格 member in 限期改正; one member in each village has paid nothing for
more than six months, and one paid January's dues late — so every warning has an example."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.domain import appraisal as a
from app.domain import dues as d
from app.store import appraisal, models, records
from app.store import dues as dues_store


def add_demo_review(village: models.Village, village_index: int, today: dt.date) -> None:
    rng = random.Random(900 + village_index)
    last_year = today.year - 1
    appraisal.generate_year(village, last_year)
    rows = appraisal.year_rows(village, last_year)
    voters = len(rows)
    probationary = [row for row in rows if appraisal.is_probationary(row)]
    for number, row in enumerate(rows):
        row.self_assessed = number != 2
        if appraisal.is_probationary(row):
            grade = a.EXCELLENT if village_index == 1 and row is probationary[0] else ""
        elif village_index == 1:
            grade = a.EXCELLENT if number % 2 == 0 else a.QUALIFIED
        elif village_index == 2 and number == 4:
            grade = a.UNQUALIFIED
        else:
            grade = a.EXCELLENT if number % 4 == 0 else a.QUALIFIED
        leading = {a.EXCELLENT: 0, a.QUALIFIED: 1, a.BASIC: 2, a.UNQUALIFIED: 3}.get(grade, 1)
        votes = [0, 0, 0, 0]
        votes[leading] = voters - rng.randrange(0, 4)
        votes[(leading + 1) % 4] = voters - votes[leading]
        row.excellent, row.qualified, row.basic, row.unqualified = votes
        row.grade = grade
        row.follow_up = "限期改正" if grade == a.UNQUALIFIED else ""
        records.save(row)
    dues_store.generate_year(village, today.year)
    lines = dues_store.year_lines(village, today.year, today)
    payments = []
    for number, line in enumerate(lines):
        standard = line.standard
        if number % 5 == 1:
            standard.category, standard.base = d.WAGE, Decimal(rng.choice(["2800", "4200", "6500"]))
        elif number % 5 == 3:
            standard.category, standard.base = d.RETIRED, Decimal(rng.choice(["3100", "5600"]))
        standard.monthly = d.monthly_dues(standard.category, standard.base)
        records.save(standard)
        months = line.due_months
        if number == 6:
            continue  # nothing paid this year: the six-month flag
        paid = months[: max(0, len(months) - (number % 3))]  # some owe the latest month or two
        for month in paid:
            year, month_number = (int(part) for part in month.split("-"))
            paid_on = dt.date(year, month_number, 1) + dt.timedelta(days=rng.randrange(0, 20))
            if number == 8 and month.endswith("-01"):
                paid_on = dt.date(year, 8, 15)  # January's, paid in August: more than six months late
            payments.append(
                models.DuesPayment(
                    village=village,
                    member=standard.member,
                    month=month,
                    amount=standard.monthly,
                    paid_on=min(paid_on, today),
                )
            )
    records.create_many(payments)

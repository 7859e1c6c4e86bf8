"""党费 by member and year: the standard set for the year, the months due and paid, the totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.domain import dues as d
from app.domain import members as m
from app.domain import periods
from app.store import models, records
from app.store.members import on_roll
from app.store.transactions import write_transaction

DEFAULT_FARMER_AMOUNT = Decimal("0.50")


@dataclass
class YearLine:
    """One member's 党费 year, as the 台账 shows it."""

    standard: models.DuesStandard
    due_months: list[str]
    paid: dict[str, tuple[Decimal, dt.date]]  # month -> (amount, paid on)

    @property
    def due_total(self) -> Decimal:
        return self.standard.monthly * len(self.due_months)

    @property
    def paid_total(self) -> Decimal:
        return sum((amount for amount, _ in self.paid.values()), Decimal("0.00"))

    @property
    def unpaid(self) -> list[str]:
        if self.standard.category == d.EXEMPT:
            return []
        return d.unpaid_months(self.due_months, set(self.paid))

    @property
    def flags(self) -> list[str]:
        paid_on = {month: day for month, (_amount, day) in self.paid.items()}
        return d.flags(self.due_months, paid_on, self.standard.category == d.EXEMPT)


def due_months(member: models.PartyMember, year: int, today: dt.date) -> list[str]:
    """Months of the year the member owes: from joining (预备党员 pay from then) to this month."""
    first = max(dt.date(year, 1, 1), member.joined_on or dt.date(year, 1, 1))
    last = min(dt.date(year, 12, 31), today)
    if last < first:
        return []
    months = periods.months_between(periods.month_key(first), periods.month_key(last))
    if member.status != m.NORMAL and member.status_since:
        months = [month for month in months if month <= periods.month_key(member.status_since)]
    return months


def year_lines(village, year: int, today: dt.date) -> list[YearLine]:
    standards = (
        models.DuesStandard.select(models.DuesStandard, models.PartyMember)
        .join(models.PartyMember)
        .where((models.DuesStandard.village == village) & (models.DuesStandard.year == year))
    )
    payments: dict = {}
    query = models.DuesPayment.select().where(
        (models.DuesPayment.village == village) & models.DuesPayment.month.startswith(f"{year}-")
    )
    for payment in query:
        payments.setdefault(payment.member_id, {})[payment.month] = (payment.amount, payment.paid_on)
    lines = [YearLine(s, due_months(s.member, year, today), payments.get(s.member_id, {})) for s in standards]
    return sorted(lines, key=lambda line: (line.standard.member.party_group, line.standard.member.name))


def generate_year(village, year: int) -> list[records.Change]:
    """A standard for every member on the roll without one this year (农民党员 at 0.50 元 until the branch
    sets otherwise); the clerk then corrects category and income where they differ."""
    have = {
        member_id
        for (member_id,) in models.DuesStandard.select(models.DuesStandard.member)
        .where((models.DuesStandard.village == village) & (models.DuesStandard.year == year))
        .tuples()
    }
    new = [
        models.DuesStandard(
            village=village,
            year=year,
            member=member,
            category=d.FARMER,
            base=DEFAULT_FARMER_AMOUNT,
            monthly=DEFAULT_FARMER_AMOUNT,
        )
        for member in on_roll(village)
        if member.id not in have
    ]
    with write_transaction():
        return records.create_many(new)


def record_payment(member, months: list[str], monthly: Decimal, paid_on: dt.date) -> list[records.Change]:
    """One payment row per month paid for; a month already paid is refused."""
    already = {
        month
        for (month,) in models.DuesPayment.select(models.DuesPayment.month)
        .where((models.DuesPayment.member == member) & models.DuesPayment.month.in_(months))
        .tuples()
    }
    if already:
        from app.domain.values import InputError

        raise InputError(f"{'、'.join(sorted(already))} 已经交过", "first")
    new = [
        models.DuesPayment(village=member.village_id, member=member, month=month, amount=monthly, paid_on=paid_on)
        for month in months
    ]
    with write_transaction():
        return records.create_many(new)

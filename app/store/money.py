"""The village's books: its chart of accounts, entries and their approval, closing a month, reversing an
entry, the balances, and the sums that the 财务公开 and the 收益及收益分配表 print."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from decimal import Decimal
from pathlib import Path

from app.domain import money as mo
from app.domain.values import InputError
from app.store import models, records, settings
from app.store.errors import ChangeRefusedError
from app.store.transactions import write_transaction

APPROVAL_THRESHOLD = settings.APPROVAL_THRESHOLD_SETTING.key  # 元, as text
VOUCHER_FOLDER = "vouchers"


def approval_threshold() -> Decimal:
    return Decimal(str(settings.get(APPROVAL_THRESHOLD)))


# --- the chart ---
def accounts(village: models.Village) -> list[models.Account]:
    query = models.Account.select().where(models.Account.village == village)
    return sorted(query, key=lambda a: (a.code == "", a.code, a.name))


def account_label(account: models.Account) -> str:
    return f"{account.code} {account.name}" if account.code else account.name


def add_chart(village: models.Village, chart: str = mo.DEFAULT_CHART) -> list[records.Change]:
    """Adds the accounts of a standard chart the village does not have yet (by name)."""
    have = {a.name for a in accounts(village)}
    new = [
        models.Account(
            village=village, code=code, name=name, category=category, direction=direction, statement_line=line
        )
        for code, name, category, direction, line in mo.CHARTS[chart]
        if name not in have
    ]
    return records.create_many(new)


def ensure_chart(village: models.Village) -> list[records.Change]:
    """A village's first look at its books gives it the default chart."""
    if models.Account.select().where(models.Account.village == village).exists():
        return []
    return add_chart(village)


# --- entries ---
def entries_between(village: models.Village, start: dt.date, end: dt.date):
    model = models.JournalEntry
    return (
        model.select(model, models.Account)
        .join(models.Account)
        .where((model.village == village) & (model.entry_date >= start) & (model.entry_date <= end))
        .order_by(model.entry_date, model.voucher_no)
    )


def state(entry: models.JournalEntry, threshold: Decimal | None = None) -> str:
    if entry.reverses_id:
        return mo.BOOKED  # a reversal undoes an entry already approved and booked
    amount = entry.income or entry.expense
    limit = approval_threshold() if threshold is None else threshold
    return mo.approval_state(amount, entry.handler, entry.reviewer, entry.cosigned_by, limit)


def is_booked(entry: models.JournalEntry, threshold: Decimal) -> bool:
    return state(entry, threshold) == mo.BOOKED


def closed_months(village: models.Village) -> set[str]:
    return {row.month for row in models.MonthClose.select().where(models.MonthClose.village == village)}


def review(entry: models.JournalEntry, reviewer: str, on: dt.date) -> records.Change:
    before = records.snapshot(entry)
    if not entry.handler:
        raise InputError("先填写经手人，再审核", "reviewer")
    mo.check_sign_date(entry.entry_date, on)
    entry.reviewer, entry.reviewed_on = reviewer, on
    return records.save(entry, expected=before)


def cosign(entry: models.JournalEntry, names: str, on: dt.date) -> records.Change:
    before = records.snapshot(entry)
    if not entry.reviewer:
        raise InputError("先由民主理财小组或监委会审核，再由书记、主任联签", "cosigned_by")
    mo.check_sign_date(entry.entry_date, on)
    entry.cosigned_by, entry.cosigned_on = names, on
    return records.save(entry, expected=before)


def reverse(entry: models.JournalEntry, on: dt.date, voucher_no: str) -> records.Change:
    """A 冲销 entry: the same account, the amounts negated, in an open month; the original stays."""
    if entry.reverses_id:
        raise InputError("冲销的账目不能再冲销；如有错，请重新记一笔正确的账目", "entry_date")
    if models.JournalEntry.select().where(models.JournalEntry.reverses == entry.id).exists():
        raise InputError("这笔账目已经冲销过了", "entry_date")
    if on < entry.entry_date:
        raise InputError(f"冲销日期不能早于原账目的日期 {entry.entry_date:%Y-%m-%d}", "entry_date")
    reversal = models.JournalEntry(
        village=entry.village_id,
        entry_date=on,
        voucher_no=voucher_no,
        summary=f"冲销{entry.entry_date:%Y-%m-%d} 凭证{entry.voucher_no}：{entry.summary}"[:200],
        account=entry.account_id,
        income=-entry.income,
        expense=-entry.expense,
        handler=entry.handler,
        reverses=entry.id,
    )
    return records.save(reversal, expected=records.ABSENT)


def next_voucher_no(village: models.Village, on: dt.date) -> str:
    """记-月-序号, the way village vouchers are numbered within a month: 记03-012."""
    month = mo.month_period(on.year, on.month)
    return mo.next_voucher_no(on, [e.voucher_no for e in entries_between(village, month.start, month.end)])


_APPROVALS_CLEARED = {"reviewer": "", "reviewed_on": None, "cosigned_by": "", "cosigned_on": None}


def _approved_for(entry: models.JournalEntry) -> tuple:
    return (entry.income, entry.expense, entry.account_id)


def save_entry(entry: models.JournalEntry, expected=None, actor: str | None = None) -> records.Change:
    """Writes an entry typed by the clerk (new or changed), with the books' rules: a 冲销 is never edited,
    a blank voucher number gets the month's next one, and a change of amount or account voids the
    approvals given to what was there before."""
    with write_transaction():
        before = models.JournalEntry.get_or_none(models.JournalEntry.id == entry.id)
        if before is not None and before.reverses_id:
            raise InputError(mo.REVERSAL_FIXED, "summary")
        if not entry.voucher_no:
            entry.voucher_no = next_voucher_no(entry.village_id, entry.entry_date)
        if before is not None and (before.reviewer or before.cosigned_by):
            if mo.approvals_void(_approved_for(before), _approved_for(entry)):
                for key, value in _APPROVALS_CLEARED.items():
                    setattr(entry, key, value)
        return records.save(entry, actor, expected)


def add_entries(village: models.Village, rows: list[dict], actor: str | None = None) -> list[records.Change]:
    """Adds entries read from a journal (an import) in one transaction; a row without a voucher number gets
    the next one of its month, after those already in the books and those before it in the rows."""
    with write_transaction():
        used: dict[str, list[str]] = {}
        new = []
        for values in rows:
            entry = models.JournalEntry(village=village, **values)
            month = mo.month_key(entry.entry_date)
            if month not in used:
                period = mo.month_period(entry.entry_date.year, entry.entry_date.month)
                used[month] = [e.voucher_no for e in entries_between(village, period.start, period.end)]
                used[month] += [
                    r["voucher_no"] for r in rows if r.get("voucher_no") and mo.month_key(r["entry_date"]) == month
                ]
            if not entry.voucher_no:
                entry.voucher_no = mo.next_voucher_no(entry.entry_date, used[month])
                used[month].append(entry.voucher_no)
            new.append(entry)
        return records.create_many(new, actor)


def attach_scan(entry: models.JournalEntry, source: Path, data_dir: Path) -> records.Change:
    """Copies the voucher's scan into the data folder (so backups carry it) and links it to the entry."""
    folder = data_dir / VOUCHER_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{entry.entry_date:%Y%m}-{uuid.uuid4().hex[:12]}{source.suffix.lower()}"
    shutil.copyfile(source, target)
    before = records.snapshot(entry)
    entry.voucher_scan = f"{VOUCHER_FOLDER}/{target.name}"
    try:
        return records.save(entry, expected=before)
    except Exception:
        target.unlink(missing_ok=True)
        raise


# --- closing a month ---
def why_not_close(village: models.Village, month: str, threshold: Decimal | None = None) -> str | None:
    limit = approval_threshold() if threshold is None else threshold
    year, number = (int(part) for part in month.split("-"))
    period = mo.month_period(year, number)
    if month in closed_months(village):
        return f"{period.label}已经结账"
    if period.end >= dt.date.today():
        return f"{period.label}还没有过完，月末以后再结账"
    earlier = models.JournalEntry.select(models.JournalEntry.entry_date).where(
        (models.JournalEntry.village == village) & (models.JournalEntry.entry_date < period.start)
    )
    open_before = sorted({mo.month_key(e.entry_date) for e in earlier} - closed_months(village))
    if open_before:
        return f"请先结账 {open_before[0]}（按月份先后结账）"
    pending = [e for e in entries_between(village, period.start, period.end) if not is_booked(e, limit)]
    if pending:
        listed = "、".join(f"{e.voucher_no or e.summary}（{state(e, limit)}）" for e in pending[:5])
        return f"{period.label}还有 {len(pending)} 笔账目没有审批完：{listed}"
    return None


def close_month(village: models.Village, month: str, closed_by: str, today: dt.date) -> records.Change:
    reason = why_not_close(village, month)
    if reason:
        raise ChangeRefusedError(reason)
    row = models.MonthClose(village=village, month=month, closed_on=today, closed_by=closed_by)
    return records.save(row, expected=records.ABSENT)


# --- the year's figures ---
def money_year(village: models.Village, year: int) -> models.MoneyYear | None:
    return models.MoneyYear.get_or_none((models.MoneyYear.village == village) & (models.MoneyYear.year == year))


def save_money_year(village: models.Village, year: int, values: dict) -> records.Change:
    row = money_year(village, year)
    expected = records.snapshot(row) if row else records.ABSENT
    row = row or models.MoneyYear(village=village, year=year)
    for key, value in values.items():
        setattr(row, key, value)
    return records.save(row, expected=expected)


def _net(rows, threshold: Decimal) -> Decimal:
    return sum((e.income - e.expense for e in rows if is_booked(e, threshold)), mo.ZERO)


def balance_before(village: models.Village, day: dt.date, threshold: Decimal | None = None) -> Decimal:
    """Cash and bank at the start of `day`: the latest 年初余额 entered at or before that year, plus every
    booked entry since; with none entered, from the first entry (an empty till)."""
    limit = approval_threshold() if threshold is None else threshold
    base = (
        models.MoneyYear.select()
        .where(
            (models.MoneyYear.village == village)
            & (models.MoneyYear.year <= day.year)
            & models.MoneyYear.opening_balance.is_null(False)
        )
        .order_by(models.MoneyYear.year.desc())
        .first()
    )
    start, opening = (dt.date(base.year, 1, 1), base.opening_balance) if base else (dt.date(1900, 1, 1), mo.ZERO)
    return opening + _net(entries_between(village, start, day - dt.timedelta(days=1)), limit)


def disclosure(village: models.Village, period: mo.Period) -> mo.Disclosure:
    limit = approval_threshold()
    result = mo.Disclosure(opening=balance_before(village, period.start, limit))
    for entry in entries_between(village, period.start, period.end):
        if not is_booked(entry, limit):
            continue
        item = mo.Item(
            entry.entry_date,
            entry.voucher_no,
            entry.summary,
            account_label(entry.account),
            entry.income or entry.expense,
            entry.handler,
        )
        (result.income if entry.income else result.expense).append(item)
    return result


def income_statement(village: models.Village, year: int) -> mo.IncomeStatement:
    limit = approval_threshold()
    rows = entries_between(village, dt.date(year, 1, 1), dt.date(year, 12, 31))
    lines = mo.statement_lines([(e.account.statement_line, e.income, e.expense) for e in rows if is_booked(e, limit)])
    row = money_year(village, year)
    distribution = (
        mo.Distribution(row.opening_undistributed, row.reserve, row.welfare, row.households)
        if row
        else mo.Distribution()
    )
    return mo.IncomeStatement(lines, distribution)


def pending_count(village: models.Village, start: dt.date, end: dt.date) -> int:
    limit = approval_threshold()
    return sum(not is_booked(e, limit) for e in entries_between(village, start, end))


def signers(village: models.Village, on: dt.date) -> dict[str, str]:
    """Who signs by post on that day, from the 班子成员: the 报账员 (经手人), the 监委会主任 (审核), the 书记 and
    the 主任 (联签; one name in a 一肩挑 village)."""
    from app.domain import cadres as c
    from app.store.cadres import current_posts

    by_post: dict[str, list[str]] = {}
    for post in current_posts(village, on):
        by_post.setdefault(post.post, []).append(post.cadre.name)
    leaders = list(dict.fromkeys(by_post.get(c.SECRETARY, []) + by_post.get(c.DIRECTOR, [])))
    return {
        "handler": (by_post.get(c.ACCOUNTANT) or [""])[0],
        "reviewer": (by_post.get(c.SUPERVISION_HEAD) or [""])[0],
        "cosigned_by": "、".join(leaders),
    }

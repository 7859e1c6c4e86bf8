"""A year of the demo villages' books: the default chart, the opening balances, the entries a village office
really makes month by month (rent, 发包, transfers from above, allowances, cleaning, repairs), approved by the
chain, every past month closed, and this month's last two entries still waiting for their signatures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain import money as mo
from app.store import models, money, records

# (day of month, months it falls in (None: every month), 摘要, account code, 收入 or 支出, amount)
MONTHLY = (
    (3, None, "收村集体厂房租金", "501", "收入", "3500.00"),
    (8, None, "付村干部误工补贴", "541", "支出", "6800.00"),
    (12, None, "收光伏电站发电收益", "561", "收入", "1236.48"),
    (15, None, "付村庄环境卫生保洁费", "551", "支出", "2400.00"),
    (18, None, "付村委会办公电费", "541", "支出", "318.40"),
    (20, (1, 4, 7, 10), "收上级拨付村级组织运转经费", "522", "收入", "25000.00"),
    (22, (3, 6, 9, 12), "收银行存款利息", "531", "收入", "86.32"),
    (10, (2, 5, 8, 11), "购办公用品（纸张、墨盒）", "541", "支出", "236.50"),
    (25, (1,), "收土地发包收入（{year}年度）", "511", "收入", "48600.00"),
    (26, (4,), "付通组公路维修材料款", "551", "支出", "12800.00"),
    (16, (7,), "付党员活动经费（七一）", "541", "支出", "600.00"),
    (9, (9,), "收合作社上交利润", "511", "收入", "15000.00"),
    (27, (12,), "付农户收益分配款", "202", "支出", "52000.00"),
)


def _months(today: dt.date) -> list[tuple[int, int]]:
    """The twelve months ending with this one."""
    months = []
    year, month = today.year, today.month
    for _ in range(12):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def add_demo_money(village: models.Village, index: int, today: dt.date) -> None:
    money.ensure_chart(village)
    by_code = {a.code: a for a in money.accounts(village)}
    months = _months(today)
    first_year = months[0][0]
    money.save_money_year(village, first_year, {"opening_balance": Decimal("86420.35") + index * 1000})
    money.save_money_year(
        village,
        today.year,  # the 收益分配 the village decided for this year
        {
            "opening_undistributed": Decimal("32150.00"),
            "reserve": Decimal("8000.00"),
            "welfare": Decimal("3000.00"),
            "households": Decimal("52000.00"),
        },
    )
    new = []
    for year, month in months:
        for day, only_in, summary, code, kind, amount in MONTHLY:
            on = dt.date(year, month, day)
            if (only_in and month not in only_in) or on > today:
                continue
            income, expense = mo.entry_amounts(kind, Decimal(amount))
            who = money.signers(village, on)
            cosign = mo.needs_cosign(Decimal(amount), mo.DEFAULT_APPROVAL_THRESHOLD)
            entry = models.JournalEntry(
                village=village,
                entry_date=on,
                voucher_no="",
                summary=summary.format(year=year),
                account=by_code[code],
                income=income,
                expense=expense,
                handler=who["handler"] or "报账员",
                reviewer=who["reviewer"] or "监委会",
                reviewed_on=on,
                cosigned_by=(who["cosigned_by"] or "书记、主任") if cosign else "",
                cosigned_on=on if cosign else None,
            )
            new.append(entry)
    number_vouchers(new)
    this_month = [e for e in new if (e.entry_date.year, e.entry_date.month) == (today.year, today.month)]
    for waiting in this_month[-2:]:  # the newest: signatures still being collected
        waiting.reviewer, waiting.reviewed_on, waiting.cosigned_by, waiting.cosigned_on = "", None, "", None
    records.create_many(new)
    for year, month in months[:-1]:
        money.close_month(village, f"{year}-{month:02d}", "文书", dt.date(year, month, 28))


def number_vouchers(entries: list[models.JournalEntry]) -> None:
    entries.sort(key=lambda e: e.entry_date)
    counters: dict[tuple[int, int], int] = {}
    for entry in entries:
        key = (entry.entry_date.year, entry.entry_date.month)
        counters[key] = counters.get(key, 0) + 1
        entry.voucher_no = f"记{key[1]:02d}-{counters[key]:03d}"

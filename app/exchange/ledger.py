"""The village's journal in and out of Excel.

Reading: a journal kept in Excel (日期, 凭证号, 摘要, 科目, 收入, 支出, 经手人, and the 审核 and 联签 when the book
records them). Every row is checked by the books' own rules — a real date in a month not yet closed, an
account of the village's chart (by code, name or "501 经营收入"), money in or out but not both, at most two
decimals — and a refused row is reported by its Excel row number. Nothing is imported while any row is
refused, unless the clerk chooses to leave those rows out. Writing: the same columns, which read back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from app.domain import money as mo
from app.domain import values as v
from app.domain.values import InputError
from app.exchange.workbook import ExchangeError, ReadResult, header_finder, read_table, text
from app.store import money as books

COLUMNS: dict[str, tuple[str, ...]] = {
    "entry_date": ("日期", "记账日期", "业务日期"),
    "voucher_no": ("凭证号", "凭证号码", "凭证编号"),
    "summary": ("摘要", "内容", "事由"),
    "account": ("科目", "会计科目", "科目名称", "科目编号"),
    "income": ("收入", "收入金额", "收入元", "借方", "借方金额"),
    "expense": ("支出", "支出金额", "支出元", "贷方", "贷方金额"),
    "handler": ("经手人", "经办人"),
    "reviewer": ("审核人", "审核", "民主理财小组审核", "监委会审核"),
    "cosigned_by": ("联签", "联签人", "书记主任联签", "审批人"),
    "note": ("备注",),
}
TEMPLATE_KEYS = list(COLUMNS)
_key_of = header_finder(COLUMNS)


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    typed = text(value)
    if len(typed) == 8 and typed.isdigit():
        typed = f"{typed[:4]}-{typed[4:6]}-{typed[6:]}"
    return v.date_value(typed, "日期", not_after_today=True)


def _amount(value, label: str) -> Decimal:
    if isinstance(value, float):
        value = f"{value:.6f}".rstrip("0").rstrip(".")  # Excel keeps 12.3 as 12.300000000000001
    typed = text(value).replace(",", "")
    return v.decimal_amount(typed, label) if typed else mo.ZERO


def account_finder(accounts: list) -> dict[str, object]:
    """Every way a row may name an account: its code, its name, or both as the program writes them."""
    names: dict[str, object] = {}
    for account in accounts:
        names[account.name] = account
        if account.code:
            names[account.code] = account
            names[f"{account.code} {account.name}"] = account
            names[f"{account.code}{account.name}"] = account
    return names


def _row_values(cells: dict, accounts: dict[str, object], closed: set[str]) -> dict:
    values: dict = {"entry_date": _date(cells.get("entry_date"))}
    if mo.month_key(values["entry_date"]) in closed:
        raise InputError(f"{values['entry_date'].year}年{values['entry_date'].month}月已结账，不能再导入这个月的账目")
    values["summary"] = v.required_text(text(cells.get("summary")), "摘要", 200)
    named = text(cells.get("account"))
    if not named:
        raise InputError("没有科目")
    account = accounts.get(named) or accounts.get(named.replace(" ", ""))
    if account is None:
        raise InputError(f"科目“{named}”不在本村的科目表里")
    values["account"] = account
    values["income"] = _amount(cells.get("income"), "收入")
    values["expense"] = _amount(cells.get("expense"), "支出")
    if values["income"] and values["expense"]:
        raise InputError("一行只能有收入或支出中的一项")
    if not values["income"] and not values["expense"]:
        raise InputError("收入和支出都是空的")
    values["voucher_no"] = v.optional_text(text(cells.get("voucher_no")), "凭证号", 30)
    for key, label in (("handler", "经手人"), ("reviewer", "审核人"), ("cosigned_by", "联签")):
        values[key] = v.optional_text(text(cells.get(key)), label, 40)
    values["note"] = v.optional_text(text(cells.get("note")), "备注", v.NOTE_LENGTH)
    if values["reviewer"]:
        values["reviewed_on"] = values["entry_date"]
    if values["cosigned_by"]:
        values["cosigned_on"] = values["entry_date"]
    return values


def read_ledger(path: Path, accounts: list, closed_months: set[str]) -> ReadResult:
    names = account_finder(accounts)
    required = {key: f"表头里没有“{COLUMNS[key][0]}”列" for key in ("entry_date", "summary", "account")}
    result = read_table(
        path,
        _key_of,
        "至少要有“日期”“摘要”“科目”和“收入”或“支出”列",
        required,
        lambda cells, _row: _row_values(cells, names, closed_months),
        "summary",
        skip=lambda cells: text(cells.get("summary")) in ("合计", "本月合计", "本期合计", "累计"),  # the book's totals
    )
    if "income" not in result.mapped.values() and "expense" not in result.mapped.values():
        raise ExchangeError("表头里没有“收入”或“支出”列")
    return result


def save_ledger(village, entries: list[dict]) -> list:
    """Adds the checked rows to the village's journal in one transaction, by the books' rules (a row without
    a voucher number is numbered in its month); the changes, for one undo step."""
    return books.add_entries(village, entries)


def write_ledger(path: Path, entries: list, title: str = "") -> None:
    """The journal in the columns read_ledger reads (an empty list gives the empty template)."""
    from openpyxl import Workbook  # loaded when a journal is written, not with the import

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("收支明细账")
    sheet.append([title or "收支明细账"])
    sheet.append([COLUMNS[key][0] for key in TEMPLATE_KEYS])
    for entry in entries:
        sheet.append(
            [
                entry.entry_date.isoformat(),
                entry.voucher_no,
                entry.summary,
                books.account_label(entry.account),
                float(entry.income) if entry.income else None,  # numbers, so that Excel can add them up
                float(entry.expense) if entry.expense else None,
                entry.handler,
                entry.reviewer,
                entry.cosigned_by,
                entry.note,
            ]
        )
    workbook.save(path)

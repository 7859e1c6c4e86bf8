"""The books' rules at the store, where every path meets them — the form, the ledger import, a command: a
changed amount or account voids the approvals, a 冲销 is never edited, vouchers are numbered within the
month, and no one signs before the entry's date."""

import datetime as dt
from decimal import Decimal

import pytest

from app.domain import money as mo
from app.domain.values import InputError
from app.exchange.ledger import save_ledger
from app.store import models, records
from app.store import money as store
from app.store.errors import ChangeRefusedError

D = Decimal
ON = dt.date(2025, 3, 5)


@pytest.fixture
def books(village):
    store.ensure_chart(village)
    return village


def account(village, code: str) -> models.Account:
    return models.Account.get((models.Account.village == village) & (models.Account.code == code))


def approved(village, **values) -> models.JournalEntry:
    signed = {"reviewer": "赵监委", "reviewed_on": ON, "cosigned_by": "张书记", "cosigned_on": ON}
    row = models.JournalEntry(
        village=village,
        entry_date=ON,
        summary="付保洁费",
        account=account(village, "541"),
        income=mo.ZERO,
        expense=D("1200.00"),
        handler="王报账",
        **{"voucher_no": "记03-001", **signed, **values},
    )
    records.save(row)
    return models.JournalEntry.get_by_id(row.id)


def saved_again(entry: models.JournalEntry, **changes) -> models.JournalEntry:
    seen = records.snapshot(entry)
    for key, value in changes.items():
        setattr(entry, key, value)
    store.save_entry(entry, expected=seen)
    return models.JournalEntry.get_by_id(entry.id)


def test_a_changed_amount_or_account_voids_the_approvals(books):
    entry = saved_again(approved(books), expense=D("1300.00"))
    assert (entry.reviewer, entry.reviewed_on, entry.cosigned_by, entry.cosigned_on) == ("", None, "", None)
    assert store.state(entry) == mo.PENDING_REVIEW

    other = saved_again(approved(books, voucher_no="记03-002"), account=account(books, "551"))
    assert (other.reviewer, other.cosigned_by) == ("", "")


def test_a_changed_summary_keeps_the_approvals(books):
    entry = saved_again(approved(books), summary="付三月保洁费", note="按合同")
    assert (entry.reviewer, entry.cosigned_by) == ("赵监委", "张书记") and store.state(entry) == mo.BOOKED


def test_a_reversal_is_never_edited(books):
    original = approved(books)
    store.reverse(original, dt.date(2025, 3, 9), "记03-009")
    reversal = models.JournalEntry.get(models.JournalEntry.reverses == original.id)
    with pytest.raises(InputError, match="冲销的账目不能修改"):
        saved_again(reversal, summary="改过的摘要")
    reversal = models.JournalEntry.get_by_id(reversal.id)
    reversal.expense = D("-1.00")
    with pytest.raises(ChangeRefusedError, match="冲销的账目不能修改"):  # nor by the plain save path
        records.save(reversal)
    assert models.JournalEntry.get_by_id(reversal.id).expense == D("-1200.00")
    reversal = models.JournalEntry.get_by_id(reversal.id)
    reversal.voucher_scan = "vouchers/202503-scan.png"  # a scan may still be attached to it
    records.save(reversal)


def test_a_blank_voucher_number_is_the_months_next(books):
    approved(books, voucher_no="记03-007")
    entry = models.JournalEntry(
        village=books, entry_date=dt.date(2025, 3, 20), summary="收租金", account=account(books, "501"),
        income=D("500"), expense=mo.ZERO, handler="王报账",
    )  # fmt: skip
    store.save_entry(entry, expected=records.ABSENT)
    assert models.JournalEntry.get_by_id(entry.id).voucher_no == "记03-008"


def test_an_imported_row_without_a_voucher_number_is_numbered_in_its_month(books):
    approved(books, voucher_no="记03-002")
    rows = [
        {"entry_date": dt.date(2025, 3, 6), "voucher_no": "", "summary": "甲", "account": account(books, "501"),
         "income": D("10"), "expense": mo.ZERO, "handler": "王"},
        {"entry_date": dt.date(2025, 3, 7), "voucher_no": "记03-005", "summary": "乙", "account": account(books, "501"),
         "income": D("20"), "expense": mo.ZERO, "handler": "王"},
        {"entry_date": dt.date(2025, 4, 1), "voucher_no": "", "summary": "丙", "account": account(books, "501"),
         "income": D("30"), "expense": mo.ZERO, "handler": "王"},
        {"entry_date": dt.date(2025, 3, 8), "voucher_no": "", "summary": "丁", "account": account(books, "501"),
         "income": D("40"), "expense": mo.ZERO, "handler": "王"},
    ]  # fmt: skip
    changes = save_ledger(books, rows)
    assert len(changes) == 4
    numbers = {row.summary: row.voucher_no for row in models.JournalEntry.select()}
    assert [numbers[name] for name in "甲乙丙丁"] == ["记03-006", "记03-005", "记04-001", "记03-007"]


def test_no_one_signs_before_the_entrys_date(books):
    entry = approved(books, reviewer="", reviewed_on=None, cosigned_by="", cosigned_on=None)
    with pytest.raises(InputError, match="不能早于账目的日期") as refused:
        store.review(entry, "赵监委", ON - dt.timedelta(days=1))
    assert refused.value.args[1] == "on"
    store.review(models.JournalEntry.get_by_id(entry.id), "赵监委", ON)
    with pytest.raises(InputError, match="不能早于账目的日期"):
        store.cosign(models.JournalEntry.get_by_id(entry.id), "张书记", ON - dt.timedelta(days=3))
    assert models.JournalEntry.get_by_id(entry.id).cosigned_by == ""

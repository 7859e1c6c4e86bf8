"""The village's books: approval at the threshold, periods, 大写, balances carried across months and years,
closed months, reversals, the ledger import, and the sheets' sums reconciling to the cent."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import money as mo
from app.publishing import sheets as catalogue
from app.publishing.kinds import money as money_data
from app.store import models, records
from app.store import money as store
from app.store.errors import ChangeRefusedError, DeleteRefusedError
from tests.e2e import test_commands as commands

D = Decimal


def entry(village, on, summary, code, income="0", expense="0", reviewer="赵监委", cosigned_by="张书记", **extra):
    account = models.Account.get((models.Account.village == village) & (models.Account.code == code))
    row = models.JournalEntry(
        village=village,
        entry_date=on,
        summary=summary,
        account=account,
        income=D(income),
        expense=D(expense),
        handler="王报账",
        reviewer=reviewer,
        cosigned_by=cosigned_by,
        voucher_no=extra.pop("voucher_no", ""),
        **extra,
    )
    records.save(row)
    return models.JournalEntry.get_by_id(row.id)


@pytest.fixture
def books(village):
    store.ensure_chart(village)
    return village


# --- rules at their thresholds ---
@pytest.mark.parametrize(
    ("amount", "reviewer", "cosigned", "state"),
    [
        ("1000.00", "", "", mo.PENDING_REVIEW),
        ("1000.00", "赵", "", mo.BOOKED),
        ("1000.01", "赵", "", mo.PENDING_COSIGN),
        ("1000.01", "赵", "张、李", mo.BOOKED),
        ("1000.01", "", "张、李", mo.PENDING_REVIEW),
    ],
)
def test_the_approval_chain_at_the_threshold(amount, reviewer, cosigned, state):
    assert mo.approval_state(D(amount), "王", reviewer, cosigned, mo.DEFAULT_APPROVAL_THRESHOLD) == state


def test_periods_of_the_disclosure():
    march = mo.parse_period("2026-03")
    assert (march.start, march.end, march.label) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31), "2026年3月")
    assert mo.parse_period("2024-02").end == dt.date(2024, 2, 29)
    q4 = mo.parse_period("2026q4")
    assert (q4.start, q4.end, q4.label) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026年第四季度")
    for bad in ("2026-13", "2026Q5", "三月"):
        with pytest.raises(ValueError, match="2026-03"):
            mo.parse_period(bad)


def test_totals_in_capitals():
    assert mo.rmb_upper(D("1234.56")) == "壹仟贰佰叁拾肆元伍角陆分"
    assert mo.rmb_upper(D("0")) == "零元整"
    assert mo.rmb_upper(D("-12.30")).startswith("负")


def test_the_income_statement_adds_up_by_its_lines():
    lines = mo.statement_lines(
        [
            ("经营收入", D("100"), D("0")),
            ("经营收入", D("0"), D("10")),
            ("管理费用", D("0"), D("30")),
            ("", D("5"), D("0")),
        ]
    )
    statement = mo.IncomeStatement(lines, mo.Distribution(D("20"), D("8"), D("2"), D("40")))
    assert statement.total_income == D("90") and statement.total_expense == D("30")
    assert statement.year_profit == D("60") and statement.distributable == D("80")
    assert statement.closing_undistributed == D("30")


# --- the books in the database ---
def test_balances_carry_from_month_to_month_and_year_to_year(books):
    store.save_money_year(books, 2025, {"opening_balance": D("1000.00")})
    entry(books, dt.date(2025, 3, 5), "租金", "501", income="500")
    entry(books, dt.date(2025, 12, 31), "电费", "541", expense="200.10")
    entry(books, dt.date(2026, 1, 2), "保洁", "551", expense="99.90", reviewer="")  # not booked yet
    assert store.balance_before(books, dt.date(2025, 3, 5)) == D("1000.00")
    assert store.balance_before(books, dt.date(2026, 1, 1)) == D("1299.90")
    january = store.disclosure(books, mo.parse_period("2026-01"))
    assert january.opening == D("1299.90") and january.expense == [] and january.closing == D("1299.90")
    store.save_money_year(books, 2026, {"opening_balance": D("1300.00")})  # the book's own figure wins
    assert store.disclosure(books, mo.parse_period("2026-01")).opening == D("1300.00")


def test_months_close_in_order_and_only_when_every_entry_is_booked(books):
    entry(books, dt.date(2025, 1, 5), "租金", "501", income="500")
    pending = entry(books, dt.date(2025, 2, 5), "桌椅", "541", expense="1500", cosigned_by="")
    assert "请先结账 2025-01" in store.why_not_close(books, "2025-02")
    store.close_month(books, "2025-01", "文书", dt.date(2025, 2, 1))
    assert "没有审批完" in store.why_not_close(books, "2025-02")
    before = records.snapshot(pending)
    pending.cosigned_by = "张书记、李主任"
    records.save(pending, expected=before)
    store.close_month(books, "2025-02", "文书", dt.date(2025, 3, 1))
    assert store.why_not_close(books, "2025-02") == "2025年2月已经结账"
    assert "还没有过完" in store.why_not_close(books, mo.month_key(dt.date.today()))


def test_a_closed_month_refuses_every_write_and_takes_a_reversal(books):
    rent = entry(books, dt.date(2025, 1, 5), "租金", "501", income="500", voucher_no="记01-001")
    store.close_month(books, "2025-01", "文书", dt.date(2025, 2, 1))
    with pytest.raises(ChangeRefusedError, match="2025年1月已结账"):
        entry(books, dt.date(2025, 1, 20), "补记", "501", income="5")
    before = records.snapshot(rent)
    rent.entry_date = dt.date(2025, 2, 5)  # moving it out of the closed month is a change to it too
    with pytest.raises(ChangeRefusedError):
        records.save(rent, expected=before)
    with pytest.raises(DeleteRefusedError, match="已结账"):
        records.delete(models.JournalEntry.get_by_id(rent.id))
    close = models.MonthClose.get()
    with pytest.raises(DeleteRefusedError, match="结账不能撤回"):
        records.delete(close)
    rent = models.JournalEntry.get_by_id(rent.id)
    reversal = store.reverse(rent, dt.date(2025, 2, 3), "记02-001")
    assert reversal.after["income"] == "-500.00"
    assert store.balance_before(books, dt.date(2025, 3, 1)) == D("0.00")
    with pytest.raises(Exception, match="已经冲销过了"):
        store.reverse(rent, dt.date(2025, 2, 4), "记02-002")
    february = store.disclosure(books, mo.parse_period("2025-02"))
    assert [item.amount for item in february.income] == [D("-500.00")]


def test_removing_a_village_with_closed_books_can_be_undone(books):
    from app.store.villages import remove_village

    rent = entry(books, dt.date(2025, 1, 5), "租金", "501", income="500")
    store.close_month(books, "2025-01", "文书", dt.date(2025, 2, 1))
    store.reverse(models.JournalEntry.get_by_id(rent.id), dt.date(2025, 2, 3), "记02-001")
    changes = remove_village(books)
    assert models.JournalEntry.select().count() == 0 and models.MonthClose.select().count() == 0
    for change in reversed(changes):
        records.undo(change)
    assert models.JournalEntry.select().count() == 2 and models.MonthClose.select().count() == 1


# --- the ledger import ---
def write_rows(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["村收支明细账"])
    sheet.append(["日期", "凭证号", "摘要", "科目", "收入", "支出", "经手人", "审核人"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_the_ledger_import_checks_every_row(books, tmp_path):
    from app.exchange.ledger import read_ledger

    entry(books, dt.date(2025, 1, 5), "租金", "501", income="500")
    store.close_month(books, "2025-01", "文书", dt.date(2025, 2, 1))
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    path = tmp_path / "账.xlsx"
    write_rows(
        path,
        [
            [dt.datetime(2025, 2, 3), "记02-001", "收租金", "501", 3500, None, "王", "赵"],
            ["2025-02-04", "记02-002", "付电费", "管理费用", None, "318.4", "王", ""],
            ["2025-02-05", "", "付桌椅", "541 管理费用", None, 12.3, "王", ""],
            ["2025-01-20", "", "补记", "501", 5, None, "王", ""],
            ["2025-02-06", "", "错科目", "999", 5, None, "王", ""],
            ["2025-02-07", "", "两边都有", "501", 5, 5, "王", ""],
            ["2025-02-08", "", "三位小数", "501", "5.123", None, "王", ""],
            [tomorrow.isoformat(), "", "明天的", "501", 5, None, "王", ""],
            ["2025-02-09", "", "合计", "", 3505, 318.4, "", ""],
        ],
    )
    result = read_ledger(path, store.accounts(books), store.closed_months(books))
    assert [item["summary"] for item in result.items] == ["收租金", "付电费", "付桌椅"]
    assert result.items[2]["expense"] == D("12.30")
    assert result.items[0]["reviewer"] == "赵" and result.items[0]["reviewed_on"] == dt.date(2025, 2, 3)
    reasons = {p.row: p.reason for p in result.problems}
    assert reasons == {
        6: "2025年1月已结账，不能再导入这个月的账目",
        7: "科目“999”不在本村的科目表里",
        8: "一行只能有收入或支出中的一项",
        9: "收入最多保留 2 位小数",
        10: "日期不能晚于今天",
    }


def test_the_ledger_import_command_is_all_or_nothing(books, data_dir, tmp_path):
    from app.store.connection import close_database

    path = tmp_path / "账.xlsx"
    write_rows(
        path,
        [
            ["2025-02-03", "", "收租金", "501", 3500, None, "王", "赵"],
            ["2025-02-04", "", "错", "999", 1, None, "王", ""],
        ],
    )
    close_database()

    def run(*extra):
        return commands.run(data_dir, "import", "ledger", str(path), "--village", "芦笙村", *extra)

    refused = run()
    assert refused.returncode == 1 and "什么也没有导入" in refused.stderr
    taken = run("--skip-bad")
    assert taken.returncode == 0 and "已导入 1 笔账目到芦笙村收支明细账" in taken.stdout


# --- the sheets reconcile to the cent ---
amounts = st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2)
entries_strategy = st.lists(
    st.tuples(
        st.integers(0, 364),  # day of the year
        st.sampled_from(["501", "502", "511", "522", "531", "541", "551", "561", "202", "112"]),
        st.booleans(),  # income or expense
        amounts,
        st.booleans(),  # reviewed
    ),
    max_size=40,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=entries_strategy, opening=amounts, undistributed=amounts, taken=st.lists(amounts, min_size=3, max_size=3))
def test_every_sheet_reconciles_to_the_cent(db, rows, opening, undistributed, taken):
    from app.store.villages import create_village

    village = create_village(name=f"村{len(rows)}-{opening}", township="乡", county="县")
    store.ensure_chart(village)
    store.save_money_year(
        village,
        2025,
        {
            "opening_balance": opening,
            "opening_undistributed": undistributed,
            "reserve": taken[0],
            "welfare": taken[1],
            "households": taken[2],
        },
    )
    booked_net = D("0")
    for day, code, is_income, amount, reviewed in rows:
        on = dt.date(2025, 1, 1) + dt.timedelta(days=day)
        income, expense = (amount, D("0")) if is_income else (D("0"), amount)
        entry(village, on, "账", code, income=str(income), expense=str(expense), reviewer="赵" if reviewed else "")
        if reviewed:
            booked_net += income - expense
    previous_closing = opening
    for month in range(1, 13):
        sheet = money_data.finance_disclosure_data(village, mo.month_period(2025, month), dt.date(2026, 1, 15))
        figures = sheet.figures
        assert figures.opening == previous_closing
        assert figures.income_total == sum((i.amount for i in figures.income), D("0"))
        assert figures.closing == figures.opening + figures.income_total - figures.expense_total
        shown = [row[1] for row in sheet.summary_rows()]
        assert shown == [
            f"{x:,.2f}" for x in (figures.opening, figures.income_total, figures.expense_total, figures.closing)
        ]
        previous_closing = figures.closing
    assert previous_closing == opening + booked_net
    year = store.disclosure(village, mo.Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025年", "2025"))
    assert year.closing == previous_closing
    statement = money_data.income_distribution_data(village, 2025, dt.date(2026, 1, 15)).statement
    booked = [r for r in rows if r[4]]
    income_codes, expense_codes = {"501", "511", "522", "531", "561"}, {"502", "541", "551"}
    expected_income = sum((a if inc else -a for _, c, inc, a, _ in booked if c in income_codes), D("0"))
    expected_expense = sum((-a if inc else a for _, c, inc, a, _ in booked if c in expense_codes), D("0"))
    assert statement.total_income == expected_income and statement.total_expense == expected_expense
    assert statement.closing_undistributed == expected_income - expected_expense + undistributed - sum(taken, D("0"))


def test_the_printed_disclosure_shows_the_figures_and_capitals(books, tmp_path):
    from tests.unit.test_notices import pdf_text

    store.save_money_year(books, 2025, {"opening_balance": D("1000.00")})
    entry(books, dt.date(2025, 3, 5), "收厂房租金", "501", income="3500", voucher_no="记03-001")
    entry(books, dt.date(2025, 3, 8), "付误工补贴", "541", expense="1234.56", voucher_no="记03-002")
    sheet = catalogue.render("finance_disclosure", f"{books.id}:2025-03", today=dt.date(2025, 4, 15))
    text = pdf_text(sheet.pdf, tmp_path)
    for shown in (
        "芦笙村2025年3月财务收支公开",
        "1,000.00",
        "3,500.00",
        "1,234.56",
        "3,265.44",
        "叁仟贰佰陆拾伍元肆角肆分",
    ):
        assert shown in text
    assert "民主理财小组/监委会审核签字" in text
    distribution = catalogue.render("income_distribution", f"{books.id}:2025", today=dt.date(2026, 1, 15))
    text = pdf_text(distribution.pdf, tmp_path)
    assert "芦笙村2025年度收益及收益分配表" in text and "2,265.44" in text

"""管理 → 村级财务, as a clerk keeps the village's journal: an entry through 审核 and 联签, a month closed, a
correction by 冲销, the year's figures, Excel in and out, and the month's 财务公开."""

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from app.domain import money as mo
from app.store import models
from app.store import money as store

from .helpers import click, find, table_texts, type_into


def money_page(window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page("村级财务")


def last_month() -> dt.date:
    return dt.date.today().replace(day=1) - dt.timedelta(days=1)


def add_entry(qtbot, page, on: dt.date, summary: str, kind: str, amount: str, account="541 管理费用"):
    click(qtbot, page, "新增账目")
    form = page.form
    type_into(qtbot, form, "日期", on.isoformat())
    type_into(qtbot, form, "摘要", summary)
    type_into(qtbot, form, "科目", account)
    type_into(qtbot, form, "收支", kind)
    type_into(qtbot, form, "金额（元）", amount)
    type_into(qtbot, form, "经手人", "王报账")
    click(qtbot, form, "保存")
    return form


def row_of(page, summary: str) -> dict:
    texts = table_texts(page.table)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    return next(dict(zip(headers, row, strict=True)) for row in texts if summary in row)


def sign(qtbot, page, button: str, who: str):
    click(qtbot, page, button)
    type_into(qtbot, page.sign_form, page.sign_form.specs[0].label, who)
    click(qtbot, page.sign_form, "保存")


def test_an_entry_over_the_threshold_needs_review_and_both_signatures(qtbot, window, answer):
    page = money_page(window)
    on = dt.date.today()
    page.month.setCurrentIndex(on.month)
    add_entry(qtbot, page, on, "购置会议室桌椅", "支出", "1000.01")
    entry = models.JournalEntry.get(models.JournalEntry.summary == "购置会议室桌椅")
    assert entry.expense == Decimal("1000.01") and entry.voucher_no == f"记{on.month:02d}-001"
    assert row_of(page, "购置会议室桌椅")["状态"] == mo.PENDING_REVIEW
    assert "1 笔未审批完" in find(page, "本期收支").text()

    page.select_id(entry.id)
    sign(qtbot, page, "联签", "张书记、李主任")
    assert "先由民主理财小组或监委会审核" in find(page.sign_form, "联签人（书记、主任）提示").text()
    page.sign_form.close()
    sign(qtbot, page, "审核", "赵监委")
    assert row_of(page, "购置会议室桌椅")["状态"] == mo.PENDING_COSIGN
    sign(qtbot, page, "联签", "张书记、李主任")
    assert row_of(page, "购置会议室桌椅")["状态"] == mo.BOOKED
    assert "支出 1,000.01" in find(page, "本期收支").text()


def test_at_the_threshold_review_alone_books_the_entry(qtbot, window, answer):
    page = money_page(window)
    add_entry(qtbot, page, dt.date.today(), "付保洁费", "支出", "1000")
    page.select_id(models.JournalEntry.get(models.JournalEntry.summary == "付保洁费").id)
    sign(qtbot, page, "审核", "赵监委")
    assert row_of(page, "付保洁费")["状态"] == mo.BOOKED


def test_changing_the_amount_after_review_asks_for_review_again(qtbot, window, answer):
    page = money_page(window)
    add_entry(qtbot, page, dt.date.today(), "付电费", "支出", "318.40")
    entry = models.JournalEntry.get(models.JournalEntry.summary == "付电费")
    page.select_id(entry.id)
    sign(qtbot, page, "审核", "赵监委")
    click(qtbot, page, "修改")
    type_into(qtbot, page.form, "金额（元）", "381.40")
    click(qtbot, page.form, "保存")
    assert row_of(page, "付电费")["状态"] == mo.PENDING_REVIEW


def test_a_closed_month_is_not_edited_and_is_corrected_by_a_reversal(qtbot, window, answer):
    page = money_page(window)
    month = last_month()
    page.year.setValue(month.year)
    page.month.setCurrentIndex(month.month)
    add_entry(qtbot, page, month.replace(day=5), "收厂房租金", "收入", "3500", account="501 经营收入")
    entry = models.JournalEntry.get(models.JournalEntry.summary == "收厂房租金")
    page.select_id(entry.id)
    click(qtbot, page, "结账")
    assert "还有 1 笔账目没有审批完" in answer["asked"][-1]
    sign(qtbot, page, "审核", "赵监委")
    click(qtbot, page, "结账")
    assert "（待联签）" in answer["asked"][-1]
    sign(qtbot, page, "联签", "张书记")
    click(qtbot, page, "结账")
    assert "结账不能撤回" in answer["asked"][-1]
    assert row_of(page, "收厂房租金")["结账"] == "已结账"

    page.select_id(entry.id)
    click(qtbot, page, "修改")
    type_into(qtbot, page.form, "金额（元）", "3600")
    click(qtbot, page.form, "保存")
    assert "已结账" in answer["asked"][-1] and page.form.isVisible()
    page.form.close()
    assert models.JournalEntry.get_by_id(entry.id).income == Decimal("3500.00")
    click(qtbot, page, "删除")
    assert models.JournalEntry.get_or_none(models.JournalEntry.id == entry.id) is not None

    page.select_id(entry.id)
    click(qtbot, page, "冲销")
    click(qtbot, page.reverse_form, "保存")
    reversal = models.JournalEntry.get(models.JournalEntry.reverses == entry.id)
    assert reversal.income == Decimal("-3500.00") and reversal.entry_date == dt.date.today()
    assert window.session.undo() and window.session.redo()  # the reversal is an ordinary, undoable record
    village = window.session.village
    assert store.balance_before(village, dt.date.today() + dt.timedelta(days=1)) == Decimal("0.00")


def test_closing_cannot_be_undone(qtbot, window, answer):
    page = money_page(window)
    month = last_month()
    add_entry(qtbot, page, month.replace(day=2), "付办公用品", "支出", "236.50")
    page.select_id(models.JournalEntry.get(models.JournalEntry.summary == "付办公用品").id)
    page.year.setValue(month.year)
    page.month.setCurrentIndex(month.month)
    page.select_id(models.JournalEntry.get(models.JournalEntry.summary == "付办公用品").id)
    sign(qtbot, page, "审核", "赵监委")
    click(qtbot, page, "结账")
    assert store.closed_months(window.session.village) == {mo.month_key(month)}
    assert not window.session.undo()
    assert store.closed_months(window.session.village) == {mo.month_key(month)}


def test_the_year_figures_and_the_disclosure_sheet(qtbot, window, answer, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_sheet", lambda kind, record_id: opened.append((kind, record_id)))
    page = money_page(window)
    page.open_sheet = window.open_sheet
    click(qtbot, page, "年度数据")
    type_into(qtbot, page.year_form, "年初余额（元）", "10000")
    type_into(qtbot, page.year_form, "农户分配（元）", "-5")
    click(qtbot, page.year_form, "保存")
    assert "不能为负数" in find(page.year_form, "农户分配（元）提示").text()
    type_into(qtbot, page.year_form, "农户分配（元）", "500")
    click(qtbot, page.year_form, "保存")
    row = store.money_year(window.session.village, page.year.value())
    assert (row.opening_balance, row.households) == (Decimal("10000.00"), Decimal("500.00"))
    click(qtbot, page, "财务公开")
    type_into(qtbot, page.period_form, "公开期间", f"{page.year.value()}年第一季度")
    click(qtbot, page.period_form, "保存")
    assert opened == [("finance_disclosure", f"{window.session.village.id}:{page.year.value()}Q1")]


def test_the_journal_goes_to_excel_and_comes_back(qtbot, window, answer, monkeypatch, tmp_path):
    from app.ui import file_dialogs

    page = money_page(window)
    add_entry(qtbot, page, dt.date.today(), "收光伏收益", "收入", "1236.48", account="561 投资收益")
    add_entry(qtbot, page, dt.date.today(), "付误工补贴", "支出", "6800", account="541 管理费用")
    out = tmp_path / "账.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args: str(out))
    click(qtbot, page, "导出Excel")
    for entry in models.JournalEntry.select():
        entry.delete_instance()
    page.reload()
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args: str(out))
    click(qtbot, page, "导入Excel")
    dialog = page.import_dialog
    assert find(dialog, "导入概况").text() == "可以导入 2 行；有问题的 0 行。"
    click(qtbot, dialog, "导入")
    amounts = sorted((e.summary, e.income, e.expense) for e in models.JournalEntry.select())
    assert amounts == [
        ("付误工补贴", Decimal("0.00"), Decimal("6800.00")),
        ("收光伏收益", Decimal("1236.48"), Decimal("0.00")),
    ]


def test_the_chart_can_take_the_2023_names(qtbot, window, answer):
    page = money_page(window)
    click(qtbot, page, "科目表")
    dialog = page.chart_dialog
    before = models.Account.select().count()
    assert before == len(mo.CHART_2004)
    click(qtbot, dialog, "加入2023年制度科目")
    names = {a.name for a in models.Account.select()}
    assert {"公益支出", "所得税费用", "生产性生物资产"} <= names
    assert models.Account.get(models.Account.name == "公益支出").statement_line == "其他支出"
    account = models.Account.get(models.Account.code == "541")
    add_entry(qtbot, page, dt.date.today(), "付电费", "支出", "100")
    dialog.panel.reload()
    dialog.panel.select_id(account.id)
    click(qtbot, dialog.panel, "删除")
    assert "已记有 1 笔账目" in answer["asked"][-1]


def test_a_voucher_scan_is_copied_into_the_data_folder(qtbot, window, answer, monkeypatch, tmp_path, data_dir):
    from PySide6.QtGui import QDesktopServices, QImage

    from app.ui import file_dialogs

    scan = tmp_path / "U盘" / "凭证.png"
    scan.parent.mkdir()
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    image.save(str(scan))
    page = money_page(window)
    add_entry(qtbot, page, dt.date.today(), "付电费", "支出", "318.40")
    entry = models.JournalEntry.get(models.JournalEntry.summary == "付电费")
    page.select_id(entry.id)
    click(qtbot, page, "查看凭证")
    assert "还没有附凭证扫描件" in answer["asked"][-1]
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args: str(scan))
    click(qtbot, page, "附凭证")
    stored = data_dir / models.JournalEntry.get_by_id(entry.id).voucher_scan
    assert stored.parent == data_dir / "vouchers" and stored.read_bytes() == scan.read_bytes()
    assert row_of(page, "付电费")["凭证"] == "有扫描件"
    scan.unlink()  # the stick is gone; the copy stays
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.select_id(entry.id)
    click(qtbot, page, "查看凭证")
    assert opened == [str(stored)]

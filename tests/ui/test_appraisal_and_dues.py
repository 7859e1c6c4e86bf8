"""管理 → 民主评议 and 党费, as a clerk uses them."""

import datetime as dt
from decimal import Decimal

from app.publishing import sheets as catalogue
from app.store import models

from .helpers import click, find, table_texts, type_into
from .test_meetings_page import add_roster


def open_tab(window, title):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page(title)


def test_the_years_list_comes_from_the_roster_and_grades_are_checked(qtbot, window, answer):
    add_roster(window.session.village, full=5, probationary=1)
    page = open_tab(window, "民主评议")
    click(qtbot, page, "生成本年名单")
    assert len(table_texts(page.table)) == 6
    click(qtbot, page, "生成本年名单")  # nobody twice
    assert models.Appraisal.select().count() == 6
    for row in (0, 1, 2):
        page.table.selectRow(row)
        page.edit_selected()
        type_into(qtbot, page.form, "等次", "优秀")
        click(qtbot, page.form, "保存")
        if row == 1:  # two of six: a third, not more
            assert find(page, "评议提醒").text() == ""
    assert "评为优秀的 3 人，超过参评党员 6 人的三分之一" in find(page, "评议提醒").text()
    window.session.undo()
    assert find(page, "评议提醒").text() == ""


def test_an_unqualified_grade_asks_for_what_follows(qtbot, window):
    add_roster(window.session.village, full=3, probationary=0)
    page = open_tab(window, "民主评议")
    click(qtbot, page, "生成本年名单")
    page.table.selectRow(0)
    page.edit_selected()
    type_into(qtbot, page.form, "等次", "不合格")
    click(qtbot, page.form, "保存")
    assert "请写明处置" in table_texts(page.table)[0][-1]


def test_dues_are_set_for_the_year_paid_by_month_and_undone_as_one_step(qtbot, window, answer):
    add_roster(window.session.village, full=2, probationary=0)
    page = open_tab(window, "党费")
    click(qtbot, page, "生成本年核定")
    page.table.selectRow(0)
    page.edit_selected()
    type_into(qtbot, page.form, "类别", "工资收入")
    type_into(qtbot, page.form, "月收入或基数（元）", "4,200")
    click(qtbot, page.form, "保存")
    standard = models.DuesStandard.get(models.DuesStandard.category == "工资收入")
    assert standard.monthly == Decimal("42.00")
    page.select_id(standard.id)
    click(qtbot, page, "登记缴费")
    form = page.payment_form
    type_into(qtbot, form, "从哪个月", f"{dt.date.today().year}-01")
    type_into(qtbot, form, "到哪个月", f"{dt.date.today().year}-03")
    click(qtbot, form, "保存")
    assert models.DuesPayment.select().count() == 3
    row = next(r for r in table_texts(page.table) if r[1] == "工资收入")
    assert row[6] == "126.00"
    click(qtbot, page, "登记缴费")
    form = page.payment_form
    type_into(qtbot, form, "从哪个月", f"{dt.date.today().year}-03")
    click(qtbot, form, "保存")
    assert "已经交过" in find(form, "从哪个月提示").text()
    form.close()
    window.session.undo()
    assert models.DuesPayment.select().count() == 0


def test_the_ledger_totals_what_is_due_and_paid(demo, tmp_path):
    from tests.unit.test_notices import pdf_text

    village = demo[1]
    year = dt.date.today().year
    sheet = catalogue.render("dues_ledger", f"{village.id}:{year}")
    text = pdf_text(sheet.pdf, tmp_path)
    paid = sum(
        (p.amount for p in models.DuesPayment.select().where(models.DuesPayment.village == village)), Decimal("0")
    )
    assert f"{paid:,.2f}" in text and "连续6个月以上未交" in text and "补交超6个月" in text


def test_a_month_is_read_as_clerks_write_it_and_a_month_that_does_not_exist_is_refused():
    import pytest

    from app.domain.values import InputError
    from app.ui.management.dues import _month

    assert [_month(text, "月份") for text in ("2026-3", "2026年3月", "２０２６.03")] == ["2026-03"] * 3
    for text, says in (("2026-13", "不存在"), ("2026-03-01", "2026-03 这样"), ("", "请填写月份")):
        with pytest.raises(InputError, match=says):
            _month(text, "月份")

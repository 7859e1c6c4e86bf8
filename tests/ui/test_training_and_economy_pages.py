"""服务 → 教育培训 and 集体经济, as a clerk records a session and shows the village's income over the years."""

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox

from app.domain import members as m
from app.store import models, money, records

from .helpers import click, find, table_texts, type_into
from .test_services_tab import services_page

TODAY = dt.date.today()


def test_a_session_from_the_trainer_to_the_year_hours(qtbot, window, answer, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_sheet", lambda kind, record_id, **_: opened.append((kind, record_id)))
    village = window.session.village
    for name in ("王党员", "李党员"):
        records.save(models.PartyMember(village=village, name=name, stage=m.FULL, joined_on=dt.date(2010, 1, 1)))
    page = services_page(window, "教育培训")
    page.open_sheet = window.open_sheet

    click(qtbot, page, "师资库")
    trainers = page.trainers_dialog.panel
    click(qtbot, trainers, "新增授课人")
    type_into(qtbot, trainers.form, "姓名", "王芳")
    type_into(qtbot, trainers.form, "单位", "县委党校")
    type_into(qtbot, trainers.form, "电话", "139 8551 187二")
    click(qtbot, trainers.form, "保存")
    assert "只能包含数字" in find(trainers.form, "电话提示").text()
    type_into(qtbot, trainers.form, "电话", "13985511872")
    click(qtbot, trainers.form, "保存")
    assert table_texts(trainers.table)[0][3] == "139****1872"  # masked in the list too
    page.trainers_dialog.close()

    click(qtbot, page, "新增培训")
    form = page.form
    type_into(qtbot, form, "日期", TODAY.isoformat())
    type_into(qtbot, form, "培训主题", "学习党章")
    type_into(qtbot, form, "学时", "0")
    click(qtbot, form, "保存")
    assert "学时应大于 0" in find(form, "学时提示").text()
    assert "请勾选授课人" in find(form, "授课人提示").text()
    type_into(qtbot, form, "学时", "3.5")
    find(form, "王芳（县委党校）", QCheckBox).setChecked(True)
    click(qtbot, form, "保存")
    assert not form.isVisible()
    assert table_texts(page.table)[0][1:8] == ["学习党章", "县委党校", "课堂授课", "3.5", "王芳", "0", ""]

    page.table.selectRow(0)
    click(qtbot, page, "参训人员")
    dialog = page.trainees_dialog
    assert find(dialog, "参训统计").text() == "已选 0 人，共 2 人可选"
    click(qtbot, dialog, "全选")
    find(dialog, "王党员测试成绩").setText("101")
    click(qtbot, dialog, "保存")
    assert "0—100" in find(dialog, "参训人员提示").text()
    assert models.Trainee.select().count() == 0  # nothing half-saved
    find(dialog, "王党员测试成绩").setText("95.5")
    click(qtbot, dialog, "保存")
    assert not dialog.isVisible()
    assert table_texts(page.table)[0][6] == "2"

    click(qtbot, page, "年度学时")
    year = page.year_dialog
    assert "共 2 人，未达到 2 人" in find(year, "学时统计").text()
    rows = table_texts(find(year, "每人学时"))
    assert rows[0][3] == "3.5" and rows[0][5] == "差 28.5 学时"
    click(qtbot, year, "年度汇总")
    assert opened[-1] == ("training_year", f"{village.id}:{TODAY.year}")
    year.close()

    page.table.selectRow(0)
    click(qtbot, page, "删除")
    assert "及其参训记录" in answer["asked"][-1]
    assert models.TrainingSession.select().count() == 0 and models.Trainee.select().count() == 0
    window.undo_action.trigger()
    assert models.Trainee.select().count() == 2  # one step brings the session back with its trainees


def test_the_income_over_the_years_from_the_books(qtbot, window, answer, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_sheet", lambda kind, record_id, **_: opened.append((kind, record_id)))
    village = window.session.village
    money.ensure_chart(village)
    page = services_page(window, "集体经济")
    page.open_sheet = window.open_sheet
    assert "还没有收入" in find(page, "集体经济状况").text()
    click(qtbot, page, "发展情况表")
    assert not opened and "还没有收入" in answer["asked"][-1]

    last = TODAY.year - 1
    rent = models.Account.get((models.Account.village == village) & (models.Account.code == "501"))
    entry = models.JournalEntry(
        village=village,
        entry_date=dt.date(last, 6, 1),
        summary="厂房租金",
        account=rent,
        income=Decimal("62000"),
        handler="王报账",
        reviewer="赵监委",
        cosigned_by="张书记",
    )
    window.session.save(entry, "记账")  # the page follows the journal: nothing typed again
    table = find(page, "各年收入")
    rows = table_texts(table)
    assert [row[0] for row in rows] == [str(TODAY.year), str(last)]
    assert rows[1][1] == "62,000.00" and rows[1][7] == "62,000.00" and rows[1][11] == ""
    assert rows[0][11] == "空壳村"
    assert [f.year for f in page.chart.shown] == [last, TODAY.year]

    table.selectRow(1)
    click(qtbot, page, "填写年度数据")
    form = page.year_form
    assert form.editor("年度").text() == str(last)
    type_into(qtbot, form, "农民人均纯收入（元）", "1万")
    click(qtbot, form, "保存")
    assert "应为数字" in find(form, "农民人均纯收入（元）提示").text()
    type_into(qtbot, form, "农民人均纯收入（元）", "12500")
    type_into(qtbot, form, "经营性收入目标（元）", "80000")
    click(qtbot, form, "保存")
    rows = table_texts(table)
    assert rows[1][8:11] == ["80,000.00", "78%", "12,500.00"]

    click(qtbot, page, "评定标准")
    type_into(qtbot, page.rules_form, "空壳村：收入低于（元）", "70000")
    click(qtbot, page.rules_form, "保存")
    assert table_texts(table)[1][11] == "空壳村"
    window.undo_action.trigger()
    assert table_texts(table)[1][11] == ""

    click(qtbot, page, "新增发展项目")
    type_into(qtbot, page.projects.form, "项目名称", "茶叶基地")
    type_into(qtbot, page.projects.form, "投资（元）", "-5")
    click(qtbot, page.projects.form, "保存")
    assert "不能为负数" in find(page.projects.form, "投资（元）提示").text()
    type_into(qtbot, page.projects.form, "投资（元）", "800000")
    click(qtbot, page.projects.form, "保存")
    assert table_texts(page.projects.table)[0][4] == "800,000.00"
    click(qtbot, page, "发展情况表")
    assert opened == [("economy_report", str(village.id))]

"""服务 → 农户, 联系人, 走访记录, as a clerk keeps the register and the contact chain."""

import datetime as dt

from app.store import models

from tests.unit.test_households import an_id

from .helpers import click, find, table_texts, type_into


def services_page(window, title):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.services_tab))
    return window.services_tab.tabs.page(title)


def add_household(qtbot, page, name, group, **typed):
    click(qtbot, page, "新增农户")
    form = page.form
    type_into(qtbot, form, "户主", name)
    type_into(qtbot, form, "人口", "3")
    type_into(qtbot, form, "村民小组", group)
    for label, text in typed.items():
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    return form


def test_a_clerk_registers_households_and_sees_who_has_nobody(qtbot, window, answer):
    contacts = services_page(window, "联系人")
    click(qtbot, contacts, "新增联系人")
    type_into(qtbot, contacts.form, "身份", "村民代表")
    type_into(qtbot, contacts.form, "姓名", "龙再兴")
    type_into(qtbot, contacts.form, "片区或村民小组", "第一组")
    click(qtbot, contacts.form, "保存")
    households = services_page(window, "农户")
    add_household(qtbot, households, "吴光明", "第一组", 联系人="龙再兴（第一组）")
    valid = an_id(11)
    wrong = valid[:-1] + ("1" if valid[-1] != "1" else "2")
    form = add_household(qtbot, households, "杨秀英", "第二组", 户主身份证号=wrong)
    assert "身份证号" in find(form, "户主身份证号提示").text() and form.isVisible()
    type_into(qtbot, form, "户主身份证号", "")
    find(form, "低保户").setChecked(True)
    click(qtbot, form, "保存")
    assert models.Household.get(models.Household.head_name == "杨秀英").marks == "低保户"
    assert "已有联系人 1 户 / 共 2 户（50.0%），没有联系人的 1 户" in find(households, "联系覆盖").text()
    find(households, "只看没有联系人的户").setChecked(True)
    assert [row[2] for row in table_texts(households.table)] == ["杨秀英"]
    find(households, "只看没有联系人的户").setChecked(False)
    households.search.setText("ygm")
    assert [row[2] for row in table_texts(households.table)] == []
    households.search.setText("wgm")
    assert [row[2] for row in table_texts(households.table)] == ["吴光明"]
    assert find(households, "农户条数").text() == "找到 1 户（共 2 户）"


def test_a_household_with_visits_and_a_contact_holding_households_are_not_deleted(qtbot, window, answer):
    contacts = services_page(window, "联系人")
    holder = models.HouseholdContact.create(village=window.session.village, name="潘德荣", kind="党员", area="第一组")
    contacts.reload()
    households = services_page(window, "农户")
    add_household(qtbot, households, "吴光明", "第一组", 联系人="潘德荣（第一组）")
    home = models.Household.get(models.Household.head_name == "吴光明")
    visits = services_page(window, "走访记录")
    click(qtbot, visits, "新增走访记录")
    type_into(qtbot, visits.form, "日期", dt.date.today().isoformat())
    type_into(qtbot, visits.form, "农户", "吴光明（第一组）")
    type_into(qtbot, visits.form, "走访人", "潘德荣")
    type_into(qtbot, visits.form, "后续事项", "代办医保报销")
    click(qtbot, visits.form, "保存")
    assert table_texts(visits.table)[0][-1] == "未办结"
    households.reload()
    households.select_id(home.id)
    click(qtbot, households, "删除")
    assert "有 1 条走访记录" in answer["asked"][-1]
    contacts.select_id(holder.id)
    click(qtbot, contacts, "删除")
    assert "还联系着 1 户" in answer["asked"][-1]
    assert models.HouseholdContact.get_or_none(models.HouseholdContact.id == holder.id) is not None


def test_id_numbers_are_masked_until_asked_and_the_asking_is_logged(qtbot, window, answer):
    households = services_page(window, "农户")
    number = an_id(7)
    add_household(qtbot, households, "吴光明", "第一组", 户主身份证号=number)
    assert table_texts(households.table)[0][6] == "52" + "*" * 13 + number[-3:]
    click(qtbot, households, "显示身份证号")
    assert table_texts(households.table)[0][6] == number
    logged = models.AuditEntry.select().where(models.AuditEntry.action == "查看身份证号").get()
    assert logged.table == "household"


def test_all_villages_at_once_for_the_township(qtbot, demo_window):
    households = services_page(demo_window, "农户")
    one = households.paged.rowCount()
    households.scope.setCurrentText("所有村")
    assert households.paged.rowCount() == models.Household.select().count() > one
    villages = {row[0] for row in table_texts(households.table)[:: max(1, households.paged.rowCount() // 50)]}
    assert len(villages) == models.Village.select().count()

"""Households and 分组联片: marks, coverage and loads at the limit, the list's search and order read from the
database, the import's checks, and the two sheets without a whole phone or ID number."""

import datetime as dt

import pytest

from app.domain import households as h
from app.domain.values import id_check_char
from app.exchange import households as exchange
from app.publishing import sheets as catalogue
from app.store import households as store
from app.store import models, records
from tests.unit.test_notices import pdf_text


def household(village, name, group="第一组", contact=None, **extra):
    row = models.Household(village=village, head_name=name, group_name=group, contact=contact, **extra)
    records.save(row)
    return row


def contact(village, name, area="第一组", cadre=None):
    row = models.HouseholdContact(village=village, name=name, kind=h.PARTY_MEMBER, area=area, cadre=cadre)
    records.save(row)
    return row


def an_id(n: int) -> str:
    first = f"52262519800101{n:03d}"
    return first + id_check_char(first)


def test_marks_are_checked_and_kept_in_order():
    assert h.check_marks("残疾、低保户") == "低保户、残疾"
    assert h.check_marks("脱贫户，监测户") == "脱贫户、监测户"
    with pytest.raises(ValueError, match="标记“贫困户”不认识"):
        h.check_marks("贫困户")


def test_coverage_and_loads_at_the_limit(village):
    busy, light = contact(village, "吴光明"), contact(village, "杨秀英", "第二组")
    for n in range(h.DEFAULT_CONTACT_LOAD):
        household(village, f"户{n}", contact=busy)
    household(village, "龙再兴", "第二组")
    assert store.coverage(village).text == "已有联系人 15 户 / 共 16 户（93.8%），没有联系人的 1 户"
    loads = store.loads(village)
    assert loads == {"吴光明（第一组）": 15, "杨秀英（第二组）": 0}
    assert h.overloaded(loads, store.contact_load_limit()) == []  # 15 is the limit, not over it
    household(village, "户15", contact=busy)
    assert h.overloaded(store.loads(village), 15) == [("吴光明（第一组）", 16)]
    assert light.id  # a contact holding none is listed with 0


def test_the_list_searches_name_initials_group_and_marks_in_order(village):
    household(village, "王德荣", "第二组")
    household(village, "王秀英", "第一组", marks="低保户")
    household(village, "李明", "第一组")
    household(village, "100%_户", "第十组")
    order = [r.head_name for r in store.rows(store.list_rowids([village]))]
    assert order == ["李明", "王秀英", "王德荣", "100%_户"]  # 第一组, 第二组 … 第十组, then 户主
    found = lambda q: [r.head_name for r in store.rows(store.list_rowids([village], q))]  # noqa: E731
    assert found("wdr") == ["王德荣"]
    assert found("王") == ["王秀英", "王德荣"]
    assert found("第二组") == ["王德荣"] and found("dez") == ["王德荣"]
    assert found("低保") == ["王秀英"] and found("dbh") == ["王秀英"]
    assert found("%") == ["100%_户"] and found("_") == ["100%_户"]  # wildcards are searched as text


def test_the_household_import_checks_every_row(village, tmp_path):
    from openpyxl import Workbook

    household(village, "已在册", id_number=an_id(1))
    book = Workbook()
    sheet = book.active
    sheet.append(["户主姓名", "家庭人口", "组别", "手机号码", "户主身份证号", "户类别"])
    sheet.append(["吴光明", 4, "第一组", "13812345678", an_id(2), "低保户、残疾"])
    sheet.append(["杨秀英", "", "第二组", "", "", ""])
    sheet.append(["", 3, "第二组", "", "", ""])
    sheet.append(["龙再兴", 0, "第二组", "", "", ""])
    sheet.append(["潘德荣", 3, "第二组", "", an_id(1), ""])
    sheet.append(["石永福", 3, "第二组", "", an_id(2), ""])
    sheet.append(["田家顺", 3, "第二组", "", "", "贫困户"])
    sheet.append(["欧春梅", 3, "第二组", "电话不详", "", ""])
    path = tmp_path / "农户.xlsx"
    book.save(path)
    result = exchange.read_households(path, exchange.existing_id_numbers(village))
    assert [(x["head_name"], x["members"], x["marks"]) for x in result.items] == [
        ("吴光明", 4, "低保户、残疾"),
        ("杨秀英", 1, ""),
    ]
    reasons = {p.row: p.reason for p in result.problems}
    assert reasons[4] == "请填写户主"
    assert reasons[5] == "人口不能小于 1"
    assert reasons[6] == "农户名册里已有这个身份证号"
    assert reasons[7] == "身份证号与第 2 行重复"
    assert reasons[8].startswith("标记“贫困户”不认识")
    assert "联系电话" in reasons[9]
    changes = exchange.save_households(village, result.items)
    assert len(changes) == 2 and models.Household.get(models.Household.head_name == "吴光明").search_key


def test_sheets_show_households_but_no_whole_numbers(village, tmp_path):
    cadre = models.Cadre(village=village, name="刘金花", phone="18698973996")
    records.save(cadre)
    holder = contact(village, "吴光明", cadre=cadre)
    household(village, "杨秀英", contact=holder, phone="13812345678", id_number=an_id(3), marks="独居老人")
    card = pdf_text(catalogue.render("contact_card", str(holder.id), today=dt.date(2026, 11, 1)).pdf, tmp_path)
    assert "杨秀英" in card and "138****5678" in card and "13812345678" not in card and an_id(3) not in card
    sign = pdf_text(catalogue.render("household_sign", str(village.id), today=dt.date(2026, 11, 1)).pdf, tmp_path)
    assert "刘金花" in sign and "186****3996" in sign and "杨秀英" in sign and "13812345678" not in sign

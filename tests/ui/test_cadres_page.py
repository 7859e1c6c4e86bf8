"""管理 → 班子成员, as a clerk uses it."""

import datetime as dt

from app.publishing import sheets as catalogue
from app.store import models

from .helpers import click, find, table_texts, type_into
from .test_members_tab import an_id


def cadres_page(window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page("班子成员")


def add_person(qtbot, page, name, id_number):
    click(qtbot, page.people, "新增班子成员")
    type_into(qtbot, page.people.form, "姓名", name)
    type_into(qtbot, page.people.form, "身份证号", id_number)
    click(qtbot, page.people.form, "保存")


def add_post(qtbot, page, name, post):
    click(qtbot, page.posts, "新增职务")
    form = page.posts.form
    form.editor("姓名").setCurrentText(name)
    type_into(qtbot, form, "职务", post)
    click(qtbot, form, "保存")
    assert not form.isVisible()


def test_building_the_committee_shows_then_clears_the_composition_warnings(qtbot, window):
    page = cadres_page(window)
    for number, name in enumerate(["吴主任", "杨副主任", "龙委员"]):
        add_person(qtbot, page, name, an_id("19800101", f"1{number}1"))  # all men: an odd 17th digit
    add_post(qtbot, page, "吴主任", "村委会主任")
    add_post(qtbot, page, "杨副主任", "村委会副主任")
    text = find(page, "班子结构").text()
    assert "村委会现有 2 人" in text and "没有女性成员" in text
    add_person(qtbot, page, "潘秀英", an_id("19850101", "120"))
    add_post(qtbot, page, "潘秀英", "村委会委员")
    assert find(page, "班子结构").text() == "班子结构符合组织法的人数、妇女成员和回避规定。"
    people = {row[0]: row for row in table_texts(page.people.table)}
    assert people["潘秀英"][1] == "女" and "村委会委员" in people["潘秀英"]


def test_a_five_officers_post_saved_without_duties_gets_the_usual_ones(qtbot, window):
    page = cadres_page(window)
    add_person(qtbot, page, "吴文书", an_id())
    add_post(qtbot, page, "吴文书", "文书")
    post = models.CadrePost.get()
    assert "会议记录" in post.duties


def test_a_person_with_posts_cannot_be_deleted_until_they_are_removed(qtbot, window, answer):
    page = cadres_page(window)
    add_person(qtbot, page, "吴文书", an_id())
    add_post(qtbot, page, "吴文书", "文书")
    page.people.table.selectRow(0)
    click(qtbot, page.people, "删除")
    assert "还有 1 项职务" in answer["asked"][-1]
    assert models.Cadre.select().count() == 1


def test_the_duties_sheet_lists_current_posts_with_masked_phones(demo, tmp_path):
    from tests.unit.test_notices import pdf_text

    village = demo[0]
    sheet = catalogue.render("cadre_duties", str(village.id), today=dt.date(2026, 11, 25))
    text = pdf_text(sheet.pdf, tmp_path)
    secretary = models.CadrePost.get((models.CadrePost.village == village) & (models.CadrePost.post == "党组织书记"))
    assert secretary.cadre.name in text and "一肩挑" in text
    assert secretary.cadre.phone not in text and secretary.cadre.phone[:3] + "****" in text
    assert "公开期限" not in text  # a poster, not a 公示


def test_a_cadres_whole_id_number_is_shown_only_when_asked_and_that_is_logged(qtbot, window, answer):
    page = cadres_page(window)
    number = an_id()
    add_person(qtbot, page, "吴文书", number)
    assert table_texts(page.people.table)[0][7] == "52*************" + number[-3:]
    click(qtbot, page.people, "显示身份证号")
    assert table_texts(page.people.table)[0][7] == number
    logged = models.AuditEntry.get(models.AuditEntry.action == "查看身份证号")
    assert logged.table == "cadre"

"""服务 → 低保评议, as a clerk runs a 评议 and posts its 公示 safely."""

import datetime as dt

from app.store import models

from .helpers import click, find, table_texts, type_into
from .test_services_tab import services_page

PANEL = "\n".join(
    [f"乡干部{n} 乡镇干部" for n in range(2)]
    + [f"两委{n} 村“两委”成员" for n in range(5)]
    + [f"监委{n} 村务监督委员会成员" for n in range(3)]
    + [f"党员{n} 党员代表" for n in range(3)]
    + [f"代表{n} 村民代表" for n in range(2)]
)


def test_a_review_from_application_to_the_posted_notice(qtbot, window, answer, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_sheet", lambda kind, record_id, **_: opened.append((kind, record_id)))
    models.Household.create(village=window.session.village, head_name="吴光明", group_name="第一组", search_key="")
    page = services_page(window, "低保评议")
    page.open_sheet = window.open_sheet
    click(qtbot, page, "新增低保申请")
    type_into(qtbot, page.form, "申请户", "吴光明（第一组）")
    type_into(qtbot, page.form, "保障人数", "3")
    type_into(qtbot, page.form, "申请日期", (dt.date.today() - dt.timedelta(days=30)).isoformat())
    click(qtbot, page.form, "保存")
    application = models.DibaoApplication.get()

    click(qtbot, page, "评议会")
    reviews = page.reviews_dialog.panel
    click(qtbot, reviews, "新增评议会")
    type_into(qtbot, reviews.form, "日期", (dt.date.today() - dt.timedelta(days=5)).isoformat())
    reviews.form.editor("评议小组成员").setPlainText(PANEL + "\n张三")  # pasted, one per line
    type_into(qtbot, reviews.form, "到会人数", "12")
    click(qtbot, reviews.form, "保存")
    assert "应写成“姓名 身份”" in find(reviews.form, "评议小组成员提示").text()
    reviews.form.editor("评议小组成员").setPlainText(PANEL)
    click(qtbot, reviews.form, "保存")
    assert not reviews.form.isVisible()
    row = table_texts(reviews.table)[0]
    assert "15 人" in row[1] and "评议有效" in row[3] and row[4] == ""
    page.reviews_dialog.close()

    page.select_id(application.id)
    click(qtbot, page, "审批金额")
    assert "评议通过后" in answer["asked"][-1]
    click(qtbot, page, "记票")
    type_into(qtbot, page.ballot_form, "同意", "7")
    type_into(qtbot, page.ballot_form, "不同意", "5")
    click(qtbot, page.ballot_form, "保存")
    assert table_texts(page.table)[0][8] == "未通过"  # 7 of 12 is short of two thirds
    page.select_id(application.id)
    click(qtbot, page, "记票")
    type_into(qtbot, page.ballot_form, "同意", "8")
    type_into(qtbot, page.ballot_form, "不同意", "5")
    click(qtbot, page.ballot_form, "保存")
    assert "多于到会的 12 人" in find(page.ballot_form, "同意提示").text()
    type_into(qtbot, page.ballot_form, "不同意", "4")
    click(qtbot, page.ballot_form, "保存")
    assert table_texts(page.table)[0][8] == "通过"

    page.select_id(application.id)
    click(qtbot, page, "异议")
    objections = page.objections_dialog.panel
    click(qtbot, objections, "新增异议")
    type_into(qtbot, objections.form, "异议内容", "收入需核实")
    type_into(qtbot, objections.form, "答复", "已入户核实")
    click(qtbot, objections.form, "保存")
    assert "请填写答复日期" in find(objections.form, "答复日期提示").text()
    type_into(qtbot, objections.form, "答复日期", dt.date.today().isoformat())
    click(qtbot, objections.form, "保存")
    page.objections_dialog.close()
    assert table_texts(page.table)[0][10] == "1 条，已答复"
    click(qtbot, page, "评议公示")
    assert opened == [("dibao_notice", str(models.DibaoReview.get().id))]

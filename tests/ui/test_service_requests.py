"""服务 → 便民服务, as a clerk logs a request from 受理 to 办结."""

import datetime as dt

from app.store import models

from .helpers import click, find, table_texts, type_into
from .test_services_tab import services_page


def test_a_request_from_received_to_done(qtbot, window, answer):
    models.Household.create(village=window.session.village, head_name="吴光明", group_name="第一组", search_key="")
    page = services_page(window, "便民服务")
    click(qtbot, page, "新增代办事项")
    form = page.form
    type_into(qtbot, form, "受理日期", (dt.date.today() - dt.timedelta(days=20)).isoformat())
    type_into(qtbot, form, "办事人", "吴光明（第一组）")
    type_into(qtbot, form, "事项", "医疗费用报销")
    type_into(qtbot, form, "代办人", "刘金花")
    click(qtbot, form, "保存")
    request = models.ServiceRequest.get()
    assert request.household.head_name == "吴光明" and request.status == "受理"
    row = table_texts(page.table)[0]
    assert row[5] == "受理" and row[6].endswith("（已超期）")  # 5 working days long gone
    assert "超期未办结 1 件" in find(page, "办理情况").text()
    page.select_id(request.id)
    click(qtbot, page, "开始办理")
    type_into(qtbot, page.course_form, "日期", (dt.date.today() - dt.timedelta(days=19)).isoformat())
    click(qtbot, page.course_form, "保存")
    click(qtbot, page, "办结")
    type_into(qtbot, page.course_form, "办理结果", "已报销 1,280 元")
    type_into(qtbot, page.course_form, "是否满意", "满意")
    click(qtbot, page.course_form, "保存")
    row = table_texts(page.table)[0]
    assert row[5] == "办结" and row[9] == "满意" and not row[6].endswith("（已超期）")
    assert "超期" not in find(page, "办理情况").text()
    assert "办结 1 件（100%）" in find(page, "办理情况").text()

"""管理 → 四议两公开, as a clerk takes a matter from proposal to the result notice."""

import datetime as dt

from app.domain import four_two as f
from app.publishing import sheets as catalogue
from app.store import models

from .helpers import click, find, table_texts, type_into


def four_two_page(window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page("四议两公开")


def new_matter(qtbot, page, title, category):
    click(qtbot, page, "新增事项")
    type_into(qtbot, page.form, "事项", title)
    type_into(qtbot, page.form, "类别", category)
    type_into(qtbot, page.form, "计划金额（元）", "50000")
    click(qtbot, page.form, "保存")
    page.select_id(models.Matter.get(models.Matter.title == title).id)


def step(qtbot, page, days_ago, **typed):
    click(qtbot, page, "记录下一步")
    form = page.step_form
    type_into(qtbot, form, "日期", (dt.date.today() - dt.timedelta(days=days_ago)).isoformat())
    for label, text in typed.items():
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    return form


def test_a_matter_goes_from_proposal_to_the_result_notice(qtbot, demo_window, answer, tmp_path):
    from tests.unit.test_notices import pdf_text

    page = four_two_page(demo_window)
    village = demo_window.session.village
    new_matter(qtbot, page, "修建文化广场", "重要项目建设")
    matter = models.Matter.get(models.Matter.title == "修建文化广场")
    expected_first = len(
        {
            p.cadre_id
            for p in models.CadrePost.select().where(
                (models.CadrePost.village == village)
                & models.CadrePost.post.in_(["党组织书记", "党组织副书记", "党组织委员"])
            )
        }
    )
    form = step(qtbot, page, 20, 实到=str(expected_first + 1), 赞成="1")
    assert f"实到不能多于应到的 {expected_first} 人" in find(form, "实到提示").text()
    type_into(qtbot, form, "实到", str(expected_first))
    type_into(qtbot, form, "赞成", str(expected_first))
    click(qtbot, form, "保存")
    assert not form.isVisible()
    form = step(qtbot, page, 25, 实到="3", 赞成="3")  # before ①
    assert "不能早于上一步的日期" in find(form, "日期提示").text()
    type_into(qtbot, form, "日期", (dt.date.today() - dt.timedelta(days=18)).isoformat())
    type_into(qtbot, form, "实到", "5")
    type_into(qtbot, form, "赞成", "5")
    click(qtbot, form, "保存")
    step(qtbot, page, 15, 实到="10", 赞成="9")
    reps = village.representatives
    form = step(
        qtbot, page, 10, 会议="村民代表会议", 实到=str(reps - 1), 赞成=str(reps - 3), 乡镇参会人员="乡农业服务中心"
    )
    assert not form.isVisible()
    step(qtbot, page, 8, 公开内容="决议公开7天")
    step(qtbot, page, 1, 实施情况="广场建成", **{"实际支出（元）": "48,500"})
    matter = models.Matter.get_by_id(matter.id)
    assert matter.status == f.DONE
    resolution = pdf_text(catalogue.render("resolution_notice", str(matter.id)).pdf, tmp_path)
    assert "修建文化广场" in resolution and f"应到{reps}人，实到{reps - 1}人" in resolution
    result = pdf_text(catalogue.render("result_notice", str(matter.id)).pdf, tmp_path)
    assert "48,500.00元" in result and "50,000.00元" in result


def test_a_law_24_matter_is_refused_to_representatives_without_authorisation(qtbot, demo_window, answer):
    page = four_two_page(demo_window)
    new_matter(qtbot, page, "宅基地使用方案调整", "宅基地使用方案")
    matter = models.Matter.get(models.Matter.title == "宅基地使用方案调整")
    for number, days_ago in ((1, 20), (2, 18), (3, 15)):
        step_values = {"held_on": dt.date.today() - dt.timedelta(days=days_ago), "present": 0, "votes_for": 0}
        from app.store import four_two

        matter = models.Matter.get_by_id(matter.id)
        expected = four_two.expected_at(matter.village, number, step_values["held_on"])
        step_values.update(present=expected, votes_for=expected)
        four_two.record_step(matter, step_values)
    page.reload()
    page.select_id(matter.id)
    reps = matter.village.representatives
    form = step(qtbot, page, 10, 会议="村民代表会议", 实到=str(reps - 2), 赞成=str(reps - 4))
    assert "组织法第二十四条" in find(form, "已获授权提示").text()
    form.editor("已获授权").setChecked(True)
    click(qtbot, form, "保存")
    assert not form.isVisible()


def test_a_failed_step_is_ended_or_sent_back_and_both_are_kept(qtbot, demo_window, answer):
    page = four_two_page(demo_window)
    failed = models.Matter.get(
        (models.Matter.village == demo_window.session.village) & (models.Matter.title == "公益岗位补贴标准调整")
    )
    page.select_id(failed.id)
    assert "未通过" in next(row[4] for row in table_texts(page.table) if row[0] == failed.title)
    click(qtbot, page, "记录下一步")
    assert "没有通过" in answer["asked"][-1]
    click(qtbot, page, "重新提议")
    assert models.Matter.get_by_id(failed.id).round == 2
    assert "退回重新提议" in next(row[4] for row in table_texts(page.table) if row[0] == failed.title)
    assert find(page, "事项步骤").rowCount() == 2  # the first round stays on record
    demo_window.session.undo()
    assert models.Matter.get_by_id(failed.id).round == 1


def test_proposal_and_consultation_may_be_one_meeting_only_where_one_person_holds_both_posts(demo):
    import pytest

    from app.domain.values import InputError
    from app.store import four_two, records

    day = dt.date.today() - dt.timedelta(days=5)
    for village, allowed in ((demo[0], True), (demo[1], False)):  # 涌溪村 has 一肩挑, 芽溪村 has not
        matter = models.Matter(village=village, title="合并召开试验", category="重要事务决定", origin="村干部提议")
        records.save(matter)
        matter = models.Matter.get_by_id(matter.id)
        first = four_two.expected_at(village, 1, day)
        four_two.record_step(matter, {"held_on": day, "present": first, "votes_for": first})
        second = four_two.expected_at(village, 2, day)
        merged = {"held_on": day, "present": second, "votes_for": second, "merged": True}
        if allowed:
            four_two.record_step(matter, merged)
            assert four_two.steps_of(matter)[-1].merged
        else:
            with pytest.raises(InputError, match="一肩挑"):
                four_two.record_step(matter, merged)

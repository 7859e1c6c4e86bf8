"""Undo acts on the village on screen, never over someone else's change; a form never overwrites one."""

from PySide6.QtWidgets import QComboBox, QTableView

from app.store import models, records

from .helpers import click, find, table_texts, type_into
from .test_positions_tab import open_page


def add_facility(qtbot, window, name: str) -> None:
    panel = open_page(window, "设备台账")
    click(qtbot, panel, "新增设备")
    type_into(qtbot, panel.form, "名称", name)
    click(qtbot, panel.form, "保存")


def test_undo_after_switching_village_leaves_the_other_village_alone(qtbot, demo_window, answer):
    first = demo_window.session.village
    add_facility(qtbot, demo_window, "投影仪")
    assert models.Facility.select().where(models.Facility.name == "投影仪").count() == 1

    choice = find(demo_window, "当前村", QComboBox)
    other = next(i for i in range(choice.count()) if choice.itemData(i) != str(first.id))
    choice.setCurrentIndex(other)
    assert demo_window.session.village.id != first.id
    assert not demo_window.undo_action.isEnabled()
    demo_window.undo_action.trigger()
    assert models.Facility.select().where(models.Facility.name == "投影仪").count() == 1

    choice.setCurrentIndex(choice.findData(str(first.id)))
    assert demo_window.undo_action.isEnabled() and "投影仪" in demo_window.undo_action.text()
    demo_window.undo_action.trigger()
    assert not models.Facility.select().where(models.Facility.name == "投影仪").exists()


def test_an_undo_that_cannot_be_done_leaves_the_history_where_it_was(qtbot, window, answer):
    add_facility(qtbot, window, "打印机")
    records.delete(models.Facility.get())  # another window deletes it
    stack = window.session.undo_stack
    index = stack.index()
    window.undo_action.trigger()  # undoing the creation finds it already gone
    assert "已被删除" in answer["asked"][-1]
    assert stack.index() == index and window.undo_action.isEnabled()


def test_redo_of_an_edit_refuses_when_the_record_was_deleted_elsewhere(qtbot, window, answer):
    add_facility(qtbot, window, "音响")
    panel = open_page(window, "设备台账")
    table = find(panel, "设备列表", QTableView)
    table.selectRow(0)
    click(qtbot, panel, "修改")
    type_into(qtbot, panel.form, "名称", "音响设备")
    click(qtbot, panel.form, "保存")
    window.undo_action.trigger()
    index_before = window.session.undo_stack.index()
    records.delete(models.Facility.get())  # someone else deletes it
    window.redo_action.trigger()
    assert not models.Facility.select().exists()  # not re-created by the redo
    assert window.session.undo_stack.index() == index_before
    assert "已被删除" in answer["asked"][-1]


def test_undoing_the_creation_of_a_rule_others_were_merged_into_is_refused(qtbot, window, answer):
    panel = open_page(window, "上墙制度")
    click(qtbot, panel, "新增制度")
    type_into(qtbot, panel.form, "制度名称", "村务公开制度")
    panel.form.editor("正文").setPlainText("一、村务每季度公开一次。")
    click(qtbot, panel.form, "保存")
    target = models.WallRule.get(models.WallRule.title == "村务公开制度")
    records.save(
        models.WallRule(village=window.session.village, title="旧公开制度", status="已合并", merged_into=target)
    )
    stack = window.session.undo_stack
    # the history's newest entry is still the creation (the merge was saved by another program)
    index = stack.index()
    window.undo_action.trigger()
    assert models.WallRule.get_or_none(models.WallRule.id == target.id) is not None
    assert stack.index() == index and "不能删除" in answer["asked"][-1]


def test_a_form_saved_over_a_record_changed_elsewhere_overwrites_nothing(qtbot, window, answer):
    add_facility(qtbot, window, "电脑")
    panel = open_page(window, "设备台账")
    find(panel, "设备列表", QTableView).selectRow(0)
    click(qtbot, panel, "修改")
    form = panel.form
    type_into(qtbot, form, "名称", "台式电脑")
    elsewhere = models.Facility.get()
    elsewhere.model_number = "联想 M720"
    records.save(elsewhere)  # another computer changed it while the form was open
    click(qtbot, form, "保存")
    assert "已被修改" in answer["asked"][-1]
    assert form.isVisible()  # what the clerk typed is still there
    saved = models.Facility.get()
    assert saved.name == "电脑" and saved.model_number == "联想 M720"
    assert table_texts(find(panel, "设备列表", QTableView))[0][0] == "电脑"

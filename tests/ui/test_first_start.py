from PySide6.QtWidgets import QLabel, QProgressDialog

from app.store import models
from app.ui.application import first_start_form

from .helpers import click, find, type_into

GOOD = {
    "村名": "芦笙村",
    "所属乡镇": "涌溪乡",
    "县": "镇远县",
    "户数": "318",
    "18岁以上人口": "962",
    "村民代表人数": "29",
    "监督电话": "0855-5721234",
}


def test_first_start_asks_for_the_village_and_rejects_bad_input(qtbot, db):
    created = []
    form = first_start_form(created.append)
    qtbot.addWidget(form)
    form.show()
    assert form.windowTitle() == "首次使用：填写本村信息"
    for label, text in {**GOOD, "户数": "三百多", "监督电话": ""}.items():
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    assert find(form, "户数提示", QLabel).text() == "户数应为整数，例如 12"
    assert find(form, "监督电话提示", QLabel).text() == "请填写监督电话"
    assert form.isVisible() and not created and not models.Village.select().exists()

    type_into(qtbot, form, "户数", "318")
    type_into(qtbot, form, "村民代表人数", "5000")
    type_into(qtbot, form, "监督电话", "0855-5721234")
    click(qtbot, form, "保存")
    assert find(form, "村民代表人数提示", QLabel).text() == "村民代表人数不能多于18岁以上人口"
    assert not models.Village.select().exists()

    type_into(qtbot, form, "村民代表人数", "29")
    click(qtbot, form, "保存")
    assert not form.isVisible()
    village = models.Village.get()
    assert (village.name, village.households, village.adult_population) == ("芦笙村", 318, 962)
    assert str(village.venue_area_standard) == "400.00"
    items = models.ChecklistItem.select().where(models.ChecklistItem.village == village)
    assert [i.text for i in items.order_by(models.ChecklistItem.position)] == [
        "有场地",
        "有标识",
        "有设备",
        "有制度",
        "有载体",
    ]


def test_window_title_shows_the_village(window):
    assert window.windowTitle() == "镇远县涌溪乡芦笙村 — 村级三强工作台"
    assert not window.village_choice_action.isVisible()
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["阵地", "管理", "服务", "公开栏"]


def test_village_profile_can_be_edited_later(qtbot, window):
    venues = window.positions_tab.tabs.page("活动场所")
    form = window.edit_village()
    type_into(qtbot, form, "活动场所面积标准（㎡）", "500")
    click(qtbot, form, "保存")
    assert str(models.Village.get().venue_area_standard) == "500.00"
    assert find(venues, "面积标准", QLabel).text().startswith("面积标准：500 ㎡")


def test_first_start_offers_the_demo_township(qtbot, db, monkeypatch):
    shown = []  # what the progress bar said while the demo was built, and how far it had got
    label, value = QProgressDialog.setLabelText, QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setLabelText", lambda box, text: (shown.append(text), label(box, text)))
    monkeypatch.setattr(QProgressDialog, "setValue", lambda box, v: (shown.append((v, box.maximum())), value(box, v)))
    created = []
    form = first_start_form(created.append)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form, "先看演示数据")
    assert not form.isVisible() and created
    assert models.Village.select().count() == 4 and created[0].township == "涌溪乡"
    texts = [item for item in shown if isinstance(item, str)]
    assert texts[0] == "正在放入演示数据：涌溪村：村庄信息……"
    assert "正在放入演示数据：铁山村：村级财务……" in texts and "正在放入演示数据：完成……" == texts[-1]
    steps = [item for item in shown if isinstance(item, tuple)]
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] > 40
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)


def test_undoing_a_profile_change_restores_the_title_and_standard(qtbot, window):
    form = window.edit_village()
    type_into(qtbot, form, "村名", "芦笙新村")
    click(qtbot, form, "保存")
    assert window.windowTitle().startswith("镇远县涌溪乡芦笙新村")
    window.undo_action.trigger()
    assert window.windowTitle().startswith("镇远县涌溪乡芦笙村 —")
    assert models.Village.get().name == "芦笙村"

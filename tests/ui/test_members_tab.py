"""管理 → 党员花名册, as a clerk uses it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableView

from app.domain.values import id_check_char
from app.store import models

from .helpers import click, find, table_texts, type_into


def roster(window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page("党员花名册")


def an_id(born="19800101", sequence="123") -> str:
    first_17 = f"522625{born}{sequence}"
    return first_17 + id_check_char(first_17)


def add_member(qtbot, panel, name, id_number, **fields):
    click(qtbot, panel, "新增党员")
    form = panel.form
    type_into(qtbot, form, "姓名", name)
    type_into(qtbot, form, "身份证号", id_number)
    for label, text in fields.items():
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    return form


def column(panel, header):
    model = panel.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [row[headers.index(header)] for row in table_texts(panel.table)]


def test_a_member_added_by_id_number_gets_birth_date_and_gender_and_the_id_is_masked(qtbot, window):
    panel = roster(window)
    number = an_id("19800101", "124")
    form = add_member(
        qtbot,
        panel,
        "王䶮明",
        number,
        申请入党时间="2010-01-01",
        确定积极分子时间="2010-07-01",
        确定发展对象时间="2011-08-01",
        入党时间="2012-03-01",
        转正时间="2013-03-01",
    )
    assert not form.isVisible()
    member = models.PartyMember.get()
    assert (member.birth_date.isoformat(), member.gender) == ("1980-01-01", "女")
    assert column(panel, "姓名") == ["王䶮明"]
    assert column(panel, "身份证号") == ["52*************" + number[-3:]]
    assert number not in str(table_texts(panel.table))


def test_showing_whole_id_numbers_is_asked_and_logged(qtbot, window, answer):
    panel = roster(window)
    number = an_id()
    add_member(
        qtbot,
        panel,
        "吴光明",
        number,
        申请入党时间="2010-01-01",
        确定积极分子时间="2010-07-01",
        确定发展对象时间="2011-08-01",
        入党时间="2012-03-01",
        转正时间="2013-03-01",
    )
    click(qtbot, panel, "显示身份证号")
    assert "记入操作日志" in answer["asked"][-1]
    assert column(panel, "身份证号") == [number]
    logged = models.AuditEntry.select().where(models.AuditEntry.action == "查看身份证号")
    assert logged.count() == 1
    click(qtbot, panel, "隐藏身份证号")
    assert column(panel, "身份证号") != [number]


def test_a_wrong_id_or_a_second_person_with_the_same_id_is_refused_at_the_field(qtbot, window):
    panel = roster(window)
    number = an_id()
    add_member(qtbot, panel, "吴光明", number, **{"类别": "入党申请人", "申请入党时间": "2024-01-01"})
    form = add_member(qtbot, panel, "杨光明", number[:-1] + ("0" if number[-1] != "0" else "1"))
    assert "校验位不对" in find(form, "身份证号提示").text()
    type_into(qtbot, form, "身份证号", number)
    click(qtbot, form, "保存")
    assert "已有这个身份证号" in find(form, "身份证号提示").text()
    assert models.PartyMember.select().count() == 1


def test_people_who_left_leave_the_active_list_but_stay_in_the_history(qtbot, demo_window):
    panel = roster(demo_window)
    active = column(panel, "姓名")
    shown = find(panel, "显示", QComboBox)
    shown.setCurrentText("已离开（转出、出党、去世）")
    left = column(panel, "姓名")
    assert left and not set(left) & set(active)
    assert all(status.split()[0] in ("转出", "出党", "去世") for status in column(panel, "状态"))
    shown.setCurrentText("全部")
    assert set(active) | set(left) <= set(column(panel, "姓名"))


def test_a_probationary_member_due_for_conversion_is_flagged(qtbot, demo_window):
    panel = roster(demo_window)
    reminders = [text for text in column(panel, "提醒") if text]
    assert reminders and all("转正" in text for text in reminders)


def test_adding_a_member_can_be_undone(qtbot, window):
    panel = roster(window)
    add_member(qtbot, panel, "吴光明", an_id(), **{"类别": "入党申请人", "申请入党时间": "2024-01-01"})
    assert find(panel, "党员列表", QTableView).model().rowCount() == 0  # an applicant is not on the members list
    window.session.undo()
    assert models.PartyMember.select().count() == 0


def test_importing_the_townships_xls_previews_then_imports_as_one_undo_step(qtbot, window, answer, monkeypatch):
    from pathlib import Path

    from app.ui import file_dialogs

    township_xls = Path(__file__).resolve().parents[1] / "fixtures" / "township-members.xls"
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(township_xls))
    window.session.village.name = "涌溪村"  # the file is the 涌溪村 branch's
    window.session.village.save()
    panel = roster(window)
    click(qtbot, panel, "导入Excel")
    dialog = panel.import_dialog
    assert find(dialog, "导入概况").text() == "可以导入 4 行；有问题的 0 行。"
    assert find(dialog, "将导入的党员").rowCount() == 4
    click(qtbot, dialog, "导入")
    assert models.PartyMember.select().count() == 4
    assert "杨秀英" in column(panel, "姓名")
    window.session.undo()
    assert models.PartyMember.select().count() == 0


def test_a_file_with_bad_rows_imports_nothing_unless_the_clerk_skips_them(qtbot, window, answer, monkeypatch, tmp_path):
    from openpyxl import Workbook

    from app.ui import file_dialogs

    book = Workbook()
    book.active.append(["姓名", "身份证号", "入党时间", "转正时间"])
    book.active.append(["李好", an_id("19800106"), "2005-07-01", "2006-07-01"])
    book.active.append(["李坏", an_id("19800107")[:-1] + "0", "2005-07-01", "2006-07-01"])
    path = tmp_path / "名册.xlsx"
    book.save(path)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(path))
    panel = roster(window)
    click(qtbot, panel, "导入Excel")
    dialog = panel.import_dialog
    assert not find(dialog, "导入").isEnabled()
    assert "第 3 行（李坏）：身份证号校验位不对" in find(dialog, "有问题的行").toPlainText()
    click(qtbot, dialog, "跳过有问题的行并导入")
    assert [p.name for p in models.PartyMember.select()] == ["李好"]

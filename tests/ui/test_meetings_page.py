"""管理 → 三会一课, as a clerk uses it: record a meeting, tick attendance from the roster, see the outcome."""

import datetime as dt

from app.domain import meetings as mt
from app.publishing import sheets as catalogue
from app.store import models, records

from .helpers import click, find, table_texts, type_into
from .test_members_tab import an_id


def meetings_page(window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    return window.management_tab.tabs.page("三会一课")


def add_roster(village, full=4, probationary=1):
    for n in range(full + probationary):
        stage = "正式党员" if n < full else "预备党员"
        records.save(
            models.PartyMember(
                village=village,
                name=f"党员{n}",
                stage=stage,
                id_number=an_id("19700101", f"1{n}1"),
                applied_on=dt.date(2000, 1, 1),
                activist_on=dt.date(2000, 6, 1),
                candidate_on=dt.date(2001, 7, 1),
                joined_on=dt.date(2002, 1, 1) if n < full else dt.date(2026, 1, 10),
                converted_on=dt.date(2003, 1, 1) if n < full else None,
            )
        )


def add_meeting(qtbot, page, kind, held_on, **fields):
    click(qtbot, page, "新增会议")
    form = page.form
    type_into(qtbot, form, "类型", kind)
    type_into(qtbot, form, "日期", held_on)
    for label, text in fields.items():
        type_into(qtbot, form, label, text)
    click(qtbot, form, "保存")
    assert not form.isVisible()
    return models.Meeting.get(models.Meeting.held_on == dt.date.fromisoformat(held_on))


def test_attendance_is_picked_from_the_roster_and_decides_validity_and_the_vote(qtbot, window, answer):
    add_roster(window.session.village)
    page = meetings_page(window)
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    add_meeting(qtbot, page, "支部党员大会", yesterday, 议题="研究确定发展对象", 赞成票="3")
    page.table.selectRow(0)
    click(qtbot, page, "出席情况")
    dialog = page.attendance_dialog
    assert find(dialog, "应到人员").rowCount() == 5
    assert "预备党员（无表决权）" in find(dialog, "应到人员").item(4, 1).text()
    for n in (0, 1):
        find(dialog, f"党员{n}出席").setChecked(False)
    click(qtbot, dialog, "保存")
    assert "请写明缺席原因：党员0、党员1" in answer["asked"][-1]
    for n in (0, 1):
        find(dialog, f"党员{n}缺席原因").setText("外出务工")
    assert "实到 2 人，未超过半数，会议无效" in find(dialog, "出席统计").text()
    find(dialog, "党员1出席").setChecked(True)
    assert "实到 3 人，超过半数，会议有效" in find(dialog, "出席统计").text()
    assert "赞成 3 票，超过应到会有表决权的 4 人的半数，通过" in find(dialog, "出席统计").text()
    click(qtbot, dialog, "保存")
    row = table_texts(page.table)[0]
    assert row[4] == "4/5" and row[5] == "有效，通过"
    window.session.undo()
    assert models.Attendance.select().count() == 0


def test_a_meeting_entered_late_is_marked_on_the_list_and_the_record(qtbot, window, tmp_path):
    from tests.unit.test_notices import pdf_text

    add_roster(window.session.village)
    page = meetings_page(window)
    long_ago = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    meeting = add_meeting(qtbot, page, "党课", long_ago, 议题="书记讲党课")
    mark = f"补录（{dt.date.today():%Y-%m-%d} 录入）"
    assert table_texts(page.table)[0][6] == mark
    text = pdf_text(catalogue.render("meeting_minutes", str(meeting.id)).pdf, tmp_path)
    assert mark.replace(" ", "") in text.replace(" ", "")


def test_the_sign_in_sheet_lists_the_people_expected(qtbot, window, tmp_path):
    from tests.unit.test_notices import pdf_text

    add_roster(window.session.village)
    page = meetings_page(window)
    meeting = add_meeting(qtbot, page, "支部党员大会", dt.date.today().isoformat())
    text = pdf_text(catalogue.render("sign_in", str(meeting.id)).pdf, tmp_path)
    assert all(f"党员{n}" in text for n in range(5)) and "应到5人" in text


def test_the_calendar_shows_a_missed_committee_meeting(qtbot, demo_window):
    demo_window.session.set_village(models.Village.get(models.Village.name == "涌溪村"))  # it skipped April's
    page = meetings_page(demo_window)
    click(qtbot, page, "年度要求")
    text = find(page.calendar_dialog, "缺少的会议").text()
    if dt.date.today().month > 4:
        assert text.startswith("缺少：") and "支委会4月（已开 0 次，应开 1 次）" in text
    assert "组织生活会全年" in text


def test_deleting_a_meeting_takes_its_attendance_and_undo_brings_both_back(qtbot, demo_window, answer):
    page = meetings_page(demo_window)
    page.table.selectRow(0)
    meeting = page.selected()
    attended = models.Attendance.select().where(models.Attendance.meeting == meeting.id).count()
    assert attended
    click(qtbot, page, "删除")
    assert models.Meeting.get_or_none(models.Meeting.id == meeting.id) is None
    demo_window.session.undo()
    assert models.Attendance.select().where(models.Attendance.meeting == meeting.id).count() == attended
    assert mt.KINDS  # the kinds the list offers


def test_the_township_can_change_the_requirements_and_the_late_entry_limit(qtbot, window):
    from PySide6.QtWidgets import QComboBox, QSpinBox

    add_roster(window.session.village)
    page = meetings_page(window)
    eight_days_ago = (dt.date.today() - dt.timedelta(days=8)).isoformat()
    add_meeting(qtbot, page, "党课", eight_days_ago, 议题="党课")
    assert table_texts(page.table)[0][6].startswith("补录")
    click(qtbot, page, "年度要求")
    calendar = page.calendar_dialog
    click(qtbot, calendar, "修改要求")
    dialog = calendar.requirements_dialog
    find(dialog, "党课周期", QComboBox).setCurrentText("每月")
    find(dialog, "补录天数", QSpinBox).setValue(10)
    click(qtbot, dialog, "保存")
    assert table_texts(page.table)[0][6] == ""  # eight days is within ten
    assert calendar.table.item(mt.KINDS.index("党课"), 12).text() == "每月至少 1 次"
    window.session.undo()
    assert table_texts(page.table)[0][6].startswith("补录")

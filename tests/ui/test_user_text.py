"""User text is text everywhere, and destructive questions default to 否."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableView

from app.store import models
from app.ui.widgets import messages

from .helpers import click, find
from .test_history_and_conflicts import add_facility
from .test_positions_tab import open_page


def test_a_name_that_looks_like_html_is_shown_as_typed_and_no_is_the_default(qtbot, window, monkeypatch):
    add_facility(qtbot, window, "<b>新</b>")
    shown = []

    def capture(box):
        shown.append((box.text(), box.textFormat(), box.defaultButton() is box.button(QMessageBox.StandardButton.No)))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", capture)
    panel = open_page(window, "设备台账")
    find(panel, "设备列表", QTableView).selectRow(0)
    click(qtbot, panel, "删除")
    text, text_format, no_is_default = shown[-1]
    assert "确定删除设备“<b>新</b>”吗？" in text
    assert text_format == Qt.TextFormat.PlainText and no_is_default
    assert models.Facility.select().count() == 1


def test_an_ampersand_in_a_name_is_not_a_shortcut_marker_in_the_edit_menu(qtbot, window):
    add_facility(qtbot, window, "A&B")
    assert window.undo_action.text() == "撤销 新增设备“A&&B”"  # && shows as a single &


def test_choosing_the_checklist_already_in_use_changes_nothing(qtbot, window, answer, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("五有", True))
    panel = open_page(window, "标准自查")
    item = models.ChecklistItem.get(models.ChecklistItem.position == 1)
    item.met = True
    item.save()
    click(qtbot, panel, "切换清单")
    assert answer["asked"] == []  # not even asked
    assert models.ChecklistItem.get_by_id(item.id).met


def test_confirm_defaults_to_no(qtbot, monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.defaultButton().text()) or 0)
    messages.confirm(None, "确认删除", "确定删除吗？")
    assert seen == ["否"]


def test_a_message_goes_away_once_the_field_is_corrected(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from .helpers import type_into

    panel = open_page(window, "设备台账")
    click(qtbot, panel, "新增设备")
    form = panel.form
    type_into(qtbot, form, "名称", "投影仪")
    type_into(qtbot, form, "购置日期", "2026-02-30")
    click(qtbot, form, "保存")
    message = find(form, "购置日期提示", QLabel)
    assert message.text() == "2026 年 2 月没有 30 日，请核对购置日期" and message.isVisibleTo(form)
    type_into(qtbot, form, "购置日期", "2026-02-28")
    assert not message.isVisibleTo(form)


def test_a_second_rule_with_the_same_title_is_refused_at_the_field(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from .helpers import type_into

    panel = open_page(window, "上墙制度")
    for _ in range(2):
        click(qtbot, panel, "新增制度")
        type_into(qtbot, panel.form, "制度名称", "村务公开制度")
        panel.form.editor("正文").setPlainText("一、每季度公开一次。")
        click(qtbot, panel.form, "保存")
    assert "已有名为“村务公开制度”的制度" in find(panel.form, "制度名称提示", QLabel).text()
    assert models.WallRule.select().where(models.WallRule.title == "村务公开制度").count() == 1


def test_rare_characters_typed_into_a_field_are_drawn_from_a_bundled_font(qapp):
    from PySide6.QtGui import QFont, QRawFont

    families = qapp.font().families()
    for char in "王䶮𠀀𪜀𫝀𫠠𬺰":  # common, then one each of CJK Extensions A–F
        drawn_by = [family for family in families if QRawFont.fromFont(QFont(family)).supportsCharacter(ord(char))]
        assert drawn_by, f"{char} U+{ord(char):X} 没有字体能显示"

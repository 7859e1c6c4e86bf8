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

"""Windows that fit the screen a clerk has, a 字号 setting, and every panel action reachable by keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QTableView

from .helpers import find
from .test_positions_tab import open_page


def test_the_window_and_the_preview_open_within_the_available_screen(qtbot, demo_window):
    room = demo_window.screen().availableGeometry()
    assert demo_window.width() <= room.width() and demo_window.height() <= room.height()
    preview = demo_window.open_sheet("venue_check", str(demo_window.session.village.id))
    assert preview.height() <= room.height() and preview.width() <= room.width()


def test_text_size_is_a_setting_that_is_remembered(qtbot, window):
    normal = QApplication.font().pointSizeF()
    large = next(action for action in window.text_size_actions if action.text() == "大")
    large.trigger()
    assert QApplication.font().pointSizeF() > normal and large.isChecked()
    window.close()
    assert window.settings.value("text_size") == "大"
    next(action for action in window.text_size_actions if action.text() == "标准").trigger()


def test_tab_leaves_a_table_for_the_buttons_after_it(qtbot, window):
    panel = open_page(window, "标准自查")
    table = find(panel, "自查项目列表", QTableView)
    assert not table.tabKeyNavigation()


def test_every_panel_button_has_a_menu_entry(qtbot, window):
    for title in ("活动场所", "标准自查", "设备台账", "上墙制度", "思想阵地"):
        panel = open_page(window, title)
        window.positions_tab.tabs.setCurrentIndex(
            next(i for i in range(window.positions_tab.tabs.count()) if window.positions_tab.tabs.tabText(i) == title)
        )
        window._fill_record_menu()
        entries = {action.text().replace("&&", "&").rstrip("…") for action in window.record_menu.actions()}
        buttons = {b.text().rstrip("…") for b in panel.findChildren(QPushButton)}
        missing = {text for text in buttons if not any(text in entry for entry in entries)}
        assert not missing, (title, missing)


def test_ctrl_y_redoes_on_every_platform(qtbot, window):
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert window.redo_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def test_f1_opens_the_usage_guide_inside_the_program(qtbot, window):
    from PySide6.QtWidgets import QTextBrowser

    guide_action = next(a for a in window.findChildren(type(window.undo_action)) if a.text() == "使用说明")
    assert QKeySequence("F1") in guide_action.shortcuts()
    guide_action.trigger()
    text = find(window.guide, "说明内容", QTextBrowser).toPlainText()
    assert "备份和恢复" in text and "Ctrl+Z" in text


def test_qt_dialog_texts_missing_from_qts_translation_are_chinese(qtbot):
    assert QApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"  # the file dialog's type column
    assert QApplication.translate("QPrintDialog", "Page Set:") == "打印页面："
    assert QApplication.translate("QFileDialog", "Look in:") == "查找范围："  # Qt's own translation still answers


def test_the_photo_picker_opens_in_the_pictures_folder(qtbot, window, monkeypatch):
    from PySide6.QtCore import QStandardPaths
    from app.ui import file_dialogs

    asked = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda parent, title, folder, kinds: asked.append(folder) or "")
    panel = open_page(window, "标准自查")
    find(panel, "自查项目列表", QTableView).selectRow(0)
    panel.choose_photo()
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    from pathlib import Path

    assert asked and asked[0] != "" and Path(asked[0]) in (Path(pictures), Path.home())
    assert "sanqiang" not in asked[0]  # not the program's own folder


def test_the_file_dialog_writes_modification_dates_in_chinese(qtbot, tmp_path):
    import re

    from PySide6.QtWidgets import QFileDialog, QTreeView

    from app.ui import file_dialogs

    (tmp_path / "村务公开.pdf").write_bytes(b"%PDF-1.4")
    dialog = file_dialogs.file_dialog(None, "选择备份文件", tmp_path, "PDF 文件 (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.proxyModel()
    root = model.mapFromSource(model.sourceModel().index(str(tmp_path)))
    qtbot.waitUntil(lambda: model.rowCount(root) == 1)
    shown = model.index(0, file_dialogs.DATE_COLUMN, root).data()
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", shown), shown
    header = dialog.findChild(QTreeView).model().headerData(file_dialogs.DATE_COLUMN, Qt.Orientation.Horizontal)
    assert header == "修改日期"


def visible_english(dialog) -> list[str]:
    """Qt's own words on a dialog (buttons, tabs, group titles, field labels) that are not Chinese."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

    words = [b.text() for b in dialog.findChildren(QAbstractButton)]
    words += [g.title() for g in dialog.findChildren(QGroupBox)]
    words += [t.tabText(i) for t in dialog.findChildren(QTabWidget) for i in range(t.count())]
    words += [label.text() for label in dialog.findChildren(QLabel) if label.text().rstrip().endswith((":", "："))]
    return [word for word in words if re.search(r"[A-Za-z]{3,}", word.replace("&", ""))]


def test_the_print_dialog_and_its_options_are_chinese(qtbot):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    options = [b for b in dialog.findChildren(QPushButton) if b.text().startswith("选项")]
    assert options, "选项按钮"
    options[0].click()
    assert visible_english(dialog) == []


def test_the_file_dialog_is_chinese(qtbot, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from app.ui import file_dialogs

    dialog = file_dialogs.file_dialog(None, "另存为PDF", tmp_path, "PDF 文件 (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert visible_english(dialog) == []


def test_every_button_of_the_management_pages_has_a_menu_entry(qtbot, window):
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.management_tab))
    inner = window.management_tab.tabs
    for index in range(inner.count()):
        inner.setCurrentIndex(index)
        page = inner.current_page()
        window._fill_record_menu()
        entries = {action.text().replace("&&", "&").rstrip("…") for action in window.record_menu.actions()}
        buttons = {b.text().rstrip("…") for b in page.findChildren(QPushButton)}
        missing = {text for text in buttons if not any(text in entry for entry in entries)}
        assert not missing, (inner.tabText(index), missing)

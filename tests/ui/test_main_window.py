from PySide6.QtWidgets import QComboBox, QTableView

from app.store import models
from app.ui.main_window import MainWindow, last_village
from app.ui.session import Session

from .helpers import find, table_texts


def test_a_township_copy_has_a_village_switcher(qtbot, demo_window):
    choice = find(demo_window, "当前村", QComboBox)
    assert demo_window.village_choice_action.isVisible()
    names = [choice.itemText(i) for i in range(choice.count())]
    assert len(names) == 4 and all(name.startswith("涌溪乡") for name in names)
    choice.setCurrentIndex(names.index("涌溪乡芽溪村"))
    assert demo_window.windowTitle() == "镇远县涌溪乡芽溪村 — 村级三强工作台"
    venues = table_texts(find(demo_window.positions_tab.tabs.page("活动场所"), "活动场所列表", QTableView))
    assert [row[0] for row in venues] == ["芽溪村活动室"]
    assert venues[0][2] == "未达标（差 140 ㎡）"


def test_window_size_last_tab_and_village_are_remembered(qtbot, data_dir, demo):
    first = MainWindow(Session(demo[2], data_dir), data_dir)
    qtbot.addWidget(first)
    first.resize(700, 520)
    first.show()
    first.positions_tab.tabs.setCurrentIndex(3)
    first.close()

    village = last_village(data_dir)
    assert village.id == demo[2].id
    second = MainWindow(Session(village, data_dir), data_dir)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 520)
    assert second.positions_tab.tabs.currentIndex() == 3


def test_error_report_dialog_is_copyable(qtbot, data_dir, monkeypatch):
    import sys

    from PySide6.QtWidgets import QApplication

    from app.ui import errors

    shown = []
    monkeypatch.setattr(errors.ErrorReportDialog, "exec", lambda self: shown.append(self))
    errors.install_excepthook(str(data_dir / "logs" / "sanqiang.log"))
    try:
        raise ValueError("测试错误")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert "ValueError: 测试错误" in dialog.text.toPlainText()
    find(dialog, "复制报告").click()
    assert "测试错误" in QApplication.clipboard().text()
    opened = models.database.obj  # an earlier test may have left a closed connection behind
    assert opened is None or opened.is_closed()  # reporting an error neither needs nor opens the database


def test_a_uselessly_small_saved_window_opens_at_the_default_size(qtbot, data_dir, demo):
    first = MainWindow(Session(demo[0], data_dir), data_dir)
    qtbot.addWidget(first)
    first.resize(300, 200)
    first.show()
    first.close()
    second = MainWindow(Session(demo[0], data_dir), data_dir)
    qtbot.addWidget(second)
    assert second.width() >= 640 and second.height() >= 420


def test_issued_sheets_are_listed_for_the_village(qtbot, demo_window, tmp_path):
    from app.publishing.issued import save_pdf
    from app.publishing.sheets import render

    village = demo_window.session.village
    sheet = render("venue_check", str(village.id))
    save_pdf(sheet, tmp_path / "自查表.pdf")
    dialog = demo_window.show_issued_sheets()
    rows = table_texts(find(dialog, "发出记录列表", QTableView))
    assert len(rows) == 1
    assert rows[0][1:4] == ["阵地标准自查表", sheet.title, "保存PDF"] and rows[0][5] == sheet.sha256

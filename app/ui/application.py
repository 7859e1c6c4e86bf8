"""Starting the window: Qt set-up (bundled font, Chinese dialogs), the database, first-start set-up."""

from __future__ import annotations

import logging
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from app import APP_ID, APP_NAME, paths
from app.logging_setup import setup_logging
from app.ui.widgets.labels import named

logger = logging.getLogger(__name__)


@cache
def bundled_font_families() -> list[str]:
    """Registers the bundled fonts with Qt once: the main font first, then the rare-character ones."""
    families = []
    for file in [paths.resource("fonts", "wqy-microhei.ttc"), *paths.fallback_font_files()]:
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id < 0:
            logger.warning("bundled font %s could not be loaded", file.name)
            continue
        families.append(QFontDatabase.applicationFontFamilies(font_id)[0])
    return families


def configure_application(app: QApplication) -> None:
    """Bundled fonts (so Chinese, rare characters too, never depends on the PC's fonts) and Qt's Chinese texts."""
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    families = bundled_font_families()
    if families:
        font = QFont(families[0], 10)
        font.setFamilies(families)  # rare characters (䶮, 𠀀) are drawn from the fallback fonts
        app.setFont(font)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    from app.ui.qt_texts import MissingQtTexts

    app.installTranslator(MissingQtTexts(app))  # installed last, asked first
    icon = paths.resource("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def first_start_form(on_created):
    """The short set-up shown on an empty database; it also offers the demo township to look around in."""
    from PySide6.QtWidgets import QDialogButtonBox

    from app.store.villages import create_village
    from app.ui.village_form import village_form
    from app.ui.widgets.labels import named

    form = village_form(None, lambda values: on_created(create_village(**values)))
    demo = form.button_box.addButton("先看演示数据", QDialogButtonBox.ButtonRole.ActionRole)
    named(demo, "先看演示数据")
    demo.setToolTip("放入“镇远县涌溪乡”四个村的演示资料，先熟悉程序；正式使用时请用新的数据文件夹")

    def use_demo() -> None:
        on_created(populate_demo_with_progress(form)[0])
        form.accept()

    demo.clicked.connect(use_demo)
    return form


def populate_demo_with_progress(parent=None):
    """Builds the demo township (a few seconds on an old PC) behind a progress bar that says what is being made."""
    from app.demo.township import populate_demo  # start-up: the demo pulls in every sheet and reportlab

    progress = named(QProgressDialog("正在放入演示数据……", "", 0, 100, parent), "正在放入演示数据")
    progress.setWindowTitle("演示数据")
    progress.setCancelButton(None)  # one transaction: it is all there or not at all
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)

    def advance(done: int, total: int, text: str) -> None:
        progress.setMaximum(total)
        progress.setLabelText(f"正在放入演示数据：{text}……")
        progress.setValue(done)  # a modal progress dialog repaints itself here

    try:
        return populate_demo(progress=advance)
    finally:
        progress.close()


def build_window(data_dir: Path):
    """The main window for the last-used village, or None if the clerk cancels the first set-up."""
    from app.ui.main_window import MainWindow, last_village
    from app.ui.session import Session

    village = last_village(data_dir)
    if village is None:
        created = []
        form = first_start_form(created.append)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        village = created[0]
    return MainWindow(Session(village, data_dir), data_dir)


SELF_TEST_SHOWN = "窗口已显示："


SELF_TEST_PAGES = "已打开的分页："
SELF_TEST_FORM_SHOWN = "首次使用表单已显示："
NO_VILLAGE_FOR_SELF_TEST = 2  # as the commands' "not found": there is no village to open the window on


def _self_test_first_start() -> int:
    """An empty folder: the self-test shows the first-start form and closes it at once, never waiting on it
    (it hung an installer's smoke test), and creates nothing."""
    form = first_start_form(lambda village: None)
    form.show()
    QApplication.processEvents()
    print(f"{SELF_TEST_FORM_SHOWN}{form.windowTitle()}", flush=True)
    form.close()
    print(
        "数据库里还没有村：自检只打开并关闭了首次使用表单，没有打开主窗口。"
        "要检查主窗口和各分页，请加 --demo（先放入演示数据再自检）。",
        file=sys.stderr,
    )
    return NO_VILLAGE_FOR_SELF_TEST


def _finish_self_test(window, every_page: bool) -> None:
    print(f"{SELF_TEST_SHOWN}{window.windowTitle()}", flush=True)
    if every_page:
        from app.ui.widgets.lazy_tabs import LazyTabs

        titles = [tabs.tabText(i) for tabs in window.findChildren(LazyTabs) for i in range(tabs.count())]
        for tabs in window.findChildren(LazyTabs):
            for index in range(tabs.count()):
                tabs.page(tabs.tabText(index))
        print(f"{SELF_TEST_PAGES}{len(titles)} 个（{'、'.join(titles)}）", flush=True)
    window.remember_settings = False
    window.close()
    QApplication.quit()


def _startup_problem(title: str, text: str, self_test: bool) -> None:
    if self_test:
        print(text, file=sys.stderr)
    else:
        from app.ui.widgets import messages

        messages.warn(None, title, text)


def _offer_backup(error, data_dir: Path, self_test: bool) -> bool:
    """The database is damaged or empty: offers the newest good backup. True when it was restored."""
    from app.store import backups
    from app.ui.widgets import messages

    newest = error.newest_backup
    if self_test or newest is None:
        _startup_problem("数据库不能使用", str(error), self_test)
        return False
    info = backups.describe(newest)
    question = (
        f"{error}\n\n要从 {info.taken_at:%Y-%m-%d %H:%M} 的备份恢复吗？（{info.villages_text()}）\n"
        "现在的数据库文件会原样保留在 backups 文件夹里。"
    )
    if not messages.confirm(None, "从备份恢复", question):
        return False
    kept = backups.restore(data_dir, newest)
    messages.inform(None, "恢复完成", f"已从备份恢复。原来的数据库文件保留在：\n{kept}")
    return True


def open_data(data_dir: Path, self_test: bool) -> int | None:
    """Opens the database, offering a backup when it is damaged; an exit code when it cannot be used."""
    from app.store.connection import open_database
    from app.store.errors import DamagedDatabaseError, EmptyDatabaseError, StorageError

    for _attempt in range(2):
        try:
            open_database(data_dir)
            return None
        except (DamagedDatabaseError, EmptyDatabaseError) as error:
            logger.error("database cannot be used: %s", error)
            if not _offer_backup(error, data_dir, self_test):
                return 3
        except StorageError as error:
            logger.error("database cannot be opened: %s", error)
            _startup_problem("打不开数据库", str(error), self_test)
            return 1
    return 3


def run_gui(
    data_dir_arg: str | None, with_demo: bool = False, self_test: bool = False, every_page: bool = False
) -> int:
    from app.store.backups import backup_if_due
    from app.store.errors import StorageError
    from app.store.folder_lock import FolderLock
    from app.ui.errors import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    try:
        data_dir = paths.resolve_data_dir(data_dir_arg)
    except OSError as error:
        _startup_problem("打不开数据文件夹", f"不能创建或打开数据文件夹：\n{data_dir_arg or ''}\n\n{error}", self_test)
        return 1
    log_file = setup_logging(data_dir)
    install_excepthook(str(log_file or "（日志文件无法写入）"))
    lock = FolderLock(data_dir)
    try:
        lock.acquire()
    except StorageError as error:
        _startup_problem("程序已经打开", str(error), self_test)
        return 1
    except OSError as error:
        _startup_problem("打不开数据文件夹", f"数据文件夹不能写入：\n{data_dir}\n\n{error}", self_test)
        return 1
    failed = open_data(data_dir, self_test)
    if failed is not None:
        return failed
    if with_demo:
        from app.store.villages import has_data

        if not has_data():
            populate_demo_with_progress()
    if self_test:
        from app.store.villages import first_village

        if first_village() is None:
            code = _self_test_first_start()
            lock.release()
            return code
    window = build_window(data_dir)
    if window is None:
        return 0
    window.show()
    if self_test:
        QTimer.singleShot(0, lambda: _finish_self_test(window, every_page))
    else:
        QTimer.singleShot(1000, lambda: _daily_backup(window, data_dir, backup_if_due))
    code = app.exec()
    lock.release()
    return code


def _daily_backup(window, data_dir: Path, backup_if_due) -> None:
    from app.store.errors import StorageError

    try:
        backup_if_due(data_dir)
    except StorageError as error:  # the clerk's work goes on; the status bar says why there is no backup
        logger.warning("daily backup failed: %s", error)
        window.statusBar().showMessage(f"今天的自动备份没有完成：{str(error).splitlines()[0]}")

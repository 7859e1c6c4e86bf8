"""Starting the window: Qt set-up (bundled font, Chinese dialogs), the database, first-start set-up."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import APP_ID, APP_NAME, paths
from app.logging_setup import setup_logging

logger = logging.getLogger(__name__)


def configure_application(app: QApplication) -> None:
    """Bundled font (so Chinese never depends on the PC's fonts) and Qt's own Chinese texts."""
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", "wqy-microhei.ttc")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))
    else:
        logger.warning("bundled font could not be loaded")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    icon = paths.resource("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def first_start_form(on_created):
    """The short set-up shown on an empty database; it also offers the demo township to look around in."""
    from PySide6.QtWidgets import QDialogButtonBox

    from app.store.demo import populate_demo
    from app.store.villages import create_village
    from app.ui.village_form import village_form
    from app.ui.widgets.labels import named

    form = village_form(None, lambda values: on_created(create_village(**values)))
    demo = form.button_box.addButton("先看演示数据", QDialogButtonBox.ButtonRole.ActionRole)
    named(demo, "先看演示数据")
    demo.setToolTip("放入“镇远县涌溪乡”四个村的演示资料，先熟悉程序；正式使用时请用新的数据文件夹")

    def use_demo() -> None:
        on_created(populate_demo()[0])
        form.accept()

    demo.clicked.connect(use_demo)
    return form


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


def _finish_self_test(window) -> None:
    print(f"{SELF_TEST_SHOWN}{window.windowTitle()}", flush=True)
    window.remember_settings = False
    window.close()
    QApplication.quit()


def run_gui(data_dir_arg: str | None, with_demo: bool = False, self_test: bool = False) -> int:
    from app.store.connection import DamagedDatabaseError, backup_if_due, open_database
    from app.ui.errors import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    data_dir = paths.resolve_data_dir(data_dir_arg)
    log_file = setup_logging(data_dir)
    install_excepthook(str(log_file))
    try:
        open_database(data_dir)
    except DamagedDatabaseError as error:
        logger.error("damaged database: %s", error.detail)
        if self_test:
            print(error, file=sys.stderr)
        else:
            QMessageBox.critical(None, "数据库损坏", str(error))
        return 3
    if with_demo:
        from app.store.demo import populate_demo
        from app.store.villages import has_data

        if not has_data():
            populate_demo()
    window = build_window(data_dir)
    if window is None:
        return 0
    window.show()
    if self_test:
        QTimer.singleShot(0, lambda: _finish_self_test(window))
    else:
        QTimer.singleShot(1000, lambda: backup_if_due(data_dir))
    return app.exec()

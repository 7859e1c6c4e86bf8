"""The main window: the village's name in the title, a village switcher for a township's copy, the tabs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
)

from app import APP_NAME, __version__, paths
from app.store import models, records
from app.store.errors import ConflictError
from app.ui.widgets import messages
from app.ui import prefs
from app.ui.session import Session
from app.ui.widgets.labels import fit_to_screen, named, open_transient


logger = logging.getLogger(__name__)

NORMAL_TEXT = "标准"
TEXT_SIZES = {NORMAL_TEXT: 10.0, "大": 13.0}  # points


class MainWindow(QMainWindow):
    def __init__(self, session: Session, data_dir: Path, parent=None):
        super().__init__(parent)
        self.session, self.data_dir = session, data_dir
        self.settings = prefs.Prefs(data_dir)
        self.remember_settings = True  # off for --self-test, which must leave no trace
        named(self, APP_NAME)

        self.tabs = named(QTabWidget(), "主分页")
        self.setCentralWidget(self.tabs)
        self.positions_tab = None
        self._add_tabs()

        self.village_choice = named(QComboBox(), "当前村")
        self.village_choice.setMinimumWidth(180)
        toolbar = QToolBar("村")
        toolbar.setObjectName("村工具栏")
        toolbar.setMovable(False)
        self.village_label = QLabel("当前村：")
        self.village_label.setBuddy(self.village_choice)
        self.village_label_action = toolbar.addWidget(self.village_label)
        self.village_choice_action = toolbar.addWidget(self.village_choice)
        self.addToolBar(toolbar)
        self._build_menus()
        self.statusBar().showMessage(f"数据文件夹：{data_dir}")

        self._fill_villages()
        self.village_choice.currentIndexChanged.connect(self._village_chosen)
        session.changed.connect(self._refresh_village)
        session.village_changed.connect(lambda _: self._update_title())
        self._update_title()
        self._restore_settings()

    # --- building ---
    def _add_tabs(self) -> None:
        from app.ui.board.tab import BoardTab
        from app.ui.management.tab import ManagementTab
        from app.ui.positions.tab import PositionsTab
        from app.ui.services.tab import ServicesTab

        self.positions_tab = PositionsTab(self.session, self.open_sheet)
        self.tabs.addTab(self.positions_tab, "阵地")
        self.management_tab = ManagementTab(self.session, self.open_sheet)
        self.tabs.addTab(self.management_tab, "管理")
        self.services_tab = ServicesTab(self.session, self.open_sheet)
        self.tabs.addTab(self.services_tab, "服务")
        self.board_tab = BoardTab(self.session, self.open_sheet)
        self.tabs.addTab(self.board_tab, "公开栏")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self._action(file_menu, "村庄信息…", self.edit_village)
        self._action(file_menu, "村庄管理…", self.manage_villages)
        self._action(file_menu, "公示单发出记录…", self.show_issued_sheets)
        self._action(file_menu, "备份数据库…", self.backup_now)
        self._action(file_menu, "从备份恢复…", self.restore_backup)
        file_menu.addSeparator()
        self._action(file_menu, "退出", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu("编辑(&E)")
        undo = self._action(edit_menu, "撤销", self.session.undo, QKeySequence.StandardKey.Undo)
        redo = self._action(edit_menu, "重做", self.session.redo, QKeySequence.StandardKey.Redo)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # Linux binds only Ctrl+Shift+Z; clerks know Ctrl+Y
            redo.setShortcuts([*redo_keys, QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        self.session.history_changed.connect(self._update_history_actions)
        self.session.refused.connect(lambda title, text: messages.warn(self, title, text))
        self._update_history_actions()

        self.record_menu = self.menuBar().addMenu("记录(&R)")
        self.record_menu.aboutToShow.connect(self._fill_record_menu)

        view_menu = self.menuBar().addMenu("查看(&V)")
        size_menu = view_menu.addMenu("字号")
        self.text_size_actions = []
        for size in TEXT_SIZES:
            action = self._action(size_menu, size, lambda _=False, chosen=size: self.set_text_size(chosen))
            action.setCheckable(True)
            action.setData(size)
            self.text_size_actions.append(action)

        help_menu = self.menuBar().addMenu("帮助(&H)")
        self._action(help_menu, "使用说明", self.show_guide, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "关于", self.about)

    def _action(self, menu, text: str, handler, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # keyBindings(): every platform binding, and it skips the costly setShortcut overload lookup
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def current_panel(self):
        """The list on screen, in whichever tab."""
        inner = getattr(self.tabs.currentWidget(), "tabs", None)
        return inner.current_page() if inner is not None else None

    def _fill_record_menu(self) -> None:
        """The list on screen: its every button as a menu entry."""
        self.record_menu.clear()
        panel = self.current_panel()
        for text, handler in panel.menu_actions() if hasattr(panel, "menu_actions") else []:
            self.record_menu.addAction(text.replace("&", "&&"), handler)

    def _update_history_actions(self) -> None:
        stack = self.session.undo_stack
        for action, verb, possible, text in (
            (self.undo_action, "撤销", stack.canUndo(), stack.undoText()),
            (self.redo_action, "重做", stack.canRedo(), stack.redoText()),
        ):
            action.setEnabled(possible)
            # "&" in a record's name is text, not a shortcut marker
            action.setText(f"{verb} {text.replace('&', '&&')}" if possible else verb)

    def _fill_villages(self) -> None:
        from app.ui.villages_dialog import in_pinyin_order

        villages = in_pinyin_order(list(models.Village.select()))
        self.village_choice.blockSignals(True)
        self.village_choice.clear()
        for village in villages:
            self.village_choice.addItem(village.display_name, str(village.id))
        self.village_choice.setCurrentIndex(self.village_choice.findData(str(self.session.village.id)))
        self.village_choice.blockSignals(False)
        several = len(villages) > 1
        self.village_label_action.setVisible(several)
        self.village_choice_action.setVisible(several)

    # --- behaviour ---
    def _update_title(self) -> None:
        village = self.session.village
        # Ending with the program's name keeps Qt from appending it a second time (it adds the display name).
        self.setWindowTitle(f"{village.county}{village.township}{village.name} — {APP_NAME}")

    def _village_chosen(self, index: int) -> None:
        village_id = self.village_choice.itemData(index)
        if village_id and village_id != str(self.session.village.id):
            self.session.set_village(models.Village.get_by_id(village_id))

    def _refresh_village(self, tables: frozenset) -> None:
        if models.Village not in tables:
            return
        village = models.Village.get_or_none(models.Village.id == self.session.village.id)
        if village is not None:
            self.session.village = village
            self._update_title()
            self._fill_villages()

    def open_sheet(self, kind: str, record_id: str, copies: int = 1, on_printed=None):
        from app.publishing.sheets import KINDS, render  # the catalogue loads reportlab: not at start-up
        from app.ui.widgets.sheet_preview import SheetPreview

        known = KINDS[kind]
        preview = SheetPreview(
            lambda page: render(kind, record_id, page),
            self.data_dir,
            self,
            papers=known.papers,
            paper=known.page,
            copies=copies,
            duplex=known.duplex,
            on_printed=on_printed,
        )
        self.preview = preview
        open_transient(preview)
        return preview

    def edit_village(self, village: models.Village | None = None, parent=None):
        from app.ui.village_form import village_form

        village = models.Village.get_by_id((village or self.session.village).id)
        opened = records.snapshot(village)

        def save(values: dict) -> None:
            current = models.Village.get_or_none(models.Village.id == village.id)
            if current is None:
                raise ConflictError(deleted=True)
            for key, value in values.items():
                setattr(current, key, value)
            self.session.save(current, "修改村庄信息", expected=opened)
            if current.id == self.session.village.id:
                self.session.reload_village()

        form = village_form(village, save, parent or self)
        self.village_form = form
        open_transient(form)
        return form

    def manage_villages(self):
        from app.ui.villages_dialog import VillagesDialog

        dialog = VillagesDialog(self)
        self.villages_dialog = dialog
        open_transient(dialog)
        return dialog

    def add_village(self, parent=None):
        from app.store.villages import create_village
        from app.ui.village_form import village_form

        def save(values: dict) -> None:
            village = create_village(**values)
            self.session.set_village(village)  # the new village is shown, with its own history
            self.session.changed.emit(frozenset({models.Village}))

        form = village_form(None, save, parent or self)
        form.setWindowTitle("新增村")
        self.village_form = form
        open_transient(form)
        return form

    def remove_village(self, village: models.Village) -> None:
        """Backs up, deletes the village with all its records (audited), shows another village; undoable."""
        from app.store.backups import take_backup
        from app.store.villages import remove_village
        from app.ui.villages_dialog import in_pinyin_order

        take_backup(paths.database_file(self.data_dir), paths.backup_dir(self.data_dir), "before-remove")
        changes = remove_village(village)
        if village.id == self.session.village.id:
            self.session.set_village(in_pinyin_order(list(models.Village.select()))[0])
        self.session.record(changes, f"删除村“{village.township}{village.name}”")
        self._fill_villages()
        self._update_title()

    def show_issued_sheets(self):
        from app.ui.issued_sheets import IssuedSheetsDialog

        dialog = IssuedSheetsDialog(self.session.village, self)
        self.issued_dialog = dialog
        open_transient(dialog)
        return dialog

    def backup_now(self) -> None:
        """A checked copy into a folder the clerk picks (a USB stick, say); the backups folder by default."""
        from app.store.backups import take_backup
        from app.ui import file_dialogs

        folder = file_dialogs.choose_folder(self, "把备份保存到哪个文件夹", paths.backup_dir(self.data_dir))
        if not folder:
            return
        path = take_backup(paths.database_file(self.data_dir), Path(folder), "manual")
        messages.inform(self, "备份完成", f"数据库已备份并核对无误：\n{path}")

    def restore_backup(self):
        from app.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.data_dir, self)
        dialog.restored.connect(self.restored)
        self.restore_dialog = dialog
        open_transient(dialog)
        return dialog

    def restored(self, kept: Path) -> None:
        """The database was replaced by a backup: show what it holds, with no history from before."""
        village = models.Village.get_or_none(models.Village.id == self.session.village.id)
        village = village or models.Village.select().order_by(models.Village.township, models.Village.name).first()
        self.session.clear_history()
        if village is not None:
            self.session.set_village(village)
        self.session.changed.emit(frozenset(models.ALL_TABLES))
        self._fill_villages()
        self._update_title()
        messages.inform(self, "恢复完成", f"已从备份恢复。被替换的数据库保留在：\n{kept}")

    def show_guide(self):
        """帮助 → 使用说明 (F1): a short Chinese guide shipped with the program, read inside it."""
        from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

        dialog = QDialog(self)
        dialog.setWindowTitle("使用说明")
        named(dialog, "使用说明")
        browser = named(QTextBrowser(dialog), "说明内容")
        browser.setHtml(paths.resource("help", "guide.html").read_text(encoding="utf-8"))
        QVBoxLayout(dialog).addWidget(browser)
        fit_to_screen(dialog, 720, 640)
        self.guide = dialog
        open_transient(dialog)
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self,
            "关于",
            f"{APP_NAME} {__version__}\n村级“强阵地、强管理、强服务”工作台，离线使用。\n数据文件夹：{self.data_dir}",
        )

    # --- settings ---
    def _restore_settings(self) -> None:
        geometry = self.settings.value(prefs.GEOMETRY.key)
        if geometry is None or not self.restoreGeometry(geometry) or self.width() < 640 or self.height() < 420:
            fit_to_screen(self, 1180, 760)  # first start, or a size no one would work in
        elif not self._on_a_screen():
            fit_to_screen(self, self.width(), self.height())  # the screen it was on is gone or smaller
        self.set_text_size(self.settings.value(prefs.TEXT_SIZE.key), remember=False)
        tab = self.settings.value(prefs.TAB.key)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        inner = self.settings.value(prefs.POSITIONS_TAB.key)
        if 0 <= inner < self.positions_tab.tabs.count():
            self.positions_tab.tabs.setCurrentIndex(inner)

    def _on_a_screen(self) -> bool:
        screen = self.screen()
        return screen is not None and screen.availableGeometry().contains(self.frameGeometry())

    def set_text_size(self, size: str, remember: bool = True) -> None:
        """标准 or 大 (for older eyes): the whole program's type, remembered."""
        size = size if size in TEXT_SIZES else NORMAL_TEXT
        font = QApplication.font()
        font.setPointSizeF(TEXT_SIZES[size])
        QApplication.setFont(font)
        for action in self.text_size_actions:
            action.setChecked(action.data() == size)
        if remember and self.remember_settings:
            self.settings.set_value(prefs.TEXT_SIZE.key, size)

    def closeEvent(self, event):
        if self.remember_settings:
            self._save_settings()
        super().closeEvent(event)

    def _save_settings(self) -> None:
        self.settings.set_value(prefs.GEOMETRY.key, self.saveGeometry())
        self.settings.set_value(prefs.TAB.key, self.tabs.currentIndex())
        self.settings.set_value(prefs.POSITIONS_TAB.key, self.positions_tab.tabs.currentIndex())
        self.settings.set_value(prefs.VILLAGE.key, str(self.session.village.id))
        self.settings.sync()


def last_village(data_dir: Path) -> models.Village | None:
    village_id = prefs.Prefs(data_dir).value(prefs.VILLAGE.key)
    village = models.Village.get_or_none(models.Village.id == village_id) if village_id else None
    from app.store.villages import first_village

    return village or first_village()

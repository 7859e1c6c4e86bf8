"""The program's file dialogs: open, save and choose-folder, in Chinese whatever the PC's settings.

Qt's own file dialog writes the 修改日期 column in the PC's regional format, which on an English or
"C" Linux desktop means "Nov 25, 2026". Here it is always 2026年11月25日. Where the platform offers
its native dialog (Windows, Kylin/UOS desktops) that dialog is used, in the system's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

DATE_COLUMN = 3
DATE_FORMAT = "yyyy年M月d日 HH:mm"


class ChineseDates(QIdentityProxyModel):
    """The file list, with the modification date written the Chinese way."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() == DATE_COLUMN:
            modified = self.sourceModel().lastModified(self.mapToSource(index))
            return QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(modified, DATE_FORMAT)
        return super().data(index, role)


def file_dialog(parent: QWidget | None, title: str, folder: Path | str, filters: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, str(folder), filters)
    dialog.setProxyModel(ChineseDates(dialog))
    for details in dialog.findChildren(QTreeView):  # Qt's own dialog: names get the room, the rest fit
        details.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return dialog


def _chosen(dialog: QFileDialog) -> str:
    """The chosen path, or "" when the clerk cancelled."""
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def open_file(parent: QWidget | None, title: str, folder: Path | str, filters: str) -> str:
    dialog = file_dialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _chosen(dialog)


def save_file(parent: QWidget | None, title: str, suggested: Path | str, filters: str, suffix: str) -> str:
    dialog = file_dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(str(suggested))
    return _chosen(dialog)


def choose_folder(parent: QWidget | None, title: str, folder: Path | str) -> str:
    dialog = file_dialog(parent, title, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _chosen(dialog)

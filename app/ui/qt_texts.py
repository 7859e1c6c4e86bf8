"""Chinese for the few texts of Qt's own dialogs that Qt's zh_CN translation leaves in English (found by
looking at the file and print dialogs under Xvfb). Asked before Qt's translation; unknown texts fall through."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

MISSING = {
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
    ("QFileSystemModel", "Folder"): "文件夹",
    ("QPrintDialog", "Page Set:"): "打印页面：",
    ("QPrintDialog", "Pages per sheet:"): "每张页数：",
    ("QUnixPrintWidget", "Properties"): "属性",
}


class MissingQtTexts(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return MISSING.get((context, source))  # None: not ours, Qt asks its own translation

    def isEmpty(self) -> bool:
        return False

"""Unhandled errors: written to the rotating log, shown in a dialog with a report the clerk can copy.
The data is safe: every save is one transaction, so an error never leaves a half-saved record."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from app import __version__
from app.ui.widgets.labels import dialog_buttons, named

logger = logging.getLogger(__name__)


class ErrorReportDialog(QDialog):
    def __init__(self, report: str, log_file: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("程序出错了")
        named(self, "程序出错了")
        message = QLabel(
            "程序遇到了一个意外错误。已保存的数据不受影响，您可以继续使用。\n"
            f"错误详情已记录在：{log_file}\n请点“复制报告”，把报告发给技术人员。"
        )
        message.setWordWrap(True)
        self.text = named(QPlainTextEdit(report), "错误报告")
        self.text.setReadOnly(True)
        buttons = dialog_buttons((QDialogButtonBox.StandardButton.Close, "关闭"))
        copy = buttons.addButton("复制报告", QDialogButtonBox.ButtonRole.ActionRole)
        named(copy, "复制报告")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)


def build_report(exc_type, exc, tb) -> str:
    import platform

    lines = traceback.format_exception(exc_type, exc, tb)
    header = f"村级三强工作台 {__version__} / Python {platform.python_version()} / {platform.platform()}\n"
    return header + "".join(lines)


def install_excepthook(log_file: str) -> None:
    def hook(exc_type, exc, tb):
        from app.store.errors import StorageError

        if isinstance(exc, StorageError) and QApplication.instance() is not None:
            # Not a bug: the disk, the file or another user. Nothing was half-saved; say what happened.
            from app.ui.widgets import messages

            logger.warning("operation not done: %s", exc)
            messages.warn(QApplication.activeWindow(), "没有完成", str(exc))
            return
        report = build_report(exc_type, exc, tb)
        logger.error("unhandled error\n%s", report)
        if QApplication.instance() is not None:
            dialog = ErrorReportDialog(report, log_file, QApplication.activeWindow())
            dialog.exec()
        else:
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook

"""Preview of a notice sheet, with page size, save as PDF and print. Each save or print is recorded."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from app import paths
from app.notices.frame import ALL_PAGE_SPECS, PageSpec
from app.publishing import issued
from app.publishing.catalogue import RenderedSheet
from app.ui import file_dialogs
from app.ui.widgets import messages
from app.ui.widgets.labels import button, fit_to_screen, named

logger = logging.getLogger(__name__)


class SheetPreview(QDialog):
    def __init__(
        self,
        render: Callable[[PageSpec], RenderedSheet],
        data_dir: Path,
        parent=None,
        papers: tuple[PageSpec, ...] = tuple(ALL_PAGE_SPECS),
        paper: PageSpec | None = None,
        copies: int = 1,
        duplex: bool = False,  # a booklet: both sides, flipped on the short edge
        on_printed: Callable[[RenderedSheet, int], None] | None = None,  # (sheet, copies) once printed
    ):
        super().__init__(parent)
        self.render = render
        self.data_dir = data_dir
        self.copies, self.duplex, self.on_printed = copies, duplex, on_printed
        self.export_folder = paths.export_dir(data_dir)
        self.sheet: RenderedSheet | None = None
        named(self, "公示单预览")
        self.setWindowTitle("公示单预览")

        self.page_choice = named(QComboBox(), "纸张")
        for spec in papers:
            self.page_choice.addItem(spec.label, spec)
        if paper in papers:
            self.page_choice.setCurrentIndex(papers.index(paper))
        self.page_choice.currentIndexChanged.connect(self.refresh)
        self.how_to_print = named(QLabel(), "打印提示")
        self.how_to_print.setWordWrap(True)
        self.how_to_print.setVisible(duplex or copies > 1)
        self.how_to_print.setText(
            ("这是对折小册子：请双面打印（短边翻转），整叠对折后在折缝处装订。" if duplex else "")
            + (f"默认打印 {copies} 份（每户一份），可在打印对话框里改。" if copies > 1 else "")
        )
        self.warning = named(QLabel(), "缺字提示")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff1cc; color: #7a4b00; padding: 6px;")
        self.document = QPdfDocument(self)
        self.view = named(QPdfView(self), "预览")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.buffer: QBuffer | None = None

        self.save_button = button("另存为PDF…")
        self.print_button = button("打印…")
        close_button = button("关闭")
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_sheet)
        close_button.clicked.connect(self.reject)

        bar = QHBoxLayout()
        page_label = QLabel("纸张：")
        page_label.setBuddy(self.page_choice)
        bar.addWidget(page_label)
        bar.addWidget(self.page_choice)
        bar.addStretch(1)
        for widget in (self.save_button, self.print_button, close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.how_to_print)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        fit_to_screen(self, 820, 960)
        self.refresh()

    @property
    def page(self) -> PageSpec:
        return self.page_choice.currentData()

    def refresh(self) -> None:
        self.sheet = self.render(self.page)
        self.setWindowTitle(f"预览：{self.sheet.title}")
        notes = [
            text for text in (self.sheet.advice, "" if self.sheet.report.ok else self.sheet.report.message()) if text
        ]
        self.warning.setText("\n".join(notes))
        self.warning.setVisible(bool(notes))
        self.document.close()
        if self.buffer is not None:  # the previous page size's PDF is no longer needed
            self.buffer.close()
            self.buffer.deleteLater()
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.sheet.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

    def suggested_path(self) -> Path:
        return self.export_folder / self.sheet.file_name

    def save_as(self) -> Path | None:
        chosen = file_dialogs.save_file(self, "另存为PDF", self.suggested_path(), "PDF 文件 (*.pdf)", "pdf")
        if not chosen:
            return None
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        try:
            self.write(path)
        except OSError as error:
            messages.warn(self, "保存失败", f"无法写入文件：\n{path}\n\n{error.strerror or error}")
            return None
        messages.inform(self, "已保存", f"已保存：\n{path}")
        return path

    def write(self, path: Path) -> None:
        """Writes the sheet as it leaves the program (atomically, recorded)."""
        issued.save_pdf(self.sheet, path)

    def printed(self) -> None:
        """Records the sheet sent to the printer, keeping its bytes."""
        issued.record_printed(self.sheet, self.data_dir)

    def print_sheet(self) -> bool:
        from app.ui.printing import prepare_printer, print_document

        # the sheet's paper and orientation; the dialog may change them
        printer = prepare_printer(self.page, copies=self.copies)
        if self.duplex:
            printer.setDuplex(QPrinter.DuplexMode.DuplexShortSide)
        printer.setDocName(self.sheet.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印公示单")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        print_document(self.document, printer)
        self.printed()
        if self.on_printed:
            self.on_printed(self.sheet, printer.copyCount())
        return True

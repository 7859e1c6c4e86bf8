"""The one print path, for the preview's 打印… button and the `print` command alike.

The printer is set to the sheet's paper size and orientation (a print dialog may still change them), and
each page is painted in horizontal bands at no more than PRINT_DPI, so that an A3 page at 600 dpi never
needs one page-sized image of hundreds of MB in memory.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from app.notices.frame import PageSpec

logger = logging.getLogger(__name__)

PRINT_DPI = 300  # sharp for text on an office laser printer; higher only costs time and memory
BAND_HEIGHT = 256  # pixels painted at a time
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}


class PrintError(RuntimeError):
    """The printer could not be used; the message is in Chinese."""


def prepare_printer(page: PageSpec, printer_name: str | None = None, copies: int = 1) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        from PySide6.QtPrintSupport import QPrinterInfo

        known = QPrinterInfo.availablePrinterNames()
        if printer_name not in known:
            listed = "、".join(known) or "（这台电脑上没有装打印机）"
            raise PrintError(f"找不到打印机“{printer_name}”。可用的打印机：{listed}")
        printer.setPrinterName(printer_name)
    printer.setPageSize(QPageSize(PAGE_SIZES[page.size]))
    orientation = (
        QPageLayout.Orientation.Landscape if page.orientation == "landscape" else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)
    printer.setCopyCount(copies)
    return printer


def load_pdf(pdf: bytes, parent=None) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def paper_of(width: float, height: float) -> PageSpec:
    """The paper a PDF page was made for, from its size in points (A4 is 595 × 842, A3 842 × 1191)."""
    return PageSpec("A3" if max(width, height) > 900 else "A4", "landscape" if width > height else "portrait")


def _set_paper(printer: QPrinter, page: PageSpec) -> None:
    orientation = (
        QPageLayout.Orientation.Landscape if page.orientation == "landscape" else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(printer.pageLayout())
    layout.setPageSize(QPageSize(PAGE_SIZES[page.size]))
    layout.setOrientation(orientation)
    printer.setPageLayout(layout)


def print_document(document: QPdfDocument, printer: QPrinter, each_on_its_paper: bool = False) -> None:
    """Paints every page, band by band, fitted to the printable area of the printer's paper. A whole board
    (`each_on_its_paper`) sets the paper page by page — A4 upright, A3 across … — in one print job."""
    if each_on_its_paper and document.pageCount():
        first = document.pagePointSize(0)
        _set_paper(printer, paper_of(first.width(), first.height()))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("无法连接打印机，请检查打印机是否开机、是否连好。")
    try:
        device_per_pixel = printer.resolution() / min(PRINT_DPI, printer.resolution())
        for number in range(document.pageCount()):
            points = document.pagePointSize(number)
            if number:
                if each_on_its_paper:  # takes effect on the page newPage() starts
                    _set_paper(printer, paper_of(points.width(), points.height()))
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = min(area.width() / points.width(), area.height() / points.height()) / device_per_pixel
            full = QSize(int(points.width() * scale), int(points.height() * scale))
            for top in range(0, full.height(), BAND_HEIGHT):
                band = QRect(0, top, full.width(), min(BAND_HEIGHT, full.height() - top))
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(full)
                options.setScaledClipRect(band)
                image = document.render(number, band.size(), options)
                target = QRect(
                    QPoint(0, int(top * device_per_pixel)),
                    QSize(int(band.width() * device_per_pixel), int(band.height() * device_per_pixel)),
                )
                painter.drawImage(target, image)
    finally:
        painter.end()

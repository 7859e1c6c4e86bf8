"""The preview of a whole board, or of an archived publication: fixed bytes, each page on its own paper; printed
in one job that sets the paper page by page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QLabel

from app.notices.frame import A4_PORTRAIT
from app.publishing import issued
from app.publishing.catalogue import RenderedSheet
from app.ui.widgets.sheet_preview import SheetPreview


class BoardPreview(SheetPreview):
    def __init__(
        self,
        sheet: RenderedSheet,
        count: int,
        data_dir: Path,
        parent=None,
        note: str = "",
        parts: list[RenderedSheet] | None = None,
    ):
        super().__init__(lambda _page: sheet, data_dir, parent, papers=(A4_PORTRAIT,))
        self.parts = parts or []  # a whole board's sheets, each kept as it left so posting archives those bytes
        self.page_choice.setVisible(False)  # each page keeps its own paper: there is nothing to choose
        for label in self.findChildren(QLabel):
            if label.buddy() is self.page_choice:
                label.setVisible(False)
        self.how_to_print.setText(
            note or f"共 {count} 张、{sheet.pages} 页，每张按它自己的纸张和方向打印（A4/A3，纵向/横向）。"
        )
        self.how_to_print.setVisible(True)

    def print_sheet(self) -> bool:
        from app.ui.printing import prepare_printer, print_document

        printer = prepare_printer(A4_PORTRAIT)
        printer.setDocName(self.sheet.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        print_document(self.document, printer, each_on_its_paper=True)
        self.printed()
        return True

    def write(self, path: Path) -> None:
        issued.save_board(self.sheet, self.parts, path, self.data_dir)

    def printed(self) -> None:
        issued.board_printed(self.sheet, self.parts, self.data_dir)

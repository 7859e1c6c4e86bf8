"""The 公开栏 tab: this quarter's board (what is due, the whole board previewed and printed at once, posted in
one step), the board as it hangs on any day, the year of postings month by month, and the publication record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.session import Session
from app.ui.widgets.labels import named
from app.ui.widgets.lazy_tabs import LazyTabs, lazy_panel


class BoardTab(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(parent)
        self.tabs = named(LazyTabs(), "公开栏分页")
        self.tabs.add_lazy("本期公开", lazy_panel("app.ui.board.due", "DuePanel", session))
        self.tabs.add_lazy("公开栏现状", lazy_panel("app.ui.board.picture", "BoardPicture", session))
        self.tabs.add_lazy("全年公开", lazy_panel("app.ui.board.year", "BoardYearPanel", session, open_sheet))
        self.tabs.add_lazy("张贴记录", lazy_panel("app.ui.board.publications", "PublicationsPanel", session))
        QVBoxLayout(self).addWidget(self.tabs)

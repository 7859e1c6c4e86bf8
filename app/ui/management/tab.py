"""The 管理 tab: its lists, each built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.session import Session
from app.ui.widgets.labels import named
from app.ui.widgets.lazy_tabs import LazyTabs, lazy_panel


def _panel(module: str, class_name: str, *args):
    return lazy_panel(f"app.ui.management.{module}", class_name, *args)


class ManagementTab(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        super().__init__(parent)
        self.tabs = named(LazyTabs(), "管理分页")
        self.tabs.add_lazy("班子成员", _panel("cadres", "CadresPage", session, open_sheet))
        self.tabs.add_lazy("党员花名册", _panel("members", "MembersPanel", session, open_sheet))
        self.tabs.add_lazy("三会一课", _panel("meetings", "MeetingsPanel", session, open_sheet))
        self.tabs.add_lazy("民主评议", _panel("appraisal", "AppraisalPanel", session, open_sheet))
        self.tabs.add_lazy("党费", _panel("dues", "DuesPanel", session, open_sheet))
        self.tabs.add_lazy("四议两公开", _panel("four_two", "FourTwoPanel", session, open_sheet))
        self.tabs.add_lazy("村规民约", _panel("compacts", "CompactsPanel", session, open_sheet))
        self.tabs.add_lazy("村级财务", _panel("money", "MoneyPanel", session, open_sheet))
        QVBoxLayout(self).addWidget(self.tabs)

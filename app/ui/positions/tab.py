"""The 阵地 tab: five lists, each built the first time it is shown (the first one just after the window
appears, so the window itself comes up as fast as a bare one can)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.session import Session
from app.ui.widgets.labels import named
from app.ui.widgets.lazy_tabs import LazyTabs, lazy_panel


def _panel(module: str, class_name: str, *args):
    return lazy_panel(f"app.ui.positions.{module}", class_name, *args)


class PositionsTab(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        super().__init__(parent)
        self.tabs = named(LazyTabs(), "阵地分页")
        self.tabs.add_lazy("活动场所", _panel("venues", "VenuesPanel", session))
        self.tabs.add_lazy("标准自查", _panel("checklist", "ChecklistPanel", session, open_sheet))
        self.tabs.add_lazy("设备台账", _panel("facilities", "FacilitiesPanel", session))
        self.tabs.add_lazy("上墙制度", _panel("wall_rules", "WallRulesPanel", session, open_sheet))
        self.tabs.add_lazy("思想阵地", _panel("activities", "ActivitiesPanel", session))
        QVBoxLayout(self).addWidget(self.tabs)

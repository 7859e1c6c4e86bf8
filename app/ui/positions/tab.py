"""The 阵地 tab: five lists, each built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.session import Session
from app.ui.widgets.labels import named


class LazyTabs(QTabWidget):
    """Pages are built on first show, keeping start-up light."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.builders: dict[int, Callable[[], QWidget]] = {}
        self.currentChanged.connect(self._build)

    def add_lazy(self, title: str, builder: Callable[[], QWidget]) -> None:
        holder = named(QWidget(), title)
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        index = self.addTab(holder, title)
        self.builders[index] = builder
        if index == self.currentIndex():
            self._build(index)

    def _build(self, index: int) -> None:
        builder = self.builders.pop(index, None)
        if builder is not None:
            self.widget(index).layout().addWidget(builder())

    def page(self, title: str) -> QWidget:
        for index in range(self.count()):
            if self.tabText(index) == title:
                self._build(index)
                return self.widget(index).layout().itemAt(0).widget()
        raise KeyError(title)


class PositionsTab(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[[str, str], None], parent=None):
        super().__init__(parent)
        from app.ui.positions.activities import ActivitiesPanel
        from app.ui.positions.checklist import ChecklistPanel
        from app.ui.positions.facilities import FacilitiesPanel
        from app.ui.positions.venues import VenuesPanel
        from app.ui.positions.wall_rules import WallRulesPanel

        self.tabs = named(LazyTabs(), "阵地分页")
        self.tabs.add_lazy("活动场所", lambda: VenuesPanel(session))
        self.tabs.add_lazy("标准自查", lambda: ChecklistPanel(session, open_sheet))
        self.tabs.add_lazy("设备台账", lambda: FacilitiesPanel(session))
        self.tabs.add_lazy("上墙制度", lambda: WallRulesPanel(session, open_sheet))
        self.tabs.add_lazy("思想阵地", lambda: ActivitiesPanel(session))
        QVBoxLayout(self).addWidget(self.tabs)

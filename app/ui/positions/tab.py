"""The 阵地 tab: five lists, each built the first time it is shown (the first one just after the window
appears, so the window itself comes up as fast as a bare one can)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QTimer
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

    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self._build(self.currentIndex()))

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


def _panel(module: str, class_name: str, *args) -> Callable[[], QWidget]:
    """A builder that imports the panel's module only when the panel is first shown."""

    def build() -> QWidget:
        return getattr(importlib.import_module(f"app.ui.positions.{module}"), class_name)(*args)

    return build


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

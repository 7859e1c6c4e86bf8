"""The 服务 tab: its lists, each built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.session import Session
from app.ui.widgets.labels import named
from app.ui.widgets.lazy_tabs import LazyTabs, lazy_panel


def _panel(module: str, class_name: str, *args):
    return lazy_panel(f"app.ui.services.{module}", class_name, *args)


class ServicesTab(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(parent)
        self.tabs = named(LazyTabs(), "服务分页")
        self.tabs.add_lazy("农户", _panel("households", "HouseholdsPanel", session, open_sheet))
        self.tabs.add_lazy("联系人", _panel("contacts", "ContactsPanel", session, open_sheet))
        self.tabs.add_lazy("走访记录", _panel("visits", "VisitsPanel", session, open_sheet))
        self.tabs.add_lazy("便民服务", _panel("requests", "RequestsPanel", session, open_sheet))
        self.tabs.add_lazy("低保评议", _panel("dibao", "DibaoPanel", session, open_sheet))
        self.tabs.add_lazy("教育培训", _panel("training", "TrainingPanel", session, open_sheet))
        self.tabs.add_lazy("集体经济", _panel("economy", "EconomyPanel", session, open_sheet))
        QVBoxLayout(self).addWidget(self.tabs)

"""Tabs whose pages are built the first time they are shown, keeping start-up light."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.widgets.labels import named


class LazyTabs(QTabWidget):
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
        builder = self.builders.get(index)
        if builder is not None:
            self.widget(index).layout().addWidget(builder())
            del self.builders[index]  # only once built: a page that failed is tried again

    def page(self, title: str) -> QWidget:
        for index in range(self.count()):
            if self.tabText(index) == title:
                self._build(index)
                return self.widget(index).layout().itemAt(0).widget()
        raise KeyError(title)

    def current_page(self) -> QWidget:
        return self.page(self.tabText(self.currentIndex()))


def lazy_panel(module: str, class_name: str, *args) -> Callable[[], QWidget]:
    """A builder that imports the panel's module only when the panel is first shown."""

    def build() -> QWidget:
        return getattr(importlib.import_module(module), class_name)(*args)

    return build

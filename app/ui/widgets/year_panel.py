"""A list of one year's records about the members (评议, 党费): a year to choose, rows made from the roster by
one 生成 button (never typed one by one), a note above the list, and the rows ordered as the roster is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox

from app.store import models
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind, RecordPanel


class YearPanel(RecordPanel):
    def __init__(
        self,
        kind: RecordKind,
        session: Session,
        generate: Callable[[models.Village, int], list],
        generate_label: str,  # the button: 生成本年名单
        generate_tip: str,
        parent=None,
    ):
        self.generate, self.generate_label = generate, generate_label
        self.year = named(QSpinBox(), f"{kind.noun}年度")
        self.year.setRange(2000, dt.date.today().year + 1)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(" 年")
        self.note = named(QLabel(), f"{kind.noun}说明")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        super().__init__(kind, session, parent)
        year_label = QLabel("年度：")
        year_label.setBuddy(self.year)
        self.buttons.insertWidget(0, year_label)
        self.buttons.insertWidget(1, self.year)
        self.year.valueChanged.connect(lambda _: self.reload())
        self.top.addWidget(self.note)
        named(self.add_button, generate_label).setText(generate_label)
        self.add_button.setToolTip(generate_tip)

    def menu_actions(self):
        actions = super().menu_actions()
        return [
            (self.generate_label, self.add) if text.startswith("新增") else (text, handler) for text, handler in actions
        ]

    def rows_query(self):
        model = self.kind.model
        query = model.select(model, models.PartyMember).join(models.PartyMember)
        query = query.where((model.village == self.session.village) & (model.year == self.year.value()))
        return query.order_by(models.PartyMember.party_group, models.PartyMember.name)

    def add(self) -> None:
        """New rows come from the roster, one step that Ctrl+Z takes back."""
        try:
            changes = self.generate(self.session.village, self.year.value())
        except StorageError as error:
            messages.warn(self, "没有生成", str(error))
            return
        if not changes:
            messages.inform(self, self.generate_label, "在册党员都已在本年度的列表里。")
            return
        self.session.record(changes, f"{self.generate_label}（{self.year.value()}年，{len(changes)} 人）")

    def year_sheet(self, open_sheet: Callable[[str, str], None], kind: str) -> None:
        open_sheet(kind, f"{self.session.village.id}:{self.year.value()}")

"""A list's 显示身份证号 button: ID numbers are masked until the clerk asks, and each asking is logged."""

from __future__ import annotations

from app.domain.masking import mask_id_number
from app.store import records
from app.ui.widgets import messages
from app.ui.widgets.labels import named

SHOW, HIDE = "显示身份证号", "隐藏身份证号"


class IdReveal:
    def __init__(self, table: str):
        self.table = table  # the table whose numbers are viewed, for the audit log
        self.shown = False
        self.panel = None
        self.button = None

    def attach(self, panel) -> None:
        """Adds the button to a RecordPanel; numbers are hidden again when the village changes."""
        self.panel = panel
        self.button = panel.add_action(SHOW, self.toggle, "身份证号平时只显示头尾几位；查看全号会记入操作日志")
        panel.session.village_changed.connect(lambda _: self.hide())

    def text(self, number: str) -> str:
        return number if self.shown else mask_id_number(number)

    def toggle(self) -> None:
        if self.shown:
            self.hide()
            return
        question = "要在列表中显示完整的身份证号吗？\n这次查看会记入操作日志。离开本村或再点一次即隐藏。"
        if not messages.confirm(self.panel, SHOW, question):
            return
        records.log_viewing(self.table, str(self.panel.session.village.id), "查看身份证号")
        self._set(True)

    def hide(self) -> None:
        if self.shown:
            self._set(False)

    def _set(self, shown: bool) -> None:
        self.shown = shown
        label = HIDE if shown else SHOW
        named(self.button, label).setText(label)
        self.panel.reload()

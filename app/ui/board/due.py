"""本期公开: the quarter's sheets panel by panel with whether each went up, the whole board in one preview and
one print job (each sheet on its own paper), and posting them all once the 监委会 has reviewed them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain import board as b
from app.domain import values as v
from app.domain import periods
from app.publishing import board as publishing
from app.publishing.sheets import RenderedSheet, default_page
from app.store import board as store
from app.store import models
from app.store.errors import StorageError
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.forms import FieldSpec, RecordForm
from app.ui.widgets.labels import button, choice_table, named, open_transient

OVERDUE_COLOUR, POSTED_COLOUR = QColor("#f8d7da"), QColor("#dff0d8")


def follow_the_board(session: Session, reload) -> None:
    """A board page shows the current village's publications: it reloads when they change, or the village does."""
    session.changed.connect(lambda tables: reload() if models.Publication in tables else None)
    session.village_changed.connect(lambda _: reload())
    reload()


def periods_around(today: dt.date) -> list[str]:
    """This quarter first (the suggested one), then the three before it and the one after."""
    year, quarter = periods.parse_quarter(periods.quarter_of(today))
    found = [periods.quarter_key(*periods.shift_quarter(year, quarter, -step)) for step in range(-1, 4)]
    return [found[1], found[0], *found[2:]]


class DuePanel(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.period = named(QComboBox(), "期间")
        self.period.addItems(periods_around(dt.date.today()))
        self.period.currentIndexChanged.connect(lambda _: self.reload())
        period_label = QLabel("期间：")
        period_label.setBuddy(self.period)
        self.day = named(QLabel(), "公开日")
        top = QHBoxLayout()
        for widget in (period_label, self.period, self.day):
            top.addWidget(widget)
        top.addStretch(1)
        self.extra_actions = []
        for text, handler, tip in (
            ("整版预览", self.preview_board, "本期该公开的各张合在一起预览，一次打印（每张用它自己的纸张）"),
            ("登记张贴…", self.post_all, "监委会审核后张贴：本期还没张贴的各张一并登记，原件存档"),
        ):
            widget = button(text, tip)
            widget.clicked.connect(handler)
            top.addWidget(widget)
            self.extra_actions.append((text, handler))
        self.table = choice_table("本期公开清单", ["栏目", "公示单", "频次", "状态"])
        self.summary = named(QLabel(), "本期公开统计")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        follow_the_board(session, self.reload)

    def menu_actions(self):
        return list(self.extra_actions)

    def reload(self) -> None:
        period = self.period.currentText()
        year, quarter = periods.parse_quarter(period)
        day = b.disclosure_date(year, quarter, int(store.rules()["disclosure_day"]))
        self.day.setText(f"公开日：{v.format_date(day)}")
        self.items = publishing.due(self.session.village, period)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            state = item.state
            if item.posted and item.posted.posted_on:
                state = f"{publishing.POSTED}（{v.format_date(item.posted.posted_on)}）"
            for column, text in enumerate((item.panel, item.title, item.rhythm, state)):
                cell = QTableWidgetItem(text)
                if item.state == publishing.OVERDUE:
                    cell.setBackground(OVERDUE_COLOUR)
                elif item.state == publishing.POSTED:
                    cell.setBackground(POSTED_COLOUR)
                self.table.setItem(row, column, cell)
        counts = {
            state: sum(1 for i in self.items if i.state == state) for state in (publishing.POSTED, publishing.OVERDUE)
        }
        self.summary.setText(
            f"本期 {len(self.items)} 张：已张贴 {counts[publishing.POSTED]} 张，"
            f"逾期未张贴 {counts[publishing.OVERDUE]} 张。"
        )

    def rendered(self) -> list[RenderedSheet]:
        return publishing.render_due(self.items)

    def preview_board(self):
        from app.ui.board.preview import BoardPreview

        if not self.items:
            messages.inform(self, "整版预览", "本期没有要公开的公示单。")
            return None
        period = self.period.currentText()
        sheets = self.rendered()
        board = publishing.whole_board(self.session.village, period, sheets)
        preview = BoardPreview(board, len(sheets), self.session.data_dir, self, parts=sheets)
        self.preview = preview  # tests reach the open preview here
        open_transient(preview)
        return preview

    def post_all(self) -> None:
        waiting = [item for item in self.items if item.state != publishing.POSTED]
        if not waiting:
            messages.inform(self, "登记张贴", "本期的各张都已登记张贴。")
            return
        from app.store.money import signers

        today = dt.date.today()
        sheets, copies = publishing.sheets_as_printed(self.session.village, waiting, self.session.data_dir, today)
        fresh = len(waiting) - copies
        archived_as = f"{copies} 张按打印出的原样存档" + (
            f"，{fresh} 张没有打印记录，按现在的记录生成" if fresh else ""
        )
        fields = [
            FieldSpec("reviewed_by", "监委会审核人", lambda t: v.optional_text(t, "审核人", 30)),
            FieldSpec(
                "reviewed_on",
                "审核日期",
                lambda t: v.date_value(t, "审核日期", required=False, not_after_today=True),
                show=v.format_date,
            ),
            FieldSpec(
                "posted_on",
                "张贴日期",
                lambda t: v.date_value(t, "张贴日期", not_after_today=True),
                show=v.format_date,
                hint=archived_as,
            ),
            FieldSpec(
                "minimum_days",
                "至少公开（天）",
                lambda t: v.whole_number(t, "公开天数", minimum=b.DEFAULT_MINIMUM_DAYS, maximum=365),
                hint="不少于 5 天（山东省村务公开条例第十三条）",
            ),
        ]
        values = {
            "reviewed_by": signers(self.session.village, today)["reviewer"],
            "reviewed_on": today,
            "posted_on": today,
            "minimum_days": int(store.rules()["minimum_days"]),
        }
        period = self.period.currentText()

        def save(parsed: dict) -> None:
            try:
                posted = [(sheet, item.panel, _paper(item.kind)) for item, sheet in zip(waiting, sheets, strict=True)]
                changes = store.publish_all(self.session.village, posted, period, **parsed)
            except StorageError as error:
                raise v.InputError(str(error), "reviewed_by") from None
            self.session.record(changes, f"登记张贴：{period}公开栏 {len(changes)} 张")

        form = RecordForm(f"登记张贴（{len(waiting)} 张）", fields, values, save, self)
        self.post_form = form
        open_transient(form)


def _paper(kind: str) -> str:
    return default_page(kind).label

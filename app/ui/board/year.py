"""全年公开: a year of the board kind by kind and month by month — the day each sheet went up, late ones and
corrections marked, what a quarter's board lacked by its day in red — with this month picked out, and the same
table printed for the township's check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QHBoxLayout, QLabel, QSpinBox, QTableWidgetItem, QVBoxLayout, QWidget

from app.notices.board_sheets import MONTHS
from app.publishing import board as publishing
from app.ui.board.due import OVERDUE_COLOUR, POSTED_COLOUR, follow_the_board
from app.ui.session import Session
from app.ui.widgets.labels import button, choice_table, named

WAITING_COLOUR = QColor("#fff3cd")


def _colour(marks: list[publishing.Mark]) -> QColor | None:
    states = {mark.state for mark in marks}
    if publishing.OVERDUE in states:
        return OVERDUE_COLOUR
    if publishing.WAITING in states:
        return WAITING_COLOUR
    return POSTED_COLOUR if marks else None


class BoardYearPanel(QWidget):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(parent)
        self.session, self.open_sheet = session, open_sheet
        today = dt.date.today()
        self.year = named(QSpinBox(), "年度")
        self.year.setRange(2000, today.year)
        self.year.setValue(today.year)
        self.year.setSuffix(" 年")
        self.year.valueChanged.connect(lambda _: self.reload())
        year_label = QLabel("年度：")
        year_label.setBuddy(self.year)
        legend = QLabel("日期为张贴日；（迟）过了公开日才贴；红色逾期未贴，黄色待贴，绿色已贴")
        print_button = button("打印全年表…", "打印这一年的公开记录（A4 横向），供乡镇检查")
        print_button.clicked.connect(self.print_year)
        top = QHBoxLayout()
        for widget in (year_label, self.year, legend):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(print_button)
        self.table = choice_table("全年公开表", ["栏目", "公示单", *MONTHS])
        self.table.horizontalHeader().setStretchLastSection(False)
        for month in range(1, 13):
            self.table.horizontalHeader().setSectionResizeMode(month + 1, QHeaderView.ResizeMode.Stretch)
        self.summary = named(QLabel(), "全年公开统计")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        follow_the_board(session, self.reload)

    def print_year(self) -> None:
        self.open_sheet("board_year", f"{self.session.village.id}:{self.year.value()}")

    def reload(self) -> None:
        today = dt.date.today()
        year = self.year.value()
        self.rows = publishing.year_view(self.session.village, year, today)
        this_month = today.month if year == today.year else None
        for month in range(1, 13):
            header = QTableWidgetItem(f"{month}月" + ("\n本月" if month == this_month else ""))
            if month == this_month:
                font = QFont()
                font.setBold(True)
                header.setFont(font)
            self.table.setHorizontalHeaderItem(month + 1, header)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            self.table.setItem(index, 0, QTableWidgetItem(row.panel))
            self.table.setItem(index, 1, QTableWidgetItem(row.label))
            for month in range(1, 13):
                marks = row.months.get(month, [])
                cell = QTableWidgetItem("\n".join(mark.text for mark in marks))
                cell.setToolTip("\n".join(f"{mark.title}：{mark.state} {mark.day.isoformat()}" for mark in marks))
                colour = _colour(marks)
                if colour is not None:
                    cell.setBackground(colour)
                self.table.setItem(index, month + 1, cell)
        self.table.resizeRowsToContents()
        self.summary.setText(f"{year}年：" + publishing.year_summary(self.rows) + self._month_text(this_month))

    def _month_text(self, month: int | None) -> str:
        if month is None:
            return ""
        marks = [mark for row in self.rows for mark in row.months.get(month, [])]
        counts = {state: sum(1 for m in marks if m.state == state) for state in (publishing.POSTED, publishing.WAITING)}
        overdue = sum(1 for m in marks if m.state == publishing.OVERDUE)
        return (
            f"　本月（{month}月）：张贴 {counts[publishing.POSTED]} 份，待张贴 {counts[publishing.WAITING]} 份，"
            f"逾期 {overdue} 份。"
        )

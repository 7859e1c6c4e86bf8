"""公开栏现状: the board as it hangs — five panels side by side, each with the sheets up on the chosen day (a
correction in place of the original); a sheet opens as the archived original, and the board's photo when one was
taken."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import board as b
from app.domain import values as v
from app.publishing import board as publishing
from app.store import board as store
from app.store import models
from app.ui.board.due import follow_the_board
from app.ui.session import Session
from app.ui.widgets import messages
from app.ui.widgets.labels import button, named

BOARD_STYLE = """
QGroupBox { background: #f3efe4; border: 2px solid #8b1a1a; margin-top: 1.6em; font-weight: bold; }
QGroupBox::title { subcontrol-origin: margin; subcontrol-position: top center; padding: 2px 14px;
                   background: #b22222; color: white; }
QListWidget { background: #f3efe4; border: none; font-weight: normal; }
QListWidget::item { background: white; border: 1px solid #b9b2a0; margin: 4px; padding: 6px; color: black; }
QListWidget::item:selected { border: 2px solid #1d5fa8; }
"""


def card_text(publication: models.Publication, standing: bool) -> str:
    title = publication.title.removeprefix(publication.village.name) or publication.title
    lines = [title + ("（更正）" if publication.corrects_id else "")]
    lines.append(f"{v.format_date(publication.posted_on)} 张贴")
    if standing:
        lines.append("长期公开")
    elif publication.take_down_on:
        lines.append(f"可撤下：{v.format_date(publication.take_down_on)}")
    return "\n".join(lines)


class CardList(QListWidget):
    """A panel's sheets as cards, each as tall as its wrapped text."""

    PADDING = 24  # the card's margin, border and padding (BOARD_STYLE), top and bottom

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def fit_cards(self) -> None:
        width = max(60, self.viewport().width() - self.PADDING)
        metrics = QFontMetrics(self.font())
        for row in range(self.count()):
            item = self.item(row)
            text = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, text.height() + self.PADDING))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_cards()


class BoardPicture(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.day = named(QDateEdit(), "查看日期")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setDate(QDate.currentDate())
        self.day.dateChanged.connect(lambda _: self.reload())
        day_label = QLabel("查看日期：")
        day_label.setBuddy(self.day)
        today = button("今天", "看今天公开栏上贴着什么")
        today.clicked.connect(lambda: self.day.setDate(QDate.currentDate()))
        self.summary = named(QLabel(), "公开栏现状统计")
        self.photo_button = button("看照片", "这一天公开栏上各张的张贴照片")
        self.photo_button.clicked.connect(self.show_photo)
        original = button("看原件", "打开选中那张当时张贴的原件（存档的原样）")
        original.clicked.connect(self.open_original)
        top = QHBoxLayout()
        for widget in (day_label, self.day, today, self.summary):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(original)
        top.addWidget(self.photo_button)

        self.lists: dict[str, QListWidget] = {}
        columns = QHBoxLayout()
        for panel in b.PANELS:
            box = named(QGroupBox(panel), panel)
            listing = named(CardList(), f"{panel}张贴")
            listing.itemActivated.connect(lambda _item: self.open_original())
            listing.currentItemChanged.connect(self._keep_one_selected)
            QVBoxLayout(box).addWidget(listing)
            columns.addWidget(box, 1)
            self.lists[panel] = listing
        board = QWidget()
        board.setStyleSheet(BOARD_STYLE)
        board.setLayout(columns)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(board, 1)
        follow_the_board(session, self.reload)

    def chosen_day(self) -> dt.date:
        return self.day.date().toPython()

    def reload(self) -> None:
        day = self.chosen_day()
        self.up = store.up_on(self.session.village, day)
        rhythms = publishing.rhythms()
        for panel, listing in self.lists.items():
            listing.clear()
            for publication in self.up.get(panel, []):
                standing = rhythms.get(publication.kind, [panel, b.AS_CALLED])[1] == b.STANDING
                item = QListWidgetItem(card_text(publication, standing))
                item.setData(Qt.ItemDataRole.UserRole, publication.id)
                item.setToolTip(f"{publication.title}\n计划撤下：{v.format_date(publication.take_down_on)}")
                listing.addItem(item)
            if not self.up.get(panel):
                empty = QListWidgetItem("（空）")
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                listing.addItem(empty)
            listing.fit_cards()
        count = sum(len(rows) for rows in self.up.values())
        empty_panels = [panel for panel in b.PANELS if not self.up.get(panel)]
        text = f"{v.format_date(day)} 公开栏上共 {count} 张"
        self.summary.setText(text + (f"；{'、'.join(empty_panels)}空着" if empty_panels else "") + "。")
        self.photo_button.setEnabled(bool(self.photos()))

    def _keep_one_selected(self, current, _previous) -> None:
        if current is None:
            return
        for listing in self.lists.values():
            if listing is not current.listWidget():
                listing.setCurrentItem(None)

    def selected(self) -> models.Publication | None:
        for listing in self.lists.values():
            item = listing.currentItem()
            if item is not None and item.data(Qt.ItemDataRole.UserRole):
                return models.Publication.get_or_none(models.Publication.id == item.data(Qt.ItemDataRole.UserRole))
        return None

    def photos(self) -> list[models.Publication]:
        return [p for rows in self.up.values() for p in rows if p.photo]

    def open_original(self):
        from app.ui.board.publications import open_archived

        chosen = self.selected()
        if chosen is None:
            messages.inform(self, "看原件", "请先在公开栏上点选一张。")
            return None
        self.preview = open_archived(chosen, self.session.data_dir, self)
        return self.preview

    def show_photo(self):
        from app.ui.board.photos import PhotoDialog

        chosen = self.selected()
        with_photo = [chosen] if chosen is not None and chosen.photo else self.photos()
        if not with_photo:
            messages.inform(self, "看照片", "这一天公开栏上的各张都没有附照片。")
            return None
        self.photo_dialog = PhotoDialog(with_photo[-1], self)
        self.photo_dialog.open()
        return self.photo_dialog

"""思想阵地 activities: 讲堂, 农家书屋, 电影/文化/理论下乡 …"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from app.domain import values as v
from app.domain.venue import ACTIVITY_KINDS
from app.store import models
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import named
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

activity_kind = RecordKind(
    noun="活动",
    model=models.OutreachActivity,
    columns=[
        Column("日期", lambda r: v.format_date(r.held_on)),
        Column("类型", lambda r: r.kind),
        Column("主题", lambda r: r.topic),
        Column("主讲人", lambda r: r.speaker),
        Column("参加人数", lambda r: str(r.attendance), sort_key=lambda r: r.attendance),
        Column("地点", lambda r: r.place),
    ],
    fields=[
        FieldSpec(
            "held_on",
            "日期",
            lambda t: v.date_value(t, "日期", not_after_today=True),
            show=v.format_date,
            placeholder="如：2026-05-20",
        ),
        FieldSpec("kind", "类型", lambda t: v.required_text(t, "类型"), kind="editable_choice", choices=ACTIVITY_KINDS),
        FieldSpec("topic", "主题", lambda t: v.required_text(t, "主题")),
        FieldSpec("speaker", "主讲人", lambda t: v.optional_text(t, "主讲人")),
        FieldSpec("attendance", "参加人数", lambda t: v.whole_number(t, "参加人数", maximum=100000)),
        FieldSpec("place", "地点", lambda t: v.optional_text(t, "地点")),
    ],
    order_by=lambda: models.OutreachActivity.held_on.desc(),
    describe=lambda r: f"{v.format_date(r.held_on)} {r.topic}",
    defaults=lambda: {"held_on": dt.date.today(), "attendance": ""},
)


class ActivitiesPanel(RecordPanel):
    def __init__(self, session: Session, parent=None):
        self.summary_label = named(QLabel(), "活动统计")
        super().__init__(activity_kind, session, parent)
        self.top.addWidget(self.summary_label)

    def reload(self) -> None:
        super().reload()
        year = dt.date.today().year
        this_year = [r for r in self.model.rows if r.held_on.year == year]
        people = sum(r.attendance for r in this_year)
        self.summary_label.setText(f"{year}年：开展 {len(this_year)} 次，参加 {people} 人次")

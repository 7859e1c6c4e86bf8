"""走访记录: each visit to a household — when, who, what was found, what follows, and whether it is done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.domain import values as v
from app.store import models
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column


def _households(village) -> dict[str, models.Household]:
    query = models.Household.select().where(models.Household.village == village)
    people = list(query.order_by(models.Household.group_order, models.Household.group_name, models.Household.head_name))
    return {f"{p.head_name}（{p.group_name or '未分组'}）": p for p in people}


def visit_kind(session: Session) -> RecordKind:
    def household(text: str):
        chosen = _households(session.village).get(text)
        if chosen is None:
            raise v.InputError("请从列表中选择走访的农户")
        return chosen

    return RecordKind(
        noun="走访记录",
        model=models.HouseholdVisit,
        columns=[
            Column("日期", lambda r: v.format_date(r.visited_on), sort_key=lambda r: r.visited_on),
            Column("农户", lambda r: r.household.head_name),
            Column("村民小组", lambda r: r.household.group_name),
            Column("走访人", lambda r: r.visitor),
            Column("发现的情况", lambda r: r.found),
            Column("后续事项", lambda r: r.follow_up),
            Column("办结", lambda r: "已办结" if r.done else "未办结", warn=lambda r: bool(r.follow_up) and not r.done),
        ],
        fields=[
            FieldSpec(
                "visited_on",
                "日期",
                lambda t: v.date_value(t, "日期", not_after_today=True),
                show=v.format_date,
            ),
            FieldSpec(
                "household",
                "农户",
                household,
                kind="editable_choice",
                choices=lambda: list(_households(session.village)),
                show=lambda p: f"{p.head_name}（{p.group_name or '未分组'}）" if p else "",
            ),
            FieldSpec("visitor", "走访人", lambda t: v.required_text(t, "走访人", 30)),
            FieldSpec(
                "found",
                "发现的情况",
                lambda t: v.optional_text(t, "发现的情况", v.NOTE_LENGTH),
                kind="text",
                extra={"height": 60},
            ),
            FieldSpec("follow_up", "后续事项", lambda t: v.optional_text(t, "后续事项", v.NOTE_LENGTH)),
            FieldSpec("done", "办结", kind="check", hint="后续事项已办结"),
        ],
        order_by=lambda: models.HouseholdVisit.visited_on.desc(),
        describe=lambda r: f"{v.format_date(r.visited_on)} {r.household.head_name}",
        defaults=lambda: {"visited_on": dt.date.today()},
    )


class VisitsPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet: Callable[..., object], parent=None):
        super().__init__(visit_kind(session), session, parent)

"""公开栏 rules shared by every sheet: how long a notice stays up, how its period reads."""

from __future__ import annotations

import datetime as dt

DEFAULT_POSTING_DAYS = 10  # [T] 10–15 days; 山东 requires at least 5
OBJECTION_DAYS = 5
PERMANENT = "长期公开"


def posting_period(start: dt.date, days: int = DEFAULT_POSTING_DAYS) -> str:
    end = start + dt.timedelta(days=days)
    return f"{days}天（{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日）"

"""Dates as Chinese text. Formed from the numbers, never through strftime: on a Chinese Windows (code page
936) strftime runs under the C runtime's "C" time locale and cannot encode 年, 月 or 日."""

from __future__ import annotations

import datetime as dt


def chinese_date(value: dt.date) -> str:
    """2026年12月3日 — the form every sheet prints (no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"

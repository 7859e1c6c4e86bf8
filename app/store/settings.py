"""Rules a township may change, kept in the database (and so in backups), each declared once here: its key, its
title for the clerk, the JSON type it is kept as and the program's default. The features read them through
their own typed helpers (money.approval_threshold, board.rules …); a test walks this table."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from app.domain import board as b
from app.domain import dibao, economy, households, meetings, money, training
from app.store import models, records
from app.store.errors import ChangeRefusedError
from app.store.transactions import write_transaction


@dataclass(frozen=True)
class Setting:
    key: str
    title: str  # as the clerk knows it
    kind: type  # what the value is kept as (JSON): int, str, list or dict
    default: Any  # the program's own value, as it would be kept


MEETING_REQUIREMENTS_SETTING = Setting(
    "meeting_requirements",
    "三会一课年度要求",
    dict,
    {kind: list(rule) for kind, rule in meetings.DEFAULT_REQUIREMENTS.items()},  # {kind: [period, at least]}
)
LATE_ENTRY_DAYS_SETTING = Setting("late_entry_days", "会后补录天数", int, meetings.LATE_ENTRY_DAYS)
APPROVAL_THRESHOLD_SETTING = Setting(
    "approval_threshold",
    "联签限额（元）",
    str,
    str(money.DEFAULT_APPROVAL_THRESHOLD),  # 元, as text
)
TRAINING_RULES = Setting("training_rules", "培训学时要求", dict, {"year_hours": str(training.DEFAULT_YEAR_HOURS)})
CONTACT_LOAD_SETTING = Setting("contact_load", "联系户上限", int, households.DEFAULT_CONTACT_LOAD)
HOLIDAYS_SETTING = Setting("holidays", "节假日", list, [])  # ISO dates; working days skip them
DIBAO_RULES = Setting("dibao_rules", "低保评议规则", dict, dict(dibao.DEFAULT_RULES))
ECONOMY_RULES = Setting("economy_rules", "集体经济评定标准", dict, dict(economy.DEFAULT_RULES))
BOARD_RULES = Setting(
    "board_rules",
    "公开栏规则",
    dict,
    {
        "rhythms": {},  # kind → [panel, rhythm] where the township changed a kind's declared place on the board
        "disclosure_day": b.DEFAULT_DISCLOSURE_DAY,
        "minimum_days": b.DEFAULT_MINIMUM_DAYS,
        "review_required": True,  # nothing goes up before the 监委会 has reviewed it
        "as_called_days": b.AS_CALLED_DAYS,  # a one-off notice goes up within these days of its record
    },
)

SETTINGS: tuple[Setting, ...] = (
    MEETING_REQUIREMENTS_SETTING,
    LATE_ENTRY_DAYS_SETTING,
    APPROVAL_THRESHOLD_SETTING,
    TRAINING_RULES,
    CONTACT_LOAD_SETTING,
    HOLIDAYS_SETTING,
    DIBAO_RULES,
    ECONOMY_RULES,
    BOARD_RULES,
)
DECLARED = {setting.key: setting for setting in SETTINGS}

MEETING_REQUIREMENTS = MEETING_REQUIREMENTS_SETTING.key
LATE_ENTRY_DAYS = LATE_ENTRY_DAYS_SETTING.key


def declared(key: str) -> Setting:
    try:
        return DECLARED[key]
    except KeyError:
        raise KeyError(f"setting {key!r} is not declared in app.store.settings.SETTINGS") from None


def get(key: str) -> Any:
    """What is kept for the setting, or its default when nothing is."""
    setting = declared(key)
    row = models.Setting.get_or_none(models.Setting.key == key)
    return copy.deepcopy(setting.default) if row is None or row.value is None else row.value


def put(key: str, value: Any) -> records.Change:
    setting = declared(key)
    if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
        raise ChangeRefusedError(f"“{setting.title}”的值不对，没有保存。")
    row = models.Setting.get_or_none(models.Setting.key == key)
    expected = records.ABSENT if row is None else records.snapshot(row)
    row = row or models.Setting(key=key)
    row.value = value
    return records.save(row, expected=expected)


def put_many(values: dict[str, Any]) -> list[records.Change]:
    """Several settings changed together, as one step."""
    with write_transaction():
        return [put(key, value) for key, value in values.items()]


def meeting_requirements() -> dict[str, tuple[str, int]]:
    stored = get(MEETING_REQUIREMENTS)
    return {kind: tuple(stored.get(kind, default)) for kind, default in meetings.DEFAULT_REQUIREMENTS.items()}


def late_entry_days() -> int:
    return int(get(LATE_ENTRY_DAYS))

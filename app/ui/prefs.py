"""The window's own preferences — its size and place, the tab it was on, the type size, the village last open,
the column widths a clerk set by hand — kept in the data folder's window.ini (QSettings), declared once here
and opened here only. The village's data is never kept here: that is in the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

FILE_NAME = "window.ini"


@dataclass(frozen=True)
class Pref:
    key: str
    title: str
    kind: type
    default: Any


GEOMETRY = Pref("geometry", "窗口位置和大小", QByteArray, None)
TAB = Pref("tab", "打开的分页", int, 0)
POSITIONS_TAB = Pref("positions_tab", "阵地分页里打开的一页", int, 0)
VILLAGE = Pref("village", "上次打开的村", str, "")
TEXT_SIZE = Pref("text_size", "字号", str, "标准")
COLUMNS = Pref("columns", "列表中自己拖动的列宽", dict, {})  # one entry a list: columns/<noun> = {column: width}
PREFS: tuple[Pref, ...] = (GEOMETRY, TAB, POSITIONS_TAB, VILLAGE, TEXT_SIZE, COLUMNS)
DECLARED = {pref.key: pref for pref in PREFS}


class Prefs:
    """The preferences of one data folder."""

    def __init__(self, data_dir: Path):
        self._ini = QSettings(str(Path(data_dir) / FILE_NAME), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        pref = DECLARED[key]
        if pref.kind in (int, str):
            return self._ini.value(key, pref.default, type=pref.kind)
        return self._ini.value(key, pref.default)

    def set_value(self, key: str, value: Any) -> None:
        DECLARED[key]  # noqa: B018 - an undeclared key is a mistake, not a new preference
        self._ini.setValue(key, value)

    def column_widths(self, noun: str) -> dict[int, int]:
        saved = self._ini.value(f"{COLUMNS.key}/{noun}", {}) or {}
        return {int(column): int(width) for column, width in dict(saved).items()}

    def set_column_widths(self, noun: str, widths: dict[int, int]) -> None:
        self._ini.setValue(f"{COLUMNS.key}/{noun}", {str(column): width for column, width in widths.items()})

    def sync(self) -> None:
        self._ini.sync()

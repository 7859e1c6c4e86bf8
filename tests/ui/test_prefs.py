"""The window's preferences are declared once (app/ui/prefs.py) and window.ini is opened there only."""

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from app.ui import prefs

APP = Path(__file__).resolve().parents[2] / "app"


def test_each_preference_is_declared_with_a_title_and_a_default_of_its_kind():
    assert len({pref.key for pref in prefs.PREFS}) == len(prefs.PREFS) == len(prefs.DECLARED)
    for pref in prefs.PREFS:
        assert pref.title and (pref.default is None or isinstance(pref.default, pref.kind)), pref


def test_preferences_come_back_from_the_folder_typed_and_with_their_defaults(tmp_path):
    fresh = prefs.Prefs(tmp_path)
    assert {pref.key: fresh.value(pref.key) for pref in prefs.PREFS} == {p.key: p.default for p in prefs.PREFS}
    fresh.set_value(prefs.TAB.key, 3)
    fresh.set_value(prefs.GEOMETRY.key, QByteArray(b"\x01\x02"))
    fresh.set_column_widths("设备", {0: 120, 2: 80})
    fresh.sync()
    again = prefs.Prefs(tmp_path)
    assert again.value(prefs.TAB.key) == 3 and isinstance(again.value(prefs.TAB.key), int)
    assert bytes(again.value(prefs.GEOMETRY.key)) == b"\x01\x02"
    assert again.column_widths("设备") == {0: 120, 2: 80} and again.column_widths("场所") == {}
    assert (tmp_path / prefs.FILE_NAME).exists()
    with pytest.raises(KeyError):
        again.set_value("geometri", QByteArray())


def test_window_ini_is_opened_in_prefs_only():
    opened = []
    for path in sorted(APP.rglob("*.py")):
        if path == APP / "ui" / "prefs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if named == "QSettings" or (isinstance(node, ast.Constant) and node.value == prefs.FILE_NAME):
                opened.append(f"{path.relative_to(APP)}:{node.lineno}")
    assert opened == []

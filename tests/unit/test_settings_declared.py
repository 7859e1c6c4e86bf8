"""Every setting is declared once (app.store.settings.SETTINGS) with its title, type and default; the features'
readers give the declared default on an empty database, and a value of the wrong type or an undeclared key is
refused."""

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain import dibao, economy, meetings
from app.store import board, households, models, money, services, settings, training
from app.store import dibao as dibao_store
from app.store import economy as economy_store
from app.store.errors import ChangeRefusedError

APP = Path(__file__).resolve().parents[2] / "app"


def test_each_setting_has_one_key_a_chinese_title_and_a_default_of_its_type():
    keys = [setting.key for setting in settings.SETTINGS]
    assert len(keys) == len(set(keys)) and set(settings.DECLARED) == set(keys)
    for setting in settings.SETTINGS:
        assert setting.title and all("\u4e00" <= ch <= "\u9fff" or not ch.isalpha() for ch in setting.title), setting
        assert isinstance(setting.default, setting.kind), setting.key


def test_the_readers_give_the_declared_defaults_on_an_empty_database(db):
    assert not models.Setting.select().exists()
    for setting in settings.SETTINGS:
        assert settings.get(setting.key) == setting.default
    assert money.approval_threshold() == Decimal("1000")
    assert settings.late_entry_days() == meetings.LATE_ENTRY_DAYS
    assert settings.meeting_requirements() == meetings.DEFAULT_REQUIREMENTS
    assert training.year_hours_target() == Decimal("32")
    assert households.contact_load_limit() == 15
    assert services.holidays() == set()
    assert dibao_store.rules() == dibao.Rules.from_setting({})
    assert economy_store.rules() == economy.Rules.from_setting({})
    assert board.rules()["minimum_days"] == settings.BOARD_RULES.default["minimum_days"]


def test_a_kept_value_is_read_back_and_a_default_is_never_shared(db):
    settings.put(settings.HOLIDAYS_SETTING.key, ["2026-10-01"])
    assert services.holidays() == {dt.date(2026, 10, 1)}
    settings.get(settings.BOARD_RULES.key)["minimum_days"] = 99  # a reader changing what it got changes nothing
    assert settings.get(settings.BOARD_RULES.key)["minimum_days"] == settings.BOARD_RULES.default["minimum_days"] != 99


def test_a_wrong_type_or_an_undeclared_key_is_refused(db):
    with pytest.raises(ChangeRefusedError, match="联系户上限"):
        settings.put(households.CONTACT_LOAD, "15")
    with pytest.raises(ChangeRefusedError, match="会后补录天数"):
        settings.put(settings.LATE_ENTRY_DAYS, True)
    with pytest.raises(KeyError):
        settings.put("contact_lode", 15)
    assert not models.Setting.select().exists()


def test_only_the_settings_module_names_setting_keys():
    """No feature keeps a key of its own as a bare string: each takes it from the declaration."""
    declared = set(settings.DECLARED)
    found = []
    for path in sorted(APP.rglob("*.py")):
        if path == APP / "store" / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in declared:
                found.append(f"{path.relative_to(APP)}:{node.lineno} {node.value}")
    assert found == []

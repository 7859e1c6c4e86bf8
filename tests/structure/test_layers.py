"""The layers hold: the import-linter contracts in pyproject.toml are kept, and a wrong import breaks them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """Runs import-linter on root's `app` package with root's pyproject.toml, as `lint-imports` would."""
    environment = {**os.environ, "PYTHONPATH": str(root)}  # the package under root, not the installed one
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
         "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root, env=environment, capture_output=True, text=True, timeout=120,
    )


def copy_of_the_program(tmp_path: Path) -> Path:
    copy = tmp_path / "program"
    shutil.copytree(ROOT / "app", copy / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def test_every_import_runs_down_the_layers_without_qt_below_the_window_and_without_circles():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_upward_import_a_qt_import_below_the_window_and_a_circle_are_each_reported(tmp_path):
    copy = copy_of_the_program(tmp_path)
    (copy / "app" / "domain" / "upward.py").write_text("from app.store import models  # noqa\n")
    (copy / "app" / "notices" / "on_screen.py").write_text("from PySide6 import QtGui  # noqa\n")
    (copy / "app" / "domain" / "first.py").write_text("from app.domain import second  # noqa\n")
    (copy / "app" / "domain" / "second.py").write_text("from app.domain import first  # noqa\n")
    result = lint_imports(copy)
    assert result.returncode == 1
    assert "Contracts: 0 kept, 3 broken." in result.stdout
    assert "app.domain.upward -> app.store.models" in result.stdout
    assert "app.notices.on_screen -> PySide6" in result.stdout
    assert "No cycles are allowed in app.domain" in result.stdout


def test_an_exception_left_behind_after_its_import_is_gone_is_reported(tmp_path):
    copy = copy_of_the_program(tmp_path)
    config = copy / "pyproject.toml"
    stale = 'ignore_imports = ["app.domain.money -> app.ui.main_window"]  # no such import\n'
    text = config.read_text(encoding="utf-8")
    assert 'type = "layers"\n' in text
    config.write_text(text.replace('type = "layers"\n', 'type = "layers"\n' + stale, 1))
    result = lint_imports(copy)
    assert result.returncode == 1
    assert "No matches for ignored import app.domain.money -> app.ui.main_window" in result.stdout + result.stderr

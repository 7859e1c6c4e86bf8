"""ruff keeps the tree clean: run here, inside the suite, so that CI (which runs the README's test command) and
every engineer's `pytest` see a lint error as a failing test, with ruff's own message."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ["app", "tests", "build", "benchmarks", "main.py"]


def test_ruff_finds_nothing_to_fix():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *CHECKED],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

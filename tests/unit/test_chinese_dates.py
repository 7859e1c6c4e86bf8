"""Dates with Chinese in them are formed without strftime: on a Chinese Windows (code page 936) Python's
strftime runs under the C runtime's "C" time locale and cannot encode 年, so `f"{d:%Y年%m月%d日}"` raises there."""

import ast
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from app.domain.dates import chinese_date

ROOT = Path(__file__).resolve().parents[2]

# The demo and every sheet, with strftime behaving as on Windows under the "C" time locale: a format it
# cannot encode in the locale's charset (ASCII) fails, as "'locale' codec can't encode character '\u5e74'".
PROBE = r"""
import locale, sys, time
from pathlib import Path

real_strftime = time.strftime

def c_locale_strftime(format, *args):
    format.encode("ascii")
    return real_strftime(format, *args)

time.strftime = c_locale_strftime  # datetime's strftime and f"{date:…}" call time.strftime
locale.setlocale(locale.LC_ALL, "C")
from app.cli import main
from app.store.connection import open_database
from app.publishing import sheets as registry

data_dir = Path(sys.argv[1])
assert main(["--data-dir", str(data_dir), "demo"]) == 0
open_database(data_dir)
rendered = 0
for entry in registry.list_sheets():
    registry.render(entry.kind, entry.record_id)
    rendered += 1
print("RENDERED", rendered)
"""


def test_a_chinese_date_is_the_form_the_sheets_print():
    assert chinese_date(dt.date(2026, 12, 3)) == "2026年12月3日"
    assert chinese_date(dt.date(2027, 1, 31)) == "2027年1月31日"
    assert chinese_date(dt.datetime(2026, 10, 9, 15, 30)) == "2026年10月9日"


def test_the_demo_and_every_sheet_are_made_under_a_c_time_locale(tmp_path):
    env = {**os.environ, "PYTHONUTF8": "0", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert int(result.stdout.split("RENDERED")[1]) > 50


def strftime_formats_with_chinese(source: str) -> list[int]:
    """Lines where a strftime format (an f-string's date spec or a literal passed to strftime) is not ASCII."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            parts = [p.value for p in ast.walk(node.format_spec) if isinstance(p, ast.Constant)]
            if any("%" in str(part) and not str(part).isascii() for part in parts):
                lines.append(node.lineno)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "strftime" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and not first.value.isascii():
                lines.append(node.lineno)
    return sorted(lines)


def test_no_code_formats_a_date_with_chinese_through_strftime():
    sample = 'x = f"{d:%Y年%m月%d日}"\ny = d.strftime("%m月")\nz = f"{d:%Y-%m-%d}日"'
    assert strftime_formats_with_chinese(sample) == [1, 2]
    found = {
        f"{path.relative_to(ROOT)}:{line}"
        for path in (ROOT / "app").rglob("*.py")
        for line in strftime_formats_with_chinese(path.read_text(encoding="utf-8"))
    }
    assert not found, f"用 app/domain/dates.py 的 chinese_date，不要经过 strftime：{sorted(found)}"

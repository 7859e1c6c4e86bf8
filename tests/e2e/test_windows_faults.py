"""What the Windows trial found in the program, reproduced here: output through a code-page-936 pipe (a
script or the installer's smoke test reading a command's output on a Chinese Windows), and the window's
self-test on an empty data folder, which waited for ever on the first-start form."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main_py(data_dir: Path, *args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=timeout,
    )


def test_listing_sheets_through_a_gbk_pipe_keeps_going_past_a_rare_character(tmp_path):
    assert main_py(tmp_path, "demo").returncode == 0
    listed = main_py(tmp_path, "notices", env={"PYTHONIOENCODING": "gbk"})
    assert listed.returncode == 0, listed.stderr.decode("gbk", errors="replace")
    text = listed.stdout.decode("gbk")
    assert "\\u4dae" in text  # 䶮 (CJK Extension A) has no GBK code: written as its escape, not a crash
    assert "涌溪村" in text and len(text.splitlines()) > 50


def test_self_test_on_an_empty_folder_does_not_wait_on_the_first_start_form(tmp_path):
    result = main_py(tmp_path, "--self-test", timeout=60)
    assert result.returncode == 2, result.stderr.decode()
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert stdout.startswith("首次使用表单已显示：")
    assert "数据库里还没有村" in stderr and "--demo" in stderr
    with closing(sqlite3.connect(tmp_path / "sanqiang.db")) as db:
        assert db.execute("select count(*) from village").fetchone() == (0,)  # the self-test made no village


def test_self_test_pages_on_an_empty_folder_with_demo_opens_every_page(tmp_path):
    result = main_py(tmp_path, "--demo", "--self-test-pages", timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert "已打开的分页：" in result.stdout.decode()

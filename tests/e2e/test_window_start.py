"""The whole program started as a user starts it: `main.py --demo` brings up the window on the demo township."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import app.ui.application as application

built = application.build_window
def build_and_report(data_dir):
    window = built(data_dir)
    def report():
        print("TITLE", window.windowTitle(), window.isVisible(), flush=True)
        window.close()
        QApplication.quit()
    QTimer.singleShot(0, report)
    return window
application.build_window = build_and_report
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_demo_start_shows_the_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(tmp_path), "--demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "TITLE 村级三强工作台 — 镇远县涌溪乡" in result.stdout and "True" in result.stdout
    assert (tmp_path / "sanqiang.db").exists() and (tmp_path / "logs" / "sanqiang.log").exists()


def test_self_test_opens_and_closes_the_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "--demo", "--self-test"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("窗口已显示：村级三强工作台 — 镇远县涌溪乡")


def test_a_damaged_database_is_not_opened(tmp_path, monkeypatch):
    (tmp_path / "sanqiang.db").write_bytes(b"garbage" * 1000)
    probe = PROBE.replace(
        "from app.cli import main",
        (
            "from app.ui.widgets import messages\n"
            "messages.warn = lambda parent, title, text: "
            "print('WARNING', title, text.splitlines()[0], flush=True)\n"
            "from app.cli import main"
        ),
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe, "--data-dir", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3
    assert "WARNING 数据库不能使用 数据库文件已损坏，程序没有改动它：" in result.stdout
    assert (tmp_path / "sanqiang.db").read_bytes() == b"garbage" * 1000

"""The whole program started as a user starts it: `main.py --demo` brings up the window on the demo township."""

import os
import subprocess
import sys
from pathlib import Path

from app.store.folder_lock import FolderLock

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
    assert "TITLE 镇远县涌溪乡" in result.stdout and "True" in result.stdout
    assert (tmp_path / "sanqiang.db").exists() and (tmp_path / "logs" / "sanqiang.log").exists()


def test_self_test_opens_and_closes_the_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "--demo", "--self-test"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("窗口已显示：镇远县涌溪乡")


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


def run_probe(data_dir, answer_yes: bool, *extra):
    probe = PROBE.replace(
        "from app.cli import main",
        (
            "from app.ui.widgets import messages\n"
            "messages.warn = lambda parent, title, text: print('WARNING', title, text.splitlines()[0], flush=True)\n"
            "messages.inform = lambda parent, title, text: print('INFORM', title, flush=True)\n"
            f"messages.confirm = lambda parent, title, text: print('CONFIRM', title, flush=True) or {answer_yes}\n"
            "from app.cli import main"
        ),
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", probe, "--data-dir", str(data_dir), *extra]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_a_damaged_database_at_start_offers_the_newest_good_backup(tmp_path):
    assert subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "demo"]).returncode == 0
    assert (
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "backup"]).returncode == 0
    )
    (tmp_path / "sanqiang.db").write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"sanqiang.db{suffix}").unlink(missing_ok=True)

    refused = run_probe(tmp_path, False)
    assert refused.returncode == 3 and "CONFIRM 从备份恢复" in refused.stdout
    assert (tmp_path / "sanqiang.db").read_bytes() == b"garbage" * 1000

    accepted = run_probe(tmp_path, True)
    assert accepted.returncode == 0, accepted.stderr
    assert "INFORM 恢复完成" in accepted.stdout and "TITLE 镇远县涌溪乡" in accepted.stdout
    kept = next((tmp_path / "backups").glob("sanqiang-replaced-*.db"))
    assert kept.read_bytes() == b"garbage" * 1000  # the damaged file is kept, never deleted


def test_an_unwritable_logs_folder_does_not_stop_the_program(tmp_path):
    (tmp_path / "logs").write_text("a file where the logs folder should be")
    started = run_probe(tmp_path, False, "--demo")
    assert started.returncode == 0, started.stderr
    assert "TITLE 镇远县涌溪乡" in started.stdout and "Traceback" not in started.stderr


def test_a_second_program_on_the_same_folder_says_so(data_dir, village):
    lock = FolderLock(data_dir)
    lock.acquire()
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--self-test"]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    finally:
        lock.release()
    assert result.returncode == 1
    assert "已经由另一个正在运行的村级三强工作台打开" in result.stderr
    assert "窗口已显示" not in result.stdout

"""Prints figures (not pass/fail), every pair measured in the same run, interleaved, as medians:
(a) the window from source to first shown (offscreen, demo data) against a bare PySide6 window with four tabs;
(b) `main.py render` of one sheet as a whole process against a bare reportlab script writing a one-page table
with the same font; (c) first start with the demo (`main.py --demo` on an empty folder, to the window shown).
Run: .venv/bin/python benchmarks/startup.py [--runs N]"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SHOWN = "窗口已显示："  # what `main.py --self-test` prints once the window is up (app.ui.application)
SHEET = "venue_check"  # 阵地标准自查公示表: a one-page table, like the bare script's

BARE_WINDOW = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
tabs = QTabWidget()
for title in ("阵地", "管理", "服务", "公开栏"):
    tabs.addTab(QLabel(title), title)
window.setCentralWidget(tabs)
window.show()
QTimer.singleShot(0, lambda: (print("窗口已显示：bare", flush=True), app.quit()))
app.exec()
"""

# The floor any real window of this program pays on top: PySide6 builds the Python enums of the `Qt` namespace
# when it is first imported (~40 ms), and the database layer needs peewee (~30 ms). Printed as a reference.
FLOOR_WINDOW = "from PySide6.QtCore import Qt\nimport peewee\n" + BARE_WINDOW

BARE_REPORTLAB = r"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
pdfmetrics.registerFont(TTFont("WenQuanYi", sys.argv[1], subfontIndex=0))
rows = [["序号", "项目", "是否达到", "说明"]] + [[str(i), f"第{i}项标准", "是", "已落实"] for i in range(1, 21)]
table = Table(rows)
table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "WenQuanYi", 11), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
document = SimpleDocTemplate(sys.argv[2], pagesize=A4, initialFontName="WenQuanYi")
document.build([table])
"""


def elapsed(command: list[str], env: dict, until: str | None = None) -> float:
    """Seconds from process start to a line beginning with `until` on stdout, or to its exit."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = None
    for line in process.stdout:
        if until and seen is None and line.startswith(until):
            seen = time.perf_counter() - start
    _, errors = process.communicate(timeout=120)
    if process.returncode != 0 or (until and seen is None):
        raise RuntimeError(f"{command[:3]} failed ({process.returncode}): {errors[-2000:]}")
    return seen if until else time.perf_counter() - start


def main_py(data: Path, *arguments: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *arguments]


def sheet_id(data: Path, env: dict) -> str:
    listed = subprocess.run(main_py(data, "notices"), env=env, capture_output=True, text=True, check=True).stdout
    return next(line.split("\t")[1] for line in listed.splitlines() if line.startswith(SHEET + "\t"))


def medians(commands: dict[str, tuple[list[str], str | None]], env: dict, runs: int) -> dict[str, float]:
    for command, until in commands.values():  # once each, unmeasured: the files are in the page cache
        elapsed(command, env, until)
    times = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so that a busy moment on the machine falls on both
        for name, (command, until) in commands.items():
            times[name].append(elapsed(command, env, until))
    return {name: statistics.median(values) for name, values in times.items()}


def report(title: str, ours: float, bare: float, aim: float, what: str = "本程序") -> None:
    ratio = ours / bare
    print(f"{title}：{what} {ours * 1000:.0f} ms，对照 {bare * 1000:.0f} ms，为对照的 {ratio:.2f} 倍（目标 ≤ {aim}）")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # An installed program runs from compiled bytecode (pip and PyInstaller compile it); so does this.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app"), str(ROOT / "main.py")], check=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    work = Path(tempfile.mkdtemp(prefix="startup-bench-"))
    try:
        demo = work / "demo"
        subprocess.run(main_py(demo, "demo"), env=env, check=True, capture_output=True)
        window = medians(
            {
                "bare": ([sys.executable, "-c", BARE_WINDOW], SHOWN),
                "ours": (main_py(demo, "--self-test"), SHOWN),
                "floor": ([sys.executable, "-c", FLOOR_WINDOW], SHOWN),
            },
            env,
            args.runs,
        )
        record = sheet_id(demo, env)
        render = medians(
            {
                "bare": ([sys.executable, "-c", BARE_REPORTLAB, str(FONT), str(work / "bare.pdf")], None),
                "ours": (main_py(demo, "render", SHEET, record, "--out", str(work / "ours.pdf")), None),
            },
            env,
            args.runs,
        )
        first_starts = []
        for run in range(max(3, args.runs // 2)):
            empty = work / f"first-{run}"
            first_starts.append(elapsed(main_py(empty, "--demo", "--self-test"), env, SHOWN))
        print(f"启动速度（offscreen，{args.runs} 次中位数，同一次运行中交替测量）：")
        report("  窗口从源码启动到显示（演示数据）对空白 PySide6 四分页窗口", window["ours"], window["bare"], 1.3)
        floor = "  （参照：空白四分页窗口另加 import Qt 命名空间和 peewee）"
        report(floor, window["floor"], window["bare"], 1.3, "参照")
        report(f"  main.py render（{SHEET}）整个进程对 reportlab 单页表格脚本", render["ours"], render["bare"], 1.5)
        print(f"  首次启动并放入演示数据到窗口显示：{statistics.median(first_starts) * 1000:.0f} ms（目标 ≤ 2000 ms）")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

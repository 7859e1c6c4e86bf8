"""Prints figures (not pass/fail): window start-up against a bare PySide6 window, sheet render times,
and a 20,000-row list. Run: .venv/bin/python benchmarks/run.py [--runs N]"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUNDLED = ROOT / "build" / "out" / "sanqiang-workbench" / "sanqiang-workbench"
SELF_TEST_SHOWN = "窗口已显示："

BARE_WINDOW = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

OUR_WINDOW = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import app.ui.application as application
built = application.build_window
def build(data_dir):
    window = built(data_dir)
    first_page = window.positions_tab.tabs.widget(0)
    def filled():
        if first_page.layout().count():
            print("filled", flush=True)
            QApplication.quit()
        else:
            QTimer.singleShot(0, filled)
    QTimer.singleShot(0, lambda: (print("shown", flush=True), filled()))
    return window
application.build_window = build
from app.cli import main
main(sys.argv[1:])
"""


def time_to_window(command: list[str], env: dict) -> tuple[float, float]:
    """Seconds from process start to the window shown, and to its first list filled."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    marks = {}
    for line in process.stdout:
        mark = "shown" if line.startswith(("shown", SELF_TEST_SHOWN)) else line.strip()
        marks.setdefault(mark, time.perf_counter() - start)
    process.wait(timeout=60)
    if "shown" not in marks:
        raise RuntimeError("window never shown")
    return marks["shown"], marks.get("filled", marks["shown"])


def startup(runs: int) -> None:
    # An installed program runs from compiled bytecode (pip and PyInstaller compile it); so does this.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app"), str(ROOT / "main.py")], check=True)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    data = Path(tempfile.mkdtemp())
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "demo"], check=True, capture_output=True
    )
    commands = {
        "空白 PySide6 窗口": [sys.executable, "-c", BARE_WINDOW],
        "本程序（源码）": [sys.executable, "-c", OUR_WINDOW, "--data-dir", str(data)],
    }
    if BUNDLED.exists():
        commands["本程序（PyInstaller 安装包）"] = [str(BUNDLED), "--data-dir", str(data), "--self-test"]
    first = {name: time_to_window(command, env)[0] for name, command in commands.items()}  # first run: cold-ish
    shown = {name: [] for name in commands}
    filled = []
    for _ in range(runs):
        for name, command in commands.items():
            times = time_to_window(command, env)
            shown[name].append(times[0])
            if name == "本程序（源码）":
                filled.append(times[1])
    bare = statistics.median(shown["空白 PySide6 窗口"])
    print(f"启动到窗口显示（{env['QT_QPA_PLATFORM']}，演示数据，{runs} 次中位数；括号内为第一次）：")
    for name, times in shown.items():
        median = statistics.median(times)
        print(f"  {name}：{median * 1000:.0f} ms（{first[name] * 1000:.0f} ms），为空白窗口的 {median / bare:.2f} 倍")
    print(f"  本程序（源码）第一个列表填好：{statistics.median(filled) * 1000:.0f} ms")


def sheets(runs: int) -> None:
    from app.publishing import sheets as catalogue
    from app.store.connection import open_database
    from app.demo.township import populate_demo

    open_database(Path(tempfile.mkdtemp()))
    populate_demo()
    for kind in catalogue.KINDS:
        entry = next(e for e in catalogue.list_sheets() if e.kind == kind)
        start = time.perf_counter()
        catalogue.render(kind, entry.record_id)
        cold = time.perf_counter() - start
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            sheet = catalogue.render(kind, entry.record_id)
            times.append(time.perf_counter() - start)
        print(
            f"生成“{catalogue.KINDS[kind].label}”（一页，{len(sheet.pdf) // 1024} KB）：首次 {cold * 1000:.0f} ms，"
            f"之后中位数 {statistics.median(times) * 1000:.1f} ms"
        )


def big_table(rows: int) -> None:
    import datetime as dt

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.store import models

    from app.store.transactions import write_transaction
    from app.store.connection import open_database
    from app.store.villages import create_village
    from app.ui.positions.activities import ActivitiesPanel
    from app.ui.session import Session

    open_database(Path(tempfile.mkdtemp()))
    village = create_village(name="大数据村", township="测量乡", county="某县")
    kinds = ["道德讲堂", "农家书屋", "电影下乡", "理论下乡"]
    with write_transaction():
        models.OutreachActivity.insert_many(
            [
                {
                    "village": village.id,
                    "held_on": dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000),
                    "kind": kinds[i % 4],
                    "topic": f"第{i}期党建学习",
                    "speaker": "主讲人",
                    "attendance": i % 200,
                    "place": "村委会",
                }
                for i in range(rows)
            ]
        ).execute()
    app = QApplication.instance() or QApplication(sys.argv)
    start = time.perf_counter()
    panel = ActivitiesPanel(Session(village, Path(tempfile.mkdtemp())))
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    panel.search.setText("ddjt")
    first = time.perf_counter() - start
    start = time.perf_counter()
    panel.search.setText("dd")
    again = time.perf_counter() - start
    print(
        f"{rows} 条活动记录的列表：加载并显示 {loaded * 1000:.0f} ms；拼音搜索“ddjt”首次 {first * 1000:.0f} ms"
        f"（找到 {panel.proxy.rowCount()} 条前的准备含拼音字典加载），再次搜索 {again * 1000:.0f} ms"
    )
    del app


PRINT_A3 = r"""
import os, resource, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.publishing import sheets as catalogue
from app.notices.frame import PageSpec
from app.store.connection import open_database
from app.demo.township import populate_demo
from app.ui.printing import load_pdf, prepare_printer, print_document
from PySide6.QtPrintSupport import QPrinter


def peak_kb():
    # VmHWM belongs to this program; ru_maxrss would also count the parent's peak, kept across fork and exec
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


application = QApplication([])
open_database(Path(tempfile.mkdtemp()))
populate_demo()
entry = next(e for e in catalogue.list_sheets() if e.kind == "venue_check")
page = PageSpec("A3", "landscape")
sheet = catalogue.render(entry.kind, entry.record_id, page)
document = load_pdf(sheet.pdf, application)
before = peak_kb()
if sys.argv[1] == "print":
    printer = prepare_printer(page)
    printer.setResolution(600)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(os.path.join(tempfile.mkdtemp(), "a3.pdf"))
    print_document(document, printer)
print(before, peak_kb())
"""


def print_memory() -> None:
    """Peak memory of printing an A3 sheet at 600 dpi, against the same process that only renders it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    figures = {}
    for mode in ("render", "print"):
        out = subprocess.run(
            [sys.executable, "-c", PRINT_A3, mode], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        figures[mode] = [int(value) for value in out.stdout.split()]
    rendered, printed = figures["render"][1], figures["print"][1]
    print(
        f"打印 A3 横向自查表（600 dpi，分条绘制）：进程峰值内存 {printed / 1024:.0f} MB，"
        f"只生成不打印 {rendered / 1024:.0f} MB，打印多用 {(printed - rendered) / 1024:.0f} MB"
        f"（整页一次绘制需 {7016 * 4961 * 4 / 1e6:.0f} MB 的图像）"
    )


def sizes() -> None:
    if BUNDLED.exists():
        folder = BUNDLED.parent
        total = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"安装包目录 {folder.name}：{total / 1e6:.1f} MB")
    for deb in sorted((ROOT / "build" / "out").glob("*.deb")):
        print(f"{deb.name}：{deb.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    sizes()
    startup(args.runs)
    sheets(args.runs * 4)
    big_table(args.rows)
    print_memory()


if __name__ == "__main__":
    main()

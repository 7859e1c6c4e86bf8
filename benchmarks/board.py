"""Prints figures for a whole 公开栏 board: the demo village's board with finance posted monthly and the last two
quarters' one-off notices — at least 12 sheets — assembled and rendered in-process (median of runs), and the peak
memory of printing it in one job (each sheet on its own paper, 300 dpi, to a PDF printer).
Also the 全年公开 year view and the 公开栏现状 picture on a village with ten years of postings.
Run: .venv/bin/python benchmarks/board.py [--runs N]"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PRINT_BOARD = """
import os, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtPrintSupport import QPrinter
sys.path.insert(0, os.getcwd())
from benchmarks.board import board_items, peak_kb
from app.publishing import board
from app.ui.printing import load_pdf, prepare_printer, print_document
from app.notices.frame import A4_PORTRAIT

application = QApplication([])
village, items = board_items(sys.argv[2])
pdf = board.board_pdf(board.render_due(items))
document = load_pdf(pdf, application)
before = peak_kb()
if sys.argv[1] == "print":
    printer = prepare_printer(A4_PORTRAIT)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(os.path.join(tempfile.mkdtemp(), "board.pdf"))
    print_document(document, printer, each_on_its_paper=True)
print(before, peak_kb(), document.pageCount())
"""


def peak_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def board_items(data: str | None = None):
    """The demo village's board for this quarter with monthly finance, and last quarter's one-off notices."""
    from app.domain import board as b
    from app.domain import periods
    from app.publishing import board
    from app.store import models, settings
    from app.store import board as posting
    from app.store.connection import open_database
    from app.demo.township import populate_demo

    folder = Path(data) if data else Path(tempfile.mkdtemp())
    open_database(folder)
    if not models.Village.select().exists():
        populate_demo()
    settings.put(posting.RULES, {"rhythms": {"finance_disclosure": [b.FINANCE, b.MONTHLY]}})
    village = models.Village.get(models.Village.name == "涌溪村")
    today = dt.date.today()
    this = periods.quarter_of(today)
    before = periods.quarter_key(*periods.previous_quarter(*periods.parse_quarter(this)))
    items = {(d.kind, d.record_id): d for period in (before, this) for d in board.due(village, period, today)}
    return village, list(items.values())


def add_history(village, sample_pdf: bytes, years: int = 10, per_year: int = 48) -> int:
    """Ten years of a busy board: a posting every week or so, each of a board kind, all naming one archived PDF
    (the queries, not the archive, are measured here)."""
    from app.domain import periods
    from app.publishing.board import rhythms
    from app.store import board, models
    from app.store.transactions import write_transaction

    digest = board.archive(sample_pdf)
    kinds = list(rhythms().items())
    today = dt.date.today()
    rows = []
    for year in range(today.year - years, today.year + 1):
        for n in range(per_year):
            posted = dt.date(year, 1, 1) + dt.timedelta(days=n * 7)
            if posted > today:
                break
            kind, (panel, _rhythm) = kinds[n % len(kinds)]
            rows.append(
                {
                    "village": village.id,
                    "kind": kind,
                    "record_id": f"history:{year}:{n}",
                    "title": f"{year}年第{n + 1}份",
                    "panel": panel,
                    "period": periods.quarter_of(posted),
                    "sha256": digest,
                    "reviewed_by": "监委会",
                    "reviewed_on": posted,
                    "posted_on": posted,
                    "take_down_on": posted + dt.timedelta(days=5),
                    "taken_down_on": posted + dt.timedelta(days=10) if n % 5 else None,
                }
            )
    with write_transaction():
        for start in range(0, len(rows), 200):
            models.Publication.insert_many(rows[start : start + 200]).execute()
    return len(rows)


def year_figures(village, sample_pdf: bytes, runs: int) -> None:
    from app.publishing import board
    from app.store import board as posting

    count = add_history(village, sample_pdf)
    today = dt.date.today()
    for label, work in (
        ("全年公开（一年按月）", lambda: board.year_view(village, today.year, today)),
        ("公开栏现状（某一天）", lambda: posting.up_on(village, today)),
    ):
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            work()
            timings.append(time.perf_counter() - started)
        print(f"{label}：{count} 份张贴记录中，用时 {statistics.median(timings) * 1000:.0f} ms（中位数）")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from app.publishing import board

    data = tempfile.mkdtemp()
    _village, items = board_items(data)
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        sheets = board.render_due(items)
        pdf = board.board_pdf(sheets)
        timings.append(time.perf_counter() - started)
    pages = sum(s.pages for s in sheets)
    print(
        f"整版公开栏：{len(sheets)} 张、{pages} 页、{len(pdf) / 1024:.0f} KB，生成并合成用时 "
        f"{statistics.median(timings) * 1000:.0f} ms（{args.runs} 次的中位数，最慢 {max(timings) * 1000:.0f} ms）"
    )
    year_figures(_village, sheets[0].pdf, args.runs)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    figures = {}
    for mode in ("render", "print"):
        out = subprocess.run(
            [sys.executable, "-c", PRINT_BOARD, mode, data],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        figures[mode] = [int(value) for value in out.stdout.split()]
    print(
        f"一次打印整版（{figures['print'][2]} 页，每页按自己的纸张，300 dpi 分条绘制）：进程峰值内存 "
        f"{figures['print'][1] / 1024:.0f} MB，只生成不打印 {figures['render'][1] / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()

"""Prints figures for the village's books: a year of 2,000 journal entries — the monthly and quarterly 财务公开
and the 收益及收益分配表 rendered, and the journal's year view filtered per keystroke.
Run: .venv/bin/python benchmarks/money.py [--entries N]"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUMMARIES = (
    ("收村集体厂房租金", "501", True),
    ("付村干部误工补贴", "541", False),
    ("收光伏电站发电收益", "561", True),
    ("付村庄环境卫生保洁费", "551", False),
    ("付村委会办公电费", "541", False),
    ("收上级拨付村级组织运转经费", "522", True),
    ("购办公用品", "541", False),
    ("收土地发包收入", "511", True),
    ("付通组公路维修材料款", "551", False),
    ("收合作社上交利润", "511", True),
)


def build_year(entries: int, year: int):
    from app.store import models, money, records
    from app.store.connection import open_database
    from app.store.villages import create_village

    open_database(Path(tempfile.mkdtemp()))
    village = create_village(name="测量村", township="测量乡", county="某县", supervision_phone="0855-5721234")
    money.ensure_chart(village)
    money.save_money_year(village, year, {"opening_balance": Decimal("86420.35")})
    accounts = {a.code: a for a in money.accounts(village)}
    rows = []
    for n in range(entries):
        on = dt.date(year, 1, 1) + dt.timedelta(days=n * 365 // entries)
        summary, code, income = SUMMARIES[n % len(SUMMARIES)]
        amount = Decimal(100 + (n * 7919) % 90000) / 10
        rows.append(
            models.JournalEntry(
                village=village,
                entry_date=on,
                voucher_no=f"记{on.month:02d}-{n % 400 + 1:03d}",
                summary=f"{summary}（第{n + 1}笔）",
                account=accounts[code],
                income=amount if income else Decimal("0"),
                expense=Decimal("0") if income else amount,
                handler="王德荣",
                reviewer="欧秀英",
                cosigned_by="田文斌",
            )
        )
    start = time.perf_counter()
    records.create_many(rows)
    print(f"写入 {entries} 笔账目（一个事务，逐条审计）：{time.perf_counter() - start:.2f} s")
    return village


def render_figures(village, year: int) -> None:
    from app.publishing import sheets as catalogue

    for kind, key, label in (
        ("finance_disclosure", f"{year}-06", "月度财务公开（6月）"),
        ("finance_disclosure", f"{year}Q2", "季度财务公开（第二季度）"),
        ("income_distribution", str(year), "收益及收益分配表"),
    ):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            sheet = catalogue.render(kind, f"{village.id}:{key}")
            times.append(time.perf_counter() - start)
        print(f"{label}：{sheet.pages} 页，生成 PDF 中位数 {statistics.median(times) * 1000:.0f} ms")


def filter_figure(village, year: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.management.money import MoneyPanel
    from app.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    panel = MoneyPanel(Session(village, Path(tempfile.mkdtemp())), lambda *a: None)
    panel.year.setValue(year)
    start = time.perf_counter()
    panel.month.setCurrentIndex(0)  # the whole year
    loaded = time.perf_counter() - start
    panel.search.setText("f")  # the first search builds the rows' search keys (pinyin)
    timings = []
    for query in ["fd", "付", "付村", "电费", "541", "记06", "第15", "gl"]:
        start = time.perf_counter()
        panel.search.setText(query)
        timings.append(time.perf_counter() - start)
    print(
        f"全年 {panel.model.rowCount()} 笔账目：加载并显示 {loaded * 1000:.0f} ms；每次按键筛选中位数 "
        f"{statistics.median(timings) * 1000:.0f} ms，最慢 {max(timings) * 1000:.0f} ms"
    )
    del app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    args = parser.parse_args()
    year = dt.date.today().year - 1
    village = build_year(args.entries, year)
    render_figures(village, year)
    filter_figure(village, year)


if __name__ == "__main__":
    main()

"""Prints figures for a township's or county's copy: 300 villages and 150,000 households in one database —
opening the household list of all villages and of one, a search per keystroke (name, pinyin initials,
村民小组), and the process's peak memory. Run: .venv/bin/python benchmarks/households.py [--villages N] [--each N]"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "秀英明华国强志刚春梅小燕文斌桂芳永福丽娟建军海燕红梅学军家顺再兴光德荣金花玉兰"
GROUPS = ["第一组", "第二组", "第三组", "第四组", "第五组", "第六组", "第七组", "第八组", "第九组", "第十组"]


def peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build(villages: int, each: int) -> None:
    from app.store import models
    from app.store.connection import open_database
    from app.store.transactions import write_transaction

    open_database(Path(tempfile.mkdtemp()))
    start = time.perf_counter()
    with write_transaction():
        for v in range(villages):
            village = models.Village.create(name=f"第{v + 1}村", township=f"第{v // 15 + 1}乡", county="某县")
            rows = []
            for n in range(each):
                k = v * each + n
                household = models.Household(
                    id=uuid.uuid4(),
                    village=village,
                    head_name=SURNAMES[k % len(SURNAMES)] + GIVEN[(k * 7) % len(GIVEN)] + GIVEN[(k * 3) % len(GIVEN)],
                    members=k % 6 + 1,
                    group_name=GROUPS[n % len(GROUPS)],
                    address=f"第{v + 1}村{n % 60 + 1}号",
                    phone="",
                    id_number="",
                    marks="低保户" if k % 40 == 0 else "",
                )
                household.prepare()
                rows.append(dict(household.__data__))
            for chunk in range(0, len(rows), 80):
                models.Household.insert_many(rows[chunk : chunk + 80]).execute()
    print(f"建立 {villages} 个村、{villages * each} 户：{time.perf_counter() - start:.1f} s")


def list_figures() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.store import models
    from app.ui.services.households import ALL_VILLAGES, HouseholdsPanel
    from app.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    village = models.Village.select().first()
    start = time.perf_counter()
    panel = HouseholdsPanel(Session(village, Path(tempfile.mkdtemp())), lambda *a, **k: None)
    one = time.perf_counter() - start
    start = time.perf_counter()
    panel.scope.setCurrentText(ALL_VILLAGES)
    app.processEvents()
    everything = time.perf_counter() - start
    timings = []
    for query in ["w", "wx", "wxy", "王", "王秀", "第3组", "d3z", "dbh", "李明华"]:
        start = time.perf_counter()
        panel.search.setText(query)
        panel.table.viewport().repaint()  # the rows on screen are read and drawn too
        timings.append(time.perf_counter() - start)
        if os.environ.get("SHOW_EACH"):
            print(query, f"{timings[-1] * 1000:.0f} ms", panel.paged.rowCount())
    print(
        f"农户列表：一个村 {one * 1000:.0f} ms；所有村（{panel.paged.rowCount() if not panel.search.text() else '—'}）"
        f" {everything * 1000:.0f} ms；每次按键搜索中位数 {statistics.median(timings) * 1000:.0f} ms，"
        f"最慢 {max(timings) * 1000:.0f} ms；进程内存峰值 {peak_memory_mb():.0f} MB"
    )
    del app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--villages", type=int, default=300)
    parser.add_argument("--each", type=int, default=500)
    args = parser.parse_args()
    build(args.villages, args.each)
    list_figures()


if __name__ == "__main__":
    main()

"""Prints figures for the 党员花名册: importing a 10,000-row Excel file, and filtering a 15,000-member
roster per keystroke. Run: .venv/bin/python benchmarks/roster.py [--import-rows N] [--roster N]"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "秀英明华国强志刚春梅小燕文斌桂芳永福丽娟建军海燕红梅学军家顺再兴光德荣金花玉兰"


def people(count: int, offset: int = 0) -> list[list]:
    from app.domain.values import id_check_char

    rows = []
    for n in range(offset, offset + count):
        born = dt.date(1940, 1, 1) + dt.timedelta(days=(n * 37) % 20000)
        first_17 = f"522625{born:%Y%m%d}{n % 1000:03d}"
        joined = dt.date(born.year + 25, born.month, min(born.day, 28))
        rows.append(
            [
                SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)] + GIVEN[(n * 3) % len(GIVEN)],
                first_17 + id_check_char(first_17),
                joined.isoformat(),
                dt.date(joined.year + 1, joined.month, joined.day).isoformat(),
                f"第{n % 9 + 1}党小组",
            ]
        )
    return rows


def import_figure(rows: int) -> None:
    from openpyxl import Workbook

    from app.exchange.members import existing_id_numbers, read_members, save_members
    from app.store.connection import close_database, open_database
    from app.store.villages import create_village

    folder = Path(tempfile.mkdtemp())
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["姓名", "公民身份号码", "入党日期", "转正日期", "党小组"])
    for row in people(rows):
        sheet.append(row)
    path = folder / "名册.xlsx"
    book.save(path)
    open_database(folder)
    village = create_village(name="测量村", township="测量乡", county="某县")
    start = time.perf_counter()
    result = read_members(path, village.name, existing_id_numbers(village))
    read = time.perf_counter() - start
    start = time.perf_counter()
    save_members(village, result.items)
    saved = time.perf_counter() - start
    close_database()
    print(
        f"导入 {rows} 行的 .xlsx：读取并逐行检查 {read:.2f} s，写入（一个事务，逐条审计）{saved:.2f} s，"
        f"合计 {read + saved:.2f} s；有问题的行 {len(result.problems)}"
    )


def filter_figure(members: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.store import models
    from app.store.connection import open_database
    from app.store.transactions import write_transaction
    from app.store.villages import create_village
    from app.ui.management.members import MembersPanel
    from app.ui.session import Session

    folder = Path(tempfile.mkdtemp())
    open_database(folder)
    village = create_village(name="大村", township="测量乡", county="某县")
    with write_transaction():
        for chunk in range(0, members, 2000):
            models.PartyMember.insert_many(
                [
                    {
                        "id": models.uuid.uuid4(),
                        "village": village.id,
                        "name": name,
                        "gender": "男",
                        "ethnicity": "汉族",
                        "id_number": number,
                        "education": "",
                        "stage": "正式党员",
                        "joined_on": dt.date.fromisoformat(joined),
                        "converted_on": dt.date.fromisoformat(converted),
                        "party_group": group,
                        "phone": "",
                        "address": "",
                        "occupation": "",
                        "status": "正常",
                        "status_note": "",
                        "hardship": False,
                        "veteran": False,
                        "note": "",
                    }
                    for name, number, joined, converted, group in people(min(2000, members - chunk), chunk)
                ]
            ).execute()
    app = QApplication.instance() or QApplication(sys.argv)
    start = time.perf_counter()
    panel = MembersPanel(Session(village, folder), lambda *a: None)
    loaded = time.perf_counter() - start
    panel.search.setText("w")  # the first search builds the rows' search keys (pinyin)
    timings = []
    for query in ["wx", "wxy", "王", "王秀", "第3", "dsdxz", "李明"]:
        start = time.perf_counter()
        panel.search.setText(query)
        timings.append(time.perf_counter() - start)
        if os.environ.get("SHOW_EACH"):
            print(query, f"{timings[-1] * 1000:.0f} ms", panel.proxy.rowCount())
    print(
        f"{members} 名党员的花名册：加载并显示 {loaded * 1000:.0f} ms；每次按键筛选中位数 "
        f"{statistics.median(timings) * 1000:.0f} ms，最慢 {max(timings) * 1000:.0f} ms"
    )
    del app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--roster", type=int, default=15_000)
    args = parser.parse_args()
    import_figure(args.import_rows)
    filter_figure(args.roster)


if __name__ == "__main__":
    main()

"""Headless commands: demo, notices, render, check. Usable in scripts; exit codes tell the result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import APP_NAME, paths
from app.logging_setup import setup_logging

COMMANDS = ("demo", "notices", "render", "check")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME}：不带命令时打开窗口。")
    parser.add_argument("--data-dir", help=f"数据文件夹（也可用环境变量 {paths.DATA_DIR_ENV} 指定）")
    parser.add_argument("--demo", action="store_true", help="打开窗口；数据库为空时先放入演示乡镇")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：打开主窗口，显示后立即关闭，用于检查安装是否完好"
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("demo", help="向空数据库放入演示乡镇（涌溪乡四个村）")
    commands.add_parser("notices", help="列出可生成的公示单：种类、编号、标题")
    render = commands.add_parser("render", help="生成一张公示单 PDF")
    render.add_argument("kind")
    render.add_argument("id")
    render.add_argument("--out", required=True, help="PDF 文件路径")
    render.add_argument("--page", default="A4", choices=["A4", "A3"])
    render.add_argument("--landscape", action="store_true", help="横向")
    commands.add_parser("check", help="检查数据库是否完好；损坏时返回非零")
    return parser


def _open(data_dir: Path):
    from app.store.connection import open_database

    return open_database(data_dir)


def run(args: argparse.Namespace) -> int:
    from app.store.connection import DamagedDatabaseError

    data_dir = paths.resolve_data_dir(args.data_dir)
    setup_logging(data_dir)
    try:
        return _COMMANDS[args.command](args, data_dir)
    except DamagedDatabaseError as error:
        print(error, file=sys.stderr)
        return 3


def _demo(args, data_dir: Path) -> int:
    from app.store.demo import NotEmptyError, populate_demo

    _open(data_dir)
    try:
        villages = populate_demo()
    except NotEmptyError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"已放入演示数据：{villages[0].county}{villages[0].township}，{len(villages)} 个村。")
    return 0


def _notices(args, data_dir: Path) -> int:
    from app.notices.registry import list_sheets

    _open(data_dir)
    for entry in list_sheets():
        print(f"{entry.kind}\t{entry.record_id}\t{entry.title}")
    return 0


def _render(args, data_dir: Path) -> int:
    from app.notices.frame import PageSpec
    from app.notices.issued import save_pdf
    from app.notices.registry import UnknownSheetError, render

    _open(data_dir)
    page = PageSpec(args.page, "landscape" if args.landscape else "portrait")
    try:
        sheet = render(args.kind, args.id, page)
    except UnknownSheetError as error:
        print(error, file=sys.stderr)
        return 2
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_pdf(sheet, out)
    if not sheet.report.ok:
        print(sheet.report.message(), file=sys.stderr)
    print(f"已生成：{out}（SHA-256 {sheet.sha256}）")
    return 0


def _check(args, data_dir: Path) -> int:
    """Reads only: a check never migrates or writes the file."""
    import sqlite3

    from app.store.connection import check_integrity
    from app.store.migrations import LATEST_VERSION

    path = paths.database_file(data_dir)
    if not path.exists():
        print(f"还没有数据库：{path}")
        return 0
    check_integrity(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = connection.execute("select max(version) from schema_version").fetchone()[0]
        villages = connection.execute("select count(*) from village").fetchone()[0]
    except sqlite3.DatabaseError:
        version, villages = 0, 0
    finally:
        connection.close()
    print(f"数据库完好：{path}\n结构版本 {version}/{LATEST_VERSION}，{villages} 个村。")
    return 0


_COMMANDS = {"demo": _demo, "notices": _notices, "render": _render, "check": _check}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.ui.application import run_gui

        return run_gui(args.data_dir, with_demo=args.demo, self_test=args.self_test)
    return run(args)

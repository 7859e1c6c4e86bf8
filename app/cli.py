"""Headless commands for scripts. Messages in Chinese on stderr; exit 0 done, 1 refused or could not be
done (nothing changed), 2 not found, 3 damaged database."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app import APP_NAME, paths
from app.logging_setup import setup_logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME}：不带命令时打开窗口。")
    parser.add_argument("--data-dir", help=f"数据文件夹（也可用环境变量 {paths.DATA_DIR_ENV} 指定）")
    parser.add_argument("--demo", action="store_true", help="打开窗口；数据库为空时先放入演示乡镇")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：打开主窗口，显示后立即关闭，用于检查安装是否完好"
    )
    parser.add_argument(
        "--self-test-pages",
        action="store_true",
        help="完整自检：打开主窗口和其中每一个分页后关闭，用于检查安装包是否带齐各分页所需的模块",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("demo", help="向空数据库放入演示乡镇（涌溪乡四个村）")
    commands.add_parser("notices", help="列出可生成的公示单：种类、编号、标题")
    render = commands.add_parser("render", help="生成一张公示单 PDF")
    render.add_argument("kind")
    render.add_argument("id")
    render.add_argument("--out", required=True, help="PDF 文件路径")
    render.add_argument("--page", choices=["A4", "A3"], help="纸张（默认：这种公示单的常用纸张，多为 A4）")
    render.add_argument("--landscape", action="store_true", help="横向")
    printing = commands.add_parser(
        "print", help="打印一张公示单（与窗口里的“打印”同一路径，不弹对话框），并记入发出记录"
    )
    printing.add_argument("kind")
    printing.add_argument("id")
    printing.add_argument("--page", choices=["A4", "A3"], help="纸张（默认：这种公示单的常用纸张，多为 A4）")
    printing.add_argument("--landscape", action="store_true", help="横向")
    printing.add_argument("--printer", help="打印机名称（默认：系统默认打印机）")
    printing.add_argument("--copies", type=int, default=1, help="份数")
    commands.add_parser("check", help="检查数据库是否完好（逐条读取每一条记录）；损坏时返回 3")
    backup = commands.add_parser("backup", help="备份数据库（核对无误后才保存）")
    backup.add_argument("--to", help="保存到哪个文件夹（默认：数据文件夹里的 backups）")
    commands.add_parser("backups", help="列出备份：文件、时间、大小、各村记录数（以制表符分隔）")
    restore = commands.add_parser("restore", help="用一个备份替换数据库；被替换的文件保留在 backups 里")
    restore.add_argument("file", help="备份文件")
    importing = commands.add_parser("import", help="从 Excel 导入（先逐行检查；有问题的行不导入，除非加 --skip-bad）")
    importing.add_argument(
        "what",
        choices=["members", "ledger", "compact"],
        help="members：党员花名册；ledger：收支明细账；compact：村规民约",
    )
    importing.add_argument("file", help=".xlsx 或 .xls 文件（村规民约：.txt 文本文件）")
    importing.add_argument("--title", help="compact：村规民约的名称（默认取正文第一行）")
    importing.add_argument("--village", required=True, help="导入到哪个村（村名）")
    importing.add_argument("--skip-bad", action="store_true", help="跳过有问题的行，导入其余各行")
    exporting = commands.add_parser("export", help="导出为 Excel（本程序的模板，可原样导回）")
    exporting.add_argument("what", choices=["members", "ledger"], help="members：党员花名册；ledger：收支明细账")
    exporting.add_argument("--year", type=int, help="ledger：哪一年的账（默认：全部）")
    exporting.add_argument("--village", help="哪个村（村名）；与 --template 二选一")
    exporting.add_argument("--out", required=True, help=".xlsx 文件路径")
    exporting.add_argument("--template", action="store_true", help="只导出空白模板")
    board = commands.add_parser("board", help="整版公开栏：把本期该公开的各张公示单合成一个 PDF，或一次送打印机")
    board.add_argument("--village", required=True, help="哪个村（村名）")
    board.add_argument("--period", help="哪一期，如 2026Q4（默认：本季度）")
    board.add_argument("--out", help="PDF 文件路径")
    board.add_argument("--print", action="store_true", help="送打印机（每张用它自己的纸张和方向，一次打印）")
    board.add_argument("--printer", help="打印机名称（默认：系统默认打印机）")
    commands.add_parser("verify", help="核对公开栏存档：每份张贴原件与它的 SHA-256 是否一致；有问题时返回 3")
    return parser


def _village_named(name: str):
    from app.store import models

    village = models.Village.get_or_none(models.Village.name == name)
    if village is None:
        names = "、".join(v.name for v in models.Village.select().order_by(models.Village.name))
        print(f"没有名为“{name}”的村。现有的村：{names or '（无）'}", file=sys.stderr)
    return village


def _read_for_import(what: str, path: Path, village):
    """(checked rows, save function, what was imported) for each kind of import."""
    if what == "ledger":
        from app.exchange.ledger import read_ledger, save_ledger
        from app.store import money

        money.ensure_chart(village)
        result = read_ledger(path, money.accounts(village), money.closed_months(village))
        return result, save_ledger, f"笔账目到{village.name}收支明细账"
    if what == "catalogue":
        from app.exchange.catalogue import read_catalogue, save_catalogue
        from app.store.services import catalogue

        result = read_catalogue(path, {item.name for item in catalogue(village)})
        return result, save_catalogue, f"项到{village.name}便民服务事项目录"
    if what == "households":
        from app.exchange import households

        result = households.read_households(path, households.existing_id_numbers(village))
        return result, households.save_households, f"户到{village.name}农户名册"
    from app.exchange.members import existing_id_numbers, read_members, save_members

    return read_members(path, village.name, existing_id_numbers(village)), save_members, f"名到{village.name}党员花名册"


def _read_text(path: Path) -> str:
    """A text file as Word's "save as text" or Notepad writes it: UTF-8 (with or without BOM) or GBK."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("gb18030", raw, 0, 1, "既不是 UTF-8 也不是 GBK")


def _import_compact(args, village) -> int:
    from app.domain import compact as cp
    from app.domain.values import InputError
    from app.store import compacts

    try:
        text = _read_text(Path(args.file))
    except (OSError, UnicodeDecodeError) as error:
        print(f"读不出这个文本文件：{args.file}\n{error}", file=sys.stderr)
        return 1
    understood = cp.parse(text)
    print(f"标题：{understood.title or '（未识别）'}；{understood.summary()}")
    for section in understood.sections:
        if section.title:
            print(f"  {section.title.splitlines()[0]}：{len(section.articles)} 条")
    for note in understood.notes:
        print(f"⚠ {note}", file=sys.stderr)
    for flag in cp.flags(understood):
        print(f"⚠ 措辞：{flag.where}“{flag.words}”——{flag.reason}", file=sys.stderr)
    title = args.title or understood.title or f"{village.name}村规民约"
    try:
        compacts.add_compact(village, title, text.strip())
    except InputError as error:
        print(f"{error.args[0]}；什么也没有导入。", file=sys.stderr)
        return 1
    print(f"已导入“{title}”到{village.name}（第1版，草案；表决等程序请在程序里记录）。")
    return 0


def _import(args, data_dir: Path) -> int:
    from app.exchange.workbook import ExchangeError

    _open(data_dir)
    village = _village_named(args.village)
    if village is None:
        return 2
    if args.what == "compact":
        return _import_compact(args, village)
    try:
        result, save, landed = _read_for_import(args.what, Path(args.file), village)
    except ExchangeError as error:
        print(error, file=sys.stderr)
        return 1
    print(result.report(), file=sys.stderr if result.problems else sys.stdout)
    if result.problems and not args.skip_bad:
        print(
            "有问题的行需先在表格里改正；什么也没有导入。（要跳过这些行，导入其余的，请加 --skip-bad）", file=sys.stderr
        )
        return 1
    save(village, result.items)
    print(f"已导入 {len(result.items)} {landed}。")
    return 0


def _export_ledger(args, village) -> int:
    from app.exchange.ledger import write_ledger
    from app.store import models

    query = models.JournalEntry.select().where(models.JournalEntry.village == village)
    if args.year:
        query = query.where(
            models.JournalEntry.entry_date.between(dt.date(args.year, 1, 1), dt.date(args.year, 12, 31))
        )
    entries = list(query.order_by(models.JournalEntry.entry_date, models.JournalEntry.voucher_no))
    write_ledger(Path(args.out), entries, f"{village.name}{args.year or ''}收支明细账")
    print(f"已导出 {len(entries)} 笔：{args.out}")
    return 0


def _export(args, data_dir: Path) -> int:
    from app.exchange.members import log_export, write_members
    from app.store import models

    if args.template and args.what == "ledger":
        from app.exchange.ledger import write_ledger

        write_ledger(Path(args.out), [], "收支明细账（模板）")
        print(f"已导出空白模板：{args.out}")
        return 0
    if args.template:
        write_members(Path(args.out), [], "党员花名册（模板）")
        print(f"已导出空白模板：{args.out}")
        return 0
    if not args.village:
        print("请用 --village 指定村名，或用 --template 只导出空白模板", file=sys.stderr)
        return 1
    _open(data_dir)
    village = _village_named(args.village)
    if village is None:
        return 2
    if args.what == "ledger":
        return _export_ledger(args, village)
    people = list(
        models.PartyMember.select().where(models.PartyMember.village == village).order_by(models.PartyMember.name)
    )
    write_members(Path(args.out), people, f"{village.name}党员花名册")
    if people:
        log_export(village, len(people))
    print(f"已导出 {len(people)} 名：{args.out}")
    return 0


def _page(args):
    """The paper asked for, or the kind's own default (the 村规民约 goes on A3, its booklet on A4 landscape)."""
    from app.notices.frame import PageSpec
    from app.publishing.sheets import default_page

    default = default_page(args.kind)
    if args.page is None and not args.landscape:
        return default
    return PageSpec(args.page or default.size, "landscape" if args.landscape else "portrait")


def _open(data_dir: Path):
    from app.store.connection import open_database

    return open_database(data_dir)


def run(args: argparse.Namespace) -> int:
    from app.store.errors import DamagedDatabaseError, EmptyDatabaseError, StorageError

    try:
        data_dir = paths.resolve_data_dir(args.data_dir)
    except OSError as error:
        print(f"不能创建或打开数据文件夹：{args.data_dir or ''}\n{error}", file=sys.stderr)
        return 1
    setup_logging(data_dir)
    try:
        return _COMMANDS[args.command](args, data_dir)
    except (DamagedDatabaseError, EmptyDatabaseError) as error:
        print(error, file=sys.stderr)
        if error.newest_backup:
            print(f'恢复命令：python main.py --data-dir "{data_dir}" restore "{error.newest_backup}"', file=sys.stderr)
        return 3
    except StorageError as error:
        print(error, file=sys.stderr)
        return 1


def _demo(args, data_dir: Path) -> int:
    from app.demo.township import NotEmptyError, populate_demo

    _open(data_dir)
    try:
        villages = populate_demo()
    except NotEmptyError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"已放入演示数据：{villages[0].county}{villages[0].township}，{len(villages)} 个村。")
    return 0


def _notices(args, data_dir: Path) -> int:
    from app.publishing.sheets import list_sheets

    _open(data_dir)
    for entry in list_sheets():
        print(f"{entry.kind}\t{entry.record_id}\t{entry.title}")
    return 0


def _render(args, data_dir: Path) -> int:
    from app.publishing.issued import save_pdf
    from app.publishing.sheets import UnknownSheetError, render

    _open(data_dir)
    page = _page(args)
    try:
        sheet = render(args.kind, args.id, page)
    except UnknownSheetError as error:
        print(error, file=sys.stderr)
        return 2
    out = Path(args.out)
    save_pdf(sheet, out)
    if not sheet.report.ok:
        print(sheet.report.message(), file=sys.stderr)
    print(f"已生成：{out}（SHA-256 {sheet.sha256}）")
    return 0


def _print(args, data_dir: Path) -> int:
    import os

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs Qt, not a screen
    from PySide6.QtWidgets import QApplication

    from app.publishing.issued import record_printed
    from app.publishing.sheets import UnknownSheetError, render
    from app.ui.printing import PrintError, load_pdf, prepare_printer, print_document

    if not 1 <= args.copies <= 99:
        print("份数应为 1—99", file=sys.stderr)
        return 1
    application = QApplication.instance() or QApplication([])
    _open(data_dir)
    page = _page(args)
    try:
        sheet = render(args.kind, args.id, page)
        printer = prepare_printer(page, args.printer, args.copies)
    except (UnknownSheetError, PrintError) as error:
        print(error, file=sys.stderr)
        return 2
    printer.setDocName(sheet.title)
    try:
        print_document(load_pdf(sheet.pdf, application), printer)
    except PrintError as error:
        print(error, file=sys.stderr)
        return 1
    entry = record_printed(sheet, data_dir)
    print(
        f"已送打印机 {printer.printerName()}：{sheet.title}（{page.label}，{args.copies} 份，SHA-256 {sheet.sha256}）"
    )
    print(f"打印的 PDF 保存在：{entry.path}")
    return 0


def _board(args, data_dir: Path) -> int:
    import datetime as dt
    import os

    from app.domain import periods
    from app.domain.values import InputError
    from app.publishing import board, issued

    if not args.out and not args.print:
        print("请用 --out 指定 PDF 文件，或用 --print 送打印机", file=sys.stderr)
        return 1
    _open(data_dir)
    village = _village_named(args.village)
    if village is None:
        return 1
    try:
        period = args.period or periods.quarter_of(dt.date.today())
        due = board.due(village, period)
    except InputError as error:
        print(error.args[0], file=sys.stderr)
        return 1
    if not due:
        print(f"{village.name}{period}没有要公开的公示单", file=sys.stderr)
        return 1
    sheets = board.render_due(due)
    whole = board.whole_board(village, period, sheets)
    for item, sheet in zip(due, sheets, strict=True):
        print(f"{item.panel}\t{sheet.title}\t{sheet.pages} 页\t{item.state}")
    if args.out:  # like the window's 另存为PDF: written atomically, each sheet kept as it left for 登记张贴
        out = Path(args.out)
        issued.save_board(whole, sheets, out, data_dir)
        print(f"已生成整版：{out}（{len(sheets)} 张，SHA-256 {whole.sha256}）")
    if args.print:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from app.notices.frame import A4_PORTRAIT
        from app.ui.printing import PrintError, load_pdf, prepare_printer, print_document

        application = QApplication.instance() or QApplication([])
        try:
            printer = prepare_printer(A4_PORTRAIT, args.printer)
            printer.setDocName(whole.title)
            print_document(load_pdf(whole.pdf, application), printer, each_on_its_paper=True)
        except PrintError as error:
            print(error, file=sys.stderr)
            return 2
        issued.board_printed(whole, sheets, data_dir)
        print(f"已送打印机 {printer.printerName()}：{len(sheets)} 张，每张用它自己的纸张")
    return 0


def _verify(args, data_dir: Path) -> int:
    from app.store import board

    _open(data_dir)
    checked, problems = board.verify()
    for problem in problems:
        print(f"{problem.village}\t{problem.title}\t{problem.problem}")
    if problems:
        print(f"核对了 {checked} 份张贴原件，{len(problems)} 份有问题。请从备份恢复数据库。", file=sys.stderr)
        return 3
    print(f"核对了 {checked} 份张贴原件，全部与存档的 SHA-256 一致。")
    return 0


def _check(args, data_dir: Path) -> int:
    """Reads only: a check never migrates or writes the file (beyond SQLite's own journal recovery)."""
    from app.store import backups, health
    from app.store.errors import DamagedDatabaseError
    from app.store.migrations import latest_version

    path = paths.database_file(data_dir)
    if not path.exists():
        print(f"还没有数据库：{path}")
        return 0
    health.check_integrity(path)
    problems = health.unreadable_rows(path)
    if problems:
        newest = backups.newest_good_backup(data_dir)
        raise DamagedDatabaseError(path, f"{len(problems)} 处记录无法读取：\n" + "\n".join(problems[:50]), newest)
    connection = health.read_only(path)
    try:
        version = connection.execute("select max(version) from schema_version").fetchone()[0]
        villages = connection.execute("select count(*) from village").fetchone()[0]
        rows = sum(health.row_counts(connection).values())
    finally:
        connection.close()
    print(f"数据库完好：{path}\n结构版本 {version}/{latest_version()}，{villages} 个村，逐条读取了 {rows} 条记录。")
    return 0


def _backup(args, data_dir: Path) -> int:
    from app.store.backups import take_backup

    path = paths.database_file(data_dir)
    if not path.exists():
        print(f"还没有数据库，无需备份：{path}", file=sys.stderr)
        return 2
    folder = Path(args.to) if args.to else paths.backup_dir(data_dir)
    print(f"已备份并核对：{take_backup(path, folder, 'manual')}")
    return 0


def _backups(args, data_dir: Path) -> int:
    from app.store.backups import backups_in, describe

    for path in backups_in(paths.backup_dir(data_dir)):
        info = describe(path)
        print(f"{info.path}\t{info.taken_at:%Y-%m-%d %H:%M:%S}\t{info.size}\t{info.villages_text()}")
    return 0


def _restore(args, data_dir: Path) -> int:
    from app.store.backups import restore
    from app.store.connection import close_database
    from app.store.folder_lock import FolderLock

    backup = Path(args.file)
    if not backup.is_file():
        print(f"找不到备份文件：{backup}", file=sys.stderr)
        return 2
    with FolderLock(data_dir):  # not while the window has the data open
        kept = restore(data_dir, backup)
        _open(data_dir)  # brings an older backup's schema up to date
        close_database()
    print(f"已从备份恢复：{backup}\n被替换的数据库保留在：{kept}")
    return 0


_COMMANDS = {
    "demo": _demo,
    "notices": _notices,
    "render": _render,
    "check": _check,
    "print": _print,
    "backup": _backup,
    "backups": _backups,
    "restore": _restore,
    "import": _import,
    "export": _export,
    "board": _board,
    "verify": _verify,
}


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # None in the windowed Windows program
        if stream is not None and hasattr(stream, "reconfigure"):
            # A pipe on a Chinese Windows is code page 936, which lacks rare characters (䶮): escape them.
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.ui.application import run_gui

        return run_gui(
            args.data_dir,
            with_demo=args.demo,
            self_test=args.self_test or args.self_test_pages,
            every_page=args.self_test_pages,
        )
    return run(args)

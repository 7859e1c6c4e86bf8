"""`board --out/--print` leaves the program the way the window's 整版预览 does: the file written atomically, the
board and each of its sheets recorded and kept as they left, so that 登记张贴 archives the bytes that were
printed (not a fresh render made on the day of posting)."""

import datetime as dt
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from app.domain import periods
from app.publishing import board as publishing
from app.publishing import issued
from app.store import board as store
from app.store import models
from app.store.connection import close_database, open_database
from tests.e2e.test_commands import ROOT, run
from tests.e2e.test_print_command import OUTPUT, queue, wait_for_new_pdf  # noqa: F401 (queue is a fixture)

TODAY = dt.date.today()
PERIOD = periods.quarter_of(TODAY)


def finished(job):
    """A long job is written for a while after it appears: wait for its end."""
    for _ in range(100):
        if job.read_bytes().rstrip().endswith(b"%%EOF"):
            return job
        time.sleep(0.2)
    raise AssertionError("打印队列输出的 PDF 没有写完")


def post_what_was_printed(data_dir, action: str) -> None:
    """Posts the quarter's waiting sheets the day after the board left the CLI, as 登记张贴 does, and checks that
    each archived original is the copy the CLI recorded, byte for byte."""
    open_database(data_dir)
    try:
        village = models.Village.get(models.Village.name == "涌溪村")
        waiting = [d for d in publishing.due(village, PERIOD, TODAY) if d.state != publishing.POSTED]
        assert waiting, "the demo village's board has sheets still to post this quarter"
        left = {
            (row.kind, row.record_id): row
            for row in models.IssuedSheet.select().where(
                (models.IssuedSheet.village == village) & (models.IssuedSheet.action == action)
            )
        }
        board_rows = [row for key, row in left.items() if key[0] == "board"]
        assert [row.title for row in board_rows] == [f"涌溪村{PERIOD}公开栏"]

        posted_on = TODAY + dt.timedelta(days=1)  # a sheet rendered that day would carry it and differ
        sheets, copies = publishing.sheets_as_printed(village, waiting, data_dir, posted_on)
        assert copies == len(waiting)
        differ = 0
        for item, sheet in zip(waiting, sheets, strict=True):
            change = store.publish(village, sheet, item.panel, PERIOD, "A4 纵向", "赵监委", TODAY, TODAY)
            posted = models.Publication.get_by_id(change.record_id)
            kept = data_dir / "issued" / f"{posted.sha256}.pdf"
            assert left[(item.kind, item.record_id)].sha256 == posted.sha256
            assert store.archived(posted.sha256) == kept.read_bytes()
            differ += publishing.render_due([item], posted_on)[0].pdf != store.archived(posted.sha256)
        assert differ, "most sheets carry the day they were made: a fresh render would not be what was printed"
    finally:
        close_database()


def test_a_board_saved_from_the_command_line_is_posted_as_it_was_saved(data_dir, tmp_path):
    assert run(data_dir, "demo").returncode == 0
    out = tmp_path / "boards" / "board.pdf"
    made = run(data_dir, "board", "--village", "涌溪村", "--period", PERIOD, "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "已生成整版" in made.stdout
    assert not list(out.parent.glob("*.part"))  # written under a temporary name, then renamed
    open_database(data_dir)
    try:
        (saved,) = models.IssuedSheet.select().where(models.IssuedSheet.kind == "board")
        assert saved.path == str(out) and saved.action == issued.SAVED
        assert saved.sha256 in made.stdout
        parts = models.IssuedSheet.select().where(models.IssuedSheet.kind != "board")
        pages = sum(len(PdfReader(data_dir / "issued" / f"{row.sha256}.pdf").pages) for row in parts)
        assert pages == len(PdfReader(out).pages)
    finally:
        close_database()
    post_what_was_printed(data_dir, issued.SAVED)


def test_a_board_printed_from_the_command_line_is_posted_as_it_was_printed(queue, data_dir):  # noqa: F811
    assert run(data_dir, "demo").returncode == 0
    before = set(OUTPUT.glob("*.pdf")) if OUTPUT.exists() else set()
    printed = run(data_dir, "board", "--village", "涌溪村", "--period", PERIOD, "--print", "--printer", queue)
    assert printed.returncode == 0, printed.stderr
    assert "已送打印机" in printed.stdout
    job = finished(wait_for_new_pdf(before))
    assert len(PdfReader(job).pages) >= 5
    post_what_was_printed(data_dir, issued.PRINTED)


@pytest.mark.parametrize("period", ["2026Q9", "26Q1"])
def test_a_wrong_period_writes_and_records_nothing(data_dir, tmp_path, period):
    assert run(data_dir, "demo").returncode == 0
    out = tmp_path / "board.pdf"
    wrong = run(data_dir, "board", "--village", "涌溪村", "--period", period, "--out", str(out))
    assert wrong.returncode == 1 and "应写成 2026Q4" in wrong.stderr
    assert not out.exists()
    open_database(data_dir)
    try:
        assert not models.IssuedSheet.select().where(models.IssuedSheet.kind == "board").exists()
    finally:
        close_database()


def loaded_modules(data_dir, *command: str) -> set[str]:
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--data-dir", str(data_dir), *command],
        capture_output=True,
        text=True,
        timeout=120,
    ).stderr
    return {line.rsplit("|", 1)[-1].strip() for line in imported.splitlines() if line.startswith("import time:")}


def test_only_the_commands_that_make_a_sheet_load_the_catalogue(data_dir):
    """Loading the sheet catalogue brings reportlab (~0.2 s): `verify`, `check` and the rest go without it."""
    assert run(data_dir, "demo").returncode == 0
    for command in (["--help"], ["check"], ["verify"], ["backups"]):
        loaded = loaded_modules(data_dir, *command)
        assert "app.cli" in loaded  # the scan sees the program's own modules
        assert not {"reportlab", "app.publishing.catalogue", "app.notices.frame"} & loaded, command
    assert {"reportlab", "app.publishing.catalogue"} <= loaded_modules(data_dir, "notices")

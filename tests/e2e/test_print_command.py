"""`print` sends a sheet through the same print path as the window's button, to a real CUPS queue that
prints to PDF files (Debian's cups and printer-driver-cups-pdf): the paper and orientation are the sheet's."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUEUE = "sanqiang-test-pdf"
OUTPUT = Path.home() / "PDF"  # cups-pdf writes a job by this user here (Out ${HOME}/PDF)

pytestmark = pytest.mark.skipif(
    shutil.which("lpadmin") is None or not Path("/usr/lib/cups/backend/cups-pdf").exists(),
    reason="没有安装 cups 和 printer-driver-cups-pdf",
)


@pytest.fixture(scope="module")
def queue():
    if subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.find("is running") < 0:
        if os.geteuid() != 0:
            pytest.skip("CUPS 没有运行，且不是 root，不能启动它")
        subprocess.run(["cupsd"], check=True)
        for _ in range(50):
            if "is running" in subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout:
                break
            time.sleep(0.1)
    subprocess.run(
        ["lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"],
        check=True,
        capture_output=True,
    )
    return QUEUE


def run(data_dir, *args):
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)


def wait_for_new_pdf(before: set) -> Path:
    for _ in range(150):
        new = [path for path in OUTPUT.glob("*.pdf") if path not in before] if OUTPUT.exists() else []
        if new and new[0].stat().st_size > 0:
            time.sleep(0.3)  # let cups-pdf finish writing
            return new[0]
        time.sleep(0.2)
    raise AssertionError("打印队列没有输出 PDF")


def ink_box(pdf: Path, tmp_path: Path) -> tuple[float, float]:
    """How much of the page's width and height the printed content spans (0–1)."""
    from PySide6.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", "20", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    rows = [y for y in range(image.height()) if any(image.pixelColor(x, y).value() < 200 for x in range(image.width()))]
    columns = [x for x in range(image.width()) if any(image.pixelColor(x, y).value() < 200 for y in rows[::2])]
    return (columns[-1] - columns[0]) / image.width(), (rows[-1] - rows[0]) / image.height()


def test_print_command_prints_on_the_sheets_paper_and_records_it(queue, tmp_path):
    from pypdf import PdfReader

    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    listed = [line.split("\t") for line in run(data, "notices").stdout.splitlines()]
    kind, record_id, _ = next(row for row in listed if row[0] == "venue_check")
    before = set(OUTPUT.glob("*.pdf")) if OUTPUT.exists() else set()
    printed = run(data, "print", kind, record_id, "--page", "A3", "--landscape", "--printer", queue, "--copies", "1")
    assert printed.returncode == 0, printed.stderr
    assert "已送打印机" in printed.stdout
    output = wait_for_new_pdf(before)
    page = PdfReader(str(output)).pages[0]
    size_mm = sorted(round(float(side) / 72 * 25.4) for side in (page.mediabox.width, page.mediabox.height))
    assert size_mm == [297, 420]  # A3, not the queue's default paper
    wide, tall = ink_box(output, tmp_path)
    # The landscape sheet lies along the paper's long side (turned, as a printer feeds A3); printed as
    # portrait it would be shrunk into the top half of the paper.
    assert tall > 0.8 and wide > 0.3

    kept = next((data / "issued").glob("*.pdf"))
    assert kept.stem in printed.stdout  # the exact PDF sent, kept by its SHA-256


def test_printing_to_a_printer_that_does_not_exist_is_refused(tmp_path):
    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    kind, record_id, _ = run(data, "notices").stdout.splitlines()[-1].split("\t")
    refused = run(data, "print", kind, record_id, "--printer", "没有这台打印机")
    assert refused.returncode == 2 and "找不到打印机" in refused.stderr
    assert not (data / "issued").exists()

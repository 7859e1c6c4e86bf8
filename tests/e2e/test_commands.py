"""The headless commands as a script would use them: exit codes and what they print."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run(folder, "demo")
    assert result.returncode == 0, result.stderr
    assert "镇远县涌溪乡，4 个村" in result.stdout
    return folder


def test_demo_refuses_a_database_with_data(demo_dir):
    result = run(demo_dir, "demo")
    assert result.returncode == 1 and "只能放进空的数据库" in result.stderr


def test_notices_lists_kind_id_title(demo_dir):
    lines = run(demo_dir, "notices").stdout.splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 3 for row in rows)
    from app.publishing.sheets import KINDS

    assert {row[0] for row in rows} == set(KINDS)
    assert sum(1 for row in rows if row[0] == "venue_check") == 4
    assert sum(1 for row in rows if row[0] == "candidate_notice") == 4
    assert any(row[2] == "涌溪村：村级财务管理制度" for row in rows)


def test_render_writes_a_pdf_and_records_it(demo_dir, tmp_path):
    kind, record_id, _ = run(demo_dir, "notices").stdout.splitlines()[0].split("\t")
    out = tmp_path / "sheets" / "one.pdf"
    result = run(demo_dir, "render", kind, record_id, "--out", str(out), "--page", "A3")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and "SHA-256" in result.stdout


def test_render_of_an_unknown_sheet_fails_clearly(demo_dir, tmp_path):
    result = run(demo_dir, "render", "venue_check", "not-an-id", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "格式不对" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_check_passes_on_a_good_database_and_fails_on_a_damaged_one(demo_dir, tmp_path):
    good = run(demo_dir, "check")
    assert good.returncode == 0 and "数据库完好" in good.stdout and "4 个村" in good.stdout

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "sanqiang.db").write_bytes(b"\x00garbage" * 512)
    result = run(broken, "check")
    assert result.returncode == 3 and "数据库文件已损坏" in result.stderr
    assert (broken / "sanqiang.db").read_bytes() == b"\x00garbage" * 512


def test_data_folder_from_environment(tmp_path):
    import os

    env = {**os.environ, "SANQIANG_DATA_DIR": str(tmp_path / "env-data")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0 and (tmp_path / "env-data" / "sanqiang.db").exists()


def test_import_members_is_all_or_nothing_unless_bad_rows_are_skipped(tmp_path):
    from openpyxl import Workbook

    from app.domain.values import id_check_char
    from app.exchange.workbook import read_sheet

    def an_id(born):
        return f"522625{born}123" + id_check_char(f"522625{born}123")

    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "入党日期", "转正日期"])
    book.active.append(["李好", an_id("19800106"), "2005-07-01", "2006-07-01"])
    book.active.append(["李坏", an_id("19800107")[:-1] + "0", "2005-07-01", "2006-07-01"])
    path = tmp_path / "名册.xlsx"
    book.save(path)
    exported = tmp_path / "导出.xlsx"

    refused = run(data, "import", "members", str(path), "--village", "铁山村")
    assert refused.returncode == 1
    assert "第 3 行（李坏）：身份证号校验位不对" in refused.stderr and "什么也没有导入" in refused.stderr
    assert run(data, "export", "members", "--village", "铁山村", "--out", str(exported)).returncode == 0
    assert not any(row[0] == "李好" for row in read_sheet(exported))

    skipped = run(data, "import", "members", str(path), "--village", "铁山村", "--skip-bad")
    assert skipped.returncode == 0 and "已导入 1 名" in skipped.stdout
    assert run(data, "export", "members", "--village", "铁山村", "--out", str(exported)).returncode == 0
    assert any(row[0] == "李好" for row in read_sheet(exported))
    import sqlite3

    connection = sqlite3.connect(data / "sanqiang.db")
    logged = connection.execute("select count(*) from audit_entry where action like '导出花名册%'").fetchone()[0]
    connection.close()
    assert logged == 2  # each export that carried ID numbers out is in the log
    assert run(data, "import", "members", str(path), "--village", "没有这个村").returncode == 2

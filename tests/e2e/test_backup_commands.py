"""backup, backups, restore and check from the command line, as a script or a technician would use them."""

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir, *args):
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_backup_list_and_restore(tmp_path):
    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    usb = tmp_path / "U盘"
    made = run(data, "backup", "--to", str(usb))
    assert made.returncode == 0 and "已备份并核对" in made.stdout
    assert len(list(usb.glob("sanqiang-manual-*.db"))) == 1
    assert run(data, "backup").returncode == 0

    listed = run(data, "backups").stdout.strip().splitlines()
    assert len(listed) == 1
    file, taken, size, villages = listed[0].split("\t")
    assert Path(file).exists() and int(size) > 0 and "塘头村" in villages

    connection = sqlite3.connect(data / "sanqiang.db")
    connection.execute("delete from facility")
    connection.commit()
    connection.close()
    restored = run(data, "restore", file)
    assert restored.returncode == 0, restored.stderr
    connection = sqlite3.connect(data / "sanqiang.db")
    assert connection.execute("select count(*) from facility").fetchone()[0] > 0
    connection.close()
    replaced = next((data / "backups").glob("sanqiang-replaced-*.db"))
    connection = sqlite3.connect(replaced)
    assert connection.execute("select count(*) from facility").fetchone()[0] == 0
    connection.close()


def test_check_reads_every_row(tmp_path):
    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    assert run(data, "check").returncode == 0
    path = data / "sanqiang.db"
    connection = sqlite3.connect(path)
    connection.execute("pragma wal_checkpoint(truncate)")
    connection.close()
    content = bytearray(path.read_bytes())
    where = content.find("芽溪村活动室".encode())
    assert where > 0
    content[where : where + 16] = b"\xff" * 16
    path.write_bytes(bytes(content))
    assert sqlite3.connect(path).execute("pragma integrity_check").fetchone()[0] == "ok"  # SQLite sees nothing

    checked = run(data, "check")
    assert checked.returncode == 3
    assert "无法读取" in checked.stderr and "文字编码已损坏" in checked.stderr

"""Prints how long the headless commands take as whole processes, and whether each loads the sheet catalogue
(and with it reportlab): only the commands that make a sheet should. Median of runs on the demo township.
Run: .venv/bin/python benchmarks/cli.py [--runs N]"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = (["--help"], ["check"], ["verify"], ["backups"], ["notices"])
HEAVY = ("reportlab", "app.publishing.catalogue")


def loads_the_catalogue(data: Path, command: list[str]) -> bool:
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--data-dir", str(data), *command],
        capture_output=True,
        text=True,
    ).stderr
    return any(line.rsplit("|", 1)[-1].strip() in HEAVY for line in imported.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp())
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "demo"], check=True, capture_output=True
    )
    print(f"命令行（整个进程，演示数据，{args.runs} 次中位数）：")
    for command in COMMANDS:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *command], capture_output=True
            )
            times.append(time.perf_counter() - started)
        heavy = "载入公示单目录和 reportlab" if loads_the_catalogue(data, command) else "不载入公示单目录"
        print(f"  {' '.join(command)}：{statistics.median(times) * 1000:.0f} ms（{heavy}）")


if __name__ == "__main__":
    main()

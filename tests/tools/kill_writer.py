"""Crash harness: kills the program's writer with SIGKILL at random moments and reports what was lost.

    .venv/bin/python tests/tools/kill_writer.py --cycles 1000 [--seed 7]

Each cycle starts a writer process on a data folder (a new, empty one in about one cycle of five, so that
kills also land in the first second of a first start), lets it create, change and delete records through
the program's own save path, and kills it after a random 50–450 ms (about half of the kills land while
it starts up and opens or creates the database). Then it checks the folder as the
program would at its next start and counts: damaged files (the program would refuse to open them), lost
committed records (a change reported committed that is not in the file) and audit mismatches (a record
whose newest audit row does not describe it, or a change with no audit row). Aim: 0, 0, 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WRITER = r"""
import random, sys
from pathlib import Path
from app.store import models, records
from app.store.connection import open_database
from app.store.villages import create_village

open_database(Path(sys.argv[1]))
village = models.Village.get_or_none() or create_village(name="测试村", township="测试乡", county="测试县")
print("ready", flush=True)
rng = random.Random(int(sys.argv[2]))
number = 0
while True:
    number += 1
    existing = list(models.Facility.select(models.Facility.id).limit(50))
    roll = rng.random()
    if existing and roll < 0.2:
        target = models.Facility.get_by_id(rng.choice(existing).id)
        print("begin", json.dumps({"op": "delete", "id": str(target.id)}), flush=True)
        records.delete(target)
    elif existing and roll < 0.45:
        target = models.Facility.get_by_id(rng.choice(existing).id)
        target.name = f"改{number}"
        print("begin", json.dumps({"op": "update", "id": str(target.id), "name": target.name}), flush=True)
        records.save(target)
    else:
        record = models.Facility(village=village, name=f"新{number}", status="在用")
        print("begin", json.dumps({"op": "create", "id": str(record.id), "name": record.name}), flush=True)
        records.save(record)
    print("committed", flush=True)
""".replace("import random, sys", "import json, random, sys")


def run_cycle(folder: Path, seed: int, kill_after: float) -> list[tuple[dict, bool]]:
    """Runs one writer until the kill; returns the operations it began, each with whether it committed."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    time.sleep(kill_after)
    writer.send_signal(signal.SIGKILL)
    output, _ = writer.communicate()
    operations: list[tuple[dict, bool]] = []
    for line in output.splitlines():
        if line.startswith("begin "):
            try:
                operations.append((json.loads(line[6:]), False))
            except json.JSONDecodeError:  # killed while printing: the save it announces had not started
                break
        elif line == "committed" and operations:
            operations[-1] = (operations[-1][0], True)
    return operations


def verify(folder: Path, expected: dict[str, str | None], in_flight: dict | None) -> tuple[bool, int, int]:
    """(damaged, lost committed changes, audit mismatches) for the folder after a kill."""
    from app.store import health
    from app.store.errors import StorageError

    path = folder / "sanqiang.db"
    if not path.exists() or path.stat().st_size == 0:
        return False, len([name for name in expected.values() if name is not None]), 0
    try:
        health.check_integrity(path)
    except StorageError:
        return True, 0, 0
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not connection.execute("select count(*) from sqlite_master where name='facility'").fetchone()[0]:
            return False, len([name for name in expected.values() if name is not None]), 0
        rows = dict(connection.execute("select id, name from facility"))
        audits = {}
        for record_id, action, after in connection.execute(
            "select record_id, action, after from audit_entry where \"table\" = 'facility' order by rowid"
        ):
            audits[record_id.replace("-", "")] = (action, json.loads(after) if after else None)
    finally:
        connection.close()
    lost = 0
    for record_id, name in expected.items():
        actual = rows.get(record_id.replace("-", ""), rows.get(record_id))
        allowed = {name}
        if in_flight and in_flight.get("id") == record_id:
            allowed.add(None if in_flight["op"] == "delete" else in_flight.get("name"))
        if actual not in allowed:
            lost += 1
    mismatches = 0
    for record_id, name in rows.items():
        action, after = audits.get(record_id, (None, None))
        if action not in ("create", "update") or after is None or after.get("name") != name:
            mismatches += 1
    for record_id, (action, _after) in audits.items():
        if action == "delete" and record_id in rows:
            mismatches += 1
    return False, lost, mismatches


def main() -> int:
    parser = argparse.ArgumentParser(description="Kill the writer at random moments; count damage and losses.")
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="kill-writer-"))
    folder = base / "data"
    expected: dict[str, str | None] = {}
    damaged = lost = mismatches = committed = first_starts = 0
    started = time.perf_counter()
    for cycle in range(1, args.cycles + 1):
        if cycle == 1 or rng.random() < 0.2:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            expected = {}
            first_starts += 1
        # about half the kills land while the writer starts and opens (or creates) the database
        kill_after = rng.choice([rng.uniform(0.05, 0.2), rng.uniform(0.2, 0.45)])
        operations = run_cycle(folder, rng.randrange(1 << 30), kill_after)
        in_flight = None
        for operation, done in operations:
            if not done:
                in_flight = operation
                continue
            expected[operation["id"]] = None if operation["op"] == "delete" else operation["name"]
            committed += 1
        bad, lost_now, mismatched_now = verify(folder, expected, in_flight)
        if in_flight is not None and not bad:  # settle the in-flight change as the file has it
            connection = sqlite3.connect(folder / "sanqiang.db")
            row = connection.execute("select name from facility where id = ?", (in_flight["id"].replace("-", ""),))
            found = row.fetchone()
            connection.close()
            expected[in_flight["id"]] = found[0] if found else None
        damaged += bad
        lost += lost_now
        mismatches += mismatched_now
        if bad:
            print(f"cycle {cycle}: damaged file kept in {base / f'damaged-{cycle}'}", flush=True)
            shutil.copytree(folder, base / f"damaged-{cycle}")
            shutil.rmtree(folder)
            folder.mkdir()
            expected = {}
        if cycle % 100 == 0:
            print(f"{cycle} cycles: damaged {damaged}, lost {lost}, audit mismatches {mismatches}", flush=True)
    seconds = time.perf_counter() - started
    print(
        f"cycles {args.cycles} (first starts {first_starts}), committed changes {committed}, "
        f"damaged files {damaged}, lost committed changes {lost}, audit mismatches {mismatches}, {seconds:.0f} s"
    )
    if not (damaged or lost or mismatches):
        shutil.rmtree(base, ignore_errors=True)
    return 1 if (damaged or lost or mismatches) else 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())

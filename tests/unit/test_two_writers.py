"""Two programs writing to one database wait for each other instead of failing (BEGIN IMMEDIATE)."""

import subprocess
import sys
from pathlib import Path

from app.store import models
from app.store.connection import close_database, open_database

WRITER = r"""
import sys
from pathlib import Path
from app.store import models, records
from app.store.connection import open_database
open_database(Path(sys.argv[1]))
village = models.Village.get()
failures = 0
for number in range(int(sys.argv[3])):
    try:
        venue = models.Venue.get()  # read first, then write: the pattern that used to fail at once
        records.save(models.Facility(village=village, name=f"{sys.argv[2]}-{number}", status="在用"))
    except Exception as error:
        failures += 1
        print(type(error).__name__, error, file=sys.stderr)
print(failures)
"""


def test_two_processes_saving_at_once_both_succeed(data_dir, demo):
    close_database()
    root = Path(__file__).resolve().parents[2]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), name, "150"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("甲", "乙")
    ]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    assert [out.strip() for out, _ in outputs] == ["0", "0"], [err[-500:] for _, err in outputs]
    open_database(data_dir)
    for name in ("甲", "乙"):
        assert models.Facility.select().where(models.Facility.name.startswith(f"{name}-")).count() == 150

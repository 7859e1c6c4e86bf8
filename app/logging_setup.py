"""A log file in the data folder, rotated at start-up (1 MB, five old files kept).

Rotating once per start keeps logging.handlers (and the socket, pickle … it pulls in) off the start-up path.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app import paths

LOG_NAME = "sanqiang.log"
MAX_BYTES = 1_000_000
KEEP = 5


def _rotate(log_file: Path) -> None:
    if not log_file.exists() or log_file.stat().st_size < MAX_BYTES:
        return
    for number in range(KEEP - 1, 0, -1):
        older = log_file.with_name(f"{LOG_NAME}.{number}")
        if older.exists():
            older.replace(log_file.with_name(f"{LOG_NAME}.{number + 1}"))
    log_file.replace(log_file.with_name(f"{LOG_NAME}.1"))


def setup_logging(data_dir: Path) -> Path | None:
    """Logs into the data folder's logs/, or the system's temporary folder when that cannot be written
    (a log must never stop the program). Returns the log file, or None when no file could be opened."""
    import tempfile  # only here: the common path needs no tempfile

    for folder in (lambda: paths.log_dir(data_dir), lambda: Path(tempfile.gettempdir()) / "sanqiang-workbench-logs"):
        try:
            log_file = folder() / LOG_NAME
            log_file.parent.mkdir(parents=True, exist_ok=True)
            _rotate(log_file)
            handler = logging.FileHandler(log_file, encoding="utf-8")
            break
        except OSError:
            continue
    else:
        log_file, handler = None, logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "sanqiang", False)]:
        root.removeHandler(old)
        old.close()
    handler.sanqiang = True
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file

"""A rotating log file in the data folder; nothing the program does goes unrecorded."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app import paths

LOG_NAME = "sanqiang.log"


def setup_logging(data_dir: Path) -> Path:
    log_file = paths.log_dir(data_dir) / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file

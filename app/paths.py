"""Where the program keeps its files, and where it finds its own resources.

The data folder is, in order: ``--data-dir``, the ``SANQIANG_DATA_DIR`` environment variable,
the user's data folder (platformdirs). Resources are found beside the source tree, or inside a
PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from app import APP_ID

logger = logging.getLogger(__name__)

DATA_DIR_ENV = "SANQIANG_DATA_DIR"
DATABASE_NAME = "sanqiang.db"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False))


def resolve_data_dir(cli_value: str | None = None) -> Path:
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen).expanduser() if chosen else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


def database_file(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backup_dir(data_dir: Path) -> Path:
    path = data_dir / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(data_dir: Path) -> Path:
    path = data_dir / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def photo_dir(data_dir: Path) -> Path:
    path = data_dir / "photos"
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_dir(data_dir: Path) -> Path:
    path = data_dir / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resource_root() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def fallback_font_files() -> list[Path]:
    """The bundled rare-character fonts (CJK Extensions A–F), in the order they are tried."""
    folder = resource("fonts", "fallback")
    return sorted(folder.glob("*.tt[fc]")) if folder.is_dir() else []

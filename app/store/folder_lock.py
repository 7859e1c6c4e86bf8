"""One program per data folder. The lock is the operating system's, on a file in the folder: it goes
away with the process, however the process ends, so a crash never leaves the folder locked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.store.errors import DataFolderInUseError

LOCK_NAME = "sanqiang.lock"


class FolderLock:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.path = data_dir / LOCK_NAME
        self._file = None

    def acquire(self) -> None:
        """Takes the folder, or raises DataFolderInUseError if another program has it."""
        file = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the lock
        try:
            _lock(file)
        except OSError:
            file.close()
            raise DataFolderInUseError(self.data_dir) from None
        file.seek(0)
        file.truncate()
        file.write(str(os.getpid()).encode())
        file.flush()
        self._file = file

    def release(self) -> None:
        if self._file is not None:
            _unlock(self._file)
            self._file.close()
            self._file = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(file) -> None:
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(file) -> None:
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(file) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(file) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)

"""村级三强工作台 — entry point: `python main.py [--data-dir DIR] [--demo] [COMMAND]`."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Briefing Studio: `python main.py --help` lists the commands; with none, the window opens."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

from briefing.cli.main import run


def open_window(path: Path | None, ui_language: str | None) -> int:
    from ui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(path, ui_language)


def main() -> int:
    return run(sys.argv[1:], open_window=open_window)


if __name__ == "__main__":
    # A large translation-memory import computes in worker processes (spawned); a frozen build needs this.
    multiprocessing.freeze_support()
    sys.exit(main())

"""The application log: failures written down where a user (or whoever supports them) can find them.

One UTF-8 file, `<data folder>/logs/briefing-studio.log`, kept under `MAX_BYTES` by rotating it into
`briefing-studio.log.1` … `.3`. An entry is a header line (UTC time, what was being done, the version) and
the traceback. It never holds a document: no line is longer than `MAX_LINE` characters, an entry is cut at
`MAX_ENTRY`, and credentials in URLs or `password=`-style parameters are masked before anything is written.
The window writes every failure it shows here; the command line writes its unexpected errors here.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path

from briefing import __version__
from briefing.paths import logs_folder

LOG_NAME = "briefing-studio.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
MAX_LINE = 500
MAX_ENTRY = 20_000

_lock = threading.Lock()  # one writer at a time: a worker thread and the GUI may fail together
_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]*@", re.IGNORECASE)
_SECRET = re.compile(r"(?P<name>password|passwd|token|secret|api[_-]?key|auth)(?P<sep>\s*[=:]\s*)[^\s&,;'\"]+", re.I)


def log_file(home: Path | None = None) -> Path:
    """Where the log is (the file may not exist yet)."""
    return logs_folder(home) / LOG_NAME


def log_failure(context: str, error: BaseException, home: Path | None = None) -> Path:
    """Append `error` and its traceback, said to have happened while doing `context` (a short English key
    such as "save" or "export"); returns the log file. Raises OSError when the log cannot be written."""
    details = "".join(traceback.format_exception(error)).rstrip()
    return log_entry("ERROR", context, details, home)


def log_entry(level: str, context: str, text: str, home: Path | None = None) -> Path:
    """Append one entry: a header line, then `text` (cleaned: masked, short lines, bounded length)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    header = (
        f"{stamp} {level} {context} · Briefing Studio {__version__} · Python {platform.python_version()}"
        f" · {sys.platform} · pid {os.getpid()}"
    )
    path = log_file(home)
    _append(path, f"{header}\n{clean(text)}\n\n")
    return path


def clean(text: str) -> str:
    """What may go into the log: secrets masked, every line at most MAX_LINE characters, at most MAX_ENTRY
    in all (a message that quotes a whole document is cut, never copied)."""
    text = _USERINFO.sub(r"\g<scheme>***@", text)
    text = _SECRET.sub(r"\g<name>\g<sep>***", text)
    lines = [
        line if len(line) <= MAX_LINE else f"{line[:MAX_LINE]}… [{len(line) - MAX_LINE} more characters not logged]"
        for line in text.splitlines()
    ]
    joined = "\n".join(lines)
    if len(joined) > MAX_ENTRY:
        joined = f"{joined[:MAX_ENTRY]}\n… [{len(joined) - MAX_ENTRY} more characters not logged]"
    return joined


def _append(path: Path, entry: str) -> None:
    data = entry.encode("utf-8")
    with _lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size + len(data) > MAX_BYTES:
            _rotate(path)
        with path.open("ab") as stream:
            stream.write(data)


def _rotate(path: Path) -> None:
    """briefing-studio.log → .log.1 → .log.2 → .log.3; the oldest falls off (the names `logging` uses)."""
    for n in range(BACKUPS - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))

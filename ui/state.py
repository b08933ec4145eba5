"""Window state: size and position, splitter sizes, recent files and last folders.

Remembered between sessions but not settings: nobody chooses them in a dialog, the command line never needs
them, and losing them costs nothing. They live apart from the settings (`briefing/settings.py`), in
`<data folder>/settings/window-state.ini`, through QSettings, which stores Qt's geometry blobs as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import SupportsIndex, SupportsInt

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from briefing.paths import settings_folder
from briefing.settings import LEGACY_FILE

STATE_FILE = "window-state.ini"
STATE_VERSION = 1
MAX_RECENT = 8


def store() -> QSettings:
    """The state file, migrated to the current version (version 1 brought the recent files over from the
    settings file the window used before settings moved to the core)."""
    folder = settings_folder()
    folder.mkdir(parents=True, exist_ok=True)
    state = QSettings(str(folder / STATE_FILE), QSettings.Format.IniFormat)
    if _int(state.value("state/version")) < 1:
        legacy = folder / LEGACY_FILE
        if legacy.is_file() and not state.contains("files/recent"):
            old = QSettings(str(legacy), QSettings.Format.IniFormat)
            state.setValue("files/recent", _strings(old.value("files/recent"))[:MAX_RECENT])
        state.setValue("state/version", STATE_VERSION)
        state.sync()
    return state


def recent_files(state: QSettings | None = None) -> list[str]:
    """The recent files, newest first, each file once (a list written before paths were resolved may name
    one file twice, relatively and absolutely)."""
    seen: set[Path] = set()
    recent = []
    for entry in _strings((state or store()).value("files/recent")):
        resolved = _resolved(Path(entry))
        if resolved not in seen:
            seen.add(resolved)
            recent.append(str(resolved))
    return recent


def remember_file(path: Path, state: QSettings | None = None) -> list[str]:
    """Put `path` first in the recent files (once, at most MAX_RECENT); returns the new list."""
    state = state or store()
    path = _resolved(path)
    recent = [str(path), *(entry for entry in recent_files(state) if _resolved(Path(entry)) != path)][:MAX_RECENT]
    state.setValue("files/recent", recent)
    state.sync()
    return recent


def _resolved(path: Path) -> Path:
    """One name per file: relative paths, `..` and symbolic links resolved (the same file is listed once)."""
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a link loop, an unreadable folder: the path as given
        return path.absolute()


def last_folder(purpose: str, state: QSettings | None = None) -> str:
    """The folder last used to `purpose` ("open", "export", …), or "" if none yet."""
    value = (state or store()).value(f"folders/{purpose}")
    return value if isinstance(value, str) else ""


def remember_folder(purpose: str, folder: Path, state: QSettings | None = None) -> None:
    state = state or store()
    state.setValue(f"folders/{purpose}", str(folder))
    state.sync()


def save_window(window: QMainWindow, state: QSettings | None = None) -> None:
    """The window's geometry, toolbars and docks, and the sizes of every splitter in it that has a name."""
    state = state or store()
    name = window.objectName()
    state.setValue(f"{name}/geometry", window.saveGeometry())
    state.setValue(f"{name}/state", window.saveState())
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName():
            state.setValue(f"{name}/splitter.{splitter.objectName()}", splitter.saveState())
    state.sync()


def restore_window(window: QMainWindow, state: QSettings | None = None) -> bool:
    """Bring back what `save_window` kept; False (and the window as it is) when there is nothing, or
    nothing Qt accepts."""
    state = state or store()
    name = window.objectName()
    geometry = state.value(f"{name}/geometry")
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    saved = state.value(f"{name}/state")
    if isinstance(saved, QByteArray):
        window.restoreState(saved)
    for splitter in window.findChildren(QSplitter):
        sizes = state.value(f"{name}/splitter.{splitter.objectName()}") if splitter.objectName() else None
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
    return True


def shown(part: str, state: QSettings | None = None, default: bool = True) -> bool:
    """Whether a part of the window that can be hidden (the preview) was shown when the window last closed."""
    value = (state or store()).value(f"shown/{part}", default)
    return value not in (False, "false", "0", 0)


def remember_shown(part: str, visible: bool, state: QSettings | None = None) -> None:
    state = state or store()
    state.setValue(f"shown/{part}", visible)
    state.sync()


def _strings(value: object) -> list[str]:
    """A QSettings list read back: a one-element list comes back as a plain string, an empty one as None."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(entry) for entry in value if entry]
    return []


def _int(value: object) -> int:
    if not isinstance(value, str | bytes | SupportsInt | SupportsIndex):
        return 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0

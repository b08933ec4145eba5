"""Where the application keeps its data: one folder for settings, recovery copies, packages and memories.

`BRIEFING_HOME` names the folder when set (tests always set it); otherwise it is the platform's
per-user application-data location (e.g. ~/.local/share/briefing-studio on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from briefing.messages import BriefingError, register

APP_NAME = "briefing-studio"
HOME_VARIABLE = "BRIEFING_HOME"


def data_home() -> Path:
    """The application-data folder (not created here)."""
    configured = os.environ.get(HOME_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def ensure_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


register(
    {
        "paths.data_folder": "the data folder {folder} cannot be used ({reason}); "
        "set {variable} to a folder you can write to",
    }
)


class DataFolderError(BriefingError, OSError):
    """The application-data folder cannot be created or written, said so that a user can fix it."""


def check_data_home() -> Path:
    """Create the data folder if needed and prove it writable; DataFolderError with the reason if not.

    The window checks this before anything else, so that a mistyped BRIEFING_HOME or a read-only
    profile gets one clear message instead of a failure deep inside settings or autosave."""
    home = data_home()
    try:
        ensure_folder(home)
        probe = home / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise DataFolderError(
            "paths.data_folder", folder=str(home), reason=error.strerror or str(error), variable=HOME_VARIABLE
        ) from None
    return home


def recovery_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "recovery"


def settings_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "settings"


def packages_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "packages"


def logs_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "logs"

"""Where the application keeps its data: one folder for settings, recovery copies, packages and memories.

`BRIEFING_HOME` names the folder when set (tests always set it); otherwise it is the platform's
per-user application-data location (e.g. ~/.local/share/briefing-studio on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def recovery_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "recovery"


def settings_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "settings"


def packages_folder(home: Path | None = None) -> Path:
    return (home or data_home()) / "packages"

"""Importing `argostranslate` without letting it write outside the data folder.

argostranslate reads its settings from environment variables once, at import, and creates folders
under XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME. We set those to folders inside the data folder
for the duration of the import only, then restore the environment, so nothing else in the process (Qt,
platformdirs) sees them.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from pathlib import Path
from types import ModuleType

from briefing.paths import data_home, packages_folder

_lock = threading.Lock()


def argos_environment(home: Path) -> dict[str, str]:
    return {
        "ARGOS_PACKAGES_DIR": str(packages_folder(home)),
        "XDG_DATA_HOME": str(home / "argos" / "data"),
        "XDG_CONFIG_HOME": str(home / "argos" / "config"),
        "XDG_CACHE_HOME": str(home / "argos" / "cache"),
        "ARGOS_DEVICE_TYPE": "cpu",
    }


def import_argos(module: str) -> ModuleType:
    """Import an argostranslate module with its settings pointed into the data folder."""
    with _lock:
        if "argostranslate.settings" in sys.modules:
            return importlib.import_module(module)
        saved = {key: os.environ.get(key) for key in argos_environment(Path())}
        os.environ.update(argos_environment(data_home()))
        try:
            return importlib.import_module(module)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def argos_package_module() -> ModuleType:
    return import_argos("argostranslate.package")

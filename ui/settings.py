"""Settings, declared once with their defaults, stored as plain values in the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from briefing.paths import settings_folder

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any


UI_LANGUAGE = Setting("ui/language", "system")  # "system", "ko" or "en"
AUTHOR = Setting("document/author", "")
ORGANISATION = Setting("document/organisation", "")
DEFAULT_TEMPLATE = Setting("export/template", "press-release")
EDITOR_FONT = Setting("editor/font", "")
EDITOR_FONT_SIZE = Setting("editor/font_size", 11)
BEAM_SIZE = Setting("translation/beam_size", 4)
THREADS = Setting("translation/threads", 0)
AUTOSAVE_SECONDS = Setting("autosave/seconds", 30)
RECENT_FILES = Setting("files/recent", [])


def store() -> QSettings:
    """The settings file (`<data folder>/settings/briefing-studio.ini`), migrated to the current version."""
    folder = settings_folder()
    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / "briefing-studio.ini"), QSettings.Format.IniFormat)
    version = int(settings.value("settings/version", 0) or 0)
    if version < SETTINGS_VERSION:  # version 1 is the first; later migrations go here, one step at a time
        settings.setValue("settings/version", SETTINGS_VERSION)
    return settings


def get(setting: Setting, settings: QSettings | None = None) -> Any:
    value = (settings or store()).value(setting.key, setting.default)
    if isinstance(setting.default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(setting.default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return setting.default
    if isinstance(setting.default, list):
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)
    return value if value is not None else setting.default


def put(setting: Setting, value: Any, settings: QSettings | None = None) -> None:
    target = settings or store()
    target.setValue(setting.key, value)
    target.sync()

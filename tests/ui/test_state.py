"""Window state, kept apart from the settings: recent files, last folders (the window's size: test_composer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from briefing import settings as config
from ui import state


def test_recent_files_come_over_from_the_old_settings_file(briefing_home: Path) -> None:
    old = briefing_home / "settings" / "briefing-studio.ini"
    old.parent.mkdir(parents=True)
    written = QSettings(str(old), QSettings.Format.IniFormat)
    written.setValue("files/recent", ["/문서/회의, 2차.briefing", "/tmp/b.briefing"])
    written.setValue("document/author", "홍길동")
    written.sync()
    del written
    assert state.recent_files() == ["/문서/회의, 2차.briefing", "/tmp/b.briefing"]
    assert config.current().author == "홍길동"
    assert "recent" not in (briefing_home / "settings" / "briefing-studio.toml").read_text("utf-8")  # not a setting
    state.remember_file(Path("/tmp/b.briefing"))
    assert state.recent_files() == ["/tmp/b.briefing", "/문서/회의, 2차.briefing"]
    old.unlink()  # migrated once: the state file holds them now
    assert state.recent_files() == ["/tmp/b.briefing", "/문서/회의, 2차.briefing"]
    assert (briefing_home / "settings" / "window-state.ini").is_file()


def test_recent_files_keep_the_newest_first_once_each(briefing_home: Path) -> None:
    assert state.recent_files() == []
    state.remember_file(Path("/only.briefing"))
    assert state.recent_files() == ["/only.briefing"]  # a one-entry list, which QSettings reads back as text
    for number in range(12):
        state.remember_file(Path(f"/{number}.briefing"))
    state.remember_file(Path("/5.briefing"))
    recent = state.recent_files()
    assert recent[0] == "/5.briefing" and len(recent) == state.MAX_RECENT and recent.count("/5.briefing") == 1


def test_last_folders_are_remembered_by_purpose(briefing_home: Path, tmp_path: Path) -> None:
    assert state.last_folder("open") == ""
    state.remember_folder("open", tmp_path / "회의")
    state.remember_folder("export", tmp_path)
    assert (state.last_folder("open"), state.last_folder("export")) == (str(tmp_path / "회의"), str(tmp_path))

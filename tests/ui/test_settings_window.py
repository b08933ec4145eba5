"""The window and the core's settings: problems with the settings file are said once, at the start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing import settings as config
from ui.app import report_settings_problems
from ui.main_window import MainWindow


def test_a_bad_settings_file_is_reported_when_the_window_starts(
    briefing_home: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    path = briefing_home / "settings" / "briefing-studio.toml"
    path.parent.mkdir(parents=True)
    path.write_text('beam_size = 99\nauthor = "홍길동"\n', "utf-8")
    loaded = config.load()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.document.briefing.author == "홍길동"  # the good values are used
    box = report_settings_problems(window, loaded)
    assert box is not None and box.objectName() == "settingsProblems"
    assert box.informativeText() == f"{path}: beam_size = 99 is not allowed (allowed: 1–16); the default, 2, is used"
    assert capsys.readouterr().err == f"warning: {box.informativeText()}\n"
    box.close()


def test_a_clean_or_just_migrated_file_brings_no_message(briefing_home: Path, qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert report_settings_problems(window, config.load()) is None
    old = briefing_home / "settings" / "briefing-studio.ini"
    config.settings_path().unlink(missing_ok=True)
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text("[document]\nauthor=홍길동\n", "utf-8")
    loaded = config.load()
    assert [p.code for p in loaded.problems] == ["settings.file_migrated"]
    assert report_settings_problems(window, loaded) is None

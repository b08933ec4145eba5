"""Starting the window when its data folder cannot be used: one clear message, no traceback, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.app import run_app
from ui.main_window import MainWindow


def test_an_unusable_data_folder_stops_the_start_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], qtbot: QtBot
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFING_HOME", str(blocker / "home"))
    shown: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "dataFolderError")
        assert isinstance(box, QMessageBox)
        shown.append((box.text(), box.informativeText()))
        box.accept()

    QTimer.singleShot(200, read_and_close)
    assert run_app(None, "en") == 2
    ((text, detail),) = shown
    assert text == "Briefing Studio cannot start: its data folder is not usable."
    assert str(blocker / "home") in detail and "set BRIEFING_HOME to a folder you can write to" in detail
    assert "cannot be used (Not a directory)" in capsys.readouterr().err
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]

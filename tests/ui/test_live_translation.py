"""Live translation in the window: a suggestion after a pause in typing, accepted with Alt+Enter, never over a
person's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from briefing.model import Language, TargetStatus
from tests.conftest import EXAMPLE
from tests.ui.conftest import current_item, type_korean
from ui.main_window import MainWindow


@pytest.mark.usefixtures("installed")
def test_typing_brings_a_suggestion_that_alt_enter_accepts(
    qtbot: QtBot, window: MainWindow, english_only: Path
) -> None:
    window.open_file(english_only)
    live = window.live
    live.timer.setInterval(20)
    item = window.document.briefing.items()[0]
    window.select(item.id)
    source, target = window.item_editor.english, window.item_editor.korean
    source.setFocus()
    source.moveCursor(source.textCursor().MoveOperation.End)
    with qtbot.waitSignal(live.suggestion_ready, timeout=30_000):
        type_korean(source, " Added.")
    qtbot.waitUntil(lambda: live.label.isVisible(), timeout=5_000)
    assert current_item(window).text.en.endswith(" Added.")
    suggestion = live.suggestion
    assert suggestion is not None and suggestion.text.endswith(" Added.")  # the copy model gives the source back,
    assert "국방부" in suggestion.text  # with the briefing's termbase applied
    assert target.placeholderText() == suggestion.text and target.toPlainText() == ""
    assert current_item(window).status is TargetStatus.EMPTY  # shown, not stored

    steps = window.document.undo_stack.count()
    QTest.keyClick(source, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert current_item(window).text.ko == suggestion.text
    assert current_item(window).status is TargetStatus.MACHINE
    assert window.document.undo_stack.count() == steps + 1 and not live.label.isVisible()

    # A person's translation: no suggestion over it, and Alt+Enter does nothing.
    target.setFocus()
    type_korean(target, " 수정")
    assert current_item(window).status is not TargetStatus.MACHINE
    source.setFocus()
    type_korean(source, " More.")
    assert not live.request()
    assert not live.accept() and " 수정" in current_item(window).text.ko
    window.document.undo_stack.setClean()


def test_nothing_is_asked_when_live_translation_is_off(window: MainWindow, english_only: Path) -> None:
    window.live.enabled = lambda: False
    window.open_file(english_only)
    window.select(window.document.briefing.items()[0].id)
    source = window.item_editor.english
    type_korean(source, "x")
    assert not window.live.timer.isActive() and not window.live.request()
    assert window.live.requests == 0 and current_item(window).source is Language.EN
    window.document.undo_stack.setClean()


def test_a_pause_after_the_worker_stopped_asks_nothing(window: MainWindow) -> None:
    window.open_file(EXAMPLE)
    item = window.document.briefing.items()[0]
    item.set_text(item.target, "")
    window.select(item.id)
    window.translation.worker.shutdown()  # as when the window closes
    assert not window.live.request() and not window.live.timer.isActive()


def test_live_translation_and_idle_unloading_are_settings(window: MainWindow) -> None:
    from briefing import settings as config
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    assert dialog.live.isChecked() and dialog.idle.value() == 10  # on by default; unloaded after 10 minutes
    assert window.live.enabled()
    dialog.live.setChecked(False)
    dialog.idle.setValue(0)
    dialog.accept()
    assert (config.current().live_translation, config.current().translation_idle_minutes) == ("off", 0)
    assert not window.live.enabled()
    window.settings_changed()  # as the window does after the dialog
    assert window.translation.worker.idle_unload is None  # 0: kept loaded

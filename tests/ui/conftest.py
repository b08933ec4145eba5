"""Fixtures shared by the window tests: a shown main window, Korean typed through the input method."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.model import Item
from ui.main_window import MainWindow


def type_korean(widget: QWidget, text: str) -> None:
    """What an input method does when the user finishes composing Hangul: commit the text."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The composer, shown, with autosave off; closed without questions at the end."""
    config.update(autosave_seconds=0)
    made = MainWindow()
    made.show()
    qtbot.waitExposed(made)
    yield made
    # Not through qtbot.addWidget: its teardown closes the window before this runs, and a modified
    # document would then ask (modally) whether to save.
    made.document.undo_stack.setClean()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox | QWidget) and widget is not made and widget.isVisible():
            widget.close()
    made.close()
    made.deleteLater()


def current_item(window: MainWindow) -> Item:
    item = window.item_editor.item
    assert item is not None
    return item

"""Fixtures shared by the window tests: a shown main window, Korean typed through the input method, the
interface in Korean, and a briefing that waits for English→Korean translation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.model import Item, Language
from briefing.qa.worker import QaWorker
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from ui.app import install_translators
from ui.main_window import MainWindow


def type_korean(widget: QWidget, text: str) -> None:
    """What an input method does when the user finishes composing Hangul: commit the text."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def current_item(window: MainWindow) -> Item:
    item = window.item_editor.item
    assert item is not None
    return item


@pytest.fixture(autouse=True)
def no_name_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """The question for the user's name (asked once when Settings has no author) is declined in every window
    test, so that a comment or an approval is signed with the login name as before; tests of the question
    answer it themselves."""
    monkeypatch.setattr("ui.asking.ask_name", lambda _parent, _suggested: None)


@pytest.fixture(scope="session")
def qa_worker() -> Iterator[QaWorker]:
    """One QA process for the whole session (as the application has one), stopped at its end."""
    worker = QaWorker()
    yield worker
    worker.close()


@pytest.fixture
def window(qtbot: QtBot, qa_worker: QaWorker) -> Iterator[MainWindow]:
    """The composer, shown, with autosave off (tests drive the autosave timer themselves), its QA checked in the
    session's QA process; closed without questions at the end, unless the test closed and deleted it."""
    config.update(autosave_seconds=0)
    made = MainWindow(qa_worker=qa_worker)
    made.show()
    qtbot.waitExposed(made)
    yield made
    # Not through qtbot.addWidget: its teardown closes the window before this runs, and a modified
    # document would then ask (modally) whether to save.
    if not shiboken6.isValid(made):
        return
    made.document.undo_stack.setClean()
    for widget in QApplication.topLevelWidgets():
        if widget is not made and widget.isVisible():
            widget.close()
    made.close()
    made.deleteLater()


@pytest.fixture
def korean_ui(qapp: QApplication) -> Iterator[None]:
    """The interface in Korean for one test: our translation and Qt's own."""
    translators = install_translators(qapp, "ko")
    assert len(translators) == 2
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def english_only(tmp_path: Path) -> Path:
    """The example with every Korean text emptied: its 21 items wait for English→Korean translation."""
    briefing = load(EXAMPLE)
    for item in briefing.items():
        item.set_text(Language.KO, "")
    path = tmp_path / "english.briefing"
    save(briefing, path)
    return path

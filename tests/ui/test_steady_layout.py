"""Layout that stays put (issue 15): the review note and the word diffs appear without moving the editors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing.model import TargetOrigin, TargetStatus
from tests.conftest import EXAMPLE
from ui.main_window import MainWindow

SIZES = [(1366, 768), (1024, 600)]


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1024x600"])
def test_the_review_note_and_the_diffs_never_move_the_editors(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    assert window.open_file(EXAMPLE, ask=False)
    window.resize(*size)
    editor = window.item_editor
    item = window.document.briefing.items()[2]
    assert item.status is TargetStatus.APPROVED and item.flag is None and item.approved_at is None
    window.select(item.id)
    _settle(qtbot)
    panels = (editor.review_strip.review_note, editor.review_strip.reference, editor.review_strip.suggestion_diff)
    assert not any(panel.isVisibleTo(window) for panel in panels)

    def places() -> tuple[QRect, QRect, QRect]:
        return (
            _rect(editor.korean, window),
            _rect(editor.english, window),
            _rect(editor.comment_thread.comments, window),
        )

    before = places()
    # An approval recorded with who and when: the review note appears (the status stays approved).
    window.document.apply(edits.approve(item.id, "김검토"))
    window.select(window.document.briefing.items()[0].id)
    window.select(item.id)
    _settle(qtbot)
    assert editor.review_strip.review_note.isVisibleTo(window)
    assert places() == before
    # The source edited after the approval: the word diff against the approved source appears.
    editor.english.setFocus()
    editor.english.moveCursor(editor.english.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.english, " Again.")
    _settle(qtbot)
    assert editor.review_strip.reference.isVisibleTo(window) and places() == before
    # The translation edited after a machine's: the word diff against the suggestion appears too. (In one step:
    # the badge's own width, "machine-translated" for a moment, is not what this test is about.)
    machine = edits.set_text(item.id, item.target, "기계 번역", TargetOrigin.MACHINE)
    window.document.apply(
        edits.Batch("edit.translations", [machine, edits.set_text(item.id, item.target, "기계 번역 수정")])
    )
    _settle(qtbot)
    assert editor.review_strip.suggestion_diff.isVisibleTo(window) and places() == before
    # And everything goes again: still nothing moves.
    for _ in range(3):  # the translation, the English, the approval
        window.undo_action.trigger()
    _settle(qtbot)
    assert item.approved_at is None
    assert not any(panel.isVisibleTo(window) for panel in panels) and places() == before

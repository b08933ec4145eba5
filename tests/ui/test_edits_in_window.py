"""The window changes a briefing only through the core's edits: fields that would break a rule are marked
and refused, undo restores in place, and each view refreshes only what an edit changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from briefing.model import Language, Role, TargetStatus
from briefing.storage import load
from tests.conftest import EXAMPLE
from tests.ui.conftest import type_korean
from ui.main_window import MainWindow
from ui.tasks import run_now


def test_an_end_date_before_the_start_is_marked_and_refused(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    card = window.card_editor
    meeting = window.document.briefing.meeting
    start = meeting.start_date
    card.end.setText("2024-11-01")
    card.end.editingFinished.emit()
    assert meeting.end_date is None or meeting.end_date >= start  # unchanged
    assert card.end.property("invalid") is True
    assert "before the start date" in card.end.toolTip()
    assert window.statusBar().currentMessage().startswith("Not changed: ")
    assert not window.document.modified
    card.end.setText(start.isoformat())
    card.end.editingFinished.emit()
    assert meeting.end_date == start and not card.end.property("invalid")
    assert window.save()
    assert load(example_copy).meeting.end_date == start  # and it opens again


def test_a_series_code_cannot_grow_past_its_limit(window: MainWindow) -> None:
    window.open_file(EXAMPLE)
    card = window.card_editor
    assert card.code.maxLength() == 40
    card.code.setFocus()
    card.code.selectAll()
    type_korean(card.code, "가" * 60)
    assert len(window.document.briefing.meeting.series.code) == 40


def test_choosing_co_chair_saves_and_reopens(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    card = window.card_editor
    box = card.people.cellWidget(1, 1)
    assert isinstance(box, QComboBox)
    person_id = card.people.item(1, 0).data(Qt.ItemDataRole.UserRole)
    wanted = Role.PARTICIPANT if box.currentData() == Role.CO_CHAIR else Role.CO_CHAIR
    box.setCurrentIndex(box.findData(wanted))
    assert window.save()  # the role is a Role, so saving (and every later save) works
    person = next(p for d in load(example_copy).meeting.delegations for p in d.members if p.id == person_id)
    assert person.role is wanted
    window.document.undo_stack.undo()
    assert window.windowTitle().startswith("scwg-23.briefing[*]") and window.isWindowModified()


def test_typing_refreshes_neither_the_outline_nor_the_comment_list(window: MainWindow, qtbot: QtBot) -> None:
    window.open_file(EXAMPLE)
    commented = next(i for i in window.document.briefing.items() if i.comments)
    window.select(commented.id)
    editor = window.item_editor
    shown = editor.comment_thread.comments.item(0)
    resets: list[int] = []
    window.outline_model.modelReset.connect(lambda: resets.append(1))
    target = editor.korean if commented.source is Language.EN else editor.english
    target.setFocus()
    target.moveCursor(target.textCursor().MoveOperation.End)
    type_korean(target, " 추가")
    assert commented.target_text.endswith(" 추가") and commented.status is TargetStatus.EDITED
    assert editor.comment_thread.comments.item(0) is shown  # not rebuilt: the editor made the change itself
    assert resets == []
    window.document.undo_stack.undo()  # undo is someone else's change: the editor shows it
    assert not target.toPlainText().endswith(" 추가")
    assert window.document.briefing.item(commented.id) is commented  # restored in place


@pytest.mark.usefixtures("installed")
def test_a_whole_briefing_translation_is_one_step_without_resetting_the_outline(
    qtbot: QtBot, english_only: Path
) -> None:
    window = MainWindow(runner=run_now)
    qtbot.addWidget(window)
    window.open_file(english_only)
    resets: list[int] = []
    window.outline_model.modelReset.connect(lambda: resets.append(1))
    stack = window.document.undo_stack
    before = stack.count()
    with qtbot.waitSignal(window.translation_finished, timeout=60_000):
        window.translate_missing()
    assert stack.count() == before + 1
    assert all(i.status is TargetStatus.MACHINE for i in window.document.briefing.items())
    assert resets == []
    index = window.outline_model.index(0, 2, window.outline_model.index(0, 0))
    assert window.outline_model.data(index) == "machine-translated"
    stack.undo()
    assert all(i.status is TargetStatus.EMPTY for i in window.document.briefing.items())
    assert resets == []
    stack.setClean()


def test_flag_for_review_from_the_menu_survives_a_source_edit(window: MainWindow) -> None:
    window.open_file(EXAMPLE)
    item = window.document.briefing.items()[0]
    window.select(item.id)
    window.actions_["flagAction"].trigger()
    assert item.flag is not None
    status = window.outline_model.index_of_item(item.id, window.outline_model.COLUMN_STATUS)
    assert window.outline_model.data(status).endswith("⚑")  # seen in the outline, not only in the counts
    assert "Review requested" in window.item_editor.status_badge.text()
    source = window.item_editor.english if item.source is Language.EN else window.item_editor.korean
    source.setFocus()
    source.moveCursor(source.textCursor().MoveOperation.End)
    type_korean(source, "x")
    source.textCursor().deletePreviousChar()
    assert item.flag is not None  # a reviewer's flag is not a status the source can undo

"""The titles' translation status in the window: the section and card editors' badges, Approve and Needs review
(one undo step each), typing, the outline's status column for sections and the status bar's count."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.model import TargetStatus
from tests.conftest import EXAMPLE
from tests.ui.conftest import type_korean
from ui.main_window import TAB_CARD, TAB_SECTION, MainWindow


def _status_bar(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_a_section_title_is_approved_marked_and_retyped_with_one_undo_each(window: MainWindow, qtbot: QtBot) -> None:
    assert window.open_file(EXAMPLE, ask=False)
    briefing = window.document.briefing
    section = briefing.sections[0]
    window.select(section.id)
    window.centre.setCurrentIndex(TAB_SECTION)
    editor = window.section_editor
    bar = editor.status
    assert section.title_state.status is TargetStatus.EDITED and "edited" in bar.badge.text()
    badge_width = bar.badge.width()
    approve_place = bar.approve_button.geometry()
    bar.approve_button.click()
    assert section.title_state.status is TargetStatus.APPROVED and "approved" in bar.badge.text()
    assert not bar.approve_button.isEnabled() and bar.review_button.isEnabled()
    assert bar.badge.width() == badge_width and bar.approve_button.geometry() == approve_place  # nothing moved
    # The outline shows the section's status where it shows an item's.
    model = window.outline.model()
    assert model.index(0, 2).data() == "approved"
    window.undo_action.trigger()
    assert section.title_state.status is TargetStatus.EDITED and "edited" in bar.badge.text()
    window.redo_action.trigger()
    bar.review_button.click()
    assert section.title_state.status is TargetStatus.NEEDS_REVIEW
    qtbot.waitUntil(lambda: _status_bar(window).endswith("titles to check 1"))
    # Typing the translation (Korean: the example's source is English) makes it edited again.
    editor.ko.setFocus()
    editor.ko.end(False)
    type_korean(editor.ko, "안")
    assert section.title.ko.endswith("안") and section.title_state.status is TargetStatus.EDITED
    assert "edited" in bar.badge.text()
    qtbot.waitUntil(lambda: _status_bar(window).endswith("titles to check 0"))


def test_a_card_text_without_translation_shows_empty_and_cannot_be_approved(window: MainWindow, qtbot: QtBot) -> None:
    assert window.open_file(EXAMPLE, ask=False)
    window.centre.setCurrentIndex(TAB_CARD)
    card = window.card_editor
    place = card.fields["place"]
    place.ko.setFocus()
    place.ko.selectAll()
    qtbot.keyClick(place.ko, Qt.Key.Key_Delete)
    QApplication.processEvents()
    state = window.document.briefing.title_state(("meeting", "place"))
    assert state.status is TargetStatus.EMPTY and "empty" in place.status.badge.text()
    assert not place.status.approve_button.isEnabled() and not place.status.review_button.isEnabled()
    qtbot.waitUntil(lambda: _status_bar(window).endswith("titles to check 1"))
    window.undo_action.trigger()  # the text and its status come back together
    assert state.status is TargetStatus.EDITED and "edited" in place.status.badge.text()
    place.status.approve_button.click()
    assert state.status is TargetStatus.APPROVED and "approved" in place.status.badge.text()


def test_ctrl_return_and_ctrl_shift_r_act_on_the_title_being_edited(window: MainWindow, qtbot: QtBot) -> None:
    assert window.open_file(EXAMPLE, ask=False)
    briefing = window.document.briefing
    section = briefing.sections[0]
    item = section.items[0]
    item_status = item.status
    window.select(section.id)
    window.centre.setCurrentIndex(TAB_SECTION)
    editor = window.section_editor
    window.activateWindow()
    editor.en.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.en)
    qtbot.waitUntil(window.actions_["approveAction"].isEnabled)
    qtbot.keyClick(editor.en, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert section.title_state.status is TargetStatus.APPROVED
    qtbot.keyClick(editor.en, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert section.title_state.status is TargetStatus.NEEDS_REVIEW
    assert item.status is item_status  # the item was not touched
    window.centre.setCurrentIndex(TAB_CARD)
    place = window.card_editor.fields["place"]
    place.ko.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is place.ko)
    before = briefing.title_state(("meeting", "place")).status
    assert before is not TargetStatus.APPROVED
    qtbot.keyClick(place.ko, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert briefing.title_state(("meeting", "place")).status is TargetStatus.APPROVED
    assert section.title_state.status is TargetStatus.NEEDS_REVIEW  # only the focused title
    window.undo_action.trigger()
    assert briefing.title_state(("meeting", "place")).status is before

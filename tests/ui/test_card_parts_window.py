"""The card editor's fold-out group of document parts: each field an edit (one undo step), saved and reopened,
refusals marked, Korean typed through the input method, labels in Korean."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from briefing.storage import load
from tests.ui.conftest import type_korean
from ui.main_window import MainWindow


def test_the_group_is_folded_until_opened(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    parts = window.card_editor.parts
    assert parts.body.isHidden()  # the card's tab need not be the one shown
    parts.toggle.setChecked(True)
    assert not parts.body.isHidden()
    assert parts.start_time.text() == "14:00" and parts.embargo.text() == "2024-11-08 06:00"
    assert parts.contacts.rowCount() == 2 and parts.attachments.rowCount() == 2


def test_each_field_is_one_undo_step_and_saves(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    parts = window.card_editor.parts
    parts.toggle.setChecked(True)
    stack = window.document.undo_stack
    parts.start_time.setText("09:30")
    parts.start_time.editingFinished.emit()
    parts.embargo.setText("")
    parts.embargo.editingFinished.emit()
    office_ko = parts.lines["reportOffice"][0]
    office_ko.setFocus()
    office_ko.selectAll()
    type_korean(office_ko, "국방정책실")
    type_korean(office_ko, " 우주정책과")  # typing merges into one step
    card = window.document.briefing.meeting
    assert card.start_time == time(9, 30) and card.release.embargo is None
    assert card.report.office.ko == "국방정책실 우주정책과"
    assert stack.count() == 3
    parts.contacts.item(1, 4).setText("02-748-0009")
    assert card.contacts[1].phone == "02-748-0009"
    parts.add_attachment()
    assert len(card.attachments) == 3 and stack.count() == 5
    assert window.save()
    saved = load(example_copy).meeting
    assert saved.start_time == time(9, 30) and saved.release.embargo is None
    assert saved.contacts[1].phone == "02-748-0009" and len(saved.attachments) == 3
    for _ in range(5):
        stack.undo()
    assert card.start_time == time(14, 0) and card.release.embargo == datetime(2024, 11, 8, 6, 0)
    assert card.contacts[1].phone == "02-748-0001" and len(card.attachments) == 2
    assert parts.start_time.text() == "14:00" and parts.attachments.rowCount() == 2  # the form follows undo


def test_bad_input_is_marked_and_changes_nothing(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    parts = window.card_editor.parts
    parts.toggle.setChecked(True)
    parts.start_time.setText("2 o'clock")
    parts.start_time.editingFinished.emit()
    assert parts.start_time.property("invalid") is True
    parts.contacts.item(0, 5).setText("not an address")
    assert window.document.briefing.meeting.contacts[0].email == "space-policy@example.mil.kr"
    assert parts.contacts.item(0, 5).text() == "space-policy@example.mil.kr"  # shows what the card holds
    zone = parts.lines["zone"][1]
    zone.setFocus()
    zone.selectAll()
    type_korean(zone, "KST\x1b[2J")
    assert window.document.briefing.meeting.release.zone.en in ("", "KST")
    assert not window.document.modified


def test_a_warning_shows_and_goes(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    parts = window.card_editor.parts
    parts.toggle.setChecked(True)
    assert parts.warnings.isHidden()
    parts.report_date.setText("2024-11-01")
    parts.report_date.editingFinished.emit()
    assert not parts.warnings.isHidden() and "2024-11-01" in parts.warnings.text()
    window.document.undo_stack.undo()
    assert parts.warnings.isHidden()


def test_labels_in_korean(window: MainWindow, korean_ui: None, qtbot: QtBot) -> None:
    window.retranslate()
    parts = window.card_editor.parts
    assert parts.labels["reportDate"].text() == "보고 일자"
    assert parts.add_contact_button.text() == "연락처 추가"
    assert QCoreApplication.translate("Edits", "Add attachment") == "붙임 추가"

"""The first window, driven offscreen as a user would: open, browse, and survive a damaged file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing.model import Briefing, Language
from briefing.storage import load
from tests.conftest import EXAMPLE
from ui.main_window import MainWindow
from ui.outline_model import OutlineModel


def test_outline_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = OutlineModel(load(EXAMPLE))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    empty = OutlineModel(Briefing())
    qtmodeltester.check(empty)  # type: ignore[attr-defined]


def test_outline_shape_and_roles() -> None:
    model = OutlineModel(load(EXAMPLE))
    assert model.rowCount() == 5
    overview = model.index(0, 0)
    assert model.data(overview) == "1. 개요 / Overview"
    assert model.rowCount(overview) == 2
    note = model.index(2, 0, model.index(2, 0))
    assert model.data(note, OutlineModel.ItemIdRole) == "item-ttx-note"
    assert model.data(note.siblingAtColumn(OutlineModel.COLUMN_TYPE)) == "note *"
    assert model.data(note.siblingAtColumn(OutlineModel.COLUMN_STATUS)) == "approved ✉1"  # one open comment thread
    assert model.data(note, OutlineModel.StatusRole) == "approved"
    assert model.data(note).startswith("3.3  After mastering the task procedures")
    assert model.parent(note) == model.index(2, 0)
    assert not model.parent(overview).isValid()


def test_window_opens_the_example(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.briefing_opened) as blocker:
        assert window.open_file(EXAMPLE)
    assert blocker.args == [str(EXAMPLE)]
    assert window.windowTitle() == "scwg-23.briefing[*] — Briefing Studio"
    assert window.outline_model.rowCount() == 5
    card = window.card_editor
    assert card.fields["title"].ko.text() == "제23차 한미 국방우주정책 실무협의회(SCWG) 개최"
    assert card.fields["place"].en.text() == "Washington, D.C."
    assert card.fields["time_zone"].ko.text() == "현지시각"
    assert card.start.text() == "2024-11-07"
    assert card.session.value() == 23
    people = [card.people.item(row, column).text() for row in (0, 2) for column in (2, 3, 6)]  # co-chairs
    assert people == ["박희정", "Park Hee-jeong", "육군 준장", "데이비드 볼랜드", "David Vorland", ""]
    # The first item is selected and shown in both languages.
    assert window.item_editor.korean.toPlainText().startswith("국방부와 미 국방부는 2024년 11월 7일(현지시각)")
    assert window.item_editor.english.toPlainText().startswith("The Korean Ministry of National Defense")
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == "Items 21 · approved 21 · needs review 0 · flagged 0 · open comments 1 · titles to check 0"
        )
    )  # the counts follow edits after a short delay


def test_selecting_an_item_shows_its_texts(window: MainWindow, qtbot: QtBot) -> None:
    window.open_file(EXAMPLE)
    model = window.outline_model
    icbm = model.index(1, 0, model.index(1, 0))
    rect = window.outline.visualRect(icbm)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.item_editor.english.toPlainText().startswith("They jointly condemned North Korea's recent")
    assert window.item_editor.korean.toPlainText().startswith("양측은 최근 북한의 대륙간탄도미사일(ICBM) 발사를")
    assert window.item_editor.type_box.currentText() == "statement"
    assert window.item_editor.kind_box.currentText() == "condemnation"
    assert window.item_editor.source_en.isChecked()
    assert "approved" in window.item_editor.status_badge.text()
    qtbot.keyClick(window.outline, Qt.Key.Key_Down)
    assert window.item_editor.english.toPlainText().startswith("Both leaders expressed shared concerns")


def _comment_texts(window: MainWindow) -> list[str]:
    comments = window.item_editor.comment_thread.comments
    return [comments.item(row).text() for row in range(comments.count())]


def test_comments_are_shown_with_the_item(window: MainWindow, user_time_zone: Callable[[str], None]) -> None:
    user_time_zone("Asia/Seoul")
    window.open_file(EXAMPLE)
    model = window.outline_model
    window.outline.setCurrentIndex(model.index(2, 0, model.index(2, 0)))
    (shown,) = _comment_texts(window)
    assert shown.startswith("Briefing Studio example · 2024-11-08 12:10 KST\n")  # 03:10 UTC on a Seoul clock
    assert "formally participate in TTX in January 2025" in shown
    window.outline.setCurrentIndex(model.index(0, 0, model.index(0, 0)))
    assert _comment_texts(window) == []


def test_a_reviewer_comments_resolves_and_undoes(window: MainWindow, example_copy: Path, qtbot: QtBot) -> None:
    from briefing import settings as config
    from briefing.storage import load
    from tests.ui.conftest import type_korean

    config.update(author="김검토")
    window.open_file(example_copy)
    editor = window.item_editor
    window.outline.setCurrentIndex(window.outline_model.index(0, 0, window.outline_model.index(0, 0)))
    assert not editor.comment_thread.add_comment_button.isEnabled()  # nothing typed yet
    type_korean(editor.comment_thread.comment_field, "‘현지시각’ 표기를 확인해 주십시오.")
    editor.comment_thread.add_comment_button.click()
    (shown,) = _comment_texts(window)
    assert shown.startswith("김검토 · ") and shown.endswith("\n‘현지시각’ 표기를 확인해 주십시오.")
    assert editor.comment_thread.comment_field.text() == ""
    qtbot.waitUntil(
        lambda: "open comments 2 ·" in window.statusBar().currentMessage()
    )  # the counts follow edits after a short delay
    editor.comment_thread.comments.setCurrentRow(0)
    assert editor.comment_thread.resolve_button.text() == "Resolve"
    editor.comment_thread.resolve_button.click()
    assert (
        "(resolved by 김검토 on " in _comment_texts(window)[0]
        and editor.comment_thread.resolve_button.text() == "Reopen"
    )
    qtbot.waitUntil(lambda: "open comments 1 ·" in window.statusBar().currentMessage())
    assert window.save()
    (comment,) = load(example_copy).items()[0].comments
    assert (comment.author, comment.resolved) == ("김검토", True)
    stack = window.document.undo_stack
    assert stack.undoText() == "Resolve comment"
    stack.undo()
    assert "(resolved" not in _comment_texts(window)[0]
    assert stack.undoText() == "Add comment"
    stack.undo()
    assert _comment_texts(window) == [] and window.document.briefing.items()[0].comments == []
    stack.redo()
    assert len(_comment_texts(window)) == 1


def test_review_facts_are_shown_on_the_users_clock(window: MainWindow, user_time_zone: Callable[[str], None]) -> None:
    user_time_zone("Asia/Seoul")
    window.open_file(EXAMPLE)
    editor = window.item_editor
    item = window.document.briefing.items()[10]
    window.select(item.id)
    assert not editor.review_strip.review_note.isVisibleTo(window)  # approved in version 1: nobody recorded
    at = datetime(2024, 11, 8, 3, 10, tzinfo=UTC)
    document = window.document
    document.apply(edits.approve(item.id, "김검토", at))
    document.apply(edits.flag(item.id, "Kim", "Check the date of the TTX.", at + timedelta(hours=1)))
    document.apply(edits.resolve_comment(item.id, item.comments[0].id, True, "이해결", at + timedelta(days=1)))
    assert editor.review_strip.review_note.isVisibleTo(window)
    assert editor.review_strip.review_note.text().splitlines() == [
        "Flagged for review by Kim on 2024-11-08 13:10 KST",
        "Reason: Check the date of the TTX.",
        "Approved by 김검토 on 2024-11-08 12:10 KST",
    ]
    assert _comment_texts(window)[0].startswith(
        "Briefing Studio example · 2024-11-08 12:10 KST (resolved by 이해결 on 2024-11-09 12:10 KST)\n"
    )
    document.apply(edits.clear_flag(item.id))
    document.apply(edits.set_text(item.id, Language.EN, item.source_text + " Changed."))
    assert editor.review_strip.review_note.text() == "Last approved by 김검토 on 2024-11-08 12:10 KST"
    document.apply(edits.flag(item.id, "", "", at))
    assert editor.review_strip.review_note.text().splitlines()[0] == "Flagged for review on 2024-11-08 12:10 KST"
    editor.show_item(None)
    assert not editor.review_strip.review_note.isVisibleTo(window)


def test_a_damaged_file_shows_the_problem_and_keeps_the_open_briefing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.open_file(EXAMPLE)
    damaged = tmp_path / "damaged.briefing"
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["meeting"]["session"] = "twenty-three"
    damaged.write_text(json.dumps(data), "utf-8")
    before = damaged.read_bytes()
    with qtbot.waitSignal(window.open_failed) as blocker:
        assert not window.open_file(damaged)
    assert "$.meeting.session: expected a whole number or null" in blocker.args[0]
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "$.meeting.session" in box.detailedText()
    box.close()
    assert window.document.path == EXAMPLE
    assert window.outline_model.rowCount() == 5
    assert damaged.read_bytes() == before


def test_a_korean_font_is_available() -> None:
    """Without one, Hangul shows as boxes (the set-up installs fonts-noto-cjk)."""
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Korean)


def test_opening_another_file_over_unsaved_changes_leaves_no_error_behind(window: MainWindow, qtbot: QtBot) -> None:
    """The replaced document's undo stack says "clean" once more as it goes; nothing may hear it then."""
    assert window.open_file(EXAMPLE)
    window.document.apply(edits.set_text("item-convened", Language.KO, "바뀐 글"))
    assert window.document.modified
    assert window.open_file(EXAMPLE, ask=False)
    qtbot.wait(50)  # deleteLater runs; an exception in a slot would fail the test here
    assert not window.document.modified

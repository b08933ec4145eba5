"""Seeing what changed and being asked first, in the composer: the word diffs of the item editor (read from the
QTextDocument's formats), the question before approving a changed source and before replacing people's
translations (the real message boxes, answered by clicking their buttons), comment threads (a reply typed in
Korean through the input method, the open/resolved filter, reopen, undo) and the outline's open-comment mark."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing import settings as config
from briefing.memory.model import Match, Unit
from briefing.model import Language, TargetOrigin, TargetStatus
from tests.conftest import EXAMPLE
from tests.ui.conftest import type_korean
from ui.diff_view import DiffView
from ui.main_window import MainWindow
from ui.outline_model import COMMENT_MARK

OPENING = "item-convened"
NOTE = "item-ttx-note"


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    path = tmp_path / "scwg-23.briefing"
    shutil.copyfile(EXAMPLE, path)
    return path


def marks(view: DiffView) -> list[tuple[str, str]]:
    """The text of the strip in runs: ("-", deleted), ("+", inserted) or ("=", kept), read from the formats."""
    runs: list[tuple[str, str]] = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            shown = fragment.charFormat()
            kind = "-" if shown.fontStrikeOut() else "+" if shown.fontUnderline() else "="
            if runs and runs[-1][0] == kind:
                runs[-1] = (kind, runs[-1][1] + fragment.text())
            else:
                runs.append((kind, fragment.text()))
            it += 1
        block = block.next()
    return runs


class Answerer:
    """Clicks a button of the next question box as soon as it is shown (the box runs its own event loop)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []  # (the box's object name, its text)
        self.buttons: list[list[str]] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._click)
        self.answers: list[str] = []

    def will(self, *answers: str) -> Answerer:
        self.answers += answers
        self.timer.start()
        return self

    def _click(self) -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None or not self.answers:
            return
        self.asked.append((box.objectName(), box.text()))
        self.buttons.append(sorted(b.objectName() for b in box.findChildren(QAbstractButton) if b.objectName()))
        button = box.findChild(QAbstractButton, self.answers.pop(0))
        assert button is not None
        button.click()
        if not self.answers:
            self.timer.stop()


@pytest.fixture
def answerer() -> Answerer:
    return Answerer()


# -- the word diffs in the editor ----------------------------------------------------------------


def test_a_changed_english_source_shows_its_word_diff_against_the_approved_one(
    window: MainWindow, example_copy: Path
) -> None:
    window.open_file(example_copy)
    window.select(OPENING)
    editor = window.item_editor
    assert not editor.review_strip.reference.isVisibleTo(window)  # approved and unchanged: nothing to show
    opening = window.document.briefing.item(OPENING)
    changed = opening.text.en.replace("23rd", "24th").replace("November 7", "November 14")
    window.document.apply(edits.set_text(OPENING, Language.EN, changed))
    assert editor.review_strip.reference.isVisibleTo(window) and editor.review_strip.reference_label.isVisibleTo(window)
    runs = marks(editor.review_strip.reference)
    assert [(kind, text) for kind, text in runs if kind != "="] == [
        ("-", "23rd"), ("+", "24th"), ("-", "7"), ("+", "14")
    ]  # fmt: skip
    assert "".join(text for kind, text in runs if kind != "+") == opening.approved_source
    assert "".join(text for kind, text in runs if kind != "-") == changed
    window.document.undo_stack.undo()  # the source as approved again: the strip goes
    assert not editor.review_strip.reference.isVisibleTo(window)


def test_a_korean_source_is_compared_by_eojeol_and_character(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    document = window.document
    document.apply(edits.set_source(OPENING, Language.KO))
    document.apply(edits.approve(OPENING, "김검토"))
    window.select(OPENING)
    korean = document.briefing.item(OPENING).text.ko
    document.apply(
        edits.set_text(OPENING, Language.KO, korean.replace("제23차", "제24차").replace("개최했다", "열었다"))
    )
    runs = [(kind, text) for kind, text in marks(window.item_editor.review_strip.reference) if kind != "="]
    assert runs == [("-", "3"), ("+", "4"), ("-", "개최했다"), ("+", "열었다")]  # a digit, then a whole word


def test_a_person_s_edit_is_shown_against_the_machine_suggestion(window: MainWindow, example_copy: Path) -> None:
    window.open_file(example_copy)
    window.select(NOTE)
    editor = window.item_editor
    note = window.document.briefing.item(NOTE)
    window.document.apply(
        edits.ApplyTranslations(
            [
                edits.Translation(
                    NOTE, Language.KO, "미국은 2025년 1월 참여한다.", TargetOrigin.MACHINE, note.source_text
                )
            ]
        )
    )
    assert not editor.review_strip.suggestion_diff.isVisibleTo(window)  # the machine's text as it came: nothing edited
    editor.korean.setFocus()
    editor.korean.moveCursor(editor.korean.textCursor().MoveOperation.End)
    type_korean(editor.korean, " 예정")
    assert note.status is TargetStatus.EDITED and note.suggestion == "미국은 2025년 1월 참여한다."
    assert editor.review_strip.suggestion_diff.isVisibleTo(window)
    assert marks(editor.review_strip.suggestion_diff) == [("=", "미국은 2025년 1월 참여한다."), ("+", " 예정")]


# -- approving a changed source asks -------------------------------------------------------------


def test_approving_an_unrevised_changed_source_asks_and_cancel_is_the_safe_answer(
    window: MainWindow, example_copy: Path, answerer: Answerer
) -> None:
    config.update(author="김검토")
    window.open_file(example_copy)
    window.select(OPENING)
    opening = window.document.briefing.item(OPENING)
    window.document.apply(edits.set_text(OPENING, Language.EN, opening.text.en.replace("23rd", "24th")))
    answerer.will("cancel")
    window.actions_["approveAction"].trigger()  # Ctrl+Enter
    assert answerer.asked == [
        (
            "askApproval",
            "The source changed since the last approval and the translation was not revised. Approve anyway?",
        )
    ]
    assert answerer.buttons == [["approveAnyway", "cancel"]]
    assert opening.status is TargetStatus.NEEDS_REVIEW
    answerer.will("approveAnyway")
    assert window.item_editor.approve()
    assert opening.status is TargetStatus.APPROVED and opening.approved_by == "김검토"
    assert len(answerer.asked) == 2
    window.document.apply(edits.set_text(OPENING, Language.EN, opening.text.en.replace("24th", "25th")))
    window.document.apply(edits.set_text(OPENING, Language.KO, opening.text.ko.replace("제23차", "제25차")))
    assert window.item_editor.approve()  # revised after the change: approved without a question
    assert len(answerer.asked) == 2


def test_the_question_is_asked_in_korean(
    window: MainWindow, example_copy: Path, answerer: Answerer, korean_ui: None
) -> None:
    window.open_file(example_copy)
    window.select(OPENING)
    opening = window.document.briefing.item(OPENING)
    window.document.apply(edits.set_text(OPENING, Language.EN, opening.text.en + " Again."))
    answerer.will("cancel")
    assert not window.item_editor.approve()
    assert answerer.asked[0][1].startswith("마지막 승인 이후 원문이 바뀌었으나")


# -- overwriting people's translations asks ------------------------------------------------------


@pytest.mark.usefixtures("installed")
def test_retranslating_approved_items_asks_and_skip_keeps_them(
    window: MainWindow, qtbot: QtBot, example_copy: Path, answerer: Answerer
) -> None:
    config.update(beam_size=1)
    window.open_file(example_copy)
    window.translation.find_terms = None
    briefing = window.document.briefing
    first, second, third = (i.id for i in briefing.items()[:3])
    source = briefing.item(second).source_text
    window.document.apply(
        edits.ApplyTranslations([edits.Translation(second, Language.KO, "기계.", TargetOrigin.MACHINE, source)])
    )
    approved_korean = briefing.item(first).text.ko
    answerer.will("cancel")
    assert not window.translation.retranslate(window.document, [first, second, third])
    assert answerer.asked == [
        (
            "askOverwrite",
            "2 of the 3 items have a translation that was approved or edited by a person. Replace those too, or "
            "skip them?",
        )
    ]
    assert answerer.buttons == [["cancel", "replace", "skip"]]
    assert briefing.item(second).text.ko == "기계."
    answerer.will("skip")
    with qtbot.waitSignal(window.translation_finished, timeout=60_000):
        assert window.translation.retranslate(window.document, [first, second, third])
    assert briefing.item(first).text.ko == approved_korean and briefing.item(first).status is TargetStatus.APPROVED
    assert briefing.item(second).status is TargetStatus.MACHINE and briefing.item(second).text.ko != "기계."
    answerer.will("replace")
    with qtbot.waitSignal(window.translation_finished, timeout=60_000):
        assert window.translation.retranslate(window.document, [first, third])
    assert briefing.item(first).status is TargetStatus.MACHINE and briefing.item(first).approved_by is None
    window.document.undo_stack.undo()
    assert briefing.item(first).text.ko == approved_korean and briefing.item(first).status is TargetStatus.APPROVED


def test_a_memory_match_over_an_approved_translation_asks_yes_or_no(
    window: MainWindow, example_copy: Path, answerer: Answerer
) -> None:
    window.open_file(example_copy)
    window.select(OPENING)
    item = window.document.briefing.item(OPENING)
    before = item.text.ko
    match = Match(Unit(Language.EN, item.source_text, "메모리 번역."), 100, "메모리 번역.")
    answerer.will("cancel")
    assert not window.memory.use(match, item)
    assert answerer.asked[0] == (
        "askOverwrite",
        "This replaces a translation that was approved or edited by a person. Replace it?",
    )
    assert answerer.buttons == [["cancel", "replace"]]  # one item: nothing to skip to
    assert item.text.ko == before
    answerer.will("replace")
    assert window.memory.use(match, item)
    assert item.text.ko == "메모리 번역." and item.status is TargetStatus.MEMORY and item.suggestion == "메모리 번역."
    assert window.memory.use(Match(match.unit, 100, "다른 번역."), item)  # memory over memory: nothing asked
    assert len(answerer.asked) == 2


# -- comment threads -----------------------------------------------------------------------------


def _listed(window: MainWindow) -> list[str]:
    comments = window.item_editor.comment_thread.comments
    return [comments.item(row).text() for row in range(comments.count())]


def test_a_reply_typed_in_korean_joins_the_thread_and_the_filter_shows_open_or_resolved(
    window: MainWindow, example_copy: Path, qtbot: QtBot
) -> None:
    config.update(author="김검토")
    window.open_file(example_copy)
    window.select(NOTE)
    editor = window.item_editor
    model = window.outline_model
    status = model.index_of_item(NOTE, model.COLUMN_STATUS)
    assert model.data(status).endswith(f"{COMMENT_MARK}1")  # one open thread, marked in the outline
    assert model.data(status, model.OpenCommentsRole) == 1
    editor.comment_thread.comments.setCurrentRow(0)
    assert not editor.comment_thread.reply_button.isEnabled()  # nothing typed yet
    type_korean(editor.comment_thread.comment_field, "확인했습니다. 1월이 맞습니다.")
    assert editor.comment_thread.reply_button.isEnabled()
    editor.comment_thread.reply_button.click()
    root, reply = _listed(window)
    assert root.startswith("Briefing Studio example · ")
    assert reply.startswith("    ↳ 김검토 · ") and reply.endswith("\n    ↳ 확인했습니다. 1월이 맞습니다.")
    note = window.document.briefing.item(NOTE)
    assert note.comments[1].reply_to == note.comments[0].id
    assert window.document.undo_stack.undoText() == "Reply to comment"
    editor.comment_thread.comments.setCurrentRow(0)
    editor.comment_thread.resolve_button.click()  # the first comment resolved; the reply keeps the thread open
    assert model.data(status).endswith(f"{COMMENT_MARK}1")
    editor.comment_thread.comment_filter.setCurrentIndex(editor.comment_thread.comment_filter.findData("resolved"))
    assert _listed(window) == []
    editor.comment_thread.comment_filter.setCurrentIndex(editor.comment_thread.comment_filter.findData("open"))
    assert len(_listed(window)) == 2
    editor.comment_thread.comments.setCurrentRow(1)
    editor.comment_thread.resolve_button.click()
    assert _listed(window) == []  # the whole thread is resolved now: the open filter hides it
    assert COMMENT_MARK not in model.data(status)
    editor.comment_thread.comment_filter.setCurrentIndex(editor.comment_thread.comment_filter.findData("resolved"))
    assert len(_listed(window)) == 2 and "(resolved by 김검토 on " in _listed(window)[1]
    editor.comment_thread.comments.setCurrentRow(1)
    assert editor.comment_thread.resolve_button.text() == "Reopen"
    editor.comment_thread.resolve_button.click()  # reopened: who resolved it is forgotten
    assert note.comments[1].resolved is False and note.comments[1].resolved_by is None
    assert model.data(status).endswith(f"{COMMENT_MARK}1")
    stack = window.document.undo_stack
    assert stack.undoText() == "Reopen comment"
    for _ in range(4):
        stack.undo()
    assert len(note.comments) == 1 and not note.comments[0].resolved
    assert window.save()

"""Terminology in the window, driven as a drafter would: Korean typed through the input method is marked where
its terms are, hovering says what they are, the Terms panel inserts a target term as one undo step, Add term…
stores a pair in the personal termbase (a real SQLite file) and marks it at once, a damaged personal termbase is
said in the status bar while editing goes on, and the Korean interface words all of it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.model import Language
from briefing.terms.model import Hit
from briefing.terms.stack import personal_path
from briefing.terms.store import Termbase
from tests.conftest import EXAMPLE
from tests.ui.conftest import current_item, type_korean
from ui.main_window import SIDE_TERMS, MainWindow
from ui.terms_panel import SUGGESTION_ROLE

DOT = QTextCharFormat.UnderlineStyle.DotLine
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def _marks(editor: QPlainTextEdit) -> list[tuple[int, int, QTextCharFormat.UnderlineStyle, str]]:
    """The highlighter's marks in the first paragraph: (start, length, underline, underline colour)."""
    layout = editor.document().firstBlock().layout()
    return [(r.start, r.length, r.format.underlineStyle(), r.format.underlineColor().name()) for r in layout.formats()]


def _new_korean_item(window: MainWindow, text: str) -> None:
    assert window.outline_pane.add_item(Language.KO) is not None
    window.item_editor.korean.setFocus()
    type_korean(window.item_editor.korean, text)
    assert current_item(window).text.ko == text


def test_korean_typed_through_the_input_method_is_marked_at_its_terms(window: MainWindow) -> None:
    _new_korean_item(window, "국방부와 미 국방성은 현지시각 오전에 만났다")
    marks = _marks(window.item_editor.korean)
    assert [(start, length, style) for start, length, style, _ in marks] == [(0, 3, DOT), (5, 5, WAVE), (12, 4, DOT)]
    colours = [colour for *_, colour in marks]
    assert colours == ["#2a6fbd", "#d9383a", "#9a9a9a"]  # a term, a forbidden one, an unverified one
    # typing on changes the marks of that paragraph at once
    type_korean(window.item_editor.korean, " 국방부장관")  # the minister: a term of its own
    assert _marks(window.item_editor.korean)[-1][:3] == (25, 5, DOT)


def test_an_astral_character_before_a_term_does_not_shift_its_mark(window: MainWindow) -> None:
    _new_korean_item(window, "𝐀 국방부")  # the first character takes two UTF-16 positions in Qt
    assert [(start, length) for start, length, *_ in _marks(window.item_editor.korean)] == [(3, 3)]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip window, offscreen
def test_hovering_a_term_shows_its_target_note_and_termbase(window: MainWindow, qtbot: QtBot) -> None:
    _new_korean_item(window, "국방부와 미 국방성, 현지시각")
    korean = window.terms.highlighters[0]
    tip = korean.tooltip_at(1)
    assert tip.splitlines()[0] == "국방부 → Ministry of National Defense"
    assert "Acronym: MND" in tip and "Termbase: shipped" in tip and "Note: 'Defense Ministry'" in tip
    assert "unverified" not in tip
    forbidden = korean.tooltip_at(6)
    assert forbidden.splitlines()[:2] == ["“미 국방성” is forbidden", "Use: 미 국방부"]
    assert "unverified: not confirmed from a public source" in korean.tooltip_at(13)
    assert korean.tooltip_at(4) == ""  # between terms
    # the real event: a tooltip request over the first term
    editor = window.item_editor.korean
    cursor = editor.textCursor()
    cursor.setPosition(1)
    point = editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == tip
    QToolTip.hideText()


def test_the_panel_lists_the_items_terms_and_inserts_one_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    assert window.side.tabText(SIDE_TERMS) == "Terms"
    _new_korean_item(window, "국방부는 미 국방부와 협의했다")
    panel = window.terms.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    qtmodeltester.check(panel.model)
    rows = [(r.found, r.insert, r.entry.termbase) for r in panel.model.rows]
    assert rows == [
        ("국방부", "Ministry of National Defense", "shipped"),
        ("미 국방부", "U.S. Department of Defense", "shipped"),
    ]
    english = window.item_editor.english
    english.setFocus()
    qtbot.keyClicks(english, "The  said")
    cursor = english.textCursor()
    cursor.setPosition(4)
    english.setTextCursor(cursor)
    stack = window.document.undo_stack
    before = stack.count()
    view = panel.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(panel.model.index(0, 1)).center())
    assert current_item(window).text.en == "The Ministry of National Defense said"
    assert english.toPlainText() == current_item(window).text.en
    assert english.textCursor().position() == 4 + len("Ministry of National Defense")  # the cursor after it
    assert stack.count() == before + 1 and stack.undoText() == "Insert term"
    # Enter on the second row inserts too, as its own step; typing afterwards is a step of its own again
    view.setFocus()
    view.setCurrentIndex(panel.model.index(1, 0))
    assert view.currentIndex().data(SUGGESTION_ROLE).insert == "U.S. Department of Defense"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClicks(english, "!")
    assert stack.count() == before + 3
    stack.undo()
    stack.undo()
    assert current_item(window).text.en == english.toPlainText() == "The Ministry of National Defense said"
    stack.undo()
    assert current_item(window).text.en == english.toPlainText() == "The  said"


def test_forbidden_terms_in_the_translation_are_listed_with_the_preferred_term(
    window: MainWindow, qtbot: QtBot
) -> None:
    _new_korean_item(window, "국방부는")
    window.item_editor.english.setFocus()
    qtbot.keyClicks(window.item_editor.english, "The Ministry of Defense")
    marks = _marks(window.item_editor.english)
    assert [(start, length, style) for start, length, style, _ in marks] == [(4, 19, WAVE)]
    panel = window.terms.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    forbidden = panel.model.rows[1]
    assert forbidden.forbidden and forbidden.insert == "Ministry of National Defense"
    assert panel.model.index(1, 0).data() == "Ministry of Defense (forbidden)"
    assert panel.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#d9383a"


def test_add_term_from_a_selection_lands_in_the_personal_termbase_and_is_marked(window: MainWindow) -> None:
    _new_korean_item(window, "우주작전대대가 출범했다")
    assert _marks(window.item_editor.korean) == []
    english = window.item_editor.english
    english.setPlainText("The Space Operations Battalion was launched")
    for editor, start, end in ((english, 4, 30), (window.item_editor.korean, 0, 6)):
        cursor = editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    menu = window.terms.editor_context_menu(window.item_editor.korean)
    assert window.actions_["addTerm"] in menu.actions()
    assert window.actions_["addTerm"].shortcut().toString() == "Ctrl+Alt+T"
    dialog = window.terms.add_term()
    assert (dialog.ko.text(), dialog.en.text()) == ("우주작전대대", "Space Operations Battalion")
    dialog.note.setText("공군 부대")
    dialog.accept()
    assert dialog.saved is not None
    with Termbase.open(personal_path(), read_only=True) as personal:
        [entry] = personal.entries()
    assert entry.preferred(Language.KO).text == "우주작전대대"  # type: ignore[union-attr]
    assert entry.preferred(Language.EN).text == "Space Operations Battalion"  # type: ignore[union-attr]
    assert entry.note == "공군 부대"
    assert [(s, n) for s, n, *_ in _marks(window.item_editor.korean)] == [(0, 6)]  # marked at once
    assert [(s, n) for s, n, *_ in _marks(english)] == [(4, 26)]
    assert "Termbase: personal" in window.terms.highlighters[0].tooltip_at(2)
    assert window.terms.panel.model.rowCount() == 1


def test_translation_gets_a_matcher_that_works_on_another_thread(window: MainWindow) -> None:
    """The SQLite termbases may only be read on the window's thread: translation gets an index read here."""
    window.terminology.terminology.add_term("우주작전대대", "Space Operations Battalion")
    assert window.translation.find_terms is not None
    find = window.translation.find_terms()
    found: list[list[Hit]] = []
    worker = threading.Thread(target=lambda: found.append(list(find("우주작전대대가 국방부와", Language.KO))))
    worker.start()
    worker.join()
    assert [hit.term.text for hit in found[0]] == ["우주작전대대", "국방부"]


def test_the_meeting_cards_names_become_terms(window: MainWindow, example_path: Path, qtbot: QtBot) -> None:
    window.open_file(example_path)
    window.select(window.document.briefing.sections[0].items[0].id)
    panel = window.terms.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    by_term = {row.found: row for row in panel.model.rows}  # the first item is written in English
    assert by_term["Korea-U.S. Space Cooperation Working Group"].insert == "한미 국방우주정책 실무협의회"
    assert by_term["Korea-U.S. Space Cooperation Working Group"].entry.termbase == "briefing"
    assert panel.model.index(0, 3).data() == "this briefing's meeting card"
    # a name changed on the card is the briefing's term once typing pauses, and no longer the old one
    place = window.card_editor.fields["place"].en
    place.setFocus()
    place.selectAll()
    qtbot.keyClicks(place, "Washington")
    qtbot.waitUntil(lambda: "briefing" not in {r.entry.termbase for r in panel.model.rows if "Washington" in r.found})
    assert window.terminology.hits("Washington", Language.EN)[0].target(Language.KO).text == "미국 워싱턴 D.C."  # type: ignore[union-attr]


@pytest.fixture
def damaged_personal(qtbot: QtBot) -> Iterator[MainWindow]:
    """A window started with a personal termbase that is not a database."""
    path = personal_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    config.update(autosave_seconds=0)
    made = MainWindow()
    made.show()
    qtbot.waitExposed(made)
    yield made
    if shiboken6.isValid(made):
        made.document.undo_stack.setClean()
        for widget in QApplication.topLevelWidgets():
            if widget is not made and widget.isVisible():
                widget.close()
        made.close()


def test_a_damaged_personal_termbase_is_said_once_and_the_window_works_on(damaged_personal: MainWindow) -> None:
    window = damaged_personal
    message = window.statusBar().currentMessage()
    assert message.startswith("Termbase left out: termbase ") and "personal.sqlite is damaged" in message
    assert window.terms.panel.problems.isVisibleTo(window.terms.panel)
    _new_korean_item(window, "국방부는")  # the shipped termbase still marks
    assert [(s, n) for s, n, *_ in _marks(window.item_editor.korean)] == [(0, 3)]
    window.document.undo_stack.undo()
    assert current_item(window).text.ko == ""
    dialog = window.terms.add_term()
    dialog.ko.setText("가나")
    dialog.en.setText("Gana")
    dialog.accept()
    assert dialog.isVisible() and dialog.saved is None
    assert "is damaged" in dialog.error.text()
    assert personal_path().read_bytes().startswith(b"SQLite format 3\x00\xff")  # untouched
    dialog.reject()


def test_the_korean_interface_words_the_terms(window: MainWindow, korean_ui: None) -> None:
    window.retranslate()
    assert window.side.tabText(SIDE_TERMS) == "용어"
    assert window.actions_["addTerm"].text() == "용어 추가(&A)…"
    assert window.actions_.menus["tools"].title() == "도구(&O)"
    assert window.terms.panel.hint.text() == "용어를 보려면 항목을 고르십시오."
    _new_korean_item(window, "미 국방성")
    tip = window.terms.highlighters[0].tooltip_at(1)
    assert tip.splitlines()[:2] == ["“미 국방성”은(는) 금지된 용어입니다", "사용: 미 국방부"]
    assert "용어집: 기본 제공" in tip
    dialog = window.terms.add_term()
    assert dialog.windowTitle() == "용어 추가"
    dialog.reject()
    window.terms.open_termbase_manager()
    assert window.terms.termbase_manager.windowTitle() == "용어 관리"
    assert window.terms.termbase_manager.add_button.text() == "추가…"
    window.terms.termbase_manager.reject()
    # The card's names say what they are in Korean, not in the core's English words.
    assert window.open_file(EXAMPLE, ask=False)
    window.select("item-convened")
    window.terms.panel.show_item(window.item_editor.item)
    model = window.terms.panel.model
    rows = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert rows["U.S. Department of Defense"] == "기관" and rows["Washington, D.C."] == "장소"
    window.switch_language("en")


@pytest.mark.usefixtures("installed")
def test_machine_translation_writes_the_target_terms(window: MainWindow, qtbot: QtBot, english_only: Path) -> None:
    """The tiny copy model copies its input, so whatever Korean comes out came from the termbases (here the
    meeting card's names), carried through the model as placeholders."""
    config.update(beam_size=1)
    window.open_file(english_only)
    first = window.document.briefing.sections[0].items[0]
    window.select(first.id)
    with qtbot.waitSignal(window.translation_finished, timeout=60_000):
        window.translate_current()
    assert first.text.en.startswith("The Korean Ministry of National Defense and the U.S. Department of Defense")
    assert first.text.ko.startswith(
        "The Korean 국방부 and the 미 국방부 convened the 23rd 한미 국방우주정책 실무협의회"
    )

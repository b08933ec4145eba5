"""Drafting on an office laptop, in Korean, from the keyboard (issue 15): the composer at 1366×768 and 1024×600,
a window that fits the screen and remembers itself, nothing moving under the mouse, and the keyboard path."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.model import ItemType, Language, TargetStatus
from briefing.storage import load
from tests.conftest import EXAMPLE
from tests.ui.conftest import current_item, type_korean
from ui import state as window_state
from ui.actions import ACTIONS
from ui.main_window import TAB_CARD, TAB_ITEM, TAB_SECTION, MainWindow

SIZES = [(1366, 768), (1024, 600)]
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit)


def settle(qtbot: QtBot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def controls(page: QWidget, window: QWidget) -> list[QWidget]:
    """The page's controls a person could use now: visible (their whole chain of parents too)."""
    found: list[QWidget] = []
    for kind in CONTROLS:
        found += [c for c in page.findChildren(kind) if c.isVisibleTo(window) and c.isVisible()]
    # A combo's own line edit is the combo; a table's cell widget is reached by scrolling its table, itself checked.
    return [c for c in found if not isinstance(c.parent(), QComboBox) and not _in_item_view(c, page)]


def _in_item_view(control: QWidget, page: QWidget) -> bool:
    parent = control.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def out_of_reach(page: QWidget, window: MainWindow) -> list[str]:
    """The controls of an editor page that cannot be seen, even after its scroll area is scrolled to them."""
    scroll = page.parent().parent() if isinstance(page.parent().parent(), QScrollArea) else None
    missing = []
    for control in controls(page, window):
        if scroll is not None:
            scroll.ensureWidgetVisible(control, 0, 0)
            QApplication.processEvents()
        inside = window.rect().contains(rect_in(control, window))
        seen = not control.visibleRegion().isEmpty()
        if not (inside and seen):
            missing.append(control.objectName() or type(control).__name__)
    return missing


@pytest.fixture
def on_laptop(window: MainWindow, qtbot: QtBot) -> Iterator[MainWindow]:
    assert window.open_file(EXAMPLE, ask=False)
    yield window


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1024x600"])
def test_every_control_of_the_composer_is_visible_and_reachable(
    on_laptop: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = on_laptop
    window.resize(*size)
    window.actions_["togglePreview"].setChecked(True)
    window.toggle_preview()
    settle(qtbot)
    assert window.size().width() == size[0] and window.size().height() == size[1]
    for bar in (window.menuBar(), window.toolbar, window.statusBar()):
        assert bar.isVisible() and window.rect().contains(rect_in(bar, window))
    # The toolbar's buttons all fit (no overflow arrow hiding Translate all missing or the find field).
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        if button is not None and not action.isSeparator():
            assert button.isVisible(), action.text()
    # The item editor, each item type in turn: every control on screen without scrolling, none cut at the side.
    briefing = window.document.briefing
    items = {item.type: item for item in briefing.items()}
    item_scroll = window.centre.widget(TAB_ITEM)
    assert isinstance(item_scroll, QScrollArea)
    for item in items.values():
        window.select(item.id)
        settle(qtbot)
        assert out_of_reach(window.item_editor, window) == [], (size, item.type)
        assert item_scroll.horizontalScrollBar().maximum() == 0, (size, item.type)
        assert item_scroll.verticalScrollBar().maximum() == 0, (size, item.type)
    # The schedule's date is shown whole (the issue: "025-09-18" at 1440, "-18" at 1366).
    window.select(items[ItemType.SCHEDULE].id)
    settle(qtbot)
    when = window.item_editor.when_edit
    assert when.width() >= when.fontMetrics().horizontalAdvance("2025-09-18") + 8
    # The section and the meeting card: reachable, the card by scrolling.
    for tab in (TAB_SECTION, TAB_CARD):
        window.centre.setCurrentIndex(tab)
        settle(qtbot)
        page = window.centre.widget(tab)
        assert isinstance(page, QScrollArea) and page.widget() is not None
        assert out_of_reach(page.widget(), window) == [], (size, tab)
    # The outline shows the items' text, not "2…": the text column is at least a few words wide.
    column = window.outline.columnWidth(0)
    assert column >= window.outline.fontMetrics().horizontalAdvance("2.1  During the")
    # The preview can be hidden (F9), the editors get its room, and F9 brings it back.
    centre_width = window.centre.width()
    qtbot.keyClick(window.outline, Qt.Key.Key_F9)
    settle(qtbot)
    assert not window.side.isVisible() and window.centre.width() > centre_width
    qtbot.keyClick(window.outline, Qt.Key.Key_F9)
    settle(qtbot)
    assert window.side.isVisible()
    window.grab().save(str(Path(os.environ["BRIEFING_HOME"]) / f"laptop-{size[0]}.png"))


def test_the_window_fits_the_screen_and_remembers_its_size_position_and_panes(window: MainWindow, qtbot: QtBot) -> None:
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    size = (available.width() - 40, available.height() - 100)
    window.resize(*size)
    window.move(available.topLeft())
    window.splitter.setSizes([130, 500, 100])  # the default would give the outline about 26 %
    window.actions_["togglePreview"].setChecked(False)
    window.toggle_preview()
    assert not window.side.isVisible()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size
    assert not again.side.isVisible() and not again.actions_["togglePreview"].isChecked()
    assert 110 <= again.splitter.sizes()[0] <= 170, again.splitter.sizes()  # 130, give or take the hidden side
    # A geometry saved on a bigger screen is brought back onto this one.
    again.resize(available.width() + 600, available.height() + 400)
    again.move(available.right() - 50, available.bottom() - 50)
    again.keep_on_screen()
    frame = again.frameGeometry()
    assert available.contains(frame.topLeft())
    assert again.width() <= available.width() and again.height() <= available.height()
    again.document.undo_stack.setClean()


def test_nothing_moves_under_the_mouse(on_laptop: MainWindow, qtbot: QtBot) -> None:
    """Choosing items of other types (a statement kind, a note mark, a date, an owner appear) moves neither the
    editors nor the Approve button; the toolbar keeps its buttons where they are while Undo learns what it undoes."""
    window = on_laptop
    window.resize(1366, 768)
    settle(qtbot)
    editor = window.item_editor
    places = set()
    for item in window.document.briefing.items():
        window.select(item.id)
        settle(qtbot)
        places.add((rect_in(editor.korean, window).top(), rect_in(editor.approve_button, window).topLeft().toTuple()))
    assert len(places) == 1, places
    undo_button = window.toolbar.widgetForAction(window.undo_action)
    assert isinstance(undo_button, QToolButton)
    before = [window.toolbar.widgetForAction(a).geometry() for a in window.toolbar.actions() if not a.isSeparator()]
    type_korean(editor.korean, " 추가")
    settle(qtbot)
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"
    assert window.undo_action.toolTip().startswith("Undo: ")
    after = [window.toolbar.widgetForAction(a).geometry() for a in window.toolbar.actions() if not a.isSeparator()]
    assert before == after


def test_tab_moves_between_fields_and_undo_is_the_documents(on_laptop: MainWindow, qtbot: QtBot) -> None:
    window = on_laptop
    editor = window.item_editor
    item = current_item(window)
    assert item.status is TargetStatus.APPROVED and item.target is Language.KO
    korean, english = editor.korean, editor.english
    korean.setFocus()
    before = item.text.ko
    qtbot.keyClick(korean, Qt.Key.Key_Tab)
    assert english.hasFocus() and item.text.ko == before and "\t" not in korean.toPlainText()
    qtbot.keyClick(english, Qt.Key.Key_Backtab)
    assert korean.hasFocus()
    # Typing, then Ctrl+Z in the editor: the document's undo — the text and the status come back, Redo is there.
    cursor = korean.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    korean.setTextCursor(cursor)
    type_korean(korean, " 수정")
    assert item.text.ko == before + " 수정" and item.status is TargetStatus.EDITED
    qtbot.keyClick(korean, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item.text.ko == before and item.status is TargetStatus.APPROVED
    assert korean.toPlainText() == before  # the editor shows the text after undo
    assert window.redo_action.isEnabled() and not korean.isUndoRedoEnabled()
    qtbot.keyClick(korean, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert item.text.ko == before + " 수정" and korean.toPlainText() == item.text.ko
    # The same in a one-line field (the section title).
    section = window.document.briefing.sections[0]
    window.select(section.id)
    title = window.section_editor.ko
    title.setFocus()
    old_title = section.title.ko
    type_korean(title, "가")
    assert section.title.ko == old_title + "가"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section.title.ko == old_title and title.text() == old_title
    # Esc: back to the outline.
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert window.outline.hasFocus()


def test_every_drafting_action_has_a_menu_entry_and_a_shortcut(window: MainWindow) -> None:
    drafting = {
        "new", "open", "save", "addItem", "addSection", "delete", "moveUp", "moveDown", "approveAction",
        "flagAction", "translateItem", "translateMissing", "togglePreview", "focusOutline", "focusEditor",
        "editCard", "findAction", "nextAttention", "reviewMode",
    }  # fmt: skip
    specs = {spec.key: spec for spec in ACTIONS}
    menus = {action for menu in window.actions_.menus.values() for action in menu.actions()}
    for key in drafting:
        action = window.actions_[key]
        assert specs[key].menu is not None and action in menus, key
        assert not action.shortcut().isEmpty(), key
    shortcuts = [window.actions_[key].shortcut().toString() for key in drafting]
    assert len(shortcuts) == len(set(shortcuts))  # no two share a key
    for action in (window.undo_action, window.redo_action):
        assert action in menus and not action.shortcut().isEmpty()


def test_deleting_a_section_with_items_asks_first_and_the_section_tab_follows(
    on_laptop: MainWindow, qtbot: QtBot
) -> None:
    window = on_laptop
    briefing = window.document.briefing
    doomed, following = briefing.sections[1], briefing.sections[2]
    asked: list[tuple[str, int, int]] = []
    answer = False
    window.outline_pane.ask_delete = lambda _parent, title, count, approved: (
        asked.append((title, count, approved)) or answer
    )
    window.select(doomed.id)
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_Delete)
    assert asked == [(doomed.title.en, 6, 6)] and doomed in briefing.sections  # declined: nothing happened
    answer = True
    qtbot.keyClick(window.outline, Qt.Key.Key_Delete)
    assert doomed not in briefing.sections
    assert window.selected_section_id() == following.id and window.section_editor.section_id == following.id
    assert window.section_editor.ko.text() == following.title.ko
    window.document.undo_stack.undo()
    assert doomed in briefing.sections
    # An empty section goes without a question; with no section left the Section tab cannot be typed into.
    window.new_document(Language.KO)
    window.select(window.document.briefing.sections[0].id)
    asked.clear()
    window.delete_selected()
    assert asked == [] and window.document.briefing.sections == []
    assert not window.section_editor.ko.isEnabled()


def test_an_action_items_owner_and_due_date_are_editable_and_an_invalid_date_is_said(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.new_document(Language.KO)
    window.add_item()
    editor = window.item_editor
    editor.type_box.setCurrentIndex(editor.type_box.findData(ItemType.ACTION))
    item = current_item(window)
    assert item.type is ItemType.ACTION and editor.details.currentIndex() == 4
    editor.owner_ko.setText("국방부")
    editor.owner_en.setText("Ministry of National Defense")
    editor.due_edit.setText("2025-13")
    with qtbot.waitSignal(editor.message) as said:
        editor.due_edit.editingFinished.emit()
    assert said.args[0].startswith("Not changed: ") and "13" in said.args[0]
    assert window.statusBar().currentMessage() == said.args[0]
    assert editor.due_edit.property("invalid") is True and item.due is None
    editor.due_edit.setText("2025-06")
    editor.due_edit.editingFinished.emit()
    assert item.owner is not None and item.owner.en == "Ministry of National Defense" and str(item.due) == "2025-06"
    assert editor.due_edit.property("invalid") is False
    window.document.undo_stack.undo()
    assert item.due is None
    assert editor.due_edit.text() == ""


def test_korean_typed_into_the_target_of_an_item_without_source_becomes_its_source(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.new_document(Language.EN)  # an English briefing: new items have English sources
    window.add_item()
    item = current_item(window)
    assert item.source is Language.EN
    with qtbot.waitSignal(window.item_editor.message) as said:
        type_korean(window.item_editor.korean, "양측은 합의했다.")
    assert item.source is Language.KO and item.text.ko == "양측은 합의했다." and item.status is TargetStatus.EMPTY
    assert "Korean is now its source" in said.args[0]
    window.document.undo_stack.undo()  # one step: the source language and the text
    assert item.source is Language.EN and item.text.ko == ""
    # Translate with no source says what to do.
    window.translate_current()
    assert window.statusBar().currentMessage().startswith("Nothing to translate: type the English source first")


def test_file_new_asks_the_drafting_language(window: MainWindow) -> None:
    config.update(default_source_language="ko")
    asked: list[str] = []
    window.ask_origin = lambda _parent, default: asked.append(default) or "en"
    window.actions_["new"].trigger()
    assert asked == ["ko"] and window.document.briefing.origin_language is Language.EN
    window.ask_origin = lambda _parent, _default: None  # cancelled: the briefing stays
    briefing = window.document.briefing
    window.actions_["new"].trigger()
    assert window.document.briefing is briefing
    window.ask_origin = lambda _parent, _default: "ko"
    window.actions_["new"].trigger()
    window.add_item()
    assert window.document.briefing.origin_language is Language.KO and current_item(window).source is Language.KO


def test_the_comment_author_is_asked_once_and_kept_in_the_settings(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    config.update(author="")
    asked: list[str] = []
    window.item_editor.ask_name = lambda _parent, suggested: asked.append(suggested) or "김지현"
    window.new_document(Language.KO)
    window.add_item()
    editor = window.item_editor
    for text in ("첫 의견", "둘째 의견"):
        editor.comment_thread.comment_field.setText(text)
        assert editor.comment_thread.add_comment()
    assert len(asked) == 1 and config.current().author == "김지현"
    assert [c.author for c in current_item(window).comments] == ["김지현", "김지현"]


def test_saved_files_follow_the_umask_and_recent_files_are_listed_once(
    on_laptop: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = on_laptop
    old = os.umask(0o022)
    try:
        target = tmp_path / "shared.briefing"
        assert window.save_to(target)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    monkeypatch.chdir(tmp_path)
    window_state.remember_file(Path("shared.briefing"))
    window_state.remember_file(target)
    assert window_state.recent_files().count(str(target.resolve())) == 1
    assert [a.text() for a in window.recent_menu.actions()].count(str(target)) <= 1


@pytest.mark.usefixtures("installed")
def test_a_korean_drafters_task_from_the_keyboard(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """New briefing (Korean), the card's title, two sections, eight items of the eight types typed in Korean
    through the input method, translated, one translation fixed and approved, saved — keys only."""
    config.update(beam_size=1)
    window.resize(1024, 600)
    window.translation.find_terms = None  # the copy model copies; terms: test_terms_window.py
    window.ask_origin = lambda _parent, _default: "ko"
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier

    def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(focused, k, modifiers)

    window.outline.setFocus()
    key(Qt.Key.Key_N, ctrl)  # File → New, Korean
    briefing = window.document.briefing
    assert briefing.origin_language is Language.KO
    key(Qt.Key.Key_M, ctrl | shift)  # the meeting card's title
    assert QApplication.focusWidget() is window.card_editor.fields["title"].ko
    type_korean(QApplication.focusWidget(), "제24차 한미 국방우주정책 실무협의회")
    assert briefing.title.ko == "제24차 한미 국방우주정책 실무협의회"
    key(Qt.Key.Key_Escape)
    assert window.outline.hasFocus()
    types = list(ItemType)
    for number, kind in enumerate(types):
        if number % 4 == 0:  # a section for every four items
            key(Qt.Key.Key_Insert, ctrl | shift)
            assert QApplication.focusWidget() is window.section_editor.ko
            type_korean(window.section_editor.ko, f"논의 {number // 4 + 1}")
            key(Qt.Key.Key_Escape)
        key(Qt.Key.Key_I, ctrl | shift)  # a new item: the Korean editor in focus
        assert QApplication.focusWidget() is window.item_editor.korean
        type_korean(window.item_editor.korean, f"항목 {number + 1}: 양측은 협력을 확대하기로 합의했다.")
        # Back to the type box with Shift+Tab, and the type chosen with the arrow keys.
        for _ in range(8):
            if window.item_editor.type_box.hasFocus():
                break
            key(Qt.Key.Key_Backtab)
        box = window.item_editor.type_box
        assert box.hasFocus()
        while box.currentData() != kind:
            key(Qt.Key.Key_Down if box.currentIndex() < box.findData(kind) else Qt.Key.Key_Up)
        key(Qt.Key.Key_Escape)
    items = briefing.items()
    assert [item.type for item in items] == types and len(briefing.sections) == 3  # the first, empty, and two
    assert all(item.source is Language.KO and "\t" not in item.text.ko for item in items)
    assert [s.title.ko for s in briefing.sections[1:]] == ["논의 1", "논의 2"]
    with qtbot.waitSignal(window.translation_finished, timeout=60_000):
        key(Qt.Key.Key_T, ctrl | shift)  # Translate all missing
    assert all(item.status is TargetStatus.MACHINE for item in items)
    # The titles too (the copy model copies): the card's title and the new sections' titles; the first section's
    # English was there already.
    assert briefing.title.en == briefing.title.ko
    assert [s.title.en for s in briefing.sections[1:]] == ["논의 1", "논의 2"]
    assert "titles filled in: 3" in window.statusBar().currentMessage()
    # Fix the fourth item's English and approve it.
    window.select(items[3].id)
    window.activateWindow()  # as the window manager does when the progress dialog has gone
    qtbot.waitUntil(window.isActiveWindow)
    key(Qt.Key.Key_F6)  # the source editor, then Tab to the English
    assert window.item_editor.korean.hasFocus()
    key(Qt.Key.Key_Tab)
    english = window.item_editor.english
    assert english.hasFocus()
    english.selectAll()
    qtbot.keyClicks(english, "Item 4: The two sides agreed to expand cooperation.")
    assert items[3].text.en == "Item 4: The two sides agreed to expand cooperation."
    key(Qt.Key.Key_Return, ctrl)  # Approve
    assert items[3].status is TargetStatus.APPROVED
    target = tmp_path / "drafted.briefing"
    window.files.save_as = lambda: window.save_to(target)  # the file dialog's answer
    key(Qt.Key.Key_S, ctrl)
    saved = load(target)
    assert [item.text.ko for item in saved.items()] == [item.text.ko for item in items]
    assert saved.items()[3].status is TargetStatus.APPROVED and saved.origin_language is Language.KO


def test_the_preview_follows_the_selected_item(on_laptop: MainWindow, qtbot: QtBot) -> None:
    window = on_laptop
    window.resize(1366, 768)
    window.actions_["togglePreview"].setChecked(True)
    window.toggle_preview()
    with qtbot.waitSignal(window.preview_updated, timeout=20_000):
        window.preview_pane.refresh()
    bar = window.preview.verticalScrollBar()
    last = window.document.briefing.items()[-1]
    window.select(last.id)
    far = bar.value()
    assert far > 0
    window.select(window.document.briefing.sections[0].id)
    assert bar.value() < far
    # Typing re-renders the preview without moving it.
    window.select(last.id)
    position = bar.value()
    with qtbot.waitSignal(window.preview_updated, timeout=20_000):
        type_korean(window.item_editor.korean, " 추가")
    assert bar.value() == position


@pytest.mark.usefixtures("korean_ui")
def test_the_korean_interface_names_languages_files_and_times_in_korean(
    window: MainWindow, qtbot: QtBot, user_time_zone: Callable[[str], None]
) -> None:
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QFileDialog, QLabel

    from briefing.recovery import RecoveryEntry
    from ui.labels import language_name
    from ui.recovery_dialog import describe

    assert language_name("ko", "Korean") == "한국어" and language_name("ja", "Japanese") == "Japanese"
    dialog = QFileDialog(window, "", "", "Briefings (*.briefing)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "파일 형식(&T):" in labels and not any(label.startswith("Files of") for label in labels)
    headers = [
        window.card_editor.people.horizontalHeaderItem(c).text() for c in range(window.card_editor.people.columnCount())
    ]
    assert "직함 (한)" in headers
    user_time_zone("Asia/Seoul")
    entry = RecoveryEntry("key", Path("recovery"), Path("meeting.briefing"), datetime(2024, 11, 7, 14, 3, tzinfo=UTC))
    assert describe(entry) == "meeting.briefing — 2024-11-07 23:03 KST에 저장됨"  # Seoul time, not UTC

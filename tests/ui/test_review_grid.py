"""The review grid in the window: the model under the model tester, filters that combine and survive edits,
in-place editing (Korean through the input method) with undo, Ctrl+Enter approve-and-next, flag with a reason,
F8 / Shift+F8 in both modes, Esc back from the editor, bulk approval after a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing.model import Language, TargetStatus
from briefing.review import COLUMNS, Column
from briefing.storage import load
from tests.conftest import EXAMPLE
from tests.ui.conftest import type_korean
from ui.main_window import MainWindow
from ui.review_grid import ReviewGrid
from ui.review_model import ReviewModel

KOREAN, ENGLISH = COLUMNS.index(Column.KOREAN), COLUMNS.index(Column.ENGLISH)


def open_grid(window: MainWindow, qtbot: QtBot) -> ReviewGrid:
    """The example (21 items, all approved; one open comment on item-ttx-note, a QA warning on item-topics) in
    the review grid, once the QA run that opening starts has come back."""
    assert window.open_file(EXAMPLE)
    qtbot.waitUntil(lambda: not window.qa.busy and "item-topics" in window.qa.by_item, timeout=10000)
    window.review_mode.show_grid()
    grid = window.review
    assert grid.isVisible() and grid.model.rowCount() == 21
    return grid


def unapprove(window: MainWindow, *item_ids: str) -> None:
    """Edit the Korean translation of each item (as a drafter would): edited, no longer approved."""
    for item_id in item_ids:
        item = window.document.briefing.item(item_id)
        window.document.apply(edits.set_text(item_id, Language.KO, item.text.ko + " 수정"))


def test_the_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = ReviewModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_briefing(load(EXAMPLE))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(COLUMNS.index(Column.STATUS), Qt.SortOrder.DescendingOrder)
    from briefing.review import ReviewFilter

    model.set_filter(ReviewFilter(text="space"))
    assert 0 < model.rowCount() < 21
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.headerData(ENGLISH, Qt.Orientation.Horizontal) == "English"
    assert model.flags(model.index(0, ENGLISH)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_filters_combine_and_a_bad_regex_is_said_not_raised(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    unapprove(window, "item-convened", "item-jco", "item-ttx")
    grid.status_box.setCurrentIndex(grid.status_box.findText("Not approved"))
    assert grid.model.ids == ["item-convened", "item-jco", "item-ttx"]
    grid.section_box.setCurrentIndex(3)  # the third section
    assert grid.model.ids == ["item-jco", "item-ttx"]
    grid.type_box.setCurrentIndex(grid.type_box.findText("decision"))
    assert grid.model.ids == ["item-ttx"]
    qtbot.waitUntil(lambda: grid.progress_label.text().startswith("1 of 21 items shown · 0 of 1 approved"))
    grid.clear_filter()
    assert grid.model.rowCount() == 21
    # text in one language, then a regular expression, with the comments filter
    grid.search.setText("우주")
    grid.language_box.setCurrentIndex(grid.language_box.findText("English"))
    grid.apply_filter()
    assert grid.model.rowCount() == 0
    grid.language_box.setCurrentIndex(grid.language_box.findText("Korean"))
    assert 0 < grid.model.rowCount() < 21
    grid.regex_box.setChecked(True)
    grid.search.setText(r"TTX|연습")
    grid.comments_box.setCurrentIndex(grid.comments_box.findText("Open comments"))
    grid.apply_filter()
    assert grid.model.ids == ["item-ttx-note"]
    shown = grid.model.ids
    grid.search.setText("(unclosed")
    assert not grid.apply_filter()
    assert grid.problem.isVisible()
    assert grid.problem.text().startswith("the regular expression is not valid")
    assert grid.model.ids == shown  # the rows stay as they were
    grid.search.setText("TTX")
    assert grid.apply_filter() and not grid.problem.isVisible()
    # the QA filter reads the window's findings
    grid.clear_filter()
    grid.qa_box.setCurrentIndex(grid.qa_box.findText("QA warnings or errors"))
    assert grid.model.ids == ["item-topics"]
    assert grid.model.index(0, COLUMNS.index(Column.QA)).data() == "Warning · 2"  # the worst, and how many in all


def test_sorting_by_a_column(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    unapprove(window, "item-closing")
    grid.view.sortByColumn(COLUMNS.index(Column.STATUS), Qt.SortOrder.AscendingOrder)
    assert grid.model.ids[0] == "item-closing"  # "edited" before "approved"
    grid.view.sortByColumn(COLUMNS.index(Column.COMMENTS), Qt.SortOrder.DescendingOrder)
    assert grid.model.ids[0] == "item-ttx-note"
    grid.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert grid.model.ids == [item.id for item in window.document.briefing.items()]


def test_in_place_edit_in_korean_through_the_input_method_then_undo(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    item = window.document.briefing.item("item-jco")
    before = item.text.ko
    grid.select("item-jco")
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(grid.model.row_of("item-jco"), KOREAN))
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)  # edit in place
    editor = grid.delegate.editor
    assert editor is not None and editor.toPlainText() == before
    type_korean(editor, " 추가 문장")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not the end
    type_korean(editor, "둘째 줄")
    assert grid.delegate.editor is editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # keep it
    qtbot.waitUntil(lambda: grid.delegate.editor is None)
    assert item.text.ko == before + " 추가 문장\n둘째 줄"
    assert item.status is TargetStatus.EDITED  # the target changed: no longer approved
    assert window.document.undo_stack.undoText() == "Edit text"
    assert grid.current_item_id() == "item-jco"
    window.document.undo_stack.undo()
    assert item.text.ko == before and item.status is TargetStatus.APPROVED
    assert grid.model.index(grid.model.row_of("item-jco"), KOREAN).data() == before
    # Esc drops an in-place edit
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)
    editor = grid.delegate.editor
    assert editor is not None
    type_korean(editor, "버릴 글")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: grid.delegate.editor is None)
    assert item.text.ko == before


def test_an_edited_row_leaves_the_filter_and_the_current_row_stays_in_place(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    unapprove(window, "item-convened", "item-jco", "item-ttx")
    grid.status_box.setCurrentIndex(grid.status_box.findText("Not approved"))
    grid.select("item-jco")
    window.document.apply(edits.approve("item-jco", "검토자"))  # approved elsewhere (the composer, say)
    assert grid.model.ids == ["item-convened", "item-ttx"]
    assert grid.current_item_id() == "item-ttx"  # the row that took its place
    window.document.undo_stack.undo()
    assert grid.model.ids == ["item-convened", "item-jco", "item-ttx"]
    assert grid.current_item_id() == "item-ttx"  # the selection is kept


def test_ctrl_enter_approves_and_goes_to_the_next_item_needing_attention(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    unapprove(window, "item-co-chairs", "item-training")
    grid.select("item-co-chairs")
    window.activateWindow()
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    item = window.document.briefing.item("item-co-chairs")
    assert item.status is TargetStatus.APPROVED and item.approved_by
    assert window.document.undo_stack.undoText() == "Approve"
    assert grid.current_item_id() == "item-topics"  # its QA warning
    qtbot.keyClick(grid.view, Qt.Key.Key_F8)
    assert grid.current_item_id() == "item-ttx-note"  # its open comment
    qtbot.keyClick(grid.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # nothing to approve: on
    assert grid.current_item_id() == "item-training"
    qtbot.keyClick(grid.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert grid.current_item_id() == "item-ttx-note"
    # Ctrl+Enter in an open in-place editor keeps the text, then approves
    grid.select("item-training")
    grid.view.setCurrentIndex(grid.model.index(grid.model.row_of("item-training"), KOREAN))
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)
    editor = grid.delegate.editor
    assert editor is not None
    type_korean(editor, " 확인")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    training = window.document.briefing.item("item-training")
    assert training.text.ko.endswith(" 확인") and training.status is TargetStatus.APPROVED
    assert grid.current_item_id() == "item-topics"  # round to the first item needing attention


def test_approving_a_changed_source_with_an_unrevised_translation_asks_first(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    item = window.document.briefing.item("item-co-chairs")
    window.document.apply(edits.set_text("item-co-chairs", Language.EN, item.text.en + " Changed."))  # the source
    asked: list[str] = []
    grid.ask_approval = lambda parent, question: asked.append(question.code) or False  # type: ignore[method-assign]
    grid.select("item-co-chairs")
    assert not grid.approve_and_next()
    assert asked and item.status is TargetStatus.NEEDS_REVIEW
    grid.ask_approval = lambda parent, question: True  # type: ignore[method-assign]
    assert grid.approve_and_next() and item.status is TargetStatus.APPROVED


def test_flag_with_a_reason(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    grid.select("item-icbm")
    window.activateWindow()
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = grid.flag_dialog
    assert dialog.isVisible() and "2.2" in dialog.findChildren(type(grid.progress_label))[0].text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is needed
    type_korean(dialog.reason, "‘ICBM’ 표기 확인")
    assert ok.isEnabled()
    ok.click()
    flag = window.document.briefing.item("item-icbm").flag
    assert flag is not None and flag.reason == "‘ICBM’ 표기 확인"
    assert "⚑" in grid.model.index(grid.model.row_of("item-icbm"), COLUMNS.index(Column.STATUS)).data()
    qtbot.waitUntil(lambda: "1 flagged" in grid.progress_label.text())
    window.document.undo_stack.undo()
    assert window.document.briefing.item("item-icbm").flag is None


def test_bulk_approve_of_the_shown_rows_after_a_confirmation(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    unapprove(window, "item-convened", "item-jco", "item-ttx", "item-closing")
    grid.status_box.setCurrentIndex(grid.status_box.findText("Not approved"))
    grid.section_box.setCurrentIndex(3)
    assert grid.model.ids == ["item-jco", "item-ttx"]
    steps = window.document.undo_stack.count()
    box = grid.bulk_approve()
    assert box is not None and box.isVisible()
    assert "Approve 2 shown items" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.document.undo_stack.count() == steps
    box = grid.bulk_approve()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    briefing = window.document.briefing
    assert [briefing.item(i).status for i in ("item-jco", "item-ttx")] == [TargetStatus.APPROVED] * 2
    assert briefing.item("item-convened").status is TargetStatus.EDITED  # not shown: left alone
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Approve shown items"
    assert grid.model.ids == []  # approved rows left the "not approved" filter
    window.document.undo_stack.undo()
    assert grid.model.ids == ["item-jco", "item-ttx"]
    grid.clear_filter()
    qtbot.waitUntil(
        lambda: grid.progress_label.text() == "17 of 21 approved, 0 flagged, 1 comment open · 6 need attention"
    )


def test_f8_in_the_composer_and_esc_back_to_the_grid(window: MainWindow, qtbot: QtBot) -> None:
    grid = open_grid(window, qtbot)
    grid.select("item-icbm")
    window.activateWindow()
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)  # open in the composer
    assert not window.review_mode.reviewing and window.selected_item_id() == "item-icbm"
    focused = QApplication.focusWidget()
    assert focused is window.item_editor.korean  # the translation
    qtbot.keyClick(focused, Qt.Key.Key_F8)
    assert window.selected_item_id() == "item-ttx-note"
    qtbot.keyClick(window.item_editor.korean, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected_item_id() == "item-topics"
    window.item_editor.korean.setFocus()
    qtbot.keyClick(window.item_editor.korean, Qt.Key.Key_Escape)
    assert window.review_mode.reviewing
    assert grid.current_item_id() == "item-topics"  # the grid follows what the composer had current
    qtbot.keyClick(grid.view, Qt.Key.Key_F7)
    assert not window.review_mode.reviewing


def test_the_grid_in_korean(window: MainWindow, qtbot: QtBot, korean_ui: None) -> None:
    window.retranslate()  # the fixture installed the Korean translation (and takes it away afterwards)
    grid = open_grid(window, qtbot)
    assert window.review_mode.modes.tabText(1) == "검토"
    assert grid.model.headerData(ENGLISH, Qt.Orientation.Horizontal) == "영어"
    qtbot.waitUntil(lambda: grid.progress_label.text().startswith("21개 중 21개 승인, 검토 요청 0개, 미해결 의견 1건"))
    assert grid.approve_button.text() == "표시된 항목 승인…"


def test_a_changed_source_shows_its_word_diff_against_the_approved_one_in_the_tooltip(
    window: MainWindow, qtbot: QtBot
) -> None:
    grid = open_grid(window, qtbot)
    item = window.document.briefing.item("item-co-chairs")
    source_column = COLUMNS.index(Column.ENGLISH if item.source is Language.EN else Column.KOREAN)
    index = grid.model.index(grid.model.row_of("item-co-chairs"), source_column)
    assert "Changed since" not in str(grid.model.data(index, Qt.ItemDataRole.ToolTipRole))
    changed = item.source_text.replace("co-chaired", "chaired <b>", 1)
    window.document.apply(edits.set_text("item-co-chairs", item.source, changed))
    index = grid.model.index(grid.model.row_of("item-co-chairs"), source_column)
    tip = str(grid.model.data(index, Qt.ItemDataRole.ToolTipRole))
    assert "Changed since it was approved" in tip
    assert ">co-</s>" in tip and "&lt;b&gt;" in tip  # the deletion struck through; the text escaped

"""QA in the window, driven as a reviewer would: a briefing with a planted mistake opens and its findings come
in from the background; the panel filters them, Enter goes to the item with the span selected, the outline
shows the item's badge, the editor underlines the span; typing the right number in Korean clears it at once,
a run that an edit overtook is dropped, and a waiver with a reason goes through the undo stack."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing import settings as config
from briefing.memory.stack import Memories
from briefing.model import Language
from briefing.qa import Finding, Severity
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from tests.ui.conftest import type_korean
from ui.main_window import SIDE_QA, MainWindow
from ui.outline_model import OutlineModel
from ui.qa_commands import open_memories
from ui.qa_panel import FINDING_ROLE, MESSAGE, WAIVER_ROLE

PLANTED = "item-convened"  # English source "the 23rd … meeting"; its Korean made to say 제24차
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    briefing = load(EXAMPLE)
    item = briefing.item(PLANTED)
    item.set_text(Language.KO, item.text.ko.replace("제23차", "제24차"))
    path = tmp_path / "planted.briefing"
    save(briefing, path)
    return path


@pytest.fixture
def opened(window: MainWindow, qtbot: QtBot, planted: Path) -> Iterator[MainWindow]:
    """The planted briefing open, its first run of the checks taken in."""
    with qtbot.waitSignal(window.qa.run_finished, timeout=20_000):
        assert window.open_file(planted)
    window.side.setCurrentIndex(SIDE_QA)
    yield window


def _the_error(window: MainWindow) -> Finding:
    errors = [f for f in window.qa.findings if f.severity is Severity.ERROR]
    assert [(f.item_id, f.code) for f in errors] == [(PLANTED, "qa.numbers_differs")]
    return errors[0]


def test_findings_of_a_planted_mistake_appear_after_opening(opened: MainWindow, qtmodeltester: object) -> None:
    error = _the_error(opened)
    panel = opened.qa.panel
    rows = [panel.model.index(row, MESSAGE).data(FINDING_ROLE) for row in range(panel.model.rowCount())]
    assert error in rows and len(rows) == len(opened.qa.findings) >= 2  # the example's own notes as well
    row = rows.index(error)
    shown = [panel.model.index(row, column).data() for column in range(4)]
    assert shown == ["1.1", "Error", "Numbers and dates", error.english()]
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    assert panel.detail.text() == error.english()  # in full under the list
    assert panel.count.text().startswith(f"{len(rows)} of {len(rows)} findings shown · errors 1 · ")
    assert opened.side.tabText(SIDE_QA) == "QA"
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_filters_by_severity_and_by_check_combine(opened: MainWindow, qtmodeltester: object) -> None:
    panel = opened.qa.panel
    every = len(opened.qa.findings)
    panel.set_filter({Severity.ERROR})
    assert [f.code for f in panel.model.rows] == ["qa.numbers_differs"]
    assert panel.count.text().startswith(f"1 of {every} findings shown")
    panel.set_filter(set(Severity), "status")
    assert panel.model.rows and {f.check for f in panel.model.rows} == {"status"}
    panel.set_filter({Severity.ERROR}, "status")  # both at once: no status finding is an error
    assert panel.model.rows == []
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    panel.set_filter({Severity.INFO}, "status")
    assert panel.model.rows and {(f.check, f.severity) for f in panel.model.rows} == {("status", Severity.INFO)}
    panel.severity_buttons[Severity.INFO].click()  # the buttons do the same: errors only
    panel.severity_buttons[Severity.ERROR].click()
    assert panel.model.rows == []  # … of the status check
    panel.check_box.setCurrentIndex(0)  # all checks
    assert [f.code for f in panel.model.rows] == ["qa.numbers_differs"]
    panel.severity_buttons[Severity.WARNING].click()
    wanted = [f for f in opened.qa.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert panel.model.rows == wanted and len(wanted) >= 2


def test_enter_on_a_finding_selects_its_span_in_both_editors(opened: MainWindow) -> None:
    error = _the_error(opened)
    opened.select("item-topics")  # somewhere else first
    panel = opened.qa.panel
    view = panel.view
    view.setCurrentIndex(panel.model.index(panel.model.rows.index(error), MESSAGE))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened.selected_item_id() == PLANTED
    korean, english = opened.item_editor.korean, opened.item_editor.english
    assert korean.textCursor().selectedText() == "제24차"
    assert english.textCursor().selectedText() == "23rd"
    # the first span (the source's, English) has the focus
    assert QApplication.focusWidget() is english or not opened.isActiveWindow()


def test_the_outline_shows_an_items_worst_finding(opened: MainWindow) -> None:
    model = opened.outline_model
    index = model.index_of_item(PLANTED)
    assert index.data(OutlineModel.QaRole) == "error"  # the error wins over the status warning
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("• the source says") and "제24차" in tip
    clean = [item.id for item in opened.document.briefing.items() if item.id not in opened.qa.by_item]
    assert clean and model.index_of_item(clean[0]).data(OutlineModel.QaRole) is None
    assert model.index_of_item(clean[0]).data(Qt.ItemDataRole.DecorationRole) is None


def test_the_editor_underlines_the_span_with_its_message(opened: MainWindow) -> None:
    error = _the_error(opened)
    opened.select(PLANTED)
    korean = opened.item_editor.korean
    start = korean.toPlainText().index("제24차")
    selections = korean.extraSelections()
    marks = [(s.cursor.selectionStart(), s.cursor.selectionEnd(), QTextCharFormat(s.format)) for s in selections]
    at_span = [fmt for a, b, fmt in marks if (a, b) == (start, start + 4)]
    assert at_span and at_span[-1].underlineStyle() == WAVE
    assert at_span[-1].underlineColor().name() == "#d9383a"  # red: an error, drawn over anything milder
    lines = opened.qa.marks[Language.KO].tooltip_at(start + 1).splitlines()
    assert lines == [error.english(), 'the text says "제24차"; the meeting card says session 23']  # worst first
    assert opened.qa.marks[Language.KO].tooltip_at(0) == ""


def test_typing_the_right_number_in_korean_clears_the_error_at_the_pause_and_after_the_run(
    opened: MainWindow, qtbot: QtBot
) -> None:
    opened.select(PLANTED)
    korean = opened.item_editor.korean
    start = korean.toPlainText().index("제24차")
    cursor = korean.textCursor()
    cursor.setPosition(start + 1)
    cursor.setPosition(start + 3, QTextCursor.MoveMode.KeepAnchor)  # "24"
    korean.setTextCursor(cursor)
    korean.setFocus()
    type_korean(korean, "23")  # what an input method commits
    assert opened.document.briefing.item(PLANTED).text.ko[start : start + 4] == "제23차"
    # the item checks run again at once or at a short pause in the typing: no error, no red mark left
    qtbot.waitUntil(
        lambda: all(f.severity is not Severity.ERROR for f in opened.qa.by_item.get(PLANTED, [])), timeout=2_000
    )
    selections = korean.extraSelections()
    assert all(QTextCharFormat(s.format).underlineColor().name() != "#d9383a" for s in selections)
    assert opened.outline_model.index_of_item(PLANTED).data(OutlineModel.QaRole) != "error"
    # and the whole run after the pause agrees
    with qtbot.waitSignal(opened.qa.run_finished, timeout=20_000):
        pass
    assert [f for f in opened.qa.findings if f.severity is Severity.ERROR] == []
    qtbot.waitUntil(lambda: "errors 0" in opened.qa.panel.count.text(), timeout=5_000)  # the panel in view follows


@pytest.mark.parametrize("where", ["process", "thread"])
def test_a_run_overtaken_by_an_edit_is_dropped(
    opened: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    qa = opened.qa
    started, gate = threading.Event(), threading.Event()
    if where == "thread":
        qa.worker = None  # the checks in the task's thread (the window without a QA process)

        def held() -> Memories:
            started.set()
            gate.wait(10)
            return open_memories()

        qa.open_memories = held
    else:
        assert qa.worker is not None
        check = qa.worker.check

        def held_check(*args: Any) -> list[Finding] | None:
            started.set()
            gate.wait(10)
            return check(*args)

        monkeypatch.setattr(qa.worker, "check", held_check)
    qa.rerun()  # checks the briefing as it is: with the error
    assert started.wait(10)
    item = opened.document.briefing.item(PLANTED)
    opened.document.apply(edits.set_text(PLANTED, Language.KO, item.text.ko.replace("제24차", "제23차")))
    qa.rerun()  # busy: the next run waits for this one
    with qtbot.waitSignal(qa.run_dropped, timeout=10_000):
        gate.set()
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        pass
    assert [f for f in qa.findings if f.severity is Severity.ERROR] == []


def test_the_panel_in_korean(window: MainWindow, qtbot: QtBot, planted: Path, korean_ui: None) -> None:
    with qtbot.waitSignal(window.qa.run_finished, timeout=20_000):
        assert window.open_file(planted)
    panel = window.qa.panel
    assert panel.model.rows == []  # out of view: not filled …
    window.side.setCurrentIndex(SIDE_QA)
    assert panel.model.rows  # … until shown
    assert window.side.tabText(SIDE_QA) == "검토 결과"
    assert panel.count.text().startswith(f"검토 결과 {len(window.qa.findings)}건 중")
    row = [f.code for f in panel.model.rows].index("qa.numbers_differs")
    assert [panel.model.index(row, column).data() for column in (1, 2)] == ["오류", "숫자·날짜"]
    assert "제24차" in panel.model.index(row, MESSAGE).data() and "the source" not in panel.model.index(row, 3).data()


def test_waive_with_a_reason_then_undo_redo_and_remove_the_waiver(
    opened: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    config.update(author="김검토")
    qa, panel = opened.qa, opened.qa.panel
    error = _the_error(opened)
    panel.view.setCurrentIndex(panel.model.index(panel.model.rows.index(error), MESSAGE))
    assert panel.waive_button.isEnabled() and not panel.unwaive_button.isEnabled()
    panel.waive_button.click()
    dialog = qa.waive_dialog
    assert dialog is not None and dialog.isVisible() and dialog.finding.text() == error.english()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no waiver
    dialog.reason.setText("제24차 is right: the card is out of date")
    ok.click()
    stack = opened.document.undo_stack
    assert stack.undoText() == "Waive finding"
    (waiver,) = opened.document.briefing.item(PLANTED).waivers
    assert (waiver.by, waiver.code, waiver.reason) == ("김검토", error.code, "제24차 is right: the card is out of date")

    def waived() -> bool:
        return error not in qa.findings and [f for f, _ in qa.waived] == [error]

    assert waived()  # rechecked at once
    assert opened.outline_model.index_of_item(PLANTED).data(OutlineModel.QaRole) != "error"
    qtbot.waitUntil(lambda: "waived 1" in panel.count.text(), timeout=5_000)
    assert error not in panel.model.rows  # apart: shown only on request …
    panel.show_waived.click()
    row = panel.model.rows.index(error)
    assert panel.model.index(row, MESSAGE).data(WAIVER_ROLE) == waiver
    shown = panel.model.index(row, MESSAGE).data()
    assert "— waived by 김검토 on " in shown and shown.endswith(": 제24차 is right: the card is out of date")
    assert panel.model.index(row, MESSAGE).data(Qt.ItemDataRole.ForegroundRole).name() == "#8a8a8a"

    stack.undo()
    assert not waived() and error in qa.findings and opened.document.briefing.item(PLANTED).waivers == []
    assert opened.outline_model.index_of_item(PLANTED).data(OutlineModel.QaRole) == "error"
    stack.redo()
    assert waived()

    # the waiver is kept in the file
    assert opened.save_to(tmp_path / "waived.briefing")
    assert [w.reason for w in load(tmp_path / "waived.briefing").item(PLANTED).waivers] == [waiver.reason]

    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(panel.model.rows.index(error), MESSAGE))
    assert panel.unwaive_button.isEnabled() and not panel.waive_button.isEnabled()
    panel.unwaive_button.click()
    assert stack.undoText() == "Withdraw waiver" and not waived()
    stack.undo()
    assert waived()

"""Comparing versions from the window: another file or the .bak, read in the background; the report's summary,
items and word diffs in the dialog; the DOCX with tracked changes; a damaged file reported."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing.model import Bilingual, Item, Language
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from tests.ui.test_review_files import marked
from ui.compare_dialog import CompareDialog
from ui.diff_marks import is_deleted, is_inserted
from ui.main_window import MainWindow

ADDED = "The two sides will meet again in Seoul in 2025."
ADDED_KO = "양측은 2025년 서울에서 다시 만난다."


def edited_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The example (old) and a copy of it (new) with one item added and one English text changed."""
    old = tmp_path / "old.briefing"
    shutil.copy(EXAMPLE, old)
    briefing = load(old)
    briefing.add_item(briefing.sections[0].id, Item(text=Bilingual(en=ADDED, ko=ADDED_KO)))
    jco = briefing.item("item-jco")
    jco.set_text(Language.EN, jco.text.en.replace("agreed on", "formally agreed on"))
    new = tmp_path / "new.briefing"
    save(briefing, new)
    return old, new


def compared(window: MainWindow, qtbot: QtBot, other: Path) -> CompareDialog:
    with qtbot.waitSignal(window.comparison.compared, timeout=10_000) as blocker:
        window.comparison.compare_with(other)
    dialog = blocker.args[0]
    assert isinstance(dialog, CompareDialog) and dialog.isVisible()
    return dialog


def test_the_dialog_lists_an_added_and_a_changed_item_with_word_diffs(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    old, new = edited_copy(tmp_path)
    assert window.open_file(new, ask=False)
    dialog = compared(window, qtbot, old)
    assert dialog.summary.text() == "Items: 1 added, 0 removed, 0 moved, 1 changed (of 21 → 22)"
    document = dialog.view.document()
    text = document.toPlainText()
    number = f"1.{len(window.document.briefing.sections[0].items)}"
    assert f"{number} added in " in text and "3.1 changed" in text
    # The added item's texts are insertions through and through; of the changed item, one word.
    assert marked(document, is_inserted) == ADDED_KO + ADDED + "formally "
    assert marked(document, is_deleted) == ""
    dialog.filter.setCurrentIndex(dialog.filter.findData("added"))
    filtered = dialog.view.document().toPlainText()
    assert f"{number} added in " in filtered and "3.1 changed" not in filtered


def test_the_docx_has_tracked_changes_and_never_replaces_a_compared_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    old, new = edited_copy(tmp_path)
    assert window.open_file(new, ask=False)
    dialog = compared(window, qtbot, old)
    out = tmp_path / "comparison.docx"
    with qtbot.waitSignal(dialog.docx_written, timeout=10_000):
        dialog.save_docx(out)
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode()
    assert "<w:ins " in body and "formally " in body
    before = old.read_bytes()
    with qtbot.waitSignal(dialog.docx_failed, timeout=5_000) as failed:
        dialog.save_docx(old)
    assert getattr(failed.args[0], "code", "") == "compare.output_is_input"
    assert old.read_bytes() == before
    for box in [w for w in QApplication.topLevelWidgets() if w.objectName() == "failureDialog"]:
        box.close()


def test_a_removed_text_is_struck_through_and_written_as_a_deletion(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    old, new = edited_copy(tmp_path)
    assert window.open_file(old, ask=False)  # the other way round: the copy is the old version
    dialog = compared(window, qtbot, new)
    assert dialog.summary.text() == "Items: 0 added, 1 removed, 0 moved, 1 changed (of 22 → 21)"
    assert marked(dialog.view.document(), is_deleted) == ADDED_KO + ADDED + "formally "
    out = tmp_path / "back.docx"
    with qtbot.waitSignal(dialog.docx_written, timeout=10_000):
        dialog.save_docx(out)
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode()
    assert "<w:del " in body and "<w:delText" in body


def test_compare_with_backup_is_enabled_once_there_is_a_backup(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "scwg.briefing"
    shutil.copy(EXAMPLE, path)
    assert window.open_file(path, ask=False)
    action = window.actions_["compareBackup"]
    assert not action.isEnabled()
    jco = window.document.briefing.item("item-jco")
    window.document.apply(edits.set_text("item-jco", Language.KO, jco.text.ko.replace("합의했다", "최종 합의했다")))
    assert window.save_to(path)
    assert action.isEnabled()
    with qtbot.waitSignal(window.comparison.compared, timeout=10_000) as blocker:
        action.trigger()
    dialog = blocker.args[0]
    assert dialog.summary.text() == "Items: 0 added, 0 removed, 0 moved, 1 changed (of 21 → 21)"
    assert marked(dialog.view.document(), is_inserted) == "최종 "


def test_a_damaged_file_is_reported(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.briefing"
    damaged.write_bytes(EXAMPLE.read_bytes()[:500])
    with qtbot.waitSignal(window.comparison.failed, timeout=10_000):
        window.comparison.compare_with(damaged)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "failureDialog" and w.isVisible()]
    assert len(boxes) == 1 and boxes[0].windowTitle() == "Comparison failed"
    assert window.comparison.dialog is None
    boxes[0].close()


def test_the_report_speaks_korean(window: MainWindow, qtbot: QtBot, tmp_path: Path, korean_ui: None) -> None:
    old, new = edited_copy(tmp_path)
    assert window.open_file(new, ask=False)
    dialog = compared(window, qtbot, old)
    assert dialog.summary.text() == "항목: 추가 1, 삭제 0, 이동 0, 변경 1 (21개 → 22개)"
    text = dialog.view.document().toPlainText()
    assert "3.1 변경됨" in text and "에 추가됨" in text
    assert window.actions_["compareWith"].text() == "다른 버전과 비교(&C)…"

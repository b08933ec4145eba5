"""Review files from the window: export, a reviewed XLIFF read in the background, the dialog that shows its word
diffs, Apply as one undo step, Cancel, and damaged or foreign files reported with the briefing unchanged."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.exchange import xliff
from briefing.fileformat import dumps
from briefing.model import Briefing, TargetStatus
from tests.conftest import EXAMPLE
from ui.diff_marks import is_deleted, is_inserted, shown
from ui.exchange_commands import REVIEW_DOCX, XLIFF
from ui.main_window import MainWindow
from ui.review_import_dialog import ReviewImportDialog

NS = {"x": xliff.XLIFF}
BEFORE = "양측은 한국의 미 우주군 민군합동작전 셀(JCO) 참여에 합의했다."
AFTER = "양측은 한국의 우주군 민군합동작전 셀(JCO) 참여에 최종 합의했다."
NOTE = "‘최종’을 넣었습니다 \u009b31m\u202e"  # a C1 control (CSI) and a bidi override: shown, never obeyed


def marked(document: QTextDocument, test: Callable[[QTextCharFormat], bool]) -> str:
    """The characters of the document whose format passes `test`, in order."""
    cursor = QTextCursor(document)
    out = []
    for position in range(1, document.characterCount()):
        cursor.setPosition(position)
        if test(cursor.charFormat()):
            out.append(document.characterAt(position - 1))
    return "".join(out)


def opened(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "scwg-23.briefing"
    shutil.copy(EXAMPLE, path)
    assert window.open_file(path, ask=False)
    return path


def exported(window: MainWindow, qtbot: QtBot, out: Path, kind: str = XLIFF) -> Path:
    with qtbot.waitSignal(window.review_files.exported, timeout=10_000) as blocker:
        window.review_files.export(out, kind)
    assert blocker.args == [str(out), 21]
    return out


def reviewed(path: Path) -> Path:
    """The exported file as a reviewer returns it: one target edited, one approval taken back, a note added."""
    root = etree.fromstring(path.read_bytes())
    units = {unit.get("id"): unit for unit in root.iterfind(".//x:unit", NS)}
    target = units["item-jco"].find("x:segment/x:target", NS)
    assert target is not None and target.text == BEFORE
    target.text = AFTER
    units["item-ttx"].find("x:segment", NS).set("state", "translated")
    notes = units["item-ttx-note"].find("x:notes", NS)
    assert notes is not None
    etree.SubElement(notes, f"{{{xliff.XLIFF}}}note", category="comment").text = NOTE
    out = path.with_name("reviewed.xlf")
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return out


def read(window: MainWindow, qtbot: QtBot, path: Path) -> ReviewImportDialog:
    with qtbot.waitSignal(window.review_files.review_read, timeout=10_000) as blocker:
        window.review_files.import_review(path)
    dialog = blocker.args[0]
    assert isinstance(dialog, ReviewImportDialog) and dialog.isVisible()
    return dialog


def state(briefing: Briefing) -> str:
    """The briefing's content (not the time it was last touched, which an undo does not turn back)."""
    return re.sub(r'"modified": "[^"]*"', "", dumps(briefing))


def test_a_reviewed_xliff_is_shown_as_word_diffs_and_applied_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    config.update(author="김지현")
    opened(window, tmp_path)
    path = reviewed(exported(window, qtbot, tmp_path / "out.xlf"))
    before, steps = state(window.document.briefing), window.document.undo_stack.count()
    dialog = read(window, qtbot, path)
    assert state(window.document.briefing) == before  # reading changes nothing
    assert dialog.summary.text() == "reviewed.xlf changes 3 items of this briefing."
    document = dialog.view.document()
    shown_text = document.toPlainText()
    assert all(number in shown_text for number in ("3.1", "3.2", "3.3"))
    assert "The two sides agreed on Korea" in shown_text  # the source, for context
    assert marked(document, is_deleted) == "미 "
    assert marked(document, is_inserted) == " 최종"  # the space before it, as the word diff pairs it
    assert "New comment by (no author): ‘최종’을 넣었습니다 \ufffd31m⬚" in shown_text
    assert "\u009b" not in shown_text and "\u202e" not in shown_text
    assert "Status: needs review (the reviewer set the state to 'translated' in the review file)" in shown_text

    with qtbot.waitSignal(window.review_files.imported, timeout=5_000) as blocker:
        dialog.apply_button.click()
    assert blocker.args == [3]
    briefing = window.document.briefing
    item = briefing.item("item-jco")
    assert item.text.ko == AFTER and item.status is TargetStatus.EDITED
    flag = briefing.item("item-ttx").flag
    assert flag is not None and flag.by == "김지현"  # the reviewer from Settings
    assert briefing.item("item-ttx-note").comments[-1].text == NOTE
    stack = window.document.undo_stack
    assert stack.count() == steps + 1 and stack.undoText() == "Import review"
    stack.undo()
    assert state(window.document.briefing) == before
    stack.redo()
    assert window.document.briefing.item("item-jco").text.ko == AFTER


def test_cancel_changes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    opened(window, tmp_path)
    path = reviewed(exported(window, qtbot, tmp_path / "out.xlf"))
    before, steps = state(window.document.briefing), window.document.undo_stack.count()
    dialog = read(window, qtbot, path)
    with qtbot.assertNotEmitted(window.review_files.imported):
        dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert state(window.document.briefing) == before and window.document.undo_stack.count() == steps
    assert not window.document.modified


def test_an_unchanged_review_docx_proposes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    opened(window, tmp_path)
    dialog = read(window, qtbot, exported(window, qtbot, tmp_path / "review.docx", REVIEW_DOCX))
    assert dialog.summary.text() == "review.docx changes nothing in this briefing."
    assert not dialog.apply_button.isEnabled()
    assert dialog.view.document().toPlainText() == "The file proposes no changes."


def test_an_edit_while_the_file_is_read_reads_it_again(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """The diff is of a snapshot: an edit made meanwhile must not be overwritten by a stale diff."""
    from briefing import edits
    from briefing.model import Language

    opened(window, tmp_path)
    path = reviewed(exported(window, qtbot, tmp_path / "out.xlf"))
    with qtbot.waitSignal(window.review_files.review_read, timeout=10_000) as blocker:
        window.review_files.import_review(path)
        window.document.apply(edits.set_text("item-jco", Language.KO, "기안자가 고친 번역."))
    dialog = blocker.args[0]
    # Read again against the edited briefing: the target changed on both sides, so it is reported, not applied.
    assert "3.1" not in dialog.view.document().toPlainText().split("Not applied")[0]
    assert "changed both in the file and in the briefing" in dialog.view.document().toPlainText()


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f">&b;</file></xliff>
"""


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("broken", "not well-formed XML"),
        ("laughs", "DOCTYPE"),
        ("foreign", "exported from another briefing"),
    ],
)
def test_a_damaged_hostile_or_foreign_file_is_reported_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, content: str, says: str
) -> None:
    opened(window, tmp_path)
    path = tmp_path / "bad.xlf"
    if content == "broken":
        good = exported(window, qtbot, tmp_path / "out.xlf").read_bytes()
        path.write_bytes(good[: len(good) // 2])
    elif content == "laughs":
        path.write_text(LAUGHS, "utf-8")
    else:
        other = load_example()
        other.created = other.created.replace(year=2001)
        xliff.export_xliff(other, path)
    before = state(window.document.briefing)
    with qtbot.waitSignal(window.review_files.failed, timeout=10_000):
        window.review_files.import_review(path)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "failureDialog" and w.isVisible()]
    assert len(boxes) == 1 and isinstance(boxes[0], QMessageBox)
    assert boxes[0].windowTitle() == "Review not imported"
    assert str(path) in boxes[0].informativeText() and says in boxes[0].informativeText(), boxes[0].informativeText()
    assert "\n" not in boxes[0].informativeText()
    assert state(window.document.briefing) == before and not window.document.modified
    boxes[0].close()


def load_example() -> Briefing:
    from briefing.storage import load

    return load(EXAMPLE)


def test_shown_text_keeps_its_length_and_hides_nothing() -> None:
    text = "a\x1bb\u202ec\u200bd\r\n\x9b"
    assert shown(text) == "a␛b⬚c⬚d␍\n\ufffd" and len(shown(text)) == len(text)


def test_the_file_menu_has_the_review_and_compare_commands(window: MainWindow) -> None:
    file_menu = window.actions_.menus["file"]
    texts = [action.text() for action in file_menu.actions()]
    assert "Export for re&view" in texts and "&Import review…" in texts and "&Compare with…" in texts
    submenu = window.actions_.menus["exportReview"]
    assert [action.objectName() for action in submenu.actions()] == ["reviewExportXliff", "reviewExportDocx"]


def test_the_dialog_speaks_korean(window: MainWindow, qtbot: QtBot, tmp_path: Path, korean_ui: None) -> None:
    opened(window, tmp_path)
    dialog = read(window, qtbot, reviewed(exported(window, qtbot, tmp_path / "out.xlf")))
    assert dialog.summary.text() == "reviewed.xlf 파일은 이 브리핑의 항목 3개를 바꿉니다."
    shown_text = dialog.view.document().toPlainText()
    assert "번역: " in shown_text and "상태: " in shown_text and "의 새 의견: " in shown_text
    assert "the reviewer set the state" not in shown_text  # the flag's reason worded from the catalogue
    assert dialog.apply_button.text() == "적용(&A)"

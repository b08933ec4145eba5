"""File → Import… and Edit → Paste as items: a DOCX and texts written here read in the background, the preview with
the report, Open as new, Insert as one undo step, Cancel, a damaged file, Korean and HTML on the clipboard, a
clipboard over the cap, two files (with a stand-in for the bilingual import, which is not on this branch yet),
and the dialog on laptop screens."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from briefing import edits
from briefing.fileformat import dumps
from briefing.importers import MAX_TEXT_BYTES, ImportReport, import_bytes
from briefing.language.dates import PartialDate
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, Section
from briefing.storage import load
from tests.conftest import EXAMPLE
from ui.import_commands import inserted_items, paste_edit
from ui.import_dialog import Draft, ImportPreviewDialog
from ui.main_window import MainWindow
from ui.messages import text as message_text

KO_TEXT = """제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고

□ 개요
  ○ 일시: 2024. 11. 7.(목) 14:00(현지시각)
  ○ 장소: 미국 워싱턴 D.C.
□ 주요 내용
  ○ 양측은 한국의 JCO 참여에 합의했다.
    - 북한의 ICBM 발사를 유엔 안보리 결의 위반으로 규탄했다.
  ※ 첫 연습은 2025년 상반기에 실시할 예정이다.
이 문장은 어디에도 속하지 않는다
끝.
"""

HEADED_PASTE = """양측은 한국의 JCO 참여에 합의했다.
북한의 ICBM 발사를 규탄했다.
□ 향후 계획
  ○ 2025년 4월: 연합우주과정 국내 개설
"""

KO_PASTE = """양측은 한국의 JCO 참여에 합의했다.
북한의 ICBM 발사를 규탄했다.
"""


def en_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("23rd Korea-U.S. Space Cooperation Working Group (SCWG)", style="Title")
    document.add_paragraph(
        "The Ministry of National Defense and the U.S. Department of Defense held the 23rd Korea-U.S. Space "
        "Cooperation Working Group (SCWG) in Washington, D.C., on November 7, 2024 (local time)."
    )
    document.add_paragraph("Discussions", style="Heading 1")
    document.add_paragraph("The two sides agreed on Korea's participation in the JCO.", style="List Bullet")
    document.add_paragraph("They condemned the recent ICBM launch by North Korea.", style="List Bullet")
    document.sections[0].header.paragraphs[0].text = "FOR OFFICIAL USE ONLY"
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    return path


def state(briefing: Briefing) -> str:
    """The briefing's content (not the time it was last touched, which an undo does not turn back)."""
    return re.sub(r'"modified": "[^"]*"', "", dumps(briefing))


def opened(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "scwg-23.briefing"
    shutil.copy(EXAMPLE, path)
    assert window.open_file(path, ask=False)
    return path


def preview(window: MainWindow, qtbot: QtBot, paths: list[Path]) -> ImportPreviewDialog:
    with qtbot.waitSignal(window.importing.preview_shown, timeout=10_000) as blocker:
        window.importing.import_files(paths)
    dialog = blocker.args[0]
    assert isinstance(dialog, ImportPreviewDialog) and dialog.isVisible()
    return dialog


def pasted(window: MainWindow, qtbot: QtBot) -> ImportPreviewDialog:
    with qtbot.waitSignal(window.importing.preview_shown, timeout=10_000) as blocker:
        window.importing.paste()
    dialog = blocker.args[0]
    assert isinstance(dialog, ImportPreviewDialog) and dialog.paste
    return dialog


def group(dialog: ImportPreviewDialog, title: str) -> list[tuple[str, str, str]]:
    found = [rows for name, rows in dialog.groups().items() if name.startswith(title + " (")]
    assert found, f"no group {title!r} in {list(dialog.groups())}"
    return found[0]


def tree_texts(dialog: ImportPreviewDialog) -> list[str]:
    out: list[str] = []

    def walk(node: object) -> None:
        for n in range(node.childCount()):  # type: ignore[attr-defined]
            child = node.child(n)  # type: ignore[attr-defined]
            out.append(child.text(0))
            walk(child)

    walk(dialog.tree.invisibleRootItem())
    return out


def test_a_docx_is_previewed_with_its_report_and_opens_as_a_new_unsaved_briefing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = en_docx(tmp_path / "readout.docx")
    dialog = preview(window, qtbot, [path])
    recognised = {(what, value) for what, value, _ in group(dialog, "Recognised")}
    assert ("title", "23rd Korea-U.S. Space Cooperation Working Group (SCWG)") in recognised
    assert ("meeting name", "Korea-U.S. Space Cooperation Working Group (SCWG)") in recognised
    assert ("meeting date", "2024-11-07") in recognised
    assert all(confidence.endswith(" %") for _, _, confidence in group(dialog, "Recognised"))
    assert [text for _, text, _ in group(dialog, "Set apart (in the last section)")] == ["FOR OFFICIAL USE ONLY"]
    assert "DOCX" in dialog.summary.text() and "readout.docx" in dialog.summary.text()
    shown = tree_texts(dialog)
    assert "Meeting card" in shown and "Discussions" in shown
    assert "The two sides agreed on Korea's participation in the JCO." in shown
    with qtbot.waitSignal(window.importing.applied) as applied:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert applied.args[0] == "new"
    briefing = window.document.briefing
    assert window.document.path is None and window.document.modified
    assert briefing.title.get(Language.EN) == "23rd Korea-U.S. Space Cooperation Working Group (SCWG)"
    assert briefing.meeting.series.code == "SCWG"
    assert "Discussions" in [s.title.get(Language.EN) for s in briefing.sections]
    assert applied.args[1] == len(briefing.items()) > 0
    assert not dialog.isVisible()


@pytest.mark.parametrize("encoding", ["utf-8", "cp949"])
def test_a_text_is_inserted_after_the_selected_section_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, encoding: str
) -> None:
    opened(window, tmp_path)
    briefing = window.document.briefing
    before, steps = state(briefing), window.document.undo_stack.count()
    sections_before = [s.id for s in briefing.sections]
    window.select(sections_before[0])
    path = tmp_path / "report.txt"
    path.write_bytes(KO_TEXT.encode(encoding))
    dialog = preview(window, qtbot, [path])
    assert ("CP949" if encoding == "cp949" else "UTF-8") in dialog.summary.text()
    unplaced = group(dialog, "Not understood (kept as paragraphs)")
    assert ("line 10", "이 문장은 어디에도 속하지 않는다", "") in unplaced
    assert any(what == "meeting date" for what, _, _ in group(dialog, "Recognised"))
    draft = dialog.draft.briefing
    with qtbot.waitSignal(window.importing.applied) as applied:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert applied.args == ["merge", inserted_items(draft)] and inserted_items(draft) == len(draft.items()) + 1
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Import document"
    ids = [s.id for s in briefing.sections]
    new = [s.id for s in draft.sections]
    assert ids == [sections_before[0], *new, *sections_before[1:]]  # after the selected section, in order
    assert len(briefing.items()) == 21 + inserted_items(draft)
    assert briefing.section(new[0]).items[0].text.ko == draft.title.ko  # the draft's title kept as an item
    assert briefing.meeting.series.code == "SCWG" and briefing.title.get(Language.KO) == load(EXAMPLE).title.get(
        Language.KO
    )
    assert window.selected_section_id() == new[0]
    window.document.undo_stack.undo()  # one undo removes the whole import
    assert state(briefing) == before
    window.document.undo_stack.redo()
    assert [s.id for s in briefing.sections] == ids


def test_cancel_changes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    opened(window, tmp_path)
    before, steps = dumps(window.document.briefing), window.document.undo_stack.count()
    path = tmp_path / "report.md"
    path.write_text(KO_TEXT, "utf-8")
    dialog = preview(window, qtbot, [path])
    with qtbot.assertNotEmitted(window.importing.applied):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dumps(window.document.briefing) == before
    assert window.document.undo_stack.count() == steps and not window.document.modified


def failure_box(qtbot: QtBot, name: str) -> QMessageBox:
    boxes: list[QMessageBox] = []

    def shown() -> None:
        boxes[:] = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
        assert boxes

    qtbot.waitUntil(shown, timeout=10_000)
    box = boxes[0]
    assert isinstance(box, QMessageBox)
    return box


def test_a_damaged_docx_shows_its_one_line_error_in_korean_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, korean_ui: None
) -> None:
    opened(window, tmp_path)
    before = dumps(window.document.briefing)
    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    with qtbot.waitSignal(window.importing.failed, timeout=10_000) as blocker:
        window.importing.import_files([path])
    error = blocker.args[0]
    box = failure_box(qtbot, "importFailed")
    assert box.text() == message_text(error.code, error.params) and "\n" not in box.text()
    assert box.text() != str(error)  # worded in Korean, not the core's English
    assert box.informativeText() == "아무것도 바뀌지 않았습니다."
    box.close()
    assert dumps(window.document.briefing) == before


def test_korean_pasted_from_the_clipboard_goes_after_the_selected_item(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    opened(window, tmp_path)
    briefing = window.document.briefing
    before, steps = state(briefing), window.document.undo_stack.count()
    section, count = briefing.sections[1], len(briefing.sections)
    anchor = section.items[0]
    window.select(anchor.id)
    QApplication.clipboard().setText(KO_PASTE)
    dialog = pasted(window, qtbot)
    assert dialog.new_button is None and dialog.windowTitle() == "Paste as items"
    assert "Clipboard" in dialog.summary.text()
    with qtbot.waitSignal(window.importing.applied) as applied:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert applied.args == ["merge", 2]
    texts = [item.text.get(Language.KO) for item in section.items[1:3]]
    assert texts == ["양측은 한국의 JCO 참여에 합의했다.", "북한의 ICBM 발사를 규탄했다."]
    assert section.items[0] is anchor and len(briefing.sections) == count
    assert window.selected_item_id() == section.items[1].id
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Paste as items"
    window.document.undo_stack.undo()
    assert state(briefing) == before


def test_html_only_on_the_clipboard_is_read_as_text_and_never_loads_what_it_names(
    window: MainWindow, qtbot: QtBot
) -> None:
    mime = QMimeData()
    mime.setHtml(
        "<p>The two sides agreed on <b>Korea's</b> participation.</p><img src='file:///dev/zero'>"
        "<ul><li>They condemned the launch.</li></ul><style>@import url(file:///dev/random);</style>"
    )
    QApplication.clipboard().setMimeData(mime)
    dialog = pasted(window, qtbot)
    draft = dialog.draft.briefing
    texts = [draft.title.en] if draft.title.en else []  # a first line may be read as the title: pasted as an item
    assert texts + [item.text.get(Language.EN).strip() for item in draft.items()] == [
        "The two sides agreed on Korea's participation.",
        "They condemned the launch.",
    ]
    dialog.reject()


def test_a_huge_or_empty_clipboard_is_refused_before_it_is_read(window: MainWindow, qtbot: QtBot) -> None:
    before = dumps(window.document.briefing)
    QApplication.clipboard().setText("x" * (MAX_TEXT_BYTES + 1))
    with qtbot.waitSignal(window.importing.refused) as blocker, qtbot.assertNotEmitted(window.importing.preview_shown):
        window.importing.paste()
    assert "16 MB" in blocker.args[0]
    failure_box(qtbot, "importRefused").close()
    QApplication.clipboard().setText("가" * (MAX_TEXT_BYTES // 3 + 1))  # under the cap in characters, over in bytes
    with qtbot.waitSignal(window.importing.refused):
        window.importing.paste()
    failure_box(qtbot, "importRefused").close()
    QApplication.clipboard().setText("  \n ")
    with qtbot.waitSignal(window.importing.refused) as blocker:
        window.importing.paste()
    assert "no text" in blocker.args[0]
    failure_box(qtbot, "importRefused").close()
    assert dumps(window.document.briefing) == before


def test_pasted_headings_become_sections_after_the_current_one() -> None:
    briefing = Briefing(origin_language=Language.KO)
    first = briefing.add_section(Section(title=Bilingual(ko="하나")))
    second = briefing.add_section(Section(title=Bilingual(ko="둘")))
    result = import_bytes(HEADED_PASTE.encode(), "clipboard.txt")
    draft = Draft(result.briefing, result.report)
    edit, select = paste_edit(briefing, draft, None, first.id)
    edit.apply(briefing)
    assert [s.title.ko for s in briefing.sections] == ["하나", "향후 계획", "둘"]
    assert [i.text.ko for i in first.items] == ["양측은 한국의 JCO 참여에 합의했다.", "북한의 ICBM 발사를 규탄했다."]
    assert [i.type for i in first.items] == [ItemType.AGREEMENT, ItemType.STATEMENT]
    assert select == first.items[0].id
    assert briefing.sections[1].items[0].type is ItemType.SCHEDULE
    edit.revert(briefing)
    assert [s.id for s in briefing.sections] == [first.id, second.id] and not first.items


def test_a_paste_that_starts_with_a_heading_keeps_it_as_a_section() -> None:
    briefing = Briefing(origin_language=Language.KO)
    only = briefing.add_section(Section(title=Bilingual(ko="개요")))
    result = import_bytes("□ 개요\n  ○ 양측은 합의했다.\n".encode(), "clipboard.txt")
    edit, _ = paste_edit(briefing, Draft(result.briefing, result.report), None, None)
    edit.apply(briefing)
    assert [s.title.get(Language.KO) for s in briefing.sections] == ["개요", "개요"]
    assert not only.items and briefing.sections[1].items[0].text.get(Language.KO) == "양측은 합의했다."


def test_more_than_two_files_are_refused(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]
    for path in paths:
        path.write_text(KO_PASTE, "utf-8")
    with qtbot.waitSignal(window.importing.refused) as blocker:
        window.importing.import_files(paths)
    assert "two" in blocker.args[0]
    failure_box(qtbot, "importRefused").close()


PAIR_KO = """제23차 한미 국방우주정책 실무협의회(SCWG) 결과

□ 주요 논의 내용
  ○ 양측은 2025년 상반기 SCWG 연합연습 계획에 합의했다.
  ○ 양측은 GPS 협력 방안을 논의했다.
  ○ 한국 측만 쓴 문장으로, 짝이 없다.
"""

PAIR_EN = """23rd Korea-U.S. Space Cooperation Working Group (SCWG)

Discussions
- The two sides agreed on the SCWG combined exercise plan for the first half of 2025.
- The two sides discussed GPS cooperation.
"""


def test_two_files_become_one_bilingual_draft_with_pairs_and_unpaired(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    paths = [tmp_path / "ko.txt", tmp_path / "en.txt"]
    paths[0].write_text(PAIR_KO, "cp949")
    paths[1].write_text(PAIR_EN, "utf-16")
    dialog = preview(window, qtbot, paths)
    assert dialog.tree.columnCount() == 3
    english = _column(dialog, 2)
    assert "The two sides discussed GPS cooperation." in english
    pairs = group(dialog, "Aligned (both texts per item, to be reviewed)")[0]
    assert pairs[:2] == ("pairs", "2")
    unpaired = [text for _, text, _ in group(dialog, "Unpaired (kept on their own)")]
    # the Korean sentence with no partner, and the English heading the text import took for an item: both kept
    assert unpaired == ["한국 측만 쓴 문장으로, 짝이 없다.", "Discussions"]
    assert "ko.txt + en.txt" in dialog.summary.text()
    # both languages are in view side by side, without scrolling sideways
    viewport = dialog.tree.viewport().width()
    left, right = dialog.tree.columnViewportPosition(0), dialog.tree.columnViewportPosition(2)
    assert left == 0 and 0 < right < viewport and dialog.tree.columnWidth(2) >= viewport // 4
    assert right + dialog.tree.columnWidth(2) <= viewport
    dialog.reject()


def _rows(dialog: ImportPreviewDialog) -> dict[str, QTreeWidgetItem]:
    """The draft tree's item rows by their first column's text."""
    found = dialog.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
    return {row.text(0): row for row in found if row.data(0, Qt.ItemDataRole.UserRole)}


def test_the_drafter_pairs_and_unpairs_items_in_the_preview_before_applying(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    paths = [tmp_path / "ko.txt", tmp_path / "en.txt"]
    paths[0].write_text(PAIR_KO, "utf-8")
    paths[1].write_text(PAIR_EN, "utf-8")
    dialog = preview(window, qtbot, paths)
    rows = _rows(dialog)
    lonely, heading = rows["한국 측만 쓴 문장으로, 짝이 없다."], rows["Discussions"]
    assert not dialog.pair_button.isEnabled() and not dialog.unpair_button.isEnabled()
    lonely.setSelected(True)
    assert not dialog.pair_button.isEnabled()  # one item is not a pair
    heading.setSelected(True)
    assert dialog.pair_button.isEnabled() and not dialog.unpair_button.isEnabled()
    qtbot.mouseClick(dialog.pair_button, Qt.MouseButton.LeftButton)
    assert dialog.draft.unpaired == [] and len(dialog.draft.pairs) == 3
    assert dialog.draft.aligned is not None and dialog.draft.aligned.pairs[-1].manual
    paired = dialog.draft.briefing.item(dialog.selected_ids()[0])
    assert (paired.text.ko, paired.text.en) == ("한국 측만 쓴 문장으로, 짝이 없다.", "Discussions")
    assert "Discussions" in _column(dialog, 2) and "Discussions" not in _rows(dialog)
    assert group(dialog, "Aligned (both texts per item, to be reviewed)")[0][:2] == ("pairs", "3")
    assert dialog.unpair_button.isEnabled()  # the new pair is selected
    qtbot.mouseClick(dialog.unpair_button, Qt.MouseButton.LeftButton)
    assert dialog.draft.unpaired == ["한국 측만 쓴 문장으로, 짝이 없다.", "Discussions"]
    assert len(dialog.draft.pairs) == 2
    # pairing two items of one language is not offered
    rows = _rows(dialog)
    dialog.tree.clearSelection()
    rows["한국 측만 쓴 문장으로, 짝이 없다."].setSelected(True)
    rows["양측은 GPS 협력 방안을 논의했다."].setSelected(True)
    assert not dialog.pair_button.isEnabled()
    dialog.reject()


def _column(dialog: ImportPreviewDialog, column: int) -> list[str]:
    out = []
    root = dialog.tree.invisibleRootItem()
    for n in range(root.childCount()):
        node = root.child(n)
        out += [node.child(m).text(column) for m in range(node.childCount())]
    return out


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=["1366x768", "1024x600"])
def test_every_control_of_the_preview_is_visible_on_a_laptop(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, size: tuple[int, int], korean_ui: None
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(KO_TEXT * 20, "utf-8")  # a long report: the trees scroll, the buttons stay
    dialog = preview(window, qtbot, [path])
    width, height = size[0] - 40, size[1] - 80  # the screen less a window manager's frame and panel
    assert dialog.minimumSizeHint().width() <= width and dialog.minimumSizeHint().height() <= height
    dialog.resize(width, height)
    qtbot.wait(20)
    whole = dialog.rect()
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    assert {b.objectName() for b in buttons} >= {"openImportAsNew", "insertImport", "cancelImport"}
    for control in [*buttons, dialog.tree, dialog.report, dialog.summary, dialog.hint]:
        assert control.isVisible() and whole.contains(rect_in(control, dialog)), control.objectName()
        assert control.width() > 40 and control.height() > 10, control.objectName()
    assert dialog.new_button is not None and dialog.new_button.text() == "새 브리핑으로 열기(&O)"
    dialog.reject()


def test_open_as_new_asks_about_unsaved_work_and_keeps_the_preview_when_declined(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened(window, tmp_path)
    window.document.apply(edits.set_text("item-jco", Language.KO, "바뀐 문장."))
    before = dumps(window.document.briefing)
    path = tmp_path / "report.txt"
    path.write_text(KO_TEXT, "utf-8")
    dialog = preview(window, qtbot, [path])
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    assert dialog.new_button is not None
    with qtbot.assertNotEmitted(window.importing.applied):
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dumps(window.document.briefing) == before
    with qtbot.waitSignal(window.importing.applied):
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert not answers and window.document.briefing is not None
    assert window.document.briefing.title.ko == "제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고"


def test_a_draft_the_briefings_rules_refuse_is_not_inserted_and_the_preview_says_why(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    opened(window, tmp_path)
    before, steps = dumps(window.document.briefing), window.document.undo_stack.count()
    draft = Briefing(origin_language=Language.KO)
    section = draft.add_section(Section(title=Bilingual(ko="가져온 섹션")))
    draft.add_item(section.id, Item(source=Language.KO, text=Bilingual(ko="좋은 항목.")))
    bad = Item(source=Language.KO, text=Bilingual(ko="나쁜 항목."), when=PartialDate(2025))  # a date on a paragraph
    draft.add_item(section.id, bad)
    with qtbot.waitSignal(window.importing.preview_shown) as blocker:
        window.importing.show_draft(Draft(draft, ImportReport(source="bad.txt", format="text")))
    dialog = blocker.args[0]
    with qtbot.assertNotEmitted(window.importing.applied):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog) and dialog.problem.text()
    assert dumps(window.document.briefing) == before and window.document.undo_stack.count() == steps
    dialog.reject()


def test_terminal_escapes_and_controls_on_the_clipboard_never_reach_the_briefing(
    window: MainWindow, qtbot: QtBot
) -> None:
    QApplication.clipboard().setText("양측은 \x1b[31m합의\x1b[0m했다.\x07\n\x9b2J북한의 발사를 규탄했다.\x00\n")
    dialog = pasted(window, qtbot)
    with qtbot.waitSignal(window.importing.applied):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    texts = [item.text.ko for item in window.document.briefing.items()]
    assert len(texts) == 2 and texts[0].startswith("양측은 ") and "합의" in texts[0]
    assert texts[1].endswith("북한의 발사를 규탄했다.")  # the escapes are gone, not the words
    assert not any(char in "".join(texts) for char in "\x1b\x07\x9b\x00")


def test_ctrl_shift_v_in_the_editor_pastes_as_items_and_the_menus_name_both_commands(
    window: MainWindow, qtbot: QtBot
) -> None:
    QApplication.clipboard().setText(KO_PASTE)
    editor = window.item_editor.korean
    editor.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(window.importing.preview_shown, timeout=10_000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_V, modifiers)
    blocker.args[0].reject()
    assert editor.toPlainText() == ""  # not pasted into the editor as well
    file_menu = [action.objectName() for action in window.actions_.menus["file"].actions()]
    edit_menu = [action.objectName() for action in window.actions_.menus["edit"].actions()]
    assert "importDocument" in file_menu and "pasteItems" in edit_menu
    assert window.actions_["importDocument"].shortcut().toString() == "Ctrl+Shift+O"

"""The composer, driven offscreen as a drafter would: create, type Korean and English, reorder, undo,
save and reopen, translate with the tiny package, cancel, switch the interface language."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from briefing import model
from briefing import settings as config
from briefing.model import Bilingual, Briefing, ItemType, Language, Section, TargetStatus
from briefing.storage import load, save
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.packages import PackageStore
from tests.conftest import EXAMPLE
from tests.ui.conftest import current_item, type_korean
from ui import state as window_state
from ui.main_window import MainWindow
from ui.outline_model import MIME_ITEM, OutlineModel
from ui.tasks import run_now


def test_create_a_briefing_from_nothing_typing_korean_and_english(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    config.update(default_source_language="en")
    window.new_document()
    assert window.windowTitle() == "Untitled[*] — Briefing Studio"
    assert window.document.briefing.sections[0].title.ko == "개요"
    window.add_item()
    item = current_item(window)
    assert item.source is Language.EN  # the briefing's origin language, from the settings
    window.item_editor.english.setFocus()
    qtbot.keyClicks(window.item_editor.english, "The two sides met in Seoul.")
    assert item.text.en == "The two sides met in Seoul."
    window.item_editor.korean.setFocus()
    type_korean(window.item_editor.korean, "양측은 서울에서 만났다.")
    assert item.text.ko == "양측은 서울에서 만났다."
    assert item.status is TargetStatus.EDITED
    assert window.isWindowModified()
    # Typing merges into one undo step per field: two steps undo both texts.
    stack = window.document.undo_stack
    assert stack.count() == 3  # add item, English, Korean
    stack.undo()
    assert item.text.ko == "" and item.status is TargetStatus.EMPTY
    assert window.item_editor.korean.toPlainText() == ""
    stack.redo()
    assert item.text.ko == "양측은 서울에서 만났다."
    window.item_editor.approve()
    assert item.status is TargetStatus.APPROVED
    # Change the source after approval: the translation needs review and shows what was approved.
    window.item_editor.english.setFocus()
    window.item_editor.english.moveCursor(window.item_editor.english.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.item_editor.english, " Again.")
    assert item.status is TargetStatus.NEEDS_REVIEW
    assert window.item_editor.review_strip.reference.isVisibleTo(window)
    assert (
        window.item_editor.review_strip.reference.toPlainText() == "The two sides met in Seoul. Again."
    )  # struck and added
    # Save, reopen, and find everything again.
    path = tmp_path / "seoul.briefing"
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle() == "seoul.briefing[*] — Briefing Studio"
    assert window.open_file(path)
    reopened = window.document.briefing.items()[0]
    assert (reopened.text.ko, reopened.text.en) == ("양측은 서울에서 만났다.", "The two sides met in Seoul. Again.")
    assert reopened.status is TargetStatus.NEEDS_REVIEW
    assert window_state.recent_files()[0] == str(path)


def test_reorder_with_keyboard_and_drag_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    window.open_file(EXAMPLE)
    briefing = window.document.briefing
    first_ids = [i.id for i in briefing.sections[1].items]
    window.select(first_ids[0])
    qtbot.keyClick(window.outline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.id for i in briefing.sections[1].items][:2] == [first_ids[1], first_ids[0]]
    assert window.selected_item_id() == first_ids[0]
    window.document.undo_stack.undo()
    assert [i.id for i in briefing.sections[1].items] == first_ids
    # Drag the first discussion item onto the Schedule section.
    model = window.outline_model
    data = QMimeData()
    data.setData(MIME_ITEM, first_ids[0].encode())
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(4, 0))
    assert briefing.sections[4].items[-1].id == first_ids[0]
    window.document.undo_stack.undo()
    assert [i.id for i in briefing.sections[1].items] == first_ids
    # Insert adds an item after the current one; Delete removes it; undo brings it back.
    window.select(first_ids[2])
    qtbot.keyClick(window.outline, Qt.Key.Key_Insert)
    new_id = window.selected_item_id()
    assert [i.id for i in briefing.sections[1].items][3] == new_id
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_Delete)
    assert new_id not in [i.id for i in briefing.items()]
    window.document.undo_stack.undo()
    assert new_id in [i.id for i in briefing.items()]


def test_the_outline_model_stays_valid_through_edits(window: MainWindow, qtmodeltester: object) -> None:
    window.open_file(EXAMPLE)
    window.add_section()
    window.add_item()
    window.move_selected(-1)
    qtmodeltester.check(window.outline_model)  # type: ignore[attr-defined]


def test_meeting_card_and_section_edits_undo(window: MainWindow, qtbot: QtBot) -> None:
    window.open_file(EXAMPLE)
    place = window.card_editor.fields["place"].ko
    place.setFocus()
    place.selectAll()
    type_korean(place, "서울")
    assert window.document.briefing.meeting.place.ko == "서울"
    window.document.undo_stack.undo()
    assert window.document.briefing.meeting.place.ko == "미국 워싱턴 D.C."
    assert place.text() == "미국 워싱턴 D.C."
    window.select("section-overview")
    assert window.centre.currentIndex() == 1
    window.section_editor.en.setFocus()
    window.section_editor.en.selectAll()
    qtbot.keyClicks(window.section_editor.en, "Summary")
    assert window.document.briefing.section("section-overview").title.en == "Summary"
    assert OutlineModel.data(window.outline_model, window.outline_model.index(0, 0)) == "1. 개요 / Summary"
    window.document.undo_stack.undo()
    assert window.document.briefing.section("section-overview").title.en == "Overview"


def test_item_type_and_source_changes_undo(window: MainWindow) -> None:
    window.open_file(EXAMPLE)
    window.select("item-convened")
    editor = window.item_editor
    editor.type_box.setCurrentIndex(editor.type_box.findData(model.ItemType.DECISION))
    item = window.document.briefing.item("item-convened")
    assert item.type.value == "decision"
    editor.source_ko.setChecked(True)
    assert item.source is Language.KO and item.status is TargetStatus.NEEDS_REVIEW
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert item.type.value == "paragraph" and item.source is Language.EN and item.status is TargetStatus.APPROVED


def test_preview_follows_typing(window: MainWindow, qtbot: QtBot) -> None:
    window.open_file(EXAMPLE)
    with qtbot.waitSignal(window.preview_updated, timeout=5000):
        pass
    assert "제23차 한미 국방우주정책 실무협의회(SCWG) 개최" in window.preview.toPlainText()
    window.select("item-convened")
    window.item_editor.korean.setFocus()
    type_korean(window.item_editor.korean, "미리보기 확인 ")
    with qtbot.waitSignal(window.preview_updated, timeout=5000):
        pass
    assert "미리보기 확인" in window.preview.toPlainText()
    window.preview_language.setCurrentIndex(window.preview_language.findData("en"))
    with qtbot.waitSignal(window.preview_updated, timeout=5000):
        pass
    assert "미리보기 확인" not in window.preview.toPlainText()


@pytest.mark.usefixtures("installed")
def test_translate_all_missing_in_the_background_then_undo(
    window: MainWindow, qtbot: QtBot, english_only: Path
) -> None:
    config.update(beam_size=1)
    window.open_file(english_only)
    window.translation.find_terms = None  # the copy model copies; the terms' Korean: test_terms_window.py
    with qtbot.waitSignal(window.translation_finished, timeout=60_000) as blocker:
        window.translate_missing()
    (result,) = blocker.args[0]
    assert len(result.translations) == 21 and not result.cancelled
    items = window.document.briefing.items()
    assert all(i.text.ko == i.text.en and i.status is TargetStatus.MACHINE for i in items)
    assert window.outline_model.data(window.outline_model.index_of_item(items[0].id, 2)) == "machine-translated"
    window.document.undo_stack.undo()
    assert all(i.text.ko == "" and i.status is TargetStatus.EMPTY for i in items)


class FirstBatchGate(Engine):
    """The real engine, which stops after its first batch until the test lets it go on."""

    def __init__(self, store: PackageStore, settings: EngineSettings) -> None:
        super().__init__(store, settings)
        self.first_batch_done = threading.Event()
        self.resume = threading.Event()

    def translate_tokens(self, source: str, target: str, batch: list[list[str]]) -> list[str]:
        translated = super().translate_tokens(source, target, batch)
        if not self.first_batch_done.is_set():
            self.first_batch_done.set()
            assert self.resume.wait(timeout=60), "the test never let the translation go on"
        return translated


@pytest.mark.usefixtures("installed")
def test_cancel_keeps_finished_items_and_the_window_stays_responsive(
    window: MainWindow, qtbot: QtBot, english_only: Path
) -> None:
    config.update(beam_size=1)
    window.open_file(english_only)
    window.translation.find_terms = None  # the copy model copies; the terms' Korean: test_terms_window.py
    engine = FirstBatchGate(PackageStore(), EngineSettings(beam_size=1, batch_size=8))
    window.translation.make_engine = lambda: engine  # the worker thread makes its engine when it starts
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with qtbot.waitSignal(window.translation_finished, timeout=60_000) as blocker:
        window.translate_missing()
        qtbot.waitUntil(engine.first_batch_done.is_set, timeout=30_000)
        # The work is held after its first batch, so the progress dialog appears (after half a second).
        qtbot.waitUntil(lambda: progress_dialog(window) is not None, timeout=5_000)
        cancel = progress_dialog(window).findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        engine.resume.set()
    timer.stop()
    (result,) = blocker.args[0]
    assert result.cancelled
    items = window.document.briefing.items()
    done = [i for i in items if i.status is TargetStatus.MACHINE]
    untouched = [i for i in items if i.status is TargetStatus.EMPTY]
    assert done and untouched and len(done) + len(untouched) == len(items)
    assert all(i.text.ko == i.text.en for i in done)
    assert len(ticks) > 10  # the event loop kept running while the worker held (at least half a second)


def progress_dialog(window: MainWindow) -> QProgressDialog | None:
    """The task's progress dialog, while it is shown."""
    dialog = window.findChild(QProgressDialog, "taskProgress")
    return dialog if dialog is not None and dialog.isVisible() else None


def test_missing_package_offers_the_packages_dialog(window: MainWindow, qtbot: QtBot, english_only: Path) -> None:
    window.open_file(english_only)
    window.translate_missing()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "packageMissing") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "packageMissing")
    assert "English→Korean" in box.text()
    assert "translate-en_ko" in box.informativeText()
    open_button = next(b for b in box.buttons() if b.text() == "Open language packages…")
    open_button.click()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "packagesDialog") is not None)


def test_packages_dialog_installs_and_shows_errors_in_full(
    window: MainWindow, qtbot: QtBot, package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    from ui.packages_dialog import PackagesDialog

    dialog = PackagesDialog(window, run_now)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.install(package_files[("en", "ko")])
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "1.0"
    assert dialog.note.text() == "Installed English → Korean, version 1.0."
    broken = tmp_path / "broken.argosmodel"
    broken.write_text("not a zip")
    dialog.install(broken)
    assert "broken.argosmodel: not a language package: not a readable zip archive" in dialog.error_box.text()
    assert dialog.table.rowCount() == 1


def test_export_dialog_writes_the_pack(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from ui.export_dialog import ExportDialog

    window.open_file(EXAMPLE)
    dialog = ExportDialog(window, window.document, run_now)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "pack"))
    dialog.template.setCurrentIndex(dialog.template.findData("meeting-report"))
    dialog.export()
    assert "Wrote 4 files to" in window.statusBar().currentMessage()
    stem = "scwg-23.meeting-report"
    names = [f"{stem}.bilingual.docx", f"{stem}.en.docx", f"{stem}.ko.docx", f"{stem}.manifest.json"]
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == names
    manifest = tmp_path / "pack" / f"{stem}.manifest.json"
    assert json.loads(manifest.read_text())["template"] == "meeting-report"
    # Exporting again asks before replacing; Cancel (the default) leaves the earlier pack exactly as it was.
    from tests.ui.test_review_safety import Answerer

    manifest.write_text("the earlier pack's manifest", "utf-8")
    answerer = Answerer().will("cancel")
    dialog.export()
    assert answerer.asked and answerer.asked[0][0] == "askReplacePack"
    assert all(name in answerer.asked[0][1] for name in names)
    assert answerer.buttons == [["cancel", "replace"]]
    assert manifest.read_text("utf-8") == "the earlier pack's manifest"
    answerer.will("replace")
    dialog.export()
    assert len(answerer.asked) == 2
    assert json.loads(manifest.read_text())["template"] == "meeting-report"
    # Another template's pack lives beside it without a question.
    dialog.template.setCurrentIndex(dialog.template.findData("press-release"))
    dialog.export()
    assert len(answerer.asked) == 2
    assert len(list((tmp_path / "pack").glob("scwg-23.press-release.*"))) == 4
    assert len(list((tmp_path / "pack").iterdir())) == 8
    # HWPX beside the DOCX when asked: listed in the manifest with their digests.
    assert dialog.hwpx.isEnabled()
    dialog.hwpx.setChecked(True)
    dialog.template.setCurrentIndex(dialog.template.findData("briefing-pack"))
    dialog.export()
    hwpx = sorted(p.name for p in (tmp_path / "pack").glob("scwg-23.briefing-pack.*.hwpx"))
    assert hwpx == [f"scwg-23.briefing-pack.{layout}.hwpx" for layout in ("bilingual", "en", "ko")]
    listed = json.loads((tmp_path / "pack" / "scwg-23.briefing-pack.manifest.json").read_text())["files"]
    assert {entry["file"] for entry in listed} >= set(hwpx)


def test_switching_the_interface_language_without_restart(window: MainWindow, qtbot: QtBot) -> None:
    window.open_file(EXAMPLE)
    window.switch_language("ko")
    try:
        assert window.file_menu.title() == "파일(&F)"
        assert window.centre.tabText(2) == "회의 정보"
        qtbot.waitUntil(
            lambda: (
                window.statusBar().currentMessage()
                == "항목 21개 · 승인 21 · 검토 필요 0 · 검토 요청 0 · 미해결 의견 1 · 확인할 제목 0"
            )
        )  # the counts follow edits after a short delay
        assert window.item_editor.approve_button.text() == "승인"
        assert config.current().ui_language == "ko"
    finally:
        window.switch_language("en")
    assert window.file_menu.title() == "&File"


def test_closing_with_unsaved_changes_asks(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_file(EXAMPLE)
    window.add_item()
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.close()
    assert asked == ["The briefing has unsaved changes. Save them first?"]
    assert window.isVisible()


def test_saving_over_a_file_someone_changed_asks_first(
    window: MainWindow, example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(example_copy)
    window.select("item-convened")
    type_korean(window.item_editor.korean, "내 수정.")
    theirs = load(example_copy)
    theirs.item("item-convened").set_text(Language.EN, "A colleague's change, saved on the shared drive.")
    save(theirs, example_copy)
    on_disk = example_copy.read_bytes()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.save()  # "No": nothing written, the colleague's version stays
    assert example_copy.read_bytes() == on_disk and window.document.modified
    assert asked[0].startswith("scwg-23.briefing was changed on disk after you opened it")
    assert window.statusBar().currentMessage() == "Not saved: use Save As to keep both versions"
    assert window.save()  # "Yes": replaced, theirs kept as .bak
    assert "내 수정." in load(example_copy).item("item-convened").text.ko
    assert load(example_copy.with_name("scwg-23.briefing.bak")) == theirs
    assert window.save() and len(asked) == 2  # saving again after that asks nothing


def test_dropping_a_briefing_file_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(EXAMPLE))])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.briefing_opened):
        window.dropEvent(event)
    assert window.document.path == EXAMPLE


def test_find_in_both_languages(window: MainWindow) -> None:
    window.open_file(EXAMPLE)
    window.find_field.setText("연락장교")
    assert window.find_next()
    assert window.selected_item_id() == "item-further-topics"
    window.find_field.setText("SEWS")
    assert window.find_next()
    assert window.selected_item_id() == "item-schedule-sews"  # the next match after the current item
    window.find_field.setText("no such words anywhere")
    assert not window.find_next()


def test_settings_are_stored_in_the_data_folder(window: MainWindow, briefing_home: Path) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    assert (dialog.beam.minimum(), dialog.beam.maximum()) == (1, 16)  # the ranges the core declares
    assert (dialog.autosave.minimum(), dialog.autosave.maximum()) == (0, 3600)
    dialog.author.setText("홍길동")
    dialog.autosave.setValue(45)
    dialog.accept()
    text = (briefing_home / "settings" / "briefing-studio.toml").read_text("utf-8")
    assert 'author = "홍길동"' in text.splitlines() and "autosave_seconds = 45" in text.splitlines()
    assert "editor_font =" not in text.replace("# editor_font =", "")  # untouched: still the system's font
    assert config.current().author == "홍길동"
    window.new_document()
    assert window.document.briefing.author == "홍길동"


def test_new_items_take_the_source_language_from_the_settings(window: MainWindow) -> None:
    from ui.settings_dialog import SettingsDialog

    window.add_item()
    assert current_item(window).source is Language.KO  # the default: Korean drafters
    dialog = SettingsDialog(window)
    assert dialog.source_language.currentData() == "ko"
    dialog.source_language.setCurrentIndex(dialog.source_language.findData("en"))
    dialog.accept()
    assert config.current().default_source_language == "en"
    window.document.undo_stack.setClean()  # no question about the unsaved item
    window.new_document()
    assert window.document.briefing.origin_language is Language.EN
    window.add_item()
    assert current_item(window).source is Language.EN


def test_a_settings_change_elsewhere_is_kept_when_the_dialog_saves(window: MainWindow) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    config.update(beam_size=7)  # e.g. `briefing-studio settings set beam_size 7` while the dialog is open
    dialog.author.setText("김철수")
    dialog.accept()
    assert (config.current().beam_size, config.current().author) == (7, "김철수")


def test_window_size_and_splitters_come_back(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QSplitter

    splitter = window.findChild(QSplitter, "mainSplitter")
    window.resize(700, 500)
    QApplication.processEvents()
    splitter.setSizes([200, 725, 0])  # the preview pane folded away
    QApplication.processEvents()
    sizes, size = splitter.sizes(), window.size()
    assert sizes[2] == 0 and size.height() == 500
    window_state.save_window(window)
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == size
    assert again.findChild(QSplitter, "mainSplitter").sizes() == sizes


def test_a_window_opened_without_a_file_is_ready_for_the_first_item(window: MainWindow) -> None:
    briefing: Briefing = window.document.briefing  # the fixture's window was opened on no file
    assert [s.title for s in briefing.sections] == [Bilingual(ko="개요", en="Overview")]
    assert not window.document.modified
    window.add_item()
    assert len(briefing.items()) == 1 and window.item_editor.item is briefing.items()[0]


def test_outline_columns_fit_every_type_and_status_label(window: MainWindow) -> None:
    """Sized from the labels, not from the items on show: an item added or translated later fits too."""
    from PySide6.QtWidgets import QApplication, QSplitter

    from ui.outline_model import OutlineModel

    window.resize(1920, 1000)  # wide enough for the type column (a narrow outline hides it)
    splitter = window.findChild(QSplitter, "mainSplitter")
    splitter.setSizes([700, 700, 520])
    QApplication.processEvents()
    for language in ("en", "ko"):
        window.switch_language(language)
        QApplication.processEvents()
        assert not window.outline.isColumnHidden(OutlineModel.COLUMN_TYPE)
        metrics = window.outline.fontMetrics()
        schedule = window.item_editor.type_box.itemText(window.item_editor.type_box.findData(ItemType.SCHEDULE))
        longest_status = "machine-translated" if language == "en" else "기계 번역"
        assert window.outline.columnWidth(OutlineModel.COLUMN_TYPE) > metrics.horizontalAdvance(f"{schedule} 2025-H1")
        assert window.outline.columnWidth(OutlineModel.COLUMN_STATUS) > metrics.horizontalAdvance(longest_status)
    window.switch_language("en")


def test_a_new_briefing_has_a_first_section(window: MainWindow) -> None:
    window.new_document()
    briefing: Briefing = window.document.briefing
    assert [s.title for s in briefing.sections] == [Bilingual(ko="개요", en="Overview")]
    window.add_section()
    assert len(briefing.sections) == 2 and isinstance(briefing.sections[1], Section)


def test_delegations_and_people_are_editable_with_undo(window: MainWindow) -> None:
    window.open_file(EXAMPLE)
    card = window.card_editor

    def delegations() -> list:  # type: ignore[type-arg]
        return window.document.briefing.meeting.delegations  # edits replace the card object: look it up anew

    card.add_delegation()
    assert delegations()[-1].name.en == "New delegation"
    card.delegations.item(2, 1).setText("Observers")
    assert delegations()[2].name.en == "Observers"
    card.delegations.setCurrentCell(2, 0)
    card.add_person()
    assert len(delegations()[2].members) == 1
    card.people.item(4, 3).setText("Jane Doe")  # after the four people of the example
    assert delegations()[2].members[0].name.en == "Jane Doe"
    stack = window.document.undo_stack
    for _ in range(4):
        stack.undo()
    assert len(delegations()) == 2


def test_office_termbases_and_memories_are_chosen_in_the_settings(window: MainWindow, tmp_path: Path) -> None:
    from briefing.terms.model import Entry, Term
    from briefing.terms.store import Termbase

    office = Termbase.create(tmp_path / "office.sqlite", "office")
    office.add(Entry("", [Term("전략사령부", Language.KO), Term("Strategic Command", Language.EN)]))
    office.close()
    window.dialogs.settings()
    dialog = window.dialogs.settings_dialog
    assert dialog.min_match.value() == 100 and (dialog.min_match.minimum(), dialog.min_match.maximum()) == (50, 100)
    dialog.office_termbases.add(str(tmp_path / "office.sqlite"))
    dialog.office_memories.add(str(tmp_path / "absent.sqlite"))
    dialog.min_match.setValue(95)
    dialog.accept()
    chosen = config.current()
    assert chosen.office_termbases == (str(tmp_path / "office.sqlite"),)
    assert chosen.office_memories == (str(tmp_path / "absent.sqlite"),)
    assert chosen.memory_min_match == 95
    hits = window.terminology.terminology.hits("전략사령부는 창설되었다.", Language.KO)
    assert [hit.target(Language.EN).text for hit in hits if hit.target(Language.EN)] == ["Strategic Command"]
    assert "absent.sqlite" in window.statusBar().currentMessage()  # the missing memory is said, not fatal

"""The translation memory in the window: learning on approval and on save, the Memory panel's matches and
diff, Ctrl+1 as one undo step, the concordance, and translating the missing items from the memory first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.memory.model import Unit, UnitKind
from briefing.memory.stack import personal_path
from briefing.memory.store import TranslationMemory
from briefing.model import Bilingual, Briefing, Item, Language, Section, TargetOrigin, TargetStatus
from briefing.storage import save
from briefing.translation.packages import PackageStore
from tests.ui.conftest import current_item
from ui.main_window import SIDE_MEMORY, MainWindow
from ui.memory_panel import MemoryPanel

KO = "제22차 한미 우주협력 회의가 서울에서 열렸다."
EN = "The 22nd ROK-US Space Cooperation Meeting was held in Seoul."
KO_23 = "제23차 한미 우주협력 회의가 서울에서 열렸다."
OTHER = "양측은 사이버 안보 협력을 강화하기로 합의하였다."


def make_briefing(path: Path, *sources: str, first_target: str = EN) -> Path:
    """A Korean-source briefing: the first item translated by a person (not approved), the others empty."""
    briefing = Briefing(origin_language=Language.KO)
    section = briefing.add_section(Section(title=Bilingual(ko="회의 결과", en="Outcome")))
    for number, source in enumerate(sources):
        item = Item(text=Bilingual(ko=source), source=Language.KO, id=f"item-{number}")
        briefing.add_item(section.id, item)
        if number == 0:
            item.set_text(Language.EN, first_target, TargetOrigin.HUMAN)
    save(briefing, path)
    return path


def personal_units() -> list[Unit]:
    with TranslationMemory.open(personal_path(), read_only=True) as memory:
        return list(memory.units())


def looked_up(window: MainWindow, qtbot: QtBot, item_id: str) -> MemoryPanel:
    """Select an item and wait for the panel's (debounced) lookup."""
    panel = window.memory_panel
    with qtbot.waitSignal(panel.looked_up, timeout=3000):
        window.select(item_id)
    return panel


def test_approval_teaches_the_memory_and_ctrl_1_fills_an_item_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, qtmodeltester: object, tmp_path: Path
) -> None:
    path = make_briefing(tmp_path / "b.briefing", KO, OTHER, KO)
    window.open_file(path)
    window.select("item-0")
    assert window.item_editor.approve()
    units = personal_units()
    assert {(u.source, u.target, u.kind) for u in units} == {(KO, EN, UnitKind.ITEM)}
    assert units[0].briefing == str(path.resolve()) and units[0].item_id == "item-0"

    window.side.setCurrentIndex(SIDE_MEMORY)
    panel = looked_up(window, qtbot, "item-2")
    qtmodeltester.check(panel.matches_model)  # type: ignore[attr-defined]
    assert panel.matches_model.rowCount() == 1
    row = [panel.matches_model.index(0, c).data() for c in range(5)]
    assert row[:4] == ["1", "100%", EN, "personal"]
    assert row[4].startswith(config.current().author or "")
    assert "exact" in panel.difference.toPlainText()

    steps = window.document.undo_stack.count()
    window.activateWindow()
    window.item_editor.english.setFocus()
    qtbot.keyClick(window.item_editor.english, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    item = current_item(window)
    assert item.id == "item-2" and item.text.en == EN and item.status is TargetStatus.MEMORY
    assert window.item_editor.english.toPlainText() == EN  # the editor shows it
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Use memory match"
    window.document.undo_stack.undo()
    assert item.text.en == "" and item.status is TargetStatus.EMPTY
    assert window.item_editor.english.toPlainText() == ""

    # Unapproved work is never learned: the machine-like fill above taught nothing; a re-approval replaces.
    assert len(personal_units()) == 1
    window.select("item-0")
    window.item_editor.english.setPlainText(EN.replace("held", "convened"))
    assert window.item_editor.approve()
    assert [u.target for u in personal_units()] == [EN.replace("held", "convened")]


def test_a_different_number_is_a_high_match_with_the_new_number_put_in_and_the_diff_shown(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.open_file(make_briefing(tmp_path / "b.briefing", KO, KO_23))
    window.select("item-0")
    assert window.item_editor.approve()
    panel = looked_up(window, qtbot, "item-1")
    (match,) = panel.matches_model.rows
    assert 90 <= match.score < 100
    assert match.target == EN.replace("22nd", "23rd") and match.placeables_replaced
    html = panel.difference.toHtml()
    assert "line-through" in html and "#f8d0d0" in html and "#c8ecc8" in html  # deleted "2", inserted "3"
    assert "numbers and dates" in panel.difference.toPlainText()
    assert panel.choose(1)
    assert current_item(window).text.en == EN.replace("22nd", "23rd")


def test_typing_in_the_source_looks_up_again_after_a_pause(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.open_file(make_briefing(tmp_path / "b.briefing", KO, OTHER))
    window.select("item-0")
    assert window.item_editor.approve()
    panel = looked_up(window, qtbot, "item-1")
    assert panel.matches_model.rowCount() == 0
    assert "No match" in panel.heading.text()
    calls: list[int] = []
    panel.looked_up.connect(calls.append)
    with qtbot.waitSignal(panel.looked_up, timeout=3000):
        for end in range(10, len(KO) + 1, 10):  # several edits in a row: one lookup after the last
            window.item_editor.korean.setPlainText(KO[:end])
        window.item_editor.korean.setPlainText(KO)
    assert calls == [1]
    assert panel.current_matches()[0].score == 100


def test_learning_on_save_and_concordance(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    briefing = Briefing(origin_language=Language.KO)
    section = briefing.add_section(Section(title=Bilingual(ko="결과", en="Outcome")))
    item = Item(text=Bilingual(ko=OTHER), source=Language.KO, id="item-new")
    briefing.add_item(section.id, item)
    item.set_text(Language.EN, "Both sides agreed to strengthen cyber security cooperation.")
    window.open_recovered(briefing, None)  # an untitled briefing
    window.select("item-new")
    assert window.item_editor.approve()  # untitled: nothing to name it by yet
    assert not personal_path().exists()
    path = tmp_path / "saved.briefing"
    assert window.save_to(path)
    (unit,) = personal_units()
    assert unit.briefing == str(path.resolve()) and unit.source == OTHER

    panel = window.memory_panel
    panel.search_field.setText("cyber")
    panel.run_search()
    assert [u.source for u in panel.units_model.rows] == [OTHER]
    panel.search_field.setText("사이버 안보")
    with qtbot.waitSignal(panel.units_model.modelReset, timeout=3000):
        pass
    assert panel.units_model.rowCount() == 1
    assert panel.units_model.index(0, 2).data() == "personal"


def test_translate_missing_without_a_language_package_fills_from_the_memory(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert PackageStore().installed() == []
    with TranslationMemory.create(personal_path(), "personal") as memory:
        memory.learn([Unit(Language.KO, KO, EN, UnitKind.ITEM), Unit(Language.KO, OTHER, "Cyber.")])
    window.open_file(make_briefing(tmp_path / "b.briefing", KO, KO, OTHER))
    with qtbot.waitSignal(window.translation_finished, timeout=10_000):
        window.translate_missing()
    items = window.document.briefing.items()
    assert [(i.text.en, i.status) for i in items[1:]] == [(EN, TargetStatus.MEMORY), ("Cyber.", TargetStatus.MEMORY)]
    assert window.statusBar().currentMessage() == "2 from memory, 0 machine-translated"
    window.document.undo_stack.undo()  # one step
    assert [i.text.en for i in items] == [EN, "", ""]


def test_translate_missing_stores_the_memory_part_when_the_engine_has_no_package(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    with TranslationMemory.create(personal_path(), "personal") as memory:
        memory.learn([Unit(Language.KO, KO, EN, UnitKind.ITEM)])
    window.open_file(make_briefing(tmp_path / "b.briefing", KO, KO, OTHER))
    with qtbot.waitSignal(window.translation.failed, timeout=10_000):
        window.translate_missing()
    items = window.document.briefing.items()
    assert [i.text.en for i in items] == [EN, EN, ""]
    assert window.statusBar().currentMessage() == "1 from memory, 0 machine-translated"
    qtbot.waitUntil(lambda: window.findChild(object, "packageMissing") is not None, timeout=3000)


def test_a_damaged_memory_is_said_once_and_the_window_works_without_it(qtbot: QtBot, tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    office.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    config.update(office_memories=(str(office),), autosave_seconds=0)
    window = MainWindow()
    qtbot.addWidget(window)
    assert "office.sqlite" in window.statusBar().currentMessage()
    assert window.memory.memories.office == []
    window.open_file(make_briefing(tmp_path / "b.briefing", KO, KO))
    window.select("item-0")
    assert window.item_editor.approve()  # the personal memory still learns
    panel = looked_up(window, qtbot, "item-1")
    assert panel.matches_model.rows[0].score == 100
    window.document.undo_stack.setClean()


def test_a_personal_memory_that_cannot_learn_is_said_once(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.open_file(make_briefing(tmp_path / "b.briefing", KO, OTHER))
    personal_path().parent.mkdir(parents=True, exist_ok=True)
    personal_path().write_bytes(b"not a memory at all" * 100)
    window.select("item-0")
    assert window.item_editor.approve()  # the approval itself is made
    assert current_item(window).status is TargetStatus.APPROVED
    assert window.statusBar().currentMessage().startswith("The translation memory did not learn:")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    assert window.save()
    assert not any("did not learn" in m for m in messages)


@pytest.mark.usefixtures("korean_ui")
def test_the_panel_in_korean(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.retranslate()
    assert window.side.tabText(SIDE_MEMORY) == "번역 메모리"
    panel = window.memory_panel
    assert panel.search_label.text() == "용례 검색"
    headers = [panel.matches_model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers[2:] == ["번역", "번역 메모리", "승인"]
    assert window.actions_["memoryImport"].text().startswith("번역 메모리 가져오기")
    QApplication.processEvents()


def test_undo_that_brings_approvals_back_does_not_teach_them_again(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import edits

    window.open_file(make_briefing(tmp_path / "b.briefing", KO, OTHER, KO))
    window.select("item-0")
    learned: list[int] = []
    real_learn = TranslationMemory.learn
    monkeypatch.setattr(TranslationMemory, "learn", lambda self, units: learned.append(1) or real_learn(self, units))
    assert window.item_editor.approve()
    assert learned == [1]
    machine = edits.Translation("item-0", Language.EN, "machine words", TargetOrigin.MACHINE, KO)
    window.document.apply(edits.ApplyTranslations([machine]))
    window.document.undo_stack.undo()  # the approval is back, as the memory already has it
    assert current_item(window).status is TargetStatus.APPROVED
    assert learned == [1]
    assert [u.target for u in personal_units()] == [EN]

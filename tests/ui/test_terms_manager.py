"""The termbase manager on real SQLite termbases in the test's data folder: its models pass the model tester,
search filters, the personal termbase is edited and (after a question) deleted from, read-only termbases cannot
be changed, a hostile TBX is refused with its coded message and changes nothing, a good one imports, and any
termbase exports to a file that reads back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from briefing.model import Language
from briefing.terms import exchange
from briefing.terms.stack import personal_path
from briefing.terms.store import Termbase
from ui.main_window import MainWindow
from ui.termbase_manager import KO, TermbaseManager

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE martif [
 <!ENTITY a "laugh">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<martif type="TBX"><text><body><termEntry id="x"><langSet xml:lang="ko"><tig><term>&d;</term></tig></langSet>
<langSet xml:lang="en"><tig><term>laughs</term></tig></langSet></termEntry></body></text></martif>
"""


@pytest.fixture
def manager(window: MainWindow) -> Iterator[TermbaseManager]:
    terms = window.terminology.terminology
    terms.add_term("국방부", "Ministry of National Defense", note="mine")
    terms.add_term("우주작전대대", "Space Operations Battalion", en_acronym="SOB")
    terms.add_term("합동참모본부", "Joint Chiefs of Staff")
    window.terms.open_termbase_manager()
    dialog = window.terms.termbase_manager
    assert dialog.termbase == "personal"
    yield dialog
    dialog.reject()


def _personal_pairs() -> list[tuple[str, str]]:
    with Termbase.open(personal_path(), read_only=True) as personal:
        return [
            (e.preferred(Language.KO).text, e.preferred(Language.EN).text)  # type: ignore[union-attr]
            for e in personal.entries()
        ]


def test_the_models_pass_the_model_tester_and_search_filters(
    manager: TermbaseManager, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(manager.model)
    qtmodeltester.check(manager.proxy)
    assert manager.proxy.rowCount() == 3
    assert manager.model.index(1, 2).data() == "SOB"
    manager.search.setText("우주")
    assert manager.proxy.rowCount() == 1
    assert manager.proxy.index(0, KO).data() == "우주작전대대"
    manager.search.setText("MINE")  # the note, whatever the case
    assert manager.proxy.rowCount() == 1 and manager.count.text() == "1 of 3 entries"
    manager.search.clear()
    assert manager.proxy.rowCount() == 3


def test_an_entry_is_edited_in_the_personal_termbase(manager: TermbaseManager) -> None:
    manager.select_row(2)
    form = manager.edit_selected()
    assert form is not None and form.ko.text() == "합동참모본부"
    form.en.setText("Joint Chiefs of Staff (JCS)")
    form.note.setText("합참")
    form.accept()
    assert ("합동참모본부", "Joint Chiefs of Staff (JCS)") in _personal_pairs()
    assert manager.model.rowCount() == 3  # the table follows
    assert any(entry.note == "합참" for entry in manager.model.entries)


def test_a_delete_asks_first(manager: TermbaseManager) -> None:
    manager.select_row(0)
    box = manager.delete_selected()
    assert box is not None and "국방부" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert len(_personal_pairs()) == 3
    manager.select_row(0)
    box = manager.delete_selected()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert _personal_pairs() == [
        ("우주작전대대", "Space Operations Battalion"),
        ("합동참모본부", "Joint Chiefs of Staff"),
    ]
    assert manager.model.rowCount() == 2


def test_read_only_termbases_cannot_be_changed(manager: TermbaseManager) -> None:
    assert manager.add_button.isEnabled() and manager.import_button.isEnabled()
    manager.choose("shipped")
    assert manager.chooser.currentText() == "shipped (read-only)"
    assert manager.model.rowCount() > 400
    manager.select_row(0)
    for button in (manager.add_button, manager.edit_button, manager.delete_button, manager.import_button):
        assert not button.isEnabled()
    assert manager.export_button.isEnabled()
    assert manager.add_entry() is None and manager.edit_selected() is None and manager.delete_selected() is None


def test_a_hostile_tbx_is_refused_and_changes_nothing(manager: TermbaseManager, tmp_path: Path, qtbot: QtBot) -> None:
    hostile = tmp_path / "laughs.tbx"
    hostile.write_bytes(BILLION_LAUGHS)
    before = personal_path().read_bytes()
    with qtbot.waitSignal(manager.import_failed, timeout=5000) as blocker:
        manager.import_file(hostile)
    assert "entity declarations and external references are refused" in blocker.args[0]
    assert manager.message_box is not None and manager.message_box.text().startswith("Nothing was imported.")
    manager.message_box.close()
    assert personal_path().read_bytes() == before
    assert manager.model.rowCount() == 3


def test_a_glossary_imports_and_a_termbase_exports(manager: TermbaseManager, tmp_path: Path, qtbot: QtBot) -> None:
    glossary = tmp_path / "office.tsv"
    glossary.write_text("국방부\tMinistry of National Defense\t\n국가정보원\tNational Intelligence Service\tNIS\n")
    with qtbot.waitSignal(manager.imported, timeout=5000) as blocker:
        manager.import_file(glossary)
    report = blocker.args[0]
    assert (report.added, report.updated, len(report.skipped)) == (1, 0, 1)
    assert manager.message_box is not None and manager.message_box.text() == "Added 1 entries, updated 0, skipped 1."
    manager.message_box.close()
    assert manager.model.rowCount() == 4
    assert ("국가정보원", "National Intelligence Service") in _personal_pairs()
    # and the window's hits know it at once
    assert [h.term.text for h in manager.terminology.hits("국가정보원은", Language.KO)] == ["국가정보원"]
    out = tmp_path / "personal.tbx"
    assert manager.export_to(out)
    manager.message_box.close()
    assert [entry for entry, _where in exchange.read_file(out)][3].preferred(Language.EN).text == (  # type: ignore[union-attr]
        "National Intelligence Service"
    )
    manager.choose("shipped")
    assert manager.export_to(tmp_path / "shipped.csv")
    manager.message_box.close()
    assert "Ministry of National Defense" in (tmp_path / "shipped.csv").read_text("utf-8")

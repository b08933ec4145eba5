"""The termbase manager on the office store (a real private PostgreSQL server): the store chosen explicitly,
shown by its address without password and whether it answers; edits of existing office entries (Korean typed
through the input method) saved there, undone and redone; a conflict shown as a dialog offering reload; a
read-only role with editing off and why; away from the network, edits queued on the local copy; after a migration
the same id in both stores is edited only where chosen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing import settings as config
from briefing.model import Language
from briefing.stores import office
from briefing.stores.location import StoreLocation
from briefing.terms.model import Entry, Term
from briefing.terms.stack import personal_path
from briefing.terms.store import Termbase
from tests.pg import OfficeLink, PgServer
from tests.ui.conftest import type_korean
from ui.main_window import MainWindow
from ui.termbase_manager import TermbaseManager
from ui.terminology import OFFICE

ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = "BRIEFING_SCREENSHOTS"  # set: the test writes docs/screenshots/termbases-office-ko.png


def entry(entry_id: str, ko: str, en: str) -> Entry:
    return Entry(entry_id, [Term(ko, Language.KO), Term(en, Language.EN)])


def english(found: Entry | None) -> str:
    assert found is not None
    term = found.preferred(Language.EN)
    return term.text if term else ""


@pytest.fixture
def office_store(office_link: OfficeLink) -> StoreLocation:
    """The office store with three entries, chosen in the settings (with an author) before the window opens."""
    where = StoreLocation.parse(office_link.address)
    with office.open_office(where, author="Lee") as store:
        store.termbase.add_all(
            [
                entry("mnd", "국방부", "Ministry of National Defense"),
                entry("jcs", "합동참모본부", "Joint Chiefs of Staff"),
                entry("mofa", "외교부", "Ministry of Foreign Affairs"),
            ]
        )
    config.update(office_store=office_link.address, author="김민수")
    return where


def open_manager(window: MainWindow) -> TermbaseManager:
    window.terms.open_termbase_manager()
    manager = window.terms.termbase_manager
    assert manager is not None
    return manager


@pytest.fixture
def manager(office_store: StoreLocation, request: pytest.FixtureRequest) -> Iterator[TermbaseManager]:
    window: MainWindow = request.getfixturevalue("window")
    dialog = open_manager(window)
    dialog.choose(OFFICE)
    yield dialog
    dialog.reject()


def test_the_office_store_is_chosen_explicitly_and_edited_there(
    manager: TermbaseManager, office_store: StoreLocation, office_link: OfficeLink
) -> None:
    assert manager.chooser.findData("personal") >= 0 and manager.termbase == OFFICE
    assert manager.chooser.currentText() == f"Office store: {office_store.label}"
    assert office_store.label == f"postgres@{office_link.link}:{office_link.server.port}/{office_link.database}"
    status = manager.office_status.text()
    assert status.startswith(f"Connected to {office_store.label} as postgres.") and manager.office_status.isVisible()
    assert "***" not in status and "password" not in status.lower()
    assert manager.model.rowCount() == 3 and manager.add_button.isEnabled()
    manager.select_row(1)
    form = manager.edit_selected()
    assert form is not None and form.ko.text() == "합동참모본부" and form.store is not None
    form.ko.clear()
    type_korean(form.ko, "합동참모본부(합참)")
    form.en.setText("Joint Chiefs of Staff (JCS)")
    form.accept()
    assert form.error.isHidden()
    with office.open_office(office_store) as store:
        saved = store.termbase.get("jcs")
        assert saved is not None and (saved.version, saved.changed_by) == (2, "김민수")
        assert [t.text for t in saved.terms] == ["합동참모본부(합참)", "Joint Chiefs of Staff (JCS)"]
    assert not personal_path().exists()  # nothing went to the personal termbase
    assert manager.undo_button.isEnabled()
    manager.undo_button.click()  # undo is an edit of the office entry, checked against the version saved
    with office.open_office(office_store) as store:
        undone = store.termbase.get("jcs")
        assert english(undone) == "Joint Chiefs of Staff" and undone is not None and undone.version == 3
    manager.redo_button.click()
    with office.open_office(office_store) as store:
        assert english(store.termbase.get("jcs")) == "Joint Chiefs of Staff (JCS)"
    manager.select_row(2)
    box = manager.delete_selected()
    assert box is not None and "from the office termbase, for everyone?" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    manager.undo_stack.undo()  # the deleted entry comes back
    with office.open_office(office_store) as store:
        assert sorted(e.id for e in store.termbase.entries()) == ["jcs", "mnd", "mofa"]


def test_a_conflict_is_a_dialog_that_offers_reload(
    manager: TermbaseManager, office_store: StoreLocation, qtbot: QtBot
) -> None:
    manager.select_row(0)
    form = manager.edit_selected()
    assert form is not None
    hostile = '<img src="file:///etc/passwd">Lee\x1b[2J'  # their author setting, shown as it is
    with office.open_office(office_store, author=hostile) as store:  # meanwhile, someone else
        theirs = store.termbase.get("mnd")
        assert theirs is not None
        theirs.terms[1] = Term("Ministry of National Defence", Language.EN)
        store.termbase.update(theirs)
    form.note.clear()
    type_korean(form.note, "국방부 공식 영문 명칭")
    form.accept()
    box = form.conflict_box
    assert box is not None and box.isVisible() and form.isVisible()  # nothing saved, nothing closed
    assert f"entry 'mnd' was changed by {hostile} at" in box.text() and "your change was not saved" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText and form.error.textFormat() == Qt.TextFormat.PlainText
    assert box.informativeText() == "Your change: 국방부 → Ministry of National Defense"
    assert "note: 국방부 공식 영문 명칭" in box.detailedText()  # what was typed is kept in view
    reload = next(b for b in box.buttons() if b.text() == "Reload the entry")
    reload.click()
    assert form.en.text() == "Ministry of National Defence" and f"changed by {hostile}" in form.error.text()
    type_korean(form.note, "국방부 공식 영문 명칭")
    form.accept()
    with office.open_office(office_store) as store:
        saved = store.termbase.get("mnd")
        assert saved is not None and (saved.note, saved.version, english(saved)) == (
            "국방부 공식 영문 명칭",
            3,
            "Ministry of National Defence",
        )


def test_a_read_only_role_has_editing_off_and_is_told_why(
    pg_server: PgServer, office_link: OfficeLink, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with office.open_office(StoreLocation.parse(office_link.address)) as store:
        store.termbase.add(entry("mnd", "국방부", "Ministry of National Defense"))
    role = f"reviewer_{office_link.database}"
    with pg_server.admin(office_link.database) as db:
        db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'r3view-only'")
        db.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        db.execute(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    secret = tmp_path / "password"
    secret.write_text("r3view-only\n")
    secret.chmod(0o600)
    address = pg_server.tcp_address(office_link.database, role)
    config.update(office_store=address, office_store_password_file=str(secret))
    window: MainWindow = request.getfixturevalue("window")
    manager = open_manager(window)
    manager.choose(OFFICE)
    shown = StoreLocation.parse(address).label
    assert manager.chooser.currentText() == f"Office store: {shown} (read-only)"
    assert f"Editing is off: the role {role} may only read this termbase." in manager.office_status.text()
    assert "r3view-only" not in manager.office_status.text() + manager.chooser.currentText()
    manager.select_row(0)
    for button in (manager.add_button, manager.edit_button, manager.delete_button, manager.import_button):
        assert not button.isEnabled()
    assert manager.edit_selected() is None and manager.model.rowCount() == 1
    manager.reject()


def test_away_from_the_network_edits_wait_in_the_queue(
    office_store: StoreLocation, office_link: OfficeLink, request: pytest.FixtureRequest
) -> None:
    office.sync(office_store)
    office_link.away()
    window: MainWindow = request.getfixturevalue("window")
    manager = open_manager(window)
    manager.choose(OFFICE)
    assert manager.chooser.currentText() == f"Office store: {office_store.label} (local copy)"
    assert "cannot be reached: working from the local copy made" in manager.office_status.text()
    assert "0 changes wait to be sent" in manager.office_status.text()
    manager.select_row(0)
    form = manager.edit_selected()
    assert form is not None
    form.en.setText("Ministry of Defence")
    form.accept()
    assert "1 changes wait to be sent" in manager.office_status.text()
    assert any(english(e) == "Ministry of Defence" for e in manager.model.entries)
    manager.reject()
    office_link.back()
    synced = office.sync(office_store, author="김민수")
    assert (synced.edits_sent, synced.conflicts) == (1, [])


def test_after_a_migration_the_chosen_store_is_edited_not_the_id(
    office_store: StoreLocation, request: pytest.FixtureRequest
) -> None:
    with office.open_office(office_store) as source, office.open_embedded() as personal:
        office.migrate(source, personal)  # the same ids in both stores now
    window: MainWindow = request.getfixturevalue("window")
    manager = open_manager(window)
    assert manager.termbase == "personal" and manager.chooser.currentText() == "Personal (this computer)"
    manager.select_row(0)
    form = manager.edit_selected()
    assert form is not None and form.ko.text() == "국방부"
    form.en.setText("MND (personal)")
    form.accept()
    with Termbase.open(personal_path(), read_only=True) as mine:
        assert english(mine.get("mnd")) == "MND (personal)"
    with office.open_office(office_store) as store:
        kept = store.termbase.get("mnd")
        assert english(kept) == "Ministry of National Defense" and kept is not None and kept.version == 1
    manager.reject()


def test_the_office_choice_in_korean_at_1366(
    pg_server: PgServer, office_store: StoreLocation, tmp_path: Path, korean_ui: None, request: pytest.FixtureRequest
) -> None:
    """A drafter's view: logged in over TCP with a password from a private file."""
    database = office_store.address.split("/")[3].split("?")[0]
    with pg_server.admin(database) as db:
        if db.execute("SELECT 1 FROM pg_roles WHERE rolname = 'kim'").fetchone() is None:  # roles are per server
            db.execute("CREATE ROLE kim LOGIN PASSWORD 'dr4fter-pass'")
        db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kim")
        db.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kim")
    secret = tmp_path / "password"
    secret.write_text("dr4fter-pass\n")
    secret.chmod(0o600)
    address = pg_server.tcp_address(database, "kim")
    config.update(office_store=address, office_store_password_file=str(secret))
    window: MainWindow = request.getfixturevalue("window")
    window.resize(1366, 768)
    manager = open_manager(window)
    manager.choose(OFFICE)
    label = StoreLocation.parse(address).label
    assert manager.chooser.currentText() == f"사무실 저장소: {label}"
    assert manager.office_status.text().startswith(f"{label}에 kim(으)로 연결됨.")
    assert manager.undo_button.text() == "실행 취소" and manager.model.index(0, 6).data() == "사무실"
    assert "dr4fter-pass" not in manager.office_status.text()
    manager.select_row(0)
    manager.resize(1100, 560)
    manager.search.setFocus()
    QApplication.processEvents()
    assert manager.search.width() > 200  # the address does not squeeze the search out
    if os.environ.get(SCREENSHOTS):
        picture = window.grab()
        painter = QPainter(picture)
        painter.drawPixmap((1366 - manager.width()) // 2, (768 - manager.height()) // 2, manager.grab())
        painter.end()
        picture.save(str(ROOT / "docs" / "screenshots" / "termbases-office-ko.png"))
    manager.reject()

"""Autosave and recovery as a user meets them: a real editor process killed while editing, then a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.paths import recovery_folder
from briefing.recovery import orphaned_copies
from briefing.storage import save
from tests.conftest import EXAMPLE, ROOT

EDITOR = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from ui.app import create_application
    from briefing import settings as config
    from ui.main_window import MainWindow
    config.update(autosave_seconds=1)
    app = create_application()
    window = MainWindow()
    window.show()
    window.open_file(Path(sys.argv[1]))
    window.select("item-convened")
    window.item_editor.korean.setPlainText("복구되어야 할 수정 문안.")
    window.document.recovery_written = False
    original = window.document.write_recovery_copy
    def write():
        if original():
            print("recovery copy written", flush=True)
    window.document.autosave.timeout.disconnect()
    window.document.autosave.timeout.connect(write)
    app.exec()
    """
)


def test_killed_while_editing_then_restart_offers_and_restores(tmp_path: Path, qtbot: QtBot) -> None:
    document = tmp_path / "scwg-23.briefing"
    save(__import__("briefing.storage").storage.load(EXAMPLE), document)
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(root=str(ROOT)), "utf-8")
    editor = subprocess.Popen(
        [sys.executable, str(script), str(document)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert editor.stdout is not None
    line = editor.stdout.readline()
    assert line.strip() == "recovery copy written", line
    assert orphaned_copies(recovery_folder()) == []  # the editor is alive: nothing to recover yet
    editor.send_signal(signal.SIGKILL)
    editor.wait()
    editor.stdout.close()
    (entry,) = orphaned_copies(recovery_folder())
    assert entry.document_path == document
    # The next start offers the copy; the user restores it.
    from ui.app import offer_recovery
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()

    def press_restore() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert "did not close properly" in box.text() and str(document) in box.text()
        next(b for b in box.buttons() if b.text() == "Restore").click()

    QTimer.singleShot(200, press_restore)
    chosen = offer_recovery(window, orphaned_copies(recovery_folder()))
    assert chosen is not None
    window.open_recovered(chosen.load(), chosen.document_path)
    chosen.discard()
    try:
        assert window.document.path == document
        assert window.document.briefing.item("item-convened").text.ko == "복구되어야 할 수정 문안."
        assert window.isWindowModified()  # recovered work is unsaved until the user saves it
        assert window.save_to(document)
        assert (
            __import__("briefing.storage").storage.load(document).item("item-convened").text.ko
            == "복구되어야 할 수정 문안."
        )
        assert orphaned_copies(recovery_folder()) == []
    finally:
        window.document.undo_stack.setClean()
        window.close()


CRASHED_SESSION = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from briefing.paths import recovery_folder
    from briefing.recovery import RecoverySession
    from briefing.storage import load, read
    briefing = load(Path(sys.argv[1]))
    briefing.item("item-convened").set_text(briefing.item("item-convened").source.other, sys.argv[3])
    document = Path(sys.argv[2]) if sys.argv[2] else None
    digest = read(document)[1] if document and document.exists() else None  # as the window had read it
    RecoverySession(recovery_folder(), document).write(briefing, digest)
    os._exit(9)  # gone without discarding the copy, as a crash leaves it
    """
)


def _crashed_session(tmp_path: Path, document: Path | None, text: str) -> None:
    script = tmp_path / "crash.py"
    script.write_text(CRASHED_SESSION.format(root=str(ROOT)), "utf-8")
    subprocess.run([sys.executable, str(script), str(EXAMPLE), str(document or ""), text], check=False, timeout=60)


def _visible(kind: type, name: str) -> Any:
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.objectName() == name and w.isVisible()
    )


def test_recover_dialog_lists_every_copy_discards_one_and_restores_another(tmp_path: Path, qtbot: QtBot) -> None:
    from ui.main_window import MainWindow

    document = tmp_path / "scwg-23.briefing"
    save(__import__("briefing.storage").storage.load(EXAMPLE), document)
    _crashed_session(tmp_path, document, "첫 번째 창에서 고친 문안.")
    _crashed_session(tmp_path, None, "저장한 적 없는 문안.")
    assert len(orphaned_copies(recovery_folder())) == 2
    window = MainWindow()
    window.show()
    try:
        window.actions_["recoverAction"].trigger()
        dialog = _visible(QDialog, "recoveryDialog")
        assert dialog.list.count() == 2
        texts = [dialog.list.item(row).text() for row in range(2)]
        assert any(str(document) in text for text in texts)
        assert any("an unsaved briefing" in text for text in texts)
        # Discard the never-saved one, after confirming.
        dialog.list.setCurrentRow(next(row for row, text in enumerate(texts) if "an unsaved briefing" in text))
        dialog.discard_button.click()
        confirm = _visible(QMessageBox, "recoveryDiscardConfirm")
        next(b for b in confirm.buttons() if b.text() == "Delete").click()
        qtbot.waitUntil(lambda: dialog.list.count() == 1)
        assert len(orphaned_copies(recovery_folder())) == 1
        # Restore the other into the window.
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert window.document.path == document
        assert window.document.briefing.item("item-convened").text.ko == "첫 번째 창에서 고친 문안."
        assert window.isWindowModified()
        assert orphaned_copies(recovery_folder()) == []
        # Nothing left: the dialog says so.
        window.actions_["recoverAction"].trigger()
        empty = _visible(QDialog, "recoveryDialog")
        assert empty.list.count() == 0 and not empty.restore_button.isEnabled()
        assert empty.explanation.text() == "There is no unsaved work to recover."
        empty.close()
    finally:
        window.document.undo_stack.setClean()
        window.close()


def test_a_damaged_recovery_copy_is_reported_and_kept(tmp_path: Path, qtbot: QtBot) -> None:
    from ui.main_window import MainWindow

    _crashed_session(tmp_path, tmp_path / "lost.briefing", "문안.")
    (entry,) = orphaned_copies(recovery_folder())
    entry.copy_path.write_bytes(entry.copy_path.read_bytes()[:200])  # a disk that filled up, say
    window = MainWindow()
    window.show()
    try:
        window.actions_["recoverAction"].trigger()
        dialog = _visible(QDialog, "recoveryDialog")
        dialog.restore_button.click()
        failed = _visible(QMessageBox, "recoveryFailed")
        assert str(entry.copy_path) in failed.text() and "truncated" in failed.text()
        failed.close()
        assert dialog.isVisible() and entry.copy_path.exists()  # nothing deleted, the user can retry or copy it
        dialog.close()
    finally:
        window.close()


def test_start_offer_mentions_older_copies(tmp_path: Path) -> None:
    from ui.app import offer_recovery

    _crashed_session(tmp_path, tmp_path / "a.briefing", "하나.")
    _crashed_session(tmp_path, tmp_path / "b.briefing", "둘.")

    shown: list[str] = []

    def answer_later() -> None:
        box = _visible(QMessageBox, "recoveryOffer")
        shown.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == "Later").click()

    QTimer.singleShot(200, answer_later)
    assert offer_recovery(None, orphaned_copies(recovery_folder())) is None
    assert shown[0].endswith("Older copies: 1, listed under File → Recover unsaved work.")
    assert len(orphaned_copies(recovery_folder())) == 2  # "Later" keeps both


def test_restored_work_still_asks_before_saving_over_a_file_changed_since(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.storage import load
    from ui.main_window import MainWindow

    document = tmp_path / "scwg-23.briefing"
    save(load(EXAMPLE), document)
    _crashed_session(tmp_path, document, "충돌 전에 고친 문안.")
    theirs = load(document)
    theirs.item("item-convened").set_text(theirs.item("item-convened").source, "A colleague saved this meanwhile.")
    save(theirs, document)  # after the crash, before the restore
    on_disk = document.read_bytes()
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = MainWindow()
    window.show()
    try:
        (entry,) = orphaned_copies(recovery_folder())
        assert entry.disk_digest is not None
        assert window.restore_copy(entry)
        assert not window.save()
        assert asked and "was changed on disk after you opened it" in asked[0]
        assert document.read_bytes() == on_disk
    finally:
        window.document.undo_stack.setClean()
        window.close()

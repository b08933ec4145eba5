"""Autosave and recovery as a user meets them: a real editor process killed while editing, then a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
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
    from ui import settings as config
    from ui.main_window import MainWindow
    config.put(config.AUTOSAVE_SECONDS, 1)
    app = create_application()
    window = MainWindow()
    window.show()
    window.open_file(Path(sys.argv[1]))
    window._select("item-convened")
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
        assert window._save_to(document)
        assert (
            __import__("briefing.storage").storage.load(document).item("item-convened").text.ko
            == "복구되어야 할 수정 문안."
        )
        assert orphaned_copies(recovery_folder()) == []
    finally:
        window.document.undo_stack.setClean()
        window.close()

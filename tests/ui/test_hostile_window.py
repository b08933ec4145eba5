"""The window's side of issue 17: a broken office template is listed in the Export dialog with its problem (the
others are offered and export), what was stripped from a template is said, and another user's recovery copy is
a notice in the status bar, not a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing.export.templates import find_template, user_templates_folder
from briefing.messages import Message
from tests.conftest import EXAMPLE
from tests.test_template_checks import hostile_links
from ui.app import report_skipped_recovery
from ui.main_window import MainWindow
from ui.tasks import run_now


def test_the_export_dialog_lists_a_broken_template_and_a_stripped_one(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.export_dialog import ExportDialog

    broken = user_templates_folder() / "broken"
    shutil.copytree(find_template("press-release").folder, broken)
    (broken / "manifest.json").write_text(json.dumps({"name": []}), "utf-8")
    linked = user_templates_folder() / "linked"
    shutil.copytree(find_template("press-release").folder, linked)
    hostile_links(linked / "document.docx")
    window.open_file(EXAMPLE)
    dialog = ExportDialog(window, window.document, run_now)
    qtbot.addWidget(dialog)
    offered = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "broken" not in offered and {"press-release", "linked"} <= set(offered)
    notes = dialog.template_notes.text()
    assert not dialog.template_notes.isHidden()
    assert "template 'broken'" in notes and "name must be" in notes
    assert "template 'linked': document.docx: external links and macros were stripped" in notes
    dialog.folder.setText(str(tmp_path / "pack"))
    dialog.template.setCurrentIndex(dialog.template.findData("linked"))
    dialog.export()
    assert "Wrote 4 files to" in window.statusBar().currentMessage()


def test_a_skipped_recovery_copy_is_a_status_bar_notice(window: MainWindow) -> None:
    notice = Message("recovery.skipped", {"path": "/data/recovery/abc.briefing", "reason": "Permission denied"})
    report_skipped_recovery(window, [notice])
    assert window.statusBar().currentMessage() == (
        "/data/recovery/abc.briefing: a recovery copy that cannot be opened here (Permission denied); left as it is"
    )

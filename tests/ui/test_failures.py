"""Every failure reaches the user and the log: faults injected into save, autosave, export, translation, the
preview and an action; and background work outlives the dialog that started it."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.export import pack
from briefing.log import log_file
from briefing.safeguards import Answer
from briefing.translation.packages import PackageStore
from tests.conftest import EXAMPLE, ROOT
from ui.app import install_translators
from ui.errors import FailureHooks, describe, install_failure_hooks
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow

EXPORTED = [f"scwg-23.meeting-report.{kind}" for kind in ("bilingual.docx", "en.docx", "ko.docx", "manifest.json")]


def failure_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "failureDialog" and w.isVisible()
    ]


def the_failure_dialog(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: len(failure_dialogs()) == 1, timeout=10_000)
    return failure_dialogs()[0]


def logged() -> str:
    return log_file().read_text("utf-8")


def raising(error: BaseException) -> Callable[..., Any]:
    def broken(*args: object, **kwargs: object) -> Any:
        raise error

    return broken


def edit_something(window: MainWindow) -> None:
    window.select("item-convened")
    window.item_editor.korean.setPlainText("저장되지 않은 수정 문안.")
    assert window.isWindowModified()


# -- save ------------------------------------------------------------------------------------------
def test_a_fault_in_save_is_shown_logged_and_loses_nothing(
    window: MainWindow, qtbot: QtBot, example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(example_copy)
    edit_something(window)
    on_disk = example_copy.read_bytes()
    monkeypatch.setattr("briefing.storage.save", raising(RuntimeError("injected save fault")))
    window.actions_["save"].trigger()  # Ctrl+S
    box = the_failure_dialog(qtbot)
    assert box.parent() is window
    assert box.windowTitle() == "Save failed"
    assert box.text().startswith("The briefing was not saved. Your changes are still open here")
    assert box.informativeText().startswith("Unexpected error: RuntimeError: injected save fault")
    assert f"The details were written to {log_file()}." in box.informativeText()
    assert "Traceback (most recent call last)" in box.detailedText() and "in broken" in box.detailedText()
    text = logged()
    assert " ERROR save · Briefing Studio" in text
    assert "in save_to" in text and "RuntimeError: injected save fault" in text
    assert "저장되지 않은 수정 문안" not in text  # the document's text stays out of the log
    assert window.isWindowModified() and window.windowTitle() == "scwg-23.briefing[*] — Briefing Studio"
    assert example_copy.read_bytes() == on_disk


def test_a_fault_in_save_as_leaves_no_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    edit_something(window)
    target = tmp_path / "copy.briefing"
    monkeypatch.setattr("ui.files.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr("briefing.storage.dumps_checked", raising(AttributeError("'Item' object has no attribute 'x'")))
    window.actions_["saveAs"].trigger()
    box = the_failure_dialog(qtbot)
    assert "AttributeError: 'Item' object has no attribute 'x'" in box.informativeText()
    assert not target.exists() and window.document.path == EXAMPLE
    assert window.isWindowModified()


def test_an_expected_save_error_is_said_without_a_traceback(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    edit_something(window)
    folder = tmp_path / "taken.briefing"
    folder.mkdir()
    monkeypatch.setattr("ui.files.QFileDialog.getSaveFileName", lambda *a, **k: (str(folder), ""))
    window.actions_["saveAs"].trigger()
    box = the_failure_dialog(qtbot)
    assert box.windowTitle() == "Save failed"
    assert box.informativeText() == f"{folder}: is a folder, not a file"
    assert box.detailedText() == ""
    assert " ERROR save · " in logged()
    assert window.isWindowModified() and window.document.path == EXAMPLE


def test_closing_when_saving_fails_keeps_the_window_and_the_work(
    window: MainWindow, qtbot: QtBot, example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(example_copy)
    edit_something(window)
    monkeypatch.setattr("ui.files.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Save)
    monkeypatch.setattr("briefing.storage.save", raising(RuntimeError("injected")))
    assert not window.close()
    assert window.isVisible() and window.document.modified
    assert the_failure_dialog(qtbot).windowTitle() == "Save failed"


def test_the_failure_is_said_in_the_interface_language(
    window: MainWindow, qtbot: QtBot, qapp: QApplication, example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translators = install_translators(qapp, "ko")
    try:
        window.open_file(example_copy)
        edit_something(window)
        monkeypatch.setattr("briefing.storage.save", raising(RuntimeError("injected")))
        window.actions_["save"].trigger()
        box = the_failure_dialog(qtbot)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert box.windowTitle() == "저장 실패"
    assert box.text().startswith("브리핑을 저장하지 못했습니다.")
    assert box.informativeText().startswith("예기치 않은 오류: RuntimeError: injected")
    assert "Briefing Studio의 결함입니다." in box.informativeText()


# -- autosave --------------------------------------------------------------------------------------
def test_autosave_failures_are_reported_once_and_kept_in_the_status_bar(
    window: MainWindow, qtbot: QtBot, example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(example_copy)
    edit_something(window)
    document = window.document
    real_write = document.recovery.write
    monkeypatch.setattr(document.recovery, "write", raising(OSError(errno.ENOSPC, "No space left on device")))
    for _ in range(3):  # three ticks of the autosave timer
        document.autosave.timeout.emit()
    box = the_failure_dialog(qtbot)
    assert box.windowTitle() == "Backup copy failed"
    assert box.informativeText() == "No space left on device"  # an expected problem: no fault, no traceback
    assert box.detailedText() == ""
    assert window.backup_warning.isVisible()
    assert window.backup_warning.text() == "Unsaved work is not backed up"
    assert window.backup_warning.toolTip() == "No space left on device"
    assert logged().count(" ERROR autosave ") == 1
    box.close()
    # The disk has room again: the next tick writes the copy and the warning goes.
    monkeypatch.setattr(document.recovery, "write", real_write)
    document.autosave.timeout.emit()
    assert not window.backup_warning.isVisible()
    assert document.recovery.copy_path.exists()
    # A fault in a later tick starts a new run: reported again, with its traceback.
    monkeypatch.setattr(document.recovery, "write", raising(TypeError("injected autosave fault")))
    document.autosave.timeout.emit()
    document.autosave.timeout.emit()
    box = the_failure_dialog(qtbot)
    assert "TypeError: injected autosave fault" in box.informativeText()
    assert "in broken" in box.detailedText()
    assert logged().count(" ERROR autosave ") == 2
    assert window.backup_warning.isVisible()


# -- export and other background work ------------------------------------------------------------------
def start_export(window: MainWindow, folder: Path) -> ExportDialog:
    window.dialogs.export()
    dialog = window.dialogs.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.folder.setText(str(folder))
    dialog.template.setCurrentIndex(dialog.template.findData("meeting-report"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def is_export(task: Any, outcome: object) -> bool:
    return bool(task.context == "export")  # the preview renders in the background too


def gated(monkeypatch: pytest.MonkeyPatch, then: Callable[..., Any]) -> tuple[threading.Event, threading.Event]:
    """Make the export wait in its worker thread until the test opens the gate."""
    started, gate = threading.Event(), threading.Event()

    def slow(*args: object, **kwargs: object) -> Any:
        started.set()
        if not gate.wait(30):
            raise TimeoutError("the test never opened the gate")
        return then(*args, **kwargs)

    monkeypatch.setattr("ui.export_dialog.make_pack", slow)
    return started, gate


def test_a_fault_in_export_is_shown_over_the_dialog_and_logged(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    monkeypatch.setattr(pack, "verify", raising(RuntimeError("injected export fault")))  # after rendering
    with qtbot.waitSignal(window.tasks.task_failed, timeout=30_000, check_params_cb=is_export):
        dialog = start_export(window, tmp_path / "pack")
    box = the_failure_dialog(qtbot)
    assert box.parent() is dialog and dialog.isVisible()
    assert box.windowTitle() == "Export failed"
    assert "RuntimeError: injected export fault" in box.informativeText()
    assert "in make_pack" in box.detailedText()
    assert " ERROR export · " in logged() and "in make_pack" in logged()
    assert not (tmp_path / "pack").exists()
    assert dialog.buttons.isEnabled()  # the user can change something and try again


def test_an_expected_export_error_is_shown_without_a_traceback(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.open_file(EXAMPLE)
    window.select("item-convened")
    window.item_editor.korean.setPlainText("승인되지 않은 문안.")  # no longer approved
    with qtbot.waitSignal(window.tasks.task_failed, timeout=30_000, check_params_cb=is_export):
        start_export(window, tmp_path / "pack")
    box = the_failure_dialog(qtbot)
    assert box.informativeText().startswith("1 item(s) are not approved: 1.1 (edited).")
    assert box.detailedText() == ""
    assert " ERROR export · " in logged()  # logged all the same


def test_export_finishes_with_the_dialog_open(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.open_file(EXAMPLE)
    with qtbot.waitSignal(window.tasks.task_finished, timeout=30_000, check_params_cb=is_export) as blocker:
        dialog = start_export(window, tmp_path / "pack")
    assert dialog.pack_result is blocker.args[1]
    assert not dialog.isVisible()  # it closed itself
    assert window.statusBar().currentMessage() == f"Wrote 4 files to {tmp_path / 'pack'}."


def test_escape_during_an_export_still_reports_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    started, gate = gated(monkeypatch, pack.make_pack)
    dialog = start_export(window, tmp_path / "pack")
    assert started.wait(10)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: window.findChild(ExportDialog) is None, timeout=20_000
    )  # closed, deleted (WA_DeleteOnClose)
    # (the QA run that opening started may still be going in the QA process, and the preview rendering)
    assert [task.title for task in window.tasks.running() if task.context not in ("qa", "preview")] == ["Exporting…"]
    announced: list[str] = []
    window.tasks.announced.connect(announced.append)
    with qtbot.waitSignal(window.tasks.task_finished, timeout=30_000, check_params_cb=is_export) as blocker:
        gate.set()
    task, result = blocker.args
    assert task.title == "Exporting…"
    assert sorted(p.name for p in result.files) == EXPORTED
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == EXPORTED
    assert announced == [f"Wrote 4 files to {tmp_path / 'pack'}."]
    assert window.statusBar().currentMessage() == announced[0]
    assert window.tasks.running() == [] and failure_dialogs() == []


def test_the_progress_of_an_export_moves_over_the_window_on_escape(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    started, gate = gated(monkeypatch, pack.make_pack)
    dialog = start_export(window, tmp_path / "pack")
    task = dialog.task
    assert task is not None and started.wait(10)
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5_000)  # after half a second
    assert task.dialog.parent() is dialog
    # Esc goes to the active window: in the progress dialog it cancels, in the export dialog it closes.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not task.cancel_event.is_set()  # closing the dialog is not cancelling the export
    progress = task.dialog
    assert progress is not None and progress.parent() is window and progress.isVisible()
    progress.canceled.emit()  # its Cancel button still reaches the work
    assert task.cancel_event.is_set()
    with qtbot.waitSignal(window.tasks.task_finished, timeout=30_000, check_params_cb=is_export):
        gate.set()
    assert task.dialog is None and not (shiboken6.isValid(progress) and progress.isVisible())


def test_escape_during_a_failing_export_still_shows_the_failure(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    started, gate = gated(monkeypatch, raising(RuntimeError("injected late export fault")))
    dialog = start_export(window, tmp_path / "pack")
    assert started.wait(10)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)
    with qtbot.waitSignal(window.tasks.task_failed, timeout=30_000, check_params_cb=is_export):
        gate.set()
    box = the_failure_dialog(qtbot)
    assert box.parent() is window
    assert box.windowTitle() == "Export failed"
    assert "RuntimeError: injected late export fault" in box.informativeText()
    assert " ERROR export · " in logged()


def test_closing_the_packages_dialog_during_an_install_still_reports_it(
    window: MainWindow, qtbot: QtBot, package_files: dict[tuple[str, str], Path]
) -> None:
    window.dialogs.packages()
    dialog = window.dialogs.packages_dialog
    with qtbot.waitSignal(
        window.tasks.task_finished, timeout=30_000, check_params_cb=lambda task, result: task.context == "packages"
    ):
        dialog.install(package_files[("en", "ko")])
        dialog.reject()  # the Close button, before the install is done
    assert window.statusBar().currentMessage() == "Installed English → Korean, version 1.0."
    assert [(p.from_code, p.to_code) for p in PackageStore().installed()] == [("en", "ko")]


def test_closing_the_window_cancels_running_work_quietly(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    started, gate = gated(monkeypatch, pack.make_pack)
    dialog = start_export(window, tmp_path / "pack")
    task = dialog.task
    assert task is not None and started.wait(10)
    heard: list[object] = []
    window.tasks.task_finished.connect(lambda *args: heard.append(args))
    window.tasks.task_failed.connect(lambda *args: heard.append(args))
    assert window.close()
    assert task.cancel_event.is_set() and window.tasks.running() == []
    window.deleteLater()  # the window, its task manager and the dialog go before the work ends
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    gate.set()
    assert task.worker is not None
    task.worker.join(30)
    QCoreApplication.processEvents()
    assert heard == [] and failure_dialogs() == []  # nothing delivered, no "Signal source has been deleted"


def test_a_fault_in_translation_is_shown_and_logged(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_file(EXAMPLE)
    window.select("item-convened")
    monkeypatch.setattr(window.translation.worker, "submit", raising(RuntimeError("injected translation fault")))
    window.translation.ask_overwrite = lambda _parent, _plan: Answer.REPLACE  # the item is approved: replace it
    with qtbot.waitSignal(
        window.tasks.task_failed, timeout=30_000, check_params_cb=lambda task, error: task.context == "translation"
    ):
        window.actions_["retranslateSelection"].trigger()
    box = the_failure_dialog(qtbot)
    assert box.windowTitle() == "Translation failed"
    assert "RuntimeError: injected translation fault" in box.informativeText()
    assert " ERROR translation · " in logged()


def test_a_fault_in_the_preview_is_said_in_the_preview_and_logged(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.preview_pane.preview_html", raising(RuntimeError("injected preview fault")))
    window.open_file(EXAMPLE)
    qtbot.waitUntil(lambda: "injected preview fault" in window.preview.toPlainText(), timeout=10_000)
    text = window.preview.toPlainText()
    assert text.startswith("The preview could not be made. Unexpected error: RuntimeError: injected preview fault")
    assert str(log_file()) in text
    assert " ERROR preview · " in logged()
    assert failure_dialogs() == []  # no dialog on every keystroke


# -- anything else: the exception hooks -------------------------------------------------------------
def test_the_exception_hook_shows_and_logs_what_nobody_caught(window: MainWindow, qtbot: QtBot) -> None:
    try:
        {}["missing"]
    except KeyError as caught:
        error = caught
    FailureHooks().on_exception(KeyError, error, error.__traceback__)
    box = the_failure_dialog(qtbot)
    assert box.windowTitle() == "Something went wrong"
    assert box.informativeText().startswith("Unexpected error: KeyError: 'missing'")
    assert "in test_the_exception_hook_shows_and_logs_what_nobody_caught" in box.detailedText()
    assert " ERROR action · " in logged()


def test_an_exception_in_a_worker_thread_reaches_the_gui(window: MainWindow, qtbot: QtBot) -> None:
    hooks = install_failure_hooks()
    try:
        thread = threading.Thread(target=raising(ZeroDivisionError("injected in a thread")))
        thread.start()
        thread.join()
    finally:
        hooks.uninstall()
    box = the_failure_dialog(qtbot)  # carried to the GUI thread
    assert box.windowTitle() == "Background task failed"
    assert "ZeroDivisionError: injected in a thread" in box.informativeText()
    assert " ERROR task · " in logged()


@pytest.mark.qt_no_exception_capture  # let the exception reach sys.excepthook, as in the application
def test_a_failing_action_reports_through_the_hook(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.main_window.fresh_briefing", raising(RuntimeError("injected in File → New")))
    window.ask_origin = lambda _parent, _default: "ko"
    hooks = install_failure_hooks()
    try:
        window.actions_["new"].trigger()
    finally:
        hooks.uninstall()
    box = the_failure_dialog(qtbot)
    assert box.windowTitle() == "Something went wrong"
    assert "RuntimeError: injected in File → New" in box.informativeText()
    assert "in choose_new" in box.detailedText()
    assert "in choose_new" in logged()


def test_the_same_failure_is_not_stacked_while_it_is_shown(window: MainWindow, qtbot: QtBot) -> None:
    hooks = FailureHooks()
    error = RuntimeError("again and again")
    for _ in range(5):
        hooks.on_exception(RuntimeError, error, None)
    assert len(failure_dialogs()) == 1
    assert logged().count(" ERROR action ") == 5


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.EACCES, "Permission denied", "/srv/briefings/a.briefing"),
         ("File or disk problem", "/srv/briefings/a.briefing: Permission denied")),
        (pack.ExportError("PDF needs LibreOffice"), ("Error", "PDF needs LibreOffice")),
        (ValueError("bad"), ("Unexpected error", "ValueError: bad")),
        (RuntimeError(), ("Unexpected error", "RuntimeError")),
    ],
)  # fmt: skip
def test_describe_words_expected_errors_and_faults(error: BaseException, expected: tuple[str, str]) -> None:
    assert describe(error) == expected


def test_a_failure_from_nowhere_is_shown_over_the_window(window: MainWindow, qtbot: QtBot) -> None:
    FailureHooks().on_exception(RuntimeError, RuntimeError("x"), None)
    assert the_failure_dialog(qtbot).parent() is window


APPLICATION = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import ui.main_window
    from ui.app import create_application, run_app

    def broken(*_args):
        raise RuntimeError("injected in the running application")

    def choose_new():
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        ui.main_window.fresh_briefing = broken
        window.ask_origin = lambda _parent, _default: "ko"  # File → New's question, answered
        window.actions_["new"].trigger()  # as File → New would
        boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "failureDialog" and w.isVisible()]
        print("shown:", [(b.windowTitle(), b.informativeText().splitlines()[0]) for b in boxes], flush=True)
        QApplication.instance().quit()

    create_application()
    QTimer.singleShot(0, choose_new)
    sys.exit(run_app(None, "en"))
    """
)


@pytest.mark.slow
def test_the_application_installs_the_hooks(tmp_path: Path, briefing_home: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(APPLICATION.format(root=str(ROOT)), "utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_HOME": str(briefing_home)},
    )
    assert result.returncode == 0, result.stderr
    shown = "[('Something went wrong', 'Unexpected error: RuntimeError: injected in the running application')]"
    assert result.stdout.strip() == f"shown: {shown}"
    assert "RuntimeError: injected in the running application" in result.stderr  # still printed for a terminal
    assert "in choose_new" in log_file(briefing_home).read_text("utf-8")


def test_a_final_export_from_the_window_refuses_an_unwaived_qa_error(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from briefing.storage import load, save

    briefing = load(EXAMPLE)
    first = briefing.items()[0]
    first.text.ko = first.text.ko.replace("제23차", "제24차")  # hand-edited: still approved, but says another number
    path = tmp_path / "planted.briefing"
    save(briefing, path)
    window.open_file(path)
    with qtbot.waitSignal(window.tasks.task_failed, timeout=30_000, check_params_cb=is_export):
        start_export(window, tmp_path / "pack")
    box = the_failure_dialog(qtbot)
    assert box.informativeText().startswith("1 QA error(s) are not waived: 1.1 numbers: the source says")
    assert box.detailedText() == ""
    assert not (tmp_path / "pack").exists()

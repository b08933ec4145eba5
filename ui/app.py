"""Starting the window: the QApplication, its interface language, recovery after a crash, the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from briefing import __version__
from briefing import settings as config
from briefing.fileformat import BriefingFormatError
from briefing.messages import Message
from briefing.paths import DataFolderError, check_data_home, recovery_folder
from briefing.recovery import RecoveryEntry, orphaned_copies
from briefing.storage import BriefingFileError
from ui.errors import install_failure_hooks
from ui.i18n import LOCALES, UI_LANGUAGES, install_translators, set_ui_language, system_ui_language
from ui.labels import fill
from ui.messages import error_text, text

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["LOCALES", "create_application", "install_translators", "offer_recovery", "run_app"]


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Briefing Studio")
    app.setOrganizationName("briefing-studio")
    app.setApplicationVersion(__version__)
    return app


def offer_recovery(parent: QWidget | None, entries: list[RecoveryEntry]) -> RecoveryEntry | None:
    """After an unclean exit: ask whether to restore the newest unsaved work."""
    entry = entries[0]
    box = QMessageBox(
        QMessageBox.Icon.Question, QCoreApplication.translate("Recovery", "Recover unsaved work"), "", parent=parent
    )
    box.setObjectName("recoveryOffer")
    name = (
        str(entry.document_path)
        if entry.document_path
        else QCoreApplication.translate("Recovery", "an unsaved briefing")
    )
    box.setText(
        fill(
            QCoreApplication.translate(
                "Recovery", "Briefing Studio did not close properly. Restore the unsaved changes to %1?"
            ),
            name,
        )
    )
    saved = fill(QCoreApplication.translate("Recovery", "Saved at %1 (UTC)."), f"{entry.written:%Y-%m-%d %H:%M}")
    if len(entries) > 1:
        more = QCoreApplication.translate("Recovery", "Older copies: %1, listed under File → Recover unsaved work.")
        saved += "\n" + fill(more, len(entries) - 1)
    box.setInformativeText(saved)
    restore = box.addButton(QCoreApplication.translate("Recovery", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("Recovery", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restore:
        return entry
    if box.clickedButton() is discard:
        entry.discard()
    return None


def report_settings_problems(window: QWidget, loaded: config.Loaded) -> QMessageBox | None:
    """Say once, at the start, what was wrong with the settings file and what was used instead."""
    problems = [str(problem) for problem in loaded.problems if problem.code != "settings.file_migrated"]
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not problems:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Startup", "Settings"),
        QCoreApplication.translate("Startup", "Some settings could not be used; the defaults were used instead."),
        parent=window,
    )
    box.setObjectName("settingsProblems")
    box.setInformativeText("\n".join(problems))
    box.open()
    return box


def report_skipped_recovery(window: QMainWindow, skipped: list[Message]) -> None:
    """Recovery copies that could not be opened (another user's): said on stderr and in the status bar, never
    a traceback; the window starts as usual."""
    lines = [text(notice.code, notice.params) for notice in skipped]
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)
    if lines:
        window.statusBar().showMessage("; ".join(lines))


def run_app(path: Path | None, ui_language: str | None = None) -> int:
    from briefing.qa.worker import QaWorker
    from ui.main_window import MainWindow

    app = create_application()
    try:
        check_data_home()
    except DataFolderError as error:  # before settings are read: they live there
        set_ui_language(app, ui_language if ui_language in UI_LANGUAGES else system_ui_language())
        print(f"error: {error}", file=sys.stderr)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Briefing Studio",
            QCoreApplication.translate("Startup", "Briefing Studio cannot start: its data folder is not usable."),
        )
        box.setObjectName("dataFolderError")
        box.setInformativeText(error_text(error))
        box.exec()
        return 2
    loaded = config.load()
    chosen = ui_language or loaded.settings.ui_language
    set_ui_language(app, chosen if chosen in UI_LANGUAGES else system_ui_language())
    install_failure_hooks()  # from here on an exception nobody catches is shown and logged, not only printed
    qa_worker = QaWorker()  # the application's QA process: started on the first run, stopped when the app ends
    try:
        return _show_window(app, MainWindow(qa_worker=qa_worker), loaded, path)
    finally:
        qa_worker.close()


def _show_window(app: QApplication, window: MainWindow, loaded: config.Loaded, path: Path | None) -> int:
    window.show()
    report_settings_problems(window, loaded)
    skipped: list[Message] = []
    orphans = orphaned_copies(recovery_folder(), skipped)
    report_skipped_recovery(window, skipped)
    restored = offer_recovery(window, orphans) if orphans else None
    if restored is not None:
        try:
            window.open_recovered(restored.load(), restored.document_path, restored.disk_digest)
            restored.discard()
        except (BriefingFormatError, BriefingFileError) as error:
            QMessageBox.critical(window, QCoreApplication.translate("Recovery", "Cannot recover"), error_text(error))
    elif path is not None:
        window.open_file(path)
    return app.exec()

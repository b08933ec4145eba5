"""Compare the open briefing with another version of it, from the window: another .briefing file, or the file's
`.bak` (the version before the last save). The other file is read and compared in the background, against a
snapshot of the briefing as it is on screen (unsaved changes included); the report opens in ui/compare_dialog.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from briefing import storage
from briefing.compare.versions import Report, compare
from ui.compare_dialog import CompareDialog
from ui.document import DocumentController
from ui.errors import report_failure
from ui.exchange_commands import reviewer
from ui.tasks import Progress, Runner


class CompareCommands(QObject):
    compared = Signal(object)  # the CompareDialog now shown
    failed = Signal(object)  # the exception of a comparison that could not be made
    message = Signal(str, int)

    def __init__(self, window: QWidget, runner: Runner, document: Callable[[], DocumentController]) -> None:
        super().__init__(window)
        self.window, self.runner, self.document = window, runner, document
        self.dialog: CompareDialog | None = None

    def backup(self) -> Path | None:
        """The open file's `.bak`, when there is one."""
        path = self.document().path
        if path is None:
            return None
        backup = storage.backup_path(path)
        return backup if backup.is_file() else None

    def has_backup(self) -> bool:
        return self.backup() is not None

    def choose_other(self) -> None:
        path = self.document().path
        folder = str(path.parent) if path is not None else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Compare with"), folder, self.tr("Briefings (*.briefing *.bak);;All files (*)")
        )
        if name:
            self.compare_with(Path(name))

    def compare_with_backup(self) -> None:
        backup = self.backup()
        if backup is None:
            self.message.emit(self.tr("There is no earlier version: the .bak is written when the file is saved"), 8000)
            return
        self.compare_with(backup)

    def compare_with(self, other: Path) -> None:
        """What changed from `other` (the old version) to the briefing on screen (the new one)."""
        document = self.document()
        snapshot = document.snapshot()
        path = document.path
        new_name = str(path) if path is not None else self.tr("Untitled")
        if document.modified:
            new_name += " " + self.tr("(with unsaved changes)")

        def work(_progress: Progress, _cancel: threading.Event) -> Report:
            return compare(storage.load(other), snapshot)

        def done(report: Report) -> None:
            inputs = (other,) if path is None else (other, path)
            dialog = CompareDialog(self.window, report, str(other), new_name, self.runner, reviewer, inputs)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog = dialog
            dialog.show()
            self.compared.emit(dialog)

        def failed(error: BaseException) -> None:
            report_failure(self.window, "compare", error)
            self.failed.emit(error)

        self.runner(self, self.tr("Comparing…"), work, done, failed, context="compare")

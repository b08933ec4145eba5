"""Opening and saving from the window, with the questions they ask and the dialogs that report a problem.

Unsaved changes ask before they are lost; a file someone else changed on disk asks before it is replaced; a
file that cannot be opened is reported with every problem and the open briefing stays. The window gives this
part the current document and a way to make a new one, and shows what `opened` hands back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing.fileformat import BriefingFormatError
from briefing.model import Briefing
from briefing.recovery import RecoveryEntry
from briefing.storage import BriefingFileError, ChangedOnDisk, backup_path, read
from ui import state as window_state
from ui.document import DocumentController
from ui.errors import report_failure
from ui.labels import fill
from ui.messages import error_text

MakeDocument = Callable[[Briefing, Path | None, str | None], DocumentController]


class FileCommands(QObject):
    opened = Signal(object)  # a DocumentController on the file just read, for the window to show
    recovered = Signal(object, object, object)  # a recovered Briefing, its file (or None), the file's digest then
    open_failed = Signal(str)  # the message shown to the user
    saved = Signal(str)  # the path
    message = Signal(str, int)  # a passing status-bar message and how long it stays (ms)
    recent_changed = Signal()

    def __init__(self, window: QWidget, document: Callable[[], DocumentController], make: MakeDocument) -> None:
        super().__init__(window)
        self.window, self.document, self.make = window, document, make

    def confirm_discard(self) -> bool:
        """Ask before unsaved changes are lost; True when it is fine to go on."""
        if not self.document().modified:
            return True
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("The briefing has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def choose_file(self) -> None:
        if not self.confirm_discard():
            return
        current = self.document().path
        start = str(current.parent) if current else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open briefing"), start, self.tr("Briefings (*.briefing);;All files (*)")
        )
        if name:
            self.open_file(Path(name), ask=False)

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a briefing; on failure show every problem and keep the current document."""
        if ask and not self.confirm_discard():
            return False
        try:
            briefing, digest = read(path)
        except (BriefingFormatError, BriefingFileError) as error:
            text = error_text(error)
            self.open_failed.emit(text)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Cannot open briefing"),
                self.tr("The file could not be opened. Nothing was changed."),
                parent=self.window,
            )
            box.setInformativeText(text.splitlines()[0])
            box.setDetailedText(text)
            box.open()
            return False
        self.opened.emit(self.make(briefing, path, digest))
        self.remember(path)
        return True

    def restore(self, entry: RecoveryEntry) -> bool:
        """Open a recovery copy as unsaved work on its original file, then delete the copy; a damaged copy
        is reported and kept."""
        if not self.confirm_discard():
            return False
        try:
            briefing = entry.load()
        except (BriefingFormatError, BriefingFileError) as error:
            box = QMessageBox(
                QMessageBox.Icon.Critical, self.tr("Cannot recover"), error_text(error), parent=self.window
            )
            box.setObjectName("recoveryFailed")
            box.open()
            return False
        self.recovered.emit(briefing, entry.document_path, entry.disk_digest)
        entry.discard()
        return True

    def save(self) -> bool:
        path = self.document().path
        return self.save_as() if path is None else self.save_to(path)

    def save_as(self) -> bool:
        start = str(self.document().path or Path.cwd() / "briefing.briefing")
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save briefing"), start, self.tr("Briefings (*.briefing)")
        )
        if not name:
            return False
        return self.save_to(Path(name) if name.endswith(".briefing") else Path(name + ".briefing"))

    def save_to(self, path: Path) -> bool:
        document = self.document()
        try:
            try:
                document.save(path)
            except ChangedOnDisk:
                if not self._replace_changed_file(path):
                    self.message.emit(self.tr("Not saved: use Save As to keep both versions"), 8000)
                    return False
                document.save(path, overwrite_changes=True)
        except Exception as error:  # a full disk or a fault alike: the document stays open and modified
            report_failure(self.window, "save", error)
            return False
        self.remember(path)
        self.message.emit(fill(self.tr("Saved %1"), path), 4000)
        self.saved.emit(str(path))
        return True

    def _replace_changed_file(self, path: Path) -> bool:
        """Someone saved over the file since it was opened here: ask before replacing their version."""
        answer = QMessageBox.question(
            self.window,
            self.tr("File changed on disk"),
            fill(
                self.tr(
                    "%1 was changed on disk after you opened it, perhaps by someone else. Replace it with "
                    "your version? The version on disk is kept as %2."
                ),
                path.name,
                backup_path(path).name,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remember(self, path: Path) -> None:
        window_state.remember_file(path)
        self.recent_changed.emit()

"""Review outside the application, from the window: the briefing out as XLIFF 2.0 or a bilingual review DOCX,
and a reviewed file back in (briefing/exchange/).

Both directions run in the background (ui/tasks.py) on a snapshot of the briefing: review files may be large.
An import first shows what the file changes (ui/review_import_dialog.py); Apply makes it one undo step through
the document, with the reviewer from Settings as the author of approvals, flags and comments, as approving in
the editor does. Should the briefing change while the file is read or the dialog is open (a translation
finishing), the diff no longer describes it: the file is read again. A file that cannot be used (damaged,
hostile, another briefing's) is reported through the window's failure dialog and changes nothing.
"""

from __future__ import annotations

import contextlib
import getpass
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing import settings as config
from briefing.edits import Changes
from briefing.exchange import review_docx, xliff
from briefing.exchange.review import ReviewDiff, direction
from briefing.exchange.reviewed import read
from briefing.model import Briefing, Language
from ui.document import DocumentController
from ui.errors import report_failure
from ui.labels import fill
from ui.messages import refusal_text
from ui.review_import_dialog import ReviewImportDialog
from ui.tasks import Progress, Runner

XLIFF, REVIEW_DOCX = "xliff", "review-docx"
MESSAGE_MS = 10_000
READS = 3  # times a file is read again because the briefing changed meanwhile, before giving up for now


def reviewer() -> str:
    """Who imports a review: the author from Settings (as approvals in the editor have it)."""
    return config.current().author or getpass.getuser()


def source_languages(briefing: Briefing) -> set[Language]:
    return {item.source for item in briefing.items()}


class ReviewFiles(QObject):
    exported = Signal(str, int)  # the file written, the items in it
    review_read = Signal(object)  # the ReviewImportDialog now shown
    imported = Signal(int)  # items the applied review changed
    failed = Signal(object)  # the exception of an export or import that could not be done
    message = Signal(str, int)  # for the status bar, and for how long

    def __init__(self, window: QWidget, runner: Runner, document: Callable[[], DocumentController]) -> None:
        super().__init__(window)
        self.window, self.runner, self.document = window, runner, document
        self.dialog: ReviewImportDialog | None = None

    # -- export ----------------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        """Ask for the source language (when items of both directions occur) and the file, then export."""
        briefing = self.document().briefing
        source = self.choose_source(briefing)
        if source is None:
            return
        path = self.document().path
        stem = path.stem if path is not None else "briefing"
        if kind == XLIFF:
            suggested, filters = f"{stem}.{source.value}-{source.other.value}.xlf", self.tr("XLIFF 2.0 (*.xlf)")
        else:
            suggested, filters = f"{stem}-review.docx", self.tr("Word documents (*.docx)")
        folder = path.parent if path is not None else Path.cwd()
        title = self.tr("Export for review")
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(folder / suggested), filters)
        if not name:
            return
        suffix = ".xlf" if kind == XLIFF else ".docx"
        target = Path(name) if Path(name).suffix.lower() in (suffix, ".xliff") else Path(name + suffix)
        self.export(target, kind, source)

    def choose_source(self, briefing: Briefing) -> Language | None:
        """The source language of the export: the only one there is, or the one the user picks (None: cancel)."""
        languages = source_languages(briefing)
        if len(languages) < 2:
            return next(iter(languages), briefing.origin_language)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export for review"),
            self.tr(
                "The briefing has items written in Korean and items written in English. A review file holds one "
                "direction: which items should it hold?"
            ),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("reviewDirection")
        korean = box.addButton(self.tr("Korean → English"), QMessageBox.ButtonRole.AcceptRole)
        english = box.addButton(self.tr("English → Korean"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(korean if direction(briefing) is Language.KO else english)
        box.exec()
        clicked = box.clickedButton()
        return Language.KO if clicked is korean else Language.EN if clicked is english else None

    def export(self, path: Path, kind: str, source: Language | None = None) -> None:
        """Write the review file in the background; the status bar says how many items it holds."""
        snapshot = self.document().snapshot()
        total = len(snapshot.items())
        writer = xliff.export_xliff if kind == XLIFF else review_docx.export_review_docx

        def work(_progress: Progress, _cancel: threading.Event) -> int:
            return writer(snapshot, path, source)

        def done(left_out: int) -> None:
            written = total - left_out
            line = fill(self.tr("Wrote %1 items to %2 for review"), written, path)
            if left_out:
                line += " " + fill(self.tr("(%1 items of the other direction left out)"), left_out)
            self.message.emit(line, MESSAGE_MS)
            self.exported.emit(str(path), written)

        self.runner(
            self,
            self.tr("Exporting for review…"),
            work,
            done,
            lambda error: self._failed("review_export", error),
            context="review_export",
        )

    # -- import ----------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path = self.document().path
        folder = str(path.parent) if path is not None else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import review"),
            folder,
            self.tr("Review files (*.xlf *.xliff *.docx);;All files (*)"),
        )
        if name:
            self.import_review(Path(name))

    def import_review(self, path: Path, reads_left: int = READS) -> None:
        """Read the file in the background against a snapshot, then show what it changes."""
        document = self.document()
        snapshot = document.snapshot()
        stale = _Staleness(document)

        def work(_progress: Progress, _cancel: threading.Event) -> ReviewDiff:
            return read(snapshot, path)

        def done(review: ReviewDiff) -> None:
            stale.stop()
            if self.document() is not document:
                return  # another briefing was opened meanwhile: this diff is of no use
            if stale.changed and reads_left > 0:
                self.import_review(path, reads_left - 1)  # the briefing changed while the file was read: again
                return
            if stale.changed:  # it keeps changing (a long translation applying its results)
                self.message.emit(self.tr("The briefing keeps changing: import the review when it is done"), 0)
                return
            self._show(path, review, document, snapshot)

        def failed(error: BaseException) -> None:
            stale.stop()
            self._failed("review_import", error)

        self.runner(self, self.tr("Reading the review file…"), work, done, failed, context="review_import")

    def _show(self, path: Path, review: ReviewDiff, document: DocumentController, snapshot: Briefing) -> None:
        dialog = ReviewImportDialog(self.window, review, snapshot, path.name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        stale = _Staleness(document)
        dialog.finished.connect(lambda _result: stale.stop())
        dialog.apply_requested.connect(lambda: self._apply(dialog, path, review, document, stale))
        self.dialog = dialog
        dialog.open()
        self.review_read.emit(dialog)

    def _apply(
        self,
        dialog: ReviewImportDialog,
        path: Path,
        review: ReviewDiff,
        document: DocumentController,
        stale: _Staleness,
    ) -> None:
        if stale.changed or self.document() is not document:
            dialog.reject()
            self.message.emit(self.tr("The briefing changed while the review was shown: reading it again"), MESSAGE_MS)
            if self.document() is document:
                self.import_review(path)
            return
        refusal = document.try_apply(review.edit(reviewer()), initiator=self)
        if refusal is not None:
            dialog.show_problem(refusal_text(refusal))
            return
        dialog.accept()
        count = len(review.changes)
        self.message.emit(fill(self.tr("Review imported: %1 items changed (one undo step)"), count), MESSAGE_MS)
        self.imported.emit(count)

    def _failed(self, context: str, error: BaseException) -> None:
        report_failure(self.window, context, error)
        self.failed.emit(error)


class _Staleness:
    """Whether a document changed since this was made (until `stop`)."""

    def __init__(self, document: DocumentController) -> None:
        self.document = document
        self.changed = False
        self._watching = True
        document.changed.connect(self._changed)

    def _changed(self, _changes: Changes) -> None:
        self.changed = True

    def stop(self) -> None:
        if self._watching:
            self._watching = False
            with contextlib.suppress(RuntimeError):  # the document went first (another briefing was opened)
                self.document.changed.disconnect(self._changed)

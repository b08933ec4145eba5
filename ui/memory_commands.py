"""The window's translation memories: opened once, taught by approvals and saves, used by the Memory panel,
and filled or written as TMX.

The window owns one `Memories` (briefing/memory/stack.py), opened with the settings at start; a memory that
cannot be opened is said once in the status bar and left out. The personal memory learns an item the moment
it is approved (its units replace what that item taught before), and every approved item of a briefing when
the briefing is saved: the key is the file's absolute path, as the command line uses (learning.py), so an
untitled briefing is learned at its first save. Unapproved text, machine-made or not, is never learned.
TMX import and export run in the background (ui/tasks.py) on connections of their own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing import edits
from briefing import settings as config
from briefing.edits import Changes
from briefing.memory import exchange
from briefing.memory.learning import item_units
from briefing.memory.model import Match, Unit
from briefing.memory.stack import PERSONAL_NAME, Memories
from briefing.memory.store import MemoryStoreError, TranslationMemory
from briefing.messages import BriefingError
from briefing.model import Item, Language, TargetOrigin, TargetStatus
from briefing.safeguards import Answer, Overwrite, overwrite_plan
from ui import asking
from ui.document import DocumentController
from ui.errors import report_failure
from ui.labels import fill
from ui.messages import error_text, text
from ui.tasks import Progress, Runner

MESSAGE_MS = 10_000
SHOWN_SKIPS = 50  # skipped units listed in the import report's details


def briefing_key(path: Path) -> str:
    """How the memory names a briefing: its file's absolute path (as `briefing-studio memory learn` does)."""
    return str(path.resolve())


Approval = tuple[datetime | None, str, str]


def approval(item: Item) -> Approval:
    """What identifies an approval: its time (to the second) and the texts approved (two in one second differ)."""
    return (item.approved_at, item.text.ko, item.text.en)


class MemoryCommands(QObject):
    message = Signal(str, int)  # for the status bar, and for how long
    learned = Signal(int)  # units the personal memory took in
    imported = Signal(object)  # an exchange.ImportReport
    exported = Signal(int)  # units written
    import_failed = Signal(str)  # the message shown

    def __init__(self, window: QWidget, runner: Runner) -> None:
        super().__init__(window)
        self.window, self.runner = window, runner
        self.memories = Memories.load(config.current())
        self.document: DocumentController | None = None
        # item id → the approval last learned (or seen at opening): when, and the two texts approved
        self._approvals: dict[str, Approval] = {}
        self._failing = False  # a learning failure was reported; say it again only after a success
        self.ask_overwrite: Callable[[QWidget, Overwrite], Answer] = asking.ask_overwrite

    def problems_text(self) -> str:
        """The memories that could not be opened, in one line for the status bar ("" when all opened)."""
        return "; ".join(text(problem.code, problem.params) for problem in self.memories.problems)

    def reload(self) -> None:
        """The settings changed (office memories): open the memories again."""
        self.memories.close()
        self.memories = Memories.load(config.current())
        self.report_problems()

    def report_problems(self) -> None:
        """The memories left out, said once in the status bar; the window works without them."""
        if self.memories.problems:
            self.message.emit(self.problems_text(), 15_000)

    def close(self) -> None:
        self.memories.close()

    # -- looking up ------------------------------------------------------------------------------
    def lookup(self, source: str, language: Language) -> list[Match]:
        """Matches for a whole item's text; a memory that fails now is reported and the panel stays empty."""
        try:
            found = self.memories.lookup(source, language, minimum=50)
        except MemoryStoreError as error:
            self.message.emit(error_text(error), MESSAGE_MS)
            return []
        return [match for match in found if "⟦" not in match.target]  # a sentence unit cut from markup

    def concordance(self, phrase: str) -> list[Unit]:
        try:
            return self.memories.concordance(phrase)
        except MemoryStoreError as error:
            self.message.emit(error_text(error), MESSAGE_MS)
            return []

    @staticmethod
    def insertion(item: Item, match: Match) -> edits.ApplyTranslations:
        """The edit that makes a match's translation the item's (status: memory-filled), as one undo step."""
        translation = edits.Translation(item.id, item.target, match.target, TargetOrigin.MEMORY, item.source_text)
        return edits.ApplyTranslations([translation], label="edit.memory")

    def use(self, match: Match, item: Item | None) -> bool:
        """Make a match's translation the item's, as one undo step (status: memory-filled); replacing a
        translation a person wrote or approved only after asking."""
        if item is None or self.document is None:
            return False
        plan = overwrite_plan(self.document.briefing, [item.id])
        if plan.needs_question and plan.chosen(self.ask_overwrite(self.window, plan)) is None:
            return False
        return self.document.try_apply(self.insertion(item, match), initiator=self) is None

    # -- learning --------------------------------------------------------------------------------
    def attach(self, document: DocumentController) -> None:
        self.document = document
        self._approvals = {item.id: approval(item) for item in document.briefing.items()}
        document.changed.connect(self._document_changed)
        document.saved.connect(self._saved)

    def _document_changed(self, changes: Changes) -> None:
        document = self.document
        if document is None or document.path is None or not changes.items:
            return
        units: list[Unit] = []
        key = briefing_key(document.path)
        changed = set(changes.items)
        # One walk of the briefing, not a search per changed item (a translation of 2,000 items changes them all).
        for item in (item for item in document.briefing.items() if item.id in changed):
            item_id = item.id
            approved = item.status is TargetStatus.APPROVED and item.is_current()
            # An approval seen before (at opening, or learned since) is not learned again: undoing a machine
            # translation of 2,000 approved items brings their approvals back, which the memory already has.
            if approved and self._approvals.get(item_id) != approval(item):
                units += item_units(item, key)
                self._approvals[item_id] = approval(item)
        if units:
            self._learn(lambda memory: memory.learn(units))

    def _saved(self, path: str) -> None:
        document = self.document
        if document is not None:
            briefing = document.briefing
            self._learn(lambda _memory: self.memories.learn_from(briefing, briefing_key(Path(path))))

    def _learn(self, teach: Callable[[TranslationMemory], int]) -> None:
        try:
            added = int(teach(self.memories.personal))
        except MemoryStoreError as error:
            if not self._failing:
                self._failing = True
                self.message.emit(fill(self.tr("The translation memory did not learn: %1"), error_text(error)), 0)
            return
        self._failing = False
        self.learned.emit(added)

    # -- TMX -------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a translation memory"), "", self.tr("TMX files (*.tmx);;All files (*)")
        )
        if name:
            self.import_tmx(Path(name))

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export the translation memory"), "memory.tmx", self.tr("TMX files (*.tmx)")
        )
        if name:
            self.export_tmx(Path(name if name.endswith(".tmx") else name + ".tmx"))

    def import_tmx(self, path: Path) -> None:
        """Add a TMX file's pairs to the personal memory, in the background and in one transaction."""
        personal = self.memories.personal_path

        def work(_progress: Progress, _cancel: threading.Event) -> exchange.ImportReport:
            created = not personal.exists()
            memory = TranslationMemory.create(personal, PERSONAL_NAME) if created else TranslationMemory.open(personal)
            try:
                with memory:
                    return exchange.import_tmx(memory, path)
            except BaseException:
                if created:  # nothing was imported: leave no empty memory behind
                    personal.unlink(missing_ok=True)
                raise

        self.runner(
            self.window,
            self.tr("Importing the translation memory…"),
            work,
            self._imported,
            self._import_failed,
            context="memory",
        )

    def _imported(self, report: exchange.ImportReport) -> None:
        try:
            self.memories.personal  # noqa: B018 (opens a memory the import created)
        except MemoryStoreError as error:
            self.message.emit(error_text(error), MESSAGE_MS)
        summary = fill(
            self.tr("Imported %1 units into your translation memory; skipped %2."), report.imported, len(report.skipped)
        )
        self.message.emit(summary, MESSAGE_MS)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Translation memory imported"), summary, parent=self.window
        )
        box.setObjectName("memoryImported")
        if report.skipped:
            lines = [
                text(
                    "tmx.skipped",
                    {"tu": s.tu, "line": s.line, "reason": text(s.reason, {"language": s.language})},
                )
                for s in report.skipped[:SHOWN_SKIPS]
            ]
            if len(report.skipped) > SHOWN_SKIPS:
                lines.append("…")
            box.setDetailedText("\n".join(lines))
        box.open()
        self.report_box = box
        self.imported.emit(report)

    def _import_failed(self, error: BaseException) -> None:
        if not isinstance(error, BriefingError):
            report_failure(self.window, "task", error)
            return
        shown = error_text(error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Translation memory not imported"),
            self.tr("The file could not be imported. The translation memory was not changed."),
            parent=self.window,
        )
        box.setObjectName("memoryImportFailed")
        box.setInformativeText(shown)
        box.open()
        self.report_box = box
        self.import_failed.emit(shown)

    def export_tmx(self, path: Path) -> None:
        """Write the personal memory as TMX 1.4b, in the background."""
        personal = self.memories.personal_path
        if not personal.exists():
            self.message.emit(self.tr("Your translation memory is empty: nothing to export"), MESSAGE_MS)
            return

        def work(_progress: Progress, _cancel: threading.Event) -> int:
            with TranslationMemory.open(personal, read_only=True) as memory:
                return exchange.export_tmx(memory, path)

        def done(count: int) -> None:
            self.message.emit(fill(self.tr("Exported %1 units to %2"), count, path), MESSAGE_MS)
            self.exported.emit(count)

        self.runner(
            self.window, self.tr("Exporting the translation memory…"), work, done, self._export_failed, context="memory"
        )

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, BriefingError):
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Translation memory not exported"),
                error_text(error),
                parent=self.window,
            )
            box.setObjectName("memoryExportFailed")
            box.open()
            self.report_box = box
        else:
            report_failure(self.window, "task", error)

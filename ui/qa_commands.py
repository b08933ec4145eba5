"""The window's QA: the current findings of the open briefing, kept in step with it, and shown in the QA panel,
the outline's badges and the item editor's marks.

Every check runs in the background (ui/tasks.py) on a snapshot of the briefing (briefing/snapshot.py) when a
file opens and `QA_DELAY_MS` after the last change; the termbases go to the worker as a matcher over an index
built on this thread (SQLite connections stay on theirs), the memories are opened in the task on connections
of its own. A result that an edit overtook is dropped, and one run at a time: a change during a run starts the
next when it ends. The items just typed in are rechecked at once with the item checks (under a millisecond an
item), so that their marks follow the typing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from briefing import settings as config
from briefing.edits import Changes
from briefing.memory.stack import Memories
from briefing.memory.store import MemoryStoreError
from briefing.model import Briefing, Language
from briefing.qa import CHECKS, Finding, Scope, run
from briefing.terms.assist import FindTerms
from briefing.terms.model import Hit
from ui.document import DocumentController
from ui.errors import report_quietly
from ui.item_editor import ItemEditor
from ui.qa_labels import worst
from ui.qa_marks import FindingMarks
from ui.qa_panel import QaPanel
from ui.qt import named
from ui.tasks import Progress, Runner, Task
from ui.terminology import TerminologyController
from ui.terms_highlighter import utf16_offsets

QA_DELAY_MS = 400  # the checks across the briefing run this long after the last change
RECHECK_AT_ONCE = 8  # up to this many changed items are rechecked at once (typing); more wait for the run


class MatchedTerms:
    """The termbases as the checks read them (briefing.qa.registry.Terms), over a matcher that is safe to use
    on another thread."""

    def __init__(self, find: FindTerms) -> None:
        self.find = find

    def hits(self, text: str, language: Language) -> list[Hit]:
        return list(self.find(text, language))


@dataclass(frozen=True)
class Outcome:
    """What a run brings back: the findings, each item's place ("2.3"), and the document's state it checked."""

    findings: list[Finding]
    numbers: dict[str, str]
    generation: int


def item_numbers(briefing: Briefing) -> dict[str, str]:
    return {
        item.id: f"{s}.{i}"
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }


def open_memories() -> Memories:
    return Memories.load(config.current())


class QaCommands(QObject):
    findings_changed = Signal()  # the current findings changed (a run taken in, an item rechecked)
    run_finished = Signal(int)  # a background run's findings were taken in: how many
    run_dropped = Signal()  # a run's findings came back after the document changed: dropped
    item_tab_wanted = Signal()  # a jump goes to the item editor: its tab should be in front

    def __init__(
        self, window: QWidget, runner: Runner, terminology: TerminologyController, item_editor: ItemEditor
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.terminology, self.item_editor = window, runner, terminology, item_editor
        self.open_memories: Callable[[], Memories] = open_memories  # called in the task's thread
        self.select: Callable[[str], None] | None = None  # makes an item current in the outline, set by the window
        self.on_badges: Callable[[dict[str, list[Finding]], Iterable[str]], None] | None = None  # the outline's
        self.document: DocumentController | None = None
        self.panel = named(QaPanel(), "qaPanel")
        self.marks = {
            Language.KO: FindingMarks(item_editor.korean, Language.KO),
            Language.EN: FindingMarks(item_editor.english, Language.EN),
        }
        self.findings: list[Finding] = []
        self.by_item: dict[str, list[Finding]] = {}
        self.numbers: dict[str, str] = {}
        self.task: Task | None = None
        self._generation = 0  # counts the document's changes: a run that checked an older one is dropped
        self._pending = False  # a change came during a run: run again when it ends
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.rerun)
        self.panel.jump_requested.connect(self.jump)
        terminology.changed.connect(self.schedule)

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    # -- following the document -----------------------------------------------------------------
    def attach(self, document: DocumentController) -> None:
        """A briefing opened: forget the old findings and check the new one now."""
        self.document = document
        self._generation += 1
        self._take([], item_numbers(document.briefing))
        self.rerun()

    def document_changed(self, changes: Changes) -> None:
        self._generation += 1
        if changes.structure:
            self.numbers = item_numbers(self.document.briefing) if self.document is not None else {}
        if 0 < len(changes.items) <= RECHECK_AT_ONCE:
            self.recheck(changes.items)
        self.schedule()

    def schedule(self) -> None:
        self._timer.start(QA_DELAY_MS)

    def show_item(self, item_id: str | None) -> None:
        """The item editor shows another item: its marks."""
        findings = self.by_item.get(item_id, []) if item_id is not None else []
        for marks in self.marks.values():
            marks.show(findings)

    # -- running ---------------------------------------------------------------------------------
    def terms(self) -> MatchedTerms:
        return MatchedTerms(self.terminology.find_terms())  # the index is read here, used on the worker

    def rerun(self) -> None:
        """Run every check in the background now (or as soon as the run under way ends)."""
        document = self.document
        if document is None:
            return
        if self.busy:
            self._pending = True
            return
        self._pending = False
        self._timer.stop()
        snapshot = document.snapshot()  # a private copy: the task reads it while the user goes on typing
        generation = self._generation
        terms = self.terms()
        memories_for = self.open_memories

        def work(_progress: Progress, _cancel: threading.Event) -> Outcome:
            try:
                memories: Memories | None = memories_for()
            except MemoryStoreError:
                memories = None  # a memory that cannot be opened: the other checks still run
            try:
                findings = run(snapshot, terminology=terms, memory=memories)
            finally:
                if memories is not None:
                    memories.close()
            return Outcome(findings, item_numbers(snapshot), generation)

        self.panel.set_busy(True)
        self.task = self.runner(self, "", work, self._finished, self._failed, False, context="qa")

    def _finished(self, outcome: Outcome) -> None:
        self.panel.set_busy(False)
        if outcome.generation != self._generation:
            self.run_dropped.emit()
            if self._pending:
                self.rerun()
            return
        self._take(outcome.findings, outcome.numbers)
        self.run_finished.emit(len(outcome.findings))
        if self._pending:
            self.rerun()

    def _failed(self, error: BaseException) -> None:
        """A check failed (a fault, not the user's): said in the panel, logged, never a dialog at every pause."""
        self.panel.set_busy(False)
        self.panel.count.setText(report_quietly("qa", error))
        if self._pending:
            self.rerun()

    def recheck(self, item_ids: Iterable[str]) -> None:
        """The item checks again on these items of the live briefing, now; the checks across items keep their
        last findings until the next run."""
        document = self.document
        if document is None:
            return
        items = document.briefing.items()
        live = {item.id for item in items}
        asked = set(item_ids)
        ids = asked & live
        fresh = run(document.briefing, terminology=self.terms(), scope=Scope.ITEM, items=ids) if ids else []
        item_checks = {check.name for check in CHECKS.all() if check.scope is Scope.ITEM}
        by_item = {item_id: found for item_id, found in self.by_item.items() if item_id in live}
        for item_id in ids:
            kept = [f for f in by_item.pop(item_id, []) if f.check not in item_checks]
            mine = [f for f in fresh if f.item_id == item_id]
            if mine or kept:
                by_item[item_id] = mine + kept  # the order of a run: the item checks, then those across items
        findings = [f for item in items for f in by_item.get(item.id, ())]
        whole = [f for f in self.findings if f.item_id is None]
        self._take(findings + whole, self.numbers, changed=asked)

    # -- taking findings in ----------------------------------------------------------------------
    def _take(self, findings: Sequence[Finding], numbers: dict[str, str], changed: set[str] | None = None) -> None:
        by_item: dict[str, list[Finding]] = {}
        for finding in findings:
            if finding.item_id is not None:
                by_item.setdefault(finding.item_id, []).append(finding)
        if changed is None:  # the items whose findings differ from before
            changed = {i for i in by_item.keys() | self.by_item.keys() if by_item.get(i) != self.by_item.get(i)}
        self.findings, self.by_item, self.numbers = list(findings), by_item, numbers
        self.panel.show_findings(self.findings, numbers)
        if self.on_badges is not None:
            self.on_badges(by_item, changed)
        self.show_item(self.item_editor.item_id)
        self.findings_changed.emit()

    def worst(self, item_id: str) -> str | None:
        """The most serious severity found in an item ("error", …), None when nothing was."""
        found = worst(self.by_item.get(item_id, []))
        return found.value if found is not None else None

    # -- going to a finding ----------------------------------------------------------------------
    def jump(self, finding: Finding | None) -> bool:
        """Show the finding's item with its spans selected, the first span's editor in focus."""
        if finding is None or finding.item_id is None or self.select is None or self.document is None:
            return False
        try:
            item = self.document.briefing.item(finding.item_id)
        except KeyError:
            return False
        self.select(finding.item_id)
        self.item_tab_wanted.emit()
        editors = {Language.KO: self.item_editor.korean, Language.EN: self.item_editor.english}
        focused = False
        for span in finding.spans:
            editor = editors[span.language]
            text = editor.toPlainText()
            offsets = utf16_offsets(text)
            cursor = editor.textCursor()
            cursor.setPosition(offsets[min(span.start, len(text))])
            cursor.setPosition(offsets[min(span.end, len(text))], QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
            if not focused:
                editor.setFocus()
                focused = True
        if not focused:
            editors[item.target].setFocus()
        return True

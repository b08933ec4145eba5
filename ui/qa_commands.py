"""The window's QA: the current findings of the open briefing, kept in step with it, and shown in the QA panel,
the outline's badges and the item editor's marks.

Every check runs in the background (ui/tasks.py) on a snapshot of the briefing (briefing/snapshot.py) when a
file opens and `QA_DELAY_MS` after the last change. With a `QaWorker` (the application's QA process,
briefing/qa/worker.py) the task's thread only hands the snapshot over and waits on a pipe, which leaves the window's
thread free; the process loads the termbases itself (again when `terms_version` moves: the termbases changed) and
opens the memories read-only. Without one, or when the process cannot start or stops, the task runs the checks
itself (the termbases as a matcher over an index built on this thread, the memories on connections of its own),
and the panel says so once. A result that an edit overtook is dropped, and one run at a time: a change during a
run starts the next when it ends. The items just typed in are rechecked at once with the item checks (under a
millisecond an item), so that their marks follow the typing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import getpass
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from briefing import edits
from briefing import settings as config
from briefing.edits import Changes
from briefing.log import log_entry
from briefing.memory.stack import Memories
from briefing.memory.store import MemoryStoreError
from briefing.model import Briefing, Language, Waiver
from briefing.qa import CHECKS, Finding, Scope, run
from briefing.qa.registry import TermHits
from briefing.qa.waivers import review
from briefing.qa.worker import QaWorker, WorkerGone, run_in_steps
from briefing.terms.assist import FindTerms
from briefing.terms.model import Hit
from ui.document import DocumentController
from ui.errors import report_quietly
from ui.item_editor import ItemEditor
from ui.qa_labels import finding_text, worst
from ui.qa_marks import FindingMarks
from ui.qa_panel import QaPanel, WaiveDialog
from ui.qt import named
from ui.tasks import Progress, Runner, Task
from ui.terminology import TerminologyController
from ui.terms_highlighter import utf16_offsets

QA_DELAY_MS = 400  # the checks across the briefing run this long after the last change
RECHECK_AT_ONCE = 8  # up to this many changed items are rechecked at a typing pause; more wait for the run
RECHECK_DELAY_MS = 120  # a change within this time of the last is rechecked at the pause, not in its keystroke
PROCESS_FAILURES = 3  # after this many failures of the QA process the checks stay in the window's process


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

    findings: list[Finding]  # not waived
    waived: list[tuple[Finding, Waiver]]
    numbers: dict[str, str]
    generation: int
    fell_back: str | None = None  # why the checks ran in the window's process instead of the QA process


def item_numbers(briefing: Briefing) -> dict[str, str]:
    return {
        item.id: f"{s}.{i}"
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }


def reviewed_outcome(briefing: Briefing, findings: list[Finding], generation: int) -> Outcome:
    """A run's findings (in document order) sorted into open and waived against the briefing's waivers."""
    reviewed = review(briefing, findings)
    return Outcome(reviewed.open, reviewed.waived, item_numbers(briefing), generation)


def check_in_steps(
    briefing: Briefing, terms: TermHits | None, memories: Memories | None, cancel: threading.Event, generation: int
) -> Outcome | None:
    """Every check over `briefing` in this process, in steps (briefing.qa.worker.run_in_steps), so that a
    cancelled run (the document changed) stops within a step and the checks' passing objects go before they grow
    old (the garbage collector's long pauses hold the window's thread too). None when cancelled."""
    findings = run_in_steps(briefing, terms, memories, cancel.is_set)
    return reviewed_outcome(briefing, findings, generation) if findings is not None else None


def exists(briefing: Briefing, item_id: str) -> bool:
    try:
        briefing.item(item_id)
    except KeyError:
        return False
    return True


def reviewer() -> str:
    """Who waives: the author set in Settings, else the account's name (as approvals do)."""
    return config.current().author or getpass.getuser()


def open_memories() -> Memories:
    return Memories.load(config.current())


class QaCommands(QObject):
    findings_changed = Signal()  # the current findings changed (a run taken in, an item rechecked)
    run_finished = Signal(int)  # a background run's findings were taken in: how many
    run_dropped = Signal()  # a run's findings came back after the document changed: dropped
    item_tab_wanted = Signal()  # a jump goes to the item editor: its tab should be in front

    def __init__(
        self,
        window: QWidget,
        runner: Runner,
        terminology: TerminologyController,
        item_editor: ItemEditor,
        worker: QaWorker | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.terminology, self.item_editor = window, runner, terminology, item_editor
        self.worker = worker  # the application's QA process; None: the checks run in a task's thread
        self.worker_failures = 0  # the QA process failed this often; from PROCESS_FAILURES on it is not used
        self.terms_version = 0  # moves whenever the termbases changed: the QA process loads them again
        self.open_memories: Callable[[], Memories] = open_memories  # called in the task's thread
        self.select: Callable[[str], None] | None = None  # makes an item current in the outline, set by the window
        self.on_badges: Callable[[dict[str, list[Finding]], set[str]], None] | None = None  # the outline's
        self.document: DocumentController | None = None
        self.panel = named(QaPanel(), "qaPanel")
        self.marks = {
            Language.KO: FindingMarks(item_editor.korean, Language.KO),
            Language.EN: FindingMarks(item_editor.english, Language.EN),
        }
        self.by_item: dict[str, list[Finding]] = {}  # the findings of each item, in the order a run gives them
        self.waived_by_item: dict[str, list[tuple[Finding, Waiver]]] = {}  # waived findings with their waivers
        self._whole: list[Finding] = []  # findings about the briefing as a whole (no item)
        self._flat: list[Finding] | None = []  # every open finding in document order, made when asked for
        self.numbers: dict[str, str] = {}
        self.task: Task | None = None
        self._generation = 0  # counts the document's changes: a run that checked an older one is dropped
        self._pending = False  # a change came during a run: run again when it ends
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.rerun)
        self._typed: set[str] = set()  # items changed since the last recheck
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.timeout.connect(self._recheck_typed)
        self.waive_dialog: WaiveDialog | None = None
        self.panel.jump_requested.connect(self.jump)
        self.panel.waive_requested.connect(self.ask_waiver)
        self.panel.unwaive_requested.connect(self.unwaive)
        terminology.changed.connect(self._terms_changed)

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    @property
    def findings(self) -> list[Finding]:
        """Every current finding, in document order (the briefing's own last)."""
        if self._flat is None:
            items = self.document.briefing.items() if self.document is not None else []
            self._flat = [f for item in items for f in self.by_item.get(item.id, ())] + self._whole
        return self._flat

    @property
    def waived(self) -> list[tuple[Finding, Waiver]]:
        """The waived findings with their waivers, in document order."""
        items = self.document.briefing.items() if self.document is not None else []
        return [pair for item in items for pair in self.waived_by_item.get(item.id, ())]

    # -- following the document -----------------------------------------------------------------
    def attach(self, document: DocumentController) -> None:
        """A briefing opened: forget the old findings and check the new one now."""
        self.document = document
        self._generation += 1
        self._take(Outcome([], [], item_numbers(document.briefing), self._generation))
        self.rerun()

    def document_changed(self, changes: Changes) -> None:
        """A change makes the run under way stale: it stops at its next step and the next run waits for a
        pause; a change after a quiet moment is rechecked at once, the keystrokes that follow it quickly at the
        next short pause in the typing (so that typing does not pay for the recheck each time)."""
        self._generation += 1
        if self.busy and self.task is not None:
            self.task.cancel()
            self._pending = False  # the pause's timer starts the next run
        if changes.structure:
            self.numbers = item_numbers(self.document.briefing) if self.document is not None else {}
            self._flat = None
        if changes.items:
            typing = changes.initiator is not None and changes.initiator is not self  # an editor, not undo
            if typing and self._recheck_timer.isActive():  # typing on: recheck at the pause
                self._typed.update(changes.items)
            elif len(changes.items) <= RECHECK_AT_ONCE:  # a first keystroke, a waiver, an undo: at once
                self._typed -= changes.items
                self.recheck(changes.items)
            self._recheck_timer.start(RECHECK_DELAY_MS)
        self.schedule()

    def _recheck_typed(self) -> None:
        typed, self._typed = self._typed, set()
        if 0 < len(typed) <= RECHECK_AT_ONCE:  # more (a translation, an import) wait for the whole run
            self.recheck(typed)

    def schedule(self) -> None:
        self._timer.start(QA_DELAY_MS)

    def _terms_changed(self) -> None:
        self.terms_version += 1
        self.schedule()

    def show_item(self, item_id: str | None) -> None:
        """The item editor shows another item: its marks."""
        findings = self.by_item.get(item_id, []) if item_id is not None else []
        for marks in self.marks.values():
            marks.show(findings)

    # -- running ---------------------------------------------------------------------------------
    def terms(self) -> MatchedTerms:
        return MatchedTerms(self.terminology.find_terms())  # the index is read here, used on the worker

    def stop(self) -> None:
        """No more runs: the window is closing and its termbases and memories are about to be closed."""
        self._timer.stop()
        self._recheck_timer.stop()

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
        # An empty briefing (a new window) is checked here: no process is started before there is work for it.
        work_for_it = any(section.items for section in snapshot.sections)
        worker = self.worker if work_for_it and self.worker_failures < PROCESS_FAILURES else None
        settings, terms_version = config.current(), self.terms_version

        def work(_progress: Progress, cancel: threading.Event) -> Outcome | None:
            fell_back = None
            if worker is not None:
                try:
                    found = worker.check(snapshot, settings, terms_version, cancel)
                except WorkerGone as gone:
                    fell_back = str(gone)  # checked here instead: no findings are lost
                else:
                    return reviewed_outcome(snapshot, found, generation) if found is not None else None
            try:
                memories: Memories | None = memories_for()
            except MemoryStoreError:
                memories = None  # a memory that cannot be opened: the other checks still run
            try:
                result = check_in_steps(snapshot, terms, memories, cancel, generation)
            finally:
                if memories is not None:
                    memories.close()
            if fell_back is None:
                return result
            if result is None:  # cancelled after all: nothing to take in, but the failure is still said
                return Outcome([], [], {}, -1, fell_back)
            return dataclasses.replace(result, fell_back=fell_back)

        self.panel.set_busy(True)
        self.task = self.runner(self, "", work, self._finished, self._failed, False, context="qa")

    def _finished(self, result: Outcome | None) -> None:
        self.panel.set_busy(False)
        if result is not None:
            self._process_said(result.fell_back)
        if result is None or result.generation != self._generation:
            self.run_dropped.emit()
        else:
            self._take(result)
            self.run_finished.emit(len(result.findings))
        if self._pending:
            self.rerun()

    def _process_said(self, fell_back: str | None) -> None:
        """The QA process failed (logged, and said once in the panel until it works again) or worked."""
        if fell_back is None:
            if self.worker is not None and self.worker_failures < PROCESS_FAILURES:
                self.panel.set_note("")
            return
        self.worker_failures += 1
        with contextlib.suppress(OSError):
            log_entry("WARNING", "qa", f"{fell_back}; the checks ran in the window's process")
        self.panel.set_note(
            self.tr("The checks ran in the window: their process stopped")
            if self.worker_failures < PROCESS_FAILURES
            else self.tr("The checks run in the window from now on: their process kept stopping")
        )

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
        asked = set(item_ids)
        live = {item_id for item_id in asked if exists(document.briefing, item_id)}
        fresh = run(document.briefing, terminology=self.terms(), scope=Scope.ITEM, items=live) if live else []
        item_checks = {check.name for check in CHECKS.all() if check.scope is Scope.ITEM}
        found: list[Finding] = []
        for item_id in asked:  # the checks across items keep their findings, waived or not
            old = [*self.by_item.get(item_id, []), *(f for f, _ in self.waived_by_item.get(item_id, []))]
            kept = [f for f in old if f.check not in item_checks] if item_id in live else []
            found += [f for f in fresh if f.item_id == item_id] + kept  # a run's order: item checks first
        reviewed = review(document.briefing, found)
        changed = set()
        for item_id in asked:
            new_open = [f for f in reviewed.open if f.item_id == item_id]
            new_waived = [pair for pair in reviewed.waived if pair[0].item_id == item_id]
            if new_open != self.by_item.get(item_id, []) or new_waived != self.waived_by_item.get(item_id, []):
                changed.add(item_id)
            self.by_item.pop(item_id, None)
            self.waived_by_item.pop(item_id, None)
            if new_open:
                self.by_item[item_id] = new_open
            if new_waived:
                self.waived_by_item[item_id] = new_waived
        if changed:
            self._flat = None
            self._announce(changed)

    # -- taking findings in ----------------------------------------------------------------------
    def _take(self, outcome: Outcome) -> None:
        """A whole run's findings (in document order) replace the current ones."""
        by_item: dict[str, list[Finding]] = {}
        whole: list[Finding] = []
        for finding in outcome.findings:
            if finding.item_id is None:
                whole.append(finding)
            else:
                by_item.setdefault(finding.item_id, []).append(finding)
        waived: dict[str, list[tuple[Finding, Waiver]]] = {}
        for pair in outcome.waived:
            waived.setdefault(pair[0].item_id or "", []).append(pair)
        old, old_waived = self.by_item, self.waived_by_item
        changed = {i for i in by_item.keys() | old.keys() if by_item.get(i) != old.get(i)}
        changed |= {i for i in waived.keys() | old_waived.keys() if waived.get(i) != old_waived.get(i)}
        self.by_item, self.waived_by_item, self._whole = by_item, waived, whole
        self.numbers = outcome.numbers
        self._flat = [f for f in outcome.findings if f.item_id is not None] + whole
        self._announce(changed)

    def _announce(self, changed: set[str]) -> None:
        """Tell the views: the panel (when in view), the badges of the items that changed, the editor's marks."""
        self.panel.invalidate(lambda: (self.findings, self.waived, self.numbers))
        if self.on_badges is not None:
            self.on_badges(self.by_item, changed)
        shown = self.item_editor.item_id
        if shown in changed:
            self.show_item(shown)
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

    # -- waivers ---------------------------------------------------------------------------------
    def waive(self, finding: Finding, reason: str) -> bool:
        """Accept a finding with a reason, by the author set in Settings, as one undo step."""
        if self.document is None or finding.item_id is None:
            return False
        edit = edits.waive(finding.item_id, finding, reason, reviewer())
        return self.document.try_apply(edit, initiator=self) is None

    def unwaive(self, finding: Finding) -> bool:
        """Take a waiver back (the finding counts again), as one undo step."""
        if self.document is None or finding.item_id is None:
            return False
        return self.document.try_apply(edits.unwaive(finding.item_id, finding.key), initiator=self) is None

    def ask_waiver(self, finding: Finding | None) -> WaiveDialog | None:
        """The small form that asks why the finding is acceptable; its OK waives it."""
        if finding is None or finding.item_id is None:
            return None
        dialog = WaiveDialog(self.window, finding_text(finding))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(lambda reason: self.waive(finding, reason))
        dialog.open()
        self.waive_dialog = dialog
        return dialog

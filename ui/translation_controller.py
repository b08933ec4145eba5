"""Translation from the window: plan a job, fill what the translation memory can (at or above the
`memory_min_match` setting, briefing/translation/pretranslate.py), run the rest on the translation worker in the
background, and store both as one undo step (briefing.edits.ApplyTranslations), which refreshes only those rows.
A job that would replace translations people wrote or approved asks first (briefing/safeguards.py, ui/asking.py):
replace them, skip them, or cancel; a translation a person edits while the job runs is kept either way.
The memories are opened in the background task on connections of its own; a memory that fails there leaves
every item to the engine. If the engine fails (no language package), what the memory filled is still stored."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing import edits
from briefing import settings as config
from briefing.memory.stack import Memories
from briefing.memory.store import MemoryStoreError
from briefing.messages import BriefingError
from briefing.model import LANGUAGES, Briefing, Language
from briefing.safeguards import Answer, Overwrite, overwrite_plan
from briefing.terms.assist import FindTerms
from briefing.translation import jobs, pretranslate
from briefing.translation.cache import SentenceCache
from briefing.translation.engine import Engine, EngineSettings, PackageMissing
from briefing.translation.packages import PackageStore
from briefing.translation.titles import TitleTask, missing_titles, title_edits
from ui import asking
from ui.document import DocumentController
from ui.labels import fill
from ui.tasks import Runner, Task

Progress = Callable[[int, int], None]


def engine_from_settings() -> Engine:
    """An engine on the installed packages with the beam and threads the settings give."""
    chosen = config.current()
    return Engine(PackageStore(), EngineSettings(beam_size=chosen.beam_size, threads=chosen.threads))


@dataclass
class Outcome:
    """What a translation task brings back: the memory's translations, the engine's results, and the engine's
    failure if it failed (the memory's work is stored all the same)."""

    memory: list[edits.Translation] = field(default_factory=list)
    results: list[jobs.Result] = field(default_factory=list)
    error: BaseException | None = None
    titles: list[tuple[TitleTask, str]] = field(default_factory=list)  # the card's texts and section titles


def open_memories() -> Memories:
    return Memories.load(config.current())


class TranslationController(QObject):
    finished = Signal(object)  # the list of jobs.Result
    message = Signal(str, int)  # what a job did (or that there was nothing to do), for the status bar, and for how long
    failed = Signal(object)  # the exception (PackageMissing, PackageError, …)
    busy_changed = Signal()
    items_ready = Signal(str, object)  # a job's key and the translations its latest batch finished (worker thread)

    def __init__(self, runner: Runner, dialogs_parent: QWidget) -> None:
        super().__init__(dialogs_parent)
        self.runner, self.dialogs_parent = runner, dialogs_parent
        self.make_engine: Callable[[], Engine] = engine_from_settings  # tests may give a slower or gated one
        self.open_memories: Callable[[], Memories] = open_memories  # called in the task's thread
        chosen = config.current()
        self.worker = jobs.TranslationWorker(
            self._engine, SentenceCache, idle_unload=60.0 * chosen.translation_idle_minutes or None, low_priority=True
        )
        self._jobs = itertools.count(1)
        self._job: tuple[str, DocumentController, frozenset[str]] | None = None  # key, document, overwrite
        self._streamed: set[str] = set()  # items of the running job already handed over as they came
        self._streamed_stored: set[str] = set()  # … and of those, the ones actually stored
        self.items_ready.connect(self._store_batch)
        self.task: Task | None = None
        self.find_terms: Callable[[], FindTerms] | None = None  # the window's termbases, if any
        self.ask_overwrite: Callable[[QWidget, Overwrite], Answer] = asking.ask_overwrite

    def _engine(self) -> Engine:
        return self.make_engine()

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def translate_items(self, document: DocumentController, ids: list[str]) -> bool:
        """These items, whatever their translation's status (a person's work only with `retranslate`)."""
        return bool(ids) and self.translate(document, jobs.Scope.ALL, ids)

    def translate_missing(self, document: DocumentController) -> bool:
        return self.translate(document, jobs.Scope.MISSING, None)

    def retranslate(self, document: DocumentController, ids: list[str]) -> bool:
        """These items again, replacing edited and approved translations too."""
        return bool(ids) and self.translate(document, jobs.Scope.ALL, ids, retranslate=True)

    def translate(
        self, document: DocumentController, scope: jobs.Scope, ids: list[str] | None, retranslate: bool = False
    ) -> bool:
        """Start a job for both directions; False when one is running already or there is nothing to do."""
        if self.busy:
            return False
        briefing: Briefing = document.briefing
        find_terms = self.find_terms() if self.find_terms is not None else None  # read here, used on the worker
        requests = [
            jobs.plan(briefing, target, scope, item_ids=ids, retranslate=retranslate, find_terms=find_terms)
            for target in LANGUAGES
        ]
        requests = [r for r in requests if r.tasks]
        # "Translate all missing" fills the empty titles too (the card's texts, the section titles).
        titles = (
            [task for target in LANGUAGES for task in missing_titles(briefing, target)]
            if scope is jobs.Scope.MISSING and ids is None
            else []
        )
        plan = overwrite_plan(briefing, [task.item_id for r in requests for task in r.tasks])
        allowed = frozenset(plan.replaceable)  # people's work is replaced only where the user said so
        if plan.needs_question:
            ids_kept = plan.chosen(self.ask_overwrite(self.dialogs_parent, plan))
            if ids_kept is None:
                self.message.emit(self.tr("Nothing was translated: the translations stay as they are"), 4000)
                return False
            allowed = frozenset(ids_kept)
            ids = [i for i in (ids if ids is not None else ids_kept) if i in allowed]
            requests = [replace(r, tasks=tuple(t for t in r.tasks if t.item_id in allowed)) for r in requests]
            requests = [r for r in requests if r.tasks]
        if not requests and not titles:
            self.message.emit(self.tr("Nothing to translate"), 4000)
            return False
        worker = self.worker
        key = f"translation-job:{next(self._jobs)}"
        self._job, self._streamed, self._streamed_stored = (key, document, allowed), set(), set()
        emit = self.items_ready.emit
        snapshot = document.snapshot()  # a private copy: the task reads it while the user goes on typing
        min_match = config.current().memory_min_match
        memories_for = self.open_memories
        use_memory = not retranslate  # "retranslate" asks the engine again

        def work(progress: Progress, cancel: threading.Event) -> Outcome:
            outcome = Outcome()
            left = requests
            if use_memory:
                try:
                    with memories_for() as memories:
                        split = [
                            pretranslate.pretranslate(snapshot, r.target, memories, min_match, scope, item_ids=ids)
                            for r in requests
                        ]
                except MemoryStoreError:
                    split = []  # a memory that fails now: the engine translates everything
                if split:
                    outcome.memory = [t for part in split for t in part.translations]
                    # The memory's rest goes to the engine with the same terms enforced.
                    left = [replace(part.request, find_terms=find_terms) for part in split if part.request.tasks]

            def delivered_for(request: jobs.Request) -> jobs.Delivered:
                return lambda done: emit(key, jobs.translations_of(request, done))

            try:
                outcome.results = [
                    worker.submit(request, progress, cancel, delivered_for(request)).result() for request in left
                ]
                if titles and not cancel.is_set():
                    outcome.titles = translate_titles(worker, titles)
            except BriefingError as error:  # no package, a broken one: what the memory filled is kept
                if not outcome.memory:
                    raise
                outcome.error = error
            return outcome

        self.task = self.runner(
            self.dialogs_parent,
            self.tr("Translating…"),
            work,
            lambda outcome: self._store(document, outcome, allowed),
            self._failed,
            context="translation",
        )
        self.busy_changed.emit()
        return True

    def _failed(self, error: BaseException) -> None:
        self._job = None  # what was stored as it came stays (as when cancelled)
        self.busy_changed.emit()
        self.failed.emit(error)

    def _store_batch(self, key: str, translations: list[edits.Translation]) -> None:
        """Items fill in as their batches finish; a job's batches merge into one undo step."""
        if self._job is None or self._job[0] != key:
            return  # a job given up meanwhile
        _, document, allowed = self._job
        edit = edits.ApplyTranslations(translations, overwrite=allowed, merge_key=key)
        document.apply(edit, initiator=self)
        self._streamed |= {t.item_id for t in translations}
        self._streamed_stored |= set(edit.changed)

    def _store(self, document: DocumentController, outcome: Outcome, allowed: frozenset[str] = frozenset()) -> None:
        results = outcome.results
        key = self._job[0] if self._job is not None else None
        streamed, streamed_stored = self._streamed, self._streamed_stored
        self._job, self._streamed, self._streamed_stored = None, set(), set()
        machine = [t for result in results for t in jobs.translations(result)]
        rest = [t for t in machine if t.item_id not in streamed]
        edit = edits.ApplyTranslations(outcome.memory + rest, overwrite=allowed, merge_key=key)
        # Only titles still empty, from the text they were translated from: typing meanwhile wins.
        still = {task for language in LANGUAGES for task in missing_titles(document.briefing, language)}
        kept = [(task, text) for task, text in outcome.titles if task in still]
        title_changes = title_edits([task for task, _ in kept], [text for _, text in kept])
        whole = edits.Batch("edit.translations", [edit, *title_changes], merge_key=key) if title_changes else edit
        document.apply(whole, initiator=self)  # merges with the streamed batches: one undo step
        stored = set(edit.changed) | streamed_stored
        from_memory = sum(t.item_id in stored for t in outcome.memory)
        machine_made = sum(t.item_id in stored for t in machine)
        if outcome.memory:
            text = fill(self.tr("%1 from memory, %2 machine-translated"), from_memory, machine_made)
        else:
            text = fill(self.tr("Machine-translated items: %1"), machine_made)
        if title_changes:
            text += " · " + fill(self.tr("titles filled in: %1"), len(title_changes))
        if any(r.cancelled for r in results):
            text += " · " + self.tr("cancelled; the rest were left untouched")
        if edit.skipped or edit.kept:
            changed_meanwhile = len(edit.skipped) + len(edit.kept)
            text += " · " + fill(self.tr("left alone because they changed meanwhile: %1"), changed_meanwhile)
        if stored or title_changes or outcome.error is None:
            self.message.emit(text, 8000)
        if outcome.error is not None:
            self._failed(outcome.error)
            return
        self.busy_changed.emit()
        self.finished.emit(results)

    def reconfigure(self) -> None:
        """Settings changed: the engine takes the new beam and threads on its own thread."""
        settings = self.make_engine().settings
        self.worker.idle_unload = 60.0 * config.current().translation_idle_minutes or None

        def configure(engine: Engine) -> None:
            engine.settings = settings

        self.worker.call(configure)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        self.cancel()
        self.worker.shutdown()


def package_missing_box(parent: QWidget, error: PackageMissing, open_packages: Callable[[], object]) -> QMessageBox:
    """What a missing language package means for the drafter, with a button to the packages dialog."""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Warning, translate("TranslationController", "Language package needed"), "", parent=parent
    )
    box.setObjectName("packageMissing")
    names = {"ko": translate("TranslationController", "Korean"), "en": translate("TranslationController", "English")}
    box.setText(
        fill(
            translate("TranslationController", "Translating needs the %1→%2 language package, which is not installed."),
            names.get(error.source, error.source),
            names.get(error.target, error.target),
        )
    )
    box.setInformativeText(
        fill(
            translate(
                "TranslationController",
                "Install translate-%1_%2 from a file (or download it) in the language packages dialog.",
            ),
            error.source,
            error.target,
        )
    )
    open_button = box.addButton(
        translate("TranslationController", "Open language packages…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    open_button.clicked.connect(open_packages)
    return box


def translate_titles(worker: jobs.TranslationWorker, tasks: list[TitleTask]) -> list[tuple[TitleTask, str]]:
    """The titles through the engine, one call per direction, on the translation thread."""
    done: list[tuple[TitleTask, str]] = []
    for target in LANGUAGES:
        chosen = [task for task in tasks if task.target is target]
        if not chosen:
            continue
        sources = [task.source_text for task in chosen]

        def run(engine: Engine, sources: list[str] = sources, target: Language = target) -> list[str]:
            return engine.translate(target.other.value, target.value, sources)

        texts = worker.call(run).result()
        assert isinstance(texts, list)
        done += list(zip(chosen, (str(text) for text in texts), strict=True))
    return done

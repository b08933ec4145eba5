"""Machine translation from the window: plan a job, run it on the translation worker in the background, and
store the results as one undo step (briefing.edits.ApplyTranslations), which refreshes only those rows."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing import edits
from briefing import settings as config
from briefing.model import LANGUAGES, Briefing
from briefing.terms.assist import FindTerms
from briefing.translation import jobs
from briefing.translation.engine import Engine, EngineSettings, PackageMissing
from briefing.translation.packages import PackageStore
from ui.document import DocumentController
from ui.labels import fill
from ui.tasks import Runner, Task

Progress = Callable[[int, int], None]


def engine_from_settings() -> Engine:
    """An engine on the installed packages with the beam and threads the settings give."""
    chosen = config.current()
    return Engine(PackageStore(), EngineSettings(beam_size=chosen.beam_size, threads=chosen.threads))


class TranslationController(QObject):
    finished = Signal(object)  # the list of jobs.Result
    message = Signal(str, int)  # what a job did (or that there was nothing to do), for the status bar, and for how long
    failed = Signal(object)  # the exception (PackageMissing, PackageError, …)
    busy_changed = Signal()

    def __init__(self, runner: Runner, dialogs_parent: QWidget) -> None:
        super().__init__(dialogs_parent)
        self.runner, self.dialogs_parent = runner, dialogs_parent
        self.make_engine: Callable[[], Engine] = engine_from_settings  # tests may give a slower or gated one
        self.worker = jobs.TranslationWorker(self._engine)
        self.task: Task | None = None
        self.find_terms: Callable[[], FindTerms] | None = None  # the window's termbases, if any

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
        if not requests:
            self.message.emit(self.tr("Nothing to translate"), 4000)
            return False
        worker = self.worker

        def work(progress: Progress, cancel: threading.Event) -> list[jobs.Result]:
            return [worker.submit(request, progress, cancel).result() for request in requests]

        self.task = self.runner(
            self.dialogs_parent,
            self.tr("Translating…"),
            work,
            lambda results: self._store(document, results),
            self._failed,
            context="translation",
        )
        self.busy_changed.emit()
        return True

    def _failed(self, error: BaseException) -> None:
        self.busy_changed.emit()
        self.failed.emit(error)

    def _store(self, document: DocumentController, results: list[jobs.Result]) -> None:
        edit = edits.ApplyTranslations([t for result in results for t in jobs.translations(result)])
        document.apply(edit, initiator=self)  # one undo step; refreshes just these rows
        text = fill(self.tr("Machine-translated items: %1"), len(edit.changed))
        if any(r.cancelled for r in results):
            text += " · " + self.tr("cancelled; the rest were left untouched")
        if edit.skipped:
            text += " · " + fill(self.tr("left alone because they changed meanwhile: %1"), len(edit.skipped))
        self.message.emit(text, 8000)
        self.busy_changed.emit()
        self.finished.emit(results)

    def reconfigure(self) -> None:
        """Settings changed: the engine takes the new beam and threads on its own thread."""
        settings = self.make_engine().settings

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

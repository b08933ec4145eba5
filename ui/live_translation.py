"""Live translation in the item editor: after a pause in typing, a suggestion for the item's target.

A keystroke only restarts a timer; when it fires, the item's source is handed to the translation worker (the
one thread that owns the models; briefing/translation/live.py: memory, then the engine with the termbase's
terms and the sentence cache, so only changed sentences reach the model). The suggestion comes back on the GUI
thread and is shown under the editors — and inside the target while it is empty — for an empty or
machine-translated target only; Alt+Enter stores it as one undo step. One request is in flight at a time; text
typed meanwhile is asked for when it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from briefing import settings as config
from briefing.edits import Changes
from briefing.memory.stack import Memories
from briefing.model import Language, TargetOrigin
from briefing.terms.assist import FindTerms
from briefing.translation import jobs, live, pretranslate
from briefing.translation.engine import Engine
from ui.document import DocumentController
from ui.item_editor import ItemEditor
from ui.labels import fill

PAUSE_MS = 700
ACCEPT_KEY = "Alt+Return"


class LiveTranslation(QObject):
    suggestion_ready = Signal(int, object)  # the request's number and its live.Suggestion or None (worker thread)

    def __init__(
        self,
        worker: jobs.TranslationWorker,
        editor: ItemEditor,
        find_terms: Callable[[], FindTerms] | None = None,
    ) -> None:
        super().__init__(editor)
        self.worker, self.editor = worker, editor
        self.find_terms = find_terms
        self.enabled: Callable[[], bool] = lambda: config.current().live_translation == "on"
        self.open_memories: Callable[[], Memories] = lambda: Memories.load(config.current())  # on the worker
        self.suggestion: live.Suggestion | None = None
        self.requests = 0  # numbered, so that an answer to an older request is dropped
        self._in_flight = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.request)
        self.label = QLabel(editor)
        self.label.setObjectName("liveSuggestion")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.hide()
        layout = editor.layout()
        if layout is not None:
            layout.addWidget(self.label)
        self.shortcut = QShortcut(QKeySequence(ACCEPT_KEY), editor)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.accept)
        self.suggestion_ready.connect(self._arrived)
        self.attach(editor.document)
        editor.item_shown.connect(lambda _item: self._item_shown())

    def attach(self, document: DocumentController) -> None:
        """Follow the window's document (a file opened replaces it)."""
        self.suggestion = None
        document.changed.connect(self._changed)

    # -- the GUI thread: cheap, per keystroke -------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if self.editor.item_id is not None and self.editor.item_id in changes.items:
            self._show()  # a suggestion that no longer fits goes away at once
            self._wait()

    def _item_shown(self) -> None:
        self._show()
        self._wait()

    def _wait(self) -> None:
        """Ask after a pause in typing (each keystroke starts the pause again)."""
        if self.enabled() and self.editor.item_id is not None:
            self.timer.start()
        else:
            self.timer.stop()

    # -- asking the worker ---------------------------------------------------------------------------
    def request(self) -> bool:
        """Ask for a suggestion for the item in the editor now; False when it needs none."""
        item = self.editor.item
        if item is None or not self.enabled() or not live.wants_suggestion(item):
            return False
        if self.suggestion is not None and self._fits(self.suggestion):
            return False  # the one shown is for this very text
        if self._in_flight:
            self._again = True
            return True
        self.requests += 1
        number, item_id, text, source = self.requests, item.id, item.source_text, item.source
        find_terms = self.find_terms() if self.find_terms is not None else None
        min_match = config.current().memory_min_match
        open_memories, cache = self.open_memories, self.worker.cache

        def memory(source_text: str, language: Language) -> str | None:
            try:
                with open_memories() as memories:
                    found = pretranslate.fill(source_text, language, memories, min_match)
            except Exception:
                return None
            return found[0] if found else None

        def make(engine: Engine) -> live.Suggestion | None:
            return live.suggest(engine, item_id, text, source, cache=cache(), memory=memory, find_terms=find_terms)

        try:
            future = self.worker.call(make)
        except RuntimeError:  # the window is closing: its worker has stopped
            self.timer.stop()
            return False
        self._in_flight = True
        future.add_done_callback(lambda done: self._done(number, done))
        return True

    def _done(self, number: int, future: Future[object]) -> None:  # the worker thread
        error = future.exception()
        self.suggestion_ready.emit(number, None if error is not None else future.result())

    def _arrived(self, number: int, suggestion: live.Suggestion | None) -> None:
        self._in_flight = False
        if number == self.requests and suggestion is not None:
            self.suggestion = suggestion
        self._show()
        if self._again:
            self._again = False
            self.request()

    # -- showing and accepting -----------------------------------------------------------------------
    def _fits(self, suggestion: live.Suggestion) -> bool:
        item = self.editor.item
        return (
            item is not None
            and item.id == suggestion.item_id
            and item.source_text == suggestion.source_text
            and live.wants_suggestion(item)
            and item.text.get(suggestion.target) != suggestion.text  # not what the target says already
        )

    def _target_editor(self, language: Language) -> QPlainTextEdit:
        return self.editor.korean if language is Language.KO else self.editor.english

    def _show(self) -> None:
        suggestion = self.suggestion
        for language in (Language.KO, Language.EN):
            self._target_editor(language).setPlaceholderText("")
        if suggestion is None or not self._fits(suggestion):
            self.label.hide()
            return
        origin = self.tr("from the memory") if suggestion.origin is TargetOrigin.MEMORY else self.tr("machine")
        self.label.setText(
            fill(
                self.tr("Suggestion (%1; %2 to accept): %3"),
                origin,
                ACCEPT_KEY.replace("Return", "Enter"),
                suggestion.text,
            )
        )
        self.label.show()
        self._target_editor(suggestion.target).setPlaceholderText(suggestion.text)

    def accept(self) -> bool:
        """Store the suggestion shown as the item's translation (one undo step); False when none fits."""
        item = self.editor.item
        suggestion = self.suggestion
        if item is None or suggestion is None:
            return False
        edit = live.accept(item, suggestion)
        if edit is None:
            return False
        self.editor.document.apply(edit)
        self.suggestion = None
        self._show()
        return True

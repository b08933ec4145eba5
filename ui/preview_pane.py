"""The live preview: the briefing rendered as the export will word it, computed off the GUI thread.

Edits schedule a render (debounced); the worker gets a snapshot (briefing/snapshot.py: only changed items are
copied) and returns HTML; a render that an edit overtook is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QTextBrowser, QVBoxLayout, QWidget

from briefing.export.preview import preview_html
from briefing.model import LANGUAGES, Briefing, Language
from ui.errors import report_quietly
from ui.qt import named
from ui.tasks import Runner

PREVIEW_DELAY_MS = 400


class PreviewPane(QWidget):
    updated = Signal()

    def __init__(
        self,
        runner: Runner,
        snapshot: Callable[[], Briefing],
        focus: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.snapshot, self.focus = runner, snapshot, focus
        self.browser = named(QTextBrowser(), "preview")
        self.browser.setOpenExternalLinks(False)
        self.language = named(QComboBox(), "previewLanguage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.language)
        layout.addWidget(self.browser)
        self.language.currentIndexChanged.connect(lambda _: self.schedule())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._generation = 0
        self._followed: str | None = None  # the section or item the view was last scrolled to
        self._follow_pending = False
        self.retranslate()

    def retranslate(self) -> None:
        current = self.language.currentIndex()
        self.language.blockSignals(True)
        self.language.clear()
        self.language.addItem(self.tr("Preview: both languages"), "both")
        self.language.addItem(self.tr("Preview: Korean"), "ko")
        self.language.addItem(self.tr("Preview: English"), "en")
        self.language.setCurrentIndex(max(current, 0))
        self.language.blockSignals(False)

    def schedule(self) -> None:
        self._timer.start(PREVIEW_DELAY_MS)

    def follow(self, ident: str | None) -> None:
        """Scroll to the selected section or item (each has an anchor named by its id); a refresh keeps the
        position, so that typing never makes the preview jump."""
        self._followed = ident
        self._follow_pending = self.browser.document().isEmpty()  # not rendered yet: scroll when it is
        if ident:
            self.browser.scrollToAnchor(ident)

    def refresh(self) -> None:
        choice = self.language.currentData() or "both"
        languages = LANGUAGES if choice == "both" else (Language(choice),)
        snapshot = self.snapshot()  # the worker gets its own copy, never the live briefing
        focus = self.focus()
        self._generation += 1
        generation = self._generation

        def done(page: str) -> None:
            if generation == self._generation:
                position = self.browser.verticalScrollBar().value()
                self.browser.setHtml(page)
                if self._follow_pending and self._followed:
                    self.browser.scrollToAnchor(self._followed)
                    self._follow_pending = False
                else:
                    self.browser.verticalScrollBar().setValue(position)
                self.updated.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.browser.setPlainText(report_quietly("preview", error))
                self.updated.emit()

        self.runner(
            self,
            "",
            lambda progress, cancel: preview_html(snapshot, languages, focus),
            done,
            failed,
            False,
            context="preview",
        )

"""The window's two modes — the composer and the review grid — and the reviewer's keys across both.

The window's centre becomes a tab widget: "Compose" (the outline, the editors and the side panels, as before)
and "Review" (ui/review_grid.py, the whole width: the texts need it on a 1366×768 screen). The reviewer's
window actions come here: Ctrl+Enter approves (the grid's row and on to the next item needing attention, or the
composer's item as before), Ctrl+Shift+R flags (in the grid with a reason), F8 / Shift+F8 go to the next /
previous item needing attention in either mode, F7 switches modes; Enter on a row opens the item in the
composer and Esc in the item editor comes back to the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QTabWidget, QWidget

from briefing.edits import Changes
from briefing.model import Item
from briefing.review import needs_attention, next_needing_attention
from ui.document import DocumentController
from ui.item_editor import ItemEditor
from ui.qa_commands import QaCommands
from ui.qt import named
from ui.review_grid import ReviewGrid


class MainWindow(Protocol):
    """What the modes need of the window (ui/main_window.py), named here so that neither imports the other."""

    document: DocumentController
    item_editor: ItemEditor
    qa: QaCommands

    def statusBar(self) -> QStatusBar: ...
    def selected_item_id(self) -> str | None: ...
    def select(self, ident: str | None) -> None: ...
    def focus_source_editor(self) -> None: ...
    def _update_actions(self) -> None: ...


MODE_COMPOSE, MODE_REVIEW = 0, 1


class ReviewMode(QObject):
    """Builds the grid and the mode tabs around the composer's splitter, and carries the reviewer's keys."""

    def __init__(self, window: MainWindow, composer: QWidget) -> None:
        super().__init__(composer)
        self.window = window
        self.grid = named(ReviewGrid(window.document), "reviewPage")
        self.modes = named(QTabWidget(), "modes")
        self.modes.setDocumentMode(True)
        self.modes.addTab(composer, "")
        self.modes.addTab(self.grid, "")
        self.opened_from_grid = False  # Esc in the composer goes back to the grid (the window's focusOutline)
        self.modes.currentChanged.connect(self._mode_changed)

    def wire(self) -> None:
        """Once the window's parts exist: the QA findings, the status bar, opening an item."""
        window = self.window
        self.grid.set_findings_source(lambda: window.qa.by_item)
        window.qa.findings_changed.connect(self.grid.findings_changed)
        self.grid.message.connect(window.statusBar().showMessage)
        self.grid.open_requested.connect(self.open_in_composer)
        self.grid.current_changed.connect(window._update_actions)

    def retranslate(self) -> None:
        self.modes.setTabText(MODE_COMPOSE, self.tr("Compose"))
        self.modes.setTabText(MODE_REVIEW, self.tr("Review"))
        self.modes.setTabToolTip(MODE_REVIEW, self.tr("Every item as a row, with filters (F7)"))
        self.grid.retranslate()

    def attach(self, document: object) -> None:
        self.grid.set_document(self.window.document)

    def document_changed(self, changes: Changes) -> None:
        self.grid.document_changed(changes)

    # -- modes -----------------------------------------------------------------------------------
    @property
    def reviewing(self) -> bool:
        return self.modes.currentIndex() == MODE_REVIEW

    def show_grid(self) -> None:
        self.modes.setCurrentIndex(MODE_REVIEW)

    def show_composer(self) -> None:
        self.modes.setCurrentIndex(MODE_COMPOSE)

    def toggle(self) -> None:
        self.modes.setCurrentIndex(MODE_COMPOSE if self.reviewing else MODE_REVIEW)

    def _mode_changed(self, mode: int) -> None:
        """The other mode shows the item the first one had current."""
        window = self.window
        if mode == MODE_REVIEW:
            self.opened_from_grid = False
            self.grid.select(window.selected_item_id())
            self.grid.view.setFocus()
        else:
            item_id = self.grid.current_item_id()
            if item_id is not None and item_id != window.selected_item_id():
                window.select(item_id)
        window._update_actions()

    def open_in_composer(self, item_id: str) -> None:
        """Enter on a row: the item in the composer's editor, the target side in focus; Esc comes back."""
        self.show_composer()
        self.window.select(item_id)
        self.window.focus_source_editor()
        item = self.window.item_editor.item
        if item is not None:
            target = self.window.item_editor.english if item.target.value == "en" else self.window.item_editor.korean
            target.setFocus()
        self.opened_from_grid = True

    def back_to_grid(self) -> None:
        if self.opened_from_grid and not self.reviewing:
            self.show_grid()
        self.opened_from_grid = False

    # -- the reviewer's actions ------------------------------------------------------------------
    def current_item(self) -> Item | None:
        """The item the actions work on: the grid's current row in review, the composer's item otherwise."""
        if self.reviewing:
            item_id = self.grid.current_item_id()
            return self.grid.model.item(item_id) if item_id is not None else None
        return self.window.item_editor.item

    def approve(self, in_composer: Callable[[], object]) -> None:
        if self.reviewing:
            self.grid.approve_and_next()
        else:
            in_composer()

    def flag(self, in_composer: Callable[[], object]) -> None:
        if self.reviewing:
            self.grid.flag_current()
        else:
            in_composer()

    def next_attention(self, step: int = 1) -> str | None:
        """F8 / Shift+F8: in review among the shown rows; in the composer over the whole briefing, in order."""
        if self.reviewing:
            return self.grid.next_attention(step)
        window = self.window
        briefing = window.document.briefing
        items = {item.id: item for item in briefing.items()}
        qa = window.qa.by_item
        found = next_needing_attention(
            list(items), window.selected_item_id(), lambda i: needs_attention(items[i], qa.get(i, ())), step
        )
        if found is None:
            window.statusBar().showMessage(self.tr("No item needs attention"), 4000)
            return None
        window.select(found)
        return found

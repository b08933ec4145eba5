"""The window's terminology at work: the Terms panel, the term marks in both editors, the editors' "Add term…"
menu, the Add term form and the termbase manager, kept in step with the document.

The termbases themselves are `ui/terminology.py`'s; this part only shows them and acts on them. The panel and
the card's names follow typing after a pause, not at every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from briefing.edits import Changes
from briefing.model import Briefing, Item, Language
from briefing.terms.assist import Suggestion
from ui.item_editor import ItemEditor
from ui.labels import fill
from ui.qt import named
from ui.tasks import Runner
from ui.term_dialog import TermDialog
from ui.terminology import TerminologyController
from ui.terms_highlighter import TermHighlighter
from ui.terms_panel import TermsPanel

if TYPE_CHECKING:
    from ui.termbase_manager import TermbaseManager

TERMS_DELAY_MS = 300  # the Terms panel and the card's names follow typing at this pace


class TermsCommands(QObject):
    message = Signal(str, int)  # for the status bar, and for how long
    item_tab_wanted = Signal()  # an insertion goes to the item editor: its tab should be in front

    def __init__(
        self,
        window: QWidget,
        terminology: TerminologyController,
        item_editor: ItemEditor,
        runner: Runner,
        add_term_action: Callable[[], QAction],
    ) -> None:
        super().__init__(window)
        self.window, self.terminology, self.item_editor, self.runner = window, terminology, item_editor, runner
        self._add_term_action = add_term_action
        self.briefing: Callable[[], Briefing] | None = None  # the open document's briefing, set by the window
        self.panel = named(TermsPanel(terminology), "termsPanel")
        self.highlighters = [
            TermHighlighter(item_editor.korean, Language.KO, terminology.hits),
            TermHighlighter(item_editor.english, Language.EN, terminology.hits),
        ]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._follow)
        self._card_changed = False
        self.editor_menu: QMenu | None = None
        self.term_dialog: TermDialog | None = None
        self.termbase_manager: TermbaseManager | None = None
        terminology.changed.connect(self._rehighlight)
        terminology.problems_found.connect(self._problems)
        self.panel.insert_requested.connect(self.insert_term)
        for editor in (item_editor.korean, item_editor.english):
            editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            editor.customContextMenuRequested.connect(
                lambda position, editor=editor: self.editor_context_menu(editor).popup(editor.mapToGlobal(position))
            )

    # -- following the document -----------------------------------------------------------------
    def document_changed(self, changes: Changes) -> None:
        """The card's names and the current item's terms follow after a pause in typing."""
        self._card_changed = self._card_changed or changes.card
        if changes.card or (self.item_editor.item_id in changes.items):
            self._timer.start(TERMS_DELAY_MS)

    def show_item(self, item: Item | None) -> None:
        self.panel.show_item(item)

    def _follow(self) -> None:
        if self._card_changed and self.briefing is not None:
            self._card_changed = False
            self.terminology.set_briefing(self.briefing())
        self.panel.show_item(self.item_editor.item)

    def _rehighlight(self) -> None:
        for highlighter in self.highlighters:
            highlighter.rehighlight()

    def _problems(self, problems: list[str]) -> None:
        """A termbase left out is said once; the window goes on without it."""
        self.message.emit(fill(self.tr("Termbase left out: %1"), " · ".join(problems)), 15000)

    # -- commands -------------------------------------------------------------------------------
    def insert_term(self, suggestion: Suggestion) -> bool:
        """The term into the item's other-language editor at its cursor, as one undo step."""
        if not suggestion.insert:
            return False
        self.item_tab_wanted.emit()
        language = suggestion.target_language
        done = self.item_editor.insert_at_cursor(language, suggestion.insert)
        (self.item_editor.korean if language is Language.KO else self.item_editor.english).setFocus()
        return done

    def editor_context_menu(self, editor: QPlainTextEdit) -> QMenu:
        """The editor's own menu with "Add term…" at the end."""
        menu = editor.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSeparator()
        menu.addAction(self._add_term_action())
        self.editor_menu = menu
        return menu

    def add_term(self) -> TermDialog:
        """The Add term form, filled from the selection of the editor in use and the other editor's selection."""
        korean, english = self.item_editor.korean, self.item_editor.english
        ko, en = (editor.textCursor().selectedText().replace("\u2029", " ") for editor in (korean, english))
        dialog = TermDialog(self.window, self.terminology, ko=ko, en=en)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message.emit(self.tr("Term added to your termbase"), 4000))
        dialog.open()
        self.term_dialog = dialog
        return dialog

    def open_termbase_manager(self) -> TermbaseManager:
        from ui.termbase_manager import TermbaseManager

        dialog = TermbaseManager(self.window, self.terminology, self.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.termbase_manager = dialog
        return dialog

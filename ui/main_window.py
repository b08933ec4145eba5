"""The composer window: it puts the parts together and wires them; the parts do the work.

Left the outline (ui/outline_pane.py), in the centre the item, section and meeting-card editors, right the
preview (ui/preview_pane.py); translation runs through ui/translation_controller.py (the window's translation
commands are ui/translation_commands.py), the commands are declared
in ui/actions.py. Every change goes through the document (ui/document.py), whose `changed` signal tells each
part what changed; the window only keeps the title and the status bar in step, and handles files and dialogs.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeView,
    QWidget,
)

from briefing import settings as config
from briefing.edits import Changes
from briefing.language.phrases import catalog
from briefing.messages import BriefingError
from briefing.model import Bilingual, Briefing, Item, Language, Section, TargetStatus
from briefing.qa.worker import QaWorker
from briefing.recovery import RecoveryEntry
from ui import asking, main_actions, screen
from ui import state as window_state
from ui.actions import ActionSet, Selection
from ui.card_editor import CardEditor
from ui.compare_commands import CompareCommands
from ui.document import DocumentController
from ui.errors import BackupWarning
from ui.exchange_commands import ReviewFiles
from ui.files import FileCommands
from ui.find_field import FindField
from ui.i18n import set_ui_language
from ui.import_commands import DocumentImport
from ui.item_editor import ItemEditor, document_undo
from ui.live_translation import LiveTranslation
from ui.memory_commands import MemoryCommands
from ui.memory_panel import MemoryPanel
from ui.outline_model import OutlineModel
from ui.outline_pane import OutlinePane
from ui.preview_pane import PreviewPane
from ui.qa_commands import QaCommands
from ui.qt import named
from ui.review_mode import ReviewMode
from ui.section_editor import SectionEditor
from ui.status_counts import StatusCounts
from ui.tasks import Runner, TaskManager
from ui.terminology import TerminologyController
from ui.terms_commands import TermsCommands
from ui.title_status import TitleFocus
from ui.translation_commands import TranslationCommands
from ui.translation_controller import TranslationController
from ui.undo_actions import UndoActions
from ui.window_dialogs import WindowDialogs

DEFAULT_SIZE = (1440, 860)  # the first start on a large screen; smaller screens get what they have
PANE_SHARES = (26, 44, 30)  # outline, editors, side panels: the splitter's first sizes, in per cent
TAB_ITEM, TAB_SECTION, TAB_CARD = range(3)
SIDE_PREVIEW, SIDE_TERMS, SIDE_MEMORY, SIDE_QA = 0, 1, 2, 3  # the side panels' tabs: the preview first


def scrolled(page: QWidget, name: str) -> QScrollArea:
    """`page` in a frameless scroll area: on a small screen it scrolls rather than forcing the window wider."""
    scroll = named(QScrollArea(), name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


def fresh_briefing(origin: Language | None = None) -> Briefing:
    """What File → New (and a start without a file) gives: one section, ready for the first item, drafted in
    `origin` (the settings' default source language when not given)."""
    chosen = config.current()
    briefing = Briefing(author=chosen.author, origin_language=origin or Language(chosen.default_source_language))
    ko, en = catalog(Language.KO), catalog(Language.EN)  # the document's phrases, not the interface's
    briefing.add_section(Section(title=Bilingual(ko=ko.first_section, en=en.first_section)))
    return briefing


class MainWindow(QMainWindow):
    briefing_opened = Signal(str)  # the path
    open_failed = Signal(str)  # the message shown to the user
    translation_finished = Signal(object)  # the list of jobs.Result
    preview_updated = Signal()

    def __init__(self, runner: Runner | None = None, qa_worker: QaWorker | None = None) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.tasks = TaskManager(self)  # owns every background task, whichever dialog started it
        self.runner: Runner = runner if runner is not None else self.tasks
        self._qa_worker = qa_worker  # the application's (it stops it); None: QA runs in a task's thread
        self.backup_warning = BackupWarning(self)
        self.statusBar().addPermanentWidget(self.backup_warning)
        self.document = DocumentController(fresh_briefing(), None, config.current().autosave_seconds, self)
        self.translation = TranslationController(self.runner, self)
        self.terminology = TerminologyController(self)
        self.translation.find_terms = self.terminology.find_terms
        self.files = FileCommands(self, lambda: self.document, self._make_document)
        self.memory = MemoryCommands(self, self.runner)  # the translation memories, open while the window is
        self.review_files = ReviewFiles(self, self.runner, lambda: self.document)  # XLIFF / review DOCX out and in
        self.comparison = CompareCommands(self, self.runner, lambda: self.document)  # with another version
        self.importing = DocumentImport(self, self, self.runner, lambda: self.document)  # File → Import, paste
        self.ask_origin = asking.ask_origin  # File → New's question (tests answer it)
        self.dialogs = WindowDialogs(self, self)  # packages, export, recovery copies, settings, about
        self._build()
        self._build_actions()
        self._connect()
        self.item_editor.installEventFilter(self)
        self._attach(self.document)
        self.retranslate()
        self.item_editor.apply_font(config.current())
        self.fit_to_screen()
        if window_state.restore_window(self):
            self.keep_on_screen()
        preview_shown = window_state.shown("preview")  # hidden with F9, it stays hidden at the next start
        self.actions_["togglePreview"].setChecked(preview_shown)
        self.side.setVisible(preview_shown)
        self.memory.report_problems()  # said once; the window works without what cannot be opened
        self.terminology.report_problems()  # after the counts, so that the status bar shows it

    # -- parts -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.outline_pane = OutlinePane(self.document)
        self.item_editor = ItemEditor(self.document)
        self.section_editor = SectionEditor(self.document)
        self.card_editor = CardEditor(self.document)
        self.title_focus = TitleFocus(self.card_editor, self.section_editor)
        # Ctrl+Z in the card's fields is the document's too (see ui/item_editor.py, DocumentUndo).
        self._card_undo = document_undo(*self.card_editor.findChildren(QLineEdit))
        self.centre = named(QTabWidget(), "centre")
        # Each editor scrolls when the window is too small for it (1024×600): nothing is ever out of reach.
        for page, name in (
            (self.item_editor, "itemScroll"),
            (self.section_editor, "sectionScroll"),
            (self.card_editor, "cardScroll"),
        ):
            self.centre.addTab(scrolled(page, name), "")
        self.preview_pane = PreviewPane(
            self.runner, lambda: self.document.snapshot(), self.outline_pane.selected_section_id
        )
        # The right side: the preview, and the panels that help with the current item (terms, memory).
        self.side = named(QTabWidget(), "side")
        self.side.addTab(self.preview_pane, "")
        self.terms = TermsCommands(
            self, self.terminology, self.item_editor, self.runner, lambda: self.actions_["addTerm"]
        )
        self.side.addTab(scrolled(self.terms.panel, "termsScroll"), "")
        self.memory_panel = MemoryPanel(self.memory.lookup, self.memory.concordance)
        self.side.addTab(scrolled(self.memory_panel, "memoryScroll"), "")
        # the findings, kept in step; checked in the application's QA process when there is one
        self.qa = QaCommands(self, self.runner, self.terminology, self.item_editor, self._qa_worker)
        self.side.addTab(scrolled(self.qa.panel, "qaScroll"), "")
        # suggestions for the item being typed, made on the translation worker after a pause
        self.live = LiveTranslation(self.translation.worker, self.item_editor, self.terminology.find_terms)
        splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        for index, pane in enumerate((self.outline_pane, self.centre, self.side)):
            splitter.addWidget(pane)
            splitter.setStretchFactor(index, PANE_SHARES[index])
        splitter.setCollapsible(1, False)  # the outline and the side panels fold away; the editors stay
        splitter.setSizes([share * 10 for share in PANE_SHARES])
        self.splitter = splitter
        self.review_mode = ReviewMode(self, splitter)  # the composer and the review grid, as two tabs
        self.review = self.review_mode.grid
        self.setCentralWidget(self.review_mode.modes)
        self.find_field = FindField(lambda: self.document.briefing, self.selected_item_id, self.select)
        self.find_field.not_found.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.counts = StatusCounts(self.statusBar(), lambda: self.document.briefing, self._update_actions)
        self.translating = TranslationCommands(self, self.translation, lambda: self.document)

    def _build_actions(self) -> None:
        self.toolbar = named(QToolBar(), "mainToolbar")
        self.addToolBar(self.toolbar)
        self.actions_ = ActionSet(
            self, self.menuBar(), self.toolbar, main_actions.handlers(self), scopes={"composer": self.splitter}
        )
        self.undo = UndoActions(self, self.document.undo_stack, self.actions_.keys_undo(), self.actions_.keys_redo())
        self.undo_group, self.undo_action, self.redo_action = self.undo.group, self.undo.undo, self.undo.redo
        self.addActions([self.undo_action, self.redo_action])
        edit_menu = self.actions_.menus["edit"]
        first = edit_menu.actions()[0]
        edit_menu.insertActions(first, [self.undo_action, self.redo_action])
        edit_menu.insertSeparator(first)
        self.toolbar.insertActions(self.actions_["export"], [self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.find_field)
        self.file_menu = self.actions_.menus["file"]
        self.recent_menu = self.actions_.menus["recent"]

    def _connect(self) -> None:
        outline = self.outline_pane
        outline.current_changed.connect(self._current_changed)
        outline.edit_requested.connect(self.focus_source_editor)
        outline.context_menu_requested.connect(lambda position: self.actions_.context_menu(self).popup(position))
        self.preview_pane.updated.connect(self.preview_updated)
        translation = self.translation
        translation.busy_changed.connect(self._update_actions)
        self.title_focus.moved.connect(self._update_actions)
        translation.finished.connect(self.translation_finished)
        files = self.files
        files.opened.connect(self._opened)
        files.recovered.connect(self.open_recovered)
        files.open_failed.connect(self.open_failed)
        files.message.connect(self.statusBar().showMessage)
        files.recent_changed.connect(self._update_recent_menu)
        self.memory.message.connect(self.statusBar().showMessage)
        self.review_files.message.connect(self.statusBar().showMessage)
        self.comparison.message.connect(self.statusBar().showMessage)
        self.importing.message.connect(self.statusBar().showMessage)
        self.memory_panel.match_chosen.connect(lambda match: self.memory.use(match, self.item_editor.item))
        self.terms.message.connect(self.statusBar().showMessage)
        self.item_editor.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.terms.item_tab_wanted.connect(lambda: self.centre.setCurrentIndex(TAB_ITEM))
        self.terms.briefing = lambda: self.document.briefing
        self.qa.select = self.select
        self.qa.on_badges = self.outline_pane.show_findings
        self.qa.item_tab_wanted.connect(lambda: self.centre.setCurrentIndex(TAB_ITEM))
        self.review_mode.wire()

    # Names the tests and the benchmarks know the parts by.
    @property
    def outline(self) -> QTreeView:
        return self.outline_pane.view

    @property
    def outline_model(self) -> OutlineModel:
        return self.outline_pane.model

    @property
    def preview(self) -> QTextBrowser:
        return self.preview_pane.browser

    @property
    def preview_language(self) -> object:
        return self.preview_pane.language

    def retranslate(self) -> None:
        """Every visible string again, after the interface language changed."""
        self.actions_.retranslate()
        self.undo.retranslate()
        self.centre.setTabText(TAB_ITEM, self.tr("Item"))
        self.centre.setTabText(TAB_SECTION, self.tr("Section"))
        self.centre.setTabText(TAB_CARD, self.tr("Meeting card"))
        self.side.setTabText(SIDE_PREVIEW, self.tr("Preview"))
        self.side.setTabText(SIDE_TERMS, self.tr("Terms"))
        self.side.setTabText(SIDE_MEMORY, self.tr("Memory"))
        self.side.setTabText(SIDE_QA, self.tr("QA"))
        self.find_field.retranslate()
        self.review_mode.retranslate()
        parts = (self.section_editor, self.item_editor, self.card_editor, self.preview_pane, self.outline_pane)
        for part in (*parts, self.terms.panel, self.memory_panel, self.qa.panel):
            part.retranslate()
        self._update_recent_menu()
        self._update_title()
        self.counts.update()
        self._fit_editors()

    def _fit_editors(self) -> None:
        """The editors are never narrower than the item editor needs (its words change with the language and
        the item): the outline and the side panels give way instead, and nothing is cut off at the side."""
        scroll_bar = self.centre.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        needed = self.item_editor.minimumSizeHint().width() + scroll_bar + 16
        if needed > self.centre.minimumWidth():
            self.centre.setMinimumWidth(needed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the document ----------------------------------------------------------------------------
    def _attach(self, document: DocumentController) -> None:
        self.document = document
        for part in (self.item_editor, self.card_editor, self.section_editor):
            part.document = document
        document.changed.connect(self._document_changed)
        document.refused.connect(self.counts.refused)
        document.modified_changed.connect(lambda _: self._update_title())
        document.path_changed.connect(lambda _: self._update_title())
        document.saved.connect(lambda _: self._update_actions())  # a .bak to compare with may now exist
        self.backup_warning.watch(document)
        self.memory.attach(document)
        self.live.attach(document)
        self.outline_pane.set_document(document)
        self.terminology.set_briefing(document.briefing)
        self.qa.attach(document)  # after the card's names are in the termbases
        self.review_mode.attach(document)
        self.card_editor.load()
        self._update_title()
        self.counts.update()
        self.preview_pane.schedule()

    def _replace_document(self, document: DocumentController) -> None:
        old = self.document
        old.close()
        self.undo.switch_to(old.undo_stack, document.undo_stack)
        old.deleteLater()
        self._attach(document)

    def _document_changed(self, changes: Changes) -> None:
        """Each part refreshes what concerns it; the window its title and counts."""
        self.outline_pane.document_changed(changes)
        self.item_editor.document_changed(changes)
        self.section_editor.document_changed(changes)
        self.card_editor.document_changed(changes)
        self.memory_panel.document_changed(changes)
        self.terms.document_changed(changes)
        self.qa.document_changed(changes)
        self.review_mode.document_changed(changes)
        if changes.card:
            self._update_title()
        self.counts.schedule()
        self.preview_pane.schedule()

    def _current_changed(self, item: Item | None, section: Section | None) -> None:
        self.item_editor.show_item(item)
        self.preview_pane.follow(item.id if item is not None else section.id if section is not None else None)
        self.terms.show_item(item)
        self.qa.show_item(item.id if item is not None else None)
        self.section_editor.show_section(section)
        self.memory_panel.show_item(item)
        if section is not None and self.centre.currentIndex() == TAB_ITEM:
            self.centre.setCurrentIndex(TAB_SECTION)
        elif item is not None and self.centre.currentIndex() == TAB_SECTION:
            self.centre.setCurrentIndex(TAB_ITEM)
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.item_editor and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit_editors)  # once the editor's layout has taken its new words in
        return super().eventFilter(watched, event)

    def _update_actions(self) -> None:
        title = self.title_focus.current() is not None  # Approve and Mark for review act on a focused title
        item = self.review_mode.current_item()  # the grid's row in review, the editor's item otherwise
        self.actions_.update_enabled(
            Selection(
                has_item=item is not None,
                has_section=self.outline_pane.selected_section_id() is not None,
                can_approve=title or (item is not None and bool(item.source_text.strip() and item.target_text.strip())),
                can_flag=title or (item is not None and item.status is not TargetStatus.EMPTY),
                busy=self.translation.busy,
                has_backup=self.comparison.has_backup(),
            )
        )

    def selected_item_id(self) -> str | None:
        return self.outline_pane.selected_item_id()

    def selected_section_id(self) -> str | None:
        return self.outline_pane.selected_section_id()

    def select(self, ident: str | None) -> None:
        self.outline_pane.select(ident)

    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Briefing Studio")
        self.setWindowModified(self.document.modified)

    # -- editing from the menus ------------------------------------------------------------------
    def add_section(self) -> None:
        if self.outline_pane.add_section() is not None:
            self.centre.setCurrentIndex(TAB_SECTION)
            editor = self.section_editor
            title = editor.ko if self.document.briefing.origin_language is Language.KO else editor.en
            title.setFocus()
            title.selectAll()  # the placeholder title is replaced by what is typed

    def add_item(self) -> None:
        item = self.outline_pane.add_item()
        if item is not None:
            self.centre.setCurrentIndex(TAB_ITEM)
            self.focus_source_editor()

    def delete_selected(self) -> None:
        self.outline_pane.delete_selected()

    def move_selected(self, step: int) -> None:
        self.outline_pane.move_selected(step)

    def escape(self) -> None:
        """Esc in the composer: back to the review grid when the item was opened from it, else to the outline."""
        if self.review_mode.opened_from_grid:
            self.review_mode.back_to_grid()
            return
        self.outline.setFocus()

    def edit_card(self) -> None:
        """View → Edit the meeting card (Ctrl+Shift+M): its tab, the title in the drafting language in focus."""
        self.centre.setCurrentIndex(TAB_CARD)
        field = self.card_editor.fields["title"]
        (field.ko if self.document.briefing.origin_language is Language.KO else field.en).setFocus()

    def toggle_preview(self) -> None:
        """View → Show the preview (F9): the side panels fold away, giving their room to the editors."""
        shown = self.actions_["togglePreview"].isChecked()
        self.side.setVisible(shown)

    def fit_to_screen(self) -> None:
        screen.fit(self, DEFAULT_SIZE)

    def keep_on_screen(self) -> None:
        screen.keep_on(self)

    def focus_source_editor(self) -> None:
        item = self.item_editor.item
        self.centre.setCurrentIndex(TAB_ITEM)
        editor = self.item_editor.korean if item and item.source is Language.KO else self.item_editor.english
        editor.setFocus()

    # -- find ------------------------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find_field.focus()

    def find_next(self) -> bool:
        return self.find_field.find_next()

    # -- translation (ui/translation_commands.py) -------------------------------------------------
    def translate_current(self) -> None:
        self.translating.translate_current()

    def translate_missing(self) -> None:
        self.translating.translate_missing()

    # -- files -----------------------------------------------------------------------------------
    def _make_document(self, briefing: Briefing, path: Path | None, digest: str | None) -> DocumentController:
        return DocumentController(briefing, path, config.current().autosave_seconds, self, disk_digest=digest)

    def _opened(self, document: DocumentController) -> None:
        self._replace_document(document)
        assert document.path is not None
        self.briefing_opened.emit(str(document.path))

    def confirm_discard(self) -> bool:
        return self.files.confirm_discard()

    def choose_new(self) -> None:
        """File → New: after the question about unsaved work, the language the briefing is drafted in."""
        if not self.files.confirm_discard():
            return
        origin = self.ask_origin(self, config.current().default_source_language)
        if origin is not None:
            self._replace_document(self._make_document(fresh_briefing(Language(origin)), None, None))

    def new_document(self, origin: Language | None = None) -> None:
        """A new briefing without the origin question (the settings' default unless `origin` is given)."""
        if self.files.confirm_discard():
            self._replace_document(self._make_document(fresh_briefing(origin), None, None))

    def choose_file(self) -> None:
        self.files.choose_file()

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a briefing; on failure show every problem and keep the current document."""
        return self.files.open_file(path, ask)

    def open_recovered(self, briefing: Briefing, path: Path | None, disk_digest: str | None = None) -> None:
        """Show a recovered copy as unsaved work on its original file (whose digest, as the crashed session
        knew it, still guards against saving over someone else's changes)."""
        self._replace_document(self._make_document(briefing, path, disk_digest))
        self.document.undo_stack.resetClean()  # unsaved until the user saves it
        self._update_title()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = window_state.recent_files()
        for entry in recent:
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _=False, p=entry: self.open_file(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.qa.stop()  # no QA run may start after the termbases and memories below are closed
        self.tasks.shutdown()  # cancels every running task; what they still produce is dropped
        self.document.close()
        self.translation.shutdown()
        self.memory.close()
        self.terminology.close()
        window_state.save_window(self)
        window_state.remember_shown("preview", self.actions_["togglePreview"].isChecked())
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().endswith(".briefing") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".briefing"):
                event.acceptProposedAction()
                self.open_file(Path(url.toLocalFile()))
                return

    # -- dialogs ---------------------------------------------------------------------------------
    def restore_copy(self, entry: RecoveryEntry) -> bool:
        """Open a recovery copy as unsaved work on its original file, then delete the copy."""
        return self.files.restore(entry)

    def settings_changed(self) -> None:
        self.item_editor.apply_font(config.current())
        self.document.set_autosave_interval(config.current().autosave_seconds)
        self.translation.reconfigure()
        self.memory.reload()
        self.memory_panel.show_item(self.item_editor.item)
        self.terminology.settings_changed()
        language = config.current().ui_language
        if language in ("ko", "en"):
            self.switch_language(language)

    def switch_language(self, language: str) -> None:
        with contextlib.suppress(BriefingError):  # an unwritable settings file must not stop the switch
            config.update(ui_language=language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_ui_language(app, language)
        self.retranslate()  # now, not only when Qt delivers the LanguageChange event

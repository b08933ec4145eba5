"""The composer: outline on the left, meeting card and item editor in the centre, live preview on the right."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing import settings as config
from briefing.export.preview import preview_html
from briefing.fileformat import BriefingFormatError
from briefing.messages import BriefingError
from briefing.model import LANGUAGES, Bilingual, Briefing, Item, ItemType, Language, Section, TargetStatus
from briefing.recovery import RecoveryEntry
from briefing.storage import BriefingFileError, ChangedOnDisk, backup_path, read
from briefing.translation import jobs
from briefing.translation.engine import Engine, EngineSettings, PackageMissing
from briefing.translation.packages import PackageStore
from ui import commands
from ui import state as window_state
from ui.card_editor import CardEditor
from ui.document import DocumentController
from ui.item_editor import ItemEditor
from ui.labels import fill, kind_names, status_text, type_names
from ui.outline_model import OutlineModel
from ui.tasks import run_in_background

PREVIEW_DELAY_MS = 400


class SectionEditor(QWidget):
    """The title of the selected section in both languages."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.section_id: str | None = None
        self.label = QLabel()
        self.ko = QLineEdit(objectName="sectionTitleKo")
        self.en = QLineEdit(objectName="sectionTitleEn")
        layout = QVBoxLayout(self)
        for widget in (self.label, self.ko, self.en):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.ko.textEdited.connect(lambda text: self._edited("ko", text))
        self.en.textEdited.connect(lambda text: self._edited("en", text))

    def show_section(self, section: Section | None) -> None:
        self.section_id = section.id if section else None
        for edit, text in (
            (self.ko, section.title.ko if section else ""),
            (self.en, section.title.en if section else ""),
        ):
            if edit.text() != text:
                edit.setText(text)

    def _edited(self, language: str, text: str) -> None:
        if self.section_id is None:
            return
        document = self.window_.document
        section = document.briefing.section(self.section_id)
        document.push(
            commands.BriefingEdit(
                document,
                self.tr("Rename section"),
                lambda: setattr(section.title, language, text),
                merge_key=f"section:{self.section_id}:{language}",
            )
        )


def _fresh_briefing() -> Briefing:
    """What File → New (and a start without a file) gives: one section, ready for the first item."""
    chosen = config.current()
    briefing = Briefing(author=chosen.author, origin_language=Language(chosen.default_source_language))
    briefing.add_section(Section(title=Bilingual(ko="개요", en="Overview")))
    return briefing


class MainWindow(QMainWindow):
    briefing_opened = Signal(str)  # the path
    open_failed = Signal(str)  # the message shown to the user
    translation_finished = Signal(object)  # the jobs.Result
    preview_updated = Signal()

    def __init__(self, runner: Any = run_in_background) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.runner = runner
        self.worker = jobs.TranslationWorker(self._make_engine)
        self.task: Any = None
        self.document = DocumentController(_fresh_briefing(), None, config.current().autosave_seconds, self)
        self.outline_model = OutlineModel(parent=self, on_move=self._move_item, on_move_section=self._move_section)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self._render_preview)
        self._preview_generation = 0
        self._build()
        self._build_actions()
        self._attach(self.document)
        self.retranslate()
        self.apply_editor_font()
        self.resize(1440, 860)
        window_state.restore_window(self)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.outline = QTreeView(objectName="outline")
        self.outline.setModel(self.outline_model)
        self.outline.setUniformRowHeights(True)
        self.outline.setAlternatingRowColors(True)
        header = self.outline.header()  # the text takes what the type and status columns leave
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OutlineModel.COLUMN_TEXT, QHeaderView.ResizeMode.Stretch)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.outline.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline.setDragEnabled(True)
        self.outline.setAcceptDrops(True)
        self.outline.setDropIndicatorShown(True)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._context_menu)
        self.outline.selectionModel().currentChanged.connect(self._current_changed)
        self.outline.installEventFilter(self)

        self.item_editor = ItemEditor(self.document)
        self.card_editor = CardEditor(self.document)
        self.section_editor = SectionEditor(self)
        card_scroll = QScrollArea()
        card_scroll.setWidgetResizable(True)
        card_scroll.setWidget(self.card_editor)
        self.centre = QTabWidget(objectName="centre")
        self.centre.addTab(self.item_editor, "")
        self.centre.addTab(self.section_editor, "")
        self.centre.addTab(card_scroll, "")

        self.preview = QTextBrowser(objectName="preview")
        self.preview.setOpenExternalLinks(False)
        self.preview_language = QComboBox(objectName="previewLanguage")
        preview_panel = QWidget()
        preview_layout = QVBoxLayout(preview_panel)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_language)
        preview_layout.addWidget(self.preview)
        self.preview_language.currentIndexChanged.connect(lambda _: self.schedule_preview())

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        splitter.addWidget(self.outline)
        splitter.addWidget(self.centre)
        splitter.addWidget(preview_panel)
        splitter.setSizes([480, 520, 440])
        self.setCentralWidget(splitter)
        self.find_field = QLineEdit(objectName="find")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)

    def _action(self, name: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.actions_: dict[str, QAction] = {
            "new": self._action("new", self.new_document, keys.New),
            "open": self._action("open", self._choose_file, keys.Open),
            "save": self._action("save", self.save, keys.Save),
            "save_as": self._action("saveAs", self.save_as, keys.SaveAs),
            "recover": self._action("recoverAction", self.open_recovery_dialog),
            "export": self._action("export", self.open_export_dialog, "Ctrl+E"),
            "packages": self._action("packages", self.open_packages_dialog),
            "settings": self._action("settings", self.open_settings_dialog, keys.Preferences),
            "quit": self._action("quit", self.close, keys.Quit),
            "find": self._action("findAction", self.focus_find, keys.Find),
            "find_next": self._action("findNext", self.find_next, keys.FindNext),
            "add_section": self._action("addSection", self.add_section, "Ctrl+Shift+Insert"),
            "add_item": self._action("addItem", self.add_item),
            "delete": self._action("delete", self.delete_selected),
            "move_up": self._action("moveUp", lambda: self.move_selected(-1)),
            "move_down": self._action("moveDown", lambda: self.move_selected(1)),
            "approve": self._action("approveAction", self.item_editor.approve, "Ctrl+Return"),
            "translate_item": self._action("translateItem", self.translate_current, "Ctrl+T"),
            "translate_missing": self._action("translateMissing", self.translate_missing, "Ctrl+Shift+T"),
            "retranslate": self._action("retranslateSelection", self.retranslate_selection),
            "ui_korean": self._action("uiKorean", lambda: self.switch_language("ko")),
            "ui_english": self._action("uiEnglish", lambda: self.switch_language("en")),
            "about": self._action("about", self.about),
        }
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.document.undo_stack)
        self.undo_group.setActiveStack(self.document.undo_stack)
        undo = self.undo_group.createUndoAction(self)
        redo = self.undo_group.createRedoAction(self)
        undo.setShortcut(keys.Undo)
        redo.setShortcut(keys.Redo)
        self.undo_action, self.redo_action = undo, redo
        self.recent_menu = QMenu(self)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.translate_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        a = self.actions_
        for action in (a["new"], a["open"]):
            self.file_menu.addAction(action)
        self.file_menu.addMenu(self.recent_menu)
        file_actions = (
            a["save"],
            a["save_as"],
            a["recover"],
            None,
            a["export"],
            a["packages"],
            a["settings"],
            None,
            a["quit"],
        )
        for action in file_actions:
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        for action in (
            undo,
            redo,
            None,
            a["find"],
            a["find_next"],
            None,
            a["add_section"],
            a["add_item"],
            a["delete"],
            a["move_up"],
            a["move_down"],
            None,
            a["approve"],
        ):
            self.edit_menu.addSeparator() if action is None else self.edit_menu.addAction(action)
        for action in (a["translate_item"], a["translate_missing"], a["retranslate"]):
            self.translate_menu.addAction(action)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addAction(a["ui_korean"])
        self.language_menu.addAction(a["ui_english"])
        self.help_menu.addAction(a["about"])
        self.toolbar = QToolBar(objectName="mainToolbar")
        self.addToolBar(self.toolbar)
        for action in (a["new"], a["open"], a["save"], None, undo, redo, None, a["translate_missing"], a["export"]):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.find_field)

    def retranslate(self) -> None:
        """Every visible string again, after the interface language changed."""
        texts = {
            "new": self.tr("&New"),
            "open": self.tr("&Open…"),
            "save": self.tr("&Save"),
            "save_as": self.tr("Save &As…"),
            "recover": self.tr("Recover &unsaved work…"),
            "export": self.tr("&Export…"),
            "packages": self.tr("Language &packages…"),
            "settings": self.tr("Se&ttings…"),
            "quit": self.tr("&Quit"),
            "find": self.tr("&Find…"),
            "find_next": self.tr("Find &next"),
            "add_section": self.tr("Add &section"),
            "add_item": self.tr("Add &item"),
            "delete": self.tr("&Delete"),
            "move_up": self.tr("Move &up"),
            "move_down": self.tr("Move do&wn"),
            "approve": self.tr("&Approve translation"),
            "translate_item": self.tr("Translate this &item"),
            "translate_missing": self.tr("Translate all &missing"),
            "retranslate": self.tr("&Retranslate selection"),
            "ui_korean": "한국어",
            "ui_english": "English",
            "about": self.tr("&About Briefing Studio"),
        }
        for key, text in texts.items():
            self.actions_[key].setText(text)
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.translate_menu.setTitle(self.tr("&Translate"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Interface &language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.centre.setTabText(0, self.tr("Item"))
        self.centre.setTabText(1, self.tr("Section"))
        self.centre.setTabText(2, self.tr("Meeting card"))
        self.section_editor.label.setText(self.tr("Section title in Korean and English"))
        self.find_field.setPlaceholderText(self.tr("Find in both languages…"))
        current = self.preview_language.currentIndex()
        self.preview_language.blockSignals(True)
        self.preview_language.clear()
        self.preview_language.addItem(self.tr("Preview: both languages"), "both")
        self.preview_language.addItem(self.tr("Preview: Korean"), "ko")
        self.preview_language.addItem(self.tr("Preview: English"), "en")
        self.preview_language.setCurrentIndex(max(current, 0))
        self.preview_language.blockSignals(False)
        self.item_editor.retranslate()
        self.card_editor.retranslate()
        self._update_recent_menu()
        self._update_title()
        self._update_status()
        self.outline_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._size_outline_columns()
        self.outline_model.titles_updated()

    def _size_outline_columns(self) -> None:
        """Type and status columns wide enough for their longest label in the interface language, whatever
        the items (measuring the items themselves would miss the ones added later, and is slow at 2,000)."""
        metrics = self.outline.fontMetrics()
        types = [*type_names().values(), *kind_names().values(), f"{type_names()[ItemType.SCHEDULE]} 2025-H1"]
        widest_type = max(metrics.horizontalAdvance(name) for name in types)
        widest_status = max(metrics.horizontalAdvance(status_text(status)) for status in TargetStatus)
        self.outline.setColumnWidth(OutlineModel.COLUMN_TYPE, widest_type + 12)
        self.outline.setColumnWidth(OutlineModel.COLUMN_STATUS, widest_status + 28)  # and the status dot

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the document ----------------------------------------------------------------------------
    def _attach(self, document: DocumentController) -> None:
        self.document = document
        for editor in (self.item_editor, self.card_editor):
            editor.document = document
        document.item_changed.connect(self._item_changed)
        document.structure_changed.connect(self._structure_changed)
        document.card_changed.connect(self._card_changed)
        document.modified_changed.connect(lambda _: self._update_title())
        document.path_changed.connect(lambda _: self._update_title())
        self.outline_model.set_briefing(document.briefing)
        self.outline.expandAll()
        self._size_outline_columns()
        self.card_editor.load()
        first = self._first_item_index()
        if first.isValid():
            self.outline.setCurrentIndex(first)
        else:
            self.item_editor.show_item(None)
        self._update_title()
        self._update_status()
        self.schedule_preview()

    def _replace_document(self, document: DocumentController) -> None:
        old = self.document
        old.close()
        self.undo_group.removeStack(old.undo_stack)
        old.deleteLater()
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)  # the undo/redo actions follow it
        self._attach(document)

    def _first_item_index(self) -> QModelIndex:
        for s in range(self.outline_model.rowCount()):
            section = self.outline_model.index(s, 0)
            if self.outline_model.rowCount(section):
                return self.outline_model.index(0, 0, section)
        return self.outline_model.index(0, 0) if self.outline_model.rowCount() else QModelIndex()

    def _item_changed(self, item_id: str) -> None:
        self.outline_model.item_updated(item_id)
        self.item_editor.refresh(item_id)
        self._update_status()
        self.schedule_preview()

    def _structure_changed(self) -> None:
        current = self.selected_item_id() or self.selected_section_id()
        self.outline_model.refresh()
        self.outline.expandAll()
        self._select(current)
        self.item_editor.show_item(self.item_editor.item)
        self._update_status()
        self.schedule_preview()

    def _card_changed(self) -> None:
        self.card_editor.load()
        self.outline_model.titles_updated()
        section_id = self.section_editor.section_id
        self.section_editor.show_section(next((s for s in self.document.briefing.sections if s.id == section_id), None))
        self._update_title()
        self.schedule_preview()

    def _select(self, ident: str | None) -> None:
        if not ident:
            return
        index = self.outline_model.index_of_item(ident)
        if not index.isValid():
            index = self.outline_model.index_of_section(ident)
        if index.isValid():
            self.outline.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    # The current row is remembered by id: after an edit the model's indexes may be stale until it resets.
    _current: str | None = None

    def selected_item_id(self) -> str | None:
        try:
            return self.document.briefing.item(self._current).id if self._current else None
        except KeyError:
            return None

    def selected_section_id(self) -> str | None:
        if not self._current:
            return None
        briefing = self.document.briefing
        try:
            return briefing.section(self._current).id
        except KeyError:
            pass
        try:
            return briefing.locate(self._current)[0].id
        except KeyError:
            return None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.outline_model.item_at(current)
        section = self.outline_model.section_at(current)
        self._current = item.id if item else section.id if section else None
        self.item_editor.show_item(item)
        self.section_editor.show_section(section)
        if section is not None and self.centre.currentIndex() == 0:
            self.centre.setCurrentIndex(1)
        elif item is not None and self.centre.currentIndex() == 1:
            self.centre.setCurrentIndex(0)

    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Briefing Studio")
        self.setWindowModified(self.document.modified)

    def _update_status(self) -> None:
        stats = self.document.briefing.statistics()
        self.statusBar().showMessage(
            fill(
                self.tr("Items %1 · approved %2 · needs review %3 · open comments %4"),
                stats.items,
                stats.approved,
                stats.per_status[TargetStatus.NEEDS_REVIEW],
                stats.open_comments,
            )
        )

    # -- files -----------------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Ask before unsaved changes are lost; True when it is fine to go on."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The briefing has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        if not self.confirm_discard():
            return
        self._replace_document(DocumentController(_fresh_briefing(), None, config.current().autosave_seconds, self))

    def _choose_file(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self.document.path.parent) if self.document.path else str(Path.cwd())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open briefing"), start, self.tr("Briefings (*.briefing);;All files (*)")
        )
        if name:
            self.open_file(Path(name), ask=False)

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a briefing; on failure show every problem and keep the current document."""
        if ask and not self.confirm_discard():
            return False
        try:
            briefing, digest = read(path)
        except (BriefingFormatError, BriefingFileError) as error:
            message = str(error)
            self.open_failed.emit(message)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Cannot open briefing"),
                self.tr("The file could not be opened. Nothing was changed."),
                parent=self,
            )
            box.setInformativeText(message.splitlines()[0])
            box.setDetailedText(message)
            box.open()
            return False
        seconds = config.current().autosave_seconds
        self._replace_document(DocumentController(briefing, path, seconds, self, disk_digest=digest))
        self._remember(path)
        self.briefing_opened.emit(str(path))
        return True

    def open_recovered(self, briefing: Briefing, path: Path | None, disk_digest: str | None = None) -> None:
        """Show a recovered copy as unsaved work on its original file (whose digest, as the crashed session
        knew it, still guards against saving over someone else's changes)."""
        seconds = config.current().autosave_seconds
        document = DocumentController(briefing, path, seconds, self, disk_digest=disk_digest)
        self._replace_document(document)
        document.undo_stack.resetClean()  # unsaved until the user saves it
        self._update_title()

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.cwd() / "briefing.briefing")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save briefing"), start, self.tr("Briefings (*.briefing)"))
        if not name:
            return False
        path = Path(name) if name.endswith(".briefing") else Path(name + ".briefing")
        return self._save_to(path)

    def _replace_changed_file(self, path: Path) -> bool:
        """Someone saved over the file since it was opened here: ask before replacing their version."""
        answer = QMessageBox.question(
            self,
            self.tr("File changed on disk"),
            fill(
                self.tr(
                    "%1 was changed on disk after you opened it, perhaps by someone else. Replace it with "
                    "your version? The version on disk is kept as %2."
                ),
                path.name,
                backup_path(path).name,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _save_to(self, path: Path) -> bool:
        try:
            try:
                self.document.save(path)
            except ChangedOnDisk:
                if not self._replace_changed_file(path):
                    self.statusBar().showMessage(self.tr("Not saved: use Save As to keep both versions"), 8000)
                    return False
                self.document.save(path, overwrite_changes=True)
        except BriefingFileError as error:
            QMessageBox.critical(self, self.tr("Cannot save briefing"), str(error))
            return False
        self._remember(path)
        self.statusBar().showMessage(fill(self.tr("Saved %1"), path), 4000)
        return True

    def _remember(self, path: Path) -> None:
        window_state.remember_file(path)
        self._update_recent_menu()

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
        if self.task is not None:
            self.task.cancel()
        self.document.close()
        self.worker.shutdown()
        window_state.save_window(self)
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

    # -- structure edits -------------------------------------------------------------------------
    def add_section(self) -> None:
        briefing = self.document.briefing
        current = self.selected_section_id()
        index = briefing.sections.index(briefing.section(current)) + 1 if current else len(briefing.sections)
        section = Section(title=Bilingual(ko=self.tr("New section"), en="New section"))
        self.document.push(commands.add_section(self.document, index, section))
        self._select(section.id)
        self.centre.setCurrentIndex(1)
        self.section_editor.ko.setFocus()

    def add_item(self) -> None:
        briefing = self.document.briefing
        if not briefing.sections:
            self.add_section()
        item_id = self.selected_item_id()
        if item_id:
            section, index = briefing.locate(item_id)
            index += 1
        else:
            section = briefing.section(self.selected_section_id() or briefing.sections[-1].id)
            index = len(section.items)
        item = Item(source=briefing.origin_language)
        self.document.push(commands.add_item(self.document, section.id, index, item))
        self._select(item.id)
        self.centre.setCurrentIndex(0)
        editor = self.item_editor.korean if item.source is Language.KO else self.item_editor.english
        editor.setFocus()

    def delete_selected(self) -> None:
        item_id = self.selected_item_id()
        if item_id:
            section, index = self.document.briefing.locate(item_id)
            neighbour = (
                section.items[index + 1]
                if index + 1 < len(section.items)
                else (section.items[index - 1] if index > 0 else None)
            )
            self.document.push(commands.remove_item(self.document, item_id))
            self._select(neighbour.id if neighbour else section.id)
            return
        section_id = self.selected_section_id()
        if section_id:
            self.document.push(commands.remove_section(self.document, section_id))

    def move_selected(self, step: int) -> None:
        briefing = self.document.briefing
        item_id = self.selected_item_id()
        if item_id:
            section, index = briefing.locate(item_id)
            target = index + step
            if 0 <= target < len(section.items):
                self._move_item(item_id, section.id, target)
            else:  # past the edge: into the neighbouring section
                s = briefing.sections.index(section) + step
                if 0 <= s < len(briefing.sections):
                    neighbour = briefing.sections[s]
                    self._move_item(item_id, neighbour.id, len(neighbour.items) if step < 0 else 0)
            return
        section_id = self.selected_section_id()
        if section_id:
            index = briefing.sections.index(briefing.section(section_id)) + step
            if 0 <= index < len(briefing.sections):
                self._move_section(section_id, index)

    def _move_item(self, item_id: str, section_id: str, index: int) -> None:
        self.document.push(commands.move_item(self.document, item_id, section_id, index))
        self._select(item_id)

    def _move_section(self, section_id: str, index: int) -> None:
        self.document.push(commands.move_section(self.document, section_id, index))
        self._select(section_id)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.outline and event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Insert:
                self.add_item()
                return True
            if key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
            if modifiers & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_item_id():
                item = self.item_editor.item
                editor = self.item_editor.korean if item and item.source is Language.KO else self.item_editor.english
                self.centre.setCurrentIndex(0)
                editor.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, position: Any) -> None:
        menu = QMenu(self)
        a = self.actions_
        for action in (
            a["add_item"],
            a["add_section"],
            a["delete"],
            None,
            a["move_up"],
            a["move_down"],
            None,
            a["translate_item"],
            a["approve"],
        ):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.outline.viewport().mapToGlobal(position))
        self._context = menu

    # -- find ------------------------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find_next(self) -> bool:
        needle = self.find_field.text().strip().casefold()
        if not needle:
            return False
        items = self.document.briefing.items()
        current = self.selected_item_id()
        start = next((n + 1 for n, item in enumerate(items) if item.id == current), 0)
        for item in items[start:] + items[:start]:
            if needle in item.text.ko.casefold() or needle in item.text.en.casefold():
                self._select(item.id)
                return True
        self.statusBar().showMessage(fill(self.tr("“%1” was not found"), self.find_field.text()), 4000)
        return False

    # -- preview ---------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        self._preview_timer.start(PREVIEW_DELAY_MS)

    def _render_preview(self) -> None:
        choice = self.preview_language.currentData() or "both"
        languages = LANGUAGES if choice == "both" else (Language(choice),)
        from briefing.fileformat import dumps, loads

        snapshot = loads(dumps(self.document.briefing))  # the worker gets its own copy, never the live one
        self._preview_generation += 1
        generation = self._preview_generation

        def done(page: str) -> None:
            if generation == self._preview_generation:
                position = self.preview.verticalScrollBar().value()
                self.preview.setHtml(page)
                self.preview.verticalScrollBar().setValue(position)
                self.preview_updated.emit()

        focus = self.selected_section_id()
        self.runner(
            self, "", lambda progress, cancel: preview_html(snapshot, languages, focus), done, lambda e: None, False
        )

    # -- translation -----------------------------------------------------------------------------
    def _make_engine(self) -> Engine:
        chosen = config.current()
        return Engine(
            PackageStore(),
            EngineSettings(beam_size=chosen.beam_size, threads=chosen.threads),
        )

    def translate_current(self) -> None:
        item_id = self.selected_item_id()
        if item_id:
            self._translate(jobs.Scope.ALL, [item_id])

    def translate_missing(self) -> None:
        self._translate(jobs.Scope.MISSING, None)

    def retranslate_selection(self) -> None:
        item_id = self.selected_item_id()
        section_id = self.selected_section_id()
        if item_id:
            ids = [item_id]
        elif section_id:
            ids = [i.id for i in self.document.briefing.section(section_id).items]
        else:
            return
        self._translate(jobs.Scope.ALL, ids, retranslate=True)

    def _translate(self, scope: jobs.Scope, ids: list[str] | None, retranslate: bool = False) -> None:
        if self.task is not None and not self.task.done:
            return
        briefing = self.document.briefing
        requests = [jobs.plan(briefing, target, scope, item_ids=ids, retranslate=retranslate) for target in LANGUAGES]
        requests = [r for r in requests if r.tasks]
        if not requests:
            self.statusBar().showMessage(self.tr("Nothing to translate"), 4000)
            return
        worker = self.worker

        def work(progress: Any, cancel: threading.Event) -> list[jobs.Result]:
            return [worker.submit(request, progress, cancel).result() for request in requests]

        self.task = self.runner(self, self.tr("Translating…"), work, self._translated, self._translation_failed)

    def _translated(self, results: list[jobs.Result]) -> None:
        changes: dict[str, tuple[commands.ItemState, commands.ItemState]] = {}
        briefing = self.document.briefing
        skipped = 0
        for result in results:
            before = {i: commands.ItemState.of(briefing.item(i)) for i in result.translations if self._exists(i)}
            skipped += len(jobs.apply(briefing, result))
            for item_id, state in before.items():
                after = commands.ItemState.of(briefing.item(item_id))
                if after != state:
                    changes[item_id] = (state, after)
                    state.apply(briefing.item(item_id))  # the command applies it, for undo
        if changes:
            self.document.push(commands.Translations(self.document, self.tr("Machine translation"), changes))
        cancelled = any(r.cancelled for r in results)
        message = fill(self.tr("Machine-translated items: %1"), len(changes))
        if cancelled:
            message += " · " + self.tr("cancelled; the rest were left untouched")
        if skipped:
            message += " · " + fill(self.tr("left alone because they changed meanwhile: %1"), skipped)
        self.statusBar().showMessage(message, 8000)
        self.translation_finished.emit(results)

    def _exists(self, item_id: str) -> bool:
        try:
            self.document.briefing.item(item_id)
        except KeyError:
            return False
        return True

    def _translation_failed(self, error: BaseException) -> None:
        if isinstance(error, PackageMissing):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Language package needed"), "", parent=self)
            box.setObjectName("packageMissing")
            names = {"ko": self.tr("Korean"), "en": self.tr("English")}
            box.setText(
                fill(
                    self.tr("Translating needs the %1→%2 language package, which is not installed."),
                    names.get(error.source, error.source),
                    names.get(error.target, error.target),
                )
            )
            box.setInformativeText(
                fill(
                    self.tr("Install translate-%1_%2 from a file (or download it) in the language packages dialog."),
                    error.source,
                    error.target,
                )
            )
            open_button = box.addButton(self.tr("Open language packages…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            open_button.clicked.connect(self.open_packages_dialog)
            box.open()
            self._package_box = box
            return
        QMessageBox.critical(self, self.tr("Translation failed"), str(error))

    # -- dialogs ---------------------------------------------------------------------------------
    def open_packages_dialog(self) -> None:
        from ui.packages_dialog import PackagesDialog

        dialog = PackagesDialog(self, self.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.packages_dialog = dialog

    def open_export_dialog(self) -> None:
        from ui.export_dialog import ExportDialog

        dialog = ExportDialog(self, self.document, self.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.export_dialog = dialog

    def open_recovery_dialog(self) -> None:
        from ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(lambda entry: self.restore_copy(entry) and dialog.accept())
        dialog.open()
        self.recovery_dialog = dialog

    def restore_copy(self, entry: RecoveryEntry) -> bool:
        """Open a recovery copy as unsaved work on its original file, then delete the copy."""
        if not self.confirm_discard():
            return False
        try:
            briefing = entry.load()
        except (BriefingFormatError, BriefingFileError) as error:
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Cannot recover"), str(error), parent=self)
            box.setObjectName("recoveryFailed")
            box.open()
            return False
        self.open_recovered(briefing, entry.document_path, entry.disk_digest)
        entry.discard()
        return True

    def open_settings_dialog(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()
        self.settings_dialog = dialog

    def apply_editor_font(self) -> None:
        font = self.item_editor.korean.font()
        chosen = config.current()
        if chosen.editor_font:
            font.setFamily(chosen.editor_font)
        font.setPointSize(chosen.editor_font_size)
        for editor in (self.item_editor.korean, self.item_editor.english):
            editor.setFont(font)

    def _settings_changed(self) -> None:
        self.apply_editor_font()
        self.document.set_autosave_interval(config.current().autosave_seconds)
        self.worker.call(lambda engine: setattr(engine, "settings", self._make_engine().settings))
        language = config.current().ui_language
        if language in ("ko", "en"):
            self.switch_language(language)

    def switch_language(self, language: str) -> None:
        from ui.app import set_ui_language

        with contextlib.suppress(BriefingError):  # an unwritable settings file must not stop the switch
            config.update(ui_language=language)
        set_ui_language(QApplication.instance(), language)  # type: ignore[arg-type]
        self.retranslate()  # now, not only when Qt delivers the LanguageChange event

    def about(self) -> None:
        from briefing import __version__

        QMessageBox.about(
            self,
            self.tr("About Briefing Studio"),
            fill(self.tr("Briefing Studio %1\nBilingual Korean/English briefings, translated offline."), __version__),
        )

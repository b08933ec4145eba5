"""The outline pane: the tree of sections and items, with what the keyboard and the mouse do to it.

It keeps the current row by id (the model's indexes go stale when the structure changes), makes structure
edits (add, delete, move, drag and drop) through the document, and refreshes only what an edit changed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing import edits
from briefing.edits import Changes
from briefing.language.phrases import catalog
from briefing.model import Bilingual, Item, ItemType, Language, Section, TargetStatus
from briefing.qa import Finding
from ui import asking
from ui.document import DocumentController
from ui.labels import kind_names, status_text, type_names
from ui.outline_model import OutlineModel
from ui.qt import named

BADGES_ONE_BY_ONE = 40  # up to this many changed badges are announced row by row
MIN_TITLE_WIDTH = 200  # pixels the titles keep before the type column is hidden
STATUS_DOT_WIDTH = 34  # the status column of a narrow outline: the coloured dot (the words are cut, not shown)


class StatusDelegate(QStyledItemDelegate):
    """The status column's painter: the dot and the words, or (`words` False, a narrow outline) the dot alone."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.words = True

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:
        return super().displayText(value, locale) if self.words else ""


class OutlinePane(QWidget):
    current_changed = Signal(object, object)  # the Item or None, the Section or None
    edit_requested = Signal()  # Enter on an item: go to its text
    context_menu_requested = Signal(QPoint)  # global position

    def __init__(self, document: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._current: str | None = None
        self._type_width = 0  # the type column's width while it is hidden
        self._status_width = 0  # the status column's width with its words
        self._status_heading = 0  # the status column's width for its heading
        self.ask_delete = asking.ask_delete_section  # the question before deleting a section with items (tests answer)
        self.model = OutlineModel(parent=self, on_move=self.move_item, on_move_section=self.move_section)
        self.view = named(QTreeView(), "outline")
        self.view.setModel(self.model)
        self._status_painter = StatusDelegate(self.view)
        self.view.setItemDelegateForColumn(OutlineModel.COLUMN_STATUS, self._status_painter)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.header()  # the text takes what the type and status columns leave
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OutlineModel.COLUMN_TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (OutlineModel.COLUMN_TYPE, OutlineModel.COLUMN_STATUS):  # sized here, to their headings
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda position: self.context_menu_requested.emit(self.view.viewport().mapToGlobal(position))
        )
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)  # its resizes: fit the columns
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    # -- the document ----------------------------------------------------------------------------
    def set_document(self, document: DocumentController) -> None:
        self.document = document
        self.model.set_briefing(document.briefing)
        self.view.expandAll()
        self.size_columns()
        first = self._first_item_index()
        if first.isValid():
            self.view.setCurrentIndex(first)
        else:
            self._current = None
            self.current_changed.emit(None, None)

    def document_changed(self, changes: Changes) -> None:
        """Refresh what changed: rows of changed items, section titles, or (structure) the whole tree."""
        if changes.structure:
            current = self._current
            self.model.refresh()
            self.view.expandAll()
            self.select(current)
            return
        if changes.items:
            self.model.items_updated(changes.items)
        if changes.titles:
            self.model.titles_updated()

    def show_findings(self, findings: Mapping[str, Sequence[Finding]], changed: Collection[str]) -> None:
        """The QA badges: a few changed rows are updated one by one, a whole run's by repainting the view
        (what it paints reads the badges afresh)."""
        few = len(changed) <= BADGES_ONE_BY_ONE
        self.model.set_findings(findings, changed, announce=few)
        if not few:
            self.view.viewport().update()

    def retranslate(self) -> None:
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self.size_columns()
        self.model.titles_updated()

    def size_columns(self) -> None:
        """Type and status columns wide enough for their longest label in the interface language, whatever
        the items (measuring the items themselves would miss the ones added later, and is slow at 2,000)."""
        metrics = self.view.fontMetrics()
        types = [*type_names().values(), *kind_names().values(), f"{type_names()[ItemType.SCHEDULE]} 2025-H1"]
        widest_type = max(metrics.horizontalAdvance(name) for name in types)
        widest_status = max(metrics.horizontalAdvance(status_text(status)) for status in TargetStatus)
        # Never narrower than the column's heading ("Status" read "Statu" at 1024×600): the header's own size
        # hint for its text in the interface language, margins and all.
        header = self.view.header()
        self._type_width = max(widest_type + 12, header.sectionSizeHint(OutlineModel.COLUMN_TYPE))
        self.view.setColumnWidth(OutlineModel.COLUMN_TYPE, self._type_width)
        self._status_heading = header.sectionSizeHint(OutlineModel.COLUMN_STATUS)
        self._status_width = max(widest_status + 28, self._status_heading)  # and the status dot
        self.fit_columns()

    def fit_columns(self) -> None:
        """A narrow outline (a laptop screen) gives up the type column — the item editor shows the type — so
        that the titles keep at least `MIN_TITLE_WIDTH` pixels."""
        room = self.view.viewport().width() - self._status_width
        self.view.setColumnHidden(OutlineModel.COLUMN_TYPE, room - self._type_width < MIN_TITLE_WIDTH)
        # Narrower still (1024×600 with the preview shown), the status keeps its coloured dot, not its words (the
        # item editor's badge says them), so that the titles never shrink to "2…".
        narrow = room < MIN_TITLE_WIDTH
        dot = max(STATUS_DOT_WIDTH, self._status_heading)  # the dot, under a heading that is read whole
        self.view.setColumnWidth(OutlineModel.COLUMN_STATUS, dot if narrow else self._status_width)
        if self._status_painter.words == narrow:  # the words go with the room (never cut to "a…"): repainted
            self._status_painter.words = not narrow
            self.view.viewport().update()

    # -- selection -------------------------------------------------------------------------------
    def _first_item_index(self) -> QModelIndex:
        for s in range(self.model.rowCount()):
            section = self.model.index(s, 0)
            if self.model.rowCount(section):
                return self.model.index(0, 0, section)
        return self.model.index(0, 0) if self.model.rowCount() else QModelIndex()

    def select(self, ident: str | None) -> None:
        """Make the item or section with this id the current row."""
        if not ident:
            return
        index = self.model.index_of_item(ident)
        if not index.isValid():
            index = self.model.index_of_section(ident)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    def selected_item_id(self) -> str | None:
        try:
            return self.document.briefing.item(self._current).id if self._current else None
        except KeyError:
            return None

    def selected_section_id(self) -> str | None:
        """The selected section, or the section of the selected item."""
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

    def selected_item_ids(self) -> list[str]:
        """The selected item, or every item of the selected section."""
        item_id = self.selected_item_id()
        if item_id:
            return [item_id]
        section_id = self.selected_section_id()
        return [item.id for item in self.document.briefing.section(section_id).items] if section_id else []

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current)
        section = self.model.section_at(current)
        self._current = item.id if item else section.id if section else None
        self.current_changed.emit(item, section)

    # -- structure edits -------------------------------------------------------------------------
    def _apply(self, edit: edits.Edit) -> bool:
        return self.document.try_apply(edit, initiator=self) is None

    def add_section(self) -> Section | None:
        briefing = self.document.briefing
        current = self.selected_section_id()
        index = briefing.sections.index(briefing.section(current)) + 1 if current else len(briefing.sections)
        # The placeholder in the drafting language only: the other side is a translation still to be made
        # (Translate all missing fills it), not "New section" left standing under a Korean title.
        origin = briefing.origin_language
        title = Bilingual()
        title.set(origin, catalog(origin).new_section)
        section = Section(title=title)
        if not self._apply(edits.AddSection(index, section)):
            return None
        self.select(section.id)
        return section

    def add_item(self, source: Language | None = None) -> Item | None:
        """A new item after the current one (or at the end of the current section)."""
        briefing = self.document.briefing
        if not briefing.sections and self.add_section() is None:
            return None
        item_id = self.selected_item_id()
        if item_id:
            section, index = briefing.locate(item_id)
            index += 1
        else:
            section = briefing.section(self.selected_section_id() or briefing.sections[-1].id)
            index = len(section.items)
        item = Item(source=source or briefing.origin_language)
        if not self._apply(edits.AddItem(section.id, index, item)):
            return None
        self.select(item.id)
        return item

    def delete_selected(self) -> None:
        item_id = self.selected_item_id()
        if item_id:
            section, index = self.document.briefing.locate(item_id)
            neighbour = (
                section.items[index + 1]
                if index + 1 < len(section.items)
                else (section.items[index - 1] if index > 0 else None)
            )
            if self._apply(edits.RemoveItem(item_id)):
                self.select(neighbour.id if neighbour else section.id)
            return
        section_id = self.selected_section_id()
        if not section_id:
            return
        briefing = self.document.briefing
        section = briefing.section(section_id)
        if section.items:
            approved = sum(item.status is TargetStatus.APPROVED for item in section.items)
            title = section.title.get(briefing.origin_language) or section.title.ko or section.title.en
            if not self.ask_delete(self, title, len(section.items), approved):
                return
        index = briefing.sections.index(section)
        if self._apply(edits.RemoveSection(section_id)):
            # the next section (or the one before) is current: the Section tab never shows a deleted one
            remaining = briefing.sections
            self.select(remaining[min(index, len(remaining) - 1)].id if remaining else None)

    def move_selected(self, step: int) -> None:
        briefing = self.document.briefing
        item_id = self.selected_item_id()
        if item_id:
            section, index = briefing.locate(item_id)
            target = index + step
            if 0 <= target < len(section.items):
                self.move_item(item_id, section.id, target)
            else:  # past the edge: into the neighbouring section
                s = briefing.sections.index(section) + step
                if 0 <= s < len(briefing.sections):
                    neighbour = briefing.sections[s]
                    self.move_item(item_id, neighbour.id, len(neighbour.items) if step < 0 else 0)
            return
        section_id = self.selected_section_id()
        if section_id:
            index = briefing.sections.index(briefing.section(section_id)) + step
            if 0 <= index < len(briefing.sections):
                self.move_section(section_id, index)

    def move_item(self, item_id: str, section_id: str, index: int) -> None:
        if self._apply(edits.MoveItem(item_id, section_id, index)):
            self.select(item_id)

    def move_section(self, section_id: str, index: int) -> None:
        if self._apply(edits.MoveSection(section_id, index)):
            self.select(section_id)

    # -- keyboard --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()
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
                self.edit_requested.emit()
                return True
        return super().eventFilter(watched, event)

"""The Terms panel: the current item's terms (source term → target term, note, termbase; forbidden ones in red)
and, on a click or Enter, the target term inserted at the cursor of the item's other-language editor."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from briefing.model import Item, Language
from briefing.terms.assist import Suggestion, suggestions
from ui.labels import fill
from ui.qt import named
from ui.terminology import TerminologyController
from ui.terms_highlighter import entry_note, hit_tooltip, term_colour, termbase_name

Index = QModelIndex | QPersistentModelIndex
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's briefing.terms.assist.Suggestion
TERM, TARGET, NOTE, TERMBASE = range(4)


class HitsModel(QAbstractTableModel):
    """The suggestions for one item, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Suggestion] = []

    def set_suggestions(self, rows: list[Suggestion]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Term"), self.tr("Use"), self.tr("Note"), self.tr("Termbase"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == TERM:
                return fill(self.tr("%1 (forbidden)"), row.found) if row.forbidden else row.found
            if column == TARGET:
                return row.insert
            if column == NOTE:
                note = entry_note(row.entry)
                return note if row.entry.verified else " · ".join(filter(None, [self.tr("unverified"), note]))
            if column == TERMBASE:
                return termbase_name(row.entry.termbase)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit_tooltip(row.hit)
        if role == Qt.ItemDataRole.ForegroundRole:
            return term_colour(row.forbidden, row.entry.verified)
        if role == SUGGESTION_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class HitsView(QTableView):
    """The table; Enter inserts the current row's term (a click does too)."""

    insert_requested = Signal(object)  # the Suggestion

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.insert_requested.emit(self.currentIndex().data(SUGGESTION_ROLE))
            return
        super().keyPressEvent(event)


class TermsPanel(QWidget):
    insert_requested = Signal(object)  # a Suggestion: its `insert` goes into its `target_language` editor

    def __init__(self, terminology: TerminologyController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminology = terminology
        self.item: Item | None = None
        self.model = HitsModel(self)
        self.view = named(HitsView(), "termHits")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        # A narrow side panel: the columns share its width and long names wrap, rather than scroll sideways.
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(lambda index: self.insert_requested.emit(index.data(SUGGESTION_ROLE)))
        self.view.insert_requested.connect(self.insert_requested)
        self.hint = named(QLabel(), "termHint")
        self.hint.setWordWrap(True)
        self.problems = named(QLabel(), "termProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #d9383a")
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)
        terminology.changed.connect(lambda: self.refresh(force=True))
        terminology.problems_found.connect(lambda _new: self._show_problems())
        self.retranslate()

    def retranslate(self) -> None:
        self._show_hint()
        self._show_problems()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def show_item(self, item: Item | None) -> None:
        self.item = item
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        """List the item's terms again (`force`: even if the same hits, their entries may have changed)."""
        item = self.item
        rows = suggestions(self.terminology.hits, item) if item is not None else []
        if force or rows != self.model.rows:
            self.model.set_suggestions(rows)
            self.view.resizeRowsToContents()
        self._show_hint()

    def _show_hint(self) -> None:
        item = self.item
        if item is None:
            self.hint.setText(self.tr("Choose an item to see its terms."))
        elif not self.model.rows:
            self.hint.setText(self.tr("No known terms in this item."))
        elif item.source is Language.KO:
            self.hint.setText(self.tr("Click a term (or press Enter) to insert it into the English text."))
        else:
            self.hint.setText(self.tr("Click a term (or press Enter) to insert it into the Korean text."))

    def _show_problems(self) -> None:
        problems = self.terminology.problems()
        self.problems.setText("\n".join(fill(self.tr("Left out: %1"), problem) for problem in problems))
        self.problems.setVisible(bool(problems))

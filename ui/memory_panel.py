"""The Memory side panel: the current item's matches from the translation memories, best first, and a
concordance search.

Each match shows its percentage, its translation, the memory it came from and who approved it when; below
the list, the current match's source is compared with the item's source (briefing/compare/diff.py: Korean by
eojeol, then by character inside a changed one; English by word), deletions and insertions coloured. A click,
Enter, or Ctrl+1…Ctrl+9 (declared in
ui/actions.py) asks for match N's translation to be put in (`match_chosen`); the window makes the edit.
Lookups wait until the item or its source has stood still for `LOOKUP_DELAY_MS`, so typing is never held up.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTextBrowser, QTreeView, QVBoxLayout, QWidget

from briefing.edits import Changes
from briefing.language.times import local_time
from briefing.memory.diff import Change, diff
from briefing.memory.model import Match, Unit
from briefing.memory.stack import PERSONAL_NAME
from briefing.model import Item, Language
from ui.labels import fill
from ui.qt import named

LOOKUP_DELAY_MS = 150
SEARCH_DELAY_MS = 300
MAX_MATCHES = 9  # one for each of Ctrl+1 … Ctrl+9
MatchRole = Qt.ItemDataRole.UserRole + 1  # the Match (or Unit) of a row

Lookup = Callable[[str, Language], list[Match]]
Search = Callable[[str], list[Unit]]
Index = QModelIndex | QPersistentModelIndex
COLOURS = {Change.DELETED: "background:#f8d0d0;text-decoration:line-through", Change.INSERTED: "background:#c8ecc8"}


def memory_name(name: str) -> str:
    """A memory's name in the interface language (office memories keep their own names)."""
    if name == PERSONAL_NAME:
        return QCoreApplication.translate("Memory", "personal")
    return name


def approval_text(unit: Unit) -> str:
    """Who approved a unit and when, as the panel words it ("" when the memory does not say)."""
    when = local_time(unit.approved_at) if unit.approved_at is not None else ""
    return " · ".join(part for part in (unit.approved_by, when) if part)


class _Rows(QAbstractTableModel):
    """A read-only table of memory rows; subclasses say what the columns show."""

    def __init__(self, headers: Callable[[], list[str]]) -> None:
        super().__init__()
        self._headers = headers
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self._headers()
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(headers):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or index.column() >= self.columnCount():
            return None
        row = self.rows[index.row()]
        if role == MatchRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(index.row(), index.column(), row)
        return None

    def cell(self, number: int, column: int, row: Any) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))


class MatchModel(_Rows):
    """The matches for the current item: N, percentage, translation, memory, approval."""

    def cell(self, number: int, column: int, row: Any) -> str:
        match: Match = row
        values = (
            str(number + 1),
            f"{match.score}%",
            match.target,
            memory_name(match.unit.memory),
            approval_text(match.unit),
        )
        return values[column]


class UnitModel(_Rows):
    """Concordance results: source, translation, memory."""

    def cell(self, number: int, column: int, row: Any) -> str:
        unit: Unit = row
        return (unit.source, unit.target, memory_name(unit.memory))[column]


def diff_html(old: str, new: str, language: Language) -> str:
    """The difference as HTML: what the memory's source had struck through in red, what is new in green."""
    out = []
    for piece in diff(old, new, language):
        text = html.escape(piece.text).replace("\n", "<br>")
        style = COLOURS.get(piece.change)
        out.append(f"<span style='{style}'>{text}</span>" if style else text)
    return "".join(out)


class MemoryPanel(QWidget):
    match_chosen = Signal(object)  # the Match whose translation should become the item's
    looked_up = Signal(int)  # how many matches the last lookup found

    def __init__(self, lookup: Lookup, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup, self.search = lookup, search
        self.item: Item | None = None
        self.shown_source: tuple[str, Language] | None = None  # what the matches are for
        self.matches_model = MatchModel(self._match_headers)
        self.units_model = UnitModel(self._unit_headers)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.run_search)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.heading = named(QLabel(), "memoryHeading")
        self.matches = named(QTreeView(), "memoryMatches")
        self.matches.setModel(self.matches_model)
        self.matches.setRootIsDecorated(False)
        self.matches.setUniformRowHeights(True)
        self.matches.setAllColumnsShowFocus(True)
        self.matches.header().setStretchLastSection(False)
        self.matches.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the translation
        self.matches.clicked.connect(self._chosen)
        self.matches.activated.connect(self._chosen)  # Enter (and a double click)
        self.matches.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_diff(current.row()))
        self.difference = named(QTextBrowser(), "memoryDiff")
        self.difference.setMaximumHeight(190)
        self.search_field = named(QLineEdit(), "memorySearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start(SEARCH_DELAY_MS))
        self.search_field.returnPressed.connect(self.run_search)
        self.units = named(QTreeView(), "memoryConcordance")
        self.units.setModel(self.units_model)
        self.units.setRootIsDecorated(False)
        self.units.setWordWrap(True)
        self.search_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.matches, 2)
        layout.addWidget(self.difference, 1)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search_field)
        layout.addWidget(self.units, 2)

    def _match_headers(self) -> list[str]:
        return ["#", "%", self.tr("Translation"), self.tr("Memory"), self.tr("Approved")]

    def _unit_headers(self) -> list[str]:
        return [self.tr("Source"), self.tr("Translation"), self.tr("Memory")]

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("Concordance"))
        self.search_field.setPlaceholderText(self.tr("Search the memory for a word or phrase, in either language…"))
        self.matches_model.retranslate()
        self.units_model.retranslate()
        self._show_heading()
        self._show_diff(self.matches.currentIndex().row())

    # -- the current item ------------------------------------------------------------------------
    def show_item(self, item: Item | None) -> None:
        """Another item is current: look up its matches once the selection has settled."""
        self.item = item
        self._timer.start(LOOKUP_DELAY_MS)

    def document_changed(self, changes: Changes) -> None:
        """Typing in the source (or an undo) changes what to look up; anything else does not."""
        item = self.item
        if item is not None and item.id in changes.items and self.shown_source != (item.source_text, item.source):
            self._timer.start(LOOKUP_DELAY_MS)

    def refresh(self) -> None:
        """Look up the current item's source now."""
        self._timer.stop()
        item = self.item
        wanted = (item.source_text, item.source) if item is not None else None
        found = self.lookup(*wanted) if wanted is not None and wanted[0].strip() else []
        self.shown_source = wanted
        self.matches_model.set_rows(found[:MAX_MATCHES])
        if found:
            self.matches.setCurrentIndex(self.matches_model.index(0, 0))
        for column in (0, 1):
            self.matches.resizeColumnToContents(column)
        self._show_heading()
        self._show_diff(0 if found else -1)
        self.looked_up.emit(len(found))

    def current_matches(self) -> list[Match]:
        """The matches for the item as it is now (looked up at once if a lookup is pending)."""
        if self._timer.isActive():
            self.refresh()
        return list(self.matches_model.rows)

    def choose(self, number: int) -> bool:
        """Put match `number` (from 1, as Ctrl+1 … Ctrl+9) in; False when there is no such match."""
        matches = self.current_matches()
        if not 1 <= number <= len(matches):
            return False
        self.match_chosen.emit(matches[number - 1])
        return True

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose(index.row() + 1)

    def _show_heading(self) -> None:
        if self.item is None:
            self.heading.setText(self.tr("Select an item to see its matches in the translation memory."))
        elif not self.matches_model.rows:
            self.heading.setText(self.tr("No match in the translation memory."))
        else:
            self.heading.setText(
                fill(
                    self.tr("Matches: %1 — click one, or press Ctrl+1…Ctrl+9, to use it"), len(self.matches_model.rows)
                )
            )

    def _show_diff(self, row: int) -> None:
        rows = self.matches_model.rows
        if not 0 <= row < len(rows) or self.shown_source is None:
            self.difference.clear()
            return
        match: Match = rows[row]
        source, language = self.shown_source
        legend = html.escape(
            fill(self.tr("Match %1 (%2%) against this item's source:"), row + 1, match.score)
            if match.score < 100
            else fill(self.tr("Match %1 is exact."), row + 1)
        )
        body = diff_html(match.unit.source, source, language)
        note = ""
        if match.placeables_replaced:
            note = "<br><i>" + html.escape(self.tr("The numbers and dates of this item were put in.")) + "</i>"
        translation = html.escape(match.target).replace("\n", "<br>")
        self.difference.setHtml(f"<p><b>{legend}</b><br>{body}{note}</p><p>⇒ {translation}</p>")

    # -- concordance -----------------------------------------------------------------------------
    def run_search(self) -> None:
        self._search_timer.stop()
        phrase = self.search_field.text().strip()
        self.units_model.set_rows(self.search(phrase) if phrase else [])

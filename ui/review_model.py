"""The review grid's table: one row per shown item, filtered and sorted by the core (briefing/review.py).

Its own model rather than a QSortFilterProxyModel: the core decides which ids are shown in which order in one
Python pass (a few milliseconds for 2,000 items), where a proxy would call back into Python for every row.
The model keeps only the shown ids and a row cache; an edit recomputes the order and, when it is the same,
announces just the changed rows; when an edited row now leaves or moves, the model resets and the view puts the
current row back by id.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from briefing.compare.diff import Change, diff
from briefing.model import Briefing, Item, Language
from briefing.qa import Finding
from briefing.review import (
    COLUMNS,
    Column,
    Findings,
    Matcher,
    ReviewFilter,
    Row,
    attention,
    open_comments,
    rows,
    sort_rows,
    worst_severity,
)
from ui.diff_marks import DELETED_BACKGROUND, DELETED_FOREGROUND, INSERTED_BACKGROUND, INSERTED_FOREGROUND, shown
from ui.labels import STATUS_COLOURS, status_text, type_text
from ui.qa_labels import SEVERITY_COLOURS, finding_text, severity_icon, severity_name
from ui.qt import QT_TRANSLATE_NOOP

ModelIndex = QModelIndex | QPersistentModelIndex
TextEdit = Callable[[str, Language, str], bool]  # (item id, language, text) → made

CONTEXT = "ReviewModel"
HEADERS = {
    Column.NUMBER: QT_TRANSLATE_NOOP("ReviewModel", "No."),
    Column.SECTION: QT_TRANSLATE_NOOP("ReviewModel", "Section"),
    Column.TYPE: QT_TRANSLATE_NOOP("ReviewModel", "Type"),
    Column.KOREAN: QT_TRANSLATE_NOOP("ReviewModel", "Korean"),
    Column.ENGLISH: QT_TRANSLATE_NOOP("ReviewModel", "English"),
    Column.STATUS: QT_TRANSLATE_NOOP("ReviewModel", "Status"),
    Column.QA: QT_TRANSLATE_NOOP("ReviewModel", "QA"),
    Column.COMMENTS: QT_TRANSLATE_NOOP("ReviewModel", "Comments"),
}
FLAG_MARK = "⚑"
_LANGUAGE = {Column.KOREAN: Language.KO, Column.ENGLISH: Language.EN}
SOURCE_TINT = QColor("#f4f6fa")  # the source side of a row, so that the eye finds the translation
_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND, _BACKGROUND, _DECORATION, _ALIGNMENT = (
    int(role.value)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)
_ITEM_ID_ROLE, _ATTENTION_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1, int(Qt.ItemDataRole.UserRole.value) + 2
_SERVED = frozenset(
    {_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND, _BACKGROUND, _DECORATION, _ALIGNMENT, _ITEM_ID_ROLE, _ATTENTION_ROLE}
)
_KO, _EN, _STATUS, _QA = (COLUMNS.index(c) for c in (Column.KOREAN, Column.ENGLISH, Column.STATUS, Column.QA))
_TOP_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop).value)
_CENTRE_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_STATUS_BRUSHES = {status: QBrush(QColor(colour)) for status, colour in STATUS_COLOURS.items()}
_SEVERITY_BRUSHES = {severity: QBrush(QColor(colour)) for severity, colour in SEVERITY_COLOURS.items()}
_SOURCE_BRUSH = QBrush(SOURCE_TINT)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ReviewModel(QAbstractTableModel):
    """The shown items as rows, one column per `briefing.review.Column`; the two text columns are editable
    (through `on_edit`, i.e. the document's undo stack)."""

    ItemIdRole = _ITEM_ID_ROLE
    AttentionRole = _ATTENTION_ROLE  # True when the row's item needs attention

    def __init__(self, parent: Any = None, on_edit: TextEdit | None = None) -> None:
        super().__init__(parent)
        self.briefing = Briefing()
        self.findings: Callable[[], Findings] = dict
        self.on_edit = on_edit
        self.spec = ReviewFilter()
        self._matcher: Matcher = self.spec.compile()
        self.sort_column = Column.NUMBER
        self.descending = False
        self._all: list[Row] = []  # every item, document order
        self._shown: list[Row] = []
        self._position: dict[str, int] = {}  # id → shown row
        self._by_id: dict[str, Row] = {}  # every item's row, by id
        self._cache: dict[str, tuple[str, ...]] = {}  # item id → its cells' texts

    # -- what is shown ---------------------------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        """The shown items' ids, top to bottom."""
        return [row.id for row in self._shown]

    @property
    def all_ids(self) -> list[str]:
        return [row.id for row in self._all]

    def row_of(self, item_id: str | None) -> int:
        return self._position.get(item_id, -1) if item_id is not None else -1

    @property
    def shown_items(self) -> list[Item]:
        return [row.item for row in self._shown]

    def item(self, item_id: str) -> Item | None:
        """An item of the briefing by id (a dict, not a walk of the briefing)."""
        row = self._by_id.get(item_id)
        return row.item if row is not None else None

    def item_id(self, row: int) -> str | None:
        return self._shown[row].id if 0 <= row < len(self._shown) else None

    def set_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.rebuild()

    def rebuild(self) -> None:
        """The structure changed (or another briefing): every row again."""
        self._all = rows(self.briefing)
        self._by_id = {row.id: row for row in self._all}
        self._cache.clear()
        self._refilter(force=True)

    def set_filter(self, spec: ReviewFilter) -> None:
        """Show what `spec` lets through; ReviewError (nothing changed) for a search that cannot be used."""
        matcher = spec.compile()
        shown = self._select(matcher)  # may raise: too slow
        self.spec, self._matcher = spec, matcher
        self._show(shown, force=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._refilter(force=True)

    def _select(self, matcher: Matcher) -> list[Row]:
        findings = self.findings()
        chosen = matcher.select(self._all, findings)
        if self.sort_column is Column.NUMBER and not self.descending:
            return chosen
        return sort_rows(chosen, self.sort_column, self.descending, findings)

    def _refilter(self, force: bool = False) -> bool:
        """Filter and sort again; True when the shown rows changed (the model was reset)."""
        try:
            shown = self._select(self._matcher)
        except ValueError:  # a regular expression out of time on new text: keep what is shown
            return False
        return self._show(shown, force)

    def _show(self, shown: list[Row], force: bool) -> bool:
        if not force and [r.id for r in shown] == [r.id for r in self._shown]:
            self._shown = shown
            return False
        self.beginResetModel()
        self._shown = shown
        self._position = {row.id: n for n, row in enumerate(shown)}
        self.endResetModel()
        return True

    def items_changed(self, item_ids: Iterable[str]) -> bool:
        """Items were edited: the rows follow (leaving, entering or moving as the filter and the sort say);
        True when the shown rows changed."""
        item_ids = set(item_ids)
        self.clear_cache(item_ids)
        if self._refilter():
            return True
        self._announce(item_ids)
        return False

    def findings_changed(self, item_ids: Iterable[str] | None = None) -> bool:
        """The QA findings changed: the QA column (and what filters or sorts by it)."""
        self.clear_cache(item_ids)
        if item_ids is not None:
            item_ids = set(item_ids)
        if self._refilter():
            return True
        if item_ids is None:
            if self._shown:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._shown) - 1, len(COLUMNS) - 1))
        else:
            self._announce(item_ids)
        return False

    def _announce(self, item_ids: Iterable[str]) -> None:
        changed = sorted(self._position[i] for i in item_ids if i in self._position)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(COLUMNS) - 1))

    # -- the Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return tr(HEADERS[COLUMNS[section]])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if COLUMNS[index.column()] in _LANGUAGE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _findings_of(self, item_id: str) -> Sequence[Finding]:
        return self.findings().get(item_id, ())

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell (some 900 calls a screenful): the roles not served go
        # first, the texts come from a cache by item, the brushes are made once.
        if role not in _SERVED:
            return None
        number = index.row()
        if not 0 <= number < len(self._shown):
            return None
        row = self._shown[number]
        column = index.column()
        if role in (_DISPLAY, _EDIT):
            if column in (_KO, _EN):
                return row.item.text.ko if column == _KO else row.item.text.en
            return self._cells(row)[column]
        if role == _ALIGNMENT:
            return _TOP_LEFT if column in (_KO, _EN) else _CENTRE_LEFT
        if role == _FOREGROUND:
            if column == _STATUS:
                return _STATUS_BRUSHES[row.item.status]
            if column == _QA:
                worst = worst_severity(self._findings_of(row.id))
                return _SEVERITY_BRUSHES[worst] if worst is not None else None
            return None
        if role == _BACKGROUND:
            if (column == _KO and row.item.source is Language.KO) or (column == _EN and row.item.source is Language.EN):
                return _SOURCE_BRUSH
            return None
        if role == _DECORATION:
            if column != _QA:
                return None
            worst = worst_severity(self._findings_of(row.id))
            return severity_icon(worst) if worst is not None else None
        if role == _TOOLTIP:
            return self._tooltip(row, COLUMNS[column])
        if role == self.ItemIdRole:
            return row.id
        return bool(attention(row.item, self._findings_of(row.id)))  # AttentionRole

    def _cells(self, row: Row) -> tuple[str, ...]:
        """The row's texts in every column (the two text columns are read from the item directly)."""
        cells = self._cache.get(row.id)
        if cells is None:
            cells = tuple("" if c in _LANGUAGE else self._text(row, c) for c in COLUMNS)
            self._cache[row.id] = cells
        return cells

    def clear_cache(self, item_ids: Iterable[str] | None = None) -> None:
        """Forget the cached texts of these items (of all: the findings or the interface language changed)."""
        if item_ids is None:
            self._cache.clear()
        else:
            for item_id in item_ids:
                self._cache.pop(item_id, None)

    def _text(self, row: Row, column: Column) -> str:
        item = row.item
        if column is Column.NUMBER:
            return row.number
        if column is Column.SECTION:  # in the interface's language where the title has it
            title = row.section.title
            return (title.ko or title.en) if QLocale().language() == QLocale.Language.Korean else (title.en or title.ko)
        if column is Column.TYPE:
            return type_text(item)
        if column in _LANGUAGE:
            return item.text.get(_LANGUAGE[column])
        if column is Column.STATUS:
            return status_text(item.status) + (f" {FLAG_MARK}" if item.flag is not None else "")
        if column is Column.QA:
            findings = self._findings_of(row.id)
            worst = worst_severity(findings)
            return f"{severity_name(worst)} · {len(findings)}" if worst is not None else ""
        count = open_comments(item)
        return str(count) if count else ""

    def _tooltip(self, row: Row, column: Column) -> str | None:
        item = row.item
        if column in _LANGUAGE:
            language = _LANGUAGE[column]
            text = item.text.get(language)
            if language is item.source and item.approved_source is not None and item.approved_source != text:
                return changed_source_tooltip(item.approved_source, text, language)
            return text or None
        if column is Column.SECTION:
            return f"{row.section.title.ko}\n{row.section.title.en}"
        if column is Column.STATUS and item.flag is not None:
            reason = f": {item.flag.reason}" if item.flag.reason else ""
            return (
                QCoreApplication.translate("ReviewModel", "Flagged for review by %1").replace("%1", item.flag.by or "?")
                + reason
            )
        if column is Column.QA:
            findings = self._findings_of(row.id)
            return "\n".join(f"{severity_name(f.severity)}: {finding_text(f)}" for f in findings) or None
        if column is Column.COMMENTS:
            lines = [f"{c.author}: {c.text}" for c in item.comments if not c.resolved]
            return "\n".join(lines) or None
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A text typed in place: one edit through the document (undo as in the editors)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        column = COLUMNS[index.column()]
        if column not in _LANGUAGE or self.on_edit is None or not 0 <= index.row() < len(self._shown):
            return False
        row = self._shown[index.row()]
        if row.item.text.get(_LANGUAGE[column]) == value:
            return False
        return self.on_edit(row.id, _LANGUAGE[column], value)

    def findings_by_item(self) -> Mapping[str, Sequence[Finding]]:
        return self.findings()


def changed_source_tooltip(approved: str, current: str, language: Language) -> str:
    """The source against the one last approved, word by word, as rich text for a tooltip: deleted words struck
    through in red, inserted ones underlined in green (the item editor's marks)."""
    parts = []
    for piece in diff(approved, current, language):
        text = html.escape(shown(piece.text)).replace("\n", "<br>")
        if piece.change is Change.DELETED:
            parts.append(
                f'<s style="color:{DELETED_FOREGROUND.name()};background:{DELETED_BACKGROUND.name()}">{text}</s>'
            )
        elif piece.change is Change.INSERTED:
            parts.append(
                f'<u style="color:{INSERTED_FOREGROUND.name()};background:{INSERTED_BACKGROUND.name()}">{text}</u>'
            )
        else:
            parts.append(text)
    heading = html.escape(QCoreApplication.translate("ReviewModel", "Changed since it was approved:"))
    return f"<p><b>{heading}</b></p><p>{''.join(parts)}</p>"

"""The outline of a briefing as a Qt tree model: sections at the top level, their items below."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from briefing.model import Briefing, Item, Section, TargetStatus
from briefing.qa import Finding, Severity
from briefing.threads import has_open_comments, open_threads
from ui.labels import STATUS_COLOURS, fill, status_text, type_text
from ui.qa_labels import finding_text, severity_icon, worst

ModelIndex = QModelIndex | QPersistentModelIndex


_SECTION = 0  # internalId of top-level rows; item rows store their section's row + 1


FLAG_MARK = "⚑"  # after the status of an item a reviewer flagged
COMMENT_MARK = "✉"  # after the status of an item with open comment threads, followed by how many
MIME_ITEM = "application/x-briefing-item"
MIME_SECTION = "application/x-briefing-section"
Mover = Callable[[str, str, int], None]  # (item id, section id, index)
SectionMover = Callable[[str, int], None]  # (section id, index)


class OutlineModel(QAbstractItemModel):
    """Sections and their items; columns: number and text, type, status. Items can be dragged to a new
    place (the move goes through `on_move`, i.e. the undo stack). An item with QA findings shows the most
    serious one's sign before its text, and their messages in its tooltip."""

    ItemIdRole = Qt.ItemDataRole.UserRole + 1
    StatusRole = Qt.ItemDataRole.UserRole + 2
    QaRole = Qt.ItemDataRole.UserRole + 3  # the most serious finding's severity ("error", …) or None
    OpenCommentsRole = Qt.ItemDataRole.UserRole + 4  # how many comment threads of the item are open

    COLUMN_TEXT, COLUMN_TYPE, COLUMN_STATUS = range(3)

    def __init__(
        self,
        briefing: Briefing | None = None,
        parent: Any = None,
        on_move: Mover | None = None,
        on_move_section: SectionMover | None = None,
    ) -> None:
        super().__init__(parent)
        self._briefing = briefing or Briefing()
        self._icons: dict[TargetStatus, QIcon] = {}
        self._rows: dict[str, tuple[int, int]] = {}
        self._findings: Mapping[str, Sequence[Finding]] = {}
        self._worst: dict[str, Severity] = {}  # looked up at paint time: a dict, nothing counted
        self.on_move = on_move
        self.on_move_section = on_move_section
        self._index_rows()

    @property
    def briefing(self) -> Briefing:
        return self._briefing

    def set_briefing(self, briefing: Briefing) -> None:
        self.beginResetModel()
        self._briefing = briefing
        self._index_rows()
        self.endResetModel()

    def refresh(self) -> None:
        """The structure changed (items added, removed, moved): rebuild."""
        self.set_briefing(self._briefing)

    def _index_rows(self) -> None:
        self._rows = {
            item.id: (s, i) for s, section in enumerate(self._briefing.sections) for i, item in enumerate(section.items)
        }

    def index_of_item(self, item_id: str, column: int = 0) -> QModelIndex:
        if item_id not in self._rows:
            return QModelIndex()
        s, i = self._rows[item_id]
        return self.index(i, column, self.index(s, 0))

    def index_of_section(self, section_id: str) -> QModelIndex:
        for s, section in enumerate(self._briefing.sections):
            if section.id == section_id:
                return self.index(s, 0)
        return QModelIndex()

    def item_updated(self, item_id: str) -> None:
        first = self.index_of_item(item_id, self.COLUMN_TEXT)
        if first.isValid():
            self.dataChanged.emit(first, first.siblingAtColumn(self.COLUMN_STATUS))

    def items_updated(self, item_ids: frozenset[str]) -> None:
        """Rows whose text, type or status changed: one dataChanged per section touched, never a reset."""
        rows: dict[int, list[int]] = {}
        for item_id in item_ids:
            if item_id in self._rows:
                s, i = self._rows[item_id]
                rows.setdefault(s, []).append(i)
        for s, changed in rows.items():
            parent = self.index(s, 0)
            first = self.index(min(changed), self.COLUMN_TEXT, parent)
            last = self.index(max(changed), self.COLUMN_STATUS, parent)
            self.dataChanged.emit(first, last)

    def set_findings(
        self, findings: Mapping[str, Sequence[Finding]], changed: Iterable[str], announce: bool = True
    ) -> None:
        """The QA findings by item (those not waived); `changed`: the items whose findings differ, announced
        row by row unless `announce` is False (the pane repaints instead: a view walks every row between two
        indexes it is told about, a few ten milliseconds for a whole run's 2,000 badges)."""
        self._findings = findings
        changed = frozenset(changed)
        for item_id in changed:
            severity = worst(findings.get(item_id, ()))
            if severity is None:
                self._worst.pop(item_id, None)
            else:
                self._worst[item_id] = severity
        if announce:
            roles = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, self.QaRole]
            for item_id in changed:
                index = self.index_of_item(item_id, self.COLUMN_TEXT)
                if index.isValid():
                    self.dataChanged.emit(index, index, roles)

    def titles_updated(self) -> None:
        if self._briefing.sections:
            last = len(self._briefing.sections) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, self.COLUMN_STATUS))  # the title and its status

    # -- drag and drop ---------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ITEM, MIME_SECTION]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        index = next((i for i in indexes if i.isValid()), QModelIndex())
        item, section = self.item_at(index), self.section_at(index)
        if item is not None:
            data.setData(MIME_ITEM, QByteArray(item.id.encode()))
        elif section is not None:
            data.setData(MIME_SECTION, QByteArray(section.id.encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        if data.hasFormat(MIME_ITEM):
            return parent.isValid() or row >= 0
        return data.hasFormat(MIME_SECTION) and not parent.isValid()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if data.hasFormat(MIME_SECTION):
            section_id = bytes(data.data(MIME_SECTION).data()).decode()
            if self.on_move_section is not None:
                current = self._briefing.sections.index(self._briefing.section(section_id))
                target = len(self._briefing.sections) if row < 0 else row
                self.on_move_section(section_id, target - 1 if target > current else target)
            return False  # the model is rebuilt from the briefing; Qt must not remove rows itself
        item_id = bytes(data.data(MIME_ITEM).data()).decode()
        if parent.isValid() and parent.internalId() == _SECTION:
            section = self._briefing.sections[parent.row()]
            index = len(section.items) if row < 0 else row
        elif parent.isValid():  # dropped onto an item: before it
            section = self._briefing.sections[parent.internalId() - 1]
            index = parent.row()
        else:  # between sections: the end of the section above
            section = self._briefing.sections[max(0, row - 1)]
            index = len(section.items)
        current_section, current_index = self._briefing.locate(item_id)
        if current_section is section and current_index < index:
            index -= 1  # the item leaves its old place first
        if self.on_move is not None and (current_section is not section or current_index != index):
            self.on_move(item_id, section.id, index)
        return False

    # -- structure -------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._briefing.sections)
        if parent.column() != 0 or parent.internalId() != _SECTION:
            return 0
        return len(self._briefing.sections[parent.row()].items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def section_at(self, index: ModelIndex) -> Section | None:
        if index.isValid() and index.internalId() == _SECTION:
            return self._briefing.sections[index.row()]
        return None

    def item_at(self, index: ModelIndex) -> Item | None:
        if index.isValid() and index.internalId() != _SECTION:
            return self._briefing.sections[index.internalId() - 1].items[index.row()]
        return None

    # -- data ------------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Outline"), self.tr("Type"), self.tr("Status"))[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section = self.section_at(index)
        if section is not None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.COLUMN_TEXT:
                titles = " / ".join(t for t in (section.title.ko, section.title.en) if t)
                return f"{index.row() + 1}. {titles}"
            if role == self.ItemIdRole:
                return section.id
            if index.column() == self.COLUMN_STATUS and not section.title.is_empty():  # the title's translation
                status = section.title_state.status
                if role == Qt.ItemDataRole.DisplayRole:
                    return status_text(status)
                if role == Qt.ItemDataRole.DecorationRole:
                    return self._icon(status)
                if role == self.StatusRole:
                    return status.value
            return None
        item = self.item_at(index)
        assert item is not None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLUMN_TEXT:
                number = f"{index.internalId()}.{index.row() + 1}"
                preview = " ".join((item.source_text or item.target_text or "").split())
                return f"{number}  {preview[:80]}"
            if column == self.COLUMN_TYPE:
                return type_text(item)
            marks = f" {FLAG_MARK}" if item.flag is not None else ""
            threads = open_threads(item) if has_open_comments(item) else 0
            return status_text(item.status) + marks + (f" {COMMENT_MARK}{threads}" if threads else "")
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_STATUS:
            return self._icon(item.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMN_STATUS:
            lines = []
            if item.flag is not None:
                lines.append(self.tr("Review requested") + (f": {item.flag.reason}" if item.flag.reason else ""))
            if has_open_comments(item):
                lines.append(fill(self.tr("Open comment threads: %1"), open_threads(item)))
            return "\n".join(lines) or None
        if role == self.OpenCommentsRole:
            return open_threads(item) if has_open_comments(item) else 0
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_TEXT:
            severity = self._worst.get(item.id)
            return severity_icon(severity) if severity is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMN_TEXT:
            texts = f"{item.text.ko}\n\n{item.text.en}".strip()
            found = self._findings.get(item.id)
            if not found:
                return texts
            serious_first = sorted(found, key=lambda finding: -finding.severity.rank)
            return "\n".join(f"• {finding_text(finding)}" for finding in serious_first) + "\n\n" + texts
        if role == self.QaRole:
            severity = self._worst.get(item.id)
            return severity.value if severity is not None else None
        if role == self.ItemIdRole:
            return item.id
        if role == self.StatusRole:
            return item.status.value
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == _SECTION:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def _icon(self, status: TargetStatus) -> QIcon:
        if status not in self._icons:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(STATUS_COLOURS[status]))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            self._icons[status] = QIcon(pixmap)
        return self._icons[status]

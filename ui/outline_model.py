"""The outline of a briefing as a Qt tree model: sections at the top level, their items below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from briefing.model import Briefing, Item, ItemType, Section, StatementKind, TargetStatus

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    TargetStatus.EMPTY: "#b0b0b0",
    TargetStatus.MACHINE: "#3d7bd9",
    TargetStatus.MEMORY: "#17a2b8",
    TargetStatus.EDITED: "#e0a800",
    TargetStatus.APPROVED: "#2e9e44",
    TargetStatus.NEEDS_REVIEW: "#d9383a",
}

_SECTION = 0  # internalId of top-level rows; item rows store their section's row + 1


class OutlineModel(QAbstractItemModel):
    """Read-only for now; columns: number and text, type, status."""

    ItemIdRole = Qt.ItemDataRole.UserRole + 1
    StatusRole = Qt.ItemDataRole.UserRole + 2

    COLUMN_TEXT, COLUMN_TYPE, COLUMN_STATUS = range(3)

    def __init__(self, briefing: Briefing | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._briefing = briefing or Briefing()
        self._icons: dict[TargetStatus, QIcon] = {}

    @property
    def briefing(self) -> Briefing:
        return self._briefing

    def set_briefing(self, briefing: Briefing) -> None:
        self.beginResetModel()
        self._briefing = briefing
        self.endResetModel()

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
            return status_text(item.status)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_STATUS:
            return self._icon(item.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMN_TEXT:
            return f"{item.text.ko}\n\n{item.text.en}".strip()
        if role == self.ItemIdRole:
            return item.id
        if role == self.StatusRole:
            return item.status.value
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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


def status_text(status: TargetStatus) -> str:
    labels = {
        TargetStatus.EMPTY: QCoreApplication.translate("OutlineModel", "empty"),
        TargetStatus.MACHINE: QCoreApplication.translate("OutlineModel", "machine-translated"),
        TargetStatus.MEMORY: QCoreApplication.translate("OutlineModel", "memory-filled"),
        TargetStatus.EDITED: QCoreApplication.translate("OutlineModel", "edited"),
        TargetStatus.APPROVED: QCoreApplication.translate("OutlineModel", "approved"),
        TargetStatus.NEEDS_REVIEW: QCoreApplication.translate("OutlineModel", "needs review"),
    }
    return labels[status]


def type_text(item: Item) -> str:
    """The item's type as the outline shows it, e.g. "condemnation" or "schedule 2025-H1"."""
    translate = QCoreApplication.translate
    if item.type is ItemType.STATEMENT and item.statement_kind is not None:
        label = {
            StatementKind.JOINT_STATEMENT: translate("ItemType", "joint statement"),
            StatementKind.CONDEMNATION: translate("ItemType", "condemnation"),
            StatementKind.SHARED_CONCERN: translate("ItemType", "shared concern"),
        }[item.statement_kind]
    else:
        label = {
            ItemType.TOPIC: translate("ItemType", "topic"),
            ItemType.STATEMENT: translate("ItemType", "statement"),
            ItemType.AGREEMENT: translate("ItemType", "agreement"),
            ItemType.DECISION: translate("ItemType", "decision"),
            ItemType.ACTION: translate("ItemType", "action"),
            ItemType.SCHEDULE: translate("ItemType", "schedule"),
            ItemType.NOTE: translate("ItemType", "note"),
            ItemType.PARAGRAPH: translate("ItemType", "paragraph"),
        }[item.type]
    details = [str(item.when) if item.when else "", str(item.due) if item.due else ""]
    if item.note_mark is not None and item.type is ItemType.NOTE:
        details.append(item.note_mark.value)
    return " ".join([label, *(d for d in details if d)])

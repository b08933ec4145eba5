"""Every edit as a QUndoCommand: undo and redo for text, types, statuses, structure and the meeting card.

Commands hold ids and plain values, never widgets; they change the Briefing through the core's own
operations and tell the document controller what changed so that views refresh.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from briefing.model import Item, ItemType, Language, Section, TargetOrigin, TargetStatus

if TYPE_CHECKING:
    from ui.document import DocumentController

TYPING_ID = 1001  # QUndoCommand.id() for text edits that merge while typing


@dataclass(frozen=True)
class ItemState:
    """Everything about an item that an edit may change, to put it back exactly."""

    type: ItemType
    ko: str
    en: str
    source: Language
    status: TargetStatus
    basis: str | None
    approved_source: str | None
    extras: tuple[Any, ...]

    @classmethod
    def of(cls, item: Item) -> ItemState:
        return cls(
            item.type,
            item.text.ko,
            item.text.en,
            item.source,
            item.status,
            item.basis,
            item.approved_source,
            copy.deepcopy((item.statement_kind, item.note_mark, item.owner, item.due, item.when, item.comments)),
        )

    def apply(self, item: Item) -> None:
        item.type = self.type
        item.text.ko, item.text.en = self.ko, self.en
        item.source, item.status, item.basis, item.approved_source = (
            self.source,
            self.status,
            self.basis,
            self.approved_source,
        )
        extras = copy.deepcopy(self.extras)
        item.statement_kind, item.note_mark, item.owner, item.due, item.when, item.comments = extras


class ItemEdit(QUndoCommand):
    """Any change to one item, done by `change` on the live item and undone from a snapshot."""

    def __init__(self, document: DocumentController, item_id: str, text: str, change: Callable[[Item], None]) -> None:
        super().__init__(text)
        self.document, self.item_id = document, item_id
        item = document.briefing.item(item_id)
        self.before = ItemState.of(item)
        change(item)
        self.after = ItemState.of(item)
        self.before.apply(item)  # redo() applies it, as Qt calls redo() when the command is pushed

    def redo(self) -> None:
        self.after.apply(self.document.briefing.item(self.item_id))
        self.document.item_changed.emit(self.item_id)

    def undo(self) -> None:
        self.before.apply(self.document.briefing.item(self.item_id))
        self.document.item_changed.emit(self.item_id)


class TypeText(ItemEdit):
    """Typing in one language of one item: consecutive keystrokes merge into one undo step."""

    def __init__(self, document: DocumentController, item_id: str, language: Language, text: str) -> None:
        self.language = language
        super().__init__(
            document,
            item_id,
            QCoreApplication.translate("Commands", "Edit text"),
            lambda item: item.set_text(language, text, TargetOrigin.HUMAN),
        )

    def id(self) -> int:
        return TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypeText) or other.item_id != self.item_id or other.language is not self.language:
            return False
        self.after = other.after
        return True


class StructureEdit(QUndoCommand):
    """Adding, removing or moving items and sections; `forward`/`backward` mutate and report."""

    def __init__(
        self, document: DocumentController, text: str, forward: Callable[[], None], backward: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self.document, self.forward, self.backward = document, forward, backward

    def redo(self) -> None:
        self.forward()
        self.document.structure_changed.emit()

    def undo(self) -> None:
        self.backward()
        self.document.structure_changed.emit()


class BriefingEdit(QUndoCommand):
    """A change anywhere in the briefing outside items (meeting card, titles, sections): a snapshot."""

    def __init__(
        self, document: DocumentController, text: str, change: Callable[[], None], merge_key: str = ""
    ) -> None:
        super().__init__(text)
        self.document, self.merge_key = document, merge_key
        self.before = _snapshot(document)
        change()
        self.after = _snapshot(document)
        _restore(document, self.before)

    def id(self) -> int:
        return TYPING_ID + 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, BriefingEdit) and self.merge_key and other.merge_key == self.merge_key:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        _restore(self.document, self.after)
        self.document.card_changed.emit()

    def undo(self) -> None:
        _restore(self.document, self.before)
        self.document.card_changed.emit()


def _snapshot(document: DocumentController) -> tuple[Any, ...]:
    briefing = document.briefing
    return copy.deepcopy(
        (briefing.title, briefing.meeting, briefing.author, [(s.id, s.title) for s in briefing.sections])
    )


def _restore(document: DocumentController, state: tuple[Any, ...]) -> None:
    briefing = document.briefing
    title, meeting, author, titles = copy.deepcopy(state)
    briefing.title, briefing.meeting, briefing.author = title, meeting, author
    by_id = dict(titles)
    for section in briefing.sections:
        if section.id in by_id:
            section.title = by_id[section.id]


def add_item(document: DocumentController, section_id: str, index: int, item: Item) -> StructureEdit:
    briefing = document.briefing
    return StructureEdit(
        document,
        QCoreApplication.translate("Commands", "Add item"),
        lambda: briefing.add_item(section_id, item, index),
        lambda: briefing.remove_item(item.id),
    )


def remove_item(document: DocumentController, item_id: str) -> StructureEdit:
    briefing = document.briefing
    section, index = briefing.locate(item_id)
    item = section.items[index]
    return StructureEdit(
        document,
        QCoreApplication.translate("Commands", "Delete item"),
        lambda: briefing.remove_item(item_id),
        lambda: briefing.add_item(section.id, item, index),
    )


def move_item(document: DocumentController, item_id: str, section_id: str, index: int) -> StructureEdit:
    briefing = document.briefing
    old_section, old_index = briefing.locate(item_id)
    old_section_id = old_section.id
    return StructureEdit(
        document,
        QCoreApplication.translate("Commands", "Move item"),
        lambda: briefing.move_item(item_id, section_id, index),
        lambda: briefing.move_item(item_id, old_section_id, old_index),
    )


def add_section(document: DocumentController, index: int, section: Section) -> StructureEdit:
    briefing = document.briefing
    return StructureEdit(
        document,
        QCoreApplication.translate("Commands", "Add section"),
        lambda: briefing.add_section(section, index),
        lambda: briefing.remove_section(section.id),
    )


def remove_section(document: DocumentController, section_id: str) -> StructureEdit:
    briefing = document.briefing
    section = briefing.section(section_id)
    index = briefing.sections.index(section)
    return StructureEdit(
        document,
        QCoreApplication.translate("Commands", "Delete section"),
        lambda: briefing.remove_section(section_id),
        lambda: briefing.add_section(section, index),
    )


def move_section(document: DocumentController, section_id: str, index: int) -> StructureEdit:
    briefing = document.briefing
    old = briefing.sections.index(briefing.section(section_id))
    return StructureEdit(
        document,
        QCoreApplication.translate("Commands", "Move section"),
        lambda: briefing.move_section(section_id, index),
        lambda: briefing.move_section(section_id, old),
    )


class Translations(QUndoCommand):
    """Machine translations applied from a finished job: one undo step for all of them."""

    def __init__(
        self, document: DocumentController, text: str, changes: dict[str, tuple[ItemState, ItemState]]
    ) -> None:
        super().__init__(text)
        self.document, self.changes = document, changes

    def redo(self) -> None:
        for item_id, (_, after) in self.changes.items():
            after.apply(self.document.briefing.item(item_id))
        self.document.structure_changed.emit()

    def undo(self) -> None:
        for item_id, (before, _) in self.changes.items():
            before.apply(self.document.briefing.item(item_id))
        self.document.structure_changed.emit()

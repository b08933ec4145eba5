"""Translated names of what the document holds: item types, statement kinds, statuses; and %1 fill-ins."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from briefing.model import Item, ItemType, StatementKind, TargetStatus

STATUS_COLOURS = {
    TargetStatus.EMPTY: "#b0b0b0",
    TargetStatus.MACHINE: "#3d7bd9",
    TargetStatus.MEMORY: "#17a2b8",
    TargetStatus.EDITED: "#e0a800",
    TargetStatus.APPROVED: "#2e9e44",
    TargetStatus.NEEDS_REVIEW: "#d9383a",
}


def fill(template: str, *values: object) -> str:
    """Qt-style %1, %2 … placeholders (translations may reorder them)."""
    for number, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{number}", str(value))
    return template


def type_names() -> dict[ItemType, str]:
    translate = QCoreApplication.translate
    return {
        ItemType.TOPIC: translate("ItemType", "topic"),
        ItemType.STATEMENT: translate("ItemType", "statement"),
        ItemType.AGREEMENT: translate("ItemType", "agreement"),
        ItemType.DECISION: translate("ItemType", "decision"),
        ItemType.ACTION: translate("ItemType", "action"),
        ItemType.SCHEDULE: translate("ItemType", "schedule"),
        ItemType.NOTE: translate("ItemType", "note"),
        ItemType.PARAGRAPH: translate("ItemType", "paragraph"),
    }


def kind_names() -> dict[StatementKind, str]:
    translate = QCoreApplication.translate
    return {
        StatementKind.JOINT_STATEMENT: translate("ItemType", "joint statement"),
        StatementKind.CONDEMNATION: translate("ItemType", "condemnation"),
        StatementKind.SHARED_CONCERN: translate("ItemType", "shared concern"),
    }


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
    if item.type is ItemType.STATEMENT and item.statement_kind is not None:
        label = kind_names()[item.statement_kind]
    else:
        label = type_names()[item.type]
    details = [str(item.when) if item.when else "", str(item.due) if item.due else ""]
    if item.note_mark is not None and item.type is ItemType.NOTE:
        details.append(item.note_mark.value)
    return " ".join([label, *(d for d in details if d)])


def mark_invalid(widget: QWidget, message: str | None) -> None:
    """Mark a field whose value breaks a rule, with the reason as its tooltip; None clears the mark."""
    widget.setProperty("invalid", message is not None)
    # With a selector, so that the field's tooltip does not turn pink too.
    widget.setStyleSheet(f"{type(widget).__name__} {{ background: #fde2e2 }}" if message is not None else "")
    widget.setToolTip(message or "")


def language_name(code: str, fallback: str) -> str:
    """A language's name in the interface language ("한국어" for ko in the Korean interface); a language the
    interface has no name for keeps the name its package gives (`fallback`)."""
    names = {
        "ko": QCoreApplication.translate("Labels", "Korean"),
        "en": QCoreApplication.translate("Labels", "English"),
    }
    return names.get(code, fallback)

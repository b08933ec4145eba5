"""The one undo command: any core edit (briefing/edits.py) on the document's undo stack.

The edit does the work and says what changed; the command only puts it on the stack, merges typing into one
step (edits with the same merge key) and asks the document to announce the changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from briefing.edits import Batch, Changes, Edit
from briefing.model import Briefing
from ui.qt import QT_TRANSLATE_NOOP

MERGING_ID = 1001  # QUndoCommand.id() of every edit that may merge; the merge keys decide

# The undo history's names for the edits (message codes of briefing/edits.py).
LABELS: dict[str, str] = {
    "edit.text": QT_TRANSLATE_NOOP("Edits", "Edit text"),
    "edit.type": QT_TRANSLATE_NOOP("Edits", "Change item type"),
    "edit.statement_kind": QT_TRANSLATE_NOOP("Edits", "Change statement kind"),
    "edit.note_mark": QT_TRANSLATE_NOOP("Edits", "Change note mark"),
    "edit.when": QT_TRANSLATE_NOOP("Edits", "Change date"),
    "edit.owner": QT_TRANSLATE_NOOP("Edits", "Change owner"),
    "edit.due": QT_TRANSLATE_NOOP("Edits", "Change due date"),
    "edit.source": QT_TRANSLATE_NOOP("Edits", "Change source language"),
    "edit.approve": QT_TRANSLATE_NOOP("Edits", "Approve"),
    "edit.bulk_approve": QT_TRANSLATE_NOOP("Edits", "Approve shown items"),
    "edit.flag": QT_TRANSLATE_NOOP("Edits", "Mark for review"),
    "edit.clear_flag": QT_TRANSLATE_NOOP("Edits", "Clear review mark"),
    "edit.waive": QT_TRANSLATE_NOOP("Edits", "Waive finding"),
    "edit.unwaive": QT_TRANSLATE_NOOP("Edits", "Withdraw waiver"),
    "edit.add_comment": QT_TRANSLATE_NOOP("Edits", "Add comment"),
    "edit.resolve_comment": QT_TRANSLATE_NOOP("Edits", "Resolve comment"),
    "edit.reopen_comment": QT_TRANSLATE_NOOP("Edits", "Reopen comment"),
    "edit.reply": QT_TRANSLATE_NOOP("Edits", "Reply to comment"),
    "edit.translations": QT_TRANSLATE_NOOP("Edits", "Machine translation"),
    "edit.memory": QT_TRANSLATE_NOOP("Edits", "Use memory match"),
    "edit.import_review": QT_TRANSLATE_NOOP("Edits", "Import review"),
    "edit.import_document": QT_TRANSLATE_NOOP("Edits", "Import document"),
    "edit.paste_items": QT_TRANSLATE_NOOP("Edits", "Paste as items"),
    "edit.insert_term": QT_TRANSLATE_NOOP("Edits", "Insert term"),
    "edit.add_item": QT_TRANSLATE_NOOP("Edits", "Add item"),
    "edit.remove_item": QT_TRANSLATE_NOOP("Edits", "Delete item"),
    "edit.move_item": QT_TRANSLATE_NOOP("Edits", "Move item"),
    "edit.add_section": QT_TRANSLATE_NOOP("Edits", "Add section"),
    "edit.remove_section": QT_TRANSLATE_NOOP("Edits", "Delete section"),
    "edit.move_section": QT_TRANSLATE_NOOP("Edits", "Move section"),
    "edit.section_title": QT_TRANSLATE_NOOP("Edits", "Rename section"),
    "edit.approve_title": QT_TRANSLATE_NOOP("Edits", "Approve title"),
    "edit.title_needs_review": QT_TRANSLATE_NOOP("Edits", "Title needs review"),
    "edit.card": QT_TRANSLATE_NOOP("Edits", "Edit meeting card"),
    "edit.role": QT_TRANSLATE_NOOP("Edits", "Change role"),
    "edit.add_delegation": QT_TRANSLATE_NOOP("Edits", "Add delegation"),
    "edit.remove_delegation": QT_TRANSLATE_NOOP("Edits", "Remove delegation"),
    "edit.add_person": QT_TRANSLATE_NOOP("Edits", "Add person"),
    "edit.remove_person": QT_TRANSLATE_NOOP("Edits", "Remove person"),
    "edit.add_contact": QT_TRANSLATE_NOOP("Edits", "Add contact"),
    "edit.remove_contact": QT_TRANSLATE_NOOP("Edits", "Remove contact"),
    "edit.add_attachment": QT_TRANSLATE_NOOP("Edits", "Add attachment"),
    "edit.remove_attachment": QT_TRANSLATE_NOOP("Edits", "Remove attachment"),
}


def label(code: str) -> str:
    """An edit's name in the interface language."""
    return QCoreApplication.translate("Edits", LABELS[code]) if code in LABELS else code


class EditCommand(QUndoCommand):
    """A core edit on the undo stack. It was applied before it was pushed (so a refusal never reaches the
    stack); the first redo(), which Qt calls on push, therefore only announces it."""

    def __init__(
        self, edit: Edit, briefing: Callable[[], Briefing], announce: Callable[[Changes], None], changes: Changes
    ) -> None:
        super().__init__(label(edit.label))
        self.edit, self.briefing, self.announce = edit, briefing, announce
        self._pending: Changes | None = changes

    def redo(self) -> None:
        if self._pending is not None:
            changes, self._pending = self._pending, None
        else:
            changes = self.edit.apply(self.briefing())
        self.announce(changes)

    def undo(self) -> None:
        self.announce(self.edit.revert(self.briefing()))

    def id(self) -> int:
        return MERGING_ID if self.edit.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Edits with the same merge key are one undo step: merged by the edit when it can (typing), else kept
        together in a batch (a translation job's streamed batches, then its titles)."""
        if not isinstance(other, EditCommand):
            return False
        if self.edit.absorb(other.edit):
            return True
        key = self.edit.merge_key
        if key is None or other.edit.merge_key != key:
            return False
        self.edit = Batch(self.edit.label, [self.edit, other.edit], merge_key=key)
        return True

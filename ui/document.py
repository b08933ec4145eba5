"""The open document: the Briefing, its file, its undo stack, and its recovery copy.

Every change arrives as a core edit (`apply`): it is applied, put on the undo stack and announced with the
`changed` signal carrying a `Changes` value, so that each view refreshes only what concerns it. While there
are unsaved changes a recovery copy is written on a timer; saving or closing cleanly discards it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from briefing import storage
from briefing.edits import Changes, Edit, EditRefused
from briefing.model import Briefing
from briefing.paths import recovery_folder
from briefing.recovery import RecoverySession
from briefing.snapshot import SnapshotCache
from ui.commands import EditCommand


class DocumentController(QObject):
    changed = Signal(object)  # a briefing.edits.Changes: what an edit, undo or redo changed, and who asked
    refused = Signal(object)  # a briefing.edits.EditRefused: an edit the briefing's rules did not allow
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    saved = Signal(str)
    autosave_failed = Signal(object)  # the exception; once per run of failing autosaves, not every tick
    autosave_resumed = Signal()  # a recovery copy was written again after failures

    def __init__(
        self,
        briefing: Briefing,
        path: Path | None = None,
        autosave_seconds: int = 30,
        parent: QObject | None = None,
        disk_digest: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.briefing = briefing
        self.path = path
        self.disk_digest = disk_digest  # the file's bytes as read or last saved here; None: not known
        self.undo_stack = QUndoStack(self)
        # A bound method, not a lambda: Qt drops the connection when this document goes, before its undo stack
        # (a child) says "clean" once more on its way out, which a lambda would pass to a deleted signal.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.recovery = RecoverySession(recovery_folder(), path)
        self._snapshots = SnapshotCache()
        self._snapshots.snapshot(briefing)  # copy every item once now, while opening, not at the first keystroke
        self.autosave_error: BaseException | None = None  # the failure that started the current run
        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.write_recovery_copy)
        self.set_autosave_interval(autosave_seconds)

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def apply(self, edit: Edit, initiator: object | None = None) -> Changes:
        """Make an edit as one undo step (typing merges); EditRefused, with nothing changed, when it would
        break a rule of the briefing."""
        changes = edit.apply(self.briefing).by(initiator)
        if not changes:
            return changes  # nothing changed: no undo step
        self.undo_stack.push(EditCommand(edit, lambda: self.briefing, self._announce, changes))
        self.briefing.touch()
        return changes

    def try_apply(self, edit: Edit, initiator: object | None = None) -> EditRefused | None:
        """`apply` for the window's parts: a refusal is announced (`refused`) and returned, never raised;
        None when the edit was made."""
        try:
            self.apply(edit, initiator)
        except EditRefused as refusal:
            self.refused.emit(refusal)
            return refusal
        return None

    def _announce(self, changes: Changes) -> None:
        self._snapshots.forget(changes.items)  # moved items are the same; added ones are copied when first seen
        self.changed.emit(changes)

    def snapshot(self) -> Briefing:
        """A private copy for background work, cheap while little changed (see briefing/snapshot.py)."""
        return self._snapshots.snapshot(self.briefing)

    def set_autosave_interval(self, seconds: int) -> None:
        self.autosave.stop()
        if seconds > 0:
            self.autosave.start(seconds * 1000)

    def write_recovery_copy(self) -> bool:
        """Called by the timer: keep a copy of unsaved work in the data folder. A failure (a full disk, or a
        fault) must not interrupt editing: the next tick tries again, and `autosave_failed` says it once."""
        if not self.modified:
            return False
        try:
            self.recovery.write(self.briefing, self.disk_digest)
        except Exception as error:
            if self.autosave_error is None:
                self.autosave_error = error
                self.autosave_failed.emit(error)
            return False
        if self.autosave_error is not None:
            self.autosave_error = None
            self.autosave_resumed.emit()
        return True

    def save(self, path: Path | None = None, replace_unreadable: bool = False, overwrite_changes: bool = False) -> Path:
        """Save; storage.ChangedOnDisk when the file changed on disk since it was read or saved here,
        unless `overwrite_changes` (the user saw that and chose to replace it)."""
        target = path or self.path
        if target is None:
            raise ValueError("no file name yet: use save as")
        expected = self.disk_digest if target == self.path and not overwrite_changes else None
        self.disk_digest = storage.save(self.briefing, target, replace_unreadable=replace_unreadable, expected=expected)
        if target != self.path:
            self.path = target
            self.recovery.document_path = target
            self.path_changed.emit(str(target))
        self.undo_stack.setClean()
        self.recovery.discard()
        self.saved.emit(str(target))
        return target

    def close(self) -> None:
        """The user closed the document (saved or deliberately discarded): no recovery needed."""
        self.autosave.stop()
        self.recovery.discard()

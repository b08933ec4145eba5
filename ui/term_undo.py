"""Undo for the termbase manager's changes: one command per added, edited or deleted entry, done against the
store it was made in (personal or office). Undoing an office edit is itself an edit: when someone changed the
entry since, the store refuses it (`store.conflict`), the failure is reported and the command leaves the stack —
never a silent overwrite."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing.messages import BriefingError
from briefing.terms.assist import entry_row
from briefing.terms.model import Entry
from briefing.terms.store import TermStore


class TermChange(QUndoCommand):
    """`before` → `after` in `store` (before None: added; after None: deleted). Pushed once done: the first redo
    does nothing."""

    def __init__(
        self,
        store: TermStore,
        before: Entry | None,
        after: Entry | None,
        failed: Callable[[BriefingError], None],
        changed: Callable[[], None],
    ) -> None:
        either = after or before
        assert either is not None
        shown = entry_row(either)
        super().__init__(f"{shown.ko} — {shown.en}")
        self.store = store
        self.before = _clone(before) if before is not None else None
        self.after = _clone(after) if after is not None else None
        self._failed, self._changed = failed, changed
        self._done = True

    def redo(self) -> None:
        if self._done:
            return
        self._apply(self.before, self.after)
        self._done = True

    def undo(self) -> None:
        self._apply(self.after, self.before)
        self._done = False

    def _apply(self, now: Entry | None, wanted: Entry | None) -> None:
        try:
            if wanted is None:
                assert now is not None
                self.store.remove(now.id)
            elif now is None:
                self._keep(self.store.add(_clone(wanted, 0)), wanted)
            else:
                self._keep(self.store.update(_clone(wanted, now.version)), wanted)
        except BriefingError as error:
            self.setObsolete(True)
            self._failed(error)
        self._changed()

    def _keep(self, stored: Entry, wanted: Entry) -> None:
        """The stored entry's new version goes with both sides, so that the next undo or redo checks against it."""
        for side in (self.before, self.after):
            if side is not None:
                side.version = stored.version
        wanted.version = stored.version


def _clone(entry: Entry, version: int | None = None) -> Entry:
    return dataclasses.replace(entry, terms=list(entry.terms), version=entry.version if version is None else version)

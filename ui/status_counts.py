"""The status bar's counts: items by status, flags, open comments and the titles still to check, following edits
at a typing pace (not per keystroke), and back when a passing message ("Saved …", "Not changed: …") times out.

A part of the window of its own (as ui/undo_actions.py); its words keep the window's translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from briefing.edits import EditRefused
from briefing.model import Briefing, TargetStatus
from ui.labels import fill
from ui.messages import refusal_text

translate = QCoreApplication.translate
DELAY_MS = 150  # the counts follow typing at this pace, not per keystroke


class StatusCounts(QObject):
    def __init__(self, bar: QStatusBar, briefing: Callable[[], Briefing], after: Callable[[], None]) -> None:
        super().__init__(bar)
        self.bar, self.briefing, self.after = bar, briefing, after  # `after`: what follows a count (the actions)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.update)
        bar.messageChanged.connect(lambda message: message or self._timer.start(0))

    def schedule(self) -> None:
        """Count again after a short pause (a burst of edits counts once)."""
        self._timer.start(DELAY_MS)

    def update(self) -> None:
        briefing = self.briefing()
        stats = briefing.statistics()
        counts = fill(
            translate("MainWindow", "Items %1 · approved %2 · needs review %3 · flagged %4 · open comments %5"),
            stats.items,
            stats.approved,
            stats.per_status[TargetStatus.NEEDS_REVIEW],
            stats.flagged,
            stats.open_comments,
        )
        titles = fill(translate("MainWindow", "titles to check %1"), len(briefing.pending_titles()))
        self.bar.showMessage(f"{counts} · {titles}")
        self.after()

    def refused(self, refusal: EditRefused) -> None:
        """An edit was not made: why, for a while."""
        self.bar.showMessage(
            fill(translate("MainWindow", "Not changed: %1"), refusal_text(refusal).splitlines()[0]), 8000
        )

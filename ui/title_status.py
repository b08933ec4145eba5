"""A translated title's status as the card and section editors show it: a badge, Approve and Needs review.

The controls keep their size whatever the status says (the badge has the width of the longest status), so that
a status change never moves the buttons under the mouse."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from briefing.model import Bilingual, TargetStatus, TitleState
from ui.labels import STATUS_COLOURS, status_text
from ui.qt import named


class TitleStatus(QWidget):
    """Badge + Approve + Needs review for one title; the editor that holds it makes the edits."""

    approve_requested = Signal()
    review_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = named(QLabel(), f"{name}StatusBadge")
        self.approve_button = named(QToolButton(), f"{name}Approve")
        self.review_button = named(QToolButton(), f"{name}NeedsReview")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.badge, self.approve_button, self.review_button):
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.approve_button.clicked.connect(self.approve_requested)
        self.review_button.clicked.connect(self.review_requested)
        self.status: TargetStatus | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.approve_button.setText("✓")
        self.review_button.setText("⚑")
        self.approve_button.setToolTip(self.tr("Approve the title's translation"))
        self.review_button.setToolTip(self.tr("Mark the title's translation as needing review"))
        self.approve_button.setAccessibleName(self.tr("Approve title"))
        self.review_button.setAccessibleName(self.tr("Title needs review"))
        metrics = self.badge.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"  {status_text(status)}  ") for status in TargetStatus)
        self.badge.setFixedWidth(widest + 4)
        if self.status is not None:
            self._badge(self.status)

    def show_state(self, state: TitleState | None, text: Bilingual | None) -> None:
        """The state of the title shown (None: no title, the controls are disabled)."""
        both = text is not None and bool(text.ko.strip()) and bool(text.en.strip())
        self.status = None if state is None else state.status
        self.approve_button.setEnabled(both and self.status is not TargetStatus.APPROVED)
        self.review_button.setEnabled(both and self.status is not TargetStatus.NEEDS_REVIEW)
        if self.status is None:
            self.badge.setText("")
        else:
            self._badge(self.status)

    def _badge(self, status: TargetStatus) -> None:
        label = html.escape(status_text(status))
        colour = STATUS_COLOURS[status]
        self.badge.setText(f"<span style='background:{colour};color:white'>&nbsp;{label}&nbsp;</span>")
        self.badge.setToolTip(label)


class TitleFocus(QObject):
    """Which title row of the card and section editors holds the keyboard focus: Approve (Ctrl+Return) and Mark
    for review (Ctrl+Shift+R) act on that title instead of the item. `moved` when the focus enters or leaves one
    of their fields (the window then updates what its actions may do)."""

    moved = Signal()

    def __init__(self, *holders: QWidget) -> None:
        super().__init__(holders[0])
        self.holders = holders
        for holder in holders:
            for line in holder.findChildren(QLineEdit):
                line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            QTimer.singleShot(0, self, self.moved.emit)  # once the focus has moved
        return False

    def current(self) -> TitleStatus | None:
        """The status of the title whose row holds the focus, if any."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for holder in self.holders:
            for status in holder.findChildren(TitleStatus):
                row = status.parentWidget()
                if row is not None and row.isVisible() and (row is focus or row.isAncestorOf(focus)):
                    return status
        return None

    def act(self, approve: bool, otherwise: Callable[[], object]) -> None:
        """Approve the focused title or mark it for review (a disabled button does nothing); `otherwise` (the
        item's approval or flag) when no title has the focus."""
        title = self.current()
        if title is None:
            otherwise()
        else:
            (title.approve_button if approve else title.review_button).click()

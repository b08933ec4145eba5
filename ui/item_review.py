"""The strip above the item editor's texts: the review note (the flag and the approval: who, when, why) and the
word diffs — the source against the approved one while the source changed since the approval, the target against
the machine or memory suggestion once a person edited it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from briefing.compare.diff import changed, diff
from briefing.language.times import local_time
from briefing.model import Item, TargetStatus
from ui.diff_view import DiffView
from ui.labels import fill
from ui.qt import named


class ReviewStrip(QScrollArea):
    """Of fixed height: the note and the diffs come and go with the item shown, and the editors below never move
    or change size (a long note scrolls inside the strip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "reviewPanel")
        self.review_note = named(QLabel(), "reviewNote")
        self.review_note.setWordWrap(True)
        self.reference_label = named(QLabel(), "approvedSourceLabel")
        self.reference = named(DiffView(), "approvedSource")
        self.suggestion_label = named(QLabel(), "suggestionLabel")
        self.suggestion_diff = named(DiffView(), "suggestionDiff")
        inside = QWidget()
        column = QVBoxLayout(inside)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (self.review_note, self.reference_label, self.reference, self.suggestion_label):
            column.addWidget(widget)
        column.addWidget(self.suggestion_diff)
        column.addStretch(1)
        self.setWidget(inside)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One line of words and one diff strip whole; the room is kept while nothing is shown.
        self.setFixedHeight(self.fontMetrics().lineSpacing() + self.reference.maximumHeight() + 6)

    def retranslate(self) -> None:
        self.reference_label.setText(
            self.tr("The source changed since the approval (struck through: removed, underlined: added):")
        )
        self.suggestion_label.setText(self.tr("Edited against the machine or memory suggestion:"))

    def show_item(self, item: Item | None) -> None:
        self._show_changes(item)
        review = self._review_lines(item) if item is not None else []
        self.review_note.setText("\n".join(review))
        self.review_note.setVisible(bool(review))

    def _show_changes(self, item: Item | None) -> None:
        source_shown = (
            item is not None
            and item.status is TargetStatus.NEEDS_REVIEW
            and item.approved_source is not None
            and item.approved_source != item.source_text
        )
        if item is not None and item.approved_source is not None and source_shown:
            self.reference.show_pieces(diff(item.approved_source, item.source_text, item.source))
        self.reference_label.setVisible(source_shown)
        self.reference.setVisible(source_shown)
        suggestion_shown = False
        if item is not None and item.suggestion is not None and item.target_text.strip():
            pieces = diff(item.suggestion, item.target_text, item.target)
            suggestion_shown = changed(pieces)
            if suggestion_shown:
                self.suggestion_diff.show_pieces(pieces)
        self.suggestion_label.setVisible(suggestion_shown)
        self.suggestion_diff.setVisible(suggestion_shown)

    def _review_lines(self, item: Item) -> list[str]:
        """The reviewer's flag and the last approval in words, times on the user's clock."""
        lines = []
        flag = item.flag
        if flag is not None:
            when = local_time(flag.at)
            lines.append(
                fill(self.tr("Flagged for review by %1 on %2"), flag.by, when)
                if flag.by
                else fill(self.tr("Flagged for review on %1"), when)
            )
            if flag.reason:
                lines.append(fill(self.tr("Reason: %1"), flag.reason))
        if item.approved_at is not None:
            when, by = local_time(item.approved_at), item.approved_by
            if item.status is TargetStatus.APPROVED:
                lines.append(
                    fill(self.tr("Approved by %1 on %2"), by, when) if by else fill(self.tr("Approved on %1"), when)
                )
            else:
                lines.append(
                    fill(self.tr("Last approved by %1 on %2"), by, when)
                    if by
                    else fill(self.tr("Last approved on %1"), when)
                )
        return lines

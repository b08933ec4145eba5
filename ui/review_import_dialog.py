"""What a reviewed file (XLIFF 2 or a review DOCX) changes, shown before anything is changed: per item its
number and source, the old and new target as a word diff, the approval or flag, new and resolved comments; then
the notices (what the file holds but is not applied). Apply makes the whole import one undo step
(ui/exchange_commands.py does it); Cancel leaves the briefing as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.compare.diff import diff
from briefing.exchange.review import ItemChange, ReviewDiff
from briefing.messages import Message
from briefing.model import Briefing, Item, TargetStatus
from ui.diff_marks import detail_line, shown, write_pieces, write_text
from ui.labels import fill, status_text
from ui.messages import text
from ui.qt import named

SOURCE_SHOWN = 240  # characters of an item's source shown above its changes
MUTED = QColor("#555555")
_LOWERED = re.compile(r"^the reviewer set the state to '(.*)' in the review file$", re.DOTALL)


def flag_text(flag: str) -> str:
    """The flag reason an import sets, in the interface language when it is the core's own wording."""
    match = _LOWERED.match(flag)
    return text("exchange.state_lowered", {"state": match.group(1)}) if match else flag


def _muted() -> QTextCharFormat:
    chosen = QTextCharFormat()
    chosen.setForeground(MUTED)
    return chosen


class ReviewImportDialog(QDialog):
    apply_requested = Signal()  # the user chose Apply; the owner applies and closes the dialog (or says why not)

    def __init__(self, parent: QWidget | None, review: ReviewDiff, briefing: Briefing, file_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("reviewImportDialog")
        self.review = review
        self.setWindowTitle(self.tr("Import review"))
        self.resize(900, 640)
        count, notices = len(review.changes), len(review.notices)
        if count:
            headline = fill(self.tr("%1 changes %2 items of this briefing."), file_name, count)
        else:
            headline = fill(self.tr("%1 changes nothing in this briefing."), file_name)
        if notices:
            headline += " " + fill(self.tr("Reported, not applied: %1 (at the end)."), notices)
        self.summary = named(QLabel(headline), "reviewSummary")
        self.summary.setWordWrap(True)
        self.view = named(QTextBrowser(), "reviewChanges")
        self.view.setOpenLinks(False)
        self.view.setDocument(self.build_document(review, briefing))
        self.problem = named(QLabel(), "reviewProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        buttons = QDialogButtonBox()
        self.apply_button = named(QPushButton(self.tr("&Apply")), "applyReview")  # one undo step: "Import review"
        self.apply_button.setEnabled(count > 0)
        self.apply_button.setDefault(count > 0)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelReview")
        buttons.accepted.connect(self.apply_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def show_problem(self, message: str) -> None:
        """The import was refused (a rule of the briefing): say why and stay open."""
        self.problem.setText(message)
        self.problem.show()

    # -- the document ----------------------------------------------------------------------------
    def build_document(self, review: ReviewDiff, briefing: Briefing) -> QTextDocument:
        document = QTextDocument(self)
        cursor = QTextCursor(document)
        by_id = {item.id: item for item in briefing.items()}
        first = True
        for change in review.changes:
            if not first:
                cursor.insertBlock(self._gap())
            first = False
            self._write_change(cursor, change, by_id.get(change.item_id))
        if review.notices:
            if not first:
                cursor.insertBlock(self._gap())
            write_text(cursor, self.tr("Not applied"), bold=True)
            for notice in review.notices:
                detail_line(cursor)
                write_text(cursor, "• " + self._notice(notice))
        if first and not review.notices:
            write_text(cursor, self.tr("The file proposes no changes."), italic=True)
        return document

    @staticmethod
    def _gap() -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setTopMargin(10)
        return block

    @staticmethod
    def _notice(notice: Message) -> str:
        return text(notice.code, notice.params)

    def _write_change(self, cursor: QTextCursor, change: ItemChange, item: Item | None) -> None:
        write_text(cursor, change.number, bold=True)
        if item is not None:
            source = item.source_text
            if len(source) > SOURCE_SHOWN:
                source = source[:SOURCE_SHOWN] + "…"
            cursor.insertText("   " + shown(source.replace("\n", " ")), _muted())
        if change.target is not None:
            before, after = change.target
            detail_line(cursor)
            write_text(cursor, self.tr("Translation: "))
            language = item.target if item is not None else None
            if language is None:
                write_text(cursor, after)
            else:
                write_pieces(cursor, diff(before, after, language))
        if change.approve:
            detail_line(cursor)
            write_text(cursor, fill(self.tr("Status: %1"), status_text(TargetStatus.APPROVED)))
        if change.flag:
            detail_line(cursor)
            status = status_text(TargetStatus.NEEDS_REVIEW)
            write_text(cursor, fill(self.tr("Status: %1 (%2)"), status, flag_text(change.flag)))
        for author, body in change.new_comments:
            detail_line(cursor)
            who = author or self.tr("(no author)")
            write_text(cursor, fill(self.tr("New comment by %1: "), who))
            write_text(cursor, body, italic=True)
        comments = {comment.id: comment.text for comment in item.comments} if item is not None else {}
        for comment_id, done in change.resolved:
            detail_line(cursor)
            label = self.tr("Comment resolved: ") if done else self.tr("Comment reopened: ")
            write_text(cursor, label)
            write_text(cursor, comments.get(comment_id, comment_id), italic=True)

"""An item's comment threads under the item editor: the comments thread by thread (replies indented under what
they answer), filtered open/resolved, and the field and buttons to comment, reply and resolve or reopen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing import edits
from briefing.language.times import local_time
from briefing.model import Comment, Item
from briefing.threads import Shown, entries
from ui.labels import fill
from ui.qt import named


class CommentThread(QWidget):
    """The comments of the item the editor shows; every change is an edit made through `apply`, signed by
    `reviewer()`."""

    def __init__(
        self,
        item: Callable[[], Item | None],
        apply: Callable[[edits.Edit], bool],
        reviewer: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._item, self._apply, self._reviewer = item, apply, reviewer
        self.comments = named(QListWidget(), "comments")
        self.comments.setMaximumHeight(130)
        self.comments.setWordWrap(True)
        self.comments.currentRowChanged.connect(lambda _row: self.update_buttons())
        self.comment_field = named(QLineEdit(), "commentField")
        self.comment_field.returnPressed.connect(self.add_comment)
        self.comment_field.textChanged.connect(lambda _text: self.update_buttons())
        self.add_comment_button = named(QPushButton(), "addComment")
        self.add_comment_button.clicked.connect(self.add_comment)
        self.reply_button = named(QPushButton(), "replyComment")
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button = named(QPushButton(), "resolveComment")
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.comment_filter = named(QComboBox(), "commentFilter")
        self.comment_filter.currentIndexChanged.connect(lambda _index: self.show_comments())
        row = QHBoxLayout()
        row.addWidget(self.comment_filter)
        row.addWidget(self.comment_field, 1)
        for button in (self.add_comment_button, self.reply_button, self.resolve_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.comments)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.comment_field.setPlaceholderText(self.tr("Add a comment on this item…"))
        self.add_comment_button.setText(self.tr("Comment"))
        self.reply_button.setText(self.tr("Reply"))
        self.reply_button.setToolTip(self.tr("Answer the selected comment with the text typed"))
        shown = self.comment_filter.currentData()
        self.comment_filter.blockSignals(True)
        self.comment_filter.clear()
        for choice, name in (
            (Shown.ALL, self.tr("All comments")),
            (Shown.OPEN, self.tr("Open")),
            (Shown.RESOLVED, self.tr("Resolved")),
        ):
            self.comment_filter.addItem(name, choice.value)
        self.comment_filter.setCurrentIndex(max(0, self.comment_filter.findData(shown)))
        self.comment_filter.blockSignals(False)

    def show_comments(self, chosen: str | None = None) -> None:
        """The item's comments thread by thread, filtered by the open/resolved choice; the chosen comment (by id)
        stays chosen."""
        item = self._item()
        current = self.comments.currentItem()
        chosen = chosen or (current.data(Qt.ItemDataRole.UserRole) if current is not None else None)
        self.comments.clear()
        if item is None:
            self.update_buttons()
            return
        shown = Shown(self.comment_filter.currentData() or Shown.ALL.value)
        for entry in entries(item.comments, shown):
            comment = entry.comment
            state = " (" + self._resolution(comment) + ")" if comment.resolved else ""
            indent = "    " * entry.depth + ("↳ " if entry.depth else "")
            line = QListWidgetItem(
                f"{indent}{comment.author} · {local_time(comment.created)}{state}\n{indent}{comment.text}"
            )
            line.setData(Qt.ItemDataRole.UserRole, comment.id)
            if comment.resolved:
                line.setForeground(QColor("#777777"))
            self.comments.addItem(line)
            if comment.id == chosen:
                self.comments.setCurrentItem(line)
        self.update_buttons()

    def _resolution(self, comment: Comment) -> str:
        if comment.resolved_at is None:
            return self.tr("resolved")
        when = local_time(comment.resolved_at)
        if comment.resolved_by:
            return fill(self.tr("resolved by %1 on %2"), comment.resolved_by, when)
        return fill(self.tr("resolved on %1"), when)

    def add_comment(self) -> bool:
        """The comment field's text as a new comment on this item, by the author set in Settings."""
        item, text = self._item(), self.comment_field.text().strip()
        if item is None or not text:
            return False
        if not self._apply(edits.add_comment(item.id, self._reviewer(), text)):
            return False
        self._added()
        return True

    def reply(self) -> bool:
        """The comment field's text as a reply to the selected comment, in its thread."""
        item, chosen = self._item(), self.chosen_comment()
        text = self.comment_field.text().strip()
        if item is None or chosen is None or not text:
            return False
        if not self._apply(edits.reply(item.id, chosen.id, self._reviewer(), text)):
            return False
        self._added()
        return True

    def _added(self) -> None:
        """After a comment or a reply: the field emptied, every comment shown, the new one chosen."""
        self.comment_field.clear()
        item = self._item()
        if item is not None:
            self.comment_filter.setCurrentIndex(self.comment_filter.findData(Shown.ALL.value))
            self.show_comments(chosen=item.comments[-1].id)

    def toggle_resolved(self) -> None:
        """Resolve the selected comment, or reopen it when it is resolved."""
        item, chosen = self._item(), self.chosen_comment()
        if item is None or chosen is None:
            return
        if self._apply(edits.resolve_comment(item.id, chosen.id, not chosen.resolved, self._reviewer())):
            self.show_comments(chosen=chosen.id)

    def chosen_comment(self) -> Comment | None:
        item, current = self._item(), self.comments.currentItem()
        if item is None or current is None:
            return None
        chosen = current.data(Qt.ItemDataRole.UserRole)
        return next((c for c in item.comments if c.id == chosen), None)

    def update_buttons(self) -> None:
        item, chosen = self._item(), self.chosen_comment()
        typed = bool(self.comment_field.text().strip())
        self.add_comment_button.setEnabled(item is not None and typed)
        self.reply_button.setEnabled(chosen is not None and typed)
        self.resolve_button.setEnabled(chosen is not None)
        self.resolve_button.setText(self.tr("Reopen") if chosen is not None and chosen.resolved else self.tr("Resolve"))

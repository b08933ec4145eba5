"""A read-only strip showing a word diff (briefing/compare/diff.py): deletions struck through in red, insertions
underlined in green, kept text plain. Colour is never the only mark (strike-through and underline), so the
strip reads in grey-scale print and for colour-blind reviewers."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from briefing.compare.diff import Change, Piece

DELETED_COLOUR = "#b3261e"
INSERTED_COLOUR = "#1b6e33"


def piece_format(change: Change) -> QTextCharFormat:
    """How one kind of piece looks."""
    shown = QTextCharFormat()
    if change is Change.DELETED:
        shown.setFontStrikeOut(True)
        shown.setForeground(QColor(DELETED_COLOUR))
        shown.setBackground(QColor("#fbe4e2"))
    elif change is Change.INSERTED:
        shown.setFontUnderline(True)
        shown.setForeground(QColor(INSERTED_COLOUR))
        shown.setBackground(QColor("#e3f3e6"))
    return shown


class DiffView(QTextEdit):
    """The pieces of a diff, one after another, with their marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMaximumHeight(64)
        self.setTabChangesFocus(True)
        self.pieces: list[Piece] = []

    def show_pieces(self, pieces: list[Piece]) -> None:
        self.pieces = list(pieces)
        self.clear()
        cursor = QTextCursor(self.document())
        for piece in pieces:
            cursor.insertText(piece.text, piece_format(piece.change))
        self.moveCursor(QTextCursor.MoveOperation.Start)

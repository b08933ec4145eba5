"""A read-only strip showing a word diff (briefing/compare/diff.py) with the marks of ui/diff_marks.py:
deletions struck through on red, insertions underlined on green, kept text plain — colour is never the only
mark, so the strip reads in grey-scale print and for colour-blind reviewers."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from briefing.compare.diff import Piece
from ui.diff_marks import write_pieces


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
        write_pieces(QTextCursor(self.document()), self.pieces)
        self.moveCursor(QTextCursor.MoveOperation.Start)

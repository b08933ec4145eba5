"""Word diffs (briefing/compare/diff.py) written into a QTextDocument: what was deleted struck through on red,
what was inserted underlined on green, so the marks survive without colour too.

The text goes in through QTextCursor, never as HTML, so that markup in a briefing or a review file is shown as
the characters it is. Control characters (a terminal escape in a hostile file) are shown as their Unicode
pictures and invisible direction controls as a visible mark, one character for one, so a person sees what the
file holds and the marks stay on the characters they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor

from briefing.compare.diff import Change, Piece

DELETED_BACKGROUND = QColor("#f8d0d0")
DELETED_FOREGROUND = QColor("#8b1a1a")
INSERTED_BACKGROUND = QColor("#c8ecc8")
INSERTED_FOREGROUND = QColor("#135e13")

# C0 controls but tab and line feed, DEL and C1; direction embeddings, overrides, isolates and marks, zero-width
# characters (a "Trojan Source" text reads differently from what it holds).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
DETAIL_INDENT = 18.0  # pixels: the lines under an item's heading, wrapped lines too
INVISIBLE_MARK = "\u2b1a"  # ⬚ a dotted square: "an invisible character is here"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (␛ for escape, ␍ for carriage return)
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # a C1 control


def shown(text: str) -> str:
    """`text` as it is shown: the same length, controls and invisible characters made visible."""
    return _INVISIBLE.sub(INVISIBLE_MARK, _CONTROL.sub(_picture, text))


def piece_format(change: Change, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """The character format of a piece of a diff."""
    chosen = QTextCharFormat(base) if base is not None else QTextCharFormat()
    if change is Change.DELETED:
        chosen.setFontStrikeOut(True)
        chosen.setBackground(DELETED_BACKGROUND)
        chosen.setForeground(DELETED_FOREGROUND)
    elif change is Change.INSERTED:
        chosen.setFontUnderline(True)
        chosen.setBackground(INSERTED_BACKGROUND)
        chosen.setForeground(INSERTED_FOREGROUND)
    return chosen


def write_pieces(cursor: QTextCursor, pieces: Iterable[Piece], base: QTextCharFormat | None = None) -> None:
    """Insert the pieces of a diff at the cursor, each in its format."""
    for piece in pieces:
        cursor.insertText(shown(piece.text), piece_format(piece.change, base))


def detail_line(cursor: QTextCursor) -> None:
    """Start a line under a heading: indented, its wrapped lines too."""
    block = QTextBlockFormat()
    block.setLeftMargin(DETAIL_INDENT)
    cursor.insertBlock(block)


def write_text(cursor: QTextCursor, text: str, bold: bool = False, italic: bool = False) -> None:
    chosen = QTextCharFormat()
    if bold:
        chosen.setFontWeight(QFont.Weight.Bold)
    chosen.setFontItalic(italic)
    cursor.insertText(shown(text), chosen)


def is_deleted(chosen: QTextCharFormat) -> bool:
    """Whether a character format marks deleted text (for the tests and the screenshots' checks)."""
    return chosen.fontStrikeOut() and chosen.background().color() == DELETED_BACKGROUND


def is_inserted(chosen: QTextCharFormat) -> bool:
    return chosen.fontUnderline() and chosen.background().color() == INSERTED_BACKGROUND

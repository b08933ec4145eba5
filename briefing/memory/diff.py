"""What differs between a memory unit's source and the text being translated, for showing a fuzzy match.

Korean is compared character by character (a changed particle or number is one or two characters); English
word by word, spaces and punctuation being pieces of their own, so that "23rd" against "22nd" marks one word.
Texts longer than `MAX_TOKENS` pieces are not compared (the result says everything changed): difflib is
quadratic at worst, and a fuzzy match of such a text is not read piece by piece anyway.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from briefing.model import Language

MAX_TOKENS = 4000
_ENGLISH = re.compile(r"[^\W_]+|\s+|[\W_]", re.UNICODE)


class Change(StrEnum):
    SAME = "same"
    DELETED = "deleted"  # in the unit's source only: the memory's text had it
    INSERTED = "inserted"  # in the current text only: the match does not cover it


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


def tokens(text: str, language: Language) -> list[str]:
    """The pieces compared: characters for Korean, words, runs of spaces and single marks for English."""
    return list(text) if language is Language.KO else _ENGLISH.findall(text)


def diff(old: str, new: str, language: Language) -> list[Piece]:
    """How `old` (a memory unit's source) becomes `new` (the current source), as adjacent pieces; joining the
    SAME and DELETED pieces gives `old`, the SAME and INSERTED pieces give `new`."""
    a, b = tokens(old, language), tokens(new, language)
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        return _merged([Piece(Change.DELETED, old), Piece(Change.INSERTED, new)])
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece(Change.SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece(Change.DELETED, "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece(Change.INSERTED, "".join(b[j1:j2])))
    return _merged(pieces)


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Adjacent pieces of the same change joined, empty ones dropped."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].change is piece.change:
            out[-1] = Piece(piece.change, out[-1].text + piece.text)
        else:
            out.append(piece)
    return out

"""What differs between a memory unit's source and the text being translated, for showing a fuzzy match.

The word diff of the compare package (briefing/compare/diff.py), kept under this name for the memory's callers:
English word by word; Korean eojeol by eojeol and, inside a changed eojeol that is still mostly the same word, by
character (a changed particle or number is one or two characters). Long texts are cut at anchors, and what is
still too long to compare is shown as replaced: difflib is quadratic at worst.
"""

from __future__ import annotations

from briefing.compare.diff import MAX_TOKENS, Change, Piece, diff, tokens

__all__ = ["MAX_TOKENS", "Change", "Piece", "diff", "tokens"]

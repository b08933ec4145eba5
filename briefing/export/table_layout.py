"""How tall a table row will be, estimated from its text, and where to cut an item taller than a page into rows.

Word and LibreOffice lay out the page themselves; these estimates only decide which rows may not split (short
ones: moving one to the next page leaves less than a quarter page empty) and which items are cut into rows that
continue with "(계속)"/"(continued)" (items taller than most of a page). Pure functions, shared by the writers.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Sequence

LINE_HEIGHT_EM = 1.45  # a line of Hangul text in the CJK fonts: about 1.45 of the font size


def character_width_em(character: str) -> float:
    """Wide (Hangul, CJK, full-width symbols) 1, spaces 0.3, the rest about 0.5."""
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return 1.0
    if character.isspace():
        return 0.3
    return 0.52


# Each character's width, measured once (a table of every item's rows asks for millions of characters).
_WIDTHS: dict[str, float] = {}


@functools.lru_cache(maxsize=4096)
def text_width_em(text: str) -> float:
    """The width of a text in ems: the sum of its characters' widths (`character_width_em`)."""
    widths = _WIDTHS
    width = 0.0
    for character in text:
        known = widths.get(character)
        if known is None:
            known = widths[character] = character_width_em(character)
        width += known
    return width


def text_lines(text: str, width_em: float) -> int:
    """Lines a paragraph's text takes in a column `width_em` wide (each manual line break starts a line)."""
    width_em = max(width_em, 1.0)
    return sum(max(1, math.ceil(text_width_em(line) / width_em)) for line in text.split("\n"))


def cut(heights: Sequence[float], budget: float) -> list[int]:
    """Where a run of paragraphs of these heights is cut into pieces no taller than `budget` (a piece of one
    paragraph may be taller): the start index of every piece but the first."""
    cuts: list[int] = []
    used = 0.0
    for index, height in enumerate(heights):
        if used and used + height > budget:
            cuts.append(index)
            used = 0.0
        used += height
    return cuts


def pieces(count: int, cuts: Sequence[int]) -> list[range]:
    """The index ranges of a cut run of `count` paragraphs."""
    bounds = [0, *cuts, count]
    return [range(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]

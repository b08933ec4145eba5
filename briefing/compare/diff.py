"""What differs between two texts of one language, as pieces a person reads: kept, deleted, inserted.

English is compared word by word, spaces and punctuation being pieces of their own, so that "23rd" against
"22nd" marks one word. Korean is compared eojeol by eojeol first (space-separated words with their particles;
punctuation stands apart in both languages); a changed eojeol that is still mostly the same word is then
compared character by character, so that a changed particle or number is marked as the one or two characters
it is ("제22차" → "제23차" marks "2" → "3", "회의를" → "회의에서" the particle), while a wholly different word
is one replacement rather than a salad of characters: an eojeol is refined only when at least half its
characters survive (`SURVIVING`).

difflib is quadratic at worst, so the text is never handed to it whole when long: the common beginning and end
are taken off first (one change in a long text costs nothing); a middle of more than `MAX_TOKENS` words is cut
at anchors (runs of words found once in each text, as patience diff does) and the stretches between them are
compared on their own; a stretch still too long is shown as replaced. The result is always exact: joining the
SAME and DELETED pieces gives the old text, the SAME and INSERTED pieces the new one.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from briefing.model import Language

MAX_TOKENS = 4000  # words (and spaces) handed to difflib at once
MAX_PAIRS = 20_000  # pairs of equal words (see `_pairs`) handed to difflib at once
MAX_WORD_CHARS = 64  # an eojeol longer than this is not compared character by character
MAX_PAIRING = 1600  # old × new eojeol of one changed stretch paired by similarity; more are paired by position
ANCHOR = 8  # tokens (about four words) in a run that anchors a long text
SURVIVING = 0.5  # an eojeol is refined by character when at least this share of its characters survives

_WORDS = re.compile(r"[^\W_]+|\s+|[\W_]", re.UNICODE)


class Change(StrEnum):
    SAME = "same"
    DELETED = "deleted"  # in the old text only
    INSERTED = "inserted"  # in the new text only


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


def tokens(text: str, language: Language) -> list[str]:
    """The words compared, in either language: runs of letters and digits (a Korean eojeol with its particle,
    "제23차", "D"), runs of spaces, and single marks ("." "(" "▵"). The language decides only whether a changed
    word is refined by character."""
    del language  # the same units in both languages; kept in the signature for the memory's callers
    return _WORDS.findall(text)


def diff(old: str, new: str, language: Language) -> list[Piece]:
    """How `old` becomes `new`, as adjacent pieces (see the module's docstring)."""
    if old == new:
        return [Piece(Change.SAME, old)] if old else []
    return _merged(_words(old, new, language, coarse=True))


def old_text(pieces: list[Piece]) -> str:
    return "".join(piece.text for piece in pieces if piece.change is not Change.INSERTED)


def new_text(pieces: list[Piece]) -> str:
    return "".join(piece.text for piece in pieces if piece.change is not Change.DELETED)


def changed(pieces: list[Piece]) -> bool:
    return any(piece.change is not Change.SAME for piece in pieces)


# -- levels ----------------------------------------------------------------------------------------------


def _replaced(old: str, new: str) -> list[Piece]:
    return [Piece(Change.DELETED, old), Piece(Change.INSERTED, new)]


def _trimmed(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many tokens the two lists share at their start, and then at their end."""
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, end


def _pairs(a: list[str], b: list[str]) -> int:
    """How many (old, new) positions hold the same word, spaces aside: what difflib's work grows with (a text of
    few distinct words, "a b a b …", makes it cubic)."""
    in_b = Counter(token for token in b if not token.isspace())
    return sum(in_b[token] for token in a if not token.isspace())


# How a replaced stretch of tokens is shown, given both stretches and whether they were too long to compare.
Refine = Callable[[list[str], list[str], bool], list[Piece]]


def _aligned(a: list[str], b: list[str], refine: Refine) -> list[Piece]:
    """Trim what both share at the ends, compare the middle with difflib, refine each replaced stretch."""
    if a == b:
        return [Piece(Change.SAME, "".join(a))]
    start, end = _trimmed(a, b)
    pieces = [Piece(Change.SAME, "".join(a[:start]))]
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    if len(middle_a) + len(middle_b) > 2 * MAX_TOKENS or _pairs(middle_a, middle_b) > MAX_PAIRS:
        pieces += refine(middle_a, middle_b, True)
    else:
        matcher = difflib.SequenceMatcher(str.isspace, middle_a, middle_b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                pieces.append(Piece(Change.SAME, "".join(middle_a[i1:i2])))
            else:
                pieces += refine(middle_a[i1:i2], middle_b[j1:j2], False)
    pieces.append(Piece(Change.SAME, "".join(a[len(a) - end :])))
    return pieces


def _words(old: str, new: str, language: Language, coarse: bool) -> list[Piece]:
    a, b = tokens(old, language), tokens(new, language)

    def refine(x: list[str], y: list[str], too_long: bool) -> list[Piece]:
        if too_long:
            return _anchored(x, y, refine) if coarse else _replaced("".join(x), "".join(y))
        if language is Language.KO:
            return _eojeol(x, y)
        return _replaced("".join(x), "".join(y))

    return _aligned(a, b, refine)


def _anchored(a: list[str], b: list[str], refine: Refine) -> list[Piece]:
    """A long stretch cut at anchors: runs of `ANCHOR` tokens found exactly once in each text, kept in order (the
    longest chain, as patience diff does); the stretches between anchors are compared on their own, and one
    still too long is shown as replaced. Linear but for the sort."""

    def between(x: list[str], y: list[str], too_long: bool) -> list[Piece]:
        return _replaced("".join(x), "".join(y)) if too_long else refine(x, y, False)

    pieces: list[Piece] = []
    i = j = 0
    for ai, bj in _anchors(a, b):
        pieces += _aligned(a[i:ai], b[j:bj], between)
        pieces.append(Piece(Change.SAME, "".join(a[ai : ai + ANCHOR])))
        i, j = ai + ANCHOR, bj + ANCHOR
    return pieces + _aligned(a[i:], b[j:], between)


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    def unique(tokens: list[str]) -> dict[tuple[str, ...], int]:
        seen: dict[tuple[str, ...], int] = {}
        for index in range(len(tokens) - ANCHOR + 1):
            if not tokens[index].isspace():  # runs start at words: half the work, as many anchors
                key = tuple(tokens[index : index + ANCHOR])
                seen[key] = -1 if key in seen else index
        return seen

    in_a, in_b = unique(a), unique(b)
    common = sorted((i, in_b[key]) for key, i in in_a.items() if i >= 0 and in_b.get(key, -1) >= 0)
    chain = _longest_chain(common)
    anchors: list[tuple[int, int]] = []
    for i, j in chain:  # anchors of overlapping runs: keep the first
        if not anchors or (i >= anchors[-1][0] + ANCHOR and j >= anchors[-1][1] + ANCHOR):
            anchors.append((i, j))
    return anchors


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs (sorted by their first number) whose second numbers increase too."""
    tails: list[int] = []  # tails[k]: the smallest second number ending a chain of length k + 1
    tail_index: list[int] = []  # and the index of its pair
    previous = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k:
            previous[index] = tail_index[k - 1]
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k], tail_index[k] = j, index
    chain: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


# -- Korean: eojeol, then characters -------------------------------------------------------------------


def _similarity(a: str, b: str) -> float:
    """The share of characters two eojeol have in common (0 for eojeol too long to compare)."""
    if len(a) > MAX_WORD_CHARS or len(b) > MAX_WORD_CHARS:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SURVIVING or matcher.quick_ratio() < SURVIVING:
        return 0.0
    return matcher.ratio()


def _eojeol(a: list[str], b: list[str]) -> list[Piece]:
    """A replaced stretch of eojeol (and spaces): pairs of similar eojeol, in order, are compared by character;
    the rest are whole deletions and insertions. The pairs are the order-keeping choice with the largest total
    similarity (a small dynamic programme; a long stretch is paired by position)."""
    if len(a) * len(b) > MAX_PAIRING:
        pairs = [(i, i) for i in range(min(len(a), len(b))) if _similarity(a[i], b[i]) >= SURVIVING]
    else:
        pairs = _best_pairs(a, b)
    pieces: list[Piece] = []
    i = j = 0
    for pi, pj in pairs:
        pieces += [Piece(Change.DELETED, "".join(a[i:pi])), Piece(Change.INSERTED, "".join(b[j:pj]))]
        pieces += _characters(a[pi], b[pj])
        i, j = pi + 1, pj + 1
    pieces += [Piece(Change.DELETED, "".join(a[i:])), Piece(Change.INSERTED, "".join(b[j:]))]
    return pieces


def _best_pairs(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    score = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    similar: dict[tuple[int, int], float] = {}
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            s = _similarity(a[i], b[j])
            if s >= SURVIVING:
                similar[i, j] = s
                best = max(best, s + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        pair = similar.get((i, j))
        if pair is not None and score[i][j] == pair + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _characters(a: str, b: str) -> list[Piece]:
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece(Change.SAME, a[i1:i2]))
        else:
            pieces += [Piece(Change.DELETED, a[i1:i2]), Piece(Change.INSERTED, b[j1:j2])]
    return pieces


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Adjacent pieces of the same change joined, empty ones dropped; a deletion always before the insertion
    it stands next to (so "[-a-]{+b+}" reads the same whatever order the levels produced)."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].change is piece.change:
            out[-1] = Piece(piece.change, out[-1].text + piece.text)
        elif piece.change is Change.DELETED and out and out[-1].change is Change.INSERTED:
            if len(out) > 1 and out[-2].change is Change.DELETED:
                out[-2] = Piece(Change.DELETED, out[-2].text + piece.text)
            else:
                out.insert(len(out) - 1, piece)
        else:
            out.append(piece)
    return out

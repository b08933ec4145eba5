"""Sentence segmentation for English and Korean press-release text.

Translation models work sentence by sentence; a wrong split breaks a sentence in two ("U.S." + "Space
Force") and a missed split feeds the model a paragraph. The rules are tuned for ministry releases:
abbreviations and initialisms (U.S., D.C., Jan., No., Gen.), "(local time).", decimals, quotes and
parentheses, Korean endings (…다. …요. …음.), Korean official dates (2024. 11. 7.), and `▵`/`△` lists.

`split_sentences` returns the sentences *and* the text between them, so joining the pieces gives back
the input exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that a name, number or date follows: they never end a sentence.
NEVER_FINAL = frozenset(
    """
    mr mrs ms dr prof sr jr st mt gen lt col maj capt cpt cmdr adm brig sgt cpl pvt rep sen gov pres amb hon
    rev dept univ no nos vol fig figs p pp art sec ch approx est vs cf e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    """.split()
)
# Abbreviations that often end a sentence: they do when a sentence-opening word follows.
OFTEN_FINAL = frozenset("etc inc ltd co corp a.m p.m al".split())

# After an initialism such as "U.S." a new sentence starts only with one of these words.
SENTENCE_STARTERS = frozenset(
    "The This That These Those They It Its He She We Our Their Both Each In On At As After Before During "
    "However Meanwhile Furthermore Additionally Also A An".split()
)

_CLOSERS = "\"'”’)]」』》〉"
_END = re.compile(rf"[.!?…。！？]+[{re.escape(_CLOSERS)}]*")
_LAST_WORD = re.compile(r"[^\s(\[\"'“‘]*$")
_SPACING = re.compile(r"[ \t\u3000]*")
_NEAR = 64  # characters either side of a full stop that decide whether it ends a sentence
# compiled once: a QA run over 20,000 items decides some 80,000 full stops (re's own cache costs a lookup a call)
_DASH = re.compile(r"[-/–—]")
_NEXT_WORD = re.compile(r"[\w'’]+")
_DIGIT_END = re.compile(r"\d$")
_DIGIT = re.compile(r"\d")
_OFFICIAL_DAY_END = re.compile(r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}$")
_HANGUL_START = re.compile(r"[가-힣]")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_CAPITAL = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Piece:
    text: str
    is_sentence: bool  # False for the whitespace between sentences


def split_sentences(text: str) -> list[Piece]:
    """Sentences and the spacing between them, in order; ''.join(p.text) == text."""
    pieces: list[Piece] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if not _ends_sentence(text, match.start(), end):
            continue
        gap_end = end
        while gap_end < len(text) and text[gap_end] in " \t\u3000":
            gap_end += 1
        if gap_end == end and gap_end < len(text):
            continue  # "3.5", "a.m.", "U.S.-ROK": no space after the mark
        _append(pieces, text[start:end], text[end:gap_end])
        start = gap_end
    if start < len(text):
        _append(pieces, text[start:], "")
    return pieces


def sentences(text: str) -> list[str]:
    return [piece.text for piece in split_sentences(text) if piece.is_sentence]


def _append(pieces: list[Piece], sentence: str, gap: str) -> None:
    stripped = sentence.lstrip(" \t\u3000")
    lead = sentence[: len(sentence) - len(stripped)]
    if lead:
        pieces.append(Piece(lead, False))
    if stripped:
        pieces.append(Piece(stripped, True))
    if gap:
        pieces.append(Piece(gap, False))


def _ends_sentence(text: str, mark: int, end: int) -> bool:
    if text[mark] != ".":
        return True  # ! ? … and full-width marks always end a sentence
    # Only the text near the mark matters: looking at all of it made splitting quadratic in the text's length.
    before = text[max(0, mark - _NEAR) : mark]
    word_match = _LAST_WORD.search(before)
    if word_match is not None and word_match.start() == 0 and mark > _NEAR:
        word_match = _LAST_WORD.search(text, 0, mark)  # a word longer than the window (a link, say)
    word = word_match.group(0) if word_match else ""
    word = _DASH.split(word)[-1]  # "Korea-U.S." is about "U.S."
    after_start = _SPACING.match(text, end).end()  # type: ignore[union-attr]
    after = text[after_start : after_start + _NEAR]
    next_word = _NEXT_WORD.match(after)
    following = next_word.group(0) if next_word else ""
    if _DIGIT_END.search(before) and _DIGIT.match(after):
        return False  # inside a Korean official date: 2024. 11. 7.
    if _OFFICIAL_DAY_END.search(before):
        return False  # the day closing "2024. 11. 7."
    bare = word.lower()
    if bare in NEVER_FINAL:
        return False
    if bare in OFTEN_FINAL:
        return following in SENTENCE_STARTERS or bool(_HANGUL_START.match(following))
    if _INITIALISM.fullmatch(word):
        return following in SENTENCE_STARTERS  # an initialism: U.S., D.C., R.O.K.
    if _CAPITAL.fullmatch(word):
        return False  # a middle initial: John F. Kennedy
    return not after[:1].islower()  # "approx. five": lower case rarely opens a sentence

"""Anchors: what a Korean sentence and its English translation share whatever the language, and how alike two
sentences of different languages are (the scores the bilingual alignment adds up).

- numbers by value ("2024. 11. 7." and "November 7, 2024" both hold 2024, 11 and 7; "제23차" and "23rd" hold 23);
  English month names count as their number, 상반기/하반기 as "first/second half";
- Latin words: an acronym or a name written in Latin letters inside Korean text ("SCWG", "David Vorland") found
  among the words of the English text;
- termbase terms: the entries a `TermFinder` finds on each side (optional: the importers do not read the
  termbase themselves, the caller passes a finder, e.g. built on `briefing.terms`);
- the length ratio (Gale-Church: a translation's length is proportional to its source's, with a variance), against
  the ratio of the two whole documents;
- the item type the structure recognition gave each side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefing.model import ItemType, Language

TermFinder = Callable[[str, Language], Iterable[str]]
"""The ids of the termbase entries found in a text of a language (the same id on both sides: one entry)."""

PROFILED_CHARS = 4000  # an item is profiled from its first characters: bounded time for a hostile 1 MB line
LENGTH_SIGMA = 0.45  # spread of log(length ratio) around the documents' ratio for a true pair

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+")
_MONTH = re.compile(
    r"(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?"
    r"(?![A-Za-z])"
)  # capitalised only: "may" the verb is no month
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_HALF_KO = {"상반기": "h1", "하반기": "h2"}
_HALF_EN = re.compile(r"\b(first|second|1st|2nd)\s+half\b", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]{2,}")
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]+(?![a-z])")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Profile:
    """What alignment compares of one item: its length without spaces and its anchors.

    `numbers` are written alike in both languages (digits; "h1"/"h2" for a half year); `terms` are the ids of
    the termbase entries found. `latin` is, for Korean, the Latin words written in it (lower case) and, for
    English, its acronyms; `words` is, for English, every Latin word (where a Korean side's Latin words are
    looked for)."""

    length: int
    numbers: frozenset[str]
    latin: frozenset[str]
    words: frozenset[str]
    terms: frozenset[str] = frozenset()
    kind: ItemType = ItemType.PARAGRAPH

    @property
    def anchors(self) -> int:
        return len(self.numbers) + len(self.latin) + len(self.terms)


def profile(
    text: str, language: Language, kind: ItemType = ItemType.PARAGRAPH, terms: TermFinder | None = None
) -> Profile:
    text = text[:PROFILED_CHARS]
    numbers = {str(int(n.replace(",", ""))) for n in _NUMBER.findall(text) if len(n) <= 12}
    found_terms = frozenset(terms(text, language)) if terms is not None else frozenset()
    if language is Language.KO:
        numbers |= {half for word, half in _HALF_KO.items() if word in text}
        latin = frozenset(word.lower() for word in _LATIN.findall(text))
        words = latin
    else:
        numbers |= {str(_MONTHS.index(m.group(1).lower()) + 1) for m in _MONTH.finditer(text)}
        numbers |= {"h1" if m.group(1).lower() in ("first", "1st") else "h2" for m in _HALF_EN.finditer(text)}
        latin = frozenset(word.lower() for word in _ACRONYM.findall(text) if not word.isdigit())
        words = frozenset(word.lower() for word in _LATIN.findall(text))
    length = len(_SPACE.sub("", text))
    return Profile(length, frozenset(numbers), latin, words, found_terms, kind)


def merged(profiles: Iterable[Profile]) -> Profile:
    """One profile for a run of items (a section): the union of their anchors, the sum of their lengths."""
    length = 0
    numbers: set[str] = set()
    latin: set[str] = set()
    words: set[str] = set()
    terms: set[str] = set()
    for one in profiles:
        length += one.length
        numbers |= one.numbers
        latin |= one.latin
        words |= one.words
        terms |= one.terms
    return Profile(length, frozenset(numbers), frozenset(latin), frozenset(words), frozenset(terms))


def anchor_agreement(ko: Profile, en: Profile) -> float | None:
    """The share of the anchors of either side that the other side has too; None when neither has any."""
    # An English acronym the Korean does not write (it spelled the name out) weighs half: English often adds one;
    # a term found on one side only (the translator chose other words than the termbase's) weighs a quarter.
    both = len(ko.numbers & en.numbers) if ko.numbers and en.numbers else 0
    total: float = len(ko.numbers) + len(en.numbers) - both + len(ko.latin)
    if en.latin:
        total += 0.5 * len(en.latin - ko.latin)
    shared = both + (len(ko.latin & en.words) if ko.latin else 0)
    if ko.terms or en.terms:
        terms = len(ko.terms & en.terms)
        total += terms + 0.25 * (len(ko.terms) + len(en.terms) - 2 * terms)
        shared += terms
    if total == 0 or (shared == 0 and total < 1):
        return None
    return shared / total


def length_agreement(ko_length: int, en_length: int, ratio: float) -> float:
    """1 when the English is as much longer than the Korean as the whole documents are, falling off as a normal
    curve in the log of the ratio (a sentence twice as long as expected: about 0.3)."""
    deviation = math.log((en_length + 8) / (ratio * (ko_length + 8)))
    return math.exp(-(deviation**2) / (2 * LENGTH_SIGMA**2))


def type_agreement(a: ItemType, b: ItemType) -> float:
    if a is b:
        return 1.0
    if (a is ItemType.NOTE) != (b is ItemType.NOTE):
        return 0.0
    return 0.6 if ItemType.PARAGRAPH in (a, b) else 0.4


def pair_score(ko: Profile, en: Profile, ratio: float) -> float:
    """How likely two items translate each other, 0–1, from their own texts: anchors weigh most; without any
    anchor on either side the score stays below 0.75 (length and type alone prove little)."""
    length = length_agreement(ko.length, en.length, ratio)
    kind = type_agreement(ko.kind, en.kind)
    anchors = anchor_agreement(ko, en)
    if anchors is None:
        return 0.15 + 0.45 * length + 0.15 * kind
    return 0.5 * anchors + 0.3 * length + 0.2 * kind

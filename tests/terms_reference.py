"""The term matcher as it was at ed51923 (briefing/terms/matching.py), kept unchanged as the reference that
tests/test_terms_fast.py holds the faster matcher to: the same hits, spans, entries, terms and particles.

Its own docstring follows. Finding terms in Korean and English text, fast enough to run on every keystroke.

Both languages are matched on a normalised copy of the text that remembers, for each of its characters, where it
came from, so that hits are spans of the text as written.

Korean (rules, measured against a morphological analyser in bench/terms_bench.py):
- spaces do not count ("국방우주정책 실무협의회" = "국방우주정책실무협의회"); "·", "ㆍ", "・" are one dot; full-width
  letters are their ASCII selves (NFKC);
- a term starts a word: the character before it is not a letter or digit ("미국방부" does not hold "국방부"),
  unless a term (with its particle) ends right there ("한미국방부" after "한미" is a hit);
- a term ends a word: what follows is the end, a space or punctuation; or up to two particles from
  `briefing.language.particles` and then such a boundary ("국방부와의", "국방부에서만"); or a listed suffix such as
  장관/측/대표단 ("국방부장관은"); or another known term ("국방부우주정책과" when "우주정책과" is one);
- an acronym in parentheses right after the name is part of the hit: "한미 국방우주정책 실무협의회(SCWG)는".

English:
- case-insensitive, except acronyms (the acronym field, or a term written in capitals such as "ICBM"), which must
  match exactly; hyphens, dashes and spaces are one separator (Korea-U.S. = Korea–U.S. = Korea U.S.); curly and
  straight apostrophes are one;
- words are whole: no "SCM" inside "SCMX"; plural and possessive endings (-s, -es, -ies, 's, s') belong to the hit;
- "Security Consultative Meeting (SCM)" is one hit.

Among hits the longest wins, then the earliest; hits never overlap. Where two entries share a form, the one given
first wins (the stack gives them in priority order).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefing.language.particles import PARTICLES
from briefing.model import Language
from briefing.terms.model import Entry, Hit, Term

# Words that may follow a Korean term directly inside a compound ("국방부장관", "미국측", "한국대표단").
KOREAN_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            "장관",
            "차관",
            "차관보",
            "대변인",
            "대표",
            "대표단",
            "관계자",
            "당국",
            "측",
            "청장",
            "본부",
            "사령관",
            "사령부",
            "국장",
            "과장",
            "실장",
            "단장",
            "위원장",
            "대사",
            "대사관",
            "공동성명",
            "회의",
            "들",
            "등",
            "내",
            "간",
        },
        key=lambda word: (-len(word), word),
    )
)

_DOTS = {"ㆍ": "·", "・": "·", "･": "·", "‧": "·", "∙": "·", "•": "·"}
_DASHES = frozenset("-‐‑‒–—―−")
_APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'"}
_ENGLISH_ENDINGS = ("'s", "s'", "es", "s")
_MAX_PARTICLES = 2

_Trie = dict[str, Any]  # character → child; the key "" holds the forms that end here


@lru_cache(maxsize=4096)
def _nfkc(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _is_word_char(char: str) -> bool:
    return char.isalnum() and char not in _DOTS  # "ㆍ" is a Hangul letter to Unicode, a separator to a reader


_PLAIN_KOREAN = re.compile(r"[^\s가-힣\x00-\x7f]")  # a text without these needs only its spaces taken out
_PLAIN_ENGLISH = re.compile(r"[^\x00-\x7f]")
_WORDS = re.compile(r"\S+")
# _is_word_char as a character class: \w is isalnum() and "_"; the dots are separators, "ㆍ" a letter to Unicode
_WORD_STARTS = re.compile(r"(?<![^\W_" + "".join(_DOTS) + r"])[^ ]")
_ENGLISH_GAPS = re.compile(r"[\s-]+")


def normalise_korean(text: str) -> tuple[str, list[int]]:
    """Text as Korean terms are compared: no spaces, one dot, NFKC; with each character's index in `text`."""
    if not _PLAIN_KOREAN.search(text):  # the usual case, several times faster than going character by character
        pieces = []
        places: list[int] = []
        for word in _WORDS.finditer(text):
            pieces.append(word.group())
            places.extend(range(word.start(), word.end()))
        places.append(len(text))
        return "".join(pieces), places
    return _korean_by_character(text)


def _korean_by_character(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        char = _DOTS.get(char, char)
        if char in _DASHES:
            char = "-"
        for piece in _nfkc(char) if not ("가" <= char <= "힣" or char.isascii()) else char:
            if piece.isspace():
                continue
            chars.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(chars), offsets


def normalise_english(text: str, *, fold_case: bool = True) -> tuple[str, list[int]]:
    """Text as English terms are compared: casefolded, NFKC, one apostrophe, and every run of spaces, hyphens and
    dashes as one space; with each character's index in `text`."""
    if not _PLAIN_ENGLISH.search(text):  # ASCII: the same result, several times faster
        return _normalise_ascii(text, fold_case)
    return _english_by_character(text, fold_case)


def _english_by_character(text: str, fold_case: bool) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char.isspace() or char in _DASHES:
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(index)
            continue
        char = _APOSTROPHES.get(char, char)
        if not char.isascii():
            char = _nfkc(char)
        if fold_case:
            char = char.casefold()
        for piece in char:
            chars.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(chars), offsets


def _normalise_ascii(text: str, fold_case: bool) -> tuple[str, list[int]]:
    source = text.replace("`", "'")
    if fold_case:
        source = source.lower()  # casefold() of ASCII
    pieces: list[str] = []
    places: list[int] = []
    position = 0
    for gap in _ENGLISH_GAPS.finditer(text):
        start = gap.start()
        if start > position:
            pieces.append(source[position:start])
            places.extend(range(position, start))
        if places:
            pieces.append(" ")
            places.append(start)
        position = gap.end()
    pieces.append(source[position:])
    places.extend(range(position, len(text)))
    places.append(len(text))
    return "".join(pieces), places


def _english_key(text: str, *, fold_case: bool = True) -> str:
    return normalise_english(text, fold_case=fold_case)[0].strip()


def _is_acronym_text(text: str) -> bool:
    """Capitals (and digits, dots, hyphens) only, with at least two capitals: matched case-sensitively."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class _Form:
    """One searchable form: an entry's term, or its acronym (then `acronym` is set and case matters)."""

    entry: Entry
    term: Term
    acronym: str = ""  # the acronym this form is (empty: the term's text)
    exact: str = ""  # for case-sensitive forms: the form as it must be written (normalised, not casefolded)


class TermIndex:
    """Every form of every entry, in one character trie per language; `find` walks it from each word start."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = list(entries)
        self._tries: dict[Language, _Trie] = {Language.KO: {}, Language.EN: {}}
        for entry in self.entries:
            for language in (Language.KO, Language.EN):
                self._add_entry(entry, language)

    def __len__(self) -> int:
        return len(self.entries)

    # -- building ------------------------------------------------------------------------------------
    def _add_entry(self, entry: Entry, language: Language) -> None:
        own = [t for t in entry.terms if t.language is language]
        acronyms_here = any(t.acronym for t in own)
        # Latin acronyms are written the same in both languages: SCWG in a Korean sentence, when the Korean
        # terms name none of their own.
        borrowed = [] if acronyms_here else [t for t in entry.terms if t.language is not language and t.acronym]
        for term in own:
            if term.text.strip():
                self._add_form(language, entry, term, term.text, acronym="")
        for term in [*own, *borrowed]:
            if term.acronym.strip():
                self._add_form(language, entry, term, term.acronym, acronym=term.acronym.strip())

    def _add_form(self, language: Language, entry: Entry, term: Term, text: str, acronym: str) -> None:
        if language is Language.KO:
            keys = [normalise_korean(text)[0]]
            exact = ""
        else:
            key = _english_key(text)
            keys = [key]
            if key[-1:] == "y" and key[-2:-1] not in ("a", "e", "o", "u", ""):
                keys.append(key[:-1] + "ies")  # "Agency" → "Agencies"
            case_sensitive = bool(acronym) or _is_acronym_text(text)
            exact = _english_key(text, fold_case=False) if case_sensitive else ""
        form = _Form(entry, term, acronym, exact)
        for key in keys:
            if not key:
                continue
            node = self._tries[language]
            for char in key:
                node = node.setdefault(char, {})
            forms: list[_Form] = node.setdefault("", [])
            if all(f.acronym != acronym or f.term.text != term.text for f in forms):
                forms.append(form)

    # -- searching -----------------------------------------------------------------------------------
    def find(self, text: str, language: Language) -> list[Hit]:
        """The terms in `text` (written in `language`): non-overlapping, longest first, in text order."""
        if not text or not self.entries:
            return []
        if language is Language.KO:
            return _KoreanSearch(self._tries[Language.KO], text).run()
        return _EnglishSearch(self._tries[Language.EN], text).run()


def _walk(trie: _Trie, norm: str, start: int) -> list[tuple[int, list[_Form]]]:
    """Every form that starts at `start` in `norm`: (end, forms), longest first."""
    found: list[tuple[int, list[_Form]]] = []
    node = trie
    for index in range(start, len(norm)):
        node = node.get(norm[index])  # type: ignore[assignment]
        if node is None:
            break
        forms = node.get("")
        if forms:
            found.append((index + 1, forms))
    found.reverse()
    return found


def _acronym_after(text: str, at: int, form: _Form) -> int:
    """Where "(ACRONYM)" ends if it follows position `at` of `text` (spaces allowed before it), else `at`."""
    acronym = form.acronym or form.term.acronym
    if not acronym or form.acronym:
        return at
    match = re.compile(r"[ \t]*[(（][ \t]*" + re.escape(acronym) + r"[ \t]*[)）]").match(text, at)
    return match.end() if match else at


class _KoreanSearch:
    def __init__(self, trie: _Trie, text: str) -> None:
        self.trie = trie
        self.text = text
        self.norm, self.offsets = normalise_korean(text)
        self.compact_at = {offset: i for i, offset in enumerate(self.offsets)}
        self.memo: dict[int, tuple[int, Hit] | None] = {}

    def run(self) -> list[Hit]:
        hits: list[Hit] = []
        chained: set[int] = set()  # original positions where a hit (and its particle) ended
        word_starts = {start.start() for start in _WORD_STARTS.finditer(self.text)}
        position = 0
        while position < len(self.norm):
            start = self.offsets[position]
            if start in word_starts or start in chained:
                found = self._match(position, depth=0)
                if found is not None:
                    end_compact, hit = found
                    hits.append(hit)
                    chained.update((hit.end, hit.end + len(hit.particle)))
                    position = end_compact
                    continue
            position += 1
        return hits

    def _match(self, position: int, depth: int) -> tuple[int, Hit] | None:
        """The longest acceptable hit starting at compact `position`, with the compact position after it."""
        if position in self.memo:
            return self.memo[position]
        result = None
        for end_compact, forms in _walk(self.trie, self.norm, position):
            for form in forms:
                if form.acronym and self.text[self.offsets[position] : self.offsets[end_compact - 1] + 1].replace(
                    " ", ""
                ) != form.acronym.replace(" ", ""):
                    continue
                term_end = self.offsets[end_compact - 1] + 1
                end = _acronym_after(self.text, term_end, form)
                particle = self._ending(end, depth)
                if particle is None:
                    continue
                hit = Hit(self.offsets[position], end, Language.KO, form.entry, form.term, particle)
                result = (bisect.bisect_left(self.offsets, end), hit)
                break
            if result is not None:
                break
        self.memo[position] = result
        return result

    def _boundary(self, at: int) -> bool:
        return at >= len(self.text) or not _is_word_char(self.text[at])

    def _ending(self, at: int, depth: int) -> str | None:
        """What may follow a term at `at`: "" (a boundary, a suffix or another term), the particles, or None."""
        if self._boundary(at):
            return ""
        particle = self._particles(at, _MAX_PARTICLES)
        if particle is not None:
            return particle
        rest = self.text
        for suffix in KOREAN_SUFFIXES:
            if rest.startswith(suffix, at):
                after = at + len(suffix)
                if self._boundary(after) or self._particles(after, _MAX_PARTICLES) is not None:
                    return ""
        if depth < 2 and at in self.compact_at and self._match(self.compact_at[at], depth + 1) is not None:
            return ""
        return None

    def _particles(self, at: int, budget: int) -> str | None:
        """Up to `budget` particles from `at` and then a boundary; the particles, or None."""
        for form in PARTICLES:
            if self.text.startswith(form, at):
                after = at + len(form)
                if self._boundary(after):
                    return form
                if budget > 1:
                    more = self._particles(after, budget - 1)
                    if more is not None:
                        return form + more
        return None


class _EnglishSearch:
    def __init__(self, trie: _Trie, text: str) -> None:
        self.trie = trie
        self.text = text
        self.norm, self.offsets = normalise_english(text)

    def run(self) -> list[Hit]:
        hits: list[Hit] = []
        position = 0
        for start in _WORD_STARTS.finditer(self.norm):  # a character that is not a space and follows no word character
            if start.start() < position:
                continue
            found = self._match(start.start())
            if found is not None:
                position, hit = found
                hits.append(hit)
        return hits

    def _match(self, position: int) -> tuple[int, Hit] | None:
        norm = self.norm
        for end, forms in _walk(self.trie, norm, position):
            if end > position + 1 and norm[end - 1] == " ":
                continue
            endings = (*_ENGLISH_ENDINGS, "'", "") if norm[end - 1] == "s" else (*_ENGLISH_ENDINGS, "")
            ending = next(
                (
                    e
                    for e in endings
                    if norm.startswith(e, end) and (end + len(e) >= len(norm) or not _is_word_char(norm[end + len(e)]))
                ),
                None,
            )
            if ending is None:
                if end < len(norm) and _is_word_char(norm[end - 1]) and _is_word_char(norm[end]):
                    continue
                ending = ""
            for form in forms:
                start, stop = self.offsets[position], self.offsets[end - 1] + 1
                if form.exact and _english_key(self.text[start:stop], fold_case=False) != form.exact:
                    continue
                stop = self.offsets[end + len(ending) - 1] + 1 if ending else stop
                stop = _acronym_after(self.text, stop, form)
                hit = Hit(start, stop, Language.EN, form.entry, form.term)
                after = self._norm_index(stop)
                return after, hit
        return None

    def _norm_index(self, original: int) -> int:
        """The first normalised position at or after original index `original`."""
        low, high = 0, len(self.offsets) - 1
        while low < high:
            middle = (low + high) // 2
            if self.offsets[middle] < original:
                low = middle + 1
            else:
                high = middle
        return low

"""How memory texts are compared: the exact key, placeables (numbers, dates), index grams and the fuzzy score.

Exact means equal after NFKC (full-width punctuation and digits become half-width), straight quotes and no
whitespace at all (Korean spacing varies between drafters). Numbers, ordinals and months are placeables: the
key masks them, so "제22차 …" finds "제23차 …", and `carry_over` puts the query's values into the unit's target
when the mapping is unambiguous. Fuzzy scores are rapidfuzz Indel ratios over words for English and over
characters (spaces ignored) for Korean.
"""

from __future__ import annotations

import multiprocessing
import operator
import os
import re
import unicodedata
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from briefing.language.phrases import MONTHS_EN
from briefing.model import Language

MASK = "\ue000"  # stands for a placeable in keys and grams
PARALLEL_FROM = 20_000  # texts from which `forms_many` shares the work with worker processes (an import)
WORKERS = 2
CHUNK = 2_500  # texts per task for a worker

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "「": '"', "」": '"', "·": "·"} | {MASK: "\ufffd"})
_SPACE = re.compile(r"\s+")
_MONTH_NAMES = {name.lower(): number for number, name in enumerate(MONTHS_EN, start=1)}
_FOLDS = str.maketrans("ſıİ", "sii")  # letters IGNORECASE matches to a month name's while str.lower does not
_PLACEABLE = re.compile(
    r"(?=\d|\b[jfmasond])(?:"  # what a placeable is; `_SCAN` finds the same, faster
    r"(?P<dotted>(?<!\d)\d{4}\.\s?)(?P<dmonth>\d{1,2})(?=\.\s?\d{1,2}\.)"  # 2024. 11. 7.: the month
    r"|(?P<kmonth>(?<![\d.,])\d{1,2})(?=\s?월)"  # 11월
    r"|(?P<name>\b(?:" + "|".join(MONTHS_EN) + r")\b)"  # November
    r"|(?P<number>(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]))(?P<suffix>st|nd|rd|th)?)",
    re.IGNORECASE,
)
_HEADS = {"S": "Ssſ"}  # IGNORECASE also matches the long s to an s
_FIRSTS: dict[str, list[str]] = {}
for _month in MONTHS_EN:
    _FIRSTS.setdefault(_month[0], []).append(_month[1:])
# _PLACEABLE as the scanner runs it: every match starts by consuming a digit or a month's first letter (a
# character class the regex engine skips to in C) and the branches look back at it; groups begin after it
_SCAN = re.compile(
    r"[\dJFMASONDjfmasondſ]"
    r"(?:(?<=\d)(?<!\d\d)\d{3}(?P<dot>\.\s?)(?P<dmonth>\d{1,2})(?=\.\s?\d{1,2}\.)"  # 2024. 11. 7.
    r"|(?<=\d)(?<![\d.,]\d)(?P<kmonth>\d?)(?=\s?월)"  # 11월
    r"|(?<!\w\w)(?P<name>"  # November
    + "|".join(
        f"(?<=[{_HEADS.get(first, first + first.lower())}])(?i:{'|'.join(rest)})" for first, rest in _FIRSTS.items()
    )
    + r")\b"
    r"|(?<=\d)(?<![\d.,]\d)(?P<number>(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?!\d))(?P<suffix>(?i:st|nd|rd|th))?)"
)
_WORD = re.compile(r"[^\W_]+|" + MASK)
_QUOTED = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")
_NOT_LETTER = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Placeable:
    start: int
    end: int
    kind: str  # "number" or "month"
    value: str  # canonical: digits without separators ("1500", "3.5"), a month as its number
    text: str
    suffix: str = ""  # an English ordinal suffix as written ("nd")


@lru_cache(maxsize=1024)  # a lookup compares one query with many units
def clean(text: str) -> str:
    """NFKC, straight quotes, whitespace collapsed: what every comparison starts from. A MASK character in the
    text becomes U+FFFD, so that every MASK in a key or comparable form stands for a placeable."""
    return _cleaned(text)


def _cleaned(text: str) -> str:
    """`clean` without the cache (an import sees each text once)."""
    text = unicodedata.normalize("NFKC", text)
    if _QUOTED.search(text) is not None:
        text = text.translate(_QUOTES)
    return " ".join(text.split())


def _found(text: str) -> Iterator[re.Match[str]]:
    """The placeables of `text` as `_PLACEABLE.finditer` finds them, from `_SCAN`: 1.5× faster than trying the
    pattern where a digit run or a month name starts, 3× faster on long texts."""
    return _SCAN.finditer(text)


def placeables(text: str) -> list[Placeable]:
    return list(_placeables(text))


@lru_cache(maxsize=1024)
def _placeables(text: str) -> tuple[Placeable, ...]:
    found: list[Placeable] = []
    for match in _found(text):
        start = match.start()
        if match.group("dmonth") is not None:
            # the year before the month is a number of its own
            year = match.group(0)[:4]
            found.append(Placeable(start, start + 4, "number", year, year))
            start, end = match.span("dmonth")
            found.append(Placeable(start, end, "month", str(int(match.group("dmonth"))), match.group("dmonth")))
        elif match.group("kmonth") is not None:
            found.append(Placeable(*match.span(), "month", str(int(match.group(0))), match.group(0)))
        elif match.group("name") is not None:
            found.append(
                Placeable(
                    *match.span(), "month", str(_MONTH_NAMES[match.group(0).translate(_FOLDS).lower()]), match.group(0)
                )
            )
        else:
            number = text[start : match.end("number")]
            found.append(
                Placeable(
                    start, match.end(), "number", number.replace(",", ""), match.group(0), match.group("suffix") or ""
                )
            )
    return tuple(found)


def masked(text: str) -> str:
    """The text with every placeable replaced by MASK."""
    out, last = [], 0
    for match in _found(text):
        out += [text[last : match.start()], _mask(match)]
        last = match.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _mask(match: re.Match[str]) -> str:
    dot = match.group("dot")
    return MASK if dot is None else MASK + dot + MASK  # "2024. 11" holds two placeables


def key(text: str) -> str:
    """The exact-match key: cleaned, placeables masked, no whitespace."""
    return _SPACE.sub("", masked(clean(text)))


def exact_key(text: str) -> str:
    """Equal for texts that differ only in whitespace and full/half-width forms (placeables included)."""
    return _SPACE.sub("", clean(text))


def comparable(text: str, language: Language) -> list[str] | str:
    """What the fuzzy score compares: lower-case words for English, characters without spaces for Korean."""
    text = masked(clean(text)).lower()
    if language is Language.EN:
        return _WORD.findall(text)
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class Forms:
    """Everything the store derives from a source text, from one cleaning and masking pass (import speed)."""

    key: str  # see `key`
    comparable: str  # `comparable` as stored: words joined by spaces (English), the letters (Korean)
    grams: tuple[str, ...]  # the distinct `grams`, in order of first appearance


def forms(text: str, language: Language) -> Forms:
    prepared = masked(_cleaned(text))
    lowered = prepared.lower()
    exact = "".join(prepared.split())
    if language is Language.EN:
        words = _WORD.findall(lowered)
        distinct = dict.fromkeys(words)
        distinct.pop(MASK, None)
        return Forms(exact, " ".join(words), tuple(distinct))
    letters = _NOT_LETTER.sub("", lowered)
    bigrams = tuple(dict.fromkeys(map(operator.add, letters, letters[1:])))  # C speed, as `grams` does it
    return Forms(exact, "".join(lowered.split()), bigrams or ((letters,) if letters else ()))


def forms_many(texts: Sequence[tuple[str, Language]]) -> Generator[Forms, None, None]:
    """`forms` of each text, in order. From PARALLEL_FROM texts on, WORKERS spawned processes (safe beside Qt's
    threads) compute them while the caller stores what is ready: an import's forms were half its time. Where no
    process can be started, this one computes what is left."""
    if len(texts) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from (forms(text, language) for text, language in texts)
        return
    done = 0
    pool = None
    try:
        pool = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))
        for part in pool.map(_forms_of, [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]):
            for key, comparable, grams in part:
                yield Forms(key, comparable, grams)
            done += len(part)
        pool.shutdown()
    except (OSError, BrokenProcessPool):
        pass  # no worker could be started or one died: the rest is computed here
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    yield from (forms(text, language) for text, language in texts[done:])


def _forms_of(texts: Sequence[tuple[str, Language]]) -> list[tuple[str, str, tuple[str, ...]]]:
    """A worker's task in `forms_many`: plain tuples pickle faster than Forms."""
    out = []
    for text, language in texts:
        made = forms(text, language)
        out.append((made.key, made.comparable, made.grams))
    return out


def unstored(comparable: str, language: Language) -> list[str] | str:
    """A stored `Forms.comparable` back in the form `score` takes."""
    return comparable.split() if language is Language.EN else comparable


def score(query: list[str] | str, candidate: list[str] | str) -> float:
    return float(fuzz.ratio(query, candidate))


def grams(text: str, language: Language) -> list[str]:
    """The index terms of a source text: words for English, character bigrams for Korean (placeables left out)."""
    text = masked(clean(text)).lower()
    if language is Language.EN:
        return [word for word in _WORD.findall(text) if word != MASK]
    letters = _NOT_LETTER.sub("", text)
    return [letters[i : i + 2] for i in range(len(letters) - 1)] or ([letters] if letters else [])


def carry_over(source: str, query: str, target: str) -> str | None:
    """The unit's `target` with the values that changed from `source` to `query` put in; None when that cannot
    be done unambiguously (different placeables, a value mapped two ways, a value the target does not hold
    exactly as often as the source)."""
    old, new = placeables(clean(source)), placeables(clean(query))
    if len(old) != len(new) or any(a.kind != b.kind for a, b in zip(old, new, strict=True)):
        return None
    mapping: dict[tuple[str, str], set[str]] = {}
    counts: dict[tuple[str, str], int] = {}
    for a, b in zip(old, new, strict=True):
        mapping.setdefault((a.kind, a.value), set()).add(b.value)
        counts[(a.kind, a.value)] = counts.get((a.kind, a.value), 0) + 1
    if any(len(values) > 1 for values in mapping.values()):
        return None
    changes = {k: next(iter(v)) for k, v in mapping.items() if next(iter(v)) != k[1]}
    if not changes:
        return target
    if any(kind == "month" and not 1 <= _int(value) <= 12 for (kind, _), value in changes.items()):
        return None
    in_target = placeables(target)
    for changed in changes:
        if sum((p.kind, p.value) == changed for p in in_target) != counts[changed]:
            return None
    out, last = [], 0
    for p in in_target:
        if (p.kind, p.value) in changes:
            out += [target[last : p.start], _written(p, changes[(p.kind, p.value)])]
            last = p.end
    out.append(target[last:])
    return "".join(out)


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return -1


def _written(old: Placeable, value: str) -> str:
    """`value` written the way the target wrote the value it replaces."""
    if old.kind == "month":
        return MONTHS_EN[int(value) - 1] if old.text[0].isalpha() else value
    whole, _, fraction = value.partition(".")
    if "," in old.text and len(whole) > 3:
        whole = f"{int(whole):,}"
    text = whole + (f".{fraction}" if fraction else "")
    if old.suffix:
        text += _ordinal(int(whole.replace(",", "")), old.suffix)
    return text


def _ordinal(number: int, like: str) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return suffix.upper() if like.isupper() else suffix

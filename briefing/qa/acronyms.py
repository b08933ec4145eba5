"""The same Latin acronyms on both sides (ICBM, SCWG, JCO, TTX).

An acronym on one side only is reported unless it is explained: the English spells it out in place
("Republic of Korea (ROK)", where the Korean writes the name), or the termbase knows it and finds its entry
in the other text; a currency code stands beside a sum of money on the other side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from briefing.language.values import Kind, values
from briefing.messages import register
from briefing.model import Item, Language
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "acronyms"

register(
    {
        "qa.acronyms_source_only": 'the acronym "{acronym}" is in the source only',
        "qa.acronyms_target_only": 'the acronym "{acronym}" is in the translation only',
    }
)

# two or more letters, at least two capitals and at least as many capitals as small letters: ICBM, CSpC, SPACE
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&]*[A-Z0-9](?![A-Za-z0-9])")
# names Korean writes as names (대한민국, 미국, 유엔), never as these letters
NAMES = frozenset({"ROK", "US", "USA", "UN", "DPRK", "EU", "UK", "PRC"})
# currency codes, which a sum of money on the other side explains ("KRW 1.5 million" for "150만 원")
CURRENCIES = frozenset({"KRW", "USD", "EUR", "JPY", "CNY", "GBP"})
_CAPITALISED = re.compile(r"[A-Z][A-Za-z]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def acronyms(text: str) -> list[re.Match[str]]:
    found = []
    for match in _ACRONYM.finditer(text):
        word = match.group(0)
        capitals = sum(c.isupper() for c in word)
        if capitals >= 2 and capitals * 2 >= sum(c.isalpha() for c in word):
            found.append(match)
    return found


def _spelled_out(text: str, match: re.Match[str]) -> bool:
    """ "Republic of Korea (ROK)": the words before "(ROK)" begin with its letters (small words may be skipped)."""
    if not _parenthesised(text, match):
        return False
    words = _WORD.findall(text[max(0, match.start() - 120) : match.start() - 1])
    letters = [c for c in match.group(0) if c.isupper()]
    while words and letters:
        word = words.pop()
        if word[0].upper() == letters[-1]:
            letters.pop()
        elif word.lower() not in {"of", "the", "and", "for", "on", "in", "de"}:
            return False
    return not letters


def _parenthesised(text: str, match: re.Match[str]) -> bool:
    return text[match.start() - 1 : match.start()] == "(" and text[match.end() : match.end() + 1] == ")"


def _initials_in(text: str, acronym: str) -> bool:
    """ "Task Force" in the other text for "TF": consecutive capitalised words with the acronym's letters."""
    letters = [c for c in acronym if c.isupper()]
    words = [w[0] for w in _CAPITALISED.findall(text)]
    return any(words[i : i + len(letters)] == letters for i in range(len(words) - len(letters) + 1))


@CHECKS.check(NAME)
def check_acronyms(item: Item, context: Context) -> Iterator[Finding]:
    texts = {language: item.text.get(language) for language in (Language.KO, Language.EN)}
    if not all(t.strip() for t in texts.values()):
        return
    found = {language: acronyms(text) for language, text in texts.items()}
    counts = {language: Counter(m.group(0) for m in matches) for language, matches in found.items()}
    explained: dict[Language, set[str]] = {Language.KO: set(), Language.EN: set()}  # by the other text's terms
    if context.terminology is not None:
        for language, text in texts.items():
            for hit in context.term_hits(text, language):
                explained[language.other].update(term.acronym for term in hit.entry.terms if term.acronym)
    reported: set[tuple[Language, str]] = set()
    for language, matches in found.items():
        other = counts[language.other]
        for match in matches:
            word = match.group(0)
            if word in other or word in explained[language] or (language, word) in reported:
                continue
            if language is Language.EN and word in NAMES:
                continue
            if word in CURRENCIES and any(v.kind is Kind.MONEY for v in values(texts[language.other], language.other)):
                continue
            if not _parenthesised(texts[language], match) and _initials_in(texts[language.other], word):
                continue  # "창설지원TF장" and "Task Force"; a name given with "(MCM)" must keep it
            if language is Language.EN and _spelled_out(texts[language], match):
                continue
            reported.add((language, word))
            code = "qa.acronyms_source_only" if language is item.source else "qa.acronyms_target_only"
            yield Finding(
                NAME,
                code,
                Severity.WARNING,
                item.id,
                {"acronym": word},
                (Span(language, match.start(), match.end()),),
            )

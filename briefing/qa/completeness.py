"""Is there a translation at all: empty, still in the source's script, identical to the source, sentences
missing, or far shorter or longer than Korean/English pairs are.

The length band is English letters per Korean letter (spaces and markup left out): the example briefing's 21
items lie between 2.06 and 4.10 (median 2.75), the 74 clean pairs of tests/data/qa_corpus.tsv between 1.35 and
3.90 (median 2.57; the low end is number-heavy text such as "61조 2,469억 원"). LOW and HIGH sit just outside
both. One sentence more or fewer is normal (a long Korean sentence becomes two English ones) and is reported
only with a ratio outside the soft band.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Item, Language
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "completeness"
LOW, HIGH = 1.3, 5.5  # English letters per Korean letter outside which a pair is reported
SOFT_LOW, SOFT_HIGH = 1.8, 4.4  # the band a pair with one sentence more or fewer must be in
MIN_KOREAN = 12  # Korean letters below which lengths say nothing

register(
    {
        "qa.completeness_empty": "the source has text but the translation is empty",
        "qa.completeness_untranslated": "the translation is still in the source's language",
        "qa.completeness_source_script": 'the English translation still has Korean in it: "{found}"',
        "qa.completeness_identical": "the translation is the same as the source",
        "qa.completeness_sentences": "the source has {source_count} sentences, the translation {target_count}",
        "qa.completeness_length": (
            "the English has {ratio} letters per Korean letter; pairs usually have {low} to {high}"
        ),
    }
)

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+(?:[\s\d.,·()]*[\uac00-\ud7a3\u3131-\u318e]+)*")
_WORDY = re.compile(r"[a-z]{3}")
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"\]\([^)\n]*\)|https?://\S+|⟦/?T?\d+⟧|[*_#>`\[\]]")


def _letters(text: str) -> int:
    return len(_SPACE.sub("", _MARKUP.sub("", text)))


@CHECKS.check(NAME)
def check_completeness(item: Item, context: Context) -> Iterator[Finding]:
    source, target = item.source_text, item.target_text
    if not source.strip():
        return
    if not target.strip():
        yield Finding(NAME, "qa.completeness_empty", Severity.WARNING, item.id)
        return
    if _SPACE.sub("", source) == _SPACE.sub("", target) and (_HANGUL.search(source) or _WORDY.search(source)):
        yield Finding(NAME, "qa.completeness_identical", Severity.ERROR, item.id)
        return
    english, korean = item.text.en, item.text.ko
    hangul = sum(len(m.group(0)) for m in _HANGUL.finditer(english))
    latin = len(_LATIN.findall(english))
    if item.target is Language.EN and hangul > latin:
        yield Finding(NAME, "qa.completeness_untranslated", Severity.ERROR, item.id)
        return
    if item.target is Language.KO and not _HANGUL.search(korean) and latin >= 3:
        yield Finding(NAME, "qa.completeness_untranslated", Severity.ERROR, item.id)
        return
    for left in _HANGUL.finditer(english):
        yield Finding(
            NAME,
            "qa.completeness_source_script",
            Severity.WARNING,
            item.id,
            {"found": left.group(0)},
            (Span(Language.EN, left.start(), left.end()),),
        )
    korean_letters, english_letters = _letters(korean), _letters(english)
    if korean_letters < MIN_KOREAN:
        return
    ratio = english_letters / korean_letters
    if not LOW <= ratio <= HIGH:
        yield Finding(
            NAME,
            "qa.completeness_length",
            Severity.WARNING,
            item.id,
            {"ratio": f"{ratio:.1f}", "low": f"{LOW:.1f}", "high": f"{HIGH:.1f}"},
        )
        return
    source_count, target_count = len(context.sentences(source)), len(context.sentences(target))
    gap = abs(source_count - target_count)
    if gap >= 2 or (gap == 1 and not SOFT_LOW <= ratio <= SOFT_HIGH):
        yield Finding(
            NAME,
            "qa.completeness_sentences",
            Severity.WARNING,
            item.id,
            {"source_count": source_count, "target_count": target_count},
        )

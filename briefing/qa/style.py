"""Korean style: one sentence-ending style per document (합니다 / 했다 / 함), and the official numeric date form
`2024. 11. 7.` in report-style text.

Each Korean sentence is classed by its ending: formal (…니다), plain (…다) or nominal (…함, …음, …임, …됨); a
heading or a noun phrase ("TTX 정식 참여") has no class. The style of most classed sentences is the document's;
items with a sentence in another style are reported, once per item, when the document has `MIN_SENTENCES`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Briefing, Language
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context, Scope

NAME = "style"
MIN_SENTENCES = 3

register(
    {
        "qa.style_endings": 'the sentence ending "{found}" is {style}; most of the document is {usual}',
        "qa.style_date_form": 'the date "{found}" is usually written "{official}"',
    }
)

_STYLES = {"formal": "합니다체", "plain": "했다체", "nominal": "함체"}  # the names Korean style guides use
_END = re.compile(r"([가-힣]+)[\s\"'”’)\]]*[.!?]?[\s\"'”’)\]]*$")
_NOMINAL = re.compile(r"(?:[함음임됨]|었음|였음|했음|있음|없음)$")
_DATE = re.compile(r"(?<![\d.])(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(\.?)(?![\d])")


def _style(sentence: str) -> tuple[str, str] | None:
    match = _END.search(sentence)
    if match is None:
        return None
    word = match.group(1)
    if word.endswith("니다"):
        return "formal", word
    if word.endswith("다"):
        return "plain", word
    if _NOMINAL.search(word) and len(word) >= 2:
        return "nominal", word
    return None


@CHECKS.check(NAME, Scope.BRIEFING)
def check_style(briefing: Briefing, context: Context) -> Iterator[Finding]:
    classed: list[tuple[str, list[tuple[str, str]]]] = []
    counts: Counter[str] = Counter()
    for item in briefing.items():
        korean = item.text.ko
        found = [style for s in context.sentences(korean) if (style := _style(s)) is not None]
        counts.update(style for style, _ in found)
        classed.append((item.id, found))
        for match in _DATE.finditer(korean):
            year, month, day = match.group(1), int(match.group(3)), int(match.group(4))
            official = f"{year}. {month}. {day}."
            if match.group(0) != official and 1 <= month <= 12 and 1 <= day <= 31:
                yield Finding(
                    NAME,
                    "qa.style_date_form",
                    Severity.WARNING,
                    item.id,
                    {"found": match.group(0), "official": official},
                    (Span(Language.KO, match.start(), match.end()),),
                )
    if sum(counts.values()) < MIN_SENTENCES:
        return
    usual, usual_count = counts.most_common(1)[0]
    if usual_count * 2 <= sum(counts.values()):
        return  # no style holds a majority: nothing to measure against
    for item_id, found in classed:
        other = next(((style, word) for style, word in found if style != usual), None)
        if other is not None:
            params = {"found": other[1], "style": _STYLES[other[0]], "usual": _STYLES[usual]}
            yield Finding(NAME, "qa.style_endings", Severity.WARNING, item_id, params)

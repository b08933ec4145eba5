"""The same thing said the same way: a source sentence translated differently within the briefing, one
translation used for different sources, and a translation that differs from the memory's for the same source.

A finding names the other item by its number (`other`, for the message) and by its id (`other_id`, for the
finding's key: the number changes when items move, see `briefing.qa.model.POSITION_PARAMS`).
Texts compare with spaces, case and final punctuation left out. Within the briefing the first item is the
reference and the later ones are reported, so a pair is reported once; texts under `MIN_LETTERS` (a heading,
"Korea") are left alone: short texts rightly take different renderings in different places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Briefing, Item
from briefing.qa.model import Finding, Severity
from briefing.qa.registry import CHECKS, Context, Scope

NAME = "consistency"
MIN_LETTERS = 12

register(
    {
        "qa.consistency_source": "the same source is translated differently in item {other}",
        "qa.consistency_target": "the same translation stands for a different source in item {other}",
        "qa.consistency_memory": 'the translation memory translates this source as "{memory}"',
    }
)

_IGNORED = re.compile(r"[\s.。!?！？]+")


def _key(text: str) -> str:
    return _IGNORED.sub("", text).casefold()


@CHECKS.check(NAME, Scope.BRIEFING)
def check_consistency(briefing: Briefing, context: Context) -> Iterator[Finding]:
    numbers = {
        item.id: f"{s}.{i}"
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }
    by_source: dict[tuple[str, str], Item] = {}
    by_target: dict[tuple[str, str], Item] = {}
    for item in briefing.items():
        source, target = _key(item.source_text), _key(item.target_text)
        if len(source) < MIN_LETTERS or not target:
            continue
        first = by_source.setdefault((item.source.value, source), item)
        if first is not item and _key(first.target_text) != target:
            yield Finding(
                NAME,
                "qa.consistency_source",
                Severity.WARNING,
                item.id,
                {"other": numbers[first.id], "other_id": first.id},
            )
            continue
        first = by_target.setdefault((item.target.value, target), item)
        if first is not item and _key(first.source_text) != source and len(target) >= MIN_LETTERS:
            yield Finding(
                NAME,
                "qa.consistency_target",
                Severity.WARNING,
                item.id,
                {"other": numbers[first.id], "other_id": first.id},
            )
            continue
        if context.memory is not None:
            matches = context.memory.lookup(item.source_text, item.source, minimum=100, limit=3)
            exact = [m.target for m in matches if m.score >= 100 and not m.placeables_replaced]
            if exact and all(_key(text) != target for text in exact):
                yield Finding(NAME, "qa.consistency_memory", Severity.INFO, item.id, {"memory": exact[0]})

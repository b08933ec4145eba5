"""Numbers, dates and times compared by value: a value on one side and not on the other is a finding.

Each side's values come from `briefing.language.values` under its own language's conventions. They are paired
in three passes — the same value; the same value stated less precisely on one side (a date without its year, a
clock without a.m./p.m.); the same number as another kind ("제23차" and "SCWG-23", "3일 동안" and "three days")
— and what is left is reported: a value of one kind on each side as one `differs` finding with both spans, the
rest as `missing` (in the source only) or `extra` (in the translation only). Values a word may or may not mean
("one", "first", 한, 첫) pair when they can but are never reported alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from briefing.language.values import Kind, Value, compatible, values
from briefing.messages import register
from briefing.model import Item, Language
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "numbers"

register(
    {
        "qa.numbers_differs": 'the source says "{source}" ({source_value}) where the translation says '
        '"{target}" ({target_value})',
        "qa.numbers_missing": 'the source says "{source}" ({source_value}); the translation does not',
        "qa.numbers_extra": 'the translation says "{target}" ({target_value}); the source does not',
    }
)

_NUMERIC = (Kind.COUNT, Kind.ORDINAL, Kind.DATE)


def unmatched(source: list[Value], target: list[Value]) -> tuple[list[Value], list[Value]]:
    """The values of each side that found no partner on the other, in reading order."""
    left = list(source)
    right = list(target)
    passes: list[Callable[[Value, Value], bool]] = [
        lambda a, b: a.kind is b.kind and a.key == b.key,
        compatible,
        lambda a, b: a.kind in _NUMERIC and b.kind in _NUMERIC and a.number is not None and a.number == b.number,
    ]
    for same in passes:
        if not left or not right:
            break
        still: list[Value] = []
        for value in left:
            partner = next((i for i, other in enumerate(right) if same(value, other)), None)
            if partner is None:
                still.append(value)
            else:
                del right[partner]
        left = still
    return [v for v in left if v.firm], [v for v in right if v.firm]


def compare(item_id: str, source_text: str, source: Language, target_text: str) -> Iterator[Finding]:
    """The findings for one pair of texts (both non-empty)."""
    target = source.other
    missing, extra = unmatched(values(source_text, source), values(target_text, target))
    # a value of one kind on each side is one value changed; a number counted on one side and dated or ranked
    # on the other ("7~8일" against "7–9") too
    pairs: list[tuple[Value, Value]] = []
    kinds: list[Callable[[Value, Value], bool]] = [
        lambda a, b: a.kind is b.kind,
        lambda a, b: a.number is not None and b.number is not None,
    ]
    for same in kinds:
        for a in list(missing):
            b = next((b for b in extra if same(a, b)), None)
            if b is not None:
                pairs.append((a, b))
                missing.remove(a)
                extra.remove(b)
    for a, b in pairs:
        yield Finding(
            NAME,
            "qa.numbers_differs",
            Severity.ERROR,
            item_id,
            {"source": a.text, "source_value": a.canonical(), "target": b.text, "target_value": b.canonical()},
            (Span(source, a.start, a.end), Span(target, b.start, b.end)),
        )
    for a in missing:
        yield Finding(
            NAME,
            "qa.numbers_missing",
            Severity.ERROR,
            item_id,
            {"source": a.text, "source_value": a.canonical()},
            (Span(source, a.start, a.end),),
        )
    for b in extra:
        yield Finding(
            NAME,
            "qa.numbers_extra",
            Severity.ERROR,
            item_id,
            {"target": b.text, "target_value": b.canonical()},
            (Span(target, b.start, b.end),),
        )


@CHECKS.check(NAME)
def check_numbers(item: Item, context: Context) -> Iterator[Finding]:
    if item.source_text.strip() and item.target_text.strip():
        yield from sorted(
            compare(item.id, item.source_text, item.source, item.target_text),
            key=lambda f: min(s.start for s in f.spans),
        )

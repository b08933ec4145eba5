"""Terms as the termbase wants them: a source term whose entry the translation does not render, forbidden
variants used (e.g. "Ministry of Defense" for 국방부), and one source term rendered by different terms of its
entry in different items (`term_consistency`: "Combined Forces Command" in one item, "CFC" is the same term, but
"ROK-U.S. Combined Forces Command" against an admitted "Combined Forces Command" is not). Run only when a
`Terminology` is given.

A missing rendering is only information: the termbase matches nouns well and verb forms poorly, and a
translation may rightly say "한국" where the termbase prefers "대한민국"; a forbidden variant is an error."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Briefing, Item
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context, Scope

NAME = "terminology"
CONSISTENCY = "term_consistency"

register(
    {
        "qa.terms_missing": '"{source_term}" is usually "{expected}"; the translation has no rendering of it',
        "qa.terms_forbidden": '"{found}" should not be used; the termbase says "{preferred}"',
        "qa.terms_inconsistent": '"{source_term}" is "{found}" here but "{first}" in item {other}',
    }
)


@CHECKS.check(NAME)
def check_terminology(item: Item, context: Context) -> Iterator[Finding]:
    terminology = context.terminology
    source, target = item.source_text, item.target_text
    if terminology is None or not source.strip() or not target.strip():
        return
    target_hits = context.term_hits(target, item.target)
    rendered = {hit.entry.id for hit in target_hits if not hit.forbidden}
    forbidden_entries = set()
    for hit in target_hits:
        if hit.forbidden:
            forbidden_entries.add(hit.entry.id)
            preferred = hit.target(item.target)
            yield Finding(
                NAME,
                "qa.terms_forbidden",
                Severity.ERROR,
                item.id,
                {"found": target[hit.start : hit.end], "preferred": preferred.text if preferred else ""},
                (Span(item.target, hit.start, hit.end),),
            )
    seen = set()
    for hit in context.term_hits(source, item.source):
        entry = hit.entry
        expected = hit.target(item.target)
        if hit.forbidden or expected is None or entry.id in rendered or entry.id in forbidden_entries:
            continue
        if expected.part_of_speech not in ("", "noun") or hit.term.part_of_speech not in ("", "noun"):
            continue
        if entry.id in seen:
            continue
        seen.add(entry.id)
        yield Finding(
            NAME,
            "qa.terms_missing",
            Severity.INFO,
            item.id,
            {"source_term": source[hit.start : hit.end], "expected": expected.text},
            (Span(item.source, hit.start, hit.end),),
        )


@CHECKS.check(CONSISTENCY, Scope.BRIEFING)
def check_term_consistency(briefing: Briefing, context: Context) -> Iterator[Finding]:
    """The first item that renders a source term sets its rendering; a later item using another term of the same
    entry for it (not an acronym of the same term, not a forbidden one: that is the terminology check's error) is
    reported once per entry and item."""
    if context.terminology is None:
        return
    # (entry id, source term, target language) → (target term, item number, item id): "Republic of Korea" →
    # "대한민국" and "Korea" → "한국" are two source terms of one entry, each rendered its own way
    first: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for s, section in enumerate(briefing.sections, start=1):
        for i, item in enumerate(section.items, start=1):
            source, target = item.source_text, item.target_text
            if not source.strip() or not target.strip():
                continue
            in_source = {hit.entry.id: hit for hit in context.term_hits(source, item.source) if not hit.forbidden}
            reported = set()
            for hit in context.term_hits(target, item.target):
                entry_id = hit.entry.id
                if hit.forbidden or entry_id not in in_source or entry_id in reported:
                    continue
                if hit.term.language is not item.target:
                    continue  # a Latin acronym found in Korean text ("JCO"): the same as any rendering
                key = (entry_id, in_source[entry_id].term.text, item.target.value)
                number = f"{s}.{i}"
                used, where, where_id = first.setdefault(key, (hit.term.text, number, item.id))
                if used == hit.term.text:
                    continue
                reported.add(entry_id)
                source_hit = in_source[entry_id]
                yield Finding(
                    CONSISTENCY,
                    "qa.terms_inconsistent",
                    Severity.WARNING,
                    item.id,
                    {
                        "source_term": source[source_hit.start : source_hit.end],
                        "found": target[hit.start : hit.end],
                        "first": used,
                        "other": where,
                        "other_id": where_id,
                    },
                    (Span(item.source, source_hit.start, source_hit.end), Span(item.target, hit.start, hit.end)),
                )

"""Terms as the termbase wants them: a source term whose entry the translation does not render, and forbidden
variants used (e.g. "Ministry of Defense" for 국방부). Runs only when a `Terminology` is given.

A missing rendering is only information: the termbase matches nouns well and verb forms poorly, and a
translation may rightly say "한국" where the termbase prefers "대한민국"; a forbidden variant is an error."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Item
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "terminology"

register(
    {
        "qa.terms_missing": '"{source_term}" is usually "{expected}"; the translation has no rendering of it',
        "qa.terms_forbidden": '"{found}" should not be used; the termbase says "{preferred}"',
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

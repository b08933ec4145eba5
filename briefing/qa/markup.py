"""Markup in the same structure on both sides (emphasis, links, list items, line breaks) and no placeholder
(⟦1⟧, ⟦T1⟧) left over from translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Item, Language
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "markup"

register(
    {
        "qa.markup_placeholder": 'a placeholder "{found}" was left in the text',
        "qa.markup_emphasis": "the source has {source_count} emphasised parts, the translation {target_count}",
        "qa.markup_links": "the source has {source_count} links, the translation {target_count}",
        "qa.markup_list_items": "the source has {source_count} list items, the translation {target_count}",
        "qa.markup_lines": "the source has {source_count} lines, the translation {target_count}",
        "qa.markup_unbalanced": 'the translation opens "{marker}" and never closes it',
    }
)

_PLACEHOLDER = re.compile(r"⟦/?T?\d{1,12}⟧")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"
)
_LINK = re.compile(r"\[[^\[\]\n]+\]\([^()\s]*\)|<https?://[^>\s]+>")
_LIST = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)]|[▵△○□·※])[ \t]+", re.MULTILINE)


def _emphasis(text: str) -> int:
    return len(_STRONG.findall(text)) + len(_EMPHASIS.findall(_STRONG.sub(" ", text)))


_COUNTS = (
    ("qa.markup_emphasis", _emphasis),
    ("qa.markup_links", lambda text: len(_LINK.findall(text))),
    ("qa.markup_list_items", lambda text: len(_LIST.findall(text))),
    ("qa.markup_lines", lambda text: len(text.strip().splitlines())),
)


@CHECKS.check(NAME)
def check_markup(item: Item, context: Context) -> Iterator[Finding]:
    for language in (Language.KO, Language.EN):
        text = item.text.get(language)
        for match in _PLACEHOLDER.finditer(text):
            yield Finding(
                NAME,
                "qa.markup_placeholder",
                Severity.ERROR,
                item.id,
                {"found": match.group(0)},
                (Span(language, match.start(), match.end()),),
            )
    source, target = item.source_text, item.target_text
    if not source.strip() or not target.strip():
        return
    for code, count in _COUNTS:
        source_count, target_count = count(source), count(target)
        if source_count != target_count:
            yield Finding(
                NAME, code, Severity.WARNING, item.id, {"source_count": source_count, "target_count": target_count}
            )
    if target.count("**") % 2 and not source.count("**") % 2:
        yield Finding(NAME, "qa.markup_unbalanced", Severity.WARNING, item.id, {"marker": "**"})

"""Hostile inputs (issue 17): texts that would hang or crash the Markdown parsers, files that validate but
could not be written, terminal escapes. Each attack of the issue is kept here as a test."""

from __future__ import annotations

import io
import re
import time
from collections import Counter

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.export import markdown_docx
from briefing.export.markdown_docx import is_plain, parse
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.model import Briefing
from briefing.translation.markup import extract
from tests.helpers import item, small_briefing

# The cases (61 s, > 60 s, RecursionError) and their relatives.
HANGING = [
    "[" * 20000,
    "[" * 50000,
    "![" * 20000,
    "- " * 1000 + "x",
    "1. " * 3000,
    "> " * 3000 + "x",
    "[](" * 5000,
    "\n".join(" " * (4 * level) + "- x" for level in range(300)),
    "**a " * 5000,
    "_" * 10000,
    "[a]: b\n" * 10000,
]
SECONDS = 3.0  # generous for a loaded machine: the cases took 61 s or more before


def _letters(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W_]", text))


def _tree_letters(text: str) -> Counter[str]:
    root, resolve = parse.__wrapped__(text)  # uncached: time the work
    shown = Counter(re.findall(r"[^\W_]", resolve("".join(root.itertext()))))
    for element in root.iter():
        for value in element.attrib.values():
            shown.update(re.findall(r"[^\W_]", resolve(value)))
    return shown


@pytest.mark.parametrize("text", HANGING, ids=lambda text: repr(text[:8]))
def test_hostile_markdown_is_parsed_quickly_and_loses_nothing(text: str) -> None:
    started = time.perf_counter()
    shown = _tree_letters(text)
    extract(text)
    assert time.perf_counter() - started < SECONDS
    wanted = _letters(re.sub(r"^(?:[-+*> ]|\d+\.)+", "", text, flags=re.MULTILINE))
    assert all(shown[letter] >= count for letter, count in wanted.items() if letter != "1")


def test_plain_text_keeps_paragraphs_and_lines() -> None:
    text = "[" * 3000 + "\nsecond line\n\n\nnext paragraph"
    assert is_plain(text)
    root, _resolve = parse(text)
    assert [child.tag for child in root] == ["p", "p"]
    assert root[0].text == "[" * 3000 and root[0][0].tag == "br" and root[0][0].tail == "second line"
    assert root[1].text == "next paragraph"


def test_ordinary_markdown_is_still_markdown() -> None:
    text = "Intro with [a link](https://example.org) and **bold**.\n\n- one\n    - two\n        - three"
    assert not is_plain(text)
    root, _resolve = parse(text)
    assert [child.tag for child in root] == ["p", "ul"]
    assert root.find(".//a") is not None and root.find(".//strong") is not None
    assert not is_plain("- " * markdown_docx.MAX_NESTING + "x")
    assert is_plain("- " * (markdown_docx.MAX_NESTING + 1) + "x")
    assert is_plain("x" * (markdown_docx.MAX_MARKDOWN_CHARS + 1))
    assert not is_plain("[a](b) " * 2000)  # many balanced links are fine


def test_a_briefing_with_hostile_items_exports() -> None:
    briefing: Briefing = small_briefing()
    section = briefing.sections[0]
    for text in ("[" * 20000, "- " * 1000 + "x", "1. " * 3000):
        briefing.add_item(section.id, item(text))
    started = time.perf_counter()
    data = render(briefing, find_template("meeting-report"), Layout.EN)
    assert time.perf_counter() - started < 2 * SECONDS
    body = "".join(t.text or "" for t in docx.Document(io.BytesIO(data)).element.body.iter(qn("w:t")))
    assert "[" * 20000 in body and "1. " * 5 in body


MARKUP = st.sampled_from(
    ["[", "]", "(", ")", "!", "*", "**", "_", "`", "<", ">", "- ", "1. ", "\n", "    ", " ", "a", "한"]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(MARKUP, st.integers(1, 3000)), min_size=1, max_size=4))
def test_property_repeated_markup_is_bounded_and_keeps_every_letter(runs: list[tuple[str, int]]) -> None:
    text = "".join(token * count for token, count in runs)
    started = time.perf_counter()
    shown = _tree_letters(text)
    extract(text)
    assert time.perf_counter() - started < SECONDS
    source = re.sub(r"^(?:[-+*> \t]|\d+[.)])+", "", text, flags=re.MULTILINE)
    assert all(shown[letter] >= count for letter, count in _letters(source).items() if letter != "1")


@given(st.text(st.sampled_from("[]()!*_`<>-1. \na한"), max_size=200))
def test_property_any_short_markup_parses(text: str) -> None:
    root, _resolve = parse(text)
    assert root.tag == "div"
    assert extract(text).assemble(extract(text).segments)[0] == text

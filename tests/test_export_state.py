"""Numbering that agrees in every layout, and drafts that show their state (issue 12, points 6 and 8)."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from briefing.export.pack import structure, verify
from briefing.export.render import render
from briefing.export.templates import Layout, available_templates, find_template
from briefing.model import Bilingual, Briefing, ItemType
from briefing.storage import load
from tests.conftest import EXAMPLE

TEMPLATES = sorted(available_templates())
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\.? ")


def example() -> Briefing:
    briefing = load(EXAMPLE)
    briefing.meeting.marking = Bilingual(ko="대외비", en="FOR OFFICIAL USE ONLY")
    return briefing


def _bookmarked_paragraphs(data: bytes) -> list[tuple[str, object]]:
    """Each section heading and item's first paragraph (`w:p`) with its hidden bookmark's name, in order."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name"))
        if name.startswith("_bs_"):
            found.append((name, start.getparent()))
    return found


def _text(p: object) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))  # type: ignore[attr-defined]


def printed_numbers(data: bytes, layout: Layout) -> list[str]:
    """The number each section and item shows: the text's leading number in one language, the No. column of
    the row in the bilingual table ("" where nothing is printed)."""
    numbers = []
    for _, p in _bookmarked_paragraphs(data):
        if layout is Layout.BILINGUAL:
            row = p.getparent().getparent()  # type: ignore[attr-defined]
            numbers.append(_text(row.find(qn("w:tc"))))
        else:
            match = _NUMBER.match(_text(p))
            numbers.append(match.group(1) if match else "")
    return numbers


def symbols(data: bytes) -> list[str]:
    """The first character of each bookmarked paragraph (the report's □/○ and note marks)."""
    return [_text(p)[:1] for _, p in _bookmarked_paragraphs(data)]


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_layout_numbers_the_same_items_the_same_way(key: str) -> None:
    briefing = example()
    template = find_template(key)
    rendered = {layout: render(briefing, template, layout) for layout in Layout}
    expected = [number for number, _ in structure(rendered[Layout.KO])]  # what the outline and QA call them
    assert "3.3" in expected and any(item.type is ItemType.NOTE for item in briefing.sections[2].items)
    assert verify(rendered[Layout.KO], rendered[Layout.EN]) == []
    table = printed_numbers(rendered[Layout.BILINGUAL], Layout.BILINGUAL)
    assert table == expected  # the No. column: notes take their place too
    korean, english = (printed_numbers(rendered[layout], layout) for layout in (Layout.KO, Layout.EN))
    assert korean == english
    if template.style.value == "pack":
        assert korean == expected  # 3.1, 3.2, 3.3 (the note), 3.4: no gap
    else:
        assert korean == [""] * len(expected)  # a press release and a report print no numbers
    if template.style.value == "report":  # □ sections, ○ items, notes their mark: the same in every layout
        single = symbols(rendered[Layout.KO])
        assert set(single) <= {"□", "○", "*", "※"} and "□" in single and "○" in single
        assert symbols(rendered[Layout.BILINGUAL]) == single
        assert set(symbols(rendered[Layout.EN])) <= {"■", "●", "*", "※"}


def test_a_note_in_the_single_language_pack_carries_its_number() -> None:
    data = render(example(), find_template("briefing-pack"), Layout.KO)
    texts = [_text(p) for _, p in _bookmarked_paragraphs(data)]
    assert any(re.match(r"^3\.3 [*※] ", text) for text in texts), texts

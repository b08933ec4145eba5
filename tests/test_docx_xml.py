"""The export's body written as WordprocessingML text (`briefing/export/docx_xml.py`) is exactly what the element
functions of `docx_support` build, piece by piece; plain texts skip Python-Markdown and get its very tree; and the
whole path grows linearly with the items (issue 17 point 11)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefing.export import docx_support as ox
from briefing.export import markdown_docx
from briefing.export.docx_xml import TAB_RUN, Para, Row, fragment, run, run_text, tag_run
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, Section, TargetOrigin
from tests.test_scale import cpu_seconds

_NAMESPACES = re.compile(rb' xmlns:\w+="[^"]*"')


def xml(element: object) -> bytes:
    """An element's XML without namespace declarations (a fragment's elements carry the wrapper's)."""
    return _NAMESPACES.sub(b"", etree.tostring(element))


def one(piece: str) -> object:
    (element,) = fragment([piece])
    return element


# Text with what an item may hold: Markdown punctuation, Hangul and the symbols, tabs, line breaks, a carriage
# return, control characters, XML's special characters, Unicode spaces.
TEXT = st.text(
    alphabet=st.sampled_from(list("ab 가나\t\n\r\x07\x1b&<>\"'*_[]()#-+=.1▵※□\u00a0\u3000\u2028\ufffe")), max_size=30
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    bold=st.booleans(),
    italic=st.booleans(),
    style=st.sampled_from([None, "", "BriefingCode", 'A&"b']),
    font=st.sampled_from([None, "맑은 고딕", 'F&"<']),
)
def test_runs_are_the_runs_the_element_functions_make(
    text: str, bold: bool, italic: bool, style: str | None, font: str | None
) -> None:
    marks = {"bold": bold, "italic": italic}
    expected = ox.symbol_run(text, font, marks, style) if font is not None else ox.make_run(text, marks, style)
    assert xml(one(run(text, bold, italic, style, font))) == xml(expected)
    # and the text the bilingual table's row sizing measures is the runs' text, a break a newline, a tab a space
    measured = "".join(
        (node.text or "") if node.tag == ox.qn("w:t") else ("\n" if node.tag == ox.qn("w:br") else " ")
        for node in expected.iter(ox.qn("w:t"), ox.qn("w:br"), ox.qn("w:tab"))
    )
    assert run_text(text) == measured


def test_tag_and_tab_runs_are_the_element_functions_runs() -> None:
    assert xml(one(tag_run("[기계 번역]", "FFF2CC"))) == xml(ox.tag_run("[기계 번역]", "FFF2CC"))
    assert xml(one(TAB_RUN)) == xml(ox.tab_run())


_DOCUMENT: list[docx.document.Document] = []  # one document for every example (making one takes 50 ms)


@settings(max_examples=100, deadline=None)
@given(
    keep_next=st.booleans(),
    keep_lines=st.booleans(),
    numbering=st.one_of(st.none(), st.tuples(st.integers(0, 8), st.integers(1, 999))),
    shading=st.one_of(st.none(), st.sampled_from(["FFF2CC", "EDEDED"])),
    indent=st.one_of(st.none(), st.tuples(st.integers(-50, 5000), st.sampled_from([0, 360, 555]))),
    outline=st.one_of(st.none(), st.just(0)),
    mark=st.one_of(st.none(), st.tuples(st.integers(1, 99), st.sampled_from(["_bs_1_0", "_bs_2_3_0123456789"]))),
    texts=st.lists(TEXT, max_size=3),
    link=st.booleans(),
)
def test_paragraphs_are_the_paragraphs_the_element_functions_make(
    keep_next: bool,
    keep_lines: bool,
    numbering: tuple[int, int] | None,
    shading: str | None,
    indent: tuple[int, int] | None,
    outline: int | None,
    mark: tuple[int, str] | None,
    texts: list[str],
    link: bool,
) -> None:
    if not _DOCUMENT:
        _DOCUMENT.append(docx.Document())
    old = ox.BodyAppender(_DOCUMENT[0]).add_paragraph()
    new = Para("BriefingBody")
    ox.set_paragraph_style(old, "BriefingBody")
    for text in texts:
        old._p.append(ox.make_run(text, {}))
        new.add(text)
    if link:
        ox.add_hyperlink(old, "https://example.org/?a=1&b=2", [("link", {"bold": True})], "BriefingLink")
        relationship = old._p.find(ox.qn("w:hyperlink")).get(ox.qn("r:id"))
        new.add_hyperlink(relationship, [("link", True, False, "BriefingLink")])
    if numbering is not None:
        ox.set_numbering(old, numbering[1], numbering[0])
        new.numbering = numbering
    if shading is not None:
        ox.shade_paragraph(old, shading)
        new.shading = shading
    if indent is not None:
        ox.set_indent(old._p, *indent)
        new.set_indent(*indent)
    if outline is not None:
        ox.set_outline_level(old._p.get_or_add_pPr(), outline)
        new.outline = outline
    if mark is not None:
        ox.add_bookmark(old, mark[1], mark[0])
        new.mark = mark
    ox.keep(old._p, with_next=keep_next, lines=keep_lines)
    new.keep_next, new.keep_lines = keep_next, keep_lines
    assert xml(one(new.xml())) == xml(old._p)


def test_rows_are_the_rows_python_docx_adds() -> None:
    """A row with its cells' widths, and the row flags the bilingual table sets and takes away again."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for column, width in zip(table.columns, (docx.shared.Cm(2), docx.shared.Cm(7), docx.shared.Cm(7)), strict=True):
        column.width = width
    widths = [column.w.twips for column in table._tbl.tblGrid.gridCol_lst]
    for split in (None, "cant", "empty"):
        old = table.add_row()
        for cell, text in zip(old.cells, ("1", "가", "a"), strict=True):
            ox.set_paragraph_style(cell.paragraphs[0], "BriefingTableText")
            cell.paragraphs[0]._p.append(ox.make_run(text, {}))
        new = Row([[Para("BriefingTableText")] for _ in range(3)])
        for cell, text in zip(new.cells, ("1", "가", "a"), strict=True):
            cell[0].add(text)
        if split is not None:
            old._tr.get_or_add_trPr().insert(0, ox.OxmlElement("w:cantSplit"))
            new.cant_split()
        if split == "empty":
            old._tr.trPr.remove(old._tr.trPr[0])
            new.may_split()
        assert xml(one(new.xml(widths))) == xml(old._tr)


def test_fragments_hold_python_docx_elements_and_keep_blank_text() -> None:
    paragraph, table_row = fragment([Para("X").xml(), Row([[Para("Y")]]).xml([None])])
    assert type(paragraph).__name__ == "CT_P" and type(table_row).__name__ == "CT_Row"
    (space,) = fragment([run(" ")])
    assert space.find(ox.qn("w:t")).text == " "  # a run of one space is content, not blank layout


# -- plain texts without Python-Markdown -------------------------------------------------------------

PLAIN = st.text(alphabet=st.sampled_from(list("ab가 .,:;!?()'\"-=+#>1)\n\u00a0\u3000\u2028\x85")), max_size=40)


def tree(root: ET.Element) -> tuple[str, str | None]:
    return ET.tostring(root, encoding="unicode"), root.tail


@settings(max_examples=500, deadline=None)
@given(text=PLAIN)
def test_a_plain_text_gets_the_tree_python_markdown_makes(text: str) -> None:
    simple = markdown_docx._simple(text)
    if simple is not None:
        parsed, _, _ = markdown_docx._parse(text)
        assert tree(simple) == tree(parsed)


def test_ordinary_items_take_the_plain_path_and_markdown_does_not() -> None:
    plain = [
        "Point 3: the two sides agreed to expand cooperation. Talks went on.",
        "양측은 협력 확대에 합의했다. 회담은 계속되었다.\n\n제23차 회의는 2024. 11. 7. 열렸다 (워싱턴).",
        "First line\nsecond line, 3.5% higher; a so-called co-chair!",
    ]
    for text in plain:
        simple = markdown_docx._simple(text)
        assert simple is not None and tree(simple) == tree(markdown_docx._parse(text)[0])
    marked = ["**bold**", "- a list", "1. first", "2024. 11. 7. at the start", "a  \nbreak", " indented", "# head"]
    marked += ["[link](u)", "`code`", "a & b", "x<y", "tab\there", "a\r\nb", "under_score", "quote\n> q", "a\n==="]
    assert [text for text in marked if markdown_docx._simple(text) is not None] == []


# -- scale -----------------------------------------------------------------------------------------


def tall_briefing(items: int) -> Briefing:
    """Every tenth item a note, every 25th taller than a page (continuation rows), some Markdown, distinct texts."""
    briefing = Briefing(title=Bilingual(ko="대형 브리핑", en="Large briefing"))
    for start in range(0, items, 25):
        section = Section(title=Bilingual(ko=f"{start // 25 + 1}절", en=f"Part {start // 25 + 1}"))
        for number in range(start, min(start + 25, items)):
            item = Item(source=Language.EN)
            english = f"Point {number}: the sides **agreed** to [expand](https://example.org/{number}) it."
            if number % 25 == 7:
                english = "\n\n".join(f"Paragraph {k} of item {number}. " * 12 for k in range(40))
            item.set_text(Language.EN, english)
            item.set_text(
                Language.KO, f"{number}항: 양측은 협력 확대에 합의했다.\n\n- 첫째\n- 둘째", TargetOrigin.MACHINE
            )
            if number % 10 == 9:
                item.type = ItemType.NOTE
            section.items.append(item)
        briefing.sections.append(section)
    return briefing


def test_the_bilingual_table_with_notes_and_continuation_rows_grows_linearly() -> None:
    template = find_template("briefing-pack")
    small, large = tall_briefing(100), tall_briefing(400)
    data = render(large, template, Layout.BILINGUAL, draft=True)
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        body = bundle.read("word/document.xml").decode("utf-8")
    assert body.count("(continued)") >= 16 and body.count("<w:hyperlink") == 400 - 16  # one link per item but the tall
    growth = cpu_seconds(lambda: render(large, template, Layout.BILINGUAL, draft=True)) / max(
        cpu_seconds(lambda: render(small, template, Layout.BILINGUAL, draft=True)), 1e-3
    )
    assert growth < 6.0  # linear 4, quadratic 16 (see tests/test_scale.py)

"""The body of a document (its items' paragraphs and the bilingual table's rows) written as WordprocessingML text
and parsed once, instead of element by element through python-docx.

A 20,000-item export makes about 900,000 elements. Made one at a time (python-docx's element factory, its
`get_or_add_*` lookups, a `Paragraph` or `_Cell` object per access) they cost most of the export; written as text
and parsed by libxml2 in one call they cost a fraction. `Para` and `Row` hold what the renderer still decides
after writing a paragraph (its hanging label, a draft's shading and tag, keep-with-next, a bookmark, the moves of
a tall item into continuation rows); `fragment` turns them into elements.

Every piece writes exactly the XML the element functions of `docx_support` make (`make_run`, `symbol_run`,
`set_paragraph_style`, `set_indent`, `keep`, `shade_paragraph`, `add_bookmark`, `RowAppender`'s rows):
tests/test_docx_xml.py holds the two to the same bytes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml.ns import nsdecls
from docx.oxml.parser import element_class_lookup
from lxml import etree

from briefing.export.docx_support import visible_text

_ATTRIBUTE_ESCAPES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}

# python-docx's element classes (so later python-docx calls on these elements work), but blank text kept: a run
# holding one space is content. The text is this module's own, escaped; huge_tree only lifts libxml2's size caps.
_PARSER = etree.XMLParser(remove_blank_text=False, resolve_entities=False, huge_tree=True, no_network=True)
_PARSER.set_element_class_lookup(element_class_lookup)
_WRAPPER = f"<w:body {nsdecls('w', 'r')}>"


_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')


def attribute(value: str) -> str:
    """A value escaped for a double-quoted attribute."""
    return escape(value, _ATTRIBUTE_ESCAPES) if _ATTRIBUTE_SPECIAL.search(value) else value


def _text(value: str) -> str:
    """Text escaped for element content (saxutils' `escape` without its per-call dictionary walk)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


@functools.lru_cache(maxsize=65_536)
def run(
    text: str, bold: bool = False, italic: bool = False, style_id: str | None = None, font: str | None = None
) -> str:
    """`make_run(text, marks, style_id)` as text; with `font`, `symbol_run(text, font, marks, style_id)`."""
    properties = []
    if style_id:
        properties.append(f'<w:rStyle w:val="{attribute(style_id)}"/>')
    if font is not None:
        name = attribute(font)
        properties.append(
            f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}" w:hint="eastAsia"/>'
        )
    if bold:
        properties.append("<w:b/>")
    if italic:
        properties.append("<w:i/>")
    parts = ["<w:r>"]
    if properties:
        parts += ["<w:rPr>", *properties, "</w:rPr>"]
    for number, line in enumerate(visible_text(text).split("\n")):
        if number:
            parts.append("<w:br/>")
        for tab_number, piece in enumerate(line.split("\t")):
            if tab_number:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{_text(piece)}</w:t>')
    parts.append("</w:r>")
    return "".join(parts)


def run_text(text: str) -> str:
    """What a run of `text` contributes to the paragraph's text as the row sizing reads it (w:t text, a line
    break as a newline, a tab as a space)."""
    return visible_text(text).replace("\t", " ")


TAB_RUN = "<w:r><w:tab/></w:r>"


def tag_run(text: str, fill: str) -> str:
    """`docx_support.tag_run`: a bold, shaded status tag."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{attribute(fill)}"/>'
    return run(text + " ", bold=True).replace("<w:b/></w:rPr>", f"<w:b/>{shading}</w:rPr>", 1)


class Para:
    """A paragraph to be written: its style id, paragraph properties and content (runs and hyperlinks, in order).

    `content` holds (xml, text, is_run): the text is what the row sizing measures, `is_run` tells a `w:r` from a
    hyperlink (a draft's tag goes after the label's runs, counted as `w:r` children only)."""

    __slots__ = ("content", "indent", "keep_lines", "keep_next", "mark", "numbering", "outline", "shading", "style_id")

    def __init__(self, style_id: str) -> None:
        self.style_id = style_id
        self.content: list[tuple[str, str, bool]] = []
        self.numbering: tuple[int, int] | None = None  # (level, numId)
        self.keep_next = False
        self.keep_lines = False
        self.shading: str | None = None
        self.indent: tuple[int, int] | None = None  # (left, hanging) in twips
        self.outline: int | None = None
        self.mark: tuple[int, str] | None = None  # a bookmark: (id, name)

    def add(self, text: str, bold: bool = False, italic: bool = False, style_id: str | None = None) -> None:
        self.content.append((run(text, bold, italic, style_id), run_text(text), True))

    def add_symbols(self, text: str, font: str, bold: bool = False, italic: bool = False) -> None:
        self.content.append((run(text, bold, italic, None, font), run_text(text), True))

    def add_hyperlink(self, relationship: str, runs: Iterable[tuple[str, bool, bool, str | None]]) -> None:
        pieces = list(runs)
        xml = "".join(run(text, bold, italic, style) for text, bold, italic, style in pieces)
        text = "".join(run_text(piece[0]) for piece in pieces)
        self.content.append((f'<w:hyperlink r:id="{attribute(relationship)}">{xml}</w:hyperlink>', text, False))

    def insert_runs(self, index: int, runs: list[tuple[str, str]]) -> None:
        """Runs (xml, text) at a content position (0: right after the paragraph properties)."""
        self.content[index:index] = [(xml, text, True) for xml, text in runs]

    def run_positions(self) -> list[int]:
        return [index for index, (_, _, is_run) in enumerate(self.content) if is_run]

    def set_indent(self, left: int, hanging: int = 0) -> None:
        """`docx_support.set_indent`: a hanging indent also gets its tab stop."""
        self.indent = (max(0, left), hanging)

    def text(self) -> str:
        """The paragraph's text as `_RowSizer.height` reads it from the XML: the tab stop of a hanging indent (a
        `w:tab` in the properties) counts as a space before the content."""
        lead = " " if self.indent is not None and self.indent[1] else ""
        return lead + "".join(text for _, text, _ in self.content)

    def xml(self) -> str:
        parts = [f'<w:p><w:pPr><w:pStyle w:val="{attribute(self.style_id)}"/>']
        if self.keep_next:
            parts.append("<w:keepNext/>")
        if self.keep_lines:
            parts.append("<w:keepLines/>")
        if self.numbering is not None:
            level, number = self.numbering
            parts.append(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{number}"/></w:numPr>')
        if self.shading is not None:
            parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{attribute(self.shading)}"/>')
        if self.indent is not None:
            left, hanging = self.indent
            if hanging:
                parts.append(f'<w:tabs><w:tab w:val="left" w:pos="{left}"/></w:tabs>')
                parts.append(f'<w:ind w:left="{left}" w:hanging="{hanging}"/>')
            else:
                parts.append(f'<w:ind w:left="{left}"/>')
        if self.outline is not None:
            parts.append(f'<w:outlineLvl w:val="{self.outline}"/>')
        parts.append("</w:pPr>")
        if self.mark is not None:
            parts.append(f'<w:bookmarkStart w:id="{self.mark[0]}" w:name="{attribute(self.mark[1])}"/>')
        parts += [xml for xml, _, _ in self.content]
        if self.mark is not None:
            parts.append(f'<w:bookmarkEnd w:id="{self.mark[0]}"/>')
        parts.append("</w:p>")
        return "".join(parts)


class Row:
    """A table row: its cells' paragraphs and whether it may split across pages (`w:cantSplit`; "empty" is the
    empty `w:trPr` left when the flag is taken away again)."""

    __slots__ = ("cells", "split")

    def __init__(self, cells: list[list[Para]]) -> None:
        self.cells = cells
        self.split: str | None = None  # None: no w:trPr; "cant": <w:cantSplit/>; "empty": <w:trPr/>

    def cant_split(self) -> None:
        self.split = "cant"

    def may_split(self) -> None:
        if self.split == "cant":
            self.split = "empty"

    def xml(self, widths: list[int | None]) -> str:
        parts = ["<w:tr>"]
        if self.split == "cant":
            parts.append("<w:trPr><w:cantSplit/></w:trPr>")
        elif self.split == "empty":
            parts.append("<w:trPr/>")
        for paragraphs, width in zip(self.cells, widths, strict=True):
            parts.append("<w:tc>")
            if width is not None:
                parts.append(f'<w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>')
            parts += [paragraph.xml() for paragraph in paragraphs]
            parts.append("</w:tc>")
        parts.append("</w:tr>")
        return "".join(parts)


def fragment(pieces: Iterable[str]) -> list[Any]:
    """The elements the pieces of XML make (python-docx's element classes), in order, ready to be moved into a
    document."""
    wrapper = etree.fromstring("".join([_WRAPPER, *pieces, "</w:body>"]), _PARSER)
    return list(wrapper)

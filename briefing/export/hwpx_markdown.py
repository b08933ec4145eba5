"""An item's Markdown text as HWPX paragraph content: the same parse as the Word writer
(`markdown_docx.parse`), written as lines of marked text runs that the HWPX writer turns into `hp:p`/`hp:run`.

Bold, italic, code and links keep their marks; a list item becomes its own line with its bullet or number (each
list restarting at 1, numbered as the Word writer numbers them: `numbering.list_formats`) and an indent level;
anything else is kept as its text, never dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from briefing.export.markdown_docx import parse
from briefing.export.numbering import ListFormats, ganada, outline_label
from briefing.model import Language


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str = ""  # the target of a hyperlink


@dataclass
class Line:
    """One paragraph: its spans, and for a list item its depth (1 = a top-level item) and bullet or number."""

    spans: list[Span] = field(default_factory=list)
    level: int = 0
    label: str = ""


def number_label(number: int, word_format: tuple[str, str]) -> str:
    """1. / 가. / 1) / a. / i. / ① — a list number as the Word numbering definition (w:numFmt, w:lvlText) of the same
    level writes it (`numbering.list_formats` decides them for both writers)."""
    fmt, level_text = word_format
    if fmt == "ganada":
        value = ganada((number - 1) % 14 + 1)
    elif fmt == "lowerLetter":
        value = chr(ord("a") + (number - 1) % 26)
    elif fmt == "lowerRoman":
        value = _roman(number).lower()
    elif fmt == "decimalEnclosedCircle":
        value = outline_label(6, number, Language.KO)
    else:
        value = str(number)
    return re.sub(r"%\d", value, level_text)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")):
        while number >= value:
            out, number = out + letters, number - value
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def lines(text: str, formats: ListFormats) -> list[Line]:
    """The text's paragraphs, in order; an empty text is one empty line (its item still has a paragraph)."""
    root, resolve = parse(text)
    writer = _Lines(resolve, formats)
    for child in root:
        writer.block(child)
    return writer.out or [Line()]


class _Lines:
    def __init__(self, resolve: Callable[[str], str], formats: ListFormats) -> None:
        self.resolve = resolve
        self.formats = formats
        self.out: list[Line] = []

    def new(self, level: int = 0, label: str = "") -> Line:
        line = Line(level=level, label=label)
        self.out.append(line)
        return line

    def block(self, element: ET.Element, level: int = 0) -> None:
        tag = element.tag
        if tag in ("ul", "ol"):
            for number, item in enumerate((child for child in element if child.tag == "li"), start=1):
                depth = min(level, 8)
                if tag == "ol":
                    kinds = self.formats.ordered
                    label = number_label(number, kinds[min(depth, len(kinds) - 1)])
                else:
                    label = self.formats.bullets[depth % len(self.formats.bullets)]
                self.list_item(item, level, label)
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
            self.inline(self.new(), element, Span("", bold=tag.startswith("h")))
        elif tag == "pre":
            self.add(self.new(), "".join(element.itertext()).rstrip("\n"), Span("", code=True))
        elif tag == "hr":
            self.add(self.new(), "—" * 8, Span(""))
        elif tag == "blockquote":
            for child in element:
                self.block(child, level)
        else:  # anything else: its text, never lost
            text = "".join(element.itertext())
            if text.strip():
                self.add(self.new(), text, Span(""))

    def list_item(self, item: ET.Element, level: int, label: str) -> None:
        line = self.new(level + 1, label)
        self.inline(line, item, Span(""), skip_blocks=True)
        first_block = True
        for child in item:
            if child.tag in ("ul", "ol"):
                self.block(child, level + 1)
            elif child.tag == "p":
                if first_block and not (item.text or "").strip():
                    self.inline(line, child, Span(""))
                else:
                    self.inline(self.new(level + 1), child, Span(""))
                first_block = False

    def inline(self, line: Line, element: ET.Element, marks: Span, skip_blocks: bool = False) -> None:
        if element.text:
            self.add(line, element.text, marks)
        for child in element:
            if skip_blocks and child.tag in ("ul", "ol", "p"):
                continue
            tag = child.tag
            if tag in ("strong", "b"):
                self.inline(line, child, replace(marks, bold=True))
            elif tag in ("em", "i"):
                self.inline(line, child, replace(marks, italic=True))
            elif tag == "code":
                self.add(line, "".join(child.itertext()), replace(marks, code=True))
            elif tag == "br":
                self.add(line, "\n", marks)
            elif tag == "a" and child.get("href"):
                href = self.resolve(child.get("href", ""))
                for text, span in self._flatten(child, replace(marks, link=href)):
                    line.spans.append(replace(span, text=text))
            elif tag == "img":
                alt, src = child.get("alt", ""), child.get("src", "")
                self.add(line, f"{alt} ({src})" if alt else src, marks)
            else:
                self.inline(line, child, marks)
            if child.tail:
                self.add(line, child.tail, marks)

    def _flatten(self, element: ET.Element, marks: Span) -> Iterator[tuple[str, Span]]:
        if element.text:
            yield self.resolve(element.text), marks
        for child in element:
            child_marks = marks
            if child.tag in ("strong", "b"):
                child_marks = replace(marks, bold=True)
            elif child.tag in ("em", "i"):
                child_marks = replace(marks, italic=True)
            yield from self._flatten(child, child_marks)
            if child.tail:
                yield self.resolve(child.tail), marks

    def add(self, line: Line, text: str, marks: Span) -> None:
        text = self.resolve(text)
        if text:
            line.spans.append(replace(marks, text=text))

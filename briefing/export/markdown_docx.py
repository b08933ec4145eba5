"""An item's Markdown text as Word paragraphs, through Python-Markdown's element tree.

Raw HTML is switched off (it shows as text); bold, italic, code, real hyperlinks, line breaks, nested
bullet and numbered lists (each list restarting at 1) are kept; anything else is rendered as its text,
never dropped.

Python-Markdown is not linear: its link parser scans from each `[` and `(` for the closing bracket, its
block parser recurses once per nesting level, and several inline patterns grow faster than the text. So a
text longer than `MAX_MARKDOWN_CHARS`, nested past `MAX_NESTING` levels or past `BRACKET_BUDGET` is not parsed
as Markdown at all: it is shown as typed (paragraphs and line breaks kept), in linear time.
"""

from __future__ import annotations

import functools
import html
import re
import threading
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import markdown

from briefing.export.docx_xml import Para
from briefing.export.numbering import HANGUL_FONT_SYMBOLS

_SYMBOLS = re.compile("([" + "".join(sorted(HANGUL_FONT_SYMBOLS)) + "]+)")
_STASH = re.compile("\x02wzxhzdk:(\\d+)\x03")
_LIST_INDENT = re.compile(r"^( +)(?=(?:[-+*]|\d+[.)])\s)", re.MULTILINE)


_PARSERS = threading.local()

MAX_MARKDOWN_CHARS = 20_000
"""A longer text is plain (about ten pages of one item; Python-Markdown takes up to ~0.5 s at this size)."""
MAX_NESTING = 16
"""Lists and quotes nested deeper than this (Word shows 9 list levels) make a text plain."""
BRACKET_BUDGET = 1_000_000
"""Characters Python-Markdown would scan for the ends of links above which a text is plain."""

_CONTAINER = re.compile(r"[ \t]*(?:[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|>)")


def is_plain(text: str) -> bool:
    """Whether the text is too deeply nested or bracketed to be parsed as Markdown in bounded time."""
    if len(text) > MAX_MARKDOWN_CHARS or _bracket_scan(text) > BRACKET_BUDGET:
        return True
    for line in text.split("\n"):
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        depth, position = indent // 4, 0
        while depth <= MAX_NESTING and (match := _CONTAINER.match(expanded, position)) and match.end() > position:
            depth, position = depth + 1, match.end()
        if depth > MAX_NESTING:
            return True
    return False


def _bracket_scan(text: str) -> int:
    """The distance from each `[` to its `]` and each `(` to its `)` (to the end when it has none),
    summed, in one pass: what Python-Markdown's link parser scans."""
    total = 0
    for opening, closing in ("[]", "()"):
        if opening not in text:
            continue
        opened: list[int] = []
        for match in re.finditer(re.escape(opening) + "|" + re.escape(closing), text):
            if match.group(0) == opening:
                opened.append(match.start())
            elif opened:
                total += match.start() - opened.pop()
        total += sum(len(text) - start for start in opened)
    return total


def _plain(text: str) -> ET.Element:
    """The text as typed: a paragraph per run of non-blank lines, its lines joined by line breaks."""
    root = ET.Element("div")
    for block in re.split(r"\n(?:[ \t]*\n)+", text.strip("\n")):
        if not block.strip():
            continue
        paragraph = ET.SubElement(root, "p")
        lines = block.split("\n")
        paragraph.text = lines[0]
        for line in lines[1:]:
            ET.SubElement(paragraph, "br").tail = line
    return root


# A text without these characters, whose lines neither start nor end with white space nor start like a block
# (list, heading, quote, rule, setext underline), is paragraphs of plain text to Python-Markdown.
_NO_MARKUP = re.compile(r"[^\\`*_\[\]<>&\t\r\x00-\x08\x0b-\x1f\x7f]*")
_BLOCK_START = re.compile(r"[-+=#>]|\d+[.)]")


def _simple(text: str) -> ET.Element | None:
    """The tree Python-Markdown makes of a text with no Markdown in it (most items), built directly: its
    paragraphs are the runs of non-blank lines, lines joined by newlines. None when the text may hold Markdown.
    tests/test_docx_xml.py holds it to Python-Markdown's own tree."""
    if not _NO_MARKUP.fullmatch(text) or not text.strip():
        return None
    lines = text.split("\n")
    for line in lines:
        if line != line.strip() or _BLOCK_START.match(line):
            return None
    root = ET.Element("div")
    root.text = "\n"
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line:
            paragraph.append(line)
        elif paragraph:
            ET.SubElement(root, "p").text = "\n".join(paragraph)
            root[-1].tail = "\n"
            paragraph = []
    root.tail = "\n"
    return root


def _parser() -> markdown.Markdown:
    """One configured Markdown instance per thread, reset between texts (building one is slow)."""
    if not hasattr(_PARSERS, "md"):
        made = markdown.Markdown(extensions=["sane_lists"])
        made.preprocessors.deregister("html_block")  # raw HTML stays text
        made.inlinePatterns.deregister("html")
        _PARSERS.md = made
    md: markdown.Markdown = _PARSERS.md
    md.reset()
    return md


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> tuple[ET.Element, Callable[[str], str]]:
    """The Markdown element tree (treat it as read-only: it is cached), and a function that resolves
    Python-Markdown's stash placeholders. A pack renders each text two or three times.

    Python-Markdown can lose characters on unbalanced emphasis (`*a**a*Bravo` comes back as `*a`,
    strong `a`, `ravo`). When any letter or digit of the text is missing from the tree, the text is
    parsed again with its Markdown punctuation escaped: shown exactly as typed, formatting given up.
    """
    simple = _simple(text)
    if simple is not None:
        return simple, str
    if is_plain(text):
        return _plain(text), str
    # Python-Markdown nests lists by 4 spaces; editors (and people) often indent by 2.
    if any(len(m.group(1)) % 4 == 2 for m in _LIST_INDENT.finditer(text)):
        text = _LIST_INDENT.sub(lambda m: m.group(1) * 2, text)
    root, resolve, labels = _parse(text)
    if _loses_characters(text, root, resolve, labels):
        root, resolve, _ = _parse(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text.replace("&", "&amp;")))
    return root, resolve


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!<|~])")
_LIST_MARKERS = re.compile(r"^(?:[ \t>]|[-+*](?=[ \t])|\d+[.)](?=[ \t]|$))+", re.MULTILINE)
_ALPHANUMERIC = re.compile(r"[^\W_]", re.UNICODE)


def _parse(text: str) -> tuple[ET.Element, Callable[[str], str], list[str]]:
    md = _parser()
    root = ET.Element("div")
    if text.strip():  # Markdown.convert's steps, without serialising the tree to HTML we would not use
        lines = text.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        parsed = md.parser.parseDocument(lines).getroot()
        root = parsed if parsed is not None else root
        for treeprocessor in md.treeprocessors:
            replaced = treeprocessor.run(root)
            if replaced is not None:
                root = replaced
    blocks = list(md.htmlStash.rawHtmlBlocks)

    def resolve(value: str) -> str:
        def one(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return html.unescape(str(blocks[index])) if index < len(blocks) else ""

        return _STASH.sub(one, value)

    return root, resolve, list(md.references)


def _loses_characters(text: str, root: ET.Element, resolve: Callable[[str], str], labels: list[str]) -> bool:
    """Whether a letter or digit of the text appears nowhere in the tree (its text and attributes).

    List numbers become Word's numbering, entities their character and reference-link labels vanish
    by design; they are taken out of the count first."""
    source = html.unescape(_LIST_MARKERS.sub("", text))
    for label in labels:  # Python-Markdown keeps them lower-cased
        source = re.sub(rf"\[{re.escape(label)}\]", "", source, flags=re.IGNORECASE)
    wanted = Counter(_ALPHANUMERIC.findall(source))
    if not wanted:
        return False
    shown = Counter(_ALPHANUMERIC.findall(resolve("".join(root.itertext()))))
    for element in root.iter():
        for value in element.attrib.values():
            shown.update(_ALPHANUMERIC.findall(resolve(value)))
    return any(shown[character] < count for character, count in wanted.items())


@dataclass
class Target:
    """How an item's paragraphs are styled and where their lists and links are registered."""

    style_id: Callable[[str], str]  # style name → style id
    body_style: str
    list_style: str
    link_style_id: str | None
    code_style_id: str | None
    new_list: Callable[[bool], int]  # ordered? → a fresh numbering id
    relate: Callable[[str], str]  # a hyperlink's address → its relationship id
    symbol_font: str | None = None  # □ ○ ▵ ※ in the text are drawn from this (Hangul) font


def write(text: str, target: Target, prefix: str = "", suffix: str = "") -> list[Para]:
    """The text's paragraphs (to be placed by the caller); `prefix` opens the first one (a symbol, a number, a
    date)."""
    root, resolve = parse(text)
    writer = _Writer(target, resolve)
    writer.pending_prefix = prefix
    for child in root:
        writer.block(child)
    if not writer.paragraphs:  # an empty text still gets its (numbered) paragraph
        writer.new_paragraph(target.body_style)
    if suffix:
        writer.paragraphs[-1].add(suffix)
    return writer.paragraphs


class _Writer:
    def __init__(self, target: Target, resolve: Callable[[str], str]) -> None:
        self.target = target
        self.resolve = resolve
        self.paragraphs: list[Para] = []
        self.pending_prefix = ""

    def new_paragraph(self, style: str) -> Para:
        paragraph = Para(self.target.style_id(style))
        self.paragraphs.append(paragraph)
        if self.pending_prefix:
            prefix, self.pending_prefix = self.pending_prefix, ""
            self.runs(paragraph, prefix, {})
        return paragraph

    def block(self, element: ET.Element, level: int = 0) -> None:
        tag = element.tag
        if tag in ("ul", "ol"):
            num_id = self.target.new_list(tag == "ol")
            for item in element:
                self.list_item(item, num_id, level)
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
            paragraph = self.new_paragraph(self.target.body_style)
            self.inline(paragraph, element, {"bold": tag.startswith("h")})
        elif tag == "pre":
            paragraph = self.new_paragraph(self.target.body_style)
            self.runs(paragraph, "".join(element.itertext()).rstrip("\n"), {"code": True})
        elif tag == "hr":
            self.runs(self.new_paragraph(self.target.body_style), "—" * 8, {})
        elif tag == "blockquote":
            for child in element:
                self.block(child, level)
        else:  # anything else: its text, never lost
            text = "".join(element.itertext())
            if text.strip():
                self.runs(self.new_paragraph(self.target.body_style), text, {})

    def list_item(self, item: ET.Element, num_id: int, level: int) -> None:
        paragraph = self.new_paragraph(self.target.list_style)
        paragraph.numbering = (min(level, 8), num_id)
        # A tight item holds inline content; a loose one wraps it in <p>.
        self.inline(paragraph, item, {}, skip_blocks=True)
        first_block = True
        for child in item:
            if child.tag in ("ul", "ol"):
                self.block(child, level + 1)
            elif child.tag == "p":
                if first_block and not (item.text or "").strip():
                    self.inline(paragraph, child, {})
                else:
                    self.inline(self.new_paragraph(self.target.list_style), child, {})
                first_block = False

    def inline(self, paragraph: Para, element: ET.Element, marks: dict[str, bool], skip_blocks: bool = False) -> None:
        if element.text:
            self.runs(paragraph, element.text, marks)
        for child in element:
            if skip_blocks and child.tag in ("ul", "ol", "p"):
                continue
            tag = child.tag
            if tag in ("strong", "b"):
                self.inline(paragraph, child, {**marks, "bold": True})
            elif tag in ("em", "i"):
                self.inline(paragraph, child, {**marks, "italic": True})
            elif tag == "code":
                self.runs(paragraph, "".join(child.itertext()), {**marks, "code": True})
            elif tag == "br":
                paragraph.add("\n", *_marks(marks))
            elif tag == "a" and child.get("href"):
                style = self.target.link_style_id
                runs = [(text, *_marks(found), style) for text, found in self._flatten(child, marks)]
                paragraph.add_hyperlink(self.target.relate(self.resolve(child.get("href", ""))), runs)
            elif tag == "img":
                alt, src = child.get("alt", ""), child.get("src", "")
                self.runs(paragraph, f"{alt} ({src})" if alt else src, marks)
            else:
                self.inline(paragraph, child, marks)
            if child.tail:
                self.runs(paragraph, child.tail, marks)

    def _flatten(self, element: ET.Element, marks: dict[str, bool]) -> Iterator[tuple[str, dict[str, bool]]]:
        if element.text:
            yield self.resolve(element.text), marks
        for child in element:
            child_marks = dict(marks)
            if child.tag in ("strong", "b"):
                child_marks["bold"] = True
            elif child.tag in ("em", "i"):
                child_marks["italic"] = True
            yield from self._flatten(child, child_marks)
            if child.tail:
                yield self.resolve(child.tail), marks

    def runs(self, paragraph: Para, text: str, marks: dict[str, bool]) -> None:
        text = self.resolve(text)
        if not text:
            return
        bold, italic = _marks(marks)
        style = self.target.code_style_id if marks.get("code") else None
        font = self.target.symbol_font
        if font is None or style is not None:
            paragraph.add(text, bold, italic, style)
            return
        for number, piece in enumerate(_SYMBOLS.split(text)):
            if piece:  # odd pieces are symbols: ▵우주정책 → ▵ from the Hangul font, then the word
                if number % 2:
                    paragraph.add_symbols(piece, font, bold, italic)
                else:
                    paragraph.add(piece, bold, italic)


def _marks(marks: dict[str, bool]) -> tuple[bool, bool]:
    return bool(marks.get("bold")), bool(marks.get("italic"))

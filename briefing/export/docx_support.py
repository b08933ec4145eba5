"""Word (OOXML) details that python-docx leaves to its users: styles by name with fallbacks, East Asian
typography, numbering that restarts per list, hyperlinks, fields, bookmarks, deterministic files.

Facts behind each function: `shared/research/docx.md`.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import quoteattr

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import NamespacePrefixedTag, nsdecls
from docx.oxml.ns import qn as _qn
from docx.oxml.parser import oxml_parser
from docx.shared import Pt, RGBColor
from lxml import etree

# Element names resolved once: a 20,000-item export creates about a million elements and looks up millions of
# names; python-docx's `qn` and `OxmlElement` parse the prefixed name every time.
qn: Callable[[str], str] = functools.cache(_qn)


@functools.cache
def _element_name(tag: str) -> tuple[str, dict[str, str]]:
    name = NamespacePrefixedTag(tag)
    return name.clark_name, name.nsmap


def OxmlElement(tag: str) -> Any:
    """A new element `w:p`, `w:r`, … exactly as python-docx's `OxmlElement(tag)` makes it, its name parsed once."""
    clark_name, nsmap = _element_name(tag)
    return oxml_parser.makeelement(clark_name, nsmap=nsmap)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def visible_text(text: str) -> str:
    """XML cannot hold most control characters: show them as their Unicode control pictures (␀, ␛). A carriage
    return, alone or before a line feed, ends a line as a line feed does (Word and LibreOffice read a CR kept in a
    `w:t` differently: LibreOffice broke a bilingual table's row apart at one)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_INVALID.sub(lambda m: chr(0x2400 + ord(m.group(0))) if ord(m.group(0)) < 0x20 else "\ufffd", text)


# -- styles ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StyleSpec:
    """A built-in fallback for a style the renderer uses, added only when a template lacks it."""

    name: str
    kind: WD_STYLE_TYPE
    size: float | None = None
    bold: bool = False
    italic: bool = False
    align: str | None = None  # left, center, right, both
    space_before: float = 0
    space_after: float = 6
    indent: float = 0  # points
    color: str | None = None
    underline: bool = False
    keep_with_next: bool = False
    monospace: bool = False
    based_on: str | None = None


P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
STYLE_SPECS: dict[str, StyleSpec] = {
    spec.name: spec
    for spec in (
        StyleSpec("Briefing Title", P, size=18, bold=True, align="center", space_after=4),
        StyleSpec("Briefing Subtitle", P, size=11, align="center", space_after=2),
        StyleSpec("Briefing Heading", P, size=13, bold=True, space_before=12, space_after=6, keep_with_next=True),
        StyleSpec("Briefing Body", P, size=11, align="both", space_after=6),
        StyleSpec("Briefing Item", P, size=11, align="both", space_after=4, indent=14),
        StyleSpec("Briefing List", P, size=11, space_after=2),
        StyleSpec("Briefing Note", P, size=9.5, space_after=6, indent=14),
        StyleSpec("Briefing Card", P, size=10, space_after=0),
        StyleSpec("Briefing Table Header", P, size=10, bold=True, align="center", space_after=0),
        StyleSpec("Briefing Table Text", P, size=10, space_after=2),
        StyleSpec("Briefing Header", P, size=9, space_after=0),
        StyleSpec("Briefing Link", C, color="0563C1", underline=True),
        StyleSpec("Briefing Code", C, monospace=True),
        StyleSpec("Briefing Table", T),
    )
}


def ensure_styles(document: Any, fonts: Fonts) -> list[str]:
    """Add every Briefing style the template lacks; existing styles are left exactly as they are."""
    present = {style.name for style in document.styles}
    added = []
    for spec in STYLE_SPECS.values():
        if spec.name not in present:
            _add_style(document, spec, fonts)
            added.append(spec.name)
    return added


def _add_style(document: Any, spec: StyleSpec, fonts: Fonts) -> None:
    style = document.styles.add_style(spec.name, spec.kind)
    style.hidden = False
    style.quick_style = spec.kind is not T
    if spec.kind is T:
        _table_borders(style.element)
        return
    font = style.font
    if spec.size:
        font.size = Pt(spec.size)
    font.bold = spec.bold or None
    font.italic = spec.italic or None
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.underline:
        font.underline = True
    if spec.monospace:
        set_run_fonts(style.element.get_or_add_rPr(), "Consolas", "Consolas")
    if spec.kind is P:
        style.base_style = document.styles["Normal"] if "Normal" in {s.name for s in document.styles} else None
        paragraph = style.paragraph_format
        paragraph.space_before = Pt(spec.space_before)
        paragraph.space_after = Pt(spec.space_after)
        if spec.indent:
            paragraph.left_indent = Pt(spec.indent)
        if spec.keep_with_next:
            paragraph.keep_with_next = True
        if spec.align:
            jc = OxmlElement("w:jc")
            jc.set(qn("w:val"), spec.align)
            _insert_ppr_child(style.element.get_or_add_pPr(), jc)
        set_run_fonts(style.element.get_or_add_rPr(), fonts.latin[0], fonts.east_asian[0])
        korean_line_rules(style.element.get_or_add_pPr())


def _table_borders(style_element: Any) -> None:
    tbl_pr = _child(style_element, "w:tblPr")
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    tbl_pr.append(borders)
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    )
    tbl_pr.append(margins)


# Children of w:pPr in schema order: a child must go before any of its successors.
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    """The `tag` child of an OOXML element, created (as its first or last child) when missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return child


# The children of `w:pPr` that come after each one, in the schema's order (made once, not on every call).
_PPR_LATER = {name: frozenset(_PPR_ORDER[k + 1 :]) for k, name in enumerate(_PPR_ORDER)}


def _insert_ppr_child(ppr: Any, child: Any) -> None:
    name = child.tag.split("}")[1]
    existing = ppr.find(qn(f"w:{name}"))
    if existing is not None:
        ppr.replace(existing, child)
        return
    later = _PPR_LATER[name]
    for index, current in enumerate(ppr):
        if current.tag.split("}")[1] in later:
            ppr.insert(index, child)
            return
    ppr.append(child)


def _paragraph_properties(p: Any) -> Any:
    """The paragraph's `w:pPr` (`get_or_add_pPr()`), made without python-docx's lookups for a new, empty paragraph
    (where it is simply the first child)."""
    if len(p):
        return p.get_or_add_pPr()
    ppr = OxmlElement("w:pPr")
    p.append(ppr)
    return ppr


def korean_line_rules(ppr: Any) -> None:
    """Paragraph rules for Korean official text.

    `w:wordWrap w:val="0"`: lines break between words (eojeol), not inside them. `w:autoSpaceDE` and
    `w:autoSpaceDN` off: no automatic gap between Hangul and Latin letters or digits, which otherwise
    renders "제23차" as "제 23 차" and "TF장" as "TF 장" (official documents write them closed up).
    """
    for name in ("wordWrap", "autoSpaceDE", "autoSpaceDN"):
        rule = OxmlElement(f"w:{name}")
        rule.set(qn("w:val"), "0")
        _insert_ppr_child(ppr, rule)


def set_outline_level(ppr: Any, level: int) -> None:
    """An outline level (0 = level 1) in a paragraph or style `w:pPr`: Word's navigation pane and a table
    of contents (`TOC \\u`) list the paragraph, and LibreOffice makes it a PDF bookmark."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    _insert_ppr_child(ppr, outline)


def ensure_outline_level(document: Any, style_name: str, level: int) -> None:
    """Give a template's heading style an outline level unless the officer set one (kept as it is)."""
    style = document.styles[style_name]
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:outlineLvl")) is None:
        set_outline_level(ppr, level)


# -- fonts and language ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Fonts:
    east_asian: tuple[str, ...]  # first is used; the rest are the fallback chain
    latin: tuple[str, ...]


def set_run_fonts(rpr: Any, latin: str, east_asian: str) -> None:
    """Name fonts for Latin and East Asian text, dropping theme fonts (which would win over names)."""
    fonts = _child(rpr, "w:rFonts", first=True)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def apply_typography(document: Any, fonts: Fonts) -> None:
    """Document-wide Korean typography: default fonts and language, Korean theme font language, a
    font table whose entries name the next font of the chain as their alternative."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    rpr = _child(rpr_default, "w:rPr")
    set_run_fonts(rpr, fonts.latin[0], fonts.east_asian[0])
    lang = _child(rpr, "w:lang")
    # w:val is the language of Latin-script text, even in a Korean document: marking it Korean makes
    # LibreOffice break English words anywhere. Hangul takes w:eastAsia.
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "ko-KR")
    lang.set(qn("w:bidi"), "ar-SA")
    settings = document.settings.element
    theme_lang = _child(settings, "w:themeFontLang")
    theme_lang.set(qn("w:val"), "en-US")
    theme_lang.set(qn("w:eastAsia"), "ko-KR")
    _font_table(document, fonts)


def _font_table(document: Any, fonts: Fonts) -> None:
    try:
        table_part = document.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    # python-docx loads the font table as a plain Part (bytes): parse it, edit, and store the bytes back.
    table = table_part.element if isinstance(table_part, XmlPart) else parse_xml(table_part.blob)
    for chain, charset in ((fonts.east_asian, "81"), (fonts.latin, "00")):
        for index, name in enumerate(chain):
            entry = next((f for f in table.findall(qn("w:font")) if f.get(qn("w:name")) == name), None)
            if entry is None:
                entry = OxmlElement("w:font")
                entry.set(qn("w:name"), name)
                table.append(entry)
            for old in entry.findall(qn("w:altName")):
                entry.remove(old)
            if index + 1 < len(chain):
                alternative = OxmlElement("w:altName")
                alternative.set(qn("w:val"), chain[index + 1])
                entry.insert(0, alternative)
            if entry.find(qn("w:charset")) is None:
                character_set = OxmlElement("w:charset")
                character_set.set(qn("w:val"), charset)
                entry.append(character_set)
    if not isinstance(table_part, XmlPart):
        table_part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- numbering -------------------------------------------------------------------------------------

BULLET_ID, ORDERED_ID = 7301, 7302  # abstractNum ids of our own list definitions


def _numbering(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except NotImplementedError:  # the template has no numbering part: make one
        part = XmlPart(
            PackURI("/word/numbering.xml"),
            CT.WML_NUMBERING,
            parse_xml(f"<w:numbering {nsdecls('w')}/>"),
            document.part.package,
        )
        document.part.relate_to(part, RT.NUMBERING)
        return part.element


def ensure_list_definitions(document: Any, bullets: tuple[str, ...], ordered: tuple[tuple[str, str], ...]) -> None:
    """Our bullet and numbered list definitions (levels 0–8), added once per document."""
    numbering = _numbering(document)
    existing = {a.get(qn("w:abstractNumId")) for a in numbering.findall(qn("w:abstractNum"))}
    for abstract_id, levels in (
        (BULLET_ID, [("bullet", bullets[level % len(bullets)]) for level in range(9)]),
        (ORDERED_ID, [ordered[level % len(ordered)] for level in range(9)]),
    ):
        if str(abstract_id) in existing:
            continue
        xml = [
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="hybridMultilevel"/>'
        ]
        for level, (fmt, text) in enumerate(levels):
            indent = 360 + 360 * level
            xml.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{indent + 360}" w:hanging="360"/></w:pPr></w:lvl>'
            )
        xml.append("</w:abstractNum>")
        first_num = numbering.find(qn("w:num"))
        element = parse_xml("".join(xml))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)


class Lists:
    """Fresh numbering instances, each restarting at 1: every list of every item counts on its own."""

    _OVERRIDES = "".join(
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>' for level in range(9)
    )

    def __init__(self, document: Any) -> None:
        self.numbering = _numbering(document)
        used = [int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))]
        self.next_id = max([0, *used]) + 1

    def new(self, ordered: bool) -> int:
        num_id = self.next_id
        self.next_id += 1
        abstract = ORDERED_ID if ordered else BULLET_ID
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                f"{self._OVERRIDES}</w:num>"
            )
        )
        return num_id


def set_paragraph_style(paragraph: Any, style_id: str) -> None:
    ppr = _paragraph_properties(paragraph._p)
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    _insert_ppr_child(ppr, style)


def set_numbering(paragraph: Any, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    _insert_ppr_child(ppr, num_pr)


# -- runs, links, fields, bookmarks -----------------------------------------------------------------


def add_hyperlink(paragraph: Any, url: str, runs: Iterable[tuple[str, dict[str, bool]]], style_id: str | None) -> None:
    """A real hyperlink (external relationship), its text in the link character style."""
    relationship = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    for text, marks in runs:
        link.append(make_run(text, marks, style_id))
    paragraph._p.append(link)


def make_run(text: str, marks: dict[str, bool], style_id: str | None = None) -> Any:
    """A run with bold/italic marks and an optional character style; newlines and tabs become w:br/w:tab."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if style_id:
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), style_id)
        rpr.append(style)
    if marks.get("bold"):
        rpr.append(OxmlElement("w:b"))
    if marks.get("italic"):
        rpr.append(OxmlElement("w:i"))
    if len(rpr):
        run.append(rpr)
    for number, line in enumerate(visible_text(text).split("\n")):
        if number:
            run.append(OxmlElement("w:br"))
        for tab_number, piece in enumerate(line.split("\t")):
            if tab_number:
                run.append(OxmlElement("w:tab"))
            if piece:
                element = OxmlElement("w:t")
                element.text = piece
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(element)
    return run


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A field such as PAGE or NUMPAGES: begin, instruction, separate, result, end."""
    p = paragraph._p
    for part in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>{placeholder}</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p.append(parse_xml(part))


def add_bookmark(paragraph: Any, name: str, bookmark_id: int) -> None:
    """An invisible bookmark around the paragraph's content (names starting with _ are hidden in Word)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def bookmark_names(document: Any) -> list[str]:
    return [b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))]


# -- the file ---------------------------------------------------------------------------------------

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Briefing Studio</Application><AppVersion>{version}</AppVersion></Properties>"
)


def zip_time(when: datetime | None) -> tuple[int, int, int, int, int, int]:
    """A zip entry's time from a briefing's time (UTC; zip cannot hold times before 1980 or odd seconds)."""
    if when is None:
        return FIXED_ZIP_TIME
    utc = when.astimezone(UTC) if when.tzinfo is not None else when
    if utc.year < 1980:
        return FIXED_ZIP_TIME
    if utc.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second - utc.second % 2)


def zip_datetime(data: bytes) -> datetime | None:
    """The date of a DOCX's entries (as `deterministic_docx` wrote them), to keep it when the file is rewritten."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as bundle:
            entries = bundle.infolist()
    except zipfile.BadZipFile:
        return None
    if not entries or entries[0].date_time == FIXED_ZIP_TIME:
        return None
    return datetime(*entries[0].date_time, tzinfo=UTC)


def deterministic_docx(data: bytes, version: str, strip_thumbnail: bool = False, when: datetime | None = None) -> bytes:
    """Rewrite a saved DOCX with its entries dated `when` (the briefing's last change; 1980 without one) and our
    own app.xml, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if strip_thumbnail and info.filename.endswith("thumbnail.jpeg"):
                continue
            content = source.read(info)
            if info.filename == "docProps/app.xml":
                content = APP_XML.format(version=_app_version(version)).encode("utf-8")
            if strip_thumbnail and info.filename == "_rels/.rels":
                content = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", content)
            if strip_thumbnail and info.filename == "[Content_Types].xml":
                content = re.sub(rb'<Default Extension="jpeg"[^>]*/>', b"", content)
            fixed = zipfile.ZipInfo(info.filename, zip_time(when))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def _app_version(version: str) -> str:
    parts = [*version.split("."), "0", "0"][:2]
    return f"{int(parts[0]):02d}.{int(re.sub(r'[^0-9]', '', parts[1]) or 0):04d}"


# -- a clean file -----------------------------------------------------------------------------------

_LEFTOVER_RELATIONSHIPS = (
    RT.CUSTOM_XML,  # python-docx's default template carries a bibliography-sources item
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",  # Word 2010's copy of styles.xml
)
_STYLE_REFERENCES = tuple(_qn(tag) for tag in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink"))
_VAL = _qn("w:val")


def used_style_ids(document: Any) -> set[str]:
    """Style ids the document refers to from its body, headers, footers, notes and numbering, with every style
    those are based on or linked to, the default styles, and the renderer's own Briefing styles (the surface an
    officer restyles, kept even when this briefing has no item in one of them)."""
    styles_element = document.styles.element
    used: set[str] = set()
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart) and part.element is not styles_element:
            # Walked, not an XPath union: libxml2 merges the node sets of a union in quadratic time (145 of the
            # 500 s of a 20,000-item export).
            for reference in part.element.iter(*_STYLE_REFERENCES):
                value = reference.get(_VAL)
                if value is not None:
                    used.add(value)
    by_id = {style.get(qn("w:styleId")): style for style in styles_element.findall(qn("w:style"))}
    names = {
        style.find(qn("w:name")).get(qn("w:val")): key
        for key, style in by_id.items()
        if style.find(qn("w:name")) is not None
    }
    used.update(names[name] for name in STYLE_SPECS if name in names)
    used.update(key for key, style in by_id.items() if style.get(qn("w:default")) in ("1", "true", "on"))
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:next", "w:link"):
            link = style.find(qn(tag))
            target = link.get(qn("w:val")) if link is not None else None
            if target and target not in used:
                used.add(target)
                pending.append(target)
    return used


def template_fonts_everywhere(document: Any, fonts: Fonts, style_ids: Iterable[str]) -> None:
    """The template's fonts on every style the export uses (theme fonts dropped, which would win over the
    names), not only on the document defaults; a monospace style (code) keeps its own font."""
    monospace = {spec.name for spec in STYLE_SPECS.values() if spec.monospace}
    wanted = set(style_ids)
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:styleId")) not in wanted or (name is not None and name.get(qn("w:val")) in monospace):
            continue
        rpr = style.find(qn("w:rPr"))
        if style.get(qn("w:type")) == "numbering" or (rpr is None and style.get(qn("w:type")) == "table"):
            continue
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            style.append(rpr)  # w:rPr comes after w:pPr, and before table style properties (none here)
            _order_style_children(style)
        set_run_fonts(rpr, fonts.latin[0], fonts.east_asian[0])


_STYLE_ORDER = [
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
    "tblPr", "trPr", "tcPr", "tblStylePr",
]  # fmt: skip


def _order_style_children(style: Any) -> None:
    children = sorted(
        style,
        key=lambda child: (
            _STYLE_ORDER.index(child.tag.split("}")[1])
            if child.tag.split("}")[1] in _STYLE_ORDER
            else len(_STYLE_ORDER)
        ),
    )
    for child in children:
        style.append(child)


def clean_package(document: Any, fonts: Fonts) -> Mapping[str, int]:
    """Strip what python-docx's default template leaves behind: styles nothing uses (latent styles stay),
    the customXml bibliography and Word 2010's stylesWithEffects copy, and the "proofing done" flag
    (`w:proofState`) that would hide spelling errors from Word. Then the template's fonts reach every
    remaining style. Returns the style counts before and after."""
    styles_element = document.styles.element
    before = len(styles_element.findall(qn("w:style")))
    keep = used_style_ids(document)
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles_element.remove(style)
    template_fonts_everywhere(document, fonts, keep)
    for relationship_id, relationship in list(document.part.rels.items()):
        if relationship.reltype in _LEFTOVER_RELATIONSHIPS:
            document.part.rels.pop(relationship_id)
    settings = document.settings.element
    for flag in settings.findall(qn("w:proofState")):
        settings.remove(flag)
    return {"before": before, "after": len(styles_element.findall(qn("w:style")))}


# -- a template's placeholders ------------------------------------------------------------------------

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def fill_placeholders(
    p: Any,
    texts: Mapping[str, str],
    fields: Mapping[str, str],
    bold: Collection[str] = (),
    colours: Mapping[str, str] | None = None,
) -> bool:
    """Replace `{marking}`-style placeholders in one paragraph (`w:p`) run by run: every other run, image
    (`w:drawing`), field and tab of the paragraph stays as it was, and the filled text keeps the formatting of
    the run the placeholder started in. A placeholder split across runs (as Word saves text typed in pieces) is
    found too. `texts` maps placeholders to text ("" removes one), `fields` to a field instruction (PAGE); those
    in `bold` are also made bold, those in `colours` get that colour unless their run has its own. True when
    something was filled."""
    pattern = re.compile("|".join(re.escape(key) for key in sorted({*texts, *fields}, key=len, reverse=True)))
    filled = False
    search_from = 0
    while True:
        pieces = _text_elements(p)
        whole = "".join(t.text or "" for t in pieces)
        match = pattern.search(whole, search_from)
        if match is None:
            break
        _split_at(p, match.end())
        _split_at(p, match.start())
        inside = _runs_between(p, match.start(), match.end())
        first = inside[0]
        rpr = first.find(qn("w:rPr"))
        key = match.group(0)
        if key in fields:
            replacement = field_runs(fields[key], rpr)
        else:
            replacement = [_text_run(texts[key], rpr, key in bold)] if texts[key] else []
            colour = (colours or {}).get(key)
            for run in replacement if colour else ():
                run_rpr = run.find(qn("w:rPr"))
                if run_rpr is None:
                    run_rpr = OxmlElement("w:rPr")
                    run.insert(0, run_rpr)
                if run_rpr.find(qn("w:color")) is None:
                    set_run_property(run_rpr, "w:color", colour)
        for run in replacement:
            first.addprevious(run)
        for run in inside:
            for t in run.findall(qn("w:t")):
                run.remove(t)
            if all(child.tag == qn("w:rPr") for child in run):
                run.getparent().remove(run)
        search_from = match.start() + sum(len(t.text or "") for r in replacement for t in r.findall(qn("w:t")))
        filled = True
    return filled


def field_runs(instruction: str, rpr: Any = None, placeholder: str = "1") -> list[Any]:
    """A field (PAGE, NUMPAGES) as its five runs, each formatted like `rpr`."""
    runs = []
    for part in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>{placeholder}</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        run = parse_xml(part)
        if rpr is not None:
            run.insert(0, copy.deepcopy(rpr))
        runs.append(run)
    return runs


# The order of w:rPr's children in the schema (ECMA-376 CT_RPr), as far as this module writes them.
_RPR_ORDER = tuple(
    qn(f"w:{tag}")
    for tag in (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
        "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd"
    ).split()
)


def set_run_property(rpr: Any, tag: str, value: str | None = None) -> None:
    """Set one run property (`w:color`, `w:sz`, `w:b`) in its schema place, replacing an earlier one."""
    element = OxmlElement(tag)
    if value is not None:
        element.set(qn("w:val"), value)
    existing = rpr.find(qn(tag))
    if existing is not None:
        existing.addprevious(element)
        rpr.remove(existing)
        return
    rank = _RPR_ORDER.index(qn(tag))
    successor = next((c for c in rpr if c.tag in _RPR_ORDER and _RPR_ORDER.index(c.tag) > rank), None)
    if successor is not None:
        successor.addprevious(element)
    else:
        rpr.append(element)


def _text_run(text: str, rpr: Any, bold: bool) -> Any:
    run = make_run(text, {})
    own = copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr")
    if bold and own.find(qn("w:b")) is None:
        marker = OxmlElement("w:b")
        successor = next((child for child in own if child.tag not in {qn("w:rStyle"), qn("w:rFonts")}), None)
        if successor is not None:
            successor.addprevious(marker)
        else:
            own.append(marker)
    if len(own):
        run.insert(0, own)
    return run


def _text_elements(p: Any) -> list[Any]:
    return [t for t in p.iter(qn("w:t")) if t.getparent().tag == qn("w:r")]


def _split_at(p: Any, offset: int) -> None:
    """Make `offset` (in the paragraph's text) fall between two runs, splitting the run it falls in; an image
    or tab sharing that run stays on its side of the offset."""
    position = 0
    for t in _text_elements(p):
        text = t.text or ""
        k = offset - position
        position += len(text)
        if not 0 <= k <= len(text):
            continue
        run = t.getparent()
        children = [child for child in run if child.tag != qn("w:rPr")]
        before, after = children[: children.index(t)], children[children.index(t) + 1 :]
        if (k == 0 and not before) or (k == len(text) and not after):
            return  # already a run boundary
        rpr = run.find(qn("w:rPr"))
        second = OxmlElement("w:r")
        if rpr is not None:
            second.append(copy.deepcopy(rpr))
        if text[k:]:
            rest = OxmlElement("w:t")
            rest.text = text[k:]
            rest.set(_XML_SPACE, "preserve")
            second.append(rest)
        for child in after:
            second.append(child)
        t.text = text[:k]
        t.set(_XML_SPACE, "preserve")
        if not t.text:
            run.remove(t)
        run.addnext(second)
        return


def _runs_between(p: Any, start: int, end: int) -> list[Any]:
    """The runs whose text lies within [start, end) once both ends are run boundaries."""
    runs: list[Any] = []
    position = 0
    for t in _text_elements(p):
        text = t.text or ""
        if start <= position and position + len(text) <= end and text and t.getparent() not in runs:
            runs.append(t.getparent())
        position += len(text)
    return runs


# -- a draft's marks --------------------------------------------------------------------------------

WATERMARK_SHAPE = "PowerPlusWaterMarkObject"  # the name Word gives its Design → Watermark text shape
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
_TEXT_SHAPETYPE = (  # Word's own definition of a WordArt text shape (spt 136), as its watermark writes it
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(
        f'<v:f eqn="{eqn}"/>'
        for eqn in (
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        )
    )
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"'
    ' o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
)


def watermark_run(text: str, font: str, number: int, width_pt: float = 460) -> Any:
    """A run holding a diagonal, pale text watermark as Word's Design → Watermark makes it (a VML WordArt shape
    behind the text, centred on the page margins). Word and LibreOffice both show it on every page whose header
    holds it."""
    height = max(60.0, min(160.0, width_pt / max(len(text), 1) * 1.6))
    style = (
        f"position:absolute;margin-left:0;margin-top:0;width:{width_pt:.0f}pt;height:{height:.0f}pt;rotation:315;"
        "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        "mso-position-vertical:center;mso-position-vertical-relative:margin"
    )
    text_style = f'font-family:"{font}";font-size:1pt'
    return parse_xml(
        f"<w:r {nsdecls('w')} {_VML}><w:rPr><w:noProof/></w:rPr><w:pict>{_TEXT_SHAPETYPE}"
        f'<v:shape id="{WATERMARK_SHAPE}{number}" o:spid="_x0000_s{2049 + number}" type="#_x0000_t136" '
        f'style="{style}" o:allowincell="f" fillcolor="silver" stroked="f">'
        f'<v:fill opacity=".5"/><v:textpath style={quoteattr(text_style)} string={quoteattr(visible_text(text))}/>'
        "</v:shape></w:pict></w:r>"
    )


def add_watermark(header: Any, text: str, font: str, number: int) -> None:
    """Put the watermark into a header (python-docx `_Header`), in its first paragraph so the header keeps its
    height."""
    paragraphs = header.paragraphs
    paragraph = paragraphs[0] if paragraphs else header.add_paragraph()
    paragraph._p.append(watermark_run(text, font, number))


def shade_paragraph(paragraph: Any, fill: str) -> None:
    """A background colour behind the whole paragraph (`w:shd` in its properties)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    _insert_ppr_child(paragraph._p.get_or_add_pPr(), shading)


def tag_run(text: str, fill: str) -> Any:
    """A bold, shaded status tag such as "[machine]" that opens a draft's unfinished text."""
    run = make_run(text + " ", {"bold": True})
    rpr = run.find(qn("w:rPr"))
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    rpr.append(shading)  # after w:b, as the schema orders them
    return run


# -- 개조식 layout: hanging labels, keeping notes with their item, manual line breaks ----------------------


def symbol_run(text: str, font: str, marks: dict[str, bool] | None = None, style_id: str | None = None) -> Any:
    """A run drawn from one font for every script (`w:ascii`, `w:hAnsi`, `w:eastAsia`, `w:cs`, and the East Asian
    hint): □ ○ ▵ ※ then come from the Hangul font in Word and LibreOffice alike, never from the Latin font or a
    fallback."""
    run = make_run(text, marks or {}, style_id)
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    set_run_fonts(rpr, font, font)
    rpr.find(qn("w:rFonts")).set(qn("w:hint"), "eastAsia")
    style = rpr.find(qn("w:rStyle"))
    if style is not None:
        rpr.insert(0, style)  # the schema wants w:rStyle before w:rFonts
    return run


def tab_run() -> Any:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:tab"))
    return run


def set_indent(p: Any, left: int, hanging: int = 0) -> None:
    """A paragraph's left indent and hanging first line, in twips; with a hanging indent, a tab stop where the
    text starts, so the label's tab lands there in Word and LibreOffice (a tab is never stretched when the
    paragraph is justified, unlike a space)."""
    ppr = p.get_or_add_pPr()
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(max(0, left)))
    if hanging:
        indent.set(qn("w:hanging"), str(hanging))
        tabs = parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="left" w:pos="{max(0, left)}"/></w:tabs>')
        _insert_ppr_child(ppr, tabs)
    _insert_ppr_child(ppr, indent)


def keep(p: Any, *, with_next: bool = False, lines: bool = False) -> None:
    """Keep a paragraph on the page of the next one (`w:keepNext`) and/or its lines together (`w:keepLines`)."""
    ppr = p.get_or_add_pPr()
    for wanted, name in ((with_next, "keepNext"), (lines, "keepLines")):
        if wanted and ppr.find(qn(f"w:{name}")) is None:
            _insert_ppr_child(ppr, OxmlElement(f"w:{name}"))


# Children of w:compat before w:doNotExpandShiftReturn in the schema (CT_Compat).
_COMPAT_BEFORE = {
    qn(f"w:{name}")
    for name in (
        "useSingleBorderforContiguousCells wpJustification noTabHangInd noLeading spaceForUL noColumnBalance "
        "balanceSingleByteDoubleByteWidth noExtraLineSpacing doNotLeaveBackslashAlone ulTrailSpace"
    ).split()
}
# Children of w:settings that come after w:compat (CT_Settings), for a template that has no w:compat.
_SETTINGS_AFTER_COMPAT = {
    qn(f"w:{name}")
    for name in (
        "docVars rsids attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
        "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
        "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
    ).split()
} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def no_stretch_before_line_breaks(document: Any) -> None:
    """Word's "Don't expand character spaces on a line ending with SHIFT+RETURN" (`w:doNotExpandShiftReturn`):
    in a justified paragraph the line before a manual line break keeps its natural spacing instead of being
    stretched to the margin. LibreOffice reads it as its own "DoNotJustifyLinesWithManualBreak"."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        successor = next((child for child in settings if child.tag in _SETTINGS_AFTER_COMPAT), None)
        if successor is not None:
            successor.addprevious(compat)
        else:
            settings.append(compat)
    if compat.find(qn("w:doNotExpandShiftReturn")) is not None:
        return
    flag = OxmlElement("w:doNotExpandShiftReturn")
    before = [child for child in compat if child.tag in _COMPAT_BEFORE]
    if before:
        before[-1].addnext(flag)
    else:
        compat.insert(0, flag)


# -- tables at scale -------------------------------------------------------------------------------


class BodyAppender:
    """Paragraphs added to the end of a document's body in constant time each.

    python-docx's `Document.add_paragraph()` inserts before the body's `w:sectPr` by searching the body's children
    for it on every call, so a document of one paragraph per item is quadratic (about 12 of the 20 s of a
    5,000-item bilingual export). The page setup found once, each paragraph goes right before it."""

    def __init__(self, document: Any) -> None:
        from docx.text.paragraph import Paragraph

        self._paragraph = Paragraph
        self._parent = document._body
        self._body = document.element.body
        last = self._body[-1] if len(self._body) else None
        self._end = last if last is not None and last.tag == qn("w:sectPr") else None

    def add_paragraph(self) -> Any:
        """A new empty paragraph at the end of the body (before the page setup): `Document.add_paragraph()`."""
        p = OxmlElement("w:p")
        if self._end is not None and self._end.getparent() is self._body:
            self._end.addprevious(p)
        else:
            self._body.append(p)  # what python-docx does when the body has no w:sectPr
        return self._paragraph(p, self._parent)

    def append(self, element: Any) -> None:
        """An element (a paragraph or table made elsewhere) at the end of the body, before the page setup."""
        if self._end is not None and self._end.getparent() is self._body:
            self._end.addprevious(element)
        else:
            self._body.append(element)


class RowAppender:
    """Rows added to the end of a table in constant time each.

    python-docx's `Table.add_row()` looks the grid up again and `_Row.cells` walks every cell of the table (to
    honour merged cells), so a table of one row per item is quadratic: about 40 of the 54 s of a 20,000-item
    export. A briefing's tables have no merged cells, so a new row's cells are simply its own `w:tc`s.
    """

    def __init__(self, table: Any) -> None:
        from docx.table import _Cell

        self.table = table
        self._cell = _Cell
        self._row = OxmlElement("w:tr")  # the prototype: one cell per grid column, each with an empty paragraph
        for grid_col in table._tbl.tblGrid.gridCol_lst:
            tc = OxmlElement("w:tc")
            if grid_col.w is not None:
                tc.width = grid_col.w
            tc.append(OxmlElement("w:p"))
            self._row.append(tc)

    def add(self) -> AppendedRow:
        """A new last row, its cells (python-docx `_Cell`s) each holding one empty paragraph: a drop-in for
        `table.add_row()` where only `.cells` and `._tr` are used."""
        tr = copy.deepcopy(self._row)
        self.table._tbl.append(tr)
        return AppendedRow(tr, [self._cell(tc, self.table) for tc in tr.tc_lst])


@dataclass(frozen=True)
class AppendedRow:
    _tr: Any
    cells: list[Any]

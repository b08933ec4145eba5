"""Word (OOXML) details that python-docx leaves to its users: styles by name with fallbacks, East Asian
typography, numbering that restarts per list, hyperlinks, fields, bookmarks, deterministic files.

Facts behind each function: `shared/research/docx.md`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def visible_text(text: str) -> str:
    """XML cannot hold most control characters: show them as their Unicode control pictures (␀, ␛)."""
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


def _insert_ppr_child(ppr: Any, child: Any) -> None:
    name = child.tag.split("}")[1]
    existing = ppr.find(qn(f"w:{name}"))
    if existing is not None:
        ppr.replace(existing, child)
        return
    later = set(_PPR_ORDER[_PPR_ORDER.index(name) + 1 :])
    for index, current in enumerate(ppr):
        if current.tag.split("}")[1] in later:
            ppr.insert(index, child)
            return
    ppr.append(child)


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
    ppr = paragraph._p.get_or_add_pPr()
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


def deterministic_docx(data: bytes, version: str, strip_thumbnail: bool = False) -> bytes:
    """Rewrite a saved DOCX with fixed timestamps and our own app.xml, so equal input gives equal bytes."""
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
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def _app_version(version: str) -> str:
    parts = [*version.split("."), "0", "0"][:2]
    return f"{int(parts[0]):02d}.{int(re.sub(r'[^0-9]', '', parts[1]) or 0):04d}"

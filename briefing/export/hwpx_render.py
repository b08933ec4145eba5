"""Rendering a briefing into an HWPX (OWPML, KS X 6101) document, the format Korean offices file in Hancom 한글.

It walks the briefing in the order of the Word renderer (`render.py`) and says the same things by calling the
same functions: `numbering.py` for every label (□ ○ * ※, 3.2, the outline 1. 가.), its hanging width and the list
numbers, `content.py` for dates, markings and titles, `table_layout.py` for cutting a bilingual row taller than a
page; and it writes the same hidden bookmarks (`_bs_<section>_<item>_<digest>`) that the pack verifier reads back.

python-hwpx does the package (open the template, save, the editor-open safety check), fonts with their
fallbacks (`hh:substFont`), character and paragraph properties, tables, bookmarks, hyperlinks, page setup and
document properties. Written here by hand, because python-hwpx has no API for them or its API is too slow for
a 500-item document: body paragraphs and runs (`_Writer.paragraph`/`run`, one `hp:p`/`hp:run`/`hp:t` each, as
python-hwpx's own `add_paragraph` writes them), table rows cloned from the first one (`_Table.add_row`), the
page-number fields that fill `{page}`/`{pages}` (`_auto_number`), the draft's status tags, the tab after 붙임
and after every hanging label (`_tab`, inside the hp:t as Hancom writes it; `label_run`), the continuation rows
(`_RowSizer`) and the preview text.
"""

from __future__ import annotations

import copy
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lxml import etree

from briefing import xmlsafe
from briefing.export import content, hwpx_package, table_layout
from briefing.export import numbering as nb
from briefing.export.docx_support import visible_text, zip_time
from briefing.export.hwpx_markdown import Line, lines
from briefing.export.parts import DocumentParts, bilingual_parts, document_parts, lead_in, lists_participants
from briefing.export.render import ATTACHMENT_INDENT, CELL_MARGINS_PT, DRAFT_MARKS, item_bookmark
from briefing.export.templates import ItemStyle, Layout, Template, TemplateError
from briefing.language.phrases import (
    HWPX_MONO,
    HWPX_SANS,
    HWPX_SERIF,
    card_rows,
    catalog,
    meeting_name,
    schedule_label,
    secret_level,
)
from briefing.model import Briefing, Item, ItemType, Language

if TYPE_CHECKING:
    from hwpx.oxml import HwpxOxmlSection

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
_P, _RUN, _T = f"{{{HP}}}p", f"{{{HP}}}run", f"{{{HP}}}t"
MARKING_RED = "#C00000"
HWPUNIT_PER_MM = 7200 / 25.4
ATTACHMENT_MM = ATTACHMENT_INDENT.mm  # the DOCX's 붙임 indent
PLACEHOLDER = re.compile(r"\{(marking|draft|page|pages|title)\}")

# Font chains (first choice, fallback) per item style: the fallback goes into the font's hh:substFont.
SERIF, SANS, MONO = HWPX_SERIF, HWPX_SANS, HWPX_MONO
DEFAULT_FONTS = {
    ItemStyle.REPORT: {"body": SERIF, "heading": SANS},
    ItemStyle.PRESS: {"body": SANS, "heading": SANS},
    ItemStyle.PACK: {"body": SANS, "heading": SANS},
}


def render_hwpx(briefing: Briefing, template: Template, layout: Layout, *, draft: bool = False) -> bytes:
    """The document as HWPX bytes; the same input always gives the same bytes."""
    from hwpx import HwpxDocument  # python-hwpx takes a while to import: only when an HWPX is made

    path = template.hwpx_document(layout)
    data = hwpx_package.read_checked(path, template.key)
    try:
        document = HwpxDocument.open(data)
        sections = document.sections
    except Exception as error:  # python-hwpx raises many kinds for a damaged file
        reason = f"{type(error).__name__}: {error}"
        raise TemplateError("hwpx.not_hwpx", key=template.key, name=path.name, reason=reason) from None
    if not sections:
        raise TemplateError("hwpx.missing_part", key=template.key, name=path.name, part="Contents/section0.xml")
    return _Renderer(briefing, template, layout, document, draft).run()


def structure(data: bytes) -> list[tuple[str, str]]:
    """The sections and items of a rendered HWPX document, in order, from its bookmarks (as `pack.structure`)."""
    names: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in sorted(n for n in archive.namelist() if re.fullmatch(r"Contents/section\d+\.xml", n)):
            root = etree.fromstring(archive.read(part), xmlsafe.parser())
            names += [element.get("name", "") for element in root.iter(f"{{{HP}}}bookmark")]
    return content.bookmark_structure(names)


@dataclass(frozen=True)
class _Styles:
    """The character (charPr) and paragraph (paraPr) property ids the document uses."""

    chars: dict[str, str]
    paras: _ParagraphShapes


class _ParagraphShapes:
    """Paragraph property ids by name, minted by python-hwpx when first used (each takes a few milliseconds)."""

    def __init__(self, renderer: _Renderer, specs: dict[str, dict[str, Any]]) -> None:
        self.renderer, self.specs = renderer, specs
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}  # id → name

    def __getitem__(self, name: str) -> str:
        if name not in self.ids:
            self.ids[name] = self.renderer._para(**self.specs[name])
            self.names[self.ids[name]] = name
        return self.ids[name]

    def keep(self, paragraph: Any, *, with_next: bool = False, lines: bool = False) -> None:
        """Give a written paragraph the same shape that also keeps with the next paragraph and/or keeps its lines
        on one page (as the DOCX keeps a note and the end of the item it annotates)."""
        name = self.names.get(paragraph.get("paraPrIDRef", ""))
        if name is None:
            return
        kept = f"{name} keep {int(with_next)}{int(lines)}"
        extra = {"keep_with_next": True} if with_next else {}
        self.specs.setdefault(kept, {**self.specs[name], **extra, **({"keep_lines": True} if lines else {})})
        paragraph.set("paraPrIDRef", self[kept])


class _Writer:
    """Paragraphs and runs written straight into a section or a table cell (see the module's docstring)."""

    def __init__(self) -> None:
        self.next_id = 1

    def paragraph(self, parent: Any, para_pr: str) -> Any:
        element = etree.SubElement(
            parent,
            _P,
            {
                "id": str(self.next_id),
                "paraPrIDRef": para_pr,
                "styleIDRef": "0",
                "pageBreak": "0",
                "columnBreak": "0",
                "merged": "0",
            },
        )
        self.next_id += 1
        return element

    @staticmethod
    def run(paragraph: Any, text: str, char_pr: str) -> Any:
        run = etree.SubElement(paragraph, _RUN, {"charPrIDRef": char_pr})
        t = etree.SubElement(run, _T)
        parts = visible_text(text).split("\n")
        t.text = parts[0]
        for part in parts[1:]:  # a Markdown line break
            etree.SubElement(t, f"{{{HP}}}lineBreak").tail = part
        return run


class _Renderer:
    def __init__(self, briefing: Briefing, template: Template, layout: Layout, document: Any, draft: bool) -> None:
        self.briefing, self.template, self.layout, self.document, self.draft = (
            briefing,
            template,
            layout,
            document,
            draft,
        )
        self.language = content.layout_language(layout)
        self.section: HwpxOxmlSection = document.sections[0]
        self.body = self.section.element
        self.writer = _Writer()
        self.numbering = template.numbering
        self.item_style = nb.Style(template.style.value)
        self.bilingual = layout is Layout.BILINGUAL
        self.list_formats = nb.list_formats(self.item_style, self.language, self.numbering, self.bilingual)
        self.parts: DocumentParts | None = None  # the standard parts (parts.py), set by _front
        self.left_pt: dict[str, float] = {}  # where the wrapped lines of a hanging paragraph shape start

    # -- the whole document ----------------------------------------------------------------------
    def run(self) -> bytes:
        self._clear_body()
        if self.layout is Layout.BILINGUAL:
            self._landscape()
        self.styles = self._make_styles()
        self._header_and_footer()
        if self.layout is Layout.BILINGUAL:
            self._bilingual()
        else:
            self._single(self.language)
        if self.draft:
            self._open_comments()
        self._properties()
        self._renumber()
        return _deterministic(self._parts(), self.briefing.modified, self._preview_text())

    def _parts(self) -> dict[str, bytes]:
        """Every part of the package, the header and the section serialised from their trees.

        python-hwpx's own save (`to_bytes`) also runs its editor-open safety validation, which takes longer than the
        whole DOCX export of a 500-item briefing; the tests run that validation on every template and layout
        (tests/test_export_hwpx.py), and the pack verifier reads every file back."""
        package = self.document.package
        parts = {name: package.get_part(name) for name in package.part_names()}
        for header in self.document.oxml.headers:
            parts[header.part_name] = _xml(header.element)
        parts[self.section.part_name] = _xml(self.body)
        return parts

    def _clear_body(self) -> None:
        """Keep the first paragraph's section settings, header and footer; drop every text and paragraph else."""
        paragraphs = [child for child in self.body if child.tag == _P]
        first = paragraphs[0]
        for paragraph in paragraphs[1:]:
            self.body.remove(paragraph)
        for run in first.findall(_RUN):
            for t in run.findall(_T):
                run.remove(t)
            if len(run) == 0 and run is not first.find(_RUN):
                first.remove(run)
        for cache in first.findall(f"{{{HP}}}linesegarray"):
            first.remove(cache)

    def _landscape(self) -> None:
        size = self.section.properties.page_size
        if size.width < size.height:
            self.document.page.set_size(width=size.height, height=size.width, orientation="NARROWLY")

    def _usable_width(self) -> int:
        size, margins = self.section.properties.page_size, self.section.properties.page_margins
        return int(size.width - margins.left - margins.right)

    # -- styles ----------------------------------------------------------------------------------
    def _make_styles(self) -> _Styles:
        styles = self.document.styles
        chains = {**DEFAULT_FONTS[self.template.style], **self.template.hwpx_fonts}
        faces = {}
        for role in ("body", "heading"):
            chain = (*chains[role], "")
            styles.ensure_font(chain[0], subst_face=chain[1] or None, subst_type="TTF" if chain[1] else None)
            faces[role] = chain[0]
        styles.ensure_font(MONO[0], subst_face=MONO[1], subst_type="TTF")
        body, heading = faces["body"], faces["heading"]

        def run(**marks: Any) -> str:
            return str(styles.ensure_run(**marks))

        chars = {
            "body": run(font=body, size=11),
            "bold": run(font=body, size=11, bold=True),
            "italic": run(font=body, size=11, italic=True),
            "bold italic": run(font=body, size=11, bold=True, italic=True),
            "code": run(font=MONO[0], size=10),
            "link": run(font=body, size=11, underline=True, color="#0563C1"),
            "title": run(font=heading, size=18, bold=True),
            "subtitle": run(font=heading, size=13),
            "heading": run(font=heading, size=13, bold=True),
            "table": run(font=body, size=10),
            "table bold": run(font=body, size=10, bold=True),
            "table italic": run(font=body, size=10, italic=True),
            "table header": run(font=heading, size=10, bold=True),
            "banner": run(font=heading, size=20, bold=True),
            "release": run(font=body, size=10, bold=True),
            "note": run(font=body, size=10),
        }
        for status, (_, fill) in DRAFT_MARKS.items():
            chars[f"tag {status.value}"] = run(font=body, size=10, bold=True, highlight=f"#{fill}")
        specs: dict[str, dict[str, Any]] = {
            "title": {"alignment": "CENTER", "spacing_after_pt": 6},
            "subtitle": {"alignment": "CENTER", "spacing_after_pt": 12},
            "heading": {"spacing_before_pt": 12, "spacing_after_pt": 6, "keep_with_next": True},
            "body": {"alignment": "JUSTIFY", "spacing_after_pt": 6, "line_spacing_percent": 160},
            "item": {
                "alignment": "JUSTIFY",
                "spacing_after_pt": 4,
                "line_spacing_percent": 160,
                "indent_left_mm": 4,
                "first_line_indent_mm": -4,
            },
            "note": {
                "spacing_after_pt": 4,
                "line_spacing_percent": 150,
                "indent_left_mm": 4,
                "first_line_indent_mm": -4,
            },
            "cell": {"line_spacing_percent": 130},
            "cell center": {"alignment": "CENTER", "line_spacing_percent": 130},
            "page break heading": {"spacing_after_pt": 6, "page_break_before": True},
            "release": {"spacing_after_pt": 6},
            "right": {"alignment": "RIGHT", "spacing_after_pt": 2},
            "center": {"alignment": "CENTER", "spacing_before_pt": 6, "spacing_after_pt": 6},
            "end right": {"alignment": "RIGHT", "spacing_before_pt": 6, "spacing_after_pt": 6},
        }
        for level in range(1, 10):  # list depths: a hanging indent 4 mm deeper each
            specs[f"list {level}"] = {
                "line_spacing_percent": 160,
                "spacing_after_pt": 2,
                "indent_left_mm": 4 + 4 * level,
                "first_line_indent_mm": -4,
            }
        paras = _ParagraphShapes(self, specs)
        return _Styles(chars, paras)

    def _para(self, **format: Any) -> str:
        """A paragraph property id minted by python-hwpx (on a scratch paragraph, removed again)."""
        scratch = self.section.add_paragraph("", include_run=False, inherit_style=False, para_pr_id_ref="0")
        self.document.styles.apply_paragraph_format(paragraphs=[scratch], **format)
        ref = str(scratch.element.get("paraPrIDRef"))
        self.body.remove(scratch.element)
        return ref

    # -- header and footer -----------------------------------------------------------------------
    def _header_and_footer(self) -> None:
        """Fill {marking} {draft} {page} {pages} {title} in the template's header and footer; a template without
        placeholders gets the marking at the top and bottom, centred, and page X / Y below."""
        values = {
            "marking": content.marking(self.briefing, self.layout),
            "draft": content.draft_text(self.layout, self.draft),
            "title": self.briefing.title.get(self.language),
        }
        red = secret_level(self.briefing.meeting.marking)
        found = False
        for part in list(self.body.iter(f"{{{HP}}}header", f"{{{HP}}}footer")):  # every copy the section keeps
            for t in list(part.iter(_T)):
                if t.text and PLACEHOLDER.search(t.text):
                    self._fill(t, values, red)
                    found = True
        if found:
            return
        marking = {"text": values["marking"], "bold": True, "size": 12, **({"color": MARKING_RED} if red else {})}
        top = [{"text": values["draft"] + " ", "bold": True}] if values["draft"] else []
        self.document.page.set_header(content=[{"align": "CENTER", "children": [*top, marking]}])
        page_word = catalog(self.language).page if self.layout is not Layout.BILINGUAL else ""
        numbers = {"page_number": "page/total", "position": "BOTTOM_CENTER"}
        prefix = [{"text": f"{page_word} "}] if page_word else []
        self.document.page.set_footer(
            content=[{"align": "CENTER", "children": [marking]}, {"align": "CENTER", "children": [*prefix, numbers]}]
        )

    def _fill(self, t: Any, values: dict[str, str], red: bool) -> None:
        """Split the run at each placeholder: text stays in the run's character shape, the marking bold (red for
        a 비밀-level marking), the draft word bold, {page}/{pages} automatic numbers."""
        run = t.getparent()
        char_pr = run.get("charPrIDRef", "0")
        styles = self.document.styles
        pieces: list[tuple[str, str]] = []  # (kind, text)
        position = 0
        for match in PLACEHOLDER.finditer(t.text):
            pieces.append(("text", t.text[position : match.start()]))
            pieces.append((match.group(1), values.get(match.group(1), "")))
            position = match.end()
        pieces.append(("text", t.text[position:]))
        anchor = run
        for kind, text in pieces:
            if kind in ("page", "pages"):
                new = etree.Element(_RUN, {"charPrIDRef": char_pr})
                _auto_number(new, "PAGE" if kind == "page" else "TOTAL_PAGE")
            elif not text:
                continue
            else:
                shape = char_pr
                if kind == "marking":
                    shape = str(
                        styles.ensure_run(base_char_pr_id=char_pr, bold=True, color=MARKING_RED if red else None)
                    )
                elif kind == "draft":
                    shape = str(styles.ensure_run(base_char_pr_id=char_pr, bold=True))
                new = etree.Element(_RUN, {"charPrIDRef": shape})
                etree.SubElement(new, _T).text = visible_text(text)
            anchor.addnext(new)
            anchor = new
        run.remove(t)
        if len(run) == 0:
            run.getparent().remove(run)

    # -- shared pieces ---------------------------------------------------------------------------
    def paragraph(self, style: str, text: str = "", char: str = "body", parent: Any = None) -> Any:
        element = self.writer.paragraph(self.body if parent is None else parent, self.styles.paras[style])
        if text:
            self.writer.run(element, text, self.styles.chars[char])
        return element

    @staticmethod
    def bookmark(paragraph: Any, name: str) -> None:
        """A hidden bookmark at the end of the paragraph, written as python-hwpx's `refs.add_bookmark` writes it
        (by hand: that call takes longer than rendering the item)."""
        run = etree.SubElement(paragraph, _RUN, {"charPrIDRef": "0"})
        etree.SubElement(etree.SubElement(run, f"{{{HP}}}ctrl"), f"{{{HP}}}bookmark", {"name": name})

    def item_mark(self, item: Item, language: Language, s: int, i: int) -> nb.Mark:
        """An item's hanging label (□/○, 3.2, 가., */※) and what opens its text (a schedule's date), as the DOCX."""
        mark = nb.item_mark(self.item_style, language, item.type, item.note_mark, s, i, self.numbering, self.bilingual)
        when = item.when if item.type is ItemType.SCHEDULE else None
        if when is not None:
            style = content.date_style(self.template, language)
            return nb.Mark(mark.label, mark.lead + schedule_label(when, language, style))
        return mark

    def section_mark(self, language: Language, number: int) -> nb.Mark:
        return nb.section_mark(self.item_style, language, number, self.numbering, self.bilingual)

    def item_hang(self, items: list[Item], language: Language, s: int) -> dict[bool, float]:
        """The hanging indent (ems) of a section's items and of its notes: the widest label of each kind."""
        labels: dict[bool, list[str]] = {False: [], True: []}
        for i, item in enumerate(items, start=1):
            labels[item.type is ItemType.NOTE].append(self.item_mark(item, language, s, i).label)
        return {note: nb.hanging_em(found) for note, found in labels.items()}

    def hanging(self, base: str, char: str, label: str, hang_em: float) -> tuple[str, str, int]:
        """The paragraph shapes of a labelled paragraph (개조식): its first line (label, tab, text; 내어쓰기, the
        wrapped lines starting where the text after the label starts) and its further paragraphs (aligned with
        that text); and the tab's width in HWPUNIT. Hancom starts the first line at the paragraph's left margin and
        takes a negative indent off the other lines, where Word moves the first line left of the margin: the first
        line starts where the base shape's starts, the tab stop stands where the other lines start."""
        size = CHAR_POINTS[char]
        hang_pt = max(hang_em, nb.hanging_em([label])) * size
        hang_mm = round(hang_pt * 25.4 / 72, 2)
        spec = self.styles.paras.specs[base]
        left = float(spec.get("indent_left_mm", 0))
        first, rest = f"{base} hang {hang_mm}", f"{base} under {hang_mm}"
        self.styles.paras.specs.setdefault(
            first,
            {
                **spec,
                "indent_left_mm": left,
                "first_line_indent_mm": -hang_mm,
                "tab_stops": [{"pos_mm": left + hang_mm, "type": "LEFT"}],
            },
        )
        self.styles.paras.specs.setdefault(
            rest, {**spec, "indent_left_mm": left + hang_mm, "first_line_indent_mm": 0, "spacing_before_pt": 0}
        )
        tab = round(hang_pt * 100 - nb.label_width_em(label) * size * 100)
        first_id, rest_id = self.styles.paras[first], self.styles.paras[rest]
        for shape in (first_id, rest_id):
            self.left_pt[shape] = (left + hang_mm) * 72 / 25.4
        return first_id, rest_id, tab

    def label_run(self, paragraph: Any, label: str, char: str, tab_width: int) -> None:
        """The label and the tab after it, inside the label's hp:t as Hancom writes tabs; its symbols (□ ○ ※) come
        from the Hangul font, as every run's do here (python-hwpx sets one face for all of a charPr's scripts, and
        the chains are Hangul fonts)."""
        run = self.writer.run(paragraph, label, self.styles.chars[char])
        run.find(_T).append(_tab(tab_width))

    def write_item(
        self, parent: Any, item: Item, language: Language, s: int, i: int, in_table: bool, hang_em: float = 0.0
    ) -> list[Any]:
        """The item's paragraphs: its label and a tab (hanging, as the DOCX), the lead (a schedule's date, a
        press release's dateline), its Markdown text, its suffix."""
        mark = self.item_mark(item, language, s, i)
        opening = lead_in(self.parts, self.briefing, s, i) if self.parts is not None else ""
        lead = opening + mark.lead
        suffix = content.item_suffix(item, language, self.template)
        note = item.type is ItemType.NOTE
        body_char = "table" if in_table else ("note" if note else "body")
        if in_table:
            first_style = "cell"
        elif note:
            first_style = "note"
        else:
            first_style = "item" if self.template.style is ItemStyle.REPORT else "body"
        first_shape = self.styles.paras[first_style]
        under = tab = None
        if mark.label:
            first_shape, under, tab = self.hanging(first_style, body_char, mark.label, hang_em)
        tag = DRAFT_MARKS.get(item.status) if self.draft and language is item.target else None
        paragraphs = []
        text_lines = lines(item.text.get(language), self.list_formats)
        for number, line in enumerate(text_lines):
            if number == 0:
                shape = first_shape
            elif line.level and not in_table:
                shape = self._list_shape(line.level, first_style if under is not None else "", mark.label, hang_em)
            else:
                shape = under or self.styles.paras["cell" if in_table else first_style]
            element = self.writer.paragraph(parent, shape)
            paragraphs.append(element)
            if number == 0 and mark.label:
                self.label_run(element, mark.label, body_char, tab or 0)
            if number == 0 and tag is not None:
                words = catalog(language).draft_tags[tag[0]]
                self.writer.run(element, f"{words} ", self.styles.chars[f"tag {item.status.value}"])
            if number == 0 and lead:
                self.writer.run(element, lead, self.styles.chars[body_char])
            if line.label:
                indent = "  " * (line.level - 1) if in_table else ""  # a cell has no room for list indents
                self.writer.run(element, f"{indent}{line.label} ", self.styles.chars[body_char])
            self._spans(element, line, body_char)
        if suffix:
            self.writer.run(paragraphs[-1], suffix, self.styles.chars[body_char])
        return paragraphs

    def _list_shape(self, level: int, base: str, label: str, hang_em: float) -> str:
        """A list line inside an item: 4 mm deeper a level, under the item's text when the item hangs a label."""
        if not base:
            return self.styles.paras[f"list {min(level, 9)}"]
        size = CHAR_POINTS["body"]
        hang_mm = round(max(hang_em, nb.hanging_em([label])) * size * 25.4 / 72, 2)
        spec = self.styles.paras.specs[base]
        left = float(spec.get("indent_left_mm", 0)) + hang_mm
        name = f"list {min(level, 9)} under {left}"
        self.styles.paras.specs.setdefault(
            name,
            {
                **self.styles.paras.specs[f"list {min(level, 9)}"],
                "indent_left_mm": left + 4 * (min(level, 9) - 1),
                "first_line_indent_mm": -4,
            },
        )
        return self.styles.paras[name]

    def _spans(self, element: Any, line: Line, body_char: str) -> None:
        chars = self.styles.chars
        index = 0
        spans = line.spans
        while index < len(spans):
            span = spans[index]
            if span.link:  # the link's consecutive spans as one hyperlink
                text = span.text
                while index + 1 < len(spans) and spans[index + 1].link == span.link:
                    index += 1
                    text += spans[index].text
                from hwpx.oxml import HwpxOxmlParagraph

                paragraph = HwpxOxmlParagraph(element, self.section)
                self.document.refs.add_hyperlink(
                    span.link, visible_text(text), paragraph=paragraph, char_pr_id_ref=chars["link"]
                )
            else:
                if span.code:
                    char = "code"
                elif span.bold or span.italic:
                    char = " ".join(word for word, on in (("bold", span.bold), ("italic", span.italic)) if on)
                else:
                    char = body_char
                self.writer.run(element, span.text, chars[char])
            index += 1

    # -- one language ----------------------------------------------------------------------------
    def _single(self, language: Language) -> None:
        parts = document_parts(
            self.briefing, self.template.style, language, content.date_style(self.template, language)
        )
        self._front(parts)
        rows = self._card_rows(language)
        if rows:
            table = _Table(self, (0.2, 0.8))
            for label, value in rows:
                cells = table.add_row()
                self.paragraph("cell", label, "table bold", cells[0])
                self.paragraph("cell", value, "table", cells[1])
            table.done()
            self.paragraph("body")
        sections = self.briefing.sections
        heading_hang = nb.hanging_em([self.section_mark(language, s).label for s in range(1, len(sections) + 1)])
        for s, section in enumerate(sections, start=1):
            label = self.section_mark(language, s).label
            if label:
                shape, _, tab = self.hanging("heading", "heading", label, heading_hang)
                heading = self.writer.paragraph(self.body, shape)
                self.label_run(heading, label, "heading", tab)
                self.writer.run(heading, content.section_title(section, language), self.styles.chars["heading"])
            else:
                heading = self.paragraph("heading", content.section_title(section, language), "heading")
            self.bookmark(heading, f"_bs_{s}_0")
            hang = self.item_hang(section.items, language, s)
            previous: list[Any] = []
            for i, item in enumerate(section.items, start=1):
                note = item.type is ItemType.NOTE
                paragraphs = self.write_item(self.body, item, language, s, i, False, hang[note])
                if note:  # a note stays whole, on the page of the item it annotates (as the DOCX)
                    if previous:
                        self.styles.paras.keep(previous[-1], with_next=True)
                    for paragraph in paragraphs:
                        self.styles.paras.keep(paragraph, with_next=paragraph is not paragraphs[-1], lines=True)
                self.bookmark(paragraphs[0], item_bookmark(s, i, item.id))
                previous = paragraphs
        self._closing(parts)

    def _card_rows(self, language: Language) -> list[tuple[str, str]]:
        """The card's lines; a press release leaves the participants to its prose (as the DOCX)."""
        participants = lists_participants(self.template.style)
        return card_rows(
            self.briefing, language, content.date_style(self.template, language), participants=participants
        )

    # -- the standard parts around the sections (briefing/export/parts.py decides them) ----------
    def _front(self, parts: DocumentParts) -> None:
        """Banner, release line and contact table (a press release), title, subtitle, report date and author."""
        self.parts = parts
        if parts.banner:
            self.paragraph("title", parts.banner, "banner")
        if parts.release:
            self.paragraph("release", parts.release, "release")
        if parts.contacts is not None:
            table = _Table(self, (0.4, 0.25, 0.35))
            cells = table.add_row()
            for cell, text in zip(cells, parts.contacts.header, strict=True):
                self.paragraph("cell center", text, "table header", cell)
            for row in parts.contacts.rows:
                cells = table.add_row()
                for cell, text in zip(cells, row, strict=True):
                    self.paragraph("cell", text, "table", cell)
            table.done()
            self.paragraph("body")
        self.paragraph("title", parts.title, "title")
        if parts.subtitle:
            self.paragraph("subtitle", parts.subtitle, "subtitle")
        for line in parts.report_lines:
            self.paragraph("right", line, "body")  # at the top right

    def _closing(self, parts: DocumentParts) -> None:
        """After the last item, in the order `DocumentParts.closing` gives: the end mark ("끝." at the right,
        "###" centred), the 붙임 list, an English release's media contact."""
        for part in parts.closing():
            if part == "end_mark" and parts.end_mark:
                self.paragraph("center" if parts.end_mark == "###" else "end right", parts.end_mark, "body")
            elif part == "attachments" and parts.attachments:
                self._attachments(parts.attachments_label, parts.attachments)
            elif part == "media_contact" and parts.media_contact:
                for n, line in enumerate(parts.media_contact):
                    self.paragraph("body", line, "bold" if n == 0 else "body")

    def _attachments(self, label: str, entries: tuple[str, ...]) -> None:
        """붙임 and its entries, the entries aligned after the label at the DOCX's indent (further when a label such
        as "붙임 / Attachments:" is wider). Hancom starts a paragraph's first line at the left margin and takes a
        negative indent off the other lines (내어쓰기), where Word moves the first line left of the margin: the
        margin stays 0 here, and the tab stop stands where the other lines start."""
        stop = max(ATTACHMENT_MM, math.ceil(_advance(label, 11) / HWPUNIT_PER_MM + 3))
        name = f"attachment {stop}"
        self.styles.paras.specs.setdefault(
            name,
            {
                "spacing_after_pt": 2,
                "line_spacing_percent": 160,
                "indent_left_mm": 0,
                "first_line_indent_mm": -stop,
                "tab_stops": [{"pos_mm": stop, "type": "LEFT"}],
            },
        )
        for n, entry in enumerate(entries):
            shown = label if n == 0 else ""
            element = self.paragraph(name, shown, "body")
            run = self.writer.run(element, entry, self.styles.chars["body"])
            t = run.find(_T)  # the tab inside the entry's hp:t, where Hancom keeps it
            tab = _tab(round(stop * HWPUNIT_PER_MM) - _advance(shown, 11))
            tab.tail, t.text = t.text, None
            t.insert(0, tab)

    # -- side by side ----------------------------------------------------------------------------
    def _bilingual(self) -> None:
        ko, en = Language.KO, Language.EN
        parts = bilingual_parts(self.briefing, self.template.style, self.template.date_styles)
        self._front(parts)
        card = _Table(self, (0.5, 0.5))
        names = (meeting_name(self.briefing, ko), meeting_name(self.briefing, en))
        if any(names):
            cells = card.add_row()
            self.paragraph("cell", names[0], "table bold", cells[0])
            self.paragraph("cell", names[1], "table bold", cells[1])
        for (label_ko, value_ko), (label_en, value_en) in zip(self._card_rows(ko), self._card_rows(en), strict=False):
            cells = card.add_row()
            self.paragraph("cell", f"{label_ko}: {value_ko}", "table", cells[0])
            self.paragraph("cell", f"{label_en}: {value_en}", "table", cells[1])
        card.done()
        self.paragraph("body")

        shares = (0.08, 0.46, 0.46)
        table = _Table(self, shares, header=True)
        sizer = _RowSizer(self, table.widths[1])
        cells = table.add_row()
        heads = (
            f"{catalog(ko).number_label} / {catalog(en).number_label}",
            catalog(ko).language_name,
            catalog(en).language_name,
        )
        for cell, text in zip(cells, heads, strict=True):
            self.paragraph("cell center", text, "table header", cell)
        for s, section in enumerate(self.briefing.sections, start=1):
            cells = table.add_row()
            self.paragraph("cell center", str(s), "table header", cells[0])
            for cell, language in zip(cells[1:], (ko, en), strict=True):
                label = self.section_mark(language, s).label
                # a space, not a tab, after a label: as the DOCX's centred row
                text = content.section_title(section, language)
                paragraph = self.paragraph("cell", f"{label} {text}" if label else text, "table header", cell)
                if language is ko:
                    self.bookmark(paragraph, f"_bs_{s}_0")
            hangs = {language: self.item_hang(section.items, language, s) for language in (ko, en)}
            for i, item in enumerate(section.items, start=1):
                note = item.type is ItemType.NOTE
                cells = table.add_row()
                number = nb.number_column(s, i)
                self.paragraph("cell center", number, "table", cells[0])
                written = []
                for cell, language in zip(cells[1:], (ko, en), strict=True):
                    paragraphs = self.write_item(cell, item, language, s, i, True, hangs[language][note])
                    if language is ko:
                        self.bookmark(paragraphs[0], item_bookmark(s, i, item.id))
                    written.append(paragraphs)
                sizer.place(table, cells, written, number)
        table.done()
        if parts.attachments:
            self.paragraph("body")
        self._closing(parts)

    # -- a draft's appendix of open comments -----------------------------------------------------
    def _open_comments(self) -> None:
        open_comments = content.open_comments(self.briefing)
        if not open_comments:
            return
        phrases = [catalog(language) for language in content.layout_languages(self.layout)]
        self.paragraph("page break heading", content.both([p.comments_title for p in phrases]), "heading")
        table = _Table(self, (0.1, 0.2, 0.7), header=True)
        cells = table.add_row()
        for column, cell in enumerate(cells):
            self.paragraph("cell", content.both([p.comments_columns[column] for p in phrases]), "table header", cell)
        for number, comment in open_comments:
            cells = table.add_row()
            text = ("↳ " if comment.reply_to else "") + comment.text
            for cell, value in zip(cells, (number, comment.author, text), strict=True):
                self.paragraph("cell", value, "table", cell)
        table.done()

    # -- properties ------------------------------------------------------------------------------
    def _properties(self) -> None:
        layout = self.layout
        subject = content.both(
            [name for name in (meeting_name(self.briefing, lang) for lang in content.layout_languages(layout)) if name]
        )
        self.document.package.set_document_metadata(
            title=content.document_title(self.briefing, layout),
            creator=self.briefing.author,
            subject=subject,
            keyword=self.briefing.meeting.series.code,
            created_date=_iso(self.briefing.created),
            modified_date=_iso(self.briefing.modified),
        )

    def _renumber(self) -> None:
        renumber(self.body)

    def _preview_text(self) -> str:
        return "\n".join("".join(t.itertext()) for t in self.body.iter(_T))[:1000]


CHAR_POINTS = {"body": 11.0, "note": 10.0, "table": 10.0, "heading": 13.0}  # the sizes of `_make_styles`' runs


class _RowSizer:
    """Items of the bilingual table taller than a page cut into rows that continue with "(계속)"/"(continued)": the
    DOCX writer's rule (`render._RowSizer`: the same estimates from `table_layout`, the same page and column size,
    which the built-in templates of both formats share), so both files cut an item at the same paragraphs and their
    texts compare equal. Hancom splits rows itself (the table's `pageBreak="CELL"`); OWPML has no per-row
    "cannot split", so only the cutting is done here."""

    SIZE = 10.0  # the table text's points

    def __init__(self, renderer: _Renderer, column_width: int) -> None:
        self.renderer = renderer
        props = renderer.section.properties
        size, margins = props.page_size, props.page_margins
        usable = (size.width - margins.left - margins.right) / 100
        share = column_width / max(renderer._usable_width(), 1)
        self.width_em = (usable * share - CELL_MARGINS_PT) / self.SIZE
        page = (size.height - margins.top - margins.bottom) / 100
        self.page_lines = page / (self.SIZE * table_layout.LINE_HEIGHT_EM)
        self.budget = self.page_lines * 0.7

    def height(self, paragraph: Any) -> float:
        """Estimated lines of a cell paragraph, with its space after (about a fifth of a line), as the DOCX's."""
        text = ""
        for t in paragraph.iterfind(f"{_RUN}/{_T}"):
            text += t.text or ""
            for child in t:
                text += "\n" if child.tag == f"{{{HP}}}lineBreak" else " "
                text += child.tail or ""
        left = self.renderer.left_pt.get(paragraph.get("paraPrIDRef", ""), 0.0)
        return table_layout.text_lines(text, self.width_em - left / self.SIZE) + 0.2

    def place(self, table: _Table, cells: list[Any], written: list[list[Any]], number: str) -> None:
        heights = [[self.height(paragraph) for paragraph in paragraphs] for paragraphs in written]
        if max(sum(column) for column in heights) <= self.page_lines * 0.9:
            return
        if len(written[0]) == len(written[1]):
            joint = [max(pair) for pair in zip(*heights, strict=True)]
            cuts = [table_layout.cut(joint, self.budget)] * 2
        else:
            cuts = [table_layout.cut(column, self.budget) for column in heights]
        parts = [table_layout.pieces(len(w), c) for w, c in zip(written, cuts, strict=True)]
        renderer = self.renderer
        for k in range(1, max(len(column) for column in parts)):
            new = table.add_row()
            renderer.paragraph("cell center", number, "table", new[0])
            for cell, paragraphs, ranges, language in zip(
                new[1:], written, parts, (Language.KO, Language.EN), strict=True
            ):
                if k >= len(ranges):
                    continue  # `_Table.done` gives an empty cell its paragraph
                moved = [paragraphs[j] for j in ranges[k]]
                for p in moved:
                    cell.append(p)
                marker = etree.Element(_RUN, {"charPrIDRef": renderer.styles.chars["table italic"]})
                etree.SubElement(marker, _T).text = catalog(language).continued + " "
                moved[0].insert(0, marker)


class _Table:
    """A table made by python-hwpx with one row; more rows are clones of it (python-hwpx's cell access is slow on
    long tables), renumbered and sized here."""

    def __init__(self, renderer: _Renderer, shares: Sequence[float], header: bool = False) -> None:
        self.renderer = renderer
        width = renderer._usable_width()
        self.widths = [int(width * share) for share in shares]
        table = renderer.document.add_table(1, len(shares), section=renderer.section, width=sum(self.widths))
        self.element = table.element
        self.element.set("repeatHeader", "1" if header else "0")
        self.element.set("pageBreak", "CELL")
        self.header = header
        self.prototype = copy.deepcopy(self.element.find(f"{{{HP}}}tr"))
        self.element.remove(self.element.find(f"{{{HP}}}tr"))
        for paragraph in self.prototype.iter(_P):
            paragraph.getparent().remove(paragraph)
        for column, tc in enumerate(self.prototype.findall(f"{{{HP}}}tc")):
            size = tc.find(f"{{{HP}}}cellSz")
            if size is not None:
                size.set("width", str(self.widths[column]))
        self.rows = 0

    def add_row(self) -> list[Any]:
        """The new row's cells (their hp:subList, where paragraphs go)."""
        row = copy.deepcopy(self.prototype)
        for tc in row.findall(f"{{{HP}}}tc"):
            tc.find(f"{{{HP}}}cellAddr").set("rowAddr", str(self.rows))
            tc.set("header", "1" if self.header and self.rows == 0 else "0")
        self.element.append(row)
        self.rows += 1
        return [tc.find(f"{{{HP}}}subList") for tc in row.findall(f"{{{HP}}}tc")]

    def done(self) -> None:
        self.element.set("rowCnt", str(self.rows))
        total = 0
        for row in self.element.findall(f"{{{HP}}}tr"):
            height = 0
            for column, tc in enumerate(row.findall(f"{{{HP}}}tc")):
                cell = tc.find(f"{{{HP}}}subList")
                if cell.find(_P) is None:  # every cell holds a paragraph
                    self.renderer.writer.paragraph(cell, self.renderer.styles.paras["cell"])
                height = max(height, _cell_height(cell, self.widths[column]))
            for tc in row.findall(f"{{{HP}}}tc"):
                tc.find(f"{{{HP}}}cellSz").set("height", str(height))
            total += height
        size = self.element.find(f"{{{HP}}}sz")
        if size is not None:
            size.set("height", str(total))
        if self.rows == 0:
            anchor = self.element
            while anchor.getparent() is not None and anchor.tag != _P:
                anchor = anchor.getparent()
            if anchor.getparent() is not None:
                anchor.getparent().remove(anchor)


def _cell_height(cell: Any, width: int) -> int:
    """A row height that fits the cell's text (10 pt, 130 % lines): Hancom grows a row to fit its text, but other
    renderers draw the height written, so it is estimated from the text's width (full-width Hangul, half-width
    Latin) and the cell's inner width."""
    inner = max(width - 1020, 1000)
    lines = 0
    for paragraph in cell.iter(_P):
        text = "".join(paragraph.itertext())
        advance = 550 * len(text) + 450 * _wide(text)
        lines += max(1, -(-advance // inner)) + text.count("\n")
    return lines * 1300 + 282 + 400


def renumber(root: Any) -> None:
    """Number a section's paragraph, table, header and field ids in document order (python-hwpx draws random ones),
    so that equal input gives equal bytes; the references (a field's end, a header's apply) follow their ids."""
    mapping: dict[str, str] = {}
    for element in root.iter():
        for name in ("id", "fieldid"):
            value = element.get(name)
            if value and value.isdigit() and value not in mapping:
                mapping[value] = str(len(mapping) + 1)
    for element in root.iter():
        for name in ("id", "fieldid", "beginIDRef", "idRef"):
            value = element.get(name)
            if value and value in mapping:
                element.set(name, mapping[value])


def _advance(text: str, points: float) -> int:
    """An estimate of a text's width in HWPUNIT at a size in points: a Hangul syllable an em, another character
    half an em (맑은 고딕's "Attachments:" measures 0.49 em a character as rhwp draws it)."""
    return round((50 * len(text) + 50 * _wide(text)) * points)


_NARROW = re.compile("[\x00-\u10ff]+")


def _wide(text: str) -> int:
    """How many characters of the text are from U+1100 on (Hangul and wider), counted without a Python loop."""
    return len(_NARROW.sub("", text))


def _tab(width: int) -> Any:
    """A left tab as the OWPML schema has it (`type` required). Its width is the advance to the tab stop from where
    the tab starts: Hancom recomputes it on opening, other renderers (rhwp) draw the width written."""
    return etree.Element(f"{{{HP}}}tab", {"width": str(max(width, 0)), "leader": "NONE", "type": "LEFT"})


def _auto_number(run: Any, kind: str) -> None:
    """An automatic page number (PAGE) or page count (TOTAL_PAGE) in a run, as Hancom writes it."""
    ctrl = etree.SubElement(run, f"{{{HP}}}ctrl")
    number = etree.SubElement(ctrl, f"{{{HP}}}autoNum", {"num": "1", "numType": kind})
    etree.SubElement(
        number,
        f"{{{HP}}}autoNumFormat",
        {"type": "DIGIT", "userChar": "", "prefixChar": "", "suffixChar": "", "supscript": "0"},
    )


def _iso(value: datetime) -> str:
    utc = value.astimezone(UTC) if value.tzinfo is not None else value
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def _xml(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _deterministic(parts: dict[str, bytes], when: datetime | None, preview: str) -> bytes:
    """The package with its entries dated `when`, `mimetype` first and stored (as OWPML requires), and the preview
    text (Preview/PrvText.txt, what file browsers show) set to the document's first lines."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(parts, key=lambda name: name != "mimetype"):
            payload = parts[name]
            if name == "Preview/PrvText.txt":
                payload = preview.encode("utf-8")
            fixed = zipfile.ZipInfo(name, zip_time(when))
            fixed.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, payload)
    return out.getvalue()


def package_parts(data: bytes) -> dict[str, bytes]:
    """The parts of an HWPX package (for rewriting one made by python-hwpx deterministically)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}

"""Rendering a briefing into a Word document from a template: Korean, English or bilingual.

Content is added by style name only, so an officer restyles the output by restyling the template in
Word. Every section heading and item carries a hidden bookmark (`_bs_<section>_<item>_<id digest>`)
that the pack verifier reads back from the files.
"""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm

from briefing import __version__
from briefing.export import content, table_layout
from briefing.export import docx_support as ox
from briefing.export import numbering as nb
from briefing.export.docx_support import OxmlElement, qn
from briefing.export.docx_xml import TAB_RUN, Para, Row, fragment, run, run_text, tag_run
from briefing.export.markdown_docx import Target, write
from briefing.export.parts import DocumentParts, bilingual_parts, document_parts, lead_in, lists_participants
from briefing.export.templates import ItemStyle, Layout, Template, TemplateError
from briefing.language.phrases import (
    DateStyle,
    card_rows,
    catalog,
    meeting_name,
    schedule_label,
    secret_level,
)
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, TargetStatus

MARKING_RED = "C00000"  # a 비밀-level marking's colour (Word's standard dark red; prints red, stays legible)
ATTACHMENT_INDENT = Cm(2.5)  # 붙임 and its numbered entries: the entries align after the label
MARKING_HALF_POINTS = 24  # the marking's size in a template without placeholders: 12 pt, above the 9 pt header

CELL_MARGINS_PT = 8.5  # the Briefing Table style's left and right cell margins (85 twips each)

PLACEHOLDERS = ("{marking}", "{draft}", "{page}", "{pages}", "{title}")

# A draft's mark on a target text that is not yet a person's: the catalogue's tag (by index) and a shading colour.
DRAFT_MARKS = {
    TargetStatus.MACHINE: (0, "FFF2CC"),  # pale yellow
    TargetStatus.MEMORY: (1, "E2EFDA"),  # pale green
    TargetStatus.NEEDS_REVIEW: (2, "FCE4D6"),  # pale orange
    TargetStatus.EMPTY: (3, "EDEDED"),  # grey
}


def item_bookmark(section_number: int, item_number: int, item_id: str) -> str:
    digest = hashlib.sha256(item_id.encode("utf-8")).hexdigest()[:10]
    return f"_bs_{section_number}_{item_number}_{digest}"


def render(briefing: Briefing, template: Template, layout: Layout, *, draft: bool = False) -> bytes:
    """The document as DOCX bytes; the same input always gives the same bytes."""
    path = template.document(layout)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for a damaged file
        raise TemplateError(
            "templates.unreadable_document", key=template.key, name=path.name, reason=str(error)
        ) from None
    return _Renderer(briefing, template, layout, document, draft).run()


class _Renderer:
    def __init__(self, briefing: Briefing, template: Template, layout: Layout, document: Any, draft: bool) -> None:
        self.briefing, self.template, self.layout, self.document, self.draft = (
            briefing,
            template,
            layout,
            document,
            draft,
        )
        self.language = Language.EN if layout is Layout.EN else Language.KO
        self.bookmark_id = 0
        self._styles: dict[str, Any] = {}
        self._style_ids: dict[str, str] = {}
        self._metrics: dict[str, tuple[int, float]] = {}
        self._targets: dict[str, Target] = {}
        self._parts: DocumentParts | None = None  # the document's standard parts (an English release's dateline)
        self.numbering = template.numbering
        self.item_style = nb.Style(template.style.value)
        self.bilingual = layout is Layout.BILINGUAL
        self.hangul_font = template.fonts.east_asian[0]

    # -- the whole document ----------------------------------------------------------------------
    def run(self) -> bytes:
        document = self.document
        ox.ensure_styles(document, self.template.fonts)
        ox.apply_typography(document, self.template.fonts)
        ox.ensure_outline_level(document, "Briefing Heading", 0)  # sections: navigation pane, TOC, PDF bookmarks
        formats = nb.list_formats(self.item_style, self.language, self.numbering, self.bilingual)
        ox.ensure_list_definitions(document, formats.bullets, formats.ordered)
        ox.no_stretch_before_line_breaks(document)
        self.lists = ox.Lists(document)
        self._clear_body()
        self.body = ox.BodyAppender(document)
        if self.layout is Layout.BILINGUAL:
            self._landscape()
        self._header_and_footer()
        if self.layout is Layout.BILINGUAL:
            self._bilingual()
        else:
            self._single(self.language)
        if self.draft:
            self._open_comments()
        self._core_properties()
        ox.clean_package(document, self.template.fonts)
        out = io.BytesIO()
        document.save(out)
        return ox.deterministic_docx(out.getvalue(), __version__, when=self.briefing.modified)

    def _clear_body(self) -> None:
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):  # keep the page setup and header/footer links
                body.remove(child)

    def _landscape(self) -> None:
        section = self.document.sections[-1]
        if section.orientation != WD_ORIENT.LANDSCAPE or section.page_width < section.page_height:
            width, height = section.page_width, section.page_height
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = max(width, height), min(width, height)

    def style(self, name: str) -> Any:
        if name not in self._styles:
            self._styles[name] = self.document.styles[name]
        return self._styles[name]

    def style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.style(name).style_id
        return self._style_ids[name]

    def add_paragraph(self, container: Any, style: str) -> Any:
        """A new paragraph in a body or cell, its style set by id (python-docx's lookup by name is slow)."""
        paragraph = (self.body if container is self.document else container).add_paragraph()
        ox.set_paragraph_style(paragraph, self.style(style).style_id)
        return paragraph

    def paragraph(self, style: str, text: str = "", container: Any = None) -> Any:
        paragraph = self.add_paragraph(container or self.document, style)
        if text:
            paragraph._p.append(ox.make_run(text, {}))
        return paragraph

    def bookmark(self, paragraph: Para, name: str) -> None:
        self.bookmark_id += 1
        paragraph.mark = (self.bookmark_id, name)

    def relate(self, url: str) -> str:
        """A hyperlink's relationship id (an external relationship of the document part)."""
        relationship: str = self.document.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return relationship

    def append_to_body(self, pieces: list[str]) -> None:
        """Paragraphs and tables written as XML, parsed once and put at the end of the body."""
        for element in fragment(pieces):
            self.body.append(element)

    # -- header and footer -----------------------------------------------------------------------
    def _marking(self) -> str:
        return content.marking(self.briefing, self.layout)

    def _draft_text(self) -> str:
        return content.draft_text(self.layout, self.draft)

    def _header_and_footer(self) -> None:
        """The marking at the top and the bottom of every page, centred, bold and larger (the built-in templates'
        header and footer say so; red for a 비밀-level marking), the draft word beside it, page X / Y below."""
        section = self.document.sections[-1]
        values = {
            "{marking}": self._marking(),
            "{draft}": self._draft_text(),
            "{title}": self._text(self.briefing.title),
        }
        colours = {"{marking}": MARKING_RED} if secret_level(self.briefing.meeting.marking) else {}
        found = False
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if any(p in paragraph.text for p in PLACEHOLDERS):
                    self._fill(paragraph, values, colours)
                    found = True
        if not found:  # an office template without placeholders: marking top and bottom, side from manifest
            where, side = self.template.marking_position.split("-")
            alignment = {"left": 0, "center": 1, "right": 2}[side]
            top = section.header.add_paragraph(style=self.style("Briefing Header"))
            bottom = section.footer.add_paragraph(style=self.style("Briefing Header"))
            for paragraph in (top, bottom):
                paragraph.alignment = alignment
                if values["{draft}"] and paragraph is (top if where == "header" else bottom):
                    paragraph._p.append(ox.make_run(values["{draft}"] + " ", {"bold": True}))
                self._marking_run(paragraph, values["{marking}"], colours.get("{marking}"))
            footer = section.footer.add_paragraph(style=self.style("Briefing Header"))
            footer.alignment = 1
            self._page_numbers(footer)
        if self.draft:
            self._watermark()

    def _marking_run(self, paragraph: Any, text: str, colour: str | None) -> None:
        if not text:
            return
        run = ox.make_run(text, {"bold": True})
        rpr = run.find(qn("w:rPr"))
        if colour:
            ox.set_run_property(rpr, "w:color", colour)
        for tag in ("w:sz", "w:szCs"):
            ox.set_run_property(rpr, tag, str(MARKING_HALF_POINTS))
        paragraph._p.append(run)

    def _watermark(self) -> None:
        """DRAFT/초안 across every page: in the header of every page kind the document has (the first page's and
        even pages' headers too when the template has its own)."""
        text = self._draft_text().replace(" / ", " ")
        number = 0
        for section in self.document.sections:
            kinds = [section.header, section.first_page_header, section.even_page_header]
            for kind, header in enumerate(kinds):
                if kind and header.is_linked_to_previous:
                    continue  # no header of this kind: pages use the default one
                number += 1
                ox.add_watermark(header, text, self.template.fonts.east_asian[0], number)

    def _fill(self, paragraph: Any, values: dict[str, str], colours: dict[str, str]) -> None:
        """Fill placeholders run by run: the paragraph's images, fields and formatting stay."""
        fields = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
        ox.fill_placeholders(paragraph._p, values, fields, bold={"{draft}"}, colours=colours)

    def _page_numbers(self, paragraph: Any) -> None:
        word = catalog(self.language).page
        if word and self.layout is not Layout.BILINGUAL:
            paragraph._p.append(ox.make_run(f"{word} ", {}))
        ox.add_field(paragraph, "PAGE")
        paragraph._p.append(ox.make_run(" / ", {}))
        ox.add_field(paragraph, "NUMPAGES")

    # -- shared pieces ---------------------------------------------------------------------------
    def _text(self, text: Bilingual, language: Language | None = None) -> str:
        return text.get(language or self.language)

    def _date_style(self, language: Language) -> DateStyle:
        return self.template.date_styles.get(language, DateStyle.PROSE)

    def meeting_name(self, language: Language) -> str:
        return meeting_name(self.briefing, language)

    def card_rows(self, language: Language) -> list[tuple[str, str]]:
        """The card's lines; a press release leaves the participants to its prose (a report and a pack list them)."""
        participants = lists_participants(self.template.style)
        return card_rows(self.briefing, language, self._date_style(language), participants=participants)

    def item_mark(self, item: Item, language: Language, section_number: int, item_number: int) -> nb.Mark:
        """An item's hanging label (□/○, 3.2, 가., */※) and what opens its text (a schedule's date)."""
        mark = nb.item_mark(
            self.item_style,
            language,
            item.type,
            item.note_mark,
            section_number,
            item_number,
            self.numbering,
            self.bilingual,
        )
        when = item.when if item.type is ItemType.SCHEDULE else None
        if when is not None:
            return nb.Mark(mark.label, mark.lead + schedule_label(when, language, self._date_style(language)))
        return mark

    def item_suffix(self, item: Item, language: Language) -> str:
        return content.item_suffix(item, language, self.template)

    def target(self, body_style: str) -> Target:
        if body_style not in self._targets:
            self._targets[body_style] = Target(
                style_id=self.style_id,
                body_style=body_style,
                list_style="Briefing List",
                link_style_id=self.style_id("Briefing Link"),
                code_style_id=self.style_id("Briefing Code"),
                new_list=self.lists.new,
                relate=self.relate,
                symbol_font=self.hangul_font,
            )
        return self._targets[body_style]

    def item_hang(self, items: list[Item], language: Language, s: int) -> dict[bool, float]:
        """The hanging indent (ems) of a section's items and of its notes: the widest label of each kind, so the
        text of sibling items starts at one place (3.9 and 3.10 alike)."""
        labels: dict[bool, list[str]] = {False: [], True: []}
        for i, item in enumerate(items, start=1):
            labels[item.type is ItemType.NOTE].append(self.item_mark(item, language, s, i).label)
        return {note: nb.hanging_em(found) for note, found in labels.items()}

    def write_item(
        self, item: Item, language: Language, s: int, i: int, body_style: str, hang_em: float, *, in_table: bool
    ) -> list[Para]:
        note = item.type is ItemType.NOTE
        style = "Briefing Note" if note else body_style
        mark = self.item_mark(item, language, s, i)
        opening = lead_in(self._parts, self.briefing, s, i) if self._parts is not None else ""
        if opening:
            mark = nb.Mark(mark.label, opening + mark.lead)
        paragraphs = write(item.text.get(language), self.target(style), mark.lead, self.item_suffix(item, language))
        self.hang(paragraphs, mark.label, style, hang_em)
        if self.draft and language is item.target and item.status in DRAFT_MARKS:
            self._mark_state(paragraphs, DRAFT_MARKS[item.status], language, bool(mark.label))
        if note and not in_table:  # a note stays whole, on the page of the item it annotates (that item keeps
            for paragraph in paragraphs:  # with it); in the table its row does (`_RowSizer.keep_together`)
                paragraph.keep_lines = True
                paragraph.keep_next = paragraph.keep_next or paragraph is not paragraphs[-1]
        return paragraphs

    def metrics(self, style: str) -> tuple[int, float]:
        """A paragraph style's left indent (twips) and font size (points), through the styles it is based on."""
        if style not in self._metrics:
            self._metrics[style] = self._style_metrics(style)
        return self._metrics[style]

    def _style_metrics(self, style: str) -> tuple[int, float]:
        left: int | None = None
        size: float | None = None
        current = self.style(style)
        while current is not None and (left is None or size is None):
            if left is None and current.paragraph_format.left_indent is not None:
                left = int(current.paragraph_format.left_indent.twips)
            if size is None and current.font.size is not None:
                size = float(current.font.size.pt)
            current = current.base_style
        return left or 0, size or 11.0

    def hang(self, paragraphs: list[Para], label: str, style: str, hang_em: float) -> None:
        """개조식 layout: the label, a tab, then the text, wrapped lines aligned with the text after the label (a
        hanging indent as wide as the level's widest label and a half-em gap; a tab is never stretched in a
        justified line, a space is). The item's further paragraphs and lists align with its text too."""
        if not label or not paragraphs:
            return
        left, size = self.metrics(style)
        hang = round(max(hang_em, nb.hanging_em([label])) * size * 20)
        first = paragraphs[0]
        symbol = any(character in nb.HANGUL_FONT_SYMBOLS for character in label)
        first.insert_runs(0, [(run(label, font=self.hangul_font if symbol else None), run_text(label)), (TAB_RUN, " ")])
        first.set_indent(left + hang, hang)
        for paragraph in paragraphs[1:]:
            if paragraph.numbering is not None:
                paragraph.set_indent(left + hang + 360 * (paragraph.numbering[0] + 1), 360)
            else:
                paragraph.set_indent(left + hang)

    def _mark_state(self, paragraphs: list[Para], mark: tuple[int, str], language: Language, labelled: bool) -> None:
        """A draft's unfinished text, shaded, its status tag ("[machine]", "[기계 번역]") after the number/symbol."""
        index, fill = mark
        for paragraph in paragraphs:
            paragraph.shading = fill
        first = paragraphs[0]
        runs = first.run_positions()
        text = catalog(language).draft_tags[index]
        tag = [(tag_run(text, fill), run_text(text + " "))]
        if labelled and len(runs) > 1:
            first.insert_runs(runs[1] + 1, tag)  # after the label and its tab
        elif runs:
            first.insert_runs(runs[0], tag)
        else:
            first.insert_runs(len(first.content), tag)

    # -- one language ----------------------------------------------------------------------------
    def _single(self, language: Language) -> None:
        parts = document_parts(self.briefing, self.template.style, language, self._date_style(language))
        self._front(parts)
        rows = self.card_rows(language)
        if rows:
            table = self.document.add_table(rows=0, cols=2)
            table.style = self.style("Briefing Table")
            for label, value in rows:
                cells = table.add_row().cells
                self._cell_text(cells[0], label, "Briefing Card", bold=True)
                self._cell_text(cells[1], value, "Briefing Card")
            _column_widths(table, self.document.sections[-1], (0.2, 0.8))  # labels are short
            self.paragraph("Briefing Body")
        body_style = "Briefing Item" if self.template.style is ItemStyle.REPORT else "Briefing Body"
        sections = self.briefing.sections
        heading_hang = nb.hanging_em([self.section_mark(language, s).label for s in range(1, len(sections) + 1)])
        written: list[Para] = []
        for s, section in enumerate(sections, start=1):
            heading = Para(self.style_id("Briefing Heading"))
            title = content.section_title(section, language)
            if title:
                heading.add(title)
            self.hang([heading], self.section_mark(language, s).label, "Briefing Heading", heading_hang)
            self.bookmark(heading, f"_bs_{s}_0")
            written.append(heading)
            hang = self.item_hang(section.items, language, s)
            previous: list[Para] = []
            for i, item in enumerate(section.items, start=1):
                note = item.type is ItemType.NOTE
                paragraphs = self.write_item(item, language, s, i, body_style, hang[note], in_table=False)
                if note and previous:
                    previous[-1].keep_next = True  # the annotated item's end stays with its note
                self.bookmark(paragraphs[0], item_bookmark(s, i, item.id))
                written += paragraphs
                previous = paragraphs
        self.append_to_body([paragraph.xml() for paragraph in written])
        self._closing(parts)

    # -- the standard parts around the sections (briefing/export/parts.py decides them) ----------
    def _front(self, parts: DocumentParts) -> None:
        """Banner, release line and contact table (a press release), title, subtitle, report date and author."""
        if parts.banner:
            banner = self.paragraph("Briefing Title")
            banner._p.append(ox.make_run(parts.banner, {"bold": True}))
            banner.alignment = 1
        if parts.release:
            release = self.paragraph("Briefing Card")
            release._p.append(ox.make_run(parts.release, {"bold": True}))
        if parts.contacts is not None:
            self._contacts(parts.contacts.header, parts.contacts.rows)
        self.paragraph("Briefing Title", parts.title)
        if parts.subtitle:
            self.paragraph("Briefing Subtitle", parts.subtitle)
        for line in parts.report_lines:
            self.paragraph("Briefing Card", line).alignment = 2  # at the top right
        self._parts = parts

    def _contacts(self, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = self.style("Briefing Table")
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            self._cell_text(cell, text, "Briefing Table Header")
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                self._cell_text(cell, text, "Briefing Card")
        _column_widths(table, self.document.sections[-1], (0.4, 0.25, 0.35))
        self.paragraph("Briefing Body")

    def _closing(self, parts: DocumentParts) -> None:
        """After the last item: the end mark, the 붙임 list, an English release's media contact and "###"."""
        for part in parts.closing():
            if part == "end_mark" and parts.end_mark:
                mark = self.paragraph("Briefing Body", parts.end_mark)
                mark.alignment = 1 if parts.end_mark == "###" else 2
            elif part == "attachments" and parts.attachments:
                for n, entry in enumerate(parts.attachments):
                    label = parts.attachments_label if n == 0 else ""
                    line = self.paragraph("Briefing Body", f"{label}\t{entry}")
                    line.paragraph_format.tab_stops.add_tab_stop(ATTACHMENT_INDENT)
                    line.paragraph_format.left_indent = ATTACHMENT_INDENT
                    line.paragraph_format.first_line_indent = -ATTACHMENT_INDENT
            elif part == "media_contact" and parts.media_contact:
                for n, line in enumerate(parts.media_contact):
                    paragraph = self.paragraph("Briefing Body")
                    paragraph._p.append(ox.make_run(line, {"bold": n == 0}))

    def section_mark(self, language: Language, number: int) -> nb.Mark:
        """A section heading's label: □ (or 1.) in a report in every layout, its number in a single-language pack
        (the bilingual table has the No. column)."""
        return nb.section_mark(self.item_style, language, number, self.numbering, self.bilingual)

    def cell_paragraph(self, text: str, style: str) -> Para:
        """`_cell_text` for a row written as XML: a paragraph of one run."""
        paragraph = Para(self.style_id(style))
        paragraph.add(text)
        return paragraph

    def _cell_text(self, cell: Any, text: str, style: str, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        ox.set_paragraph_style(paragraph, self.style(style).style_id)
        paragraph._p.append(ox.make_run(text, {"bold": bold}))

    # -- side by side ----------------------------------------------------------------------------
    def _bilingual(self) -> None:
        ko, en = Language.KO, Language.EN
        parts = bilingual_parts(self.briefing, self.template.style, self.template.date_styles)
        self._front(parts)
        card = self.document.add_table(rows=0, cols=2)
        card.style = self.style("Briefing Table")
        names = (self.meeting_name(ko), self.meeting_name(en))
        if any(names):
            cells = card.add_row().cells
            self._cell_text(cells[0], names[0], "Briefing Card", bold=True)
            self._cell_text(cells[1], names[1], "Briefing Card", bold=True)
        for (label_ko, value_ko), (label_en, value_en) in zip(self.card_rows(ko), self.card_rows(en), strict=False):
            cells = card.add_row().cells
            self._cell_text(cells[0], f"{label_ko}: {value_ko}", "Briefing Card")
            self._cell_text(cells[1], f"{label_en}: {value_en}", "Briefing Card")
        self.paragraph("Briefing Body")

        table = self.document.add_table(rows=1, cols=3)
        table.style = self.style("Briefing Table")
        shares = (0.08, 0.46, 0.46)
        _column_widths(table, self.document.sections[-1], shares)
        rows = _RowSizer(self, self.document.sections[-1], shares[1])
        header = table.rows[0]
        _repeat_header(header)
        widths = [  # each new row's cells' widths (twips), as python-docx copies them from the grid
            None if column.w is None else column.w.twips for column in table._tbl.tblGrid.gridCol_lst
        ]
        for cell, text in zip(
            header.cells,
            (
                f"{catalog(ko).number_label} / {catalog(en).number_label}",
                catalog(ko).language_name,
                catalog(en).language_name,
            ),
            strict=True,
        ):
            self._cell_text(cell, text, "Briefing Table Header")
        for s, section in enumerate(self.briefing.sections, start=1):
            cells = [self.cell_paragraph(str(s), "Briefing Table Header")]
            for language in (ko, en):
                paragraph = Para(self.style_id("Briefing Table Header"))
                label = self.section_mark(language, s).label
                if label:  # centred: a space, not a tab, after the label (nothing is stretched in a centred line)
                    paragraph.add_symbols(label, self.hangul_font)
                    paragraph.add(" ")
                paragraph.add(content.section_title(section, language))
                cells.append(paragraph)
            for paragraph in cells:  # never alone at a page's foot: the heading row keeps with the first item
                paragraph.keep_next = True
            cells[1].outline = 0  # the Korean title stands for the section
            self.bookmark(cells[1], f"_bs_{s}_0")
            row = rows.add([[paragraph] for paragraph in cells])
            row.cant_split()
            hangs = {language: self.item_hang(section.items, language, s) for language in (ko, en)}
            previous: Row | None = None
            for i, item in enumerate(section.items, start=1):
                note = item.type is ItemType.NOTE
                written = []
                for language in (ko, en):
                    paragraphs = self.write_item(
                        item, language, s, i, "Briefing Table Text", hangs[language][note], in_table=True
                    )
                    if language is ko:
                        self.bookmark(paragraphs[0], item_bookmark(s, i, item.id))
                    written.append(paragraphs)
                number = nb.number_column(s, i)
                row = rows.add([[self.cell_paragraph(number, "Briefing Table Text")], *written])
                placed = rows.place(row, written, number)
                if note and previous is not None:
                    rows.keep_together(previous, placed)
                previous = placed
        for element in fragment(row.xml(widths) for row in rows.rows):
            table._tbl.append(element)
        if parts.attachments:
            self.paragraph("Briefing Body")
        self._closing(parts)

    # -- a draft's appendix of open comments -----------------------------------------------------
    def _open_comments(self) -> None:
        """Every comment not yet resolved, under the number of its item, in the document's language(s)."""
        open_comments = content.open_comments(self.briefing)
        if not open_comments:
            return
        languages = (Language.KO, Language.EN) if self.layout is Layout.BILINGUAL else (self.language,)
        phrases = [catalog(language) for language in languages]

        def both(texts: list[str]) -> str:
            return " / ".join(dict.fromkeys(texts))

        heading = self.paragraph("Briefing Heading", both([p.comments_title for p in phrases]))
        heading.paragraph_format.page_break_before = True
        table = self.document.add_table(rows=1, cols=3)
        table.style = self.style("Briefing Table")
        for cell, column in zip(table.rows[0].cells, range(3), strict=True):
            self._cell_text(cell, both([p.comments_columns[column] for p in phrases]), "Briefing Table Header")
        _repeat_header(table.rows[0])
        for number, comment in open_comments:
            cells = table.add_row().cells
            text = ("↳ " if comment.reply_to else "") + comment.text
            for cell, value in zip(cells, (number, comment.author, text), strict=True):
                self._cell_text(cell, value, "Briefing Table Text")
        _column_widths(table, self.document.sections[-1], (0.1, 0.2, 0.7))

    # -- properties ------------------------------------------------------------------------------
    def _core_properties(self) -> None:
        properties = self.document.core_properties
        card = self.briefing.meeting
        language = self.language
        title = self.briefing.title
        if self.layout is Layout.BILINGUAL:
            properties.title = " / ".join(part for part in (title.ko, title.en) if part)
        else:
            properties.title = title.get(language)
        properties.subject = (
            self.meeting_name(language)
            if self.layout is not Layout.BILINGUAL
            else " / ".join(n for n in (self.meeting_name(Language.KO), self.meeting_name(Language.EN)) if n)
        )
        properties.author = self.briefing.author
        properties.last_modified_by = self.briefing.author
        properties.language = {Layout.KO: "ko-KR", Layout.EN: "en-US", Layout.BILINGUAL: "ko-KR, en-US"}[self.layout]
        properties.created = _naive_utc(self.briefing.created)
        properties.modified = _naive_utc(self.briefing.modified)
        properties.revision = 1
        properties.keywords = card.series.code
        properties.category = "Briefing"
        properties.comments = f"Briefing Studio {__version__}" + (" — DRAFT" if self.draft else "")
        properties.content_status = "Draft" if self.draft else "Final"
        properties.identifier = ""
        properties.version = ""


def _naive_utc(value: datetime) -> datetime:
    """python-docx writes core-property times as UTC without converting them."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)
    _cant_split(row)


def _cant_split(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def _column_widths(table: Any, section: Any, shares: tuple[float, ...]) -> None:
    usable = section.page_width - section.left_margin - section.right_margin
    table.autofit = False
    for column, share in zip(table.columns, shares, strict=True):
        width = int(usable * share)
        column.width = width
        for cell in column.cells:
            cell.width = width


class _RowSizer:
    """Which item rows of the bilingual table may split across pages, and the cutting of items taller than a
    page into rows that continue with "(계속)"/"(continued)".

    A row that cannot split moves whole to the next page and leaves the rest of the page empty: only rows
    shorter than a quarter page keep `w:cantSplit`, longer ones split where the page ends. An item taller than
    most of a page is cut at paragraph boundaries (the same boundaries in both columns when they have as many
    paragraphs) into rows of at most 70 % of a page; each continuation row repeats the item's number and opens
    with "(계속)" and "(continued)". A single paragraph taller than a page stays in one row, which splits."""

    def __init__(self, renderer: _Renderer, section: Any, share: float) -> None:
        self.renderer = renderer
        left, self.size = renderer.metrics("Briefing Table Text")
        usable = section.page_width.pt - section.left_margin.pt - section.right_margin.pt
        self.width_em = (usable * share - CELL_MARGINS_PT - left / 20) / self.size
        page = section.page_height.pt - section.top_margin.pt - section.bottom_margin.pt
        self.page_lines = page / (self.size * table_layout.LINE_HEIGHT_EM)
        self.short = self.page_lines / 4
        self.budget = self.page_lines * 0.7
        self.tallest: dict[Row, float] = {}  # estimated lines of each item's last row
        self.rows: list[Row] = []  # the table's rows after its header, in order

    def add(self, cells: list[list[Para]]) -> Row:
        """A new last row."""
        row = Row(cells)
        self.rows.append(row)
        return row

    def height(self, paragraph: Para) -> float:
        """Estimated lines of a cell paragraph, with its space after (about a fifth of a line)."""
        left = paragraph.indent[0] if paragraph.indent is not None else 0
        return table_layout.text_lines(paragraph.text(), self.width_em - left / 20 / self.size) + 0.2

    def keep_together(self, item_row: Row, note_row: Row) -> None:
        """The annotated item's row keeps with its note's row when the two together are shorter than a quarter
        page, so moving them to the next page never leaves a larger gap. Taller pairs may both split (LibreOffice
        moves a row that keeps with the next one whole): the note then follows its item's
        last line, on the same page unless the item ends exactly at the foot of one."""
        together = self.tallest.get(item_row, 0.0) + self.tallest.get(note_row, 0.0)
        if together <= self.short:
            for cell in item_row.cells:
                cell[-1].keep_next = True
            return
        for row in (item_row, note_row):
            row.may_split()

    def place(self, row: Row, written: list[list[Para]], number: str) -> Row:
        """Size one item's row (cutting it when too tall, continuation rows added by `appender`); returns the
        item's last row."""
        heights = [[self.height(paragraph) for paragraph in paragraphs] for paragraphs in written]
        tallest = max(sum(column) for column in heights)
        if tallest <= self.page_lines * 0.9:
            if tallest <= self.short:
                row.cant_split()
            self.tallest[row] = tallest
            return row
        if len(written[0]) == len(written[1]):
            joint = [max(pair) for pair in zip(*heights, strict=True)]
            cuts = [table_layout.cut(joint, self.budget)] * 2
        else:
            cuts = [table_layout.cut(column, self.budget) for column in heights]
        parts = [table_layout.pieces(len(w), c) for w, c in zip(written, cuts, strict=True)]
        rows = [row]
        row.cells[1:] = [[paragraphs[j] for j in ranges[0]] for paragraphs, ranges in zip(written, parts, strict=True)]
        for k in range(1, max(len(column) for column in parts)):
            cells = [[self.renderer.cell_paragraph(number, "Briefing Table Text")]]
            for paragraphs, ranges, language in zip(written, parts, (Language.KO, Language.EN), strict=True):
                if k >= len(ranges):
                    cells.append([Para(self.renderer.style_id("Briefing Table Text"))])
                    continue
                moved = [paragraphs[j] for j in ranges[k]]
                text = catalog(language).continued + " "
                moved[0].insert_runs(0, [(run(text, italic=True), run_text(text))])
                cells.append(moved)
            rows.append(self.add(cells))
        for k, current in enumerate(rows):
            tallest = max(
                sum(column[j] for j in ranges[k]) if k < len(ranges) else 0.0
                for column, ranges in zip(heights, parts, strict=True)
            )
            if tallest <= self.short:
                current.cant_split()
            self.tallest[current] = tallest
        return rows[-1]

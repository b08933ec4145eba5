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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from briefing import __version__
from briefing.export import content
from briefing.export import docx_support as ox
from briefing.export.markdown_docx import Target, write
from briefing.export.parts import DocumentParts, bilingual_parts, document_parts, lead_in, lists_participants
from briefing.export.templates import ItemStyle, Layout, Template, TemplateError
from briefing.language.phrases import (
    DateStyle,
    card_rows,
    catalog,
    meeting_name,
    secret_level,
)
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, TargetStatus

MARKING_RED = "C00000"  # a 비밀-level marking's colour (Word's standard dark red; prints red, stays legible)
ATTACHMENT_INDENT = Cm(2.5)  # 붙임 and its numbered entries: the entries align after the label
MARKING_HALF_POINTS = 24  # the marking's size in a template without placeholders: 12 pt, above the 9 pt header

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
        self.symbols_ko = catalog(Language.KO).section_symbols
        self.symbols_en = catalog(Language.EN).section_symbols
        self._parts: DocumentParts | None = None  # the document's standard parts (an English release's dateline)

    # -- the whole document ----------------------------------------------------------------------
    def run(self) -> bytes:
        document = self.document
        ox.ensure_styles(document, self.template.fonts)
        ox.apply_typography(document, self.template.fonts)
        ox.ensure_outline_level(document, "Briefing Heading", 0)  # sections: navigation pane, TOC, PDF bookmarks
        report = self.template.style is ItemStyle.REPORT
        bullets = ("-", "·", "-") if report else ("•", "◦", "▪")
        ordered_ko = (("decimal", "%1."), ("ganada", "%2."), ("decimal", "%3)"), ("ganada", "%4)"))
        ordered = (
            ordered_ko
            if report and self.layout is not Layout.EN
            else (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))
        )
        ox.ensure_list_definitions(document, bullets, ordered)
        self.lists = ox.Lists(document)
        self._clear_body()
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

    def add_paragraph(self, container: Any, style: str) -> Any:
        """A new paragraph in a body or cell, its style set by id (python-docx's lookup by name is slow)."""
        paragraph = container.add_paragraph()
        ox.set_paragraph_style(paragraph, self.style(style).style_id)
        return paragraph

    def paragraph(self, style: str, text: str = "", container: Any = None) -> Any:
        paragraph = self.add_paragraph(container or self.document, style)
        if text:
            paragraph._p.append(ox.make_run(text, {}))
        return paragraph

    def bookmark(self, paragraph: Any, name: str) -> None:
        self.bookmark_id += 1
        ox.add_bookmark(paragraph, name, self.bookmark_id)

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

    def item_prefix(self, item: Item, language: Language, section_number: int, item_number: int) -> str:
        return content.item_prefix(item, language, section_number, item_number, self.template, self.layout)

    def item_suffix(self, item: Item, language: Language) -> str:
        return content.item_suffix(item, language, self.template)

    def target(self, container: Any, body_style: str) -> Target:
        def add(style: str) -> Any:
            return self.add_paragraph(container, style)

        return Target(
            add_paragraph=add,
            body_style=body_style,
            list_style="Briefing List",
            link_style_id=self.style("Briefing Link").style_id,
            code_style_id=self.style("Briefing Code").style_id,
            new_list=self.lists.new,
        )

    def write_item(self, container: Any, item: Item, language: Language, s: int, i: int, body_style: str) -> list[Any]:
        style = "Briefing Note" if item.type is ItemType.NOTE else body_style
        opening = lead_in(self._parts, self.briefing, s, i) if self._parts is not None else ""
        prefix = opening + self.item_prefix(item, language, s, i)
        paragraphs = write(
            item.text.get(language), self.target(container, style), prefix, self.item_suffix(item, language)
        )
        if self.draft and language is item.target and item.status in DRAFT_MARKS:
            self._mark_state(paragraphs, DRAFT_MARKS[item.status], language, bool(prefix))
        return paragraphs

    def _mark_state(self, paragraphs: list[Any], mark: tuple[int, str], language: Language, prefixed: bool) -> None:
        """A draft's unfinished text, shaded, its status tag ("[machine]", "[기계 번역]") after the number/symbol."""
        index, fill = mark
        for paragraph in paragraphs:
            ox.shade_paragraph(paragraph, fill)
        p = paragraphs[0]._p
        runs = p.findall(qn("w:r"))
        tag = ox.tag_run(catalog(language).draft_tags[index], fill)
        if prefixed and runs:
            runs[0].addnext(tag)
        elif runs:
            runs[0].addprevious(tag)
        else:
            p.append(tag)

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
        for s, section in enumerate(self.briefing.sections, start=1):
            title = self._section_title(section.title, language, s)
            heading = self.paragraph("Briefing Heading", title)
            self.bookmark(heading, f"_bs_{s}_0")
            for i, item in enumerate(section.items, start=1):
                paragraphs = self.write_item(self.document, item, language, s, i, body_style)
                self.bookmark(paragraphs[0], item_bookmark(s, i, item.id))
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

    def _section_title(self, title: Bilingual, language: Language, number: int) -> str:
        return content.section_title(title, language, number, self.template, self.layout)

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
        _column_widths(table, self.document.sections[-1], (0.08, 0.46, 0.46))
        header = table.rows[0]
        _repeat_header(header)
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
            row = table.add_row()
            _cant_split(row)
            self._cell_text(row.cells[0], str(s), "Briefing Table Header")
            for cell, language in zip(row.cells[1:], (ko, en), strict=True):
                self._cell_text(cell, self._section_title(section.title, language, s), "Briefing Table Header")
            heading = row.cells[1].paragraphs[0]
            ox.set_outline_level(heading._p.get_or_add_pPr(), 0)  # the Korean title stands for the section
            self.bookmark(heading, f"_bs_{s}_0")
            for i, item in enumerate(section.items, start=1):
                row = table.add_row()
                _cant_split(row)
                self._cell_text(row.cells[0], f"{s}.{i}", "Briefing Table Text")
                for cell, language in zip(row.cells[1:], (ko, en), strict=True):
                    first = cell.paragraphs[0]
                    paragraphs = self.write_item(cell, item, language, s, i, "Briefing Table Text")
                    _remove(first)  # the cell's empty first paragraph, now that content follows it
                    if language is ko:
                        self.bookmark(paragraphs[0], item_bookmark(s, i, item.id))
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


def _remove(paragraph: Any) -> None:
    element = paragraph._p
    element.getparent().remove(element)


def _column_widths(table: Any, section: Any, shares: tuple[float, ...]) -> None:
    usable = section.page_width - section.left_margin - section.right_margin
    table.autofit = False
    for column, share in zip(table.columns, shares, strict=True):
        width = int(usable * share)
        column.width = width
        for cell in column.cells:
            cell.width = width

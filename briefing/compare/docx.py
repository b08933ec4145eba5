"""A comparison report as a DOCX with real tracked changes, which Word and LibreOffice show as changes that can
be accepted or rejected.

Deleted text is a run of `w:delText` inside `w:del`, inserted text a run inside `w:ins`, each with the author
and date given; accepting every change gives the new version's texts, rejecting every change the old ones. An
added item's paragraphs are insertions through and through (their paragraph marks too, so rejecting removes
them), a removed item's paragraphs deletions. A short summary comes first, then the meeting card, the sections
and every changed item with its number and both languages (a language that did not change in plain text).
Typography is the export's (briefing/export/docx_support.py): Korean fonts and language, lines that break
between eojeol, fixed timestamps in the zip, so equal input gives equal bytes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefing import __version__
from briefing.compare.diff import Change, Piece
from briefing.compare.versions import (
    ItemReport,
    Kind,
    Report,
    TextChange,
    item_heading,
    section_heading,
    summary,
)
from briefing.export.docx_support import (
    Fonts,
    apply_typography,
    deterministic_docx,
    korean_line_rules,
    make_run,
    visible_text,
)
from briefing.model import LANGUAGES, Language, now_utc
from briefing.storage import write_atomically

FONTS = Fonts(("Malgun Gothic", "Noto Sans CJK KR"), ("Calibri", "Liberation Sans"))
LABELS = {Language.KO: "KO", Language.EN: "EN"}


class _Revisions:
    """Makes `w:ins`/`w:del` elements with one author and date and ids that count up."""

    def __init__(self, author: str, at: datetime) -> None:
        self.author = visible_text(author) or "Briefing Studio"
        self.date = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1

    def mark(self, tag: str) -> Any:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element

    def inserted(self, run: Any) -> Any:
        wrapper = self.mark("w:ins")
        wrapper.append(run)
        return wrapper

    def deleted(self, run: Any) -> Any:
        for text in run.iter(qn("w:t")):
            text.tag = qn("w:delText")
        wrapper = self.mark("w:del")
        wrapper.append(run)
        return wrapper

    def whole_paragraph(self, paragraph: Any, change: Change) -> None:
        """Mark the paragraph mark itself inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`)."""
        ppr = paragraph._p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self.mark("w:ins" if change is Change.INSERTED else "w:del"))


def _pieces(paragraph: Any, pieces: Iterable[Piece], revisions: _Revisions) -> None:
    for piece in pieces:
        run = make_run(piece.text, {})
        if piece.change is Change.INSERTED:
            paragraph._p.append(revisions.inserted(run))
        elif piece.change is Change.DELETED:
            paragraph._p.append(revisions.deleted(run))
        else:
            paragraph._p.append(run)


def _label(paragraph: Any, text: str) -> None:
    paragraph._p.append(make_run(text, {"bold": True}))


def _text_paragraph(document: Any, label: str, change: TextChange, revisions: _Revisions) -> None:
    paragraph = document.add_paragraph()
    _label(paragraph, label)
    _pieces(paragraph, change.pieces, revisions)


def _item(document: Any, report: ItemReport, revisions: _Revisions) -> None:
    document.add_paragraph().add_run(visible_text(item_heading(report))).bold = True
    for field in report.fields:
        document.add_paragraph(visible_text(f"{field.name}: {field.old} → {field.new}"))
    kinds = report.kinds
    whole = Change.INSERTED if Kind.ADDED in kinds else Change.DELETED if Kind.REMOVED in kinds else None
    changes = {change.language: change for change in report.texts}
    unchanged = dict(report.unchanged)
    for language in LANGUAGES:
        label = f"{LABELS[language]}  "
        if whole is not None:
            change = changes.get(language)
            if change is None:
                continue
            paragraph = document.add_paragraph()
            _pieces(paragraph, [Piece(whole, label), *change.pieces], revisions)
            revisions.whole_paragraph(paragraph, whole)
        elif language in changes:
            _text_paragraph(document, label, changes[language], revisions)
        elif unchanged.get(language):
            paragraph = document.add_paragraph()
            _label(paragraph, label)
            paragraph._p.append(make_run(unchanged[language], {}))


def to_docx(
    report: Report,
    *,
    old_name: str,
    new_name: str,
    author: str,
    at: datetime | None = None,
) -> bytes:
    """The report as DOCX bytes; `author` and `at` (now by default) are written on every tracked change."""
    at = at or now_utc()
    revisions = _Revisions(author, at)
    document = docx.Document()
    apply_typography(document, FONTS)
    korean_line_rules(document.styles["Normal"].element.get_or_add_pPr())
    properties = document.core_properties
    properties.title = "Comparison of two versions of a briefing"
    properties.author = properties.last_modified_by = revisions.author
    properties.created = properties.modified = at.replace(tzinfo=None)
    properties.revision = 1
    properties.comments = f"Briefing Studio {__version__} comparison"
    properties.language = "ko-KR"
    document.add_heading("Comparison of two versions of a briefing", level=1)
    document.add_paragraph(visible_text(f"Old: {old_name}"))
    document.add_paragraph(visible_text(f"New: {new_name}"))
    document.add_paragraph(visible_text(summary(report)))
    if report.same:
        document.add_paragraph("The two versions have the same content.")
    else:
        document.add_paragraph(
            f"The differences are tracked changes by {revisions.author}: accept them all to get the new version's "
            "texts, reject them all to get the old version's."
        )
    if report.card:
        document.add_heading("Title and meeting card", level=2)
        for change in report.card:
            language = f" ({LABELS[change.language]})" if change.language else ""
            _text_paragraph(document, f"{change.where}{language}: ", change, revisions)
    if report.sections:
        document.add_heading("Sections", level=2)
        for section in report.sections:
            document.add_paragraph().add_run(visible_text(section_heading(section))).bold = True
            for change in section.titles:
                _text_paragraph(document, f"{LABELS[change.language or Language.EN]}  ", change, revisions)
    if report.items:
        document.add_heading("Items", level=2)
        for item in report.items:
            _item(document, item, revisions)
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_docx(buffer.getvalue(), __version__)


def write_docx(
    report: Report,
    path: str | os.PathLike[str],
    *,
    old_name: str,
    new_name: str,
    author: str,
    at: datetime | None = None,
) -> None:
    """Write the report's DOCX atomically (the file at `path` is either the old one or the complete new one)."""
    write_atomically(Path(path), to_docx(report, old_name=old_name, new_name=new_name, author=author, at=at))

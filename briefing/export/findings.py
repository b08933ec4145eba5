"""QA in the export: the findings that stop a final export, the manifest's record of the QA, and the appendix a
draft can carry listing every open finding.

The core words a finding in English only; the window passes a `Word` that words a message in the interface
catalogue for the document's language (the Korean document then lists Korean findings).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import docx

from briefing import __version__
from briefing.export import docx_support as ox
from briefing.export.templates import Layout
from briefing.language.phrases import catalog
from briefing.messages import Message, register
from briefing.model import Briefing, Language
from briefing.qa.model import Finding, Severity
from briefing.qa.waivers import Review, waiver_json

# How the documents word a finding's message in a language: the window passes its catalogue's wording.
Word = Callable[[Message, Language], str]

SHOWN = 8  # findings named in a refusal; the rest are counted

register(
    {
        "export.qa_errors": "{count} QA error(s) are not waived: {items}. Correct them, waive them with a reason, "
        "or export a draft.",
        "export.qa_item": "{number} {check}: {message}",
    }
)


def english(message: Message, language: Language) -> str:
    """The default wording: the core's English, whatever the document's language."""
    return message.english()


def numbers(briefing: Briefing) -> dict[str, str]:
    """Each item's place in the outline, "section.item" from 1."""
    return {
        item.id: f"{s}.{i}"
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }


def blocking(briefing: Briefing, result: Review) -> list[Message]:
    """The open errors as a final export's refusal lists them: number, check and message."""
    where = numbers(briefing)
    return [
        Message("export.qa_item", {"number": where.get(f.item_id or "", "-"), "check": f.check, "message": f.message})
        for f in result.open_errors()
    ]


def shown(messages: list[Message]) -> list[Message]:
    """The first `SHOWN`, and "and N more" for the rest."""
    more = [Message("export.more_items", {"count": len(messages) - SHOWN})] if len(messages) > SHOWN else []
    return messages[:SHOWN] + more


def manifest(briefing: Briefing, result: Review) -> dict[str, Any]:
    """The manifest's `qa`: the summary and every waiver, in use or not, with the finding's English message."""
    where = numbers(briefing)
    waivers: list[dict[str, Any]] = []
    for finding, waiver in result.waived:
        item_id = finding.item_id or ""
        waivers.append(
            {"item": item_id, "number": where.get(item_id), "in_use": True, "message": finding.english()}
            | waiver_json(waiver)
        )
    for item_id, waiver in result.unused:
        waivers.append(
            {"item": item_id, "number": where.get(item_id), "in_use": False, "message": None} | waiver_json(waiver)
        )
    return {"summary": result.summary(), "waivers": waivers}


@dataclass(frozen=True)
class Row:
    number: str
    severity: Severity
    check: str
    message: Message


def rows(briefing: Briefing, findings: Sequence[Finding]) -> list[Row]:
    where = numbers(briefing)
    return [Row(where.get(f.item_id or "", "-"), f.severity, f.check, f.message) for f in findings]


_SEVERITY_INDEX = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def append_findings(data: bytes, found: Sequence[Row], layout: Layout, word: Word = english) -> bytes:
    """The document with an appendix at its end: a heading and a table of number, severity, check and finding
    (nothing is added when there are no findings). The bilingual document words each line in both languages."""
    if not found:
        return data
    document = docx.Document(io.BytesIO(data))
    languages = (Language.KO, Language.EN) if layout is Layout.BILINGUAL else (_language(layout),)
    phrases = [catalog(language) for language in languages]

    def both(texts: Sequence[str]) -> str:
        return " / ".join(dict.fromkeys(texts))

    heading = document.add_paragraph()
    ox.set_paragraph_style(heading, document.styles["Briefing Heading"].style_id)
    heading.paragraph_format.page_break_before = True
    heading._p.append(ox.make_run(both([p.findings_title for p in phrases]), {}))
    table = document.add_table(rows=1, cols=4)
    table.style = document.styles["Briefing Table"]
    for cell, column in zip(table.rows[0].cells, range(4), strict=True):
        _cell(document, cell, both([p.findings_columns[column] for p in phrases]), "Briefing Table Header")
    for row in found:
        cells = table.add_row().cells
        severity = both([p.severities[_SEVERITY_INDEX[row.severity]] for p in phrases])
        message = "\n".join(dict.fromkeys(word(row.message, language) for language in languages))
        for cell, text in zip(cells, (row.number, severity, row.check, message), strict=True):
            _cell(document, cell, text, "Briefing Table Text")
    out = io.BytesIO()
    document.save(out)
    return ox.deterministic_docx(out.getvalue(), __version__, when=ox.zip_datetime(data))


def _language(layout: Layout) -> Language:
    return Language.EN if layout is Layout.EN else Language.KO


def _cell(document: Any, cell: Any, text: str, style: str) -> None:
    paragraph = cell.paragraphs[0]
    ox.set_paragraph_style(paragraph, document.styles[style].style_id)
    paragraph._p.append(ox.make_run(text, {}))  # line breaks as w:br; control characters made visible

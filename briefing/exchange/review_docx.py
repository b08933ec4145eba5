"""A bilingual review table as DOCX, for a reviewer working in Word or LibreOffice, and back in.

One row per item: number, source, target, status, the comments so far, and an empty "Your comment" cell.
The reviewer edits the target, writes "approved" in the status cell to approve, and types a new comment; the
import takes exactly those as one reviewed diff (briefing/exchange/review.py). Rows are matched by hidden text
in the number cell (`{{item-id@source-fingerprint}}`, Word's and LibreOffice's "hidden" character format, which
both keep); the briefing's identity and the list of exported items are hidden at the top. A source cell that
differs from the briefing, a row deleted from the table or a status word that is not one of ours is reported,
never applied. Texts are shown as they are stored (Markdown, one paragraph per line), so that a cell read back
is the text written out. The table uses the document's own styles ("Table Grid", Normal): restyle in Word.

Import opens the file only after checking the zip (a zip at all, `word/document.xml` present, no member larger
than its cap once unpacked, no DOCTYPE in the document part); python-docx parses without resolving entities.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENTATION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from briefing import __version__
from briefing.exchange.review import (
    ExchangeError,
    Proposal,
    ProposedComment,
    ReviewDiff,
    check_identity,
    check_ids,
    compare,
    direction,
    identity,
    numbers,
    size_checked,
    target_proposed,
)
from briefing.export.docx_support import Fonts, apply_typography, deterministic_docx, visible_text
from briefing.messages import Message, register
from briefing.model import Briefing, Item, Language, TargetStatus, fingerprint
from briefing.outline import STATUS_LABELS
from briefing.storage import write_atomically

MAX_BYTES = 50 * 1024 * 1024  # the file
MAX_MEMBER_BYTES = 100 * 1024 * 1024  # one part of the zip, unpacked
DOCUMENT_PART = "word/document.xml"
FONTS = Fonts(("Malgun Gothic", "Noto Sans CJK KR"), ("Calibri", "Liberation Sans"))
LANGUAGE_NAMES = {Language.KO: "Korean", Language.EN: "English"}
HEADERS = ("No.", "Source ({source})", "Target ({target})", "Status", "Comments", "Your comment")

_ROW_MARK = re.compile(r"\{\{([A-Za-z0-9_.:-]+)@([0-9a-f]{16})@([0-9a-f]{16})@([a-z_]+)\}\}")
_IDENTITY = re.compile(r"briefing-studio-review identity=(\S+)")
_EXPORTED = re.compile(r"briefing-studio-review items=([A-Za-z0-9_.:, -]*)")

register(
    {
        "review_docx.not_docx": "{path}: not a DOCX file (not a zip archive)",
        "review_docx.no_document": "{path}: not a DOCX file (it has no {part})",
        "review_docx.member_too_big": "{path}: the part {part} unpacks to {size} MB (limit {limit} MB); "
        "the file is not opened",
        "review_docx.dtd": "{path}: {part} declares a DTD (<!DOCTYPE …>), which can hide entity tricks; "
        "it is not imported",
        "review_docx.broken": "{path}: the document cannot be read ({reason})",
        "review_docx.no_rows": "{path}: no review table rows found (was the file exported as a review DOCX?)",
    }
)

_STATUS_WORDS: dict[str, TargetStatus] = {}
for _status, _label in STATUS_LABELS.items():
    for _word in (_status.value, _label):
        _STATUS_WORDS[re.sub(r"[\s_-]+", " ", _word).strip().lower()] = _status


def cell_text(text: str) -> str:
    """The text as a cell shows it and gives it back (characters XML cannot hold are shown as pictures)."""
    return visible_text(text)


def _hidden(paragraph: Any, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.hidden = True
    run.font.size = Pt(1)


def _set_cell(cell: Any, text: str) -> None:
    lines = cell_text(text).split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _comments_text(item: Item) -> str:
    return "\n".join(
        f"{comment.author or '—'}: {comment.text}" + (" (resolved)" if comment.resolved else "")
        for comment in item.comments
    )


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def to_review_docx(briefing: Briefing, source: Language | None = None) -> tuple[bytes, int]:
    """The review DOCX of the items whose source is `source` (default: most items'); and how many items of the
    other direction were left out (the table has one source and one target column)."""
    language = direction(briefing, source)
    items = [item for item in briefing.items() if item.source is language]
    if not items:
        raise ExchangeError("exchange.nothing_to_export", language=language.value)
    document = docx.Document()
    apply_typography(document, FONTS)
    section = document.sections[0]
    section.page_width, section.page_height = section.page_height, section.page_width  # landscape
    section.orientation = WD_ORIENTATION.LANDSCAPE
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    title = briefing.title.get(language) or briefing.title.get(language.other) or "Briefing"
    properties = document.core_properties
    properties.title, properties.identifier, properties.author = visible_text(title), identity(briefing), ""
    properties.comments = f"Briefing Studio {__version__} review table"
    document.add_heading(visible_text(title), level=1)
    document.add_paragraph(
        "Edit the target column; write “approved” in the status column to approve an item; write a new comment "
        "in the last column. The source column, the numbers and the rows themselves are not taken back: change "
        "the source in the briefing."
    )
    marker = document.add_paragraph()
    _hidden(marker, f"briefing-studio-review identity={identity(briefing)}")
    _hidden(document.add_paragraph(), "briefing-studio-review items=" + ",".join(item.id for item in items))
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    names = {"source": LANGUAGE_NAMES[language], "target": LANGUAGE_NAMES[language.other]}
    for cell, header in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.paragraphs[0].add_run(header.format(**names)).bold = True
    _repeat_header(table.rows[0])
    numbered = numbers(briefing)
    for item in items:
        cells = table.add_row().cells
        cells[0].paragraphs[0].text = numbered[item.id]
        mark = (
            f"{item.id}@{fingerprint(item.source_text)}@{fingerprint(cell_text(item.target_text))}@{item.status.value}"
        )
        _hidden(cells[0].paragraphs[0], "{{" + mark + "}}")
        _set_cell(cells[1], item.source_text)
        _set_cell(cells[2], item.target_text)
        _set_cell(cells[3], STATUS_LABELS[item.status])
        _set_cell(cells[4], _comments_text(item))
    for index, width in enumerate((Cm(1.5), Cm(8.5), Cm(8.5), Cm(2.5), Cm(3.5), Cm(3.5))):
        for row in table.rows:
            row.cells[index].width = width
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_docx(buffer.getvalue(), __version__), len(briefing.items()) - len(items)


def export_review_docx(briefing: Briefing, path: str | os.PathLike[str], source: Language | None = None) -> int:
    data, left_out = to_review_docx(briefing, source)
    try:
        write_atomically(Path(path), data)
    except OSError as error:
        raise ExchangeError("exchange.cannot_write", path=str(path), reason=error.strerror or str(error)) from None
    return left_out


# -- reading -------------------------------------------------------------------------------------------


def open_checked(data: bytes, path: str, max_member_bytes: int = MAX_MEMBER_BYTES) -> Any:
    """The python-docx document, once the zip is known to be sound and small enough to unpack."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise ExchangeError("review_docx.not_docx", path=path) from None
    with archive:
        names = {info.filename: info for info in archive.infolist()}
        if DOCUMENT_PART not in names:
            raise ExchangeError("review_docx.no_document", path=path, part=DOCUMENT_PART)
        for info in names.values():
            if info.file_size > max_member_bytes:
                raise ExchangeError(
                    "review_docx.member_too_big",
                    path=path,
                    part=info.filename,
                    size=f"{info.file_size / 1e6:.0f}",
                    limit=f"{max_member_bytes / 1e6:.0f}",
                )
        try:
            head = archive.open(DOCUMENT_PART).read(64 * 1024)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
            raise ExchangeError("review_docx.broken", path=path, reason=str(error)) from None
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise ExchangeError("review_docx.dtd", path=path, part=DOCUMENT_PART)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package (KeyError, XMLSyntaxError…)
        raise ExchangeError("review_docx.broken", path=path, reason=f"{type(error).__name__}: {error}") from None


def _text(cell: Any) -> str:
    return "\n".join(paragraph.text for paragraph in cell.paragraphs)


def _visible(cell: Any) -> str:
    """The number cell without its hidden mark."""
    return _ROW_MARK.sub("", _text(cell)).strip()


def read_review_docx(
    briefing: Briefing,
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    max_member_bytes: int = MAX_MEMBER_BYTES,
) -> ReviewDiff:
    """What the review DOCX changes in the briefing (which is only read); ExchangeError naming the row for a file
    that cannot be used at all."""
    path = Path(path)
    name = str(path)
    document = open_checked(size_checked(path, max_bytes), name, max_member_bytes)
    body = [paragraph.text for paragraph in document.paragraphs]
    found = next((m.group(1) for text in body if (m := _IDENTITY.search(text))), None)
    check_identity(name, briefing, found)
    exported = next((m.group(1) for text in body if (m := _EXPORTED.search(text))), "")
    by_id = {item.id: item for item in briefing.items()}
    notices: list[Message] = []
    proposals: list[Proposal] = []
    for table in document.tables:
        for row_number, row in enumerate(table.rows, start=1):
            cells = row.cells
            if len(cells) < 6:
                continue
            mark = _ROW_MARK.search(_text(cells[0]))
            if mark is None:
                continue
            where = f"row {row_number} ({_visible(cells[0]) or mark.group(1)})"
            proposals.append(_proposal(by_id.get(mark.group(1)), mark, where, cells, notices))
    if not proposals:
        raise ExchangeError("review_docx.no_rows", path=name)
    check_ids(name, briefing, proposals)
    diff = compare(briefing, proposals)
    seen = {proposal.item_id for proposal in proposals}
    numbered = numbers(briefing)
    for item_id in filter(None, exported.split(",")):
        if item_id not in seen and item_id in by_id:
            diff.notices.append(
                Message("exchange.row_deleted", {"where": f"item {item_id}", "number": numbered[item_id]})
            )
    diff.notices[:0] = notices
    return diff


def _proposal(item: Item | None, mark: re.Match[str], where: str, cells: Any, notices: list[Message]) -> Proposal:
    item_id, exported, exported_target, exported_status = mark.groups()
    if item is None:  # refused by check_ids, naming the row
        return Proposal(item_id, where, exported, None, None)
    source, target = _text(cells[1]), _text(cells[2])
    status_word = re.sub(r"[\s_-]+", " ", _text(cells[3])).strip().lower()
    approve, lowered = False, ""
    was = _STATUS_WORDS.get(exported_status.replace("_", " "))
    if was is None or status_word != STATUS_LABELS[was]:
        status = _STATUS_WORDS.get(status_word)
        if status is None:
            choices = ", ".join(STATUS_LABELS.values())
            notices.append(
                Message("exchange.status_unknown", {"where": where, "found": status_word, "choices": choices})
            )
        elif status is TargetStatus.APPROVED:
            approve = True
        elif item.status is TargetStatus.APPROVED:
            lowered = STATUS_LABELS[status]
    new_comment = _text(cells[5]).strip()
    proposed, conflict = target_proposed(target, exported_target, cell_text(item.target_text))
    if proposed is not None and proposed == cell_text(item.target_text):
        proposed = None  # the file has what the briefing has now
    return Proposal(
        item_id=item_id,
        where=where,
        exported_fingerprint=exported,
        # A cell shows a text as cell_text() writes it: compare in that form, and take the stored text when equal.
        source=item.source_text if source == cell_text(item.source_text) else source,
        target=proposed,
        conflict=conflict,
        approve=approve,
        lowered=lowered,
        comments=(ProposedComment(new_comment),) if new_comment else (),
    )

"""The readers: bytes of one format in, a `SourceDocument` out, and a score of how much a file looks like it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefing.export import docx_safety
from briefing.importers.archive import OLE_MAGIC, ArchiveRefused, Caps, inflate, refuse_entities
from briefing.importers.hwpx_reader import read_hwpx, score_hwpx
from briefing.importers.report import ImportFailed
from briefing.importers.source import Line, SourceDocument, clean_text, decode

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Reader:
    """A format an import can start from: its name, the file name endings it usually has, a score in 0…1 of how
    much a file (its name and first bytes) looks like it, and the reader itself (`name` for messages)."""

    format: str
    suffixes: tuple[str, ...]
    score: Callable[[str, bytes], float]
    read: Callable[[bytes, str], SourceDocument]


def read_text(data: bytes, name: str) -> SourceDocument:
    decoded = decode(data)
    if decoded is None:
        raise ImportFailed("import.binary", path=name)
    text, encoding, problems = decoded
    lines = [Line(clean_text(t), n) for n, t in enumerate(text.replace("\r\n", "\n").split("\n"), 1)]
    return SourceDocument(lines, encoding, problems)


def score_text(name: str, head: bytes) -> float:
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if head.startswith(b"PK\x03\x04"):
        return 0.0
    by_name = 0.6 if suffix in ("txt", "md", "markdown", "text") else 0.1
    return by_name + (0.3 if decode(head[:4096]) is not None else 0.0)


DOCX_CAPS = Caps(docx_safety.MAX_PARTS, docx_safety.MAX_PART_BYTES, docx_safety.MAX_UNPACKED_BYTES)


def score_docx(name: str, head: bytes) -> float:
    named = name.lower().endswith((".docx", ".docm", ".dotx"))
    if not head.startswith(b"PK\x03\x04"):
        return 0.4 if named else 0.0  # still read as DOCX, so that the refusal says why
    return 0.9 if named else 0.5


def read_docx(data: bytes, name: str) -> SourceDocument:
    """Paragraphs and tables of the body in order, then headers and footers apart (`part`).

    Every part is inflated once within the caps first (`archive.inflate`, shared with the HWPX reader: a zip whose
    directory lies about sizes is stopped while reading, never inflated in full) and no part may declare entities;
    `docx_safety.clean` then strips anything external before python-docx opens the package."""
    if data.startswith(OLE_MAGIC):
        raise ImportFailed("import.encrypted", path=name)
    try:
        refuse_entities(inflate(data, DOCX_CAPS))
        cleaned = docx_safety.clean(data)
        import docx

        document = docx.Document(io.BytesIO(cleaned.data))
    except (docx_safety.UnusableDocx, ArchiveRefused) as error:
        raise ImportFailed("import.damaged", path=name, reason=error.message) from None
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError, TypeError, RuntimeError, OSError) as error:
        raise ImportFailed("import.damaged", path=name, reason=f"{type(error).__name__}: {error}") from None
    source = SourceDocument(encoding="", skipped=[f"stripped: {s}" for s in cleaned.stripped])
    lines: list[Line] = []
    body = document.element.body
    for element in body.iterchildren():
        if element.tag == f"{_W}p":
            lines += _paragraph_lines(element, len(lines), "body")
        elif element.tag == f"{_W}tbl":
            lines += _table_lines(element, len(lines))
    seen: set[tuple[str, str]] = set()
    for section in document.sections:
        for part, story in (("header", section.header), ("footer", section.footer)):
            if story.is_linked_to_previous and section is not document.sections[0]:
                continue
            for paragraph in story.paragraphs:
                text = clean_text(paragraph.text).strip()
                if text and (part, text) not in seen:
                    seen.add((part, text))
                    lines.append(Line(text, len(lines) + 1, part))
    source.lines = lines
    return source


def _paragraph_lines(element: Any, start: int, part: str) -> list[Line]:
    texts: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        tag = node.tag
        if tag == f"{_W}t":
            texts.append(node.text or "")
        elif tag == f"{_W}tab":
            texts.append("\t")
        else:
            texts.append("\n")
    style_element = element.find(f"{_W}pPr/{_W}pStyle")
    style = str(style_element.get(f"{_W}val", "")) if style_element is not None else ""
    level_element = element.find(f"{_W}pPr/{_W}numPr/{_W}ilvl")
    list_level: int | None = None
    if element.find(f"{_W}pPr/{_W}numPr") is not None:
        raw = level_element.get(f"{_W}val", "0") if level_element is not None else "0"
        list_level = int(raw) if str(raw).isdigit() else 0
    elif "List" in style:
        list_level = 0
    return [
        Line(clean_text(text), start + index + 1, part, style, list_level)
        for index, text in enumerate("".join(texts).split("\n"))
    ]


def _table_lines(table: Any, start: int) -> list[Line]:
    """One line per row, cells separated by a tab (a cell's own lines joined by spaces)."""
    lines: list[Line] = []
    for row in table.iterfind(f"{_W}tr"):
        cells = []
        for cell in row.iterfind(f"{_W}tc"):
            paragraphs = ["\n".join(line.text for line in _paragraph_lines(p, 0, "table")) for p in cell.iter(f"{_W}p")]
            cells.append("\n".join(text.strip() for text in paragraphs if text.strip()))
        lines.append(Line("\t".join(cells), start + len(lines) + 1, "table"))
    return lines


READERS: tuple[Reader, ...] = (
    Reader("docx", (".docx",), score_docx, read_docx),
    Reader("hwpx", (".hwpx",), score_hwpx, read_hwpx),
    Reader("text", (".txt", ".md"), score_text, read_text),
)


def choose(name: str, head: bytes, readers: tuple[Reader, ...] = READERS) -> Reader | None:
    """The reader a file looks most like (None when none scores above 0.3)."""
    scored = sorted(((reader.score(name, head), reader) for reader in readers), key=lambda pair: -pair[0])
    return scored[0][1] if scored and scored[0][0] > 0.3 else None

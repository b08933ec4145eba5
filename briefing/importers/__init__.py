"""Importers: a document that already exists (.txt, .md, .docx, .hwpx) into a draft briefing and a report.

`import_file(path)` picks the reader a file looks most like (`readers.choose`: by name and first bytes, not by
name alone), reads it within byte caps (`MAX_TEXT_BYTES`; a package's parts within `archive.inflate`'s caps),
recognises the structure (`structure.recognise`) and returns the draft with an `ImportReport`. The draft is not
saved or applied here: the caller shows it for review. A file that cannot be imported at all raises
`ImportFailed` with a one-line coded message; a partial import says in the report what it skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefing.importers.readers import READERS, Reader, choose
from briefing.importers.report import Detection, ImportFailed, ImportReport, Unplaced
from briefing.importers.structure import recognise
from briefing.model import Briefing, Language
from briefing.storage import TooLarge, read_regular

__all__ = [
    "MAX_TEXT_BYTES",
    "READERS",
    "Detection",
    "ImportFailed",
    "ImportReport",
    "ImportResult",
    "Reader",
    "Unplaced",
    "import_bytes",
    "import_file",
]

MAX_TEXT_BYTES = 16 * 1024 * 1024  # far above any release or report; a 200 MB "text" is refused while reading
MAX_DOCX_FILE_BYTES = 32 * 1024 * 1024  # the same cap as docx_safety.MAX_DOCX_BYTES


@dataclass
class ImportResult:
    briefing: Briefing
    report: ImportReport


def import_file(
    path: str | os.PathLike[str], language: Language | None = None, readers: tuple[Reader, ...] = READERS
) -> ImportResult:
    """Read `path` into a draft briefing (`language`: the document's language; None detects it)."""
    path = Path(path)
    try:
        data = read_regular(path, max(MAX_TEXT_BYTES, MAX_DOCX_FILE_BYTES))
    except TooLarge:
        limit = max(MAX_TEXT_BYTES, MAX_DOCX_FILE_BYTES) // 2**20
        raise ImportFailed("import.too_large", path=str(path), limit=limit) from None
    return import_bytes(data, path.name, language, readers, shown=str(path))


def import_bytes(
    data: bytes,
    name: str,
    language: Language | None = None,
    readers: tuple[Reader, ...] = READERS,
    shown: str = "",
) -> ImportResult:
    """The same from bytes already read (`name` is the file name the format is guessed from)."""
    shown = shown or name
    reader = choose(name, data[:8192], readers)
    if reader is None:
        raise ImportFailed("import.unknown_format", path=shown)
    if reader.format == "text" and len(data) > MAX_TEXT_BYTES:
        raise ImportFailed("import.too_large", path=shown, limit=MAX_TEXT_BYTES // 2**20)
    document = reader.read(data, shown)
    if not any(line.text.strip() for line in document.lines):
        raise ImportFailed("import.empty", path=shown)
    report = ImportReport(source=shown, format=reader.format, encoding=document.encoding, skipped=document.skipped)
    markdown = name.lower().endswith((".md", ".markdown"))
    briefing = recognise(document, report, language, markdown)
    return ImportResult(briefing, report)

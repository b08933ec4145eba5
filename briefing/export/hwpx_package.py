"""An office's `.hwpx` template read with caps before python-hwpx sees it: a zip archive of bounded size and
entry count, every part read with a size cap (a zip bomb stops at the cap, whatever its headers claim), the
parts an HWPX document needs present, and every XML part well-formed with no DTD or entity declarations.

What python-hwpx then opens is these checked bytes; a damaged or hostile template gets one coded line
(`TemplateError`) and nothing is written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from briefing import xmlsafe
from briefing.export.templates import TemplateError
from briefing.messages import register

MAX_FILE_BYTES = 64 * 1024 * 1024  # the .hwpx file itself
MAX_PART_BYTES = 16 * 1024 * 1024  # one part, uncompressed (a section of a few thousand pages is far smaller)
MAX_TOTAL_BYTES = 96 * 1024 * 1024  # every part together, uncompressed
MAX_ENTRIES = 2000
REQUIRED_PARTS = ("mimetype", "META-INF/container.xml", "Contents/content.hpf", "Contents/header.xml")
XML_SUFFIXES = (".xml", ".hpf", ".rdf")

register(
    {
        "hwpx.not_hwpx": "template '{key}': {name} is not an HWPX document ({reason})",
        "hwpx.missing_part": "template '{key}': {name} lacks its part {part}",
        "hwpx.too_large": "template '{key}': {name}: {part} is larger than the limit of {limit} MB",
        "hwpx.entities": "template '{key}': {name}: {part} declares a DTD or XML entities, which are refused",
        "hwpx.broken_xml": "template '{key}': {name}: {part} is not well-formed XML (line {line}: {reason})",
    }
)


def _megabytes(limit: int) -> str:
    return f"{limit / (1024 * 1024):.0f}"


def read_checked(path: Path, key: str) -> bytes:
    """The template file's bytes, once every check has passed."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TemplateError("hwpx.too_large", key=key, name=name, part=name, limit=_megabytes(MAX_FILE_BYTES))
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError("hwpx.not_hwpx", key=key, name=name, reason=error.strerror or str(error)) from None
    check(data, key, name)
    return data


def check(data: bytes, key: str, name: str) -> None:
    """Raise the coded error for the first problem of the archive `data`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise TemplateError("hwpx.not_hwpx", key=key, name=name, reason=f"not a zip archive: {error}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            reason = f"{len(entries)} parts, more than {MAX_ENTRIES}"
            raise TemplateError("hwpx.not_hwpx", key=key, name=name, reason=reason)
        names = {entry.filename for entry in entries}
        for part in REQUIRED_PARTS:
            if part not in names:
                raise TemplateError("hwpx.missing_part", key=key, name=name, part=part)
        if not any(n.startswith("Contents/section") and n.endswith(".xml") for n in names):
            raise TemplateError("hwpx.missing_part", key=key, name=name, part="Contents/section0.xml")
        total = 0
        for entry in entries:
            if entry.is_dir():
                continue
            content = _read_capped(archive, entry, key, name)
            total += len(content)
            if total > MAX_TOTAL_BYTES:
                raise TemplateError(
                    "hwpx.too_large", key=key, name=name, part="the archive", limit=_megabytes(MAX_TOTAL_BYTES)
                )
            if entry.filename == "mimetype" and not content.startswith(b"application/hwp"):
                reason = "its mimetype is not application/hwp+zip"
                raise TemplateError("hwpx.not_hwpx", key=key, name=name, reason=reason)
            if entry.filename.lower().endswith(XML_SUFFIXES):
                _check_xml(content, key, name, entry.filename)


def _read_capped(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, key: str, name: str) -> bytes:
    """At most MAX_PART_BYTES of the entry, read in chunks: a header's size claim is not trusted."""
    limit = _megabytes(MAX_PART_BYTES)
    too_large = TemplateError("hwpx.too_large", key=key, name=name, part=entry.filename, limit=limit)
    if entry.file_size > MAX_PART_BYTES:
        raise too_large
    out = bytearray()
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(1024 * 1024):
                out += chunk
                if len(out) > MAX_PART_BYTES:
                    raise too_large
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        reason = f"{entry.filename}: {error}"
        raise TemplateError("hwpx.not_hwpx", key=key, name=name, reason=reason) from None
    return bytes(out)


def _check_xml(content: bytes, key: str, name: str, part: str) -> None:
    head = content[: xmlsafe.ENTITY_WINDOW]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise TemplateError("hwpx.entities", key=key, name=name, part=part)
    parsed = xmlsafe.parse(content)
    if isinstance(parsed, xmlsafe.Unparsable):
        if parsed.entities:
            raise TemplateError("hwpx.entities", key=key, name=name, part=part)
        raise TemplateError("hwpx.broken_xml", key=key, name=name, part=part, line=parsed.line, reason=parsed.reason)
    if xmlsafe.internal_subset(parsed) is not None:
        raise TemplateError("hwpx.entities", key=key, name=name, part=part)

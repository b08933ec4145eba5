"""Zip packages from outside (.docx, .hwpx) inflated within caps, shared by the readers of both formats.

A package is not trusted for what its directory says: every part is inflated once, each within `max_part` bytes
and all within `max_total`, reading at most one byte past the cap (a zip bomb stops there, whatever sizes its
directory claims; zipfile also checks each part against its declared size and CRC). Only the inflated bytes are
handed on, so a library that inflates without a cap (python-docx, python-hwpx) never sees an unchecked archive.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from briefing.messages import BriefingError, register

register(
    {
        "import.zip_not_a_zip": "not a zip archive",
        "import.zip_too_many_parts": "{count} parts, more than the {limit} a document may have",
        "import.zip_part_too_large": "{part} unpacks to more than {limit} MB",
        "import.zip_too_large": "its parts unpack to more than {limit} MB",
        "import.zip_damaged": "the zip archive is damaged ({reason})",
        "import.zip_entities": "{part} declares a DOCTYPE or XML entities, which are refused",
    }
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an encrypted Office file, a .doc or an .hwp


class ArchiveRefused(BriefingError):
    """A package refused as a whole, and why (the reader names the file)."""


@dataclass(frozen=True)
class Caps:
    entries: int
    part: int
    total: int


def inflate(data: bytes, caps: Caps) -> dict[str, bytes]:
    """Every part of the zip `data` by name, inflated within `caps` (see the module's docstring)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise ArchiveRefused("import.zip_not_a_zip") from None
    parts: dict[str, bytes] = {}
    total = 0
    with archive:
        infos = archive.infolist()
        if len(infos) > caps.entries:
            raise ArchiveRefused("import.zip_too_many_parts", count=len(infos), limit=caps.entries)
        for info in infos:
            if info.is_dir():
                continue
            if info.file_size > caps.part:
                raise ArchiveRefused("import.zip_part_too_large", part=info.filename, limit=caps.part // 2**20)
            try:
                with archive.open(info) as stream:
                    body = stream.read(caps.part + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as error:
                raise ArchiveRefused("import.zip_damaged", reason=f"{info.filename}: {error}") from None
            if len(body) > caps.part:
                raise ArchiveRefused("import.zip_part_too_large", part=info.filename, limit=caps.part // 2**20)
            total += len(body)
            if total > caps.total:
                raise ArchiveRefused("import.zip_too_large", limit=caps.total // 2**20)
            if info.filename in parts:
                raise ArchiveRefused("import.zip_damaged", reason=f"the part {info.filename} is there twice")
            parts[info.filename] = body
    return parts


def refuse_entities(parts: dict[str, bytes], suffixes: tuple[str, ...] = (".xml", ".rels", ".hpf", ".rdf")) -> None:
    """No XML part may declare a DOCTYPE or entities (billion laughs, external entities), anywhere in the part."""
    for name, body in parts.items():
        if name.lower().endswith(suffixes) and (b"<!DOCTYPE" in body or b"<!ENTITY" in body):
            raise ArchiveRefused("import.zip_entities", part=name)

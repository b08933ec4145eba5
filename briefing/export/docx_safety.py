"""A Word file from outside (an office's template, the copy LibreOffice converts), checked and made inert.

A template may carry what an export must never pass on or act on: relationships to outside resources
(`TargetMode="External"`: a linked header picture on a web server, an `attachedTemplate` URL, an OLE link to
`file:///etc/passwd`, a UNC path `\\\\server\\share`) that Word or LibreOffice fetch when the file opens, and macros
(`vbaProject.bin`, `vbaData.xml`, ActiveX controls). They are **stripped, not refused**: the officer's layout,
styles and pictures still work, and the caller says what was taken out (`Cleaned.stripped`). Hyperlinks to
http(s) and mailto addresses stay (nothing fetches them; they are the office's web address in a footer); any
other external hyperlink (file:, UNC, javascript:) is unlinked, its text kept.

Refused outright (`UnusableDocx`, with why): a file that is not a zip, is over the caps (file, parts, unpacked
bytes — checked from the zip directory before anything is inflated, and again while reading), has duplicate
part names, lacks the main document, has a main document without a body or without its section properties
(`w:sectPr`: page size and the header/footer links every export needs), or declares a DOCTYPE (entities).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from briefing import xmlsafe
from briefing.messages import BriefingError, register

MAX_DOCX_BYTES = 32 * 1024 * 1024  # the file on disk
MAX_UNPACKED_BYTES = 96 * 1024 * 1024  # all parts together, as inflated
MAX_PART_BYTES = 48 * 1024 * 1024  # one part (a picture)
MAX_PARTS = 2000
MAX_SHOWN_TARGET = 120

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OFFICE_DOCUMENT = _R + "/officeDocument"
_HYPERLINK = _R + "/hyperlink"
WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
# Relationship types (by their last segment) whose parts are active content.
_MACRO_TYPES = {"vbaProject", "wordVbaData", "keyMapCustomizations", "control", "activeXControlBinary"}
_SAFE_LINK_SCHEMES = {"http", "https", "mailto"}

register(
    {
        "docx.not_a_zip": "not a Word file (not a zip archive)",
        "docx.too_large": "larger than the {limit} MB a template may have",
        "docx.too_many_parts": "{count} parts (a template may have {limit})",
        "docx.part_too_large": "{part} unpacks to more than {limit} MB",
        "docx.duplicate_part": "the part {part} is there twice",
        "docx.missing_part": "the part {part} is missing",
        "docx.bad_part": "{part} is not well-formed XML ({reason})",
        "docx.entities": "{part} declares a DOCTYPE or entities, which are refused",
        "docx.no_body": "{part} has no document body",
        "docx.no_section": "{part} has no section properties (w:sectPr: page size, header and footer)",
        "docx.bad_zip": "the zip archive is damaged ({reason})",
    }
)


class UnusableDocx(BriefingError):
    """A Word file refused as a whole, and why (the caller names the file)."""


@dataclass(frozen=True)
class Cleaned:
    """The file with nothing external or active left, and what was taken out (empty: `data` is the input)."""

    data: bytes
    stripped: tuple[str, ...]


def clean(data: bytes) -> Cleaned:
    """Check `data` as a Word document and strip external relationships and macros (see the module's docstring)."""
    if len(data) > MAX_DOCX_BYTES:
        raise UnusableDocx("docx.too_large", limit=MAX_DOCX_BYTES // 2**20)
    parts = _Parts(data)
    content_types = _xml(parts, "[Content_Types].xml")
    package_rels = _xml(parts, "_rels/.rels")
    main = _main_part(package_rels)
    document = _xml(parts, main)
    body = document.find(f"{{{_W}}}body")
    if body is None:
        raise UnusableDocx("docx.no_body", part=main)
    if body.find(f"{{{_W}}}sectPr") is None:
        raise UnusableDocx("docx.no_section", part=main)

    stripped: list[str] = []
    changed: dict[str, etree._Element] = {}
    removed_parts: set[str] = set()
    for name in parts:
        if _is_macro_part(name):
            removed_parts.add(name)
    for name in sorted(parts):
        if not name.endswith(".rels"):
            continue
        rels = changed[name] if name in changed else _xml(parts, name)
        owner = _owner(name)
        removed_ids = []
        for relationship in list(rels):
            kind = str(relationship.get("Type", "")).rsplit("/", 1)[-1]
            target = str(relationship.get("Target", ""))
            external = str(relationship.get("TargetMode", "")).lower() == "external"
            internal_target = _resolve(owner, target) if not external else ""
            if external and not _harmless_link(relationship):
                stripped.append(f"{owner or '/'}: {kind} → {_shown(target)}")
            elif kind in _MACRO_TYPES or internal_target in removed_parts:
                removed_parts.add(internal_target)
                stripped.append(f"{owner or '/'}: {kind} ({internal_target})")
            else:
                continue
            removed_ids.append(str(relationship.get("Id", "")))
            rels.remove(relationship)
        if removed_ids:
            changed[name] = rels
            if owner and owner in parts and owner.endswith(".xml"):
                owning = changed[owner] if owner in changed else _xml(parts, owner)
                _drop_references(owning, set(removed_ids))
                changed[owner] = owning
    for name in sorted(removed_parts):
        if name in parts and not any(name in entry for entry in stripped):
            stripped.append(f"{name} (macros)")
    if _main_type(content_types, main) in _MACRO_MAINS:
        stripped.append(f"{main}: {_main_type(content_types, main)}")
    if not stripped:
        return Cleaned(data, ())
    dropped = removed_parts | {_rels_of(name) for name in removed_parts}
    _drop_content_types(content_types, removed_parts, main)
    changed["[Content_Types].xml"] = content_types
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in parts:
            if name in dropped:
                continue
            body_bytes = parts[name]
            if name in changed:
                body_bytes = etree.tostring(changed[name], xml_declaration=True, encoding="UTF-8", standalone=True)
            bundle.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body_bytes, zipfile.ZIP_DEFLATED)
    return Cleaned(out.getvalue(), tuple(stripped))


class _Parts(Mapping[str, bytes]):
    """The parts of a zip by name, inflated only when asked for (checking a clean file reads its relationships and
    main document, not its pictures and styles), each within the caps."""

    def __init__(self, data: bytes) -> None:
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise UnusableDocx("docx.not_a_zip") from None
        infos = self.archive.infolist()
        if len(infos) > MAX_PARTS:
            raise UnusableDocx("docx.too_many_parts", count=len(infos), limit=MAX_PARTS)
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.filename in self.infos:
                raise UnusableDocx("docx.duplicate_part", part=info.filename)
            if info.file_size > MAX_PART_BYTES:
                raise UnusableDocx("docx.part_too_large", part=info.filename, limit=MAX_PART_BYTES // 2**20)
            self.infos[info.filename] = info
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise UnusableDocx("docx.too_large", limit=MAX_UNPACKED_BYTES // 2**20)
        self.read: dict[str, bytes] = {}

    def __getitem__(self, name: str) -> bytes:
        if name not in self.read:
            info = self.infos[name]
            try:
                with self.archive.open(info) as stream:
                    body = stream.read(MAX_PART_BYTES + 1)  # the cap holds even if the directory lies
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
                raise UnusableDocx("docx.bad_zip", reason=str(error)) from None
            if len(body) > MAX_PART_BYTES:
                raise UnusableDocx("docx.part_too_large", part=name, limit=MAX_PART_BYTES // 2**20)
            if sum(len(part) for part in self.read.values()) + len(body) > MAX_UNPACKED_BYTES:
                raise UnusableDocx("docx.too_large", limit=MAX_UNPACKED_BYTES // 2**20)
            self.read[name] = body
        return self.read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.infos)

    def __len__(self) -> int:
        return len(self.infos)


def _xml(parts: Mapping[str, bytes], name: str) -> etree._Element:
    if name not in parts:
        raise UnusableDocx("docx.missing_part", part=name)
    data = parts[name]
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnusableDocx("docx.entities", part=name)
    parsed = xmlsafe.parse(data)
    if isinstance(parsed, xmlsafe.Unparsable):
        raise UnusableDocx("docx.bad_part", part=name, reason=f"line {parsed.line}: {parsed.reason}")
    return parsed


def _main_part(package_rels: etree._Element) -> str:
    for relationship in package_rels:
        if relationship.get("Type") == _OFFICE_DOCUMENT and str(relationship.get("TargetMode", "")) != "External":
            return _resolve("", str(relationship.get("Target", "")))
    raise UnusableDocx("docx.missing_part", part="word/document.xml")


def _owner(rels_name: str) -> str:
    """`word/_rels/document.xml.rels` → `word/document.xml`; `_rels/.rels` → "" (the package)."""
    folder, file = posixpath.split(rels_name)
    parent = posixpath.dirname(folder)
    owner = file.removesuffix(".rels")
    return posixpath.join(parent, owner) if owner else ""


def _rels_of(part: str) -> str:
    folder, file = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{file}.rels")


def _resolve(owner: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(owner), target)) if target else ""


def _is_macro_part(name: str) -> bool:
    base = posixpath.basename(name).lower()
    return base in {"vbaproject.bin", "vbadata.xml"} or name.lower().startswith("word/activex/")


def _harmless_link(relationship: etree._Element) -> bool:
    """A hyperlink to a web or mail address: nothing opens it by itself."""
    if relationship.get("Type") != _HYPERLINK:
        return False
    target = str(relationship.get("Target", "")).strip()
    return urlsplit(target).scheme.lower() in _SAFE_LINK_SCHEMES and "\\" not in target


def _shown(target: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in target)
    return printable if len(printable) <= MAX_SHOWN_TARGET else printable[: MAX_SHOWN_TARGET - 1] + "…"


def _drop_references(root: etree._Element, ids: set[str]) -> None:
    """Take out what pointed at the removed relationships: a hyperlink keeps its text, an optional `r:link` just
    goes, anything else that needs its relationship (a linked picture's `v:imagedata`, an OLE object, the
    `w:attachedTemplate`) goes as a whole."""
    doomed = []
    for element in root.iter():
        for attribute, value in list(element.attrib.items()):
            if not attribute.startswith(f"{{{_R}}}") or value not in ids:
                continue
            local = attribute.rsplit("}", 1)[-1]
            if element.tag == f"{{{_W}}}hyperlink" or local == "link":
                del element.attrib[attribute]
            else:
                doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def _main_type(types: etree._Element, main: str) -> str:
    for entry in types:
        if str(entry.get("PartName", "")).lstrip("/") == main:
            return str(entry.get("ContentType", ""))
    return WML_MAIN


def _drop_content_types(types: etree._Element, removed: set[str], main: str) -> None:
    for entry in list(types):
        part = str(entry.get("PartName", "")).lstrip("/")
        if part in removed:
            types.remove(entry)
        elif part == main and entry.get("ContentType") in _MACRO_MAINS:
            entry.set("ContentType", WML_MAIN)  # a macro-enabled document without its macros is a plain one

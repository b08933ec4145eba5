"""Glossaries in and out: TBX, and the tab- or comma-separated glossaries OmegaT reads (source, target, comment).

Every file is checked before anything is stored: at most `MAX_BYTES`, UTF-8 (a BOM allowed) or UTF-16 with a BOM,
and for TBX well-formed XML without entity declarations (checked with defusedxml, then parsed by lxml with entity
resolution, DTD loading and network access off). An import runs in one transaction: it stores every entry or,
on any error, none. TBX is read and written here with lxml rather than translate-toolkit's `tbxfile`, which has
no way to write a term's administrative status or part of speech (see the README).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as defused
from defusedxml import DefusedXmlException
from lxml import etree

from briefing import xmlsafe
from briefing.files import BriefingFileError, TooLarge, read_regular, write_atomically
from briefing.messages import BriefingError, Message, register
from briefing.model import Language
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.store import TermStore

MAX_BYTES = 50 * 1024 * 1024
TBX_SUFFIXES = (".tbx",)
TSV_SUFFIXES = (".tsv", ".txt", ".utf8", ".tab")
CSV_SUFFIXES = (".csv",)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

register(
    {
        "terms.file_too_large": "{file} is larger than {limit} MB, which no glossary is",
        "terms.bad_encoding": "{file} is not UTF-8 text, or UTF-16 with a byte order mark ({reason})",
        "terms.bad_xml": "{file}, line {line}: not well-formed XML ({reason})",
        "terms.xml_entities": "{file}: entity declarations and external references are refused; "
        "they can expand without limit or read other files",
        "terms.not_tbx": "{file}: not a TBX file (the root element is <{root}>)",
        "terms.unknown_language": "{file}, line {line}: the language '{language}' is neither Korean nor English",
        "terms.duplicate_entry": "{file}, line {line}: the entry id '{id}' is used twice",
        "terms.unknown_format": "{file}: unknown glossary format; use .tbx, .csv, .tsv, .txt or .utf8",
        "terms.cannot_read": "{file} cannot be read ({reason})",
        "terms.cannot_write": "{file} cannot be written ({reason})",
        "terms.bad_row": "{file}, line {line}: {reason}",
        "terms.skip_no_term": "no term in this language pair",
        "terms.skip_exists": "already in the termbase",
        "terms.skip_repeated": "the same row again",
    }
)


class ExchangeError(BriefingError):
    """A glossary file that cannot be imported or written; names the file and the line or element."""


@dataclass(frozen=True)
class Skipped:
    where: str  # "line 12" or "line 30, <termEntry id='x'>"
    reason: Message


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: list[Skipped] = field(default_factory=list)


# -- reading the bytes -------------------------------------------------------------------------------


def read_capped(path: Path, limit: int | None = None) -> bytes:
    """A file's bytes; ExchangeError when it is over `limit` (MAX_BYTES) or cannot be read."""
    limit = limit or MAX_BYTES
    try:
        return read_regular(path, limit)  # a pipe or a device is refused; the cap is counted while reading
    except TooLarge:
        raise ExchangeError("terms.file_too_large", file=str(path), limit=limit // (1024 * 1024)) from None
    except BriefingFileError as error:
        raise ExchangeError("terms.cannot_read", file=str(path), reason=_reason(error)) from None


def _reason(error: BriefingFileError) -> str:
    """What is wrong with the file, without its name (the message names it already)."""
    text = str(error)
    return text.split(": ", 1)[1] if text.startswith(f"{error.params.get('path', '')}: ") else text


def decode(data: bytes, file: str) -> str:
    """UTF-16 with a BOM or UTF-8 (BOM optional) as text; ExchangeError otherwise."""
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        reason = f"{error.reason} at byte {error.start}"
        raise ExchangeError("terms.bad_encoding", file=file, reason=reason) from None


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TBX_SUFFIXES:
        return "tbx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in TSV_SUFFIXES:
        return "tsv"
    raise ExchangeError("terms.unknown_format", file=str(path))


# -- TBX in ------------------------------------------------------------------------------------------

_STATUS_FROM_TBX = {
    "preferredterm-admn-sts": TermStatus.PREFERRED,
    "preferred": TermStatus.PREFERRED,
    "admittedterm-admn-sts": TermStatus.ADMITTED,
    "admitted": TermStatus.ADMITTED,
    "deprecatedterm-admn-sts": TermStatus.FORBIDDEN,
    "supersededterm-admn-sts": TermStatus.FORBIDDEN,
    "deprecated": TermStatus.FORBIDDEN,
    "superseded": TermStatus.FORBIDDEN,
    "notrecommended": TermStatus.FORBIDDEN,
}
_STATUS_TO_TBX = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.FORBIDDEN: "deprecatedTerm-admn-sts",
}


def _local(element: Any) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: Any, *names: str) -> Iterator[Any]:
    return (child for child in element if _local(child) in names)


def _text(element: Any) -> str:
    return "".join(element.itertext()).strip()


def _where(element: Any) -> str:
    ident = element.get("id")
    name = f"<{_local(element)} id='{ident}'>" if ident else f"<{_local(element)}>"
    return f"line {element.sourceline}, {name}"


def parse_tbx(data: bytes, file: str) -> list[tuple[Entry, str]]:
    """The entries of a TBX file (v2 `martif/termEntry` or v3 `tbx/conceptEntry`), each with where it stands."""
    decode(data, file)  # the encoding check, with its own message
    try:
        defused.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ExchangeError("terms.xml_entities", file=file) from None
    except defused.ParseError as error:
        line = error.position[0] if error.position else 0
        raise ExchangeError("terms.bad_xml", file=file, line=line, reason=str(error).split(":")[0]) from None
    root = xmlsafe.parse(data)
    if isinstance(root, xmlsafe.Unparsable):
        raise ExchangeError("terms.bad_xml", file=file, line=root.line, reason=root.reason)
    if _local(root) not in ("martif", "tbx"):
        raise ExchangeError("terms.not_tbx", file=file, root=_local(root))
    entries: list[tuple[Entry, str]] = []
    ids: set[str] = set()
    for element in root.iter():
        if _local(element) not in ("termEntry", "conceptEntry"):
            continue
        entry = _tbx_entry(element, file)
        if entry.id:
            if entry.id in ids:
                raise ExchangeError("terms.duplicate_entry", file=file, line=element.sourceline, id=entry.id)
            ids.add(entry.id)
        entries.append((entry, _where(element)))
    return entries


def _tbx_entry(element: Any, file: str) -> Entry:
    entry = Entry(element.get("id", "").strip(), [])
    notes: list[str] = []
    _read_meta(element, entry, notes)
    for lang_set in _children(element, "langSet", "langSec"):
        code = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").strip()
        primary = code.split("-")[0].split("_")[0].lower()
        if primary not in ("ko", "en"):
            raise ExchangeError("terms.unknown_language", file=file, line=lang_set.sourceline, language=code)
        language = Language(primary)
        _read_meta(lang_set, entry, notes)
        for group in _children(lang_set, "tig", "ntig", "termSec"):
            _read_term(group, language, entry, notes)
    entry.note = "\n".join(dict.fromkeys(n for n in notes if n))
    return entry


def _read_meta(element: Any, entry: Entry, notes: list[str]) -> None:
    """Concept- or language-level descrip/admin/note children (subjectField, source, note, x-verified)."""
    for child in element:
        name, kind, text = _local(child), (child.get("type") or "").strip(), _text(child)
        if name in ("descripGrp", "adminGrp"):
            _read_meta(child, entry, notes)
        elif name == "descrip" and kind == "subjectField":
            entry.domain = entry.domain or text
        elif name in ("admin", "descrip") and kind == "source":
            entry.source = entry.source or text
        elif name == "admin" and kind == "x-verified":
            entry.verified = text.lower() not in ("no", "false", "0")
        elif name == "note" or (name == "descrip" and kind in ("definition", "context")):
            notes.append(text)


def _read_term(group: Any, language: Language, entry: Entry, notes: list[str]) -> None:
    text, status, pos, term_type = "", TermStatus.PREFERRED, "", ""
    for node in group.iter():
        name, kind = _local(node), (node.get("type") or "").strip()
        if name == "term" and not text:
            text = _text(node)
        elif name == "termNote" and kind in ("administrativeStatus", "normativeAuthorization"):
            status = _STATUS_FROM_TBX.get(_text(node).lower(), status)
        elif name == "termNote" and kind == "partOfSpeech":
            pos = _text(node)
        elif name == "termNote" and kind == "termType":
            term_type = _text(node).lower()
        elif name == "note" or (name == "descrip" and kind in ("definition", "context")):
            notes.append(_text(node))
    if not text:
        return
    if term_type in ("acronym", "abbreviation", "shortform", "initialism"):
        full = next((i for i, t in enumerate(entry.terms) if t.language is language and not t.acronym), None)
        if full is not None:
            old = entry.terms[full]
            entry.terms[full] = Term(old.text, old.language, old.status, text, old.part_of_speech)
            return
    entry.terms.append(Term(text, language, status, "", pos))


# -- glossaries in -----------------------------------------------------------------------------------


def parse_glossary(data: bytes, file: str, dialect: str, source: Language = Language.KO) -> list[tuple[Entry, str]]:
    """OmegaT's glossary rows (source term, target term, comment) as entries; lines starting with # are comments.

    `dialect` is "tsv" or "csv"; `source` says which language the first column is in."""
    text = decode(data, file)
    if dialect == "tsv":
        rows: Iterator[tuple[int, list[str]]] = (
            (number, line.split("\t")) for number, line in enumerate(text.splitlines(), start=1)
        )
    else:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        rows = ((reader.line_num, row) for row in reader)
    entries: list[tuple[Entry, str]] = []
    number = 0
    first_row = True
    try:
        for number, row in rows:
            where = f"line {number}"
            if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            header, first_row = first_row and _is_header(row), False
            if header:  # a spreadsheet's column names, not a term pair
                continue
            cells = [cell.strip() for cell in row] + ["", "", ""]
            first, second, comment = cells[0], cells[1], " ".join(c for c in cells[2:] if c)
            terms = [Term(first, source)] if first else []
            terms += [Term(second, source.other)] if second else []
            entries.append((Entry("", terms, note=comment), where))
    except csv.Error as error:
        raise ExchangeError("terms.bad_row", file=file, line=number + 1, reason=str(error)) from None
    return entries


HEADER_WORDS = frozenset(
    "source target term terms translation comment ko en korean english kor eng".split()
    + "원문 번역 용어 대역어 한국어 영어 한글 영문".split()
)


def _is_header(row: list[str]) -> bool:
    """A first row such as "source, target, comment" or "한국어, 영어": column names a spreadsheet wrote."""
    names = [cell.strip().lower() for cell in row[:2]]
    return len(names) == 2 and all(name in HEADER_WORDS for name in names)


# -- import ------------------------------------------------------------------------------------------


def read_file(path: Path, source: Language = Language.KO) -> list[tuple[Entry, str]]:
    """The entries in a glossary file (format from the extension), each with where it was found."""
    kind = file_format(path)
    data = read_capped(path)
    if kind == "tbx":
        return parse_tbx(data, str(path))
    return parse_glossary(data, str(path), kind, source)


def import_file(termbase: TermStore, path: Path, source: Language = Language.KO) -> ImportReport:
    """Read a glossary and store its entries, all or none: a TBX entry whose id is in the termbase replaces it;
    a pair that is there already, a repeated row and an entry without a preferred term in both languages are
    skipped (and reported)."""
    return import_entries(termbase, read_file(path, source))


def import_entries(termbase: TermStore, found: list[tuple[Entry, str]]) -> ImportReport:
    report = ImportReport()
    existing = {_pair(entry) for entry in termbase.entries()}
    seen: set[tuple[str, str]] = set()
    with termbase.transaction():
        for entry, where in found:
            pair = _pair(entry)
            if not entry.preferred(Language.KO) or not entry.preferred(Language.EN):
                report.skipped.append(Skipped(where, Message("terms.skip_no_term")))
            elif entry.id and termbase.get(entry.id) is not None:
                termbase.update(entry)
                report.updated += 1
            elif pair in seen:
                report.skipped.append(Skipped(where, Message("terms.skip_repeated")))
            elif pair in existing:
                report.skipped.append(Skipped(where, Message("terms.skip_exists")))
            else:
                termbase.add(entry)
                report.added += 1
            seen.add(pair)
    return report


def _pair(entry: Entry) -> tuple[str, str]:
    ko, en = entry.preferred(Language.KO), entry.preferred(Language.EN)
    return (ko.text if ko else "", en.text if en else "")


# -- export ------------------------------------------------------------------------------------------


def tbx_bytes(entries: list[Entry], title: str = "") -> bytes:
    """A TBX (ISO 30042, TBX-Basic style `martif`) document of the entries."""
    root = etree.Element("martif", {"type": "TBX", XML_LANG: "ko"})
    header = etree.SubElement(etree.SubElement(root, "martifHeader"), "fileDesc")
    etree.SubElement(etree.SubElement(header, "titleStmt"), "title").text = title or "Briefing Studio termbase"
    etree.SubElement(etree.SubElement(header, "sourceDesc"), "p").text = "Briefing Studio"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for entry in entries:
        element = etree.SubElement(body, "termEntry", {"id": entry.id})
        if entry.domain:
            etree.SubElement(element, "descrip", {"type": "subjectField"}).text = entry.domain
        if entry.source:
            etree.SubElement(element, "admin", {"type": "source"}).text = entry.source
        if not entry.verified:
            etree.SubElement(element, "admin", {"type": "x-verified"}).text = "no"
        if entry.note:
            etree.SubElement(element, "note").text = entry.note
        for language in (Language.KO, Language.EN):
            terms = [t for t in entry.terms if t.language is language]
            if not terms:
                continue
            lang_set = etree.SubElement(element, "langSet", {XML_LANG: language.value})
            for term in terms:
                _write_term(lang_set, term.text, term.status, term.part_of_speech)
                if term.acronym:
                    _write_term(lang_set, term.acronym, term.status, term.part_of_speech, "acronym")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _write_term(lang_set: Any, text: str, status: TermStatus, pos: str, term_type: str = "") -> None:
    tig = etree.SubElement(lang_set, "tig")
    etree.SubElement(tig, "term").text = text
    if term_type:
        etree.SubElement(tig, "termNote", {"type": "termType"}).text = term_type
    if pos:
        etree.SubElement(tig, "termNote", {"type": "partOfSpeech"}).text = pos
    etree.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = _STATUS_TO_TBX[status]


def glossary_text(entries: list[Entry], dialect: str, source: Language = Language.KO) -> str:
    """OmegaT's glossary rows: each preferred or admitted source term with the preferred target term and a
    comment (the note; forbidden target terms are named in it, since the format has no place for them)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for entry in entries:
        target = entry.preferred(source.other)
        forbidden = [t.text for t in entry.forbidden(source.other)]
        comment = entry.note
        if forbidden:
            comment = (comment + " " if comment else "") + "Not: " + "; ".join(forbidden)
        sources = [t for t in entry.terms if t.language is source and t.status is not TermStatus.FORBIDDEN]
        for term in sources:
            cells = [term.text, target.text if target else "", comment]
            if dialect == "tsv":  # no quoting in OmegaT's tab-separated glossaries: tabs and line breaks go
                out.write("\t".join(" ".join(cell.replace("\t", " ").split()) for cell in cells) + "\n")
            else:
                writer.writerow(cells)
    return out.getvalue()


def export_file(entries: list[Entry], path: Path, title: str = "", source: Language = Language.KO) -> int:
    """Write the entries to `path` in the format its extension names; returns how many entries."""
    kind = file_format(path)
    data = tbx_bytes(entries, title) if kind == "tbx" else glossary_text(entries, kind, source).encode("utf-8")
    try:
        write_atomically(path, data)  # never through a link planted at `path`; a crash leaves the old file or the new
    except BriefingFileError as error:
        raise ExchangeError("terms.cannot_write", file=str(path), reason=_reason(error)) from None
    except OSError as error:
        raise ExchangeError("terms.cannot_write", file=str(path), reason=error.strerror or str(error)) from None
    return len(entries)

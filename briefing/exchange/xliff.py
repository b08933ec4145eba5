"""XLIFF 2.0 export and import of a briefing, for review in a CAT tool.

One `<unit>` per item (id = the item's id, `name` = its outline number). Its text is cut where the translation
model cuts it (briefing/translation/markup.py): a `<segment>` per sentence when the source and the target have
the same number of sentences, else one segment for the whole text; what lies between sentences (list markers,
line breaks, untranslatable pieces) goes into `<ignorable>`s, so that joining a unit's parts gives the item's
text back exactly. Markdown inline markup becomes `<pc>` (a pair around words: emphasis, link text) or `<ph>`
(code, URLs, an unpaired marker), the Markdown itself kept in `<originalData>`; characters XML cannot hold
become `<cp>`. The status goes into every segment's `state` (initial, translated, final) with
`subState="briefing:<status>"`; comments are `<note>`s; the source fingerprint (unit) and the briefing's
identity (file) are XLIFF 2 Metadata module entries (`mda:meta`).

Written with lxml rather than translate-toolkit's `translate.storage.xliff2`: that class exposes each segment
as a unit of its own, knows no `<ignorable>`, `<originalData>` or metadata, and sets `xml:space` per segment,
while an exact round trip of an item needs all of them. Its reader is used in the tests to show that other
tools read the units, sources and targets.

Import parses with a hardened parser (size cap before reading, no DTD, no entities, no network), refuses an
internal DTD subset, checks the identity and every unit id before anything else, then compares: see
briefing/exchange/review.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from briefing import __version__, xmlsafe
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
from briefing.messages import Message, register
from briefing.model import Briefing, Item, Language, TargetStatus, fingerprint
from briefing.storage import write_atomically
from briefing.translation.markup import Extracted, Inline, extract

MAX_BYTES = 100 * 1024 * 1024
XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
OURS = "urn:briefing-studio:exchange:1"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {None: XLIFF, "mda": MDA, "bs": OURS}
SUB_PREFIX = "briefing:"

STATE: dict[TargetStatus, str] = {
    TargetStatus.EMPTY: "initial",
    TargetStatus.NEEDS_REVIEW: "initial",
    TargetStatus.MACHINE: "translated",
    TargetStatus.MEMORY: "translated",
    TargetStatus.EDITED: "translated",
    TargetStatus.APPROVED: "final",
}
APPROVING = ("reviewed", "final")

register(
    {
        "xliff.broken": "{path}, line {line}: not well-formed XML ({reason})",
        "xliff.dtd": "{path}, line {line}: the file declares a DTD of its own (<!DOCTYPE … [ … ]>), which can hide "
        "entity tricks; it is not imported",
        "xliff.not_xliff": "{path}: not an XLIFF 2 file (the root element is <{root}>, version {version})",
        "xliff.bad_unit": "{path}, {where}: the unit cannot be read ({reason})",
        "xliff.no_id": "a unit without an id",
        "xliff.unknown_data": "an inline code refers to original data '{ref}' that the unit does not have",
        "xliff.bad_cp": '<cp hex="{hex}"> is not a character',
    }
)

_PLACEHOLDER = re.compile(r"⟦(/?)(\d+)⟧")
_NOT_XML = re.compile("[^\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _q(name: str, namespace: str = XLIFF) -> str:
    return f"{{{namespace}}}{name}"


# -- text ↔ inline content ---------------------------------------------------------------------------


@dataclass
class Code:
    """An inline code: `ph` (one piece of markup) or `pc` (a pair of markup around `children`)."""

    kind: str
    start: str
    end: str = ""
    children: list[Code | str] = field(default_factory=list)
    id: str = ""


Content = list[Code | str]


@dataclass
class Chunk:
    """A segment (sentences) or an ignorable (what lies between them), source and target side."""

    segment: bool
    source: Content
    target: Content | None


def _content(protected: str, inline: Inline) -> Content:
    """A line's protected text (placeholders ⟦n⟧…⟦/n⟧) as text and codes: well-nested pairs as `pc`."""
    tokens = list(_PLACEHOLDER.finditer(protected))
    matched: set[int] = set()
    stack: list[int] = []
    for match in tokens:
        number = int(match.group(2))
        if number in inline.atoms:
            continue
        if not match.group(1):
            stack.append(number)
        elif stack and stack[-1] == number:
            stack.pop()
            matched.add(number)
    root: Content = []
    open_codes: list[tuple[int, Content]] = [(-1, root)]
    position = 0
    for match in tokens:
        open_codes[-1][1].extend(_text(protected[position : match.start()]))
        position = match.end()
        closing, number = bool(match.group(1)), int(match.group(2))
        if number in inline.atoms:
            open_codes[-1][1].append(Code("ph", inline.atoms[number]))
        elif number not in inline.pairs:
            open_codes[-1][1].extend(_text(match.group(0)))  # a placeholder-like text the author wrote
        elif number in matched and not closing:
            code = Code("pc", *inline.pairs[number])
            open_codes[-1][1].append(code)
            open_codes.append((number, code.children))
        elif number in matched and closing:
            open_codes.pop()
        else:
            opening, close = inline.pairs[number]
            open_codes[-1][1].append(Code("ph", close if closing else opening))
    open_codes[-1][1].extend(_text(protected[position:]))
    return root


def _text(text: str) -> Content:
    return [text] if text else []


def _plain(text: str) -> Content:
    return _text(text)


def chunks(source: str, target: str) -> list[Chunk]:
    """The unit's parts: sentence by sentence when both sides have as many sentences, else one segment."""
    if "⟦" in source or "⟦" in target:  # text that looks like placeholders: carried as plain text
        return [Chunk(True, _plain(source), _plain(target) if target else None)]
    ex_source = extract(source)
    if not target:
        return _aligned(ex_source, None)
    ex_target = extract(target)
    if len(ex_source.segments) == len(ex_target.segments) and ex_source.segments:
        return _aligned(ex_source, ex_target)
    return [Chunk(True, _whole(ex_source), _whole(ex_target))]


def _gaps(ex: Extracted) -> tuple[list[str], list[Content]]:
    gaps = [""]
    sentences: list[Content] = []
    for part in ex.parts:
        if isinstance(part, int):
            sentences.append(_content(ex.segments[part], ex.placeholders[part]))
            gaps.append("")
        else:
            gaps[-1] += part
    return gaps, sentences


def _aligned(source: Extracted, target: Extracted | None) -> list[Chunk]:
    source_gaps, source_sentences = _gaps(source)
    if not source_sentences:
        return [Chunk(True, _whole(source), None if target is None else _whole(target))]
    target_gaps, target_sentences = _gaps(target) if target is not None else ([], [])
    out: list[Chunk] = []
    for index, gap in enumerate(source_gaps):
        target_gap = target_gaps[index] if target is not None else None
        if gap or target_gap:
            out.append(Chunk(False, _plain(gap), None if target_gap is None else _plain(target_gap)))
        if index < len(source_sentences):
            out.append(Chunk(True, source_sentences[index], target_sentences[index] if target is not None else None))
    return out


def _whole(ex: Extracted) -> Content:
    """All of an extracted text as one content: fixed parts as text, sentences with their codes."""
    out: Content = []
    for part in ex.parts:
        if isinstance(part, int):
            out += _content(ex.segments[part], ex.placeholders[part])
        else:
            out += _text(part)
    return out


def joined(content: Content) -> str:
    """The Markdown text a content stands for."""
    out = []
    for node in content:
        if isinstance(node, str):
            out.append(node)
        else:
            out += [node.start, joined(node.children), node.end]
    return "".join(out)


# -- writing -------------------------------------------------------------------------------------------


class _UnitWriter:
    """Numbers a unit's codes and keeps its original data (each distinct piece of markup once)."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}
        self.counter = 0

    def ref(self, markup: str) -> str:
        return self.data.setdefault(markup, f"d{len(self.data) + 1}")

    def number(self, content: Content, available: dict[tuple[str, str, str], list[str]] | None) -> None:
        for node in content:
            if isinstance(node, str):
                continue
            key = (node.kind, node.start, node.end)
            if available is not None and available.get(key):
                node.id = available[key].pop(0)
            else:
                self.counter += 1
                node.id = str(self.counter)
            self.number(node.children, available)


def _codes(content: Content) -> Iterator[Code]:
    for node in content:
        if isinstance(node, Code):
            yield node
            yield from _codes(node.children)


def _write_content(element: etree._Element, content: Content, writer: _UnitWriter) -> None:
    last: etree._Element | None = None

    def add_text(text: str) -> None:
        nonlocal last
        for piece in re.split(f"({_NOT_XML.pattern})", text):
            if not piece:
                continue
            if _NOT_XML.fullmatch(piece):
                last = etree.SubElement(element, _q("cp"), hex=f"{ord(piece):04X}")
                last.tail = ""
            elif last is None:
                element.text = (element.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece

    for node in content:
        if isinstance(node, str):
            add_text(node)
            continue
        if node.kind == "ph":
            last = etree.SubElement(element, _q("ph"), id=node.id, dataRef=writer.ref(node.start))
            last.set("disp", _displayable(node.start))
        else:
            last = etree.SubElement(
                element, _q("pc"), id=node.id, dataRefStart=writer.ref(node.start), dataRefEnd=writer.ref(node.end)
            )
            _write_content(last, node.children, writer)
        last.tail = ""


def _displayable(markup: str) -> str:
    return _NOT_XML.sub("\ufffd", markup)


def unit_element(item: Item, number: str) -> etree._Element:
    unit = etree.Element(_q("unit"), id=item.id, name=number, type=f"{SUB_PREFIX}{item.type.value}")
    metadata = etree.SubElement(unit, _q("metadata", MDA))
    group = etree.SubElement(metadata, _q("metaGroup", MDA), category="briefing")
    for kind, value in (
        ("source-fingerprint", fingerprint(item.source_text)),
        ("target-fingerprint", fingerprint(item.target_text)),
        ("status", item.status.value),
    ):
        etree.SubElement(group, _q("meta", MDA), type=kind).text = value
    if item.comments:
        notes = etree.SubElement(unit, _q("notes"))
        for comment in item.comments:
            note = etree.SubElement(notes, _q("note"), id=f"c-{comment.id}", category="comment")
            note.set(_q("author", OURS), _NOT_XML.sub("\ufffd", comment.author))
            note.set(_q("resolved", OURS), "yes" if comment.resolved else "no")
            note.text = _NOT_XML.sub("\ufffd", comment.text)
    writer = _UnitWriter()
    parts = chunks(item.source_text, item.target_text)
    for chunk in parts:
        writer.number(chunk.source, None)
        if chunk.target is not None:
            available: dict[tuple[str, str, str], list[str]] = {}
            for code in _codes(chunk.source):
                available.setdefault((code.kind, code.start, code.end), []).append(code.id)
            writer.number(chunk.target, available)
    state, sub = STATE[item.status], f"{SUB_PREFIX}{item.status.value}"
    body: list[etree._Element] = []
    for chunk in parts:
        element = etree.Element(_q("segment" if chunk.segment else "ignorable"))
        if chunk.segment:
            element.set("state", state)
            element.set("subState", sub)
        _write_content(etree.SubElement(element, _q("source")), chunk.source, writer)
        if chunk.target is not None:
            _write_content(etree.SubElement(element, _q("target")), chunk.target, writer)
        body.append(element)
    if writer.data:
        original = etree.SubElement(unit, _q("originalData"))
        for markup, ref in writer.data.items():
            _write_content(etree.SubElement(original, _q("data"), id=ref), [markup], writer)
    unit.extend(body)
    return unit


def to_xliff(briefing: Briefing, source: Language | None = None) -> tuple[bytes, int]:
    """The XLIFF 2.0 document of the items whose source is `source` (default: most items'); and how many items
    of the other direction were left out (XLIFF has one source and one target language per document)."""
    language = direction(briefing, source)
    root = etree.Element(_q("xliff"), nsmap=NSMAP, version="2.0", srcLang=language.value, trgLang=language.other.value)
    root.set(XML_SPACE, "preserve")
    file = etree.SubElement(root, _q("file"), id="briefing", original=briefing.title.get(language) or "briefing")
    metadata = etree.SubElement(file, _q("metadata", MDA))
    group = etree.SubElement(metadata, _q("metaGroup", MDA), category="briefing")
    for kind, value in (("identity", identity(briefing)), ("tool", f"Briefing Studio {__version__}")):
        etree.SubElement(group, _q("meta", MDA), type=kind).text = value
    numbered = numbers(briefing)
    left_out = 0
    for item in briefing.items():
        if item.source is not language:
            left_out += 1
            continue
        file.append(unit_element(item, numbered[item.id]))
    if file.find(_q("unit")) is None:
        raise ExchangeError("exchange.nothing_to_export", language=language.value)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=False)
    return data, left_out


def export_xliff(briefing: Briefing, path: str | os.PathLike[str], source: Language | None = None) -> int:
    """Write the XLIFF file; returns how many items of the other direction were left out."""
    data, left_out = to_xliff(briefing, source)
    try:
        write_atomically(Path(path), data)
    except OSError as error:
        raise ExchangeError("exchange.cannot_write", path=str(path), reason=error.strerror or str(error)) from None
    return left_out


# -- reading -------------------------------------------------------------------------------------------


def parse_checked(data: bytes, path: str) -> etree._Element:
    """The root of well-formed XML with no internal DTD subset, parsed without loading or resolving anything."""
    root = xmlsafe.parse(data)
    if isinstance(root, xmlsafe.Unparsable):
        if root.entities:
            raise ExchangeError("xliff.dtd", path=path, line=root.line)
        raise ExchangeError("xliff.broken", path=path, line=root.line, reason=root.reason)
    declared = xmlsafe.internal_subset(root)
    if declared is not None:
        raise ExchangeError("xliff.dtd", path=path, line=1)
    return root


def _read_content(element: etree._Element | None, data: dict[str, str], path: str, where: str) -> str:
    if element is None:
        return ""
    out = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction a tool left
            out.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name == "cp":
            out.append(_cp(child.get("hex", ""), path, where))
        elif name in ("ph", "sc", "ec"):
            out.append(_data(child.get("dataRef"), data, path, where))
        elif name == "pc":
            out.append(_data(child.get("dataRefStart"), data, path, where))
            out.append(_read_content(child, data, path, where))
            out.append(_data(child.get("dataRefEnd"), data, path, where))
        elif name == "mrk":  # an annotation a tool added: its text counts
            out.append(_read_content(child, data, path, where))
        out.append(child.tail or "")
    return "".join(out)


def _data(ref: str | None, data: dict[str, str], path: str, where: str) -> str:
    if ref is None:
        return ""
    if ref not in data:
        raise ExchangeError("xliff.bad_unit", path=path, where=where, reason=_reason("xliff.unknown_data", ref=ref))
    return data[ref]


def _cp(hex_value: str, path: str, where: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        raise ExchangeError(
            "xliff.bad_unit", path=path, where=where, reason=_reason("xliff.bad_cp", hex=hex_value)
        ) from None


def _reason(code: str, **params: str) -> Message:
    return Message(code, params)


def _meta(element: etree._Element) -> dict[str, str]:
    return {
        meta.get("type", ""): meta.text or ""
        for metadata in element.iterchildren(_q("metadata", MDA))
        for meta in metadata.iter(_q("meta", MDA))
    }


def _proposal(unit: etree._Element, path: str, by_id: dict[str, Item]) -> Proposal:
    ident = unit.get("id")
    where = f"unit {ident}" if ident else f"unit at line {unit.sourceline}"
    if not ident:
        raise ExchangeError("xliff.bad_unit", path=path, where=where, reason=_reason("xliff.no_id"))
    data: dict[str, str] = {}
    original = unit.find(_q("originalData"))
    if original is not None:
        for element in original.iterchildren(_q("data")):
            data[element.get("id", "")] = _read_content(element, {}, path, where)
    sources, targets, states, subs = [], [], [], []
    any_target = False
    for part in unit:
        if not isinstance(part.tag, str) or etree.QName(part).localname not in ("segment", "ignorable"):
            continue
        source_text = _read_content(part.find(_q("source")), data, path, where)
        target = part.find(_q("target"))
        sources.append(source_text)
        if target is not None:
            any_target = True
            targets.append(_read_content(target, data, path, where))
        else:
            targets.append(source_text if etree.QName(part).localname == "ignorable" else "")
        if etree.QName(part).localname == "segment":
            states.append(part.get("state", "initial"))
            subs.append(part.get("subState", ""))
    meta = _meta(unit)
    exported = _status(meta.get("status", ""))
    state = _lowest(states)
    approve = state in APPROVING and (exported is None or STATE[exported] not in APPROVING)
    lowered = state if exported is TargetStatus.APPROVED and state not in APPROVING else ""
    comments = []
    notes = unit.find(_q("notes"))
    if notes is not None:
        for note in notes.iterchildren(_q("note")):
            note_id = note.get("id", "")
            resolved = note.get(_q("resolved", OURS))
            comments.append(
                ProposedComment(
                    text=note.text or "",
                    author=note.get(_q("author", OURS), ""),
                    comment_id=note_id[2:] if note_id.startswith("c-") else None,
                    resolved=None if resolved is None else resolved == "yes",
                )
            )
    item = by_id.get(ident)
    target, conflict = target_proposed(
        "".join(targets) if any_target else None, meta.get("target-fingerprint"), item.target_text if item else ""
    )
    return Proposal(
        item_id=ident,
        where=where,
        exported_fingerprint=meta.get("source-fingerprint") or None,
        source="".join(sources),
        target=target,
        conflict=conflict,
        approve=approve,
        lowered=lowered,
        comments=tuple(comments),
    )


_ORDER = ("initial", "translated", "reviewed", "final")


def _lowest(states: list[str]) -> str:
    """A unit is as far as its least advanced segment."""
    known = [state for state in states if state in _ORDER]
    return min(known, key=_ORDER.index) if known else "initial"


def _status(value: str) -> TargetStatus | None:
    try:
        return TargetStatus(value)
    except ValueError:
        return None


def read_xliff(briefing: Briefing, path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> ReviewDiff:
    """What the XLIFF file changes in the briefing (which is only read); ExchangeError, naming the unit, for a
    file that cannot be used at all."""
    path = Path(path)
    name = str(path)
    root = parse_checked(size_checked(path, max_bytes), name)
    if root.tag != _q("xliff") or not root.get("version", "").startswith("2."):
        root_name = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise ExchangeError("xliff.not_xliff", path=name, root=root_name, version=root.get("version", "none"))
    files = list(root.iterchildren(_q("file")))
    found = next((meta.get("identity") for meta in map(_meta, files) if meta.get("identity")), None)
    check_identity(name, briefing, found)
    by_id = {item.id: item for item in briefing.items()}
    proposals = [_proposal(unit, name, by_id) for file in files for unit in file.iter(_q("unit"))]
    check_ids(name, briefing, proposals)
    return compare(briefing, proposals)

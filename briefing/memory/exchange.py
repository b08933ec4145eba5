"""TMX 1.4b import and export; export through translate-toolkit's `translate.storage.tmx`.

Import parses the file once with a hardened lxml parser (no DTD loading, no network, no entity resolution, no
huge trees), refuses any internal DTD subset (where entities, billion-laughs and external-entity tricks are
declared) and reads the units from that tree, taking segment text as translate-toolkit does (`seg`'s string
value, whitespace-normalised under `xml:space="default"`): a second parse by translate-toolkit cost more than
the rest of a 100,000-unit import. A plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, as most tools write, is accepted
and never loaded.

Import is one transaction: a file that cannot be read changes nothing; units that cannot be used are skipped
and reported with their `tu` number and reason.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from lxml import etree
from translate.misc import xml_helpers
from translate.storage import tmx

from briefing import __version__, xmlsafe
from briefing.memory.model import Unit, UnitKind
from briefing.memory.store import MemoryStore
from briefing.messages import BriefingError, register
from briefing.model import Language
from briefing.storage import TooLarge, read_regular, write_atomically

MAX_BYTES = 200 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HAS_XML_SPACE = etree.XPath("boolean(//@xml:space)")
TMX_TIME = "%Y%m%dT%H%M%SZ"
_KINDS = {kind.value: kind for kind in UnitKind}
PROPS = {"briefing": "x-briefing", "item_id": "x-briefing-item", "approved_by": "x-approved-by", "kind": "x-unit-kind"}

register(
    {
        "tmx.too_big": "{path}: the file is {size} MB; translation memories up to {limit} MB can be imported",
        "tmx.unreadable": "{path}: cannot be read ({reason})",
        "tmx.broken": "{path}, line {line}: not well-formed TMX ({reason})",
        "tmx.dtd": "{path}, line {line}: the file declares a DTD of its own (<!DOCTYPE … [ … ]>), "
        "which can hide entity tricks; it is not imported",
        "tmx.not_tmx": "{path}: not a TMX file (the root element is <{root}>)",
        "tmx.no_pair": "{path}: no <tu> has both a Korean and an English segment (languages found: {languages})",
        "tmx.skipped": "tu {tu} (line {line}): {reason}",
        "tmx.skip_missing": "no segment in {language}",
        "tmx.skip_language": "unknown language {language}",
        "tmx.skip_empty": "an empty segment",
        "tmx.skip_duplicate": "already in the memory",
        "tmx.cannot_write": "{path}: cannot write the TMX file ({reason})",
    }
)


class ExchangeError(BriefingError, ValueError):
    """A TMX file that cannot be imported or written: one line naming the file, the line and why."""


@dataclass(frozen=True)
class Skipped:
    tu: int  # 1-based position of the <tu> in the file
    line: int
    reason: str  # a message code: tmx.skip_missing, tmx.skip_language, tmx.skip_empty, tmx.skip_duplicate
    language: str = ""


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def read_checked(path: Path, max_bytes: int = MAX_BYTES) -> etree._Element:
    """The file's root element, once it is known to be well-formed XML with a <tmx> root and no internal DTD."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExchangeError("tmx.too_big", path=str(path), size=f"{size / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}")
        data = read_regular(path, max_bytes)  # a pipe or a device is refused; the cap holds while reading
    except TooLarge:
        raise ExchangeError(
            "tmx.too_big", path=str(path), size=f"> {max_bytes / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}"
        ) from None
    except OSError as error:
        raise ExchangeError("tmx.unreadable", path=str(path), reason=error.strerror or str(error)) from None
    root = xmlsafe.parse(data)
    if isinstance(root, xmlsafe.Unparsable):
        if root.entities:
            raise ExchangeError("tmx.dtd", path=str(path), line=root.line)
        raise ExchangeError("tmx.broken", path=str(path), line=root.line, reason=root.reason)
    declared = xmlsafe.internal_subset(root)
    if declared is not None and (list(declared.iterentities()) or list(declared.iterelements())):
        raise ExchangeError("tmx.dtd", path=str(path), line=1)
    if not isinstance(root.tag, str) or etree.QName(root).localname != "tmx":
        raise ExchangeError("tmx.not_tmx", path=str(path), root=str(root.tag))
    return root


@lru_cache(maxsize=256)  # called three times per unit with a handful of codes
def _language(code: str | None) -> Language | None:
    primary = (code or "").replace("_", "-").split("-")[0].lower()
    return Language(primary) if primary in ("ko", "en") else None


def import_tmx(memory: MemoryStore, path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> ImportReport:
    """Add the ko/en pairs of a TMX file to `memory` in one transaction; ExchangeError (nothing changed) when the
    file cannot be used."""
    path = Path(path)
    root = read_checked(path, max_bytes)
    header = root.find("header")
    spaced = bool(_HAS_XML_SPACE(root))
    default_source = _language(header.get("srclang") if header is not None else None) or Language.KO
    report = ImportReport()
    pairs: list[tuple[int, int, Unit, datetime | None]] = []
    languages: set[str] = set()
    number = 0
    for number, element in enumerate(root.iterdescendants("tu"), start=1):
        line = element.sourceline or 0
        texts: dict[Language, str] = {}
        unknown = ""
        for node in element.iterchildren("tuv"):
            code = node.get(XML_LANG) or node.get("lang") or ""
            languages.add(code)
            language = _language(code)
            if language is None:
                unknown = unknown or code
                continue
            if language not in texts:
                texts[language] = _segment_text(node, spaced)
        source_language = _language(element.get("srclang")) or default_source
        missing = next((lang for lang in (source_language, source_language.other) if lang not in texts), None)
        if missing is not None:
            if unknown:
                report.skipped.append(Skipped(number, line, "tmx.skip_language", unknown))
            else:
                report.skipped.append(Skipped(number, line, "tmx.skip_missing", missing.value))
            continue
        source, target = texts[source_language], texts[source_language.other]
        if not source.strip() or not target.strip():
            report.skipped.append(Skipped(number, line, "tmx.skip_empty"))
            continue
        props = {prop.get("type"): prop.text or "" for prop in element.iter("prop")}
        kind = props.get(PROPS["kind"], "")
        changed, created = element.get("changedate"), element.get("creationdate")
        made = Unit(
            source_language,
            source,
            target,
            _KINDS.get(kind, UnitKind.SENTENCE),
            briefing=props.get(PROPS["briefing"], ""),
            item_id=props.get(PROPS["item_id"], ""),
            approved_by=props.get(PROPS["approved_by"], "") or element.get("changeid") or "",
            # changedate is written as the creation date when nobody's approval time is known
            approved_at=_tmx_time(changed if changed != created else None),
        )
        pairs.append((number, line, made, _tmx_time(created)))
    if not pairs and number:
        found = ", ".join(sorted(code for code in languages if code)) or "none"
        raise ExchangeError("tmx.no_pair", path=str(path), languages=found)
    added = memory.add_many((made, created) for _, _, made, created in pairs)
    for (number, line, _, _), was_added in zip(pairs, added, strict=True):
        if was_added:
            report.imported += 1
        else:
            report.skipped.append(Skipped(number, line, "tmx.skip_duplicate"))
    report.skipped.sort(key=lambda skipped: skipped.tu)
    return report


def export_tmx(memory: MemoryStore, path: str | os.PathLike[str]) -> int:
    """Write every unit of `memory` as TMX 1.4b; returns how many."""
    path = Path(path)
    store = tmx.tmxfile()
    header = store.document.getroot().find("header")
    assert header is not None
    for name, value in {
        "creationtool": "Briefing Studio",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "briefing-studio-memory",
        "adminlang": "en",
        "srclang": "*all*",
        "datatype": "plaintext",
    }.items():
        header.set(name, value)
    learned = memory.learned_at()
    count = 0
    for index, unit in enumerate(memory.units()):
        tu = tmx.tmxunit(None)
        element = tu.xmlelement
        element.set("srclang", unit.source_language.value)
        created = learned.get(index)
        if created is not None:
            element.set("creationdate", created.astimezone(UTC).strftime(TMX_TIME))
        changed = unit.approved_at or created
        if changed is not None:
            element.set("changedate", changed.astimezone(UTC).strftime(TMX_TIME))
        if unit.approved_by:
            element.set("changeid", unit.approved_by)
        for field_name, prop_type in PROPS.items():
            value = unit.kind.value if field_name == "kind" else str(getattr(unit, field_name))
            if value:
                prop = etree.SubElement(element, "prop", type=prop_type)
                prop.text = value
        element.append(tu.createlanguageNode(unit.source_language.value, unit.source, "source"))  # type: ignore[no-untyped-call]
        element.append(tu.createlanguageNode(unit.source_language.other.value, unit.target, "target"))  # type: ignore[no-untyped-call]
        store.addunit(tu)
        count += 1
    buffer = io.BytesIO()
    store.serialize(buffer)
    try:
        write_atomically(path, buffer.getvalue())
    except OSError as error:
        raise ExchangeError("tmx.cannot_write", path=str(path), reason=error.strerror or str(error)) from None
    return count


def _segment_text(tuv: etree._Element, spaced: bool) -> str:
    """The text of a <tuv>'s <seg>, markup elements' text included, as translate-toolkit's getNodeText reads it."""
    seg = tuv.find("seg")
    if seg is None:
        seg = next(tuv.iterdescendants("seg"), None)
        if seg is None:
            return ""
    if spaced:  # some element sets xml:space: let translate-toolkit resolve it
        return str(xml_helpers.getText(seg, "preserve"))  # type: ignore[no-untyped-call]
    if not len(seg):  # no markup, comment or processing instruction inside: most segments
        return seg.text or ""
    return "".join(seg.itertext())


def _tmx_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, TMX_TIME).replace(tzinfo=UTC)
    except ValueError:
        return None

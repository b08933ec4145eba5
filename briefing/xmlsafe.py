"""XML from outside (TMX, TBX, XLIFF) parsed with nothing loaded, resolved or fetched: no entity expansion, no
DTD loading, no network, lxml's default tree limits. Each format words the failure in its own message codes."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

# Where a failed parse looks for entity declarations, to say "entities are refused" rather than "broken".
ENTITY_WINDOW = 64 * 1024


@dataclass(frozen=True)
class Unparsable:
    """Why `data` gave no tree (each format raises its own coded error from it): `entities` — the file declares
    entities (refused); otherwise it is not well-formed at `line`."""

    line: int
    reason: str
    entities: bool


def parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def parse(data: bytes) -> etree._Element | Unparsable:
    """The root element of `data`, or why it is not well-formed XML."""
    try:
        return etree.fromstring(data, parser())
    except etree.XMLSyntaxError as error:
        return Unparsable(error.lineno or 1, error.msg, b"<!ENTITY" in data[:ENTITY_WINDOW])


def internal_subset(root: etree._Element) -> etree.DTD | None:
    """The document's internal DTD subset, if it has one (a DOCTYPE with declarations)."""
    return root.getroottree().docinfo.internalDTD

"""`.hwpx` (OWPML, KS X 6101: Hancom 한글's zipped XML) into lines: body paragraphs and tables in reading order,
headers and footers apart.

The package is inflated within caps first (`archive.inflate`: a zip bomb stops at the cap) and no XML part may
declare a DOCTYPE or entities; a password-protected document (its manifest carries `encryption-data`) or an HWP 5
binary file (an OLE compound file) named .hwpx is refused in one line. Only then does python-hwpx open the
package; the text is read from its section trees: `hp:p/hp:run/hp:t` (a `hp:tab` inside `hp:t` is a tab), tables
(`hp:tbl/hp:tr/hp:tc`: one line per row, cells separated by a tab, as the DOCX reader does), headers and footers
(`hp:header`/`hp:footer` controls). HWPX paragraphs name no "Title" or "Heading" style as Word's do (an export's
paragraphs carry shapes, not styles): a paragraph set larger than the body text is read as a heading, the largest
of them before any other text as the title.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from briefing.importers.archive import OLE_MAGIC, ArchiveRefused, Caps, inflate, refuse_entities
from briefing.importers.report import ImportFailed
from briefing.importers.source import Line, SourceDocument, clean_text

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
CAPS = Caps(entries=2000, part=16 * 2**20, total=96 * 2**20)  # those of an HWPX template (hwpx_package)
HEADING_RISE = 150  # a heading's characters are at least 1.5 pt larger than the body's (HWPUNIT: 1/100 pt)


def score_hwpx(name: str, head: bytes) -> float:
    named = name.lower().endswith((".hwpx", ".hwpt"))
    if head.startswith(b"PK\x03\x04") and b"application/hwp" in head[:200]:
        return 0.95  # an HWPX package starts with its stored mimetype
    if head.startswith(b"PK\x03\x04"):
        return 0.8 if named else 0.0
    return 0.4 if named else 0.0  # still read as HWPX, so that the refusal says why


def read_hwpx(data: bytes, name: str) -> SourceDocument:
    if data.startswith(OLE_MAGIC):
        raise ImportFailed("import.encrypted_hwpx", path=name)
    try:
        parts = inflate(data, CAPS)
        refuse_entities(parts)
    except ArchiveRefused as error:
        raise ImportFailed("import.damaged", path=name, reason=error.english()) from None
    if not parts.get("mimetype", b"").startswith(b"application/hwp"):
        raise ImportFailed("import.damaged", path=name, reason="not an HWPX document (no application/hwp+zip mimetype)")
    if b"encryption-data" in parts.get("META-INF/manifest.xml", b""):
        raise ImportFailed("import.encrypted_hwpx", path=name)
    try:
        from hwpx import HwpxDocument  # python-hwpx takes a while to import: only when an HWPX is read

        document = HwpxDocument.open(io.BytesIO(data))
        roots = [section.element for section in document.sections]
        heights = _char_heights(document)
    except Exception as error:  # python-hwpx raises many kinds (KeyError, ValueError, its own) for a damaged file
        reason = f"{type(error).__name__}: {error}"[:200]
        raise ImportFailed("import.damaged", path=name, reason=reason) from None
    return _Walker(heights).document(roots)


def _char_heights(document: Any) -> dict[str, int]:
    """Each character shape's size (HWPUNIT), by id, from the header part."""
    heights: dict[str, int] = {}
    for header in document.parts.headers:
        for shape in header.element.iter(f"{HH}charPr"):
            height = str(shape.get("height", ""))
            if height.isdigit():
                heights[str(shape.get("id", ""))] = int(height)
    return heights


class _Walker:
    def __init__(self, heights: dict[str, int]) -> None:
        self.heights = heights
        self.body: list[tuple[str, str, int]] = []  # (text, part, height)
        self.furniture: list[tuple[str, str]] = []

    def document(self, roots: list[Any]) -> SourceDocument:
        for root in roots:
            for paragraph in root.iterfind(f"{HP}p"):
                self.paragraph(paragraph)
        sizes: Counter[int] = Counter()
        for text, part, height in self.body:
            if part == "body" and height:
                sizes[height] += len(text.strip())
        body_size = sizes.most_common(1)[0][0] if sizes else 0
        tiers = sorted({h for _, p, h in self.body if p == "body" and body_size and h >= body_size + HEADING_RISE})
        lines: list[Line] = []
        for text, part, height in self.body:
            style = ""
            if part == "body" and tiers and height in tiers and len(text) <= 200:
                # Sizes above the body's: the smallest is the headings'; anything larger (or the only size, before
                # any other text) is a title or a banner.
                first = not any(line.part == "body" for line in lines)
                style = "Title" if height > tiers[0] or (len(tiers) == 1 and first) else "Heading"
            pieces = [text] if part == "table" else text.split("\n")  # a row keeps its cells' lines
            for piece in pieces:
                lines.append(Line(clean_text(piece), len(lines) + 1, part, style))
        seen: set[tuple[str, str]] = set()
        for text, part in self.furniture:
            text = clean_text(text).strip()
            if any(c.isalnum() for c in text) and (part, text) not in seen:  # not a bare "/" between page numbers
                seen.add((part, text))
                lines.append(Line(text, len(lines) + 1, part))
        return SourceDocument(lines, "")

    def paragraph(self, paragraph: Any, part: str = "body") -> None:
        """The paragraph's text as a line; its tables as lines after it; its header and footer apart."""
        texts: list[str] = []
        sizes: Counter[int] = Counter()
        for run in paragraph.iterfind(f"{HP}run"):
            height = self.heights.get(str(run.get("charPrIDRef", "")), 0)
            for child in run:
                tag = child.tag
                if tag == f"{HP}t":
                    text = _t_text(child)
                    texts.append(text)
                    sizes[height] += len(text.strip())
                elif tag == f"{HP}tbl":
                    self.table(child)
                elif tag == f"{HP}ctrl":
                    for story in child:
                        if story.tag in (f"{HP}header", f"{HP}footer"):
                            kind = "header" if story.tag == f"{HP}header" else "footer"
                            for inner in story.iter(f"{HP}p"):
                                self.furniture.append((_plain(inner), kind))
        text = "".join(texts)
        if text.strip() or part != "body":
            height = sizes.most_common(1)[0][0] if sizes else 0
            self.body.append((text, part, height))

    def table(self, table: Any) -> None:
        for row in table.iterfind(f"{HP}tr"):
            cells = []
            for cell in row.iterfind(f"{HP}tc"):
                paragraphs = [_plain(p) for p in cell.iter(f"{HP}p")]
                cells.append("\n".join(text.strip() for text in paragraphs if text.strip()))
            self.body.append(("\t".join(cells), "table", 0))


def _t_text(t: Any) -> str:
    """An `hp:t`'s text with its inline tabs and line breaks (`hp:tab`, `hp:lineBreak` carry the text after them
    as their tail)."""
    out = [t.text or ""]
    for child in t:
        if child.tag == f"{HP}tab":
            out.append("\t")
        elif child.tag == f"{HP}lineBreak":
            out.append("\n")
        out.append(child.tail or "")
    return "".join(out)


def _plain(paragraph: Any) -> str:
    return "".join(_t_text(t) for t in paragraph.iterfind(f"{HP}run/{HP}t"))

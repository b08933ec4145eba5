"""The live preview: the briefing as HTML, through the same Markdown tree and phrase catalogs as the export."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from briefing.export.content import section_title
from briefing.export.markdown_docx import parse
from briefing.language.phrases import DateStyle, card_rows, catalog, meeting_name, schedule_label
from briefing.model import Briefing, Item, ItemType, Language

FULL_PREVIEW_ITEMS = 200  # above this, the preview shows the section being edited, not the whole briefing
PREVIEW_ITEM_CHARS = 20_000  # an item longer than this is shown cut, with a note saying how much is left out


def preview_html(briefing: Briefing, languages: Iterable[Language], focus_section: str | None = None) -> str:
    """The briefing as HTML; for a large briefing only the `focus_section` (keeps the view responsive)."""
    languages = list(languages)
    large = len(briefing.items()) > FULL_PREVIEW_ITEMS
    columns = len(languages)
    parts = ["<html><body style='font-size:10.5pt'>"]
    parts.append(_row([f"<h2>{html.escape(briefing.title.get(lang))}</h2>" for lang in languages], columns))
    parts.append(_row([f"<p><i>{html.escape(meeting_name(briefing, lang))}</i></p>" for lang in languages], columns))
    # The card as "label value" lines, not a table: in a narrow column a table's value cell would break
    # words letter by letter.
    cards = [
        "".join(
            f"<p style='margin:0 0 3px 0'><b>{html.escape(label)}</b>&nbsp; "
            f"{html.escape(value).replace(chr(10), '<br>')}</p>"
            for label, value in card_rows(briefing, lang, DateStyle.PROSE)
        )
        for lang in languages
    ]
    parts.append(_row(cards, columns))
    for s, section in enumerate(briefing.sections, start=1):
        if large and section.id != (focus_section or briefing.sections[0].id):
            continue
        # Anchors named by id: the window scrolls the preview to the selected section or item.
        parts.append(f"<a name='{html.escape(section.id, quote=True)}'></a>")
        headings = [f"<h3>{s}. {html.escape(section_title(section, lang))}</h3>" for lang in languages]
        parts.append(_row(headings, columns))
        for i, item in enumerate(section.items, start=1):
            parts.append(f"<a name='{html.escape(item.id, quote=True)}'></a>")
            parts.append(_row([_item(item, lang, f"{s}.{i}") for lang in languages], columns))
    parts.append("</body></html>")
    return "".join(parts)


def _row(cells: list[str], columns: int) -> str:
    if columns == 1:
        return cells[0]
    width = 100 // columns
    return (
        "<table width='100%'><tr>"
        + "".join(f"<td width='{width}%' valign='top'>{cell}</td>" for cell in cells)
        + "</tr></table>"
    )


def _item(item: Item, language: Language, number: str) -> str:
    prefix = number + " "
    if item.type is ItemType.NOTE:
        prefix = (item.note_mark.value if item.note_mark else "*") + " "
    if item.type is ItemType.SCHEDULE and item.when is not None:
        prefix += schedule_label(item.when, language, DateStyle.PROSE)
    text = item.text.get(language)
    if not text.strip():
        return f"<p style='color:#999'>{html.escape(prefix)}…</p>"
    cut_note = ""
    if len(text) > PREVIEW_ITEM_CHARS:  # laying out megabytes would stall the window; the export has it all
        cut = text.rfind("\n\n", 0, PREVIEW_ITEM_CHARS)
        cut = cut if cut > PREVIEW_ITEM_CHARS // 2 else PREVIEW_ITEM_CHARS
        note = catalog(language).preview_cut.format(count=f"{len(text) - cut:,}")
        cut_note = f"<p style='color:#999'>{html.escape(note)}</p>"
        text = text[:cut]
    root, resolve = parse(text)
    body = "".join(_html(child, resolve) for child in root) + cut_note
    style = " style='font-size:9pt'" if item.type is ItemType.NOTE else ""
    return f"<div{style}><span style='color:#666'>{html.escape(prefix)}</span>{body}</div>"


_ALLOWED = {
    "p",
    "strong",
    "em",
    "code",
    "ul",
    "ol",
    "li",
    "a",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "hr",
}


def _html(element: ET.Element, resolve: object) -> str:
    """Serialise the Markdown tree, escaping every text; unknown elements become their text."""
    text = resolve(element.text or "") if callable(resolve) else element.text or ""
    inner = html.escape(text) + "".join(_html(child, resolve) for child in element)
    tail = html.escape(resolve(element.tail or "") if callable(resolve) else element.tail or "")
    tag = element.tag
    if tag not in _ALLOWED:
        return inner + tail
    if tag == "a":
        href = html.escape(element.get("href", ""), quote=True)
        return f"<a href='{href}'>{inner}</a>{tail}"
    if tag in ("br", "hr"):
        return f"<{tag}>{tail}"
    return f"<{tag}>{inner}</{tag}>{tail}"

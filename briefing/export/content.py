"""What a rendered document says, apart from how a file format writes it: the DOCX and the HWPX writers call
these, so both put the same numbers, symbols, dates, markings and titles in the same places."""

from __future__ import annotations

import re

from briefing.export.templates import ItemStyle, Layout, Template
from briefing.language.phrases import DateStyle, catalog, format_partial, note_mark, schedule_label
from briefing.model import Bilingual, Briefing, Comment, Item, ItemType, Language


def layout_language(layout: Layout) -> Language:
    """The language of a single-language layout; Korean stands for the bilingual one."""
    return Language.EN if layout is Layout.EN else Language.KO


def date_style(template: Template, language: Language) -> DateStyle:
    return template.date_styles.get(language, DateStyle.PROSE)


def marking(briefing: Briefing, layout: Layout) -> str:
    """The classification/handling marking printed at the top and the bottom of every page."""
    value = briefing.meeting.marking
    if layout is Layout.BILINGUAL:
        return " / ".join(dict.fromkeys(part for part in (value.ko, value.en) if part))
    return value.get(layout_language(layout))


def draft_text(layout: Layout, draft: bool) -> str:
    """초안 / DRAFT beside the marking of a draft; nothing for a final document."""
    if not draft:
        return ""
    if layout is Layout.BILINGUAL:
        return f"{catalog(Language.KO).draft} / {catalog(Language.EN).draft}"
    return catalog(layout_language(layout)).draft


def item_prefix(
    item: Item, language: Language, section_number: int, item_number: int, template: Template, layout: Layout
) -> str:
    """What opens an item's first paragraph. Every item takes its place as its number, notes too: the outline,
    QA findings, export refusals and hidden bookmarks all call the note under 3.2 "3.3", so the documents do
    (the bilingual table's No. column always did; the single-language pack skipped it, 3.2 → 3.4)."""
    symbols = catalog(language).section_symbols
    style = template.style
    number = "" if layout is Layout.BILINGUAL else f"{section_number}.{item_number} "  # else: No. column
    if item.type is ItemType.NOTE:
        mark = f"{note_mark(item.note_mark.value if item.note_mark else '*', language)} "
        return (number if style is ItemStyle.PACK else "") + mark
    prefix = ""
    if style is ItemStyle.REPORT:
        prefix = f"{symbols[1]} "  # □/○ in every layout, the bilingual table's cells too
    elif style is ItemStyle.PACK:
        prefix = number
    when = item.when if item.type is ItemType.SCHEDULE else None
    if when is not None:
        prefix += schedule_label(when, language, date_style(template, language))
    return prefix


def item_suffix(item: Item, language: Language, template: Template) -> str:
    """What closes an action item: its owner and due date."""
    if item.type is not ItemType.ACTION:
        return ""
    details = [item.owner.get(language)] if item.owner and item.owner.get(language) else []
    if item.due:
        due = format_partial(item.due, language, date_style(template, language))
        details.append(catalog(language).due.format(date=due))
    return f" ({', '.join(details)})" if details else ""


def section_title(title: Bilingual, language: Language, number: int, template: Template, layout: Layout) -> str:
    """A section's heading: □ before it in a report (every layout), its number in a single-language pack (the
    bilingual table has the No. column)."""
    text = title.get(language)
    if template.style is ItemStyle.REPORT:
        return f"{catalog(language).section_symbols[0]} {text}"
    if template.style is ItemStyle.PACK and layout is not Layout.BILINGUAL:
        return f"{number}. {text}"
    return text


def open_comments(briefing: Briefing) -> list[tuple[str, Comment]]:
    """Every comment not yet resolved, under the number of its item (a draft's appendix)."""
    return [
        (f"{s}.{i}", comment)
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
        for comment in item.comments
        if not comment.resolved
    ]


def layout_languages(layout: Layout) -> tuple[Language, ...]:
    return (Language.KO, Language.EN) if layout is Layout.BILINGUAL else (layout_language(layout),)


def both(texts: list[str]) -> str:
    """Texts of the languages of a layout, once each, joined by " / "."""
    return " / ".join(dict.fromkeys(texts))


def document_title(briefing: Briefing, layout: Layout) -> str:
    """The document property "title"."""
    title = briefing.title
    if layout is Layout.BILINGUAL:
        return " / ".join(part for part in (title.ko, title.en) if part)
    return title.get(layout_language(layout))


_ITEM_MARK = re.compile(r"^_bs_(\d+)_(\d+)(?:_([0-9a-f]+))?$")


def bookmark_structure(names: list[str]) -> list[tuple[str, str]]:
    """The sections and items named by a document's hidden bookmarks, in order: (number, id digest)."""
    found = []
    for name in names:
        match = _ITEM_MARK.match(name)
        if match:
            section, item, digest = match.groups()
            found.append((section if item == "0" else f"{section}.{item}", digest or "section"))
    return found

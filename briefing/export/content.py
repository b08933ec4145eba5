"""What a rendered document says, apart from how a file format writes it: the DOCX and the HWPX writers call
these, so both put the same numbers, symbols, dates, markings and titles in the same places."""

from __future__ import annotations

import re

from briefing.export.templates import Layout, Template
from briefing.language.phrases import DateStyle, catalog, format_partial
from briefing.model import Briefing, Comment, Item, ItemType, Language, Section


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


def section_title(section: Section, language: Language) -> str:
    """A section's heading in `language`; while its translation is missing, the title in the other language, so
    that no document prints a bare "■" heading (a final export waits for the translation: `Briefing.pending_titles`)."""
    return section.title.get(language).strip() or section.title.get(language.other).strip()


def draft_text(layout: Layout, draft: bool) -> str:
    """초안 / DRAFT beside the marking of a draft; nothing for a final document."""
    if not draft:
        return ""
    if layout is Layout.BILINGUAL:
        return f"{catalog(Language.KO).draft} / {catalog(Language.EN).draft}"
    return catalog(layout_language(layout)).draft


def item_suffix(item: Item, language: Language, template: Template) -> str:
    """What closes an action item: its owner and due date."""
    if item.type is not ItemType.ACTION:
        return ""
    details = [item.owner.get(language)] if item.owner and item.owner.get(language) else []
    if item.due:
        due = format_partial(item.due, language, date_style(template, language))
        details.append(catalog(language).due.format(date=due))
    return f" ({', '.join(details)})" if details else ""


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

"""Plain-text views of a briefing: the meeting card, the numbered outline and the statistics.

Used by `main.py show` and by the window's summary panes, so both say the same thing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from briefing.language.times import local_time
from briefing.messages import register_values
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, Person, ReviewFlag, Statistics, TargetStatus

STATUS_LABELS = {
    TargetStatus.EMPTY: "empty",
    TargetStatus.MACHINE: "machine-translated",
    TargetStatus.MEMORY: "memory-filled",
    TargetStatus.EDITED: "edited",
    TargetStatus.APPROVED: "approved",
    TargetStatus.NEEDS_REVIEW: "needs review",
}

TYPE_LABELS = {
    ItemType.TOPIC: "topic",
    ItemType.STATEMENT: "statement",
    ItemType.AGREEMENT: "agreement",
    ItemType.DECISION: "decision",
    ItemType.ACTION: "action",
    ItemType.SCHEDULE: "schedule",
    ItemType.NOTE: "note",
    ItemType.PARAGRAPH: "paragraph",
}


# Messages name statuses and item types by their file values; these are their English words.
register_values("status", STATUS_LABELS)
register_values("type", TYPE_LABELS)


def display_width(text: str) -> int:
    """Columns a terminal uses for the text (Hangul and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def clip(text: str, width: int) -> str:
    """One line of at most `width` columns, with an ellipsis when cut."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def both(text: Bilingual, separator: str = " / ") -> str:
    return separator.join(part for part in (text.en, text.ko) if part) or "—"


def person_line(person: Person) -> str:
    name = person.name.en or person.name.ko
    if person.name.ko and person.name.en:
        name = f"{person.name.en} ({person.name.ko})"
    details = [part for part in (person.title.en or person.title.ko, person.rank.en or person.rank.ko) if part]
    organisation = person.organisation.en or person.organisation.ko
    if organisation:
        details.append(organisation)
    return ", ".join([name, *details])


def card_lines(briefing: Briefing) -> list[str]:
    card = briefing.meeting
    session = f", session {card.session}" if card.session else ""
    meeting = f"{card.series.code}{session}" if card.series.code else session.lstrip(", ")
    lines = [f"Meeting    {meeting} — {both(card.series.name)}"]
    if card.start_date:
        span = card.start_date.isoformat()
        if card.end_date and card.end_date != card.start_date:
            span += f" to {card.end_date.isoformat()}"
        note = f" ({both(card.time_zone_note)})" if not card.time_zone_note.is_empty() else ""
        lines.append(f"Date       {span}{note}")
    lines.append(f"Place      {both(card.place)}")
    for n, person in enumerate(card.co_chairs()):
        lines.append(f"{'Co-chairs' if n == 0 else '':<10} {person_line(person)}")
    people = sum(len(d.members) for d in card.delegations)
    lines.append(f"People     {people} in {len(card.delegations)} delegations")
    lines.append(f"Marking    {both(card.marking) if not card.marking.is_empty() else '(none)'}")
    return lines


def item_label(item: Item) -> str:
    label = TYPE_LABELS[item.type]
    if item.statement_kind and item.type is ItemType.STATEMENT:
        label = item.statement_kind.value.replace("_", " ")
    if item.when:
        label += f" {item.when}"
    if item.due:
        label += f" due {item.due}"
    if item.note_mark:
        label += f" {item.note_mark.value}"
    return label


def flag_line(flag: ReviewFlag) -> str:
    """A reviewer's flag in a line: who (or that nobody was recorded), when on the user's clock, why."""
    line = f"flagged by {flag.by or '(not recorded)'}, {local_time(flag.at)}"
    return f"{line}: {flag.reason}" if flag.reason else line


def outline_lines(briefing: Briefing, languages: Iterable[Language], width: int = 100) -> list[str]:
    languages = list(languages)
    lines: list[str] = []
    for s_number, section in enumerate(briefing.sections, start=1):
        lines.append(f"{s_number} {both(section.title)}")
        for i_number, item in enumerate(section.items, start=1):
            direction = f"{item.source.value.upper()}→{item.target.value.upper()}"
            comments = sum(not c.resolved for c in item.comments)
            notes = "  flagged" if item.flag else ""
            notes += f"  {comments} open comment{'s' * (comments != 1)}" if comments else ""
            status = STATUS_LABELS[item.status]
            lines.append(f"  {s_number}.{i_number} [{item_label(item)}] {status} {direction}{notes}")
            if item.flag:
                lines.append("      " + clip(flag_line(item.flag), max(20, width - 6)))
            for language in languages:
                text = item.text.get(language) or "(empty)"
                lines.append(f"      {language.value.upper()} " + clip(text, max(20, width - 9)))
    return lines


def statistics_lines(stats: Statistics) -> list[str]:
    statuses = ", ".join(f"{STATUS_LABELS[s]} {n}" for s, n in stats.per_status.items() if n)
    return [
        f"Items      {stats.items} in {stats.sections} sections",
        f"Status     {statuses or 'no items'}",
        f"Source     English {stats.source_items[Language.EN]}, Korean {stats.source_items[Language.KO]}",
        *(
            f"{name:<10} {stats.filled[lang]}/{stats.items} items written, {stats.characters[lang]:,} characters"
            for name, lang in (("Korean", Language.KO), ("English", Language.EN))
        ),
        f"Flagged    {stats.flagged} item{'s' * (stats.flagged != 1)}",
        f"Comments   {stats.open_comments} open",
    ]


def show_text(briefing: Briefing, languages: Iterable[Language], width: int = 100) -> str:
    title = [t for t in (briefing.title.en, briefing.title.ko) if t] or ["(untitled briefing)"]
    blocks = [
        title,
        card_lines(briefing),
        outline_lines(briefing, languages, width) or ["(no sections)"],
        statistics_lines(briefing.statistics()),
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"

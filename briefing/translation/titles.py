"""The titles a briefing carries besides its items — the meeting card's bilingual texts and the section titles —
that "Translate all missing" fills in: which ones are empty in one language while written in the other, and the
edits that put their translations in.

The titles have no translation status of their own (an item's status lives with the item; a title is plain
`Bilingual` text in the file format): a title is "missing" when its side is empty, and a translated title is
simply text that the drafter may correct like any other. Keeping the file format as it is was the choice;
tracking a status per title would need one (see the report for issue 15)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing import edits
from briefing.model import Bilingual, Briefing, Language

# The meeting card's bilingual texts, by the path `edits.set_field` knows them under.
CARD_TEXTS: tuple[tuple[str, ...], ...] = (
    ("title",),
    ("meeting", "series", "name"),
    ("meeting", "time_zone_note"),
    ("meeting", "place"),
    ("meeting", "marking"),
)


@dataclass(frozen=True)
class TitleTask:
    """One title to translate: where it lives, into which language, and the text on the other side."""

    path: tuple[str, ...]  # the field path without the language (see edits.set_field)
    target: Language
    source_text: str


def _bilingual(briefing: Briefing, path: tuple[str, ...]) -> Bilingual:
    value: object = briefing
    for part in path:
        value = getattr(value, part)
    assert isinstance(value, Bilingual)
    return value


def missing_titles(briefing: Briefing, target: Language) -> list[TitleTask]:
    """The card's texts and the section titles that are empty in `target` and written in the other language."""
    found = []
    places = [*CARD_TEXTS, *(("sections", section.id, "title") for section in briefing.sections)]
    for path in places:
        if path[0] == "sections":
            text = next(s.title for s in briefing.sections if s.id == path[1])
        else:
            text = _bilingual(briefing, path)
        source = text.get(target.other).strip()
        if source and not text.get(target).strip():
            found.append(TitleTask(path, target, source))
    return found


def title_edits(tasks: list[TitleTask], translations: list[str]) -> list[edits.Edit]:
    """The edits that put the translations in, skipping any that came back empty."""
    made: list[edits.Edit] = []
    for task, text in zip(tasks, translations, strict=True):
        if text.strip():
            made.append(edits.set_field((*task.path, task.target.value), text.strip()))
    return made

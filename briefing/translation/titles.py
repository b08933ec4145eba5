"""The titles a briefing carries besides its items — the meeting card's bilingual texts and the section titles —
that "Translate all missing" fills in: which ones are empty in one language while written in the other, and the
edits that put their translations in.

Each title carries a translation status (`model.TitleState`, format version 5): a title is "missing" when one
side is empty, a machine translation put in here makes it `machine_translated`, and the drafter's corrections
make it `edited`, as with items. `Briefing.pending_titles` lists the titles a final export waits for."""

from __future__ import annotations

from dataclasses import dataclass

from briefing import edits
from briefing.model import CARD_TITLES, Bilingual, Briefing, Language, TargetOrigin

# The meeting card's bilingual texts, by the path `edits.set_field` knows them under.
CARD_TEXTS: tuple[tuple[str, ...], ...] = CARD_TITLES


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
            made.append(edits.set_title(task.path, task.target, text.strip(), TargetOrigin.MACHINE))
    return made

"""What the window offers about terms for one item, kept out of the window: the hits worth listing, the edit
that inserts a term, an entry rewritten from a form's fields, and an entry in a table's words."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.edits import ItemEdit
from briefing.model import Item, Language
from briefing.terms.model import Entry, Hit, Term, TermStatus

FindTerms = Callable[[str, Language], Sequence[Hit]]
LIST_SEPARATOR = "; "  # between several acronyms or forbidden terms in one table cell


@dataclass(frozen=True)
class Suggestion:
    """A term of the item worth showing: found in `language`'s text; `insert` is what goes into the target."""

    hit: Hit
    target_language: Language  # the item's other-language text, where `insert` is written
    insert: str  # the target term (for a forbidden term in the target text: the preferred one)

    @property
    def forbidden(self) -> bool:
        return self.hit.forbidden

    @property
    def found(self) -> str:
        return self.hit.term.text

    @property
    def entry(self) -> Entry:
        return self.hit.entry


def suggestions(find: FindTerms, item: Item) -> list[Suggestion]:
    """The source text's terms (each entry once, in reading order), then the forbidden terms written in the
    target text (which the translation must not keep)."""
    source, target = item.source, item.source.other
    found: list[Suggestion] = []
    seen: set[tuple[int, str]] = set()
    for language, text in ((source, item.text.get(source)), (target, item.text.get(target))):
        for hit in find(text, language):
            if language is target and not hit.forbidden:
                continue
            key = (id(hit.entry), hit.term.text)
            if key in seen:
                continue
            seen.add(key)
            preferred = hit.entry.preferred(target)
            found.append(Suggestion(hit, target, preferred.text if preferred else ""))
    return found


def insert_term(item_id: str, language: Language, text: str) -> ItemEdit:
    """The item's `language` text after a term was inserted: one undo step of its own, never merged with typing
    before or after it (it has no merge key)."""
    return ItemEdit("edit.insert_term", item_id, lambda item: item.set_text(language, text))


def edited_entry(entry: Entry, *, ko: str, en: str, note: str, ko_acronym: str = "", en_acronym: str = "") -> Entry:
    """A copy of `entry` whose preferred Korean and English terms (and note) are the given ones; its admitted
    and forbidden terms stay. An empty field removes that language's preferred term."""
    given = {Language.KO: (ko.strip(), ko_acronym.strip()), Language.EN: (en.strip(), en_acronym.strip())}
    terms: list[Term] = []
    for language in (Language.KO, Language.EN):
        text, acronym = given[language]
        old = entry.preferred(language)
        if text:
            pos = old.part_of_speech if old else ""
            terms.append(Term(text, language, TermStatus.PREFERRED, acronym, pos))
        terms += [t for t in entry.terms if t.language is language and t is not old]
    return dataclasses.replace(entry, terms=terms, note=note.strip())


@dataclass(frozen=True)
class EntryRow:
    """An entry as the termbase manager's table shows it."""

    ko: str
    en: str
    acronyms: str
    forbidden: str
    note: str
    verified: bool
    termbase: str


def entry_row(entry: Entry) -> EntryRow:
    ko, en = entry.preferred(Language.KO), entry.preferred(Language.EN)
    acronyms = [t.acronym for t in entry.terms if t.acronym]
    forbidden = [t.text for t in entry.terms if t.status is TermStatus.FORBIDDEN]
    return EntryRow(
        ko.text if ko else "",
        en.text if en else "",
        LIST_SEPARATOR.join(dict.fromkeys(acronyms)),
        LIST_SEPARATOR.join(forbidden),
        entry.note,
        entry.verified,
        entry.termbase,
    )

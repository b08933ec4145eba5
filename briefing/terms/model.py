"""Terminology entries: one concept with its terms in Korean and English, each preferred, admitted or forbidden."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from briefing.model import Language


class TermStatus(StrEnum):
    """TBX's administrative status, reduced to what a drafter acts on."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    language: Language
    status: TermStatus = TermStatus.PREFERRED
    acronym: str = ""  # e.g. "SCWG"; matched too, and "Name (SCWG)" is matched as one hit
    part_of_speech: str = ""  # "noun", "verb", … (TBX partOfSpeech)


@dataclass
class Entry:
    """A concept: its terms in both languages and where the rendering was confirmed."""

    id: str
    terms: list[Term] = field(default_factory=list)
    domain: str = ""
    note: str = ""
    source: str = ""  # where it was confirmed (URL, document)
    verified: bool = True  # False: could not be confirmed from a public source
    termbase: str = ""  # name of the termbase it came from (set when read)
    # Set when read from an office store: the entry's version (an edit made from an older one is a conflict),
    # who changed it last and when. 0: not read from an office store (an update then replaces the entry).
    version: int = field(default=0, compare=False)
    changed_by: str = field(default="", compare=False)
    changed_at: datetime | None = field(default=None, compare=False)

    def preferred(self, language: Language) -> Term | None:
        """The first preferred term of that language (what a translation should use)."""
        return next((t for t in self.terms if t.language is language and t.status is TermStatus.PREFERRED), None)

    def variants(self, language: Language) -> list[Term]:
        """The admitted terms of that language: acceptable, but not the first choice."""
        return [t for t in self.terms if t.language is language and t.status is TermStatus.ADMITTED]

    def forbidden(self, language: Language) -> list[Term]:
        """The forbidden terms of that language: renderings that must not be used (e.g. "Ministry of Defense")."""
        return [t for t in self.terms if t.language is language and t.status is TermStatus.FORBIDDEN]


@dataclass(frozen=True)
class Hit:
    """A term found in a text: where, which entry, which of its terms, and the Korean particle after it."""

    start: int  # span in the searched text (the term, without a Korean particle after it)
    end: int
    language: Language  # of the searched text
    entry: Entry = field(compare=False)
    term: Term  # the term (any status) whose form matched
    particle: str = ""  # Korean particle(s) right after the term in the text, e.g. "와의"

    @property
    def forbidden(self) -> bool:
        return self.term.status is TermStatus.FORBIDDEN

    def target(self, language: Language) -> Term | None:
        """The entry's preferred term in `language` (the other language: what the translation should say)."""
        return self.entry.preferred(language)

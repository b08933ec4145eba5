"""The memories a person works with: their personal memory, and the office memories they read.

The personal memory (`<data folder>/memory/personal.sqlite`) is created on first write and learns from the
briefings its owner approves. Office memories are shared files listed in the `office_memories` setting (a list of
paths, as `office_termbases` is), always opened read-only. A memory that cannot be opened is reported in `problems` and
skipped: the others still work.
"""

from __future__ import annotations

from pathlib import Path

from briefing.memory.learning import units_from
from briefing.memory.model import Match, Unit, UnitKind
from briefing.memory.store import MemoryStoreError, TranslationMemory
from briefing.messages import Message
from briefing.model import Briefing, Language
from briefing.paths import data_home
from briefing.settings import Settings

PERSONAL_NAME = "personal"


def personal_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "memory" / "personal.sqlite"


def office_paths(settings: Settings) -> list[Path]:
    """The office memory files a setting lists (`~` expanded, blanks ignored)."""
    return [Path(part.strip()).expanduser() for part in settings.office_memories if part.strip()]


class Memories:
    """The personal memory and the office memories, looked up together."""

    def __init__(self, personal: Path, office: list[TranslationMemory], problems: list[Message]) -> None:
        self.personal_path = personal
        self.office = office
        self.problems = problems
        self._personal: TranslationMemory | None = None
        self._personal_failed = False

    @classmethod
    def load(cls, settings: Settings | None = None, *, personal: Path | None = None) -> Memories:
        """Open the memories the settings name (the current settings when not given)."""
        if settings is None:
            from briefing.settings import current

            settings = current()
        office, problems = [], []
        for path in office_paths(settings):
            try:
                office.append(TranslationMemory.open(path, read_only=True))
            except MemoryStoreError as error:
                problems.append(error.message)
        memories = cls(personal or personal_path(), office, problems)
        if memories.personal_path.exists():
            try:
                memories._personal = TranslationMemory.open(memories.personal_path, name=PERSONAL_NAME)
            except MemoryStoreError as error:
                memories._personal_failed = True
                problems.append(error.message)
        return memories

    @property
    def personal(self) -> TranslationMemory:
        """The personal memory, created now if it does not exist yet (MemoryStoreError if it cannot be)."""
        if self._personal is None:
            if self.personal_path.exists():
                self._personal = TranslationMemory.open(self.personal_path, name=PERSONAL_NAME)
            else:
                self._personal = TranslationMemory.create(self.personal_path, PERSONAL_NAME)
        return self._personal

    def all(self) -> list[TranslationMemory]:
        """The memories that are open: personal first (if it exists), then the office memories in order."""
        return ([self._personal] if self._personal is not None else []) + self.office

    def lookup(self, text: str, source_language: Language, *, minimum: int = 70, limit: int = 9) -> list[Match]:
        """Matches from every memory, best first; for equal scores the personal memory and whole items first."""
        ranked: list[tuple[int, Match]] = []
        for rank, memory in enumerate(self.all()):
            ranked += [(rank, match) for match in memory.lookup(text, source_language, minimum=minimum, limit=limit)]
        ranked.sort(key=lambda pair: (-pair[1].score, pair[1].unit.kind is not UnitKind.ITEM, pair[0]))
        matches = [match for _, match in ranked]
        seen: set[tuple[str, str]] = set()
        out = []
        for match in matches:
            if (match.unit.source, match.target) not in seen:
                seen.add((match.unit.source, match.target))
                out.append(match)
        return out[:limit]

    def concordance(self, phrase: str, language: Language | None = None, *, limit: int = 50) -> list[Unit]:
        found: list[Unit] = []
        for memory in self.all():
            found += memory.concordance(phrase, language, limit=limit - len(found))
            if len(found) >= limit:
                break
        return found

    def learn_from(self, briefing: Briefing, briefing_key: str) -> int:
        """Learn the approved items of a briefing into the personal memory; returns how many units were added."""
        units = units_from(briefing, briefing_key)
        if not units:
            return 0
        return self.personal.learn(units)

    def close(self) -> None:
        for memory in self.all():
            memory.close()
        self._personal = None
        self.office = []

    def __enter__(self) -> Memories:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""The memories a person works with: their personal memory, and the office memories they read.

The personal memory (`<data folder>/memory/personal.sqlite`) is created on first write and learns from the
briefings its owner approves. Office memories are shared files listed in the `office_memories` setting (a list of
paths, as `office_termbases` is), always opened read-only. A memory that cannot be opened is reported in `problems` and
skipped: the others still work. When an office store is chosen (the `office_store` setting or BRIEFING_STORE), its
memory is looked up too (after the personal one) and approvals are learned into it, where the whole office finds
them. When it cannot be reached (a laptop at a meeting), that is a problem like any other, and work goes on: its
copy (refreshed by `store sync`) is looked up, and approvals wait in a queue that `store sync` sends.
"""

from __future__ import annotations

from pathlib import Path

from briefing.memory.learning import units_from
from briefing.memory.model import Match, Unit, UnitKind
from briefing.memory.store import MemoryStore, MemoryStoreError, TranslationMemory
from briefing.messages import BriefingError, Message
from briefing.model import Briefing, Language
from briefing.paths import data_home
from briefing.settings import Settings
from briefing.stores.location import (
    COPY_MEMORY,
    COPY_NAME,
    QUEUE_NAME,
    QUEUED_MEMORY,
    StoreLocation,
    chosen_location,
    offline_folder,
)
from briefing.stores.office_memory import OfficeMemory
from briefing.stores.postgres import OfficeStore

PERSONAL_NAME = "personal"


def personal_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "memory" / "personal.sqlite"


def office_paths(settings: Settings) -> list[Path]:
    """The office memory files a setting lists (`~` expanded, blanks ignored)."""
    return [Path(part.strip()).expanduser() for part in settings.office_memories if part.strip()]


def _offline(
    location: StoreLocation, office: list[TranslationMemory], problems: list[Message]
) -> TranslationMemory | None:
    """The office store's copy (read-only) among the office memories, and its queue of approvals (returned)."""
    folder = offline_folder(location)
    copy, queue = folder / COPY_MEMORY, folder / QUEUED_MEMORY
    try:
        if copy.exists():
            office.insert(0, TranslationMemory.open(copy, read_only=True, name=COPY_NAME))
        if queue.exists():
            return TranslationMemory.open(queue, name=QUEUE_NAME)
        return TranslationMemory.create(queue, QUEUE_NAME)
    except MemoryStoreError as error:
        problems.append(error.message)
        return None


class Memories:
    """The personal memory and the office memories, looked up together."""

    def __init__(
        self,
        personal: Path,
        office: list[TranslationMemory],
        problems: list[Message],
        shared: MemoryStore | None = None,
    ) -> None:
        self.personal_path = personal
        self.office = office
        self.problems = problems
        self.shared = shared  # the office store's memory, when one is chosen and answers
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
        shared: MemoryStore | None = None
        location = None
        try:
            location = chosen_location(settings)
            if location is not None:
                shared = OfficeMemory(OfficeStore.open(location, author=settings.author))
        except BriefingError as error:
            problems.append(error.message)
            if location is not None:  # away from the office store: read its copy, queue approvals
                shared = _offline(location, office, problems)
        memories = cls(personal or personal_path(), office, problems, shared)
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

    def searched(self) -> list[MemoryStore]:
        """Every memory a lookup reads: the personal one, the office store's, the office memory files."""
        personal: list[MemoryStore] = [self._personal] if self._personal is not None else []
        return personal + ([self.shared] if self.shared is not None else []) + list(self.office)

    def lookup(self, text: str, source_language: Language, *, minimum: int = 70, limit: int = 9) -> list[Match]:
        """Matches from every memory, best first; for equal scores the personal memory and whole items first."""
        ranked: list[tuple[int, Match]] = []
        for rank, memory in enumerate(self.searched()):
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
        for memory in self.searched():
            found += memory.concordance(phrase, language, limit=limit - len(found))
            if len(found) >= limit:
                break
        return found

    def learn_from(self, briefing: Briefing, briefing_key: str) -> int:
        """Learn the approved items of a briefing into the office store's memory (when one is in use and this
        user may write to it) or else the personal memory; returns how many units were added."""
        units = units_from(briefing, briefing_key)
        if not units:
            return 0
        if self.shared is not None and not self.shared.read_only:
            return self.shared.learn(units)
        return self.personal.learn(units)

    def close(self) -> None:
        for memory in self.all():
            memory.close()
        if self.shared is not None:
            self.shared.close()
        self._personal = None
        self.shared = None
        self.office = []

    def __enter__(self) -> Memories:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

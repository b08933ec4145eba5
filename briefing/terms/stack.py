"""The terminology in force for a briefing: several termbases in priority order, searched as one.

1. the briefing's own names, derived from its meeting card (never stored: the card is the truth);
2. the user's personal termbase, `<data folder>/terminology/personal.sqlite`, created on the first write;
3. the office termbases named in the `office_termbases` setting, opened read-only;
4. the shipped termbase, `briefing/terms/data/shipped.tsv`.
When an office store is chosen (the `office_store` setting or BRIEFING_STORE), its termbase comes after the
personal one, and new terms go to it when the user's role may edit it.
Where two termbases give the same form, the higher one wins. A termbase that cannot be opened is reported in
`problems` and left out; the others keep working.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from briefing.messages import BriefingError, Message, register
from briefing.model import Bilingual, Briefing, Language
from briefing.paths import data_home
from briefing.stores.location import StoreLocation, chosen_location, offline_folder
from briefing.stores.office_terms import OfficeTermbase
from briefing.stores.offline_terms import OfflineTermbase
from briefing.stores.postgres import OfficeStore
from briefing.terms.matching import TermIndex
from briefing.terms.model import Entry, Hit, Term, TermStatus
from briefing.terms.store import Termbase, TermbaseError, TermStore

if TYPE_CHECKING:
    from briefing.settings import Settings

SHIPPED_PATH = Path(__file__).resolve().parent / "data" / "shipped.tsv"
SHIPPED_COLUMNS = (
    "id ko en ko_acronym en_acronym ko_admitted en_admitted ko_forbidden en_forbidden "
    "part_of_speech domain note source verified"
).split()
SEPARATOR = " | "  # between several admitted or forbidden terms in one cell
PERSONAL = "personal"
SHIPPED = "shipped"
BRIEFING = "briefing"

register(
    {
        "terms.shipped_missing": "the shipped termbase {path} is missing; reinstall Briefing Studio",
        "terms.shipped_bad": "the shipped termbase {path}, line {line}: {reason}",
    }
)


def personal_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "terminology" / "personal.sqlite"


class TermSource(Protocol):
    """What the stack needs of a termbase: its name, whether it can be changed, its entries and a revision."""

    @property
    def name(self) -> str: ...

    @property
    def read_only(self) -> bool: ...

    @property
    def revision(self) -> int: ...

    def entries(self) -> list[Entry]: ...

    def count(self) -> int: ...


@dataclass
class FixedTermbase:
    """Entries held in memory (the shipped file, the briefing's card): read-only for the user."""

    name: str
    fixed: list[Entry]
    revision: int = 0
    read_only: bool = True

    def entries(self) -> list[Entry]:
        return list(self.fixed)

    def count(self) -> int:
        return len(self.fixed)


# -- the briefing's own names ------------------------------------------------------------------------


def entries_from_briefing(briefing: Briefing) -> list[Entry]:
    """The names on the meeting card that are filled in both languages, as entries: the meeting (with its
    series code as acronym), organisations, delegations, each person's name, title, rank and organisation, and
    the place. Pairs that appear twice (two people of one office) give one entry."""
    card = briefing.meeting
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()

    def add(entry_id: str, pair: Bilingual, note: str, acronyms: Bilingual | None = None) -> None:
        ko, en = pair.ko.strip(), pair.en.strip()
        if not ko or not en or (ko, en) in seen:
            return
        seen.add((ko, en))
        short = acronyms or Bilingual()
        ko_short, en_short = short.ko.strip(), short.en.strip()
        terms = [
            Term(ko, Language.KO, acronym=ko_short if ko_short != ko else ""),
            Term(en, Language.EN, acronym=en_short if en_short != en else ""),
        ]
        # What the name is goes in the domain (worded by the interface), not in a note of English words.
        entries.append(Entry(entry_id, terms, domain=note, source="meeting card", termbase=BRIEFING))

    code = card.series.code.strip()
    add("briefing-meeting", card.series.name, "meeting", Bilingual(code, code) if code else None)
    for organisation in card.organisations:
        add(f"briefing-{organisation.id}", organisation.name, "organisation", organisation.short_name)
    for delegation in card.delegations:
        add(f"briefing-{delegation.id}", delegation.name, "delegation")
        for person in delegation.members:
            add(f"briefing-{person.id}-name", person.name, "person")
            add(f"briefing-{person.id}-title", person.title, "title")
            add(f"briefing-{person.id}-rank", person.rank, "rank")
            add(f"briefing-{person.id}-organisation", person.organisation, "organisation")
    add("briefing-place", card.place, "place")
    return entries


# -- the shipped termbase ----------------------------------------------------------------------------

_shipped_cache: dict[tuple[Path, int, int], list[Entry]] = {}


def load_shipped(path: Path | None = None) -> list[Entry]:
    """The shipped termbase's entries (read once per file version); TermbaseError when missing or broken."""
    path = path or SHIPPED_PATH
    try:
        stat = path.stat()
    except OSError:
        raise TermbaseError("terms.shipped_missing", path=str(path)) from None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _shipped_cache:
        _shipped_cache.clear()
        _shipped_cache[key] = parse_shipped(path.read_bytes(), str(path))
    return [Entry(e.id, list(e.terms), e.domain, e.note, e.source, e.verified, e.termbase) for e in _shipped_cache[key]]


def parse_shipped(data: bytes, path: str = SHIPPED) -> list[Entry]:
    """Rows of the shipped TSV (see SHIPPED_COLUMNS) as entries; TermbaseError naming the first bad line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TermbaseError("terms.shipped_bad", path=path, line=1, reason=f"not UTF-8 at byte {error.start}") from None
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != tuple(SHIPPED_COLUMNS):
        reason = "the header must be: " + " ".join(SHIPPED_COLUMNS)
        raise TermbaseError("terms.shipped_bad", path=path, line=1, reason=reason)
    entries: list[Entry] = []
    ids: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(SHIPPED_COLUMNS):
            reason = f"{len(row)} columns instead of {len(SHIPPED_COLUMNS)}"
            raise TermbaseError("terms.shipped_bad", path=path, line=number, reason=reason)
        cell = dict(zip(SHIPPED_COLUMNS, (c.strip() for c in row), strict=True))
        if not cell["id"] or cell["id"] in ids:
            reason = f"the id '{cell['id']}' is empty or used twice"
            raise TermbaseError("terms.shipped_bad", path=path, line=number, reason=reason)
        if cell["verified"] not in ("yes", "no"):
            reason = f"verified must be yes or no, not '{cell['verified']}'"
            raise TermbaseError("terms.shipped_bad", path=path, line=number, reason=reason)
        if not cell["ko"] and not cell["en"]:
            raise TermbaseError("terms.shipped_bad", path=path, line=number, reason="neither ko nor en is given")
        ids.add(cell["id"])
        pos = cell["part_of_speech"]
        terms: list[Term] = []
        for language in (Language.KO, Language.EN):
            lang = language.value
            if cell[lang]:
                terms.append(Term(cell[lang], language, TermStatus.PREFERRED, cell[f"{lang}_acronym"], pos))
            terms += [Term(t, language, TermStatus.ADMITTED, "", pos) for t in _split(cell[f"{lang}_admitted"])]
            terms += [Term(t, language, TermStatus.FORBIDDEN, "", pos) for t in _split(cell[f"{lang}_forbidden"])]
        entries.append(
            Entry(
                cell["id"],
                terms,
                domain=cell["domain"],
                note=cell["note"],
                source=cell["source"],
                verified=cell["verified"] == "yes",
                termbase=SHIPPED,
            )
        )
    return entries


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(SEPARATOR.strip()) if part.strip()]


def _offline(
    location: StoreLocation, sources: list[TermSource], problems: list[Message], author: str
) -> OfflineTermbase | None:
    """The office termbase away from the network: its copy with this user's queued changes (among the sources,
    and returned: new terms, edits and deletions go to its queues)."""
    try:
        offline = OfflineTermbase(offline_folder(location), author)
    except BriefingError as error:
        problems.append(error.message)
        return None
    sources.append(offline)
    return offline


# -- the stack ---------------------------------------------------------------------------------------


class Terminology:
    """The termbases in force, highest priority first, and the hits of all of them in a text."""

    def __init__(
        self,
        termbases: Sequence[TermSource] = (),
        *,
        personal_file: Path | None = None,
        problems: Iterable[Message] = (),
        shared: TermStore | None = None,
    ) -> None:
        self._briefing = FixedTermbase(BRIEFING, [])
        self._others: list[TermSource] = list(termbases)
        self._personal_file = personal_file
        self._personal: Termbase | None = next(
            (t for t in self._others if isinstance(t, Termbase) and t.name == PERSONAL), None
        )
        self.problems: list[Message] = list(problems)
        # where new terms go instead of the personal termbase: the office store's, or its queue while away from it
        self.shared = shared
        self.office_address = ""  # the office store's address in short (user@host:port/database) when one is chosen
        self._version = 0
        self._state: tuple[tuple[int, int], ...] = ()
        self._index: TermIndex | None = None

    @classmethod
    def load(cls, briefing: Briefing | None = None, settings: Settings | None = None) -> Terminology:
        """The stack from the data folder and the settings; what cannot be opened is in `.problems`."""
        if settings is None:
            from briefing.settings import current

            settings = current()
        sources: list[TermSource] = []
        problems: list[Message] = []
        personal = personal_path()
        if personal.exists():
            try:
                sources.append(Termbase.open(personal, name=PERSONAL))
            except BriefingError as error:
                problems.append(error.message)
        location = None
        shared: TermStore | None = None
        try:
            location = chosen_location(settings)
            if location is not None:
                shared = OfficeTermbase(OfficeStore.open(location, author=settings.author))
                sources.append(shared)
        except BriefingError as error:
            problems.append(error.message)
            if location is not None:  # away from the office store: read its copy, queue new terms
                shared = _offline(location, sources, problems, settings.author)
        for office in settings.office_termbases:
            try:
                sources.append(Termbase.open(Path(office).expanduser(), read_only=True))
            except BriefingError as error:
                problems.append(error.message)
        try:
            sources.append(FixedTermbase(SHIPPED, load_shipped()))
        except BriefingError as error:
            problems.append(error.message)
        terminology = cls(sources, personal_file=personal, problems=problems, shared=shared)
        terminology.office_address = location.label if location is not None else ""
        if briefing is not None:
            terminology.set_briefing(briefing)
        return terminology

    # -- the termbases -------------------------------------------------------------------------------
    @property
    def termbases(self) -> list[TermSource]:
        """Every termbase in force, highest priority first (the briefing's own names first)."""
        return [self._briefing, *self._others]

    @property
    def personal(self) -> Termbase:
        """The user's own termbase, the one that can be written; opened (or created) on first use."""
        if self._personal is None:
            path = self._personal_file or personal_path()
            termbase = Termbase.open(path, name=PERSONAL) if path.exists() else Termbase.create(path, PERSONAL)
            termbase.name = PERSONAL
            self._personal = termbase
            self._others.insert(0, termbase)
        return self._personal

    def set_briefing(self, briefing: Briefing | None) -> None:
        """Take the names from this briefing's meeting card (None: no briefing)."""
        entries = entries_from_briefing(briefing) if briefing is not None else []
        if entries != self._briefing.fixed:
            self._briefing.fixed = entries
            self._briefing.revision += 1

    def add_term(
        self,
        ko: str,
        en: str,
        *,
        note: str = "",
        source: str = "",
        domain: str = "",
        ko_acronym: str = "",
        en_acronym: str = "",
        forbidden_ko: Sequence[str] = (),
        forbidden_en: Sequence[str] = (),
        to: TermStore | None = None,
    ) -> Entry:
        """Add a Korean/English pair (with forbidden renderings, if any) to `to` when given, else to the office
        store's termbase when one is in use and this user may edit it, else to the personal termbase."""
        terms = [
            *([Term(ko.strip(), Language.KO, acronym=ko_acronym.strip())] if ko.strip() else []),
            *([Term(en.strip(), Language.EN, acronym=en_acronym.strip())] if en.strip() else []),
            *(Term(t.strip(), Language.KO, TermStatus.FORBIDDEN) for t in forbidden_ko if t.strip()),
            *(Term(t.strip(), Language.EN, TermStatus.FORBIDDEN) for t in forbidden_en if t.strip()),
        ]
        target: TermStore = self.shared if self.shared is not None and not self.shared.read_only else self.personal
        target = to if to is not None else target
        return target.add(Entry("", terms, domain=domain, note=note, source=source))

    def close(self) -> None:
        for termbase in self._others:
            if isinstance(termbase, Termbase | OfficeTermbase | OfflineTermbase):
                termbase.close()
        if self.shared is not None:
            self.shared.close()

    # -- matching ------------------------------------------------------------------------------------
    @property
    def index_version(self) -> int:
        """Changes whenever any termbase (or the briefing's names) changes: a UI can cache hits by it."""
        state = tuple((id(t), t.revision) for t in self.termbases)
        if state != self._state:
            self._state = state
            self._version += 1
            self._index = None
        return self._version

    @property
    def index(self) -> TermIndex:
        """Every entry of every termbase, highest priority first, ready for matching."""
        self.index_version  # noqa: B018 - forgets a stale index
        if self._index is None:
            self._index = TermIndex(entry for termbase in self.termbases for entry in termbase.entries())
        return self._index

    def hits(self, text: str, language: Language) -> list[Hit]:
        """The terms in `text`; where termbases share a form, the higher one's entry."""
        return self.index.find(text, language)

    def search(self, text: str) -> list[Entry]:
        """Entries of every termbase with `text` in a term, acronym or note (case- and width-insensitive)."""
        from briefing.terms.store import fold

        needle = fold(text.strip())
        found = []
        for termbase in self.termbases:
            if isinstance(termbase, Termbase):
                found += termbase.search(text)
                continue
            for entry in termbase.entries():
                words = [t.text for t in entry.terms] + [t.acronym for t in entry.terms] + [entry.note]
                if any(needle in fold(word) for word in words):
                    found.append(entry)
        return found

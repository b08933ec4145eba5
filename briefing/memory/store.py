"""One translation memory: a SQLite file of units with an exact-key index and a full-text index of grams.

Lookup first takes the units whose key (cleaned, placeables masked) equals the query's; then it asks the gram
index (`index.GramIndex`) for the units sharing most of the query's rarest grams (words for English, character
bigrams for Korean, see `matching.grams`), scores those with rapidfuzz (skipping any that cannot reach the
minimum) and turns only the best few into matches. Opening a memory read-only never writes (SQLite `mode=ro`).

Version 1 files (a full-text index instead of the gram index) are upgraded when opened for writing; opened
read-only, their gram index is built in the connection's temp schema on the first lookup.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from rapidfuzz import fuzz, process

from briefing.memory import matching
from briefing.memory.index import TABLES, GramIndex
from briefing.memory.model import Match, Unit, UnitKind
from briefing.messages import BriefingError, register
from briefing.model import Language, now_utc

SCHEMA_VERSION = 2  # 1: a contentless FTS5 table of grams; 2: the gram index of index.py
APPLICATION_ID = 0x42534D31  # "BSM1": a Briefing Studio memory
CANDIDATES = 100  # units the gram index hands to the fuzzy scorer (recall 99/100 per language at 100,000, as with 150)
BATCH = 4  # units read from the file at a time (at least `limit`), best fuzzy score first, until settled
EXACT = 1000  # units with the query's exact key considered at most

register(
    {
        "memory.not_found": "{path}: there is no translation memory here",
        "memory.damaged": "{path}: the translation memory is damaged ({reason})",
        "memory.not_a_memory": "{path}: not a Briefing Studio translation memory ({reason})",
        "memory.newer": "{path}: the translation memory was written by a newer Briefing Studio "
        "(memory version {version}, this one reads up to {supported})",
        "memory.locked": "{path}: the translation memory is in use by another program; try again in a moment",
        "memory.read_only": "{path}: the translation memory is read-only ({reason})",
        "memory.cannot_create": "{path}: cannot create a translation memory here ({reason})",
        "memory.exists": "{path}: a file is already there",
    }
)


class MemoryStoreError(BriefingError, OSError):
    """A memory file that cannot be used as asked: missing, damaged, newer, locked or read-only; names the path."""


KEY_INDEX = "CREATE INDEX units_by_key ON units(source_language, key)"
BULK = 10_000  # units added at once to an empty memory from which its key index is built after the rows
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE units(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    source_language TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    key TEXT NOT NULL,
    briefing TEXT NOT NULL DEFAULT '',
    item_id TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',
    approved_at TEXT,
    learned_at TEXT NOT NULL
);
{KEY_INDEX};
CREATE INDEX units_by_item ON units(briefing, item_id) WHERE briefing <> '';
"""

_COLUMNS = "id, kind, source_language, source, target, briefing, item_id, approved_by, approved_at"


@dataclass(frozen=True)
class MemoryStats:
    name: str
    path: Path
    units: dict[tuple[UnitKind, Language], int] = field(default_factory=dict)  # (kind, source language) → count
    file_size: int = 0
    last_learned: datetime | None = None

    @property
    def total(self) -> int:
        return sum(self.units.values())


class MemoryStore(Protocol):
    """What the rest of the program uses of a translation memory, whichever backend holds it: a SQLite file
    (`TranslationMemory`) or an office's PostgreSQL server (`briefing.stores.postgres.OfficeMemory`)."""

    name: str
    read_only: bool

    def transaction(self) -> contextlib.AbstractContextManager[None]: ...

    def learn(self, units: Iterable[Unit]) -> int: ...

    def add_many(self, units: Iterable[tuple[Unit, datetime | None]]) -> list[bool]: ...

    def has(self, unit: Unit) -> bool: ...

    def forget_item(self, briefing: str, item_id: str) -> int: ...

    def count(self) -> int: ...

    def units(self) -> Iterator[Unit]: ...

    def learned_at(self) -> dict[int, datetime]: ...

    def lookup(self, text: str, source_language: Language, *, minimum: int = 70, limit: int = 9) -> list[Match]: ...

    def concordance(self, phrase: str, language: Language | None = None, *, limit: int = 50) -> list[Unit]: ...

    def close(self) -> None: ...


def concordance_pattern(phrase: str) -> tuple[str, str]:
    """The phrase as a concordance search compares it (cleaned, lower case) and a LIKE pattern finding candidates
    (with `\\` as its escape); ("", "") for a phrase with nothing to find."""
    wanted = matching.clean(phrase).lower()
    if not wanted:
        return "", ""
    return wanted, "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def concordant(units: Iterable[Unit], wanted: str, language: Language | None, limit: int) -> list[Unit]:
    """The first `limit` of the candidate units that hold `wanted` in their cleaned text (in `language`'s side only,
    when given): what both memories' concordance search keeps of what their database found."""
    found = []
    for unit in units:
        sides = [unit.source, unit.target]
        if language is not None:
            sides = [unit.source] if unit.source_language is language else [unit.target]
        if any(wanted in matching.clean(side).lower() for side in sides):
            found.append(unit)
            if len(found) >= limit:
                break
    return found


class TranslationMemory:
    """One memory file. Use `open` or `create`; close when done (or use it as a context manager)."""

    def __init__(self, connection: sqlite3.Connection, path: Path, name: str, read_only: bool) -> None:
        self._db = connection
        self.path = path
        self.name = name
        self.read_only = read_only
        self._in_transaction = False
        self._index = GramIndex(connection)
        self._index_version = -1  # for a temp index: the data_version it was built at (-1: not built)

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, read_only: bool = False, name: str = "", timeout: float = 2.0
    ) -> TranslationMemory:
        path = Path(path)
        if not path.is_file():
            raise MemoryStoreError("memory.not_found", path=str(path))
        mode = "ro" if read_only else "rw"
        try:
            connection = sqlite3.connect(
                f"file:{quote(str(path.absolute()))}?mode={mode}", uri=True, timeout=timeout, isolation_level=None
            )
        except sqlite3.Error as error:
            raise _error(path, error) from None
        memory = cls(connection, path, name, read_only)
        try:
            memory._check()
        except BaseException:
            connection.close()
            raise
        return memory

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str = "") -> TranslationMemory:
        """A new, empty memory file (MemoryStoreError if something is already at `path`)."""
        path = Path(path)
        if path.exists():
            raise MemoryStoreError("memory.exists", path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise MemoryStoreError(
                "memory.cannot_create", path=str(path), reason=getattr(error, "strerror", None) or str(error)
            ) from None
        try:
            connection.executescript(
                f"BEGIN; {_SCHEMA}; PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
            )
            GramIndex(connection).create()
            connection.execute("INSERT INTO meta VALUES ('name', ?), ('created', ?)", (name, now_utc().isoformat()))
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            connection.close()
            path.unlink(missing_ok=True)
            raise MemoryStoreError("memory.cannot_create", path=str(path), reason=str(error)) from None
        connection.close()
        return cls.open(path, name=name)

    def _check(self) -> None:
        with self._guard():
            application_id = self._db.execute("PRAGMA application_id").fetchone()[0]
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if application_id != APPLICATION_ID:
                raise MemoryStoreError(
                    "memory.not_a_memory", path=str(self.path), reason=f"application id {application_id:#x}"
                )
            if version > SCHEMA_VERSION:
                raise MemoryStoreError("memory.newer", path=str(self.path), version=version, supported=SCHEMA_VERSION)
            tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            needed = {"meta", "units", *(TABLES if version >= 2 else ("unit_grams",))}
            if not needed <= tables:
                raise MemoryStoreError("memory.damaged", path=str(self.path), reason="tables are missing")
            self._db.execute("PRAGMA cache_size = -65536")  # 64 MB: an import's index pages stay in memory
            if version < 2 and self.read_only:
                self._index = GramIndex(self._db, "temp")
            elif version < 2:
                self._upgrade()
            if not self.name:
                row = self._db.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
                self.name = (row[0] if row else "") or self.path.stem

    def _upgrade(self) -> None:
        """A version-1 file to version 2: the gram index replaces the full-text index, in one transaction."""
        with self.transaction():
            self._index.create()
            self._index_all()
            self._db.execute("DROP TABLE unit_grams")
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _index_all(self) -> None:
        writer = self._index.writer()
        for unit_id, language, source in self._db.execute("SELECT id, source_language, source FROM units ORDER BY id"):
            writer.add(unit_id, Language(language), matching.forms(source, Language(language)))
        writer.flush()

    def _ready(self) -> None:
        """Build (or rebuild, when another connection has written since) a temp index for a read-only version-1 file."""
        if self._index.schema != "temp":
            return
        version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        if version == self._index_version:
            return
        self._db.execute("BEGIN")
        try:
            for table in TABLES:
                self._db.execute(f"DROP TABLE IF EXISTS temp.{table}")
            self._index.create()
            self._index_all()
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._index_version = version

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite failures as coded errors naming the file."""
        try:
            yield
        except sqlite3.Error as error:
            raise _error(self.path, error) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything in it is stored, or (on any exception) nothing is."""
        if self.read_only:
            raise MemoryStoreError("memory.read_only", path=str(self.path), reason="opened read-only")
        if self._in_transaction:
            yield
            return
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield
            with self._guard():
                self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._in_transaction = False
            self._index.changed()  # committed or rolled back, what lookups cached may be stale

    # -- writing -----------------------------------------------------------------------------------
    def learn(self, units: Iterable[Unit]) -> int:
        """Store units in one transaction; returns how many were added. Units learned from a briefing item
        replace everything learned earlier from that item (a re-approval supersedes the old one); a unit
        identical to one already stored is not added again."""
        units = list(units)
        with self.transaction(), self._guard():
            for briefing, item_id in dict.fromkeys((u.briefing, u.item_id) for u in units if u.briefing):
                self._forget(briefing, item_id)
            return sum(self.add_many((unit, None) for unit in units))

    def add(self, unit: Unit, learned_at: datetime | None = None) -> bool:
        """Store one unit inside a running transaction unless the same one is there; True when added."""
        return self.add_many([(unit, learned_at)])[0]

    def add_many(self, units: Iterable[tuple[Unit, datetime | None]]) -> list[bool]:
        """Store units (each with when it was learned, None for now) in one transaction, skipping any already
        there; for each, whether it was added. Rows go in with executemany and the gram index is written once."""
        units = list(units)
        added: list[bool] = []
        texts = [(unit.source, unit.source_language) for unit, _ in units]
        with self.transaction(), self._guard(), contextlib.closing(matching.forms_many(texts)) as made:
            next_id = int(self._db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]) + 1
            empty = self._db.execute("SELECT 1 FROM units LIMIT 1").fetchone() is None  # nothing to compare with
            bulk = empty and len(units) >= BULK
            if bulk:  # one sort at the end instead of 100,000 random inserts into the index (0.5 s)
                self._db.execute("DROP INDEX units_by_key")
            writer = self._index.writer()
            seen: set[tuple[str, ...]] = set()
            rows: list[tuple[object, ...]] = []
            now = _time(now_utc())
            for (unit, learned_at), forms in zip(units, made, strict=True):
                kind, language = str(unit.kind), str(unit.source_language)  # a StrEnum's str is its value
                identity = (unit.source, unit.target, kind, unit.briefing, unit.item_id)
                if (language, *identity) in seen or (not empty and self._stored(unit, forms.key, identity)):
                    added.append(False)
                    continue
                seen.add((language, *identity))
                rows.append(
                    (
                        next_id,
                        kind,
                        language,
                        unit.source,
                        unit.target,
                        forms.key,
                        unit.briefing,
                        unit.item_id,
                        unit.approved_by,
                        _time(unit.approved_at),
                        _time(learned_at) if learned_at is not None else now,
                    )
                )
                writer.add(next_id, unit.source_language, forms)
                next_id += 1
                added.append(True)
                if len(rows) >= 5000:
                    self._insert(rows)
            self._insert(rows)
            if bulk:
                self._db.execute(KEY_INDEX)
            writer.flush()
        return added

    def _stored(self, unit: Unit, key: str, identity: tuple[str, ...]) -> bool:
        rows = self._db.execute(
            "SELECT source, target, kind, briefing, item_id FROM units WHERE source_language = ? AND key = ?",
            (unit.source_language.value, key),
        )
        return any(row == identity for row in rows)

    def _insert(self, rows: list[tuple[object, ...]]) -> None:
        self._db.executemany(
            "INSERT INTO units(id, kind, source_language, source, target, key, briefing, item_id, approved_by, "
            "approved_at, learned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        rows.clear()

    def has(self, unit: Unit) -> bool:
        """Whether a unit with the same texts, kind and language is stored (wherever it was learned)."""
        with self._guard():
            rows = self._db.execute(
                "SELECT 1 FROM units WHERE source_language = ? AND key = ? AND source = ? AND target = ? AND kind = ?",
                (unit.source_language.value, matching.key(unit.source), unit.source, unit.target, unit.kind.value),
            )
            return rows.fetchone() is not None

    def forget_item(self, briefing: str, item_id: str) -> int:
        """Remove what was learned from one briefing item; returns how many units went."""
        with self.transaction(), self._guard():
            return self._forget(briefing, item_id)

    def _forget(self, briefing: str, item_id: str) -> int:
        rows = self._db.execute(
            "SELECT id, source, source_language FROM units WHERE briefing = ? AND item_id = ? AND briefing <> ''",
            (briefing, item_id),
        ).fetchall()
        self._index.remove(
            (unit_id, Language(language), matching.forms(source, Language(language)))
            for unit_id, source, language in rows
        )
        self._db.executemany("DELETE FROM units WHERE id = ?", [(row[0],) for row in rows])
        return len(rows)

    # -- reading -----------------------------------------------------------------------------------
    def count(self) -> int:
        with self._guard():
            return int(self._db.execute("SELECT count(*) FROM units").fetchone()[0])

    def units(self) -> Iterator[Unit]:
        """Every unit, in the order learned."""
        with self._guard():
            for row in self._db.execute(f"SELECT {_COLUMNS} FROM units ORDER BY id"):
                yield self._unit(row)

    def learned_at(self) -> dict[int, datetime]:
        """When each unit (by position in `units()`) was stored: for exports."""
        with self._guard():
            rows = self._db.execute("SELECT learned_at FROM units ORDER BY id").fetchall()
        return {index: datetime.fromisoformat(row[0]) for index, row in enumerate(rows)}

    def lookup(self, text: str, source_language: Language, *, minimum: int = 70, limit: int = 9) -> list[Match]:
        """Units whose source is like `text` (in `source_language`), best first, scored 0–100."""
        if not text.strip():
            return []
        forms = matching.forms(text, source_language)
        query = matching.unstored(forms.comparable, source_language)
        with self._guard():
            self._ready()
            # a unit's fuzzy score bounds its match score from above; units with the query's key score 100 when
            # equal but for whitespace and width, else at most 99
            exact = matching.exact_key(text)
            bound = {
                unit_id: 100.0 if matching.exact_key(source) == exact else 99.0
                for unit_id, source in self._db.execute(
                    "SELECT id, source FROM units WHERE source_language = ? AND key = ? LIMIT ?",
                    (source_language.value, forms.key, EXACT),
                )
            }
            found = self._index.candidates(forms.grams, source_language, CANDIDATES)
            choices = {
                unit_id: matching.unstored(comparable, source_language)
                for unit_id, comparable in found.items()
                if unit_id not in bound
            }
            same_key = set(bound)
            for _, value, unit_id in process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=minimum, limit=None
            ):
                bound[unit_id] = value
            # the best score each unit can make (see `_match`), best first; a match is made only for a unit that
            # could still enter the best `limit`, one at a time, and the scan stops once none can. A unit with
            # another number of placeables (MASKs in its form) cannot take the query's values: 5 below, for sure
            places = forms.comparable.count(matching.MASK)
            ceiling = {
                unit_id: value
                if unit_id in same_key
                else max(0, min(98, int(value)) - (5 if found[unit_id].count(matching.MASK) != places else 0))
                for unit_id, value in bound.items()
            }
            ranked = sorted(bound, key=lambda unit_id: (-ceiling[unit_id], -bound[unit_id]))
            matches: list[Match] = []
            units: dict[int, Unit] = {}
            size = max(BATCH, limit)
            for position, unit_id in enumerate(ranked):
                top = ceiling[unit_id]
                if top < minimum or _settled(matches, limit, _order(top, None)):
                    break  # no unit left can reach the minimum, or score as high as the `limit` matches made
                if unit_id not in units:
                    batch = ranked[position : position + size]
                    for row in self._db.execute(
                        f"SELECT {_COLUMNS} FROM units WHERE id IN ({','.join('?' * len(batch))})", batch
                    ):
                        units[int(str(row[0]))] = self._unit(row)
                unit = units[unit_id]
                if _settled(matches, limit, _order(top, unit)):
                    continue  # even at its best it would rank below `limit` matches made (ties: the earlier)
                match = self._match(unit, text, bound[unit_id], unit_id in same_key)
                if match.score >= minimum:
                    matches.append(match)
        return best_matches(matches, limit)

    def _match(self, unit: Unit, text: str, fuzzy: float, same_key: bool) -> Match:
        return make_match(unit, text, fuzzy, same_key)

    def concordance(self, phrase: str, language: Language | None = None, *, limit: int = 50) -> list[Unit]:
        """Units with `phrase` (case-insensitive, whitespace and width ignored) in their source or target;
        `language` restricts the search to text in that language."""
        wanted, pattern = concordance_pattern(phrase)
        if not wanted:
            return []
        if language is None:
            condition = "(source LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')"
            params: list[str] = [pattern, pattern]
        else:
            condition = (
                "((source_language = ? AND source LIKE ? ESCAPE '\\') OR "
                "(source_language = ? AND target LIKE ? ESCAPE '\\'))"
            )
            params = [language.value, pattern, language.other.value, pattern]
        with self._guard():
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM units WHERE {condition} ORDER BY id DESC", params)
            return concordant((self._unit(row) for row in rows), wanted, language, limit)

    def stats(self) -> MemoryStats:
        with self._guard():
            counts = {
                (UnitKind(kind), Language(language)): number
                for kind, language, number in self._db.execute(
                    "SELECT kind, source_language, count(*) FROM units GROUP BY kind, source_language"
                )
            }
            last = self._db.execute("SELECT max(learned_at) FROM units").fetchone()[0]
        return MemoryStats(
            self.name,
            self.path,
            counts,
            self.path.stat().st_size if self.path.exists() else 0,
            datetime.fromisoformat(last) if last else None,
        )

    def _unit(self, row: tuple[object, ...]) -> Unit:
        _, kind, language, source, target, briefing, item_id, approved_by, approved_at = row
        return Unit(
            Language(str(language)),
            str(source),
            str(target),
            UnitKind(str(kind)),
            str(briefing),
            str(item_id),
            str(approved_by),
            datetime.fromisoformat(str(approved_at)) if approved_at else None,
            self.name,
        )


def make_match(unit: Unit, text: str, fuzzy: float, same_key: bool) -> Match:
    """The match a unit makes: `fuzzy` is its rapidfuzz score, `same_key` whether its key is the query's."""
    if same_key and matching.exact_key(unit.source) == matching.exact_key(text):
        return Match(unit, 100, unit.target)
    carried = matching.carry_over(unit.source, text, unit.target)
    if same_key:  # only placeables differ
        if carried is not None:
            return Match(unit, 99, carried, placeables_replaced=carried != unit.target)
        return Match(unit, 90, unit.target)
    value = min(98, int(fuzzy))
    if carried is None:
        return Match(unit, max(0, value - 5), unit.target)
    return Match(unit, value, carried, placeables_replaced=carried != unit.target)


def choose_matches(
    text: str, candidates: list[tuple[Unit, float, bool, str]], *, minimum: int, limit: int
) -> list[Match]:
    """The best matches among candidates (unit, fuzzy score, whether its key is the query's, its comparable form)
    as `lookup` ranks them; a match (placeables carried over: the costly part) is made only for a candidate that
    could still enter the best `limit`, as in `lookup`."""
    places = matching.forms(text, candidates[0][0].source_language).comparable.count(matching.MASK) if candidates else 0
    exact = matching.exact_key(text)
    ranked = []
    for unit, fuzzy, same_key, comparable in candidates:
        if same_key:
            top = 100.0 if matching.exact_key(unit.source) == exact else 99.0
        else:
            top = max(0, min(98, int(fuzzy)) - (5 if comparable.count(matching.MASK) != places else 0))
        ranked.append((top, fuzzy, unit, same_key))
    ranked.sort(key=lambda row: (-row[0], -row[1]))
    matches: list[Match] = []
    made: list[tuple[tuple[float, bool, float], tuple[str, str]]] = []  # each match's rank and pair, as `_settled`

    def settled(best: tuple[float, bool, float]) -> bool:
        return len(made) >= limit and len({pair for order, pair in made if order <= best}) >= limit

    for top, fuzzy, unit, same_key in ranked:
        if top < minimum or settled(_order(top, None)):
            break
        if settled(_order(top, unit)):
            continue
        match = make_match(unit, text, fuzzy, same_key)
        if match.score >= minimum:
            matches.append(match)
            made.append((_order(match.score, match.unit), (match.unit.source, match.target)))
    return best_matches(matches, limit)


def best_matches(matches: list[Match], limit: int) -> list[Match]:
    """Matches in rank order, one per (source, target) pair, at most `limit`: as every backend returns them."""
    matches = sorted(matches, key=lambda match: _order(match.score, match.unit))
    return _distinct(matches)[:limit]


def settled(matches: list[Match], limit: int, top: float) -> bool:
    """Whether `limit` distinct matches rank ahead of any unit that can score `top` at best: then no such unit
    needs to be read (what a store's lookup asks before reading more candidates)."""
    return _settled(matches, limit, _order(top, None))


def _settled(matches: list[Match], limit: int, best: tuple[float, bool, float]) -> bool:
    """Whether `limit` distinct matches (see `_distinct`) rank ahead of a unit that ranks `best` at best (or
    level with it: of equal matches the one made first is kept)."""
    if len(matches) < limit:
        return False
    return len({(m.unit.source, m.target) for m in matches if _order(m.score, m.unit) <= best}) >= limit


def _order(score: float, unit: Unit | None) -> tuple[float, bool, float]:
    """How matches rank: by score, then units learned from a whole item, then the latest approved; for no unit,
    the best rank any unit with that score can have."""
    if unit is None:
        return (-score, False, -math.inf)
    return (-score, unit.kind is not UnitKind.ITEM, -_stamp(unit.approved_at))


def _distinct(matches: list[Match]) -> list[Match]:
    """One match per (source, target) pair: the same sentence learned from two briefings is one suggestion."""
    seen: set[tuple[str, str]] = set()
    out = []
    for match in matches:
        pair = (match.unit.source, match.target)
        if pair not in seen:
            seen.add(pair)
            out.append(match)
    return out


def _stamp(at: datetime | None) -> float:
    return at.timestamp() if at is not None else 0.0


def _time(at: datetime | None) -> str | None:
    if at is None:
        return None
    return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).isoformat()


def _error(path: Path, error: sqlite3.Error) -> MemoryStoreError:
    reason = str(error)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return MemoryStoreError("memory.locked", path=str(path))
    if "readonly" in lowered or "read-only" in lowered:
        return MemoryStoreError("memory.read_only", path=str(path), reason=reason)
    if "not a database" in lowered:
        return MemoryStoreError("memory.not_a_memory", path=str(path), reason=reason)
    return MemoryStoreError("memory.damaged", path=str(path), reason=reason)

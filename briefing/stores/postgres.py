"""An office's termbase and memory in one PostgreSQL database, behind the interfaces of the SQLite stores.

`OfficeStore.open` connects (TLS when the server offers it: sslmode=prefer), checks the schema version (a store
of a newer version is refused) and gives `termbase` (a `TermStore`) and `memory` (a `MemoryStore`) sharing the
connection. Every change runs in one transaction, so a lost connection, a full disk or a refused write leaves no
half-written entry or unit. Term entries carry a version, who changed them and when: an update made from an older
version is a conflict (`store.conflict`), never a silent overwrite. Fuzzy lookup takes candidates from a pg_trgm
trigram index and scores them as the SQLite memory does (`memory.store.make_match`).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import errors, sql
from rapidfuzz import fuzz

from briefing.memory import matching
from briefing.memory.model import Match, Unit, UnitKind
from briefing.memory.store import best_matches, make_match
from briefing.messages import register
from briefing.model import Language
from briefing.stores.location import StoreError, StoreLocation
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.store import TermbaseError, fold, new_entry_id

SCHEMA_VERSION = 1
CANDIDATES = 100  # units the trigram index hands to the fuzzy scorer
EXACT = 1000  # units with the query's exact key considered at most
SIMILARITY = 0.3  # pg_trgm's threshold for a candidate (a 70% fuzzy match is well above it)
CONNECT_SECONDS = 5
OFFICE_NAME = "office"

register(
    {
        "store.unreachable": "the office store {address} cannot be reached ({reason})",
        "store.wrong_password": "the office store {address} refused the password of {user}",
        "store.refused": "the office store {address} refused the connection ({reason})",
        "store.not_set_up": "{address} holds no Briefing Studio store yet; "
        "`briefing-studio store migrate --to ADDRESS` sets one up",
        "store.newer": "the office store {address} was written by a newer Briefing Studio (store version "
        "{version}; this one reads up to {supported})",
        "store.read_only": "the office store {address} may only be read by {user}; the change was not made",
        "store.conflict": "entry '{id}' was changed by {who} at {when} after you read it; your change was not "
        "saved: reload the entry and make it again",
        "store.connection_lost": "the connection to the office store {address} was lost ({reason}); "
        "the change was not saved",
        "store.disk_full": "the office store {address} has no room left on its server; the change was not saved",
        "store.failed": "the office store {address} refused the request ({reason})",
        "store.no_trigrams": "the office store {address} cannot index Korean text (its character type is "
        "{ctype}); create the database with a UTF-8 locale such as C.UTF-8",
    }
)

_SCHEMA = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE briefing_schema (version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE SEQUENCE term_changes;
CREATE TABLE term_entries (
    position bigserial UNIQUE,
    id text PRIMARY KEY,
    domain text NOT NULL DEFAULT '',
    note text NOT NULL DEFAULT '',
    source text NOT NULL DEFAULT '',
    verified boolean NOT NULL DEFAULT true,
    folded_note text NOT NULL DEFAULT '',
    version integer NOT NULL DEFAULT 1,
    changed_by text NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE term_terms (
    entry text NOT NULL REFERENCES term_entries(id) ON DELETE CASCADE,
    position integer NOT NULL,
    text text NOT NULL,
    language text NOT NULL CHECK (language IN ('ko', 'en')),
    status text NOT NULL CHECK (status IN ('preferred', 'admitted', 'forbidden')),
    acronym text NOT NULL DEFAULT '',
    part_of_speech text NOT NULL DEFAULT '',
    folded text NOT NULL,
    PRIMARY KEY (entry, position)
);
CREATE TABLE memory_units (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('sentence', 'item')),
    source_language text NOT NULL CHECK (source_language IN ('ko', 'en')),
    source text NOT NULL,
    target text NOT NULL,
    key text NOT NULL,
    comparable text NOT NULL,
    briefing text NOT NULL DEFAULT '',
    item_id text NOT NULL DEFAULT '',
    approved_by text NOT NULL DEFAULT '',
    approved_at timestamptz,
    learned_at timestamptz NOT NULL DEFAULT now(),
    identity bytea NOT NULL UNIQUE
);
CREATE INDEX memory_by_key ON memory_units USING hash (key);
CREATE INDEX memory_by_item ON memory_units (briefing, item_id) WHERE briefing <> '';
CREATE INDEX memory_trigrams ON memory_units USING gin (comparable gin_trgm_ops);
"""
TABLES = ("briefing_schema", "term_entries", "term_terms", "memory_units")
_UNIT_COLUMNS = "id, kind, source_language, source, target, briefing, item_id, approved_by, approved_at"


@dataclass(frozen=True)
class StoreSize:
    terms: int
    units: int


class OfficeStore:
    """One connection to an office store: its `termbase` and `memory`. Use `open`; close when done."""

    def __init__(self, connection: psycopg.Connection[Any], location: StoreLocation, author: str) -> None:
        self._db = connection
        self.location = location
        self.author = author
        self.user = str(connection.info.user)
        self.schema_version = SCHEMA_VERSION
        self.termbase = OfficeTermbase(self)
        self.memory = OfficeMemory(self)

    @classmethod
    def open(cls, location: StoreLocation, *, create: bool = False, author: str = "") -> OfficeStore:
        """Connect and check the store (set it up first when `create` and it has no tables yet)."""
        store = cls(connect(location), location, author)
        try:
            store._check(create)
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> OfficeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def shown(self) -> str:
        return self.location.shown

    def _check(self, create: bool) -> None:
        with self.guard():
            present = self._db.execute(
                "SELECT to_regclass('briefing_schema') IS NOT NULL, current_setting('lc_ctype')"
            ).fetchone()
            assert present is not None
            if not present[0]:
                if not create:
                    raise StoreError("store.not_set_up", address=self.shown)
                self._set_up(str(present[1]))
            row = self._db.execute("SELECT max(version) FROM briefing_schema").fetchone()
            version = int(row[0]) if row and row[0] is not None else 0
            if version > SCHEMA_VERSION:
                raise StoreError("store.newer", address=self.shown, version=version, supported=SCHEMA_VERSION)
            self.schema_version = version
            rights = self._db.execute(
                "SELECT has_table_privilege('term_entries', 'INSERT'), has_table_privilege('memory_units', 'INSERT')"
            ).fetchone()
            assert rights is not None
            self.termbase.read_only = not rights[0]
            self.memory.read_only = not rights[1]
            self._db.execute(sql.SQL("SET pg_trgm.similarity_threshold = {}").format(sql.Literal(SIMILARITY)))

    def _set_up(self, ctype: str) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(4242001)")  # two first users: one sets up
            if self._db.execute("SELECT to_regclass('briefing_schema')").fetchone() != (None,):
                return
            self._db.execute(_SCHEMA)
            trigrams = self._db.execute("SELECT show_trgm('회의')").fetchone()
            if not trigrams or not trigrams[0]:
                raise StoreError("store.no_trigrams", address=self.shown, ctype=ctype)
            self._db.execute("INSERT INTO briefing_schema (version) VALUES (%s)", (SCHEMA_VERSION,))

    def size(self) -> StoreSize:
        with self.guard():
            row = self._db.execute(
                "SELECT (SELECT count(*) FROM term_entries), (SELECT count(*) FROM memory_units)"
            ).fetchone()
        assert row is not None
        return StoreSize(int(row[0]), int(row[1]))

    # -- the connection ------------------------------------------------------------------------------
    @property
    def db(self) -> psycopg.Connection[Any]:
        """The connection, made again when the last one was lost (outside a transaction only)."""
        if self._db.closed or self._db.broken:
            self._db.close()
            self._db = connect(self.location)
            with self.guard():
                self._db.execute(sql.SQL("SET pg_trgm.similarity_threshold = {}").format(sql.Literal(SIMILARITY)))
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested transactions are savepoints."""
        with self.guard(), self.db.transaction():
            yield

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """The server's failures as coded errors naming the store (never its password)."""
        try:
            yield
        except errors.InsufficientPrivilege:
            raise StoreError("store.read_only", address=self.shown, user=self.user) from None
        except errors.DiskFull:
            raise StoreError("store.disk_full", address=self.shown) from None
        except psycopg.OperationalError as error:
            raise StoreError("store.connection_lost", address=self.shown, reason=_reason(error)) from None
        except psycopg.Error as error:
            raise StoreError("store.failed", address=self.shown, reason=_reason(error)) from None

    def writable(self, read_only: bool) -> None:
        if read_only:
            raise StoreError("store.read_only", address=self.shown, user=self.user)


def connect(location: StoreLocation, timeout: int = CONNECT_SECONDS) -> psycopg.Connection[Any]:
    """A connection in autocommit mode (transactions are explicit); StoreError when it cannot be made."""
    password = location.password()
    options: dict[str, Any] = {"autocommit": True, "connect_timeout": timeout, "application_name": "briefing-studio"}
    if password is not None:
        options["password"] = password
    try:
        return psycopg.connect(location.address, **options)
    except psycopg.Error as error:
        reason = _reason(error)
        if password:
            reason = reason.replace(password, "***")
        if "password authentication failed" in reason or "no password supplied" in reason:
            raise StoreError("store.wrong_password", address=location.shown, user=location.user or "?") from None
        if getattr(error, "sqlstate", None) or "FATAL" in reason:
            raise StoreError("store.refused", address=location.shown, reason=reason) from None
        raise StoreError("store.unreachable", address=location.shown, reason=reason) from None


def _reason(error: BaseException) -> str:
    """The server's last words, on one line, without libpq's preamble."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    text = lines[-1] if lines else type(error).__name__
    return text.split("FATAL:", 1)[-1].strip()[:300]


# -- the termbase ------------------------------------------------------------------------------------


class OfficeTermbase:
    """The office's termbase: a `TermStore` in the store's database."""

    def __init__(self, store: OfficeStore) -> None:
        self._store = store
        self.name = OFFICE_NAME
        self.read_only = False

    @property
    def revision(self) -> int:
        with self._store.guard():
            row = self._store.db.execute("SELECT last_value, is_called FROM term_changes").fetchone()
        assert row is not None
        return int(row[0]) if row[1] else 0

    @contextlib.contextmanager
    def transaction(self) -> Iterator[OfficeTermbase]:
        self._store.writable(self.read_only)
        with self._store.transaction():
            yield self

    def _changed(self) -> None:
        self._store.db.execute("SELECT nextval('term_changes')")

    def add(self, entry: Entry) -> Entry:
        _check_entry(entry)
        entry.id = entry.id or new_entry_id()
        with self.transaction():
            db = self._store.db
            row = db.execute(
                "INSERT INTO term_entries (id, domain, note, source, verified, folded_note, changed_by) "
                "VALUES (%s, %s, %s, %s, %s, %s, coalesce(nullif(%s, ''), session_user)) "
                "ON CONFLICT (id) DO NOTHING RETURNING version, changed_by, changed_at",
                (entry.id, entry.domain, entry.note, entry.source, entry.verified, fold(entry.note), self._author()),
            ).fetchone()
            if row is None:
                raise TermbaseError("terms.duplicate_id", name=self.name, id=entry.id)
            self._insert_terms(entry)
            self._changed()
        entry.version, entry.changed_by, entry.changed_at = int(row[0]), str(row[1]), row[2]
        entry.termbase = self.name
        return entry

    def add_all(self, entries: Iterable[Entry]) -> int:
        count = 0
        with self.transaction():
            for entry in entries:
                self.add(entry)
                count += 1
        return count

    def update(self, entry: Entry) -> Entry:
        """Replace the stored entry; a conflict when someone changed it since `entry.version` was read (an entry
        not read from this store, version 0, replaces whatever is there: an import)."""
        _check_entry(entry)
        with self.transaction():
            db = self._store.db
            row = db.execute(
                "UPDATE term_entries SET domain = %s, note = %s, source = %s, verified = %s, folded_note = %s, "
                "version = version + 1, changed_by = coalesce(nullif(%s, ''), session_user), changed_at = now() "
                "WHERE id = %s AND (%s = 0 OR version = %s) RETURNING version, changed_by, changed_at",
                (
                    entry.domain,
                    entry.note,
                    entry.source,
                    entry.verified,
                    fold(entry.note),
                    self._author(),
                    entry.id,
                    entry.version,
                    entry.version,
                ),
            ).fetchone()
            if row is None:
                now = db.execute(
                    "SELECT changed_by, changed_at FROM term_entries WHERE id = %s", (entry.id,)
                ).fetchone()
                if now is None:
                    raise TermbaseError("terms.no_entry", name=self.name, id=entry.id)
                raise StoreError("store.conflict", id=entry.id, who=now[0], when=_shown_time(now[1]))
            db.execute("DELETE FROM term_terms WHERE entry = %s", (entry.id,))
            self._insert_terms(entry)
            self._changed()
        entry.version, entry.changed_by, entry.changed_at = int(row[0]), str(row[1]), row[2]
        entry.termbase = self.name
        return entry

    def remove(self, entry_id: str) -> None:
        with self.transaction():
            gone = self._store.db.execute("DELETE FROM term_entries WHERE id = %s RETURNING id", (entry_id,))
            if gone.fetchone() is None:
                raise TermbaseError("terms.no_entry", name=self.name, id=entry_id)
            self._changed()

    def count(self) -> int:
        with self._store.guard():
            row = self._store.db.execute("SELECT count(*) FROM term_entries").fetchone()
        return int(row[0]) if row else 0

    def entries(self) -> list[Entry]:
        return self._read("", ())

    def get(self, entry_id: str) -> Entry | None:
        found = self._read("WHERE id = %s", (entry_id,))
        return found[0] if found else None

    def search(self, text: str, language: Language | None = None) -> list[Entry]:
        needle = fold(text.strip())
        if not needle:
            return self.entries()
        where = (
            "WHERE id IN (SELECT entry FROM term_terms WHERE (strpos(folded, %s) > 0 OR strpos(lower(acronym), %s) > 0)"
        )
        params: tuple[object, ...] = (needle, needle)
        if language is not None:
            where += " AND language = %s"
            params += (language.value,)
        return self._read(where + ") OR strpos(folded_note, %s) > 0", (*params, needle))

    def close(self) -> None:
        self._store.close()

    def _author(self) -> str:
        return self._store.author

    def _insert_terms(self, entry: Entry) -> None:
        with self._store.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO term_terms VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (entry.id, i, t.text, t.language.value, t.status.value, t.acronym, t.part_of_speech, fold(t.text))
                    for i, t in enumerate(entry.terms)
                ],
            )

    def _read(self, where: str, params: tuple[object, ...]) -> list[Entry]:
        with self._store.guard(), self._store.db.transaction():  # one snapshot for entries and terms
            db = self._store.db
            rows = db.execute(
                "SELECT id, domain, note, source, verified, version, changed_by, changed_at FROM term_entries "
                f"{where} ORDER BY position",
                params,
            ).fetchall()
            entries = {
                row[0]: Entry(row[0], [], row[1], row[2], row[3], bool(row[4]), self.name, row[5], row[6], row[7])
                for row in rows
            }
            if not entries:
                return []
            for entry_id, text, language, status, acronym, part_of_speech in db.execute(
                "SELECT entry, text, language, status, acronym, part_of_speech FROM term_terms "
                "WHERE entry = ANY(%s) ORDER BY entry, position",
                (list(entries),),
            ):
                entries[entry_id].terms.append(
                    Term(text, Language(language), TermStatus(status), acronym, part_of_speech)
                )
        return list(entries.values())


def _check_entry(entry: Entry) -> None:
    if not any(term.text.strip() for term in entry.terms):
        raise TermbaseError("terms.empty_entry")


def _shown_time(at: object) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if isinstance(at, datetime) else str(at)


# -- the memory --------------------------------------------------------------------------------------


class OfficeMemory:
    """The office's translation memory: a `MemoryStore` in the store's database."""

    def __init__(self, store: OfficeStore) -> None:
        self._store = store
        self.name = OFFICE_NAME
        self.read_only = False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self._store.writable(self.read_only)
        with self._store.transaction():
            yield

    def learn(self, units: Iterable[Unit]) -> int:
        """As `TranslationMemory.learn`: what an item taught before is replaced by what it teaches now."""
        units = list(units)
        with self.transaction():
            for briefing, item_id in dict.fromkeys((u.briefing, u.item_id) for u in units if u.briefing):
                self._forget(briefing, item_id)
            return sum(self.add_many((unit, None) for unit in units))

    def add(self, unit: Unit, learned_at: datetime | None = None) -> bool:
        return self.add_many([(unit, learned_at)])[0]

    def add_many(self, units: Iterable[tuple[Unit, datetime | None]]) -> list[bool]:
        """Store units in one transaction (copied in, then inserted unless the same unit is there: two drafters
        approving the same sentence store it once); for each, whether it was added."""
        units = list(units)
        if not units:
            return []
        identities = [_identity(unit) for unit, _ in units]
        texts = [(unit.source, unit.source_language) for unit, _ in units]
        with self.transaction(), contextlib.closing(matching.forms_many(texts)) as made:
            db = self._store.db
            db.execute(
                "CREATE TEMP TABLE incoming (n integer, kind text, source_language text, source text, target text, "
                "key text, comparable text, briefing text, item_id text, approved_by text, approved_at timestamptz, "
                "learned_at timestamptz, identity bytea) ON COMMIT DROP"
            )
            with db.cursor() as cursor, cursor.copy("COPY incoming FROM STDIN") as copy:
                for n, ((unit, learned_at), forms, identity) in enumerate(zip(units, made, identities, strict=True)):
                    copy.write_row(
                        (
                            n,
                            unit.kind.value,
                            unit.source_language.value,
                            unit.source,
                            unit.target,
                            forms.key,
                            forms.comparable,
                            unit.briefing,
                            unit.item_id,
                            unit.approved_by,
                            _aware(unit.approved_at),
                            _aware(learned_at) or datetime.now(UTC),
                            identity,
                        )
                    )
            stored = db.execute(
                "INSERT INTO memory_units (kind, source_language, source, target, key, comparable, briefing, "
                "item_id, approved_by, approved_at, learned_at, identity) SELECT kind, source_language, source, "
                "target, key, comparable, briefing, item_id, approved_by, approved_at, learned_at, identity "
                "FROM incoming ORDER BY n ON CONFLICT (identity) DO NOTHING RETURNING identity"
            ).fetchall()
            db.execute("DROP TABLE incoming")
        fresh = {bytes(row[0]) for row in stored}
        added = []
        for identity in identities:
            added.append(identity in fresh)
            fresh.discard(identity)
        return added

    def has(self, unit: Unit) -> bool:
        with self._store.guard():
            row = self._store.db.execute(
                "SELECT 1 FROM memory_units WHERE key = %s AND source_language = %s AND source = %s AND target = %s "
                "AND kind = %s LIMIT 1",
                (matching.key(unit.source), unit.source_language.value, unit.source, unit.target, unit.kind.value),
            )
            return row.fetchone() is not None

    def forget_item(self, briefing: str, item_id: str) -> int:
        with self.transaction():
            return self._forget(briefing, item_id)

    def _forget(self, briefing: str, item_id: str) -> int:
        gone = self._store.db.execute(
            "DELETE FROM memory_units WHERE briefing = %s AND item_id = %s AND briefing <> '' RETURNING id",
            (briefing, item_id),
        )
        return len(gone.fetchall())

    def count(self) -> int:
        with self._store.guard():
            row = self._store.db.execute("SELECT count(*) FROM memory_units").fetchone()
        return int(row[0]) if row else 0

    def units(self) -> Iterator[Unit]:
        with self._store.guard():
            rows = self._store.db.execute(f"SELECT {_UNIT_COLUMNS} FROM memory_units ORDER BY id").fetchall()
        for row in rows:
            yield self._unit(row)

    def learned_at(self) -> dict[int, datetime]:
        with self._store.guard():
            rows = self._store.db.execute("SELECT learned_at FROM memory_units ORDER BY id").fetchall()
        return {index: row[0] for index, row in enumerate(rows)}

    def lookup(self, text: str, source_language: Language, *, minimum: int = 70, limit: int = 9) -> list[Match]:
        """Units whose source is like `text`, best first, scored as the SQLite memory scores them."""
        if not text.strip():
            return []
        forms = matching.forms(text, source_language)
        query = matching.unstored(forms.comparable, source_language)
        with self._store.guard():
            db = self._store.db
            same_key = db.execute(
                f"SELECT {_UNIT_COLUMNS}, comparable FROM memory_units WHERE key = %s AND source_language = %s "
                "ORDER BY id LIMIT %s",
                (forms.key, source_language.value, EXACT),
            ).fetchall()
            similar = db.execute(
                f"SELECT {_UNIT_COLUMNS}, comparable FROM memory_units WHERE comparable %% %s "
                "AND source_language = %s AND key <> %s ORDER BY similarity(comparable, %s) DESC, id LIMIT %s",
                (forms.comparable, source_language.value, forms.key, forms.comparable, CANDIDATES),
            ).fetchall()
        matches: list[Match] = []
        for row in same_key:
            matches.append(make_match(self._unit(row[:-1]), text, 100.0, True))
        for row in similar:
            score = fuzz.ratio(query, matching.unstored(row[-1], source_language), score_cutoff=minimum)
            if score:
                matches.append(make_match(self._unit(row[:-1]), text, score, False))
        return best_matches([m for m in matches if m.score >= minimum], limit)

    def concordance(self, phrase: str, language: Language | None = None, *, limit: int = 50) -> list[Unit]:
        wanted = matching.clean(phrase).lower()
        if not wanted:
            return []
        pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if language is None:
            condition, params = "(source ILIKE %s OR target ILIKE %s)", [pattern, pattern]
        else:
            condition = "((source_language = %s AND source ILIKE %s) OR (source_language = %s AND target ILIKE %s))"
            params = [language.value, pattern, language.other.value, pattern]
        found = []
        with self._store.guard():
            rows = self._store.db.execute(
                f"SELECT {_UNIT_COLUMNS} FROM memory_units WHERE {condition} ORDER BY id DESC LIMIT %s",
                [*params, limit * 4],
            ).fetchall()
        for row in rows:
            unit = self._unit(row)
            sides = [unit.source, unit.target]
            if language is not None:
                sides = [unit.source] if unit.source_language is language else [unit.target]
            if any(wanted in matching.clean(side).lower() for side in sides):
                found.append(unit)
                if len(found) >= limit:
                    break
        return found

    def close(self) -> None:
        self._store.close()

    def _unit(self, row: tuple[Any, ...]) -> Unit:
        _, kind, language, source, target, briefing, item_id, approved_by, approved_at = row
        return Unit(
            Language(language),
            source,
            target,
            UnitKind(kind),
            briefing,
            item_id,
            approved_by,
            approved_at,
            self.name,
        )


def _identity(unit: Unit) -> bytes:
    """What makes a unit the same as another (as the SQLite memory compares them), hashed for a unique index."""
    parts = (unit.source_language.value, unit.source, unit.target, unit.kind.value, unit.briefing, unit.item_id)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).digest()


def _aware(at: datetime | None) -> datetime | None:
    if at is None:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)

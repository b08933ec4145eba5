"""An office's termbase and memory in one PostgreSQL database, behind the interfaces of the SQLite stores.

`OfficeStore.open` connects (TLS when the server offers it: sslmode=prefer) and checks the schema version (a
store of a newer version is refused); `office_terms.OfficeTermbase` (a `TermStore`) and
`office_memory.OfficeMemory` (a `MemoryStore`) work through it and may share its connection and transactions.
Every change runs in one transaction, so a lost connection, a full disk or a refused write leaves no half-written
entry or unit. Term entries carry a version, who changed them and when: an update made from an older version is a
conflict (`store.conflict`), never a silent overwrite. Fuzzy lookup takes the nearest distinct forms of a pg_trgm
trigram (GiST) index as candidates and scores them as the SQLite memory does (`memory.store.choose_matches`); the
concordance search finds its candidates through trigram (GIN) indexes of the texts. A version-1 store is upgraded
in place (one transaction) when its owner opens it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # psycopg is imported when a store is opened: a command with no office store never loads it
    import psycopg

from briefing.messages import register
from briefing.stores.location import StoreError, StoreLocation

SCHEMA_VERSION = 2  # 1: a trigram index of every unit; 2: of the units' distinct forms, and of their texts
CONNECT_SECONDS = 5

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

# the fuzzy lookup's index: the nearest distinct forms of each source language (see office_memory.lookup)
FORM_INDEXES = """
CREATE INDEX memory_forms_ko ON memory_forms USING gist (comparable gist_trgm_ops(siglen=2024))
    WHERE source_language = 'ko';
CREATE INDEX memory_forms_en ON memory_forms USING gist (comparable gist_trgm_ops(siglen=2024))
    WHERE source_language = 'en';
"""
# the concordance search's index: ILIKE '%phrase%' on either side (phrases of three characters or more)
TEXT_INDEXES = """
CREATE INDEX memory_source_trigrams ON memory_units USING gin (source gin_trgm_ops);
CREATE INDEX memory_target_trigrams ON memory_units USING gin (target gin_trgm_ops);
"""
_SCHEMA = (
    """
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
CREATE TABLE memory_forms (
    id bigserial PRIMARY KEY,
    source_language text NOT NULL CHECK (source_language IN ('ko', 'en')),
    comparable text NOT NULL
);
CREATE UNIQUE INDEX memory_forms_distinct ON memory_forms (source_language, md5(comparable));
CREATE TABLE memory_units (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('sentence', 'item')),
    source_language text NOT NULL CHECK (source_language IN ('ko', 'en')),
    source text NOT NULL,
    target text NOT NULL,
    key text NOT NULL,
    form bigint NOT NULL REFERENCES memory_forms (id),
    briefing text NOT NULL DEFAULT '',
    item_id text NOT NULL DEFAULT '',
    approved_by text NOT NULL DEFAULT '',
    approved_at timestamptz,
    learned_at timestamptz NOT NULL DEFAULT now(),
    identity bytea NOT NULL UNIQUE
);
CREATE INDEX memory_by_key ON memory_units USING hash (key);
CREATE INDEX memory_by_item ON memory_units (briefing, item_id) WHERE briefing <> '';
CREATE INDEX memory_by_form ON memory_units (form, (kind = 'item') DESC, approved_at DESC NULLS LAST, id);
"""
    + FORM_INDEXES
    + TEXT_INDEXES
)
_UPGRADE_TO_2 = (
    """
CREATE TABLE memory_forms (
    id bigserial PRIMARY KEY,
    source_language text NOT NULL CHECK (source_language IN ('ko', 'en')),
    comparable text NOT NULL
);
INSERT INTO memory_forms (source_language, comparable)
    SELECT DISTINCT source_language, comparable FROM memory_units ORDER BY 1, 2;
CREATE UNIQUE INDEX memory_forms_distinct ON memory_forms (source_language, md5(comparable));
ALTER TABLE memory_units ADD COLUMN form bigint;
UPDATE memory_units u SET form = f.id FROM memory_forms f
    WHERE f.source_language = u.source_language AND md5(f.comparable) = md5(u.comparable);
ALTER TABLE memory_units ALTER COLUMN form SET NOT NULL, ADD FOREIGN KEY (form) REFERENCES memory_forms (id),
    DROP COLUMN comparable;
CREATE INDEX memory_by_form ON memory_units (form, (kind = 'item') DESC, approved_at DESC NULLS LAST, id);
"""
    + FORM_INDEXES
    + TEXT_INDEXES
)
_PRIVILEGES = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}
TABLES = ("briefing_schema", "term_entries", "term_terms", "memory_forms", "memory_units")


@dataclass(frozen=True)
class StoreSize:
    terms: int
    units: int


class OfficeStore:
    """One connection to an office store, which its termbase and memory (office_terms, office_memory) may share.
    Use `open`; close when done."""

    def __init__(self, connection: psycopg.Connection[Any], location: StoreLocation, author: str) -> None:
        self._db = connection
        self.location = location
        self.author = author
        self.user = str(connection.info.user)
        self.schema_version = SCHEMA_VERSION
        self.can_edit_terms = True  # the role's rights, checked when opened
        self.can_learn = True
        self._closed = False  # closed by `close`: never connected again

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
        """Close the connection for good: a closed store never connects again (a late reader — a check running
        after the window closed the termbases — gets `store.connection_lost`, not a connection left open)."""
        self._closed = True
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
            if 0 < version < SCHEMA_VERSION:
                self._upgrade()
                version = SCHEMA_VERSION
            self.schema_version = version
            rights = self._db.execute(
                "SELECT has_table_privilege('term_entries', 'INSERT'), has_table_privilege('memory_units', 'INSERT')"
            ).fetchone()
            assert rights is not None
            self.can_edit_terms, self.can_learn = bool(rights[0]), bool(rights[1])

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

    def _upgrade(self) -> None:
        """A version-1 store to version 2, in one transaction (by the first user allowed to change its tables; the
        others wait for it): its units' distinct forms into memory_forms, with the rights the roles had on
        memory_units, and the text indexes of the concordance search."""
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(4242001)")
            row = self._db.execute("SELECT max(version) FROM briefing_schema").fetchone()
            if row is None or row[0] is None or int(row[0]) >= SCHEMA_VERSION:
                return  # another user upgraded it meanwhile
            from psycopg import errors, sql

            try:
                self._db.execute(_UPGRADE_TO_2)
            except errors.InsufficientPrivilege:
                raise StoreError(
                    "store.failed",
                    address=self.shown,
                    reason=f"its tables are of version {row[0]}; the first to open it must be their owner, "
                    "who upgrades them to version 2",
                ) from None
            grants = self._db.execute(
                "SELECT grantee, privilege_type FROM information_schema.role_table_grants "
                "WHERE table_name = 'memory_units' AND grantee <> current_user"
            ).fetchall()
            for grantee, privilege in grants:
                if privilege not in _PRIVILEGES:
                    continue
                role = sql.Identifier(str(grantee))
                self._db.execute(sql.SQL("GRANT {} ON memory_forms TO {}").format(sql.SQL(privilege), role))
                if privilege == "INSERT":
                    self._db.execute(sql.SQL("GRANT USAGE, SELECT ON SEQUENCE memory_forms_id_seq TO {}").format(role))
            self._db.execute("INSERT INTO briefing_schema (version) VALUES (%s)", (SCHEMA_VERSION,))

    def size(self) -> StoreSize:
        with self.guard():
            row = self.db.execute(
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
            if self._closed:
                raise StoreError("store.connection_lost", address=self.shown, reason="closed by Briefing Studio")
            self._db = connect(self.location)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested transactions are savepoints."""
        with self.guard(), self.db.transaction():
            yield

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """The server's failures as coded errors naming the store (never its password)."""
        import psycopg
        from psycopg import errors

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
    import psycopg

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

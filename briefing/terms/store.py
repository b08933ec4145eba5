"""A termbase in one SQLite file: entries with their terms, a schema version, all-or-nothing changes.

The file has a `schema_version` table (one row), `meta` (the termbase's name), `entries` and `terms` (in the
entry's order). Each term and note is also kept NFKC-casefolded, so that `search` is case- and width-insensitive
in SQL. A file from a newer version, a damaged, locked or read-only file gives a `TermbaseError` naming the file
and the reason; opening read-only uses SQLite's `mode=ro`, so it never writes, not even a journal.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from briefing.messages import BriefingError, register
from briefing.model import Language
from briefing.terms.model import Entry, Term, TermStatus

SCHEMA_VERSION = 1
LOCK_TIMEOUT_SECONDS = 0.5  # a locked file is reported, not waited for: the window must not hang

register(
    {
        "terms.missing": "termbase {path} does not exist",
        "terms.exists": "termbase {path} already exists",
        "terms.damaged": "termbase {path} is damaged or not a termbase ({reason})",
        "terms.newer": "termbase {path} was written by a newer Briefing Studio (termbase version {version}; "
        "this one reads up to {supported})",
        "terms.locked": "termbase {path} is locked by another program; try again when it is closed",
        "terms.read_only": "termbase {path} is read-only; its entries cannot be changed",
        "terms.cannot_open": "termbase {path} cannot be opened ({reason})",
        "terms.no_entry": "termbase {name} has no entry '{id}'",
        "terms.duplicate_id": "termbase {name} already has an entry '{id}'",
        "terms.empty_entry": "an entry needs at least one term with some text",
    }
)


class TermbaseError(BriefingError):
    """A termbase file that cannot be used as asked, or an entry that cannot be stored; says which and why."""


_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    domain TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    verified INTEGER NOT NULL DEFAULT 1,
    folded_note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE terms (
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('ko', 'en')),
    status TEXT NOT NULL CHECK (status IN ('preferred', 'admitted', 'forbidden')),
    acronym TEXT NOT NULL DEFAULT '',
    part_of_speech TEXT NOT NULL DEFAULT '',
    folded TEXT NOT NULL,
    PRIMARY KEY (entry, position)
);
CREATE INDEX terms_by_language ON terms(language);
"""


class TermStore(Protocol):
    """What the rest of the program uses of a termbase, whichever backend holds it: this SQLite file
    (`Termbase`) or an office's PostgreSQL server (`briefing.stores.postgres.OfficeTermbase`)."""

    name: str
    read_only: bool

    @property
    def revision(self) -> int: ...

    def transaction(self) -> contextlib.AbstractContextManager[object]: ...

    def add(self, entry: Entry) -> Entry: ...

    def add_all(self, entries: Iterable[Entry]) -> int: ...

    def update(self, entry: Entry) -> Entry: ...

    def remove(self, entry_id: str) -> None: ...

    def count(self) -> int: ...

    def entries(self) -> list[Entry]: ...

    def get(self, entry_id: str) -> Entry | None: ...

    def search(self, text: str, language: Language | None = None) -> list[Entry]: ...

    def close(self) -> None: ...


def fold(text: str) -> str:
    """Text as search compares it: NFKC (full-width letters as ASCII) and casefolded."""
    return unicodedata.normalize("NFKC", text).casefold()


def new_entry_id() -> str:
    return f"term-{uuid.uuid4().hex[:12]}"


def add_each(termbase: TermStore, entries: Iterable[Entry]) -> int:
    """`add_all` of a store whose transactions nest: every entry in one transaction (all or none); how many."""
    count = 0
    with termbase.transaction():
        for entry in entries:
            termbase.add(entry)
            count += 1
    return count


class Termbase:
    """One termbase file. Use `open` or `create`; close it (or use it as a context manager) when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path, name: str, read_only: bool) -> None:
        self._db = connection
        self.path = path
        self.name = name
        self.read_only = read_only
        self._depth = 0
        self._writes = 0
        self.schema_version = SCHEMA_VERSION

    # -- opening -------------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, name: str = "") -> Termbase:
        """Open an existing termbase; TermbaseError when it is missing, damaged, newer, locked or read-only."""
        path = Path(path)
        if not path.is_file():
            raise TermbaseError("terms.missing", path=str(path))
        if not read_only and not os.access(path, os.W_OK):
            raise TermbaseError("terms.read_only", path=str(path))
        connection = _connect(path, read_only)
        try:
            version, stored_name = _check(connection, path)
            termbase = cls(connection, path, name or stored_name or path.stem, read_only)
            termbase.schema_version = version
        except BaseException:
            connection.close()
            raise
        return termbase

    @classmethod
    def create(cls, path: Path | str, name: str) -> Termbase:
        """A new, empty termbase file (its folder is created); TermbaseError if the file exists already."""
        path = Path(path)
        if path.exists():
            raise TermbaseError("terms.exists", path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TermbaseError("terms.cannot_open", path=str(path), reason=error.strerror or str(error)) from None
        connection = _connect(path, read_only=False)
        try:
            with _translate_errors(path):
                connection.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
                connection.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
                connection.execute("INSERT INTO meta VALUES ('name', ?)", (name,))
        except BaseException:
            connection.close()
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return cls(connection, path, name, read_only=False)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Termbase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Termbase({self.name!r}, {str(self.path)!r}, read_only={self.read_only})"

    # -- changes -------------------------------------------------------------------------------------
    @property
    def revision(self) -> int:
        """A number that changes whenever this termbase changes, here or through another connection."""
        with _translate_errors(self.path):
            (data_version,) = self._db.execute("PRAGMA data_version").fetchone()
        return int(data_version) * 1_000_003 + self._writes

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Termbase]:
        """All or nothing: the changes made inside are kept together, or none of them when anything fails."""
        self._writable()
        with _translate_errors(self.path):
            if self._depth == 0:
                self._db.execute("BEGIN IMMEDIATE")
            else:
                self._db.execute(f"SAVEPOINT level{self._depth}")
        self._depth += 1
        try:
            with _translate_errors(self.path):
                yield self
        except BaseException:
            self._depth -= 1
            with _translate_errors(self.path):
                if self._depth == 0:
                    self._db.execute("ROLLBACK")
                else:
                    self._db.execute(f"ROLLBACK TO level{self._depth}")
                    self._db.execute(f"RELEASE level{self._depth}")
            raise
        self._depth -= 1
        with _translate_errors(self.path):
            if self._depth == 0:
                self._db.execute("COMMIT")
            else:
                self._db.execute(f"RELEASE level{self._depth}")
        self._writes += 1

    def add(self, entry: Entry) -> Entry:
        """Store a new entry (given an id when it has none); returns it as stored."""
        _check_entry(entry)
        entry.id = entry.id or new_entry_id()
        with self.transaction():
            if self._exists(entry.id):
                raise TermbaseError("terms.duplicate_id", name=self.name, id=entry.id)
            self._insert(entry)
        entry.termbase = self.name
        return entry

    def add_all(self, entries: Iterable[Entry]) -> int:
        return add_each(self, entries)

    def update(self, entry: Entry) -> Entry:
        """Replace the stored entry with the same id (its terms, note, source, …)."""
        _check_entry(entry)
        with self.transaction():
            if not self._exists(entry.id):
                raise TermbaseError("terms.no_entry", name=self.name, id=entry.id)
            self._db.execute(
                "UPDATE entries SET domain=?, note=?, source=?, verified=?, folded_note=? WHERE id=?",
                (entry.domain, entry.note, entry.source, int(entry.verified), fold(entry.note), entry.id),
            )
            self._db.execute("DELETE FROM terms WHERE entry=?", (entry.id,))
            self._insert_terms(entry)
        entry.termbase = self.name
        return entry

    def remove(self, entry_id: str) -> None:
        with self.transaction():
            if not self._exists(entry_id):
                raise TermbaseError("terms.no_entry", name=self.name, id=entry_id)
            self._db.execute("DELETE FROM terms WHERE entry=?", (entry_id,))
            self._db.execute("DELETE FROM entries WHERE id=?", (entry_id,))

    # -- reading -------------------------------------------------------------------------------------
    def count(self) -> int:
        with _translate_errors(self.path):
            (count,) = self._db.execute("SELECT count(*) FROM entries").fetchone()
        return int(count)

    def entries(self) -> list[Entry]:
        """Every entry, in the order they were added."""
        return self._read("SELECT id, domain, note, source, verified FROM entries ORDER BY position", ())

    def get(self, entry_id: str) -> Entry | None:
        found = self._read("SELECT id, domain, note, source, verified FROM entries WHERE id=?", (entry_id,))
        return found[0] if found else None

    def search(self, text: str, language: Language | None = None) -> list[Entry]:
        """Entries with `text` inside any term (of `language`, if given), acronym or note; case- and
        width-insensitive."""
        needle = fold(text.strip())
        if not needle:
            return self.entries()
        in_terms = "SELECT entry FROM terms WHERE (instr(folded, ?1) > 0 OR instr(lower(acronym), ?1) > 0)"
        params: tuple[str, ...] = (needle,)
        if language is not None:
            in_terms += " AND language = ?2"
            params = (needle, language.value)
        query = (
            "SELECT id, domain, note, source, verified FROM entries "
            f"WHERE id IN ({in_terms}) OR instr(folded_note, ?1) > 0 ORDER BY position"
        )
        return self._read(query, params)

    # -- inside --------------------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise TermbaseError("terms.read_only", path=str(self.path))

    def _exists(self, entry_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM entries WHERE id=?", (entry_id,)).fetchone() is not None

    def _insert(self, entry: Entry) -> None:
        self._db.execute(
            "INSERT INTO entries (id, domain, note, source, verified, folded_note) VALUES (?, ?, ?, ?, ?, ?)",
            (entry.id, entry.domain, entry.note, entry.source, int(entry.verified), fold(entry.note)),
        )
        self._insert_terms(entry)

    def _insert_terms(self, entry: Entry) -> None:
        self._db.executemany(
            "INSERT INTO terms VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (entry.id, i, t.text, t.language.value, t.status.value, t.acronym, t.part_of_speech, fold(t.text))
                for i, t in enumerate(entry.terms)
            ],
        )

    def _read(self, query: str, params: tuple[str, ...]) -> list[Entry]:
        with _translate_errors(self.path):
            rows = self._db.execute(query, params).fetchall()
            entries = {
                row[0]: Entry(row[0], [], row[1], row[2], row[3], bool(row[4]), termbase=self.name) for row in rows
            }
            if not entries:
                return []
            if len(entries) > 500:
                term_rows = self._db.execute(
                    "SELECT entry, text, language, status, acronym, part_of_speech FROM terms ORDER BY entry, position"
                ).fetchall()
            else:
                marks = ",".join("?" * len(entries))
                term_rows = self._db.execute(
                    "SELECT entry, text, language, status, acronym, part_of_speech FROM terms "
                    f"WHERE entry IN ({marks}) ORDER BY entry, position",
                    tuple(entries),
                ).fetchall()
            for entry_id, text, language, status, acronym, part_of_speech in term_rows:
                entry = entries.get(entry_id)
                if entry is not None:
                    entry.terms.append(Term(text, Language(language), TermStatus(status), acronym, part_of_speech))
        return list(entries.values())


def _check_entry(entry: Entry) -> None:
    if not any(term.text.strip() for term in entry.terms):
        raise TermbaseError("terms.empty_entry")


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = path.absolute().as_uri() + ("?mode=ro" if read_only else "?mode=rwc")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=LOCK_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise TermbaseError("terms.cannot_open", path=str(path), reason=str(error)) from None
    if not read_only:
        connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _check(connection: sqlite3.Connection, path: Path) -> tuple[int, str]:
    """The file's schema version and stored name, once it is known to be a termbase this version reads."""
    with _translate_errors(path):
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"schema_version", "meta", "entries", "terms"} <= tables:
            raise TermbaseError("terms.damaged", path=str(path), reason="the termbase tables are missing")
        row = connection.execute("SELECT version FROM schema_version").fetchone()
        if row is None or not isinstance(row[0], int):
            raise TermbaseError("terms.damaged", path=str(path), reason="no schema version")
        if row[0] > SCHEMA_VERSION:
            raise TermbaseError("terms.newer", path=str(path), version=row[0], supported=SCHEMA_VERSION)
        named = connection.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
        (check,) = connection.execute("PRAGMA quick_check").fetchone()
        if check != "ok":
            raise TermbaseError("terms.damaged", path=str(path), reason=str(check))
    return int(row[0]), str(named[0]) if named else ""


@contextlib.contextmanager
def _translate_errors(path: Path) -> Iterator[None]:
    """SQLite's failures as TermbaseErrors a person can act on."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error)
        if "locked" in text or "busy" in text:
            raise TermbaseError("terms.locked", path=str(path)) from None
        if "readonly" in text or "read-only" in text:
            raise TermbaseError("terms.read_only", path=str(path)) from None
        if "no such" in text or "malformed" in text:
            raise TermbaseError("terms.damaged", path=str(path), reason=text) from None
        raise TermbaseError("terms.cannot_open", path=str(path), reason=text) from None
    except sqlite3.DatabaseError as error:
        raise TermbaseError("terms.damaged", path=str(path), reason=str(error)) from None

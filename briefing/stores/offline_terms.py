"""The office termbase away from the network: its local copy (made by `store sync`) with this user's changes on
top, waiting in two queues until `store sync` sends them.

New entries wait in `queued-terms.sqlite` (a termbase file). Edits and deletions of entries the office already
has wait in `queued-edits.sqlite`, each with the version of the entry it was made from and the entry as it was
then: `store sync` applies one only when the office entry still has that version, and otherwise reports a
conflict (who changed it, when, both renderings) and keeps it. Several edits of one entry are one queued change
made from the first version read. Nothing a user typed is dropped but by `resolve(..., keep_mine=False)`.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.messages import register
from briefing.model import Language
from briefing.stores.location import COPY_NAME, COPY_TERMS, QUEUE_NAME, QUEUED_TERMS, StoreError
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.store import Termbase, TermbaseError, fold

QUEUED_EDITS = "queued-edits.sqlite"
QUEUE_VERSION = 1
FORCED = -1  # a queued change the user chose to keep over the office's newer version (`resolve`)
MAX_CHANGE_BYTES = 1_000_000  # one queued change (an entry as JSON); a longer one is damage, not typing
# kept in the copy by `store sync`: each entry's version, who changed it last and when, and the role's rights
VERSIONS_TABLE = "office_versions"

register(
    {
        "store.queue_damaged": "the queue of changes made away from the office store, {path}, cannot be read "
        "({reason}); it was left as it is",
        "store.copy_without_versions": "the local copy of the office store was made by an older Briefing Studio and "
        "does not know which version of entry '{id}' you read; run `briefing-studio store sync` once on the office "
        "network before editing office entries away from it",
        "store.not_queued": "no change to entry '{id}' is waiting to be sent",
    }
)

_COLUMNS = "entry_id, action, base_version, base, entry, queued_by, queued_at"
_SCHEMA = """
CREATE TABLE queue_version (version INTEGER NOT NULL);
CREATE TABLE edits (
    entry_id TEXT PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('edit', 'delete')),
    base_version INTEGER NOT NULL,
    base TEXT NOT NULL,
    entry TEXT,
    queued_by TEXT NOT NULL DEFAULT '',
    queued_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class QueuedEdit:
    """An edit (`entry` set) or a deletion (`entry` None) of an office entry, made from `base` at `base_version`."""

    entry_id: str
    base_version: int
    base: Entry
    entry: Entry | None
    queued_by: str = ""
    queued_at: datetime | None = None

    @property
    def deletion(self) -> bool:
        return self.entry is None


class EditQueue:
    """The queued edits and deletions of office entries: one SQLite file, all-or-nothing changes."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._writes = 0

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> EditQueue:
        """The queue at `path` (made when missing and `create`); StoreError when it is damaged or newer."""
        fresh = not path.exists()
        if fresh and not create:
            raise StoreError("store.queue_damaged", path=str(path), reason="it does not exist")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=0.5, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError("store.queue_damaged", path=str(path), reason=str(error)) from None
        queue = cls(connection, path)
        try:
            with queue._guard():
                if fresh:
                    connection.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
                    connection.execute("INSERT INTO queue_version VALUES (?)", (QUEUE_VERSION,))
                queue._check()
        except BaseException:
            connection.close()
            raise
        return queue

    def _check(self) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"queue_version", "edits"} <= tables:
            raise StoreError("store.queue_damaged", path=str(self.path), reason="its tables are missing")
        row = self._db.execute("SELECT version FROM queue_version").fetchone()
        if row is None or not isinstance(row[0], int) or row[0] > QUEUE_VERSION:
            raise StoreError("store.queue_damaged", path=str(self.path), reason=f"queue version {row and row[0]!r}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EditQueue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def revision(self) -> int:
        with self._guard():
            (data_version,) = self._db.execute("PRAGMA data_version").fetchone()
        return int(data_version) * 1_000_003 + self._writes

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError("store.queue_damaged", path=str(self.path), reason=str(error)) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with self._guard():
                self._db.execute("ROLLBACK")
            raise
        with self._guard():
            self._db.execute("COMMIT")
        self._writes += 1

    def put(self, edit: QueuedEdit) -> None:
        """Queue a change; a later change of an entry already queued keeps the first version and entry read."""
        with self.transaction():
            earlier = self._db.execute(
                "SELECT base_version, base FROM edits WHERE entry_id = ?", (edit.entry_id,)
            ).fetchone()
            base_version, base = (earlier[0], earlier[1]) if earlier else (edit.base_version, _dump(edit.base))
            self._db.execute(
                "INSERT OR REPLACE INTO edits VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    edit.entry_id,
                    "delete" if edit.deletion else "edit",
                    base_version,
                    base,
                    None if edit.entry is None else _dump(edit.entry),
                    edit.queued_by,
                    (edit.queued_at or datetime.now(UTC)).isoformat(),
                ),
            )

    def edits(self) -> list[QueuedEdit]:
        """Every queued change, oldest first; StoreError naming the file when one cannot be read."""
        with self._guard():
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM edits ORDER BY rowid").fetchall()
        return [self._edit(row) for row in rows]

    def get(self, entry_id: str) -> QueuedEdit | None:
        with self._guard():
            row = self._db.execute(f"SELECT {_COLUMNS} FROM edits WHERE entry_id = ?", (entry_id,)).fetchone()
        return self._edit(row) if row else None

    def remove(self, entry_ids: Iterable[str]) -> None:
        with self.transaction():
            self._db.executemany("DELETE FROM edits WHERE entry_id = ?", [(entry_id,) for entry_id in entry_ids])

    def force(self, entry_id: str) -> None:
        """Keep this queued change over whatever the office has now: the next sync applies it."""
        with self.transaction():
            done = self._db.execute("UPDATE edits SET base_version = ? WHERE entry_id = ?", (FORCED, entry_id))
            if done.rowcount == 0:
                raise StoreError("store.not_queued", id=entry_id)

    def count(self) -> int:
        with self._guard():
            return int(self._db.execute("SELECT count(*) FROM edits").fetchone()[0])

    def _edit(self, row: tuple[Any, ...]) -> QueuedEdit:
        entry_id, action, base_version, base, entry, queued_by, queued_at = row
        try:
            if not isinstance(entry_id, str) or not isinstance(base_version, int) or action not in ("edit", "delete"):
                raise ValueError("a change of an unknown kind")
            when = datetime.fromisoformat(queued_at) if isinstance(queued_at, str) else None
            changed = _load(entry, entry_id) if action == "edit" else None
            return QueuedEdit(entry_id, base_version, _load(base, entry_id), changed, str(queued_by or ""), when)
        except (ValueError, TypeError, KeyError, RecursionError) as error:
            reason = f"the change of entry '{str(entry_id)[:80]}': {error}"
            raise StoreError("store.queue_damaged", path=str(self.path), reason=reason) from None


def _dump(entry: Entry) -> str:
    return json.dumps(
        {
            "id": entry.id,
            "terms": [[t.text, t.language.value, t.status.value, t.acronym, t.part_of_speech] for t in entry.terms],
            "domain": entry.domain,
            "note": entry.note,
            "source": entry.source,
            "verified": entry.verified,
        },
        ensure_ascii=False,
    )


def _load(text: object, entry_id: str) -> Entry:
    """An entry from its JSON, checked field by field (the file may have been damaged or written by hand)."""
    if not isinstance(text, str):
        raise ValueError("no entry")
    if len(text) > MAX_CHANGE_BYTES:
        raise ValueError(f"an entry of {len(text)} characters (at most {MAX_CHANGE_BYTES})")
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("id") != entry_id:
        raise ValueError("an entry of another id")
    terms = []
    for term in data["terms"]:
        if not isinstance(term, list) or len(term) != 5 or not all(isinstance(part, str) for part in term):
            raise ValueError("a term that is not five strings")
        terms.append(Term(term[0], Language(term[1]), TermStatus(term[2]), term[3], term[4]))
    domain, note, source, verified = data["domain"], data["note"], data["source"], data["verified"]
    if not all(isinstance(value, str) for value in (domain, note, source)) or not isinstance(verified, bool):
        raise ValueError("a field of the wrong type")
    return Entry(entry_id, terms, domain, note, source, verified)


def read_versions(copy: Path) -> dict[str, tuple[int, str, datetime | None]] | None:
    """The office versions kept in a copy (entry id → version, changed by, at); None for a copy made before
    versions were kept."""
    try:
        with contextlib.closing(sqlite3.connect(copy.absolute().as_uri() + "?mode=ro", uri=True)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if VERSIONS_TABLE not in tables:
                return None
            rows = db.execute(f"SELECT id, version, changed_by, changed_at FROM {VERSIONS_TABLE}").fetchall()
    except sqlite3.Error as error:
        raise TermbaseError("terms.damaged", path=str(copy), reason=str(error)) from None
    return {str(row[0]): (int(row[1]), str(row[2]), datetime.fromisoformat(row[3]) if row[3] else None) for row in rows}


def read_meta(copy: Path, key: str) -> str | None:
    """A value `store sync` kept in the copy's meta table (None when not there or unreadable)."""
    try:
        with contextlib.closing(sqlite3.connect(copy.absolute().as_uri() + "?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def write_versions(copy: Path, entries: Iterable[Entry], meta: dict[str, str]) -> None:
    """Keep the office versions of the entries and `meta` (the role's rights, when) in a copy being made."""
    with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as db:
        db.execute("BEGIN")
        columns = "id TEXT PRIMARY KEY, version INTEGER, changed_by TEXT, changed_at TEXT"
        db.execute(f"CREATE TABLE {VERSIONS_TABLE} ({columns})")
        db.executemany(
            f"INSERT INTO {VERSIONS_TABLE} VALUES (?, ?, ?, ?)",
            [(e.id, e.version, e.changed_by, e.changed_at.isoformat() if e.changed_at else None) for e in entries],
        )
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        db.execute("COMMIT")


class OfflineTermbase:
    """The office termbase as this user sees it away from the network (a `TermStore`): the copy, with the queued
    edits and deletions applied and the queued new entries after it. Changes go to the queues."""

    def __init__(self, folder: Path, author: str = "") -> None:
        self.folder = folder
        self.author = author
        self.name = COPY_NAME
        copy = folder / COPY_TERMS
        self._copy: Termbase | None = None
        self._versions: dict[str, tuple[int, str, datetime | None]] | None = {}
        self.read_only = False
        self.synced_at = ""
        if copy.exists():
            self._copy = Termbase.open(copy, read_only=True, name=COPY_NAME)
            self._versions = read_versions(copy)
            self.read_only = read_meta(copy, "can_edit_terms") == "no"
            self.synced_at = read_meta(copy, "synced_at") or ""
        queue = folder / QUEUED_TERMS
        try:
            self.added = Termbase.open(queue, name=QUEUE_NAME) if queue.exists() else Termbase.create(queue, QUEUE_NAME)
            self.edits = EditQueue.open(folder / QUEUED_EDITS)
        except BaseException:
            self.close()
            raise

    # -- reading -------------------------------------------------------------------------------------
    @property
    def revision(self) -> int:
        copy = self._copy.revision if self._copy is not None else 0
        return hash((copy, self.added.revision, self.edits.revision))

    def _copied(self) -> dict[str, Entry]:
        if self._copy is None:
            return {}
        entries = {entry.id: entry for entry in self._copy.entries()}
        for entry in entries.values():
            known = (self._versions or {}).get(entry.id)
            if known is not None:
                entry.version, entry.changed_by, entry.changed_at = known
        return entries

    def entries(self) -> list[Entry]:
        """The copy's entries as this user changed them, then the entries this user added."""
        copied = self._copied()
        for edit in self.edits.edits():
            if edit.entry_id not in copied:
                continue
            if edit.entry is None:
                del copied[edit.entry_id]
            else:
                was = copied[edit.entry_id]
                changed = edit.entry
                changed.version, changed.changed_by, changed.changed_at = was.version, was.changed_by, was.changed_at
                copied[edit.entry_id] = changed
        found = list(copied.values()) + self.added.entries()
        for entry in found:
            entry.termbase = self.name
        return found

    def count(self) -> int:
        return len(self.entries())

    def get(self, entry_id: str) -> Entry | None:
        return next((entry for entry in self.entries() if entry.id == entry_id), None)

    def search(self, text: str, language: Language | None = None) -> list[Entry]:
        needle = fold(text.strip())
        if not needle:
            return self.entries()
        return [
            entry
            for entry in self.entries()
            if any(
                (needle in fold(t.text) or needle in t.acronym.lower()) and (language is None or t.language is language)
                for t in entry.terms
            )
            or needle in fold(entry.note)
        ]

    def pending(self) -> int:
        """How many changes wait to be sent."""
        return self.added.count() + self.edits.count()

    # -- changing ------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[OfflineTermbase]:
        self._writable()
        with self.added.transaction():
            yield self

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("store.read_only", address=COPY_NAME, user=self.author or "?")

    def add(self, entry: Entry) -> Entry:
        self._writable()
        added = self.added.add(entry)
        added.termbase = self.name
        return added

    def add_all(self, entries: Iterable[Entry]) -> int:
        self._writable()
        return self.added.add_all(entries)

    def update(self, entry: Entry) -> Entry:
        """An entry added here is changed in its queue; an office entry's edit is queued with the version read."""
        self._writable()
        if self.added.get(entry.id) is not None:
            changed = self.added.update(entry)
        else:
            base = self._base(entry.id)
            self.edits.put(QueuedEdit(entry.id, base.version, base, _plain(entry), self.author))
            changed = entry
            changed.version, changed.changed_by, changed.changed_at = base.version, base.changed_by, base.changed_at
        changed.termbase = self.name
        return changed

    def remove(self, entry_id: str) -> None:
        self._writable()
        if self.added.get(entry_id) is not None:
            self.added.remove(entry_id)
            return
        base = self._base(entry_id)
        self.edits.put(QueuedEdit(entry_id, base.version, base, None, self.author))

    def _base(self, entry_id: str) -> Entry:
        """The copy's entry (as the office had it at the last sync) that an edit is made from."""
        base = self._copy.get(entry_id) if self._copy is not None else None
        queued = self.edits.get(entry_id)
        if base is None or (queued is not None and queued.deletion):
            raise TermbaseError("terms.no_entry", name=self.name, id=entry_id)
        if self._versions is None or entry_id not in self._versions:
            raise StoreError("store.copy_without_versions", id=entry_id)
        base.version, base.changed_by, base.changed_at = self._versions[entry_id]
        return base

    def close(self) -> None:
        for part in ("_copy", "added", "edits"):
            opened = getattr(self, part, None)
            if opened is not None:
                opened.close()


def _plain(entry: Entry) -> Entry:
    return Entry(entry.id, list(entry.terms), entry.domain, entry.note, entry.source, entry.verified)

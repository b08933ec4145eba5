"""The office's termbase on the PostgreSQL store: entries with versions, who changed them and when."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from briefing.model import Language
from briefing.stores.location import StoreError
from briefing.stores.postgres import OfficeStore
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.store import TermbaseError, add_each, fold, new_entry_id

OFFICE_NAME = "office"


class OfficeTermbase:
    """The office's termbase: a `TermStore` in the store's database."""

    def __init__(self, store: OfficeStore) -> None:
        self._store = store
        self.name = OFFICE_NAME
        self.read_only = not store.can_edit_terms

    @property
    def user(self) -> str:
        """The PostgreSQL role this termbase is used as."""
        return self._store.user

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
        return add_each(self, entries)

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
                raise StoreError("store.conflict", id=entry.id, who=now[0], when=shown_time(now[1]))
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


def shown_time(at: object) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if isinstance(at, datetime) else str(at)

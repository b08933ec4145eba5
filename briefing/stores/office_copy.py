"""The local copy of an office store that `store sync` keeps for working away from the network.

The termbase is copied whole at every sync (an office termbase is thousands of entries: one query and a small
file), with each entry's office version, who changed it and when (what a queued edit is checked against). The
memory is brought up to date incrementally: the copy remembers which office unit ids it holds; a sync reads the
office's unit ids, fetches only the units it lacks, and for units deleted at the office (an item approved again
replaces what it taught) forgets that item's units and fetches what the item teaches now. The work is done on a
copy of the file, moved in when complete, so an interrupted sync leaves the old copy. A copy of another database
(the store was set up again), of an older Briefing Studio, or a unit deleted at the office that no item owns
makes a full copy instead.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.memory.model import Unit, UnitKind
from briefing.memory.store import TranslationMemory
from briefing.model import Language
from briefing.stores.location import COPY_MEMORY, COPY_NAME, COPY_TERMS, StoreLocation
from briefing.stores.offline_terms import write_versions
from briefing.stores.postgres import OfficeStore
from briefing.terms.model import Entry
from briefing.terms.store import Termbase, TermStore

ABOUT = "address.txt"  # the office address (without password) a copy folder belongs to, for a person looking
IDS_TABLE = "office_units"  # in the memory copy: the office ids of the units it holds
FETCH = 10_000  # units fetched per query (into an empty copy, the first batch is a bulk load)
_UNIT_COLUMNS = "id, kind, source_language, source, target, briefing, item_id, approved_by, approved_at, learned_at"


@dataclass
class Refresh:
    """What a refresh of the copy did."""

    terms: int = 0
    units: int = 0  # units in the copy afterwards
    fetched: int = 0  # units read from the office store
    forgotten: int = 0  # units of the copy dropped (deleted at the office)
    full: bool = False  # the memory was copied whole


def refresh(store: OfficeStore, termbase: TermStore, folder: Path, location: StoreLocation) -> Refresh:
    """Bring the copy in `folder` up to date with the office store (written aside, then moved in)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ABOUT).write_text(location.shown + "\n", "utf-8")
    report = Refresh()
    report.terms = _copy_terms(store, termbase, folder)
    _copy_memory(store, folder, report)
    return report


def _copy_terms(store: OfficeStore, termbase: TermStore, folder: Path) -> int:
    new = folder / (COPY_TERMS + ".new")
    new.unlink(missing_ok=True)
    entries = termbase.entries()
    with Termbase.create(new, COPY_NAME) as copy:
        copy.add_all(Entry(e.id, list(e.terms), e.domain, e.note, e.source, e.verified) for e in entries)
    meta = {"can_edit_terms": "yes" if store.can_edit_terms else "no", "synced_at": datetime.now(UTC).isoformat()}
    write_versions(new, entries, meta)
    new.replace(folder / COPY_TERMS)
    return len(entries)


def _copy_memory(store: OfficeStore, folder: Path, report: Refresh) -> None:
    path, new = folder / COPY_MEMORY, folder / (COPY_MEMORY + ".new")
    new.unlink(missing_ok=True)
    identity = _store_identity(store)
    with store.guard():
        office_ids = {int(row[0]) for row in store.db.execute("SELECT id FROM memory_units")}
    held = _held(path, identity)
    if held is not None:
        gone = set(held) - office_ids
        if any(not held[unit_id][0] for unit_id in gone):  # deleted at the office, not by an item's re-approval
            held = None
    if held is None:
        report.full = True
        wanted = office_ids
        TranslationMemory.create(new, COPY_NAME).close()
        _start_ids(new, identity)
        groups: set[tuple[str, str]] = set()
    else:
        groups = {held[unit_id] for unit_id in set(held) - office_ids}
        wanted = office_ids - set(held)
        if not wanted and not groups:
            report.units = len(held)
            return  # nothing changed at the office: the copy stays as it is
        shutil.copyfile(path, new)
        if groups:
            wanted |= _ids_of_groups(store, groups)
    with TranslationMemory.open(new, name=COPY_NAME) as memory, memory.transaction():
        for briefing, item_id in sorted(groups):
            report.forgotten += memory.forget_item(briefing, item_id)
        fetched: list[tuple[int, str, str]] = []
        for chunk in _chunks(sorted(wanted), FETCH):
            rows = _fetch(store, chunk)
            memory.add_many((_unit(row), row[-1]) for row in rows)
            fetched += [(int(row[0]), str(row[5]), str(row[6])) for row in rows]
        report.fetched = len(fetched)
        report.units = memory.count()
    _record_ids(new, groups, fetched)
    new.replace(path)


def _store_identity(store: OfficeStore) -> str:
    """Which database the copy was made from: a store set up again (same address) gets another identity."""
    with store.guard():
        row = store.db.execute(
            "SELECT current_database() || ' ' || min(created_at)::text FROM briefing_schema"
        ).fetchone()
    return str(row[0]) if row else ""


def _held(path: Path, identity: str) -> dict[int, tuple[str, str]] | None:
    """The office units the copy holds (id → its briefing and item), or None when it must be made anew."""
    if not path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if IDS_TABLE not in tables:
                return None
            row = db.execute("SELECT value FROM meta WHERE key = 'office_store'").fetchone()
            if row is None or row[0] != identity:
                return None
            rows = db.execute(f"SELECT office_id, briefing, item_id FROM {IDS_TABLE}").fetchall()
    except sqlite3.Error:
        return None  # a damaged copy is made again
    return {int(office_id): (str(briefing), str(item_id)) for office_id, briefing, item_id in rows}


def _start_ids(path: Path, identity: str) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("BEGIN")
        db.execute(f"CREATE TABLE {IDS_TABLE} (office_id INTEGER PRIMARY KEY, briefing TEXT, item_id TEXT)")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('office_store', ?)", (identity,))
        db.execute("COMMIT")


def _record_ids(path: Path, groups: set[tuple[str, str]], fetched: list[tuple[int, str, str]]) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("BEGIN")
        db.executemany(f"DELETE FROM {IDS_TABLE} WHERE briefing = ? AND item_id = ?", sorted(groups))
        db.executemany(f"INSERT OR REPLACE INTO {IDS_TABLE} VALUES (?, ?, ?)", fetched)
        db.execute("COMMIT")


def _ids_of_groups(store: OfficeStore, groups: set[tuple[str, str]]) -> set[int]:
    briefings, items = zip(*sorted(groups), strict=True)
    with store.guard():
        rows = store.db.execute(
            "SELECT id FROM memory_units WHERE (briefing, item_id) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            (list(briefings), list(items)),
        ).fetchall()
    return {int(row[0]) for row in rows}


def _fetch(store: OfficeStore, ids: list[int]) -> list[tuple[Any, ...]]:
    with store.guard():
        return store.db.execute(
            f"SELECT {_UNIT_COLUMNS} FROM memory_units WHERE id = ANY(%s) ORDER BY id", (ids,)
        ).fetchall()


def _unit(row: tuple[Any, ...]) -> Unit:
    _, kind, language, source, target, briefing, item_id, approved_by, approved_at, _learned = row
    return Unit(Language(language), source, target, UnitKind(kind), briefing, item_id, approved_by, approved_at)


def _chunks(ids: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]

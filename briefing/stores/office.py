"""Which store is in use, how it is doing, and moving a store's contents from one backend to the other.

The embedded store (the personal SQLite termbase and memory in the data folder) is the default and needs nothing
set up. An office store is chosen by the `office_store` setting, or for the command line by BRIEFING_STORE
(which wins; "sqlite" there means the embedded one). Its password comes from `office_store_password_file` (or
BRIEFING_STORE_PASSWORD_FILE), else from PGPASSWORD or the PostgreSQL passfile; it never appears in a message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefing.memory import stack as memory_stack
from briefing.memory.store import SCHEMA_VERSION as MEMORY_VERSION
from briefing.memory.store import MemoryStore, MemoryStoreError, TranslationMemory
from briefing.messages import BriefingError, Message, register
from briefing.model import Language
from briefing.settings import Settings
from briefing.stores import office_copy
from briefing.stores.location import (
    EMBEDDED,
    QUEUE_NAME,
    QUEUED_MEMORY,
    QUEUED_TERMS,
    StoreError,
    StoreLocation,
    chosen_location,
    offline_folder,
    offline_root,
)
from briefing.stores.office_memory import OfficeMemory
from briefing.stores.office_terms import OfficeTermbase, shown_time
from briefing.stores.offline_terms import FORCED, QUEUED_EDITS, EditQueue, QueuedEdit
from briefing.stores.postgres import OfficeStore
from briefing.terms import stack as terms_stack
from briefing.terms.model import Entry
from briefing.terms.store import SCHEMA_VERSION as TERMS_VERSION
from briefing.terms.store import Termbase, TermStore


@dataclass(frozen=True)
class StoreStatus:
    """What `store status` says: which store, where, whether it answers, its size and schema version."""

    kind: str  # "sqlite" or "postgresql"
    where: str  # the folder, or the address without password
    reachable: bool
    terms: int = 0
    units: int = 0
    schema: str = ""  # the schema version(s)
    user: str = ""
    read_only: bool = False
    problem: Message | None = None


register(
    {
        "store.queued_conflict": "the term '{ko}' → '{en}' you added away from the office store was not sent: "
        "the office store renders '{ko}' as '{office}' (entry '{id}'); it stays in the queue until you resolve it",
        "store.queued_edit_conflict": "your change to entry '{id}' made away from the office store was not sent: "
        "{who} changed it at {when} after your copy was made (yours: {mine}; the office's: {theirs}); it stays in "
        "the queue: `briefing-studio store resolve {id} --mine` sends yours over theirs, `--theirs` drops yours",
        "store.queued_delete_conflict": "your deletion of entry '{id}' ({mine}) made away from the office store "
        "was not sent: {who} changed it at {when} to {theirs}; it stays in the queue: `briefing-studio store "
        "resolve {id} --mine` deletes it all the same, `--theirs` keeps their entry",
        "store.queued_edit_gone": "your change to entry '{id}' ({mine}) made away from the office store was not "
        "sent: the entry was deleted from the office store since; it stays in the queue: `briefing-studio store "
        "resolve {id} --mine` adds it again, `--theirs` drops it",
    }
)


def status(settings: Settings, environ: Mapping[str, str] | None = None, home: Path | None = None) -> StoreStatus:
    """The status of the store in use; an unreachable or refused office store is a status, not an error."""
    location = chosen_location(settings, environ)
    if location is None:
        return _embedded_status(home)
    try:
        with OfficeStore.open(location) as store:
            size = store.size()
            return StoreStatus(
                "postgresql",
                location.shown,
                True,
                size.terms,
                size.units,
                str(store.schema_version),
                store.user,
                not store.can_edit_terms,
            )
    except BriefingError as error:
        return StoreStatus("postgresql", location.shown, False, problem=error.message)


def _embedded_status(home: Path | None) -> StoreStatus:
    terms_path, memory_path = terms_stack.personal_path(home), memory_stack.personal_path(home)
    terms = units = 0
    terms_version, memory_version = TERMS_VERSION, MEMORY_VERSION
    problem = None
    try:
        if terms_path.exists():
            with Termbase.open(terms_path, read_only=True) as termbase:
                terms, terms_version = termbase.count(), termbase.schema_version
        if memory_path.exists():
            with TranslationMemory.open(memory_path, read_only=True) as memory:
                units = memory.count()
    except BriefingError as error:
        problem = error.message
    where = str(terms_path.parent.parent)
    schema = f"termbase {terms_version}, memory {memory_version}"
    return StoreStatus(EMBEDDED, where, problem is None, terms, units, schema, problem=problem)


# -- moving ------------------------------------------------------------------------------------------


@dataclass
class Migration:
    """What a migration copied and what was there already."""

    terms_added: int = 0
    terms_skipped: int = 0
    units_added: int = 0
    units_skipped: int = 0


@dataclass
class Stores:
    """A termbase and a memory to copy from or into. (Built from both backends below, so that mypy checks that each
    implements the interfaces.)"""

    termbase: TermStore
    memory: MemoryStore
    where: str
    office: OfficeStore | None = None  # the connection of an office store's two

    def close(self) -> None:
        self.termbase.close()
        self.memory.close()

    def __enter__(self) -> Stores:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_embedded(home: Path | None = None) -> Stores:
    """The personal SQLite termbase and memory of the data folder (created when missing)."""
    terms_path, memory_path = terms_stack.personal_path(home), memory_stack.personal_path(home)
    termbase = (
        Termbase.open(terms_path, name=terms_stack.PERSONAL)
        if terms_path.exists()
        else Termbase.create(terms_path, terms_stack.PERSONAL)
    )
    try:
        memory = (
            TranslationMemory.open(memory_path, name=memory_stack.PERSONAL_NAME)
            if memory_path.exists()
            else TranslationMemory.create(memory_path, memory_stack.PERSONAL_NAME)
        )
    except MemoryStoreError:
        termbase.close()
        raise
    return Stores(termbase, memory, str(terms_path.parent.parent))


def open_office(location: StoreLocation, *, create: bool = False, author: str = "") -> Stores:
    """An office store's termbase and memory (one connection: one transaction can hold both)."""
    store = OfficeStore.open(location, create=create, author=author)
    return Stores(OfficeTermbase(store), OfficeMemory(store), location.shown, store)


def migrate(source: Stores, target: Stores) -> Migration:
    """Copy every term entry and memory unit of `source` into `target`: all or nothing (one transaction on a
    PostgreSQL target; on SQLite files, one per file, committed together after everything was written). An entry
    whose id or Korean/English pair the target has, and a unit it has, are skipped and counted."""
    report = Migration()
    entries = source.termbase.entries()
    units = list(source.memory.units())
    learned = source.memory.learned_at()
    with target.termbase.transaction(), target.memory.transaction():
        present = target.termbase.entries()
        ids = {entry.id for entry in present}
        pairs = {_pair(entry) for entry in present}
        for entry in entries:
            if entry.id in ids or _pair(entry) in pairs:
                report.terms_skipped += 1
                continue
            copy = Entry(entry.id, list(entry.terms), entry.domain, entry.note, entry.source, entry.verified)
            target.termbase.add(copy)
            ids.add(entry.id)
            pairs.add(_pair(entry))
            report.terms_added += 1
        added = target.memory.add_many((unit, learned.get(index)) for index, unit in enumerate(units))
        report.units_added = sum(added)
        report.units_skipped = len(added) - report.units_added
    return report


def _pair(entry: Entry) -> tuple[str, str]:
    ko, en = entry.preferred(Language.KO), entry.preferred(Language.EN)
    return (ko.text if ko else "", en.text if en else "")


# -- away from the network ---------------------------------------------------------------------------


@dataclass
class Sync:
    """What `sync` sent from the queue, what the office store had already, what conflicts, and the copy made."""

    terms_sent: int = 0
    terms_there: int = 0
    edits_sent: int = 0
    deletions_sent: int = 0
    units_sent: int = 0
    units_there: int = 0
    conflicts: list[Message] = field(default_factory=list)
    copy_terms: int = 0
    copy_units: int = 0
    copy_fetched: int = 0  # memory units read from the office store to bring the copy up to date
    copy_full: bool = False  # the memory copy was made whole (the first time, or another database)


def sync(location: StoreLocation, home: Path | None = None, author: str = "") -> Sync:
    """Send what was queued away from the office store (one transaction), then refresh the local copy of it.

    A queued new entry whose Korean term the office store gives another English rendering, and a queued edit or
    deletion of an entry changed (or deleted) on the office store since the copy it was made from, are conflicts:
    reported, and kept in the queue (nothing typed is lost) until resolved. Sending twice adds nothing twice."""
    folder = offline_folder(location, home)
    _adopt_legacy_queue(folder, home)
    report = Sync()
    with open_office(location, author=author) as remote:
        queued_terms = _open_queue_terms(folder)
        edits = None
        try:
            edits = EditQueue.open(folder / QUEUED_EDITS) if (folder / QUEUED_EDITS).exists() else None
            sent, edited = _send(remote, queued_terms, edits, folder / QUEUED_MEMORY, report)
            if queued_terms is not None:
                with queued_terms.transaction():
                    for entry_id in sent:
                        queued_terms.remove(entry_id)
            if edits is not None:
                edits.remove(edited)
        finally:
            for queue in (queued_terms, edits):
                if queue is not None:
                    queue.close()
        (folder / QUEUED_MEMORY).unlink(missing_ok=True)  # every queued unit was sent (or was there)
        assert remote.office is not None
        refreshed = office_copy.refresh(remote.office, remote.termbase, folder, location)
        report.copy_terms, report.copy_units = refreshed.terms, refreshed.units
        report.copy_fetched, report.copy_full = refreshed.fetched, refreshed.full
    return report


def _adopt_legacy_queue(folder: Path, home: Path | None) -> None:
    """Queues written before copies were kept per office address (directly in the office-store folder) belong to
    the only office store that version knew: the one synced now takes them over, unless it has its own."""
    legacy = offline_root(home)
    for name in (QUEUED_TERMS, QUEUED_MEMORY):
        if (legacy / name).is_file() and not (folder / name).exists():
            folder.mkdir(parents=True, exist_ok=True)
            (legacy / name).replace(folder / name)


def _open_queue_terms(folder: Path) -> Termbase | None:
    path = folder / QUEUED_TERMS
    return Termbase.open(path, name=QUEUE_NAME) if path.exists() else None


def _send(
    remote: Stores, queued_terms: Termbase | None, edits: EditQueue | None, queued_memory: Path, report: Sync
) -> tuple[list[str], list[str]]:
    """Add the queued entries and units and apply the queued edits in one transaction; the ids of the entries
    sent and of the edits applied."""
    sent: list[str] = []
    queued_edits = edits.edits() if edits is not None else []  # a damaged queue: nothing is sent
    with remote.termbase.transaction(), remote.memory.transaction():
        present = remote.termbase.entries()
        ids, pairs = {e.id for e in present}, {_pair(e) for e in present}
        korean = {_pair(e)[0]: e for e in present if _pair(e)[0]}
        for entry in queued_terms.entries() if queued_terms is not None else []:
            ko, en = _pair(entry)
            if entry.id in ids or (ko, en) in pairs:
                report.terms_there += 1
                sent.append(entry.id)
            elif ko in korean:
                theirs = korean[ko]
                report.conflicts.append(
                    Message("store.queued_conflict", {"ko": ko, "en": en, "office": _pair(theirs)[1], "id": theirs.id})
                )
            else:
                copy = Entry(entry.id, list(entry.terms), entry.domain, entry.note, entry.source, entry.verified)
                remote.termbase.add(copy)
                report.terms_sent += 1
                sent.append(entry.id)
        by_id = {e.id: e for e in present}
        edited = [edit.entry_id for edit in queued_edits if _apply(remote.termbase, by_id, edit, report)]
        if queued_memory.exists():
            with TranslationMemory.open(queued_memory, read_only=True) as queue:
                learned = queue.learned_at()
                added = remote.memory.add_many((u, learned.get(i)) for i, u in enumerate(queue.units()))
            report.units_sent = sum(added)
            report.units_there = len(added) - report.units_sent
    return sent, edited


def rendering(entry: Entry | None) -> str:
    """An entry in a few words for a conflict: its Korean → English preferred terms."""
    if entry is None:
        return "—"
    ko, en = _pair(entry)
    return f"'{ko}' → '{en}'"


def _apply(termbase: TermStore, present: dict[str, Entry], edit: QueuedEdit, report: Sync) -> bool:
    """Apply one queued edit or deletion if the office entry (as `present` holds it, read in this transaction)
    is still as it was read (or the user chose to overwrite theirs); a conflict otherwise. Whether it is done
    (and may leave the queue)."""
    theirs = present.get(edit.entry_id)
    mine = rendering(edit.entry)
    if theirs is None:
        if edit.entry is None:
            return True  # deleted there too
        if edit.base_version != FORCED:
            report.conflicts.append(Message("store.queued_edit_gone", {"id": edit.entry_id, "mine": mine}))
            return False
        termbase.add(_copied(edit.entry))
        report.edits_sent += 1
        return True
    if edit.entry is not None and _same(theirs, edit.entry):
        return True  # sent before (a sync that stopped before emptying the queue) or made the same way there
    if edit.base_version not in (FORCED, theirs.version):
        code = "store.queued_delete_conflict" if edit.entry is None else "store.queued_edit_conflict"
        params = {"id": edit.entry_id, "who": theirs.changed_by, "when": shown_time(theirs.changed_at)}
        params |= {"mine": rendering(edit.base) if edit.entry is None else mine, "theirs": rendering(theirs)}
        report.conflicts.append(Message(code, params))
        return False
    if edit.entry is None:
        termbase.remove(edit.entry_id)
        report.deletions_sent += 1
        return True
    changed = _copied(edit.entry)
    changed.version = theirs.version  # checked again by the update itself, in the same transaction
    termbase.update(changed)
    report.edits_sent += 1
    return True


def _same(one: Entry, other: Entry) -> bool:
    return _copied(one) == _copied(other)


def _copied(entry: Entry) -> Entry:
    return Entry(entry.id, list(entry.terms), entry.domain, entry.note, entry.source, entry.verified)


def resolve(location: StoreLocation, entry_id: str, *, keep_mine: bool, home: Path | None = None) -> None:
    """Settle a conflicting queued edit: keep mine (the next sync applies it over the office's version) or take
    theirs (the queued change is dropped). StoreError when no change of that entry waits."""
    path = offline_folder(location, home) / QUEUED_EDITS
    if not path.exists():
        raise StoreError("store.not_queued", id=entry_id)
    with EditQueue.open(path, create=False) as edits:
        if keep_mine:
            edits.force(entry_id)
        elif edits.get(entry_id) is None:
            raise StoreError("store.not_queued", id=entry_id)
        else:
            edits.remove([entry_id])


def queued(location: StoreLocation, home: Path | None = None) -> list[QueuedEdit]:
    """The edits and deletions of office entries waiting to be sent."""
    path = offline_folder(location, home) / QUEUED_EDITS
    if not path.exists():
        return []
    with EditQueue.open(path, create=False) as edits:
        return edits.edits()

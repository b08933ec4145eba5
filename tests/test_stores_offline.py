"""The office termbase away from the network, on a real PostgreSQL server: edits and deletions of office entries
queued with the version read, sent by `store sync` in one transaction, conflicts reported and kept; damaged,
hostile and huge queues."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from briefing.cli.main import run
from briefing.model import Language
from briefing.settings import Settings
from briefing.stores import office
from briefing.stores.location import StoreError, StoreLocation, offline_folder
from briefing.stores.offline_terms import QUEUED_EDITS, OfflineTermbase
from briefing.terms.model import Entry, Term
from briefing.terms.stack import Terminology
from briefing.terms.store import Termbase
from tests.pg import OfficeLink, PgServer


def entry(entry_id: str, ko: str, en: str) -> Entry:
    return Entry(entry_id, [Term(ko, Language.KO), Term(en, Language.EN)])


def english(found: Entry | None) -> str:
    assert found is not None
    term = found.preferred(Language.EN)
    return term.text if term else ""


def away_with_a_copy(link: OfficeLink, *entries: Entry) -> StoreLocation:
    """The office store holding `entries`, synced once (the copy), then out of reach."""
    where = StoreLocation.parse(link.address)
    with office.open_office(where) as store:
        store.termbase.add_all(entries)
    office.sync(where)
    link.away()
    return where


def offline_terminology(link: OfficeLink, author: str = "김민수") -> Terminology:
    terminology = Terminology.load(None, Settings(office_store=link.address, author=author))
    assert [p.code for p in terminology.problems] == ["store.unreachable"]
    assert isinstance(terminology.shared, OfflineTermbase)
    return terminology


def test_an_edit_made_away_meets_a_newer_office_entry_and_is_kept(
    office_link: OfficeLink, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    terminology = offline_terminology(office_link)
    try:
        shared = terminology.shared
        assert shared is not None
        mine = shared.get("mnd")
        assert mine is not None and mine.version == 1
        mine.terms[1] = Term("Ministry of Defence", Language.EN)
        shared.update(mine)
        assert english(shared.get("mnd")) == "Ministry of Defence"  # the window shows the queued edit
        assert [h.entry.id for h in terminology.hits("국방부는", Language.KO)] == ["mnd"]
    finally:
        terminology.close()
    office_link.back()
    with office.open_office(where, author="Lee") as store:  # meanwhile, at the office
        theirs = store.termbase.get("mnd")
        assert theirs is not None
        theirs.terms[1] = Term("Ministry of National Defence (ROK)", Language.EN)
        store.termbase.update(theirs)
    monkeypatch.setenv("BRIEFING_STORE", office_link.address)
    assert run(["store", "sync"]) == 4
    captured = capsys.readouterr()
    assert "your change to entry 'mnd' made away from the office store was not sent: Lee changed it at" in captured.err
    assert (
        "(yours: '국방부' → 'Ministry of Defence'; the office's: '국방부' → 'Ministry of National Defence (ROK)')"
        in (captured.err)
    )
    assert "term edits: 0 sent" in captured.out
    assert run(["store", "queue"]) == 0  # still queued: nothing typed is lost
    assert "mnd: edit to '국방부' → 'Ministry of Defence' (from version 1), 김민수" in capsys.readouterr().out
    assert office.sync(where).conflicts != []  # and again at the next sync
    with office.open_office(where) as store:
        assert english(store.termbase.get("mnd")) == "Ministry of National Defence (ROK)"
    assert run(["store", "resolve", "mnd", "--mine"]) == 0
    synced = office.sync(where, author="김민수")
    assert (synced.edits_sent, synced.conflicts) == (1, [])
    with office.open_office(where) as store:
        now = store.termbase.get("mnd")
        assert (
            english(now) == "Ministry of Defence" and now is not None and (now.version, now.changed_by) == (3, "김민수")
        )
    assert office.queued(where) == []


def test_edits_and_deletions_without_conflict_are_applied_in_one_sync(office_link: OfficeLink) -> None:
    where = away_with_a_copy(
        office_link,
        entry("mnd", "국방부", "Ministry of National Defense"),
        entry("jcs", "합동참모본부", "Joint Chiefs of Staff"),
        entry("old", "구 명칭", "Former Name"),
    )
    terminology = offline_terminology(office_link)
    try:
        shared = terminology.shared
        assert shared is not None
        note = shared.get("jcs")
        assert note is not None
        note.note = "합참으로 줄여 씀"
        shared.update(note)
        note.note = "합참으로 줄여 씀 (두 번째 고침)"  # a second edit of the same entry: one queued change
        shared.update(note)
        shared.remove("old")
        added = terminology.add_term("가상전략협의회", "Notional Strategy Council")
        added.terms[1] = Term("Notional Strategic Council", Language.EN)
        shared.update(added)  # an entry added away is changed in its own queue
        assert sorted(e.id for e in shared.entries()) == sorted(["mnd", "jcs", added.id])
        with pytest.raises(BaseException, match="has no entry 'old'"):
            shared.remove("old")
    finally:
        terminology.close()
    office_link.back()
    with office.open_office(where) as store:  # someone else changes another entry meanwhile: no conflict
        other = store.termbase.get("mnd")
        assert other is not None
        other.note = "Lee's note"
        store.termbase.update(other)
    synced = office.sync(where, author="김민수")
    assert (synced.terms_sent, synced.edits_sent, synced.deletions_sent, synced.conflicts) == (1, 1, 1, [])
    with office.open_office(where) as store:
        assert sorted(e.id for e in store.termbase.entries()) == sorted(["mnd", "jcs", added.id])
        jcs = store.termbase.get("jcs")
        assert jcs is not None and (jcs.note, jcs.version, jcs.changed_by) == (
            "합참으로 줄여 씀 (두 번째 고침)",
            2,
            "김민수",
        )
        assert english(store.termbase.get(added.id)) == "Notional Strategic Council"
    assert office.queued(where) == [] and synced.copy_terms == 3


def test_an_entry_deleted_at_the_office_and_taking_theirs(office_link: OfficeLink) -> None:
    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"), entry("x", "가", "A"))
    terminology = offline_terminology(office_link)
    try:
        assert terminology.shared is not None
        changed = terminology.shared.get("mnd")
        assert changed is not None
        changed.note = "mine"
        terminology.shared.update(changed)
        terminology.shared.remove("x")
    finally:
        terminology.close()
    office_link.back()
    with office.open_office(where) as store:
        store.termbase.remove("mnd")
        store.termbase.remove("x")  # deleted on both sides: done, no conflict
    synced = office.sync(where)
    assert [c.code for c in synced.conflicts] == ["store.queued_edit_gone"]
    assert "the entry was deleted from the office store since" in str(synced.conflicts[0])
    office.resolve(where, "mnd", keep_mine=False)
    assert office.queued(where) == [] and office.sync(where).conflicts == []
    with pytest.raises(StoreError, match="no change to entry 'mnd' is waiting"):
        office.resolve(where, "mnd", keep_mine=True)


def test_a_damaged_queue_is_said_and_left_as_it_is(office_link: OfficeLink) -> None:
    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    queue = offline_folder(where) / QUEUED_EDITS
    queue.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(StoreError, match=r"cannot be read .*it was left as it is") as caught:
        OfflineTermbase(offline_folder(where))
    assert caught.value.code == "store.queue_damaged"
    terminology = Terminology.load(None, Settings(office_store=office_link.address))
    try:  # the window goes on without the office termbase, saying why
        assert "store.queue_damaged" in [p.code for p in terminology.problems] and terminology.shared is None
    finally:
        terminology.close()
    office_link.back()
    with pytest.raises(StoreError, match="cannot be read"):
        office.sync(where)
    assert queue.read_bytes().startswith(b"SQLite format 3\x00\xff")  # nothing deleted, nothing sent

    queue.unlink()  # a readable file with a change written by hand: a hostile JSON, an entry of another id
    office_link.away()
    terminology = offline_terminology(office_link)
    try:
        assert terminology.shared is not None
        mine = terminology.shared.get("mnd")
        assert mine is not None
        terminology.shared.update(mine)
    finally:
        terminology.close()
    office_link.back()
    for bad in ('{"id": "other"}', "[" * 100_000, '{"id": "mnd", "terms": [[1, 2]]}', "x" * 1_000_001):
        with sqlite3.connect(queue) as db:
            db.execute("UPDATE edits SET entry = ?", (bad,))
        with pytest.raises(StoreError, match="the change of entry 'mnd'"):
            office.sync(where)
    with office.open_office(where) as store:
        kept = store.termbase.get("mnd")
        assert kept is not None and kept.version == 1 and english(kept) == "Ministry of National Defense"


def test_escape_sequences_in_a_queued_edit_are_shown_not_obeyed(
    office_link: OfficeLink, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    terminology = offline_terminology(office_link, author="\x1b]0;pwned\x07kim")
    try:
        assert terminology.shared is not None
        mine = terminology.shared.get("mnd")
        assert mine is not None
        mine.terms[1] = Term("\x1b[2J\x1b[31mMinistry\u202e", Language.EN)
        terminology.shared.update(mine)
    finally:
        terminology.close()
    office_link.back()
    with office.open_office(where, author="\x1b[1mLee") as store:
        theirs = store.termbase.get("mnd")
        assert theirs is not None
        theirs.note = "changed"
        store.termbase.update(theirs)
    monkeypatch.setenv("BRIEFING_STORE", office_link.address)
    assert run(["store", "sync"]) == 4
    assert run(["store", "queue"]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err and "\u202e" not in captured.err
    assert "\\x1b[1mLee changed it" in captured.err and "\\x1b[2J\\x1b[31mMinistry\\u202e" in captured.err
    assert "\\x1b]0;pwned\\x07kim" in captured.out


def test_a_huge_queue_is_sent_in_one_transaction(office_link: OfficeLink) -> None:
    count = 600
    where = away_with_a_copy(office_link, *(entry(f"e{n}", f"용어{n}", f"Term {n}") for n in range(count)))
    terminology = offline_terminology(office_link)
    try:
        shared = terminology.shared
        assert isinstance(shared, OfflineTermbase)
        started = time.perf_counter()
        for found in shared.entries()[:100]:  # 100 typed here
            found.note = "고침"
            shared.update(found)
        typing = time.perf_counter() - started
    finally:
        terminology.close()
    with sqlite3.connect(offline_folder(where) / QUEUED_EDITS) as db:  # and 500 more, as if typed over days
        rows = db.execute("SELECT * FROM edits").fetchall()
        template = rows[0]
        db.executemany(
            "INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (f"e{n}", "edit", 1, *(part.replace('"e0"', f'"e{n}"') for part in template[3:5]), *template[5:])
                for n in range(100, count)
            ],
        )
    office_link.back()
    started = time.perf_counter()
    synced = office.sync(where)
    sending = time.perf_counter() - started
    assert (synced.edits_sent, synced.conflicts) == (count, [])
    with office.open_office(where) as store:
        assert {e.note for e in store.termbase.entries()} == {"고침"}
    print(f"100 offline edits {typing:.2f} s, {count} sent {sending:.2f} s (load {os.getloadavg()[0]:.1f})")
    assert typing < 20 and sending < 30  # generous: the figures are in the report, not a benchmark


def test_each_office_address_has_its_own_copy_and_queue(
    office_link: OfficeLink, pg_server: PgServer, tmp_path: Path
) -> None:
    from briefing.memory.model import Unit
    from briefing.memory.stack import Memories

    other_database = pg_server.new_database()
    other = OfficeLink(pg_server, other_database, tmp_path / "other-office")
    other.back()
    first = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    second = away_with_a_copy(other, entry("mofa", "외교부", "Ministry of Foreign Affairs"))
    assert (
        offline_folder(first) != offline_folder(second)
        and offline_folder(first).parent == offline_folder(second).parent
    )
    for where, link in ((first, office_link), (second, other)):
        assert (offline_folder(where) / "address.txt").read_text("utf-8").strip() == where.shown
        assert link.database not in offline_folder(where).name and "postgres" not in offline_folder(where).name
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    secret.chmod(0o600)
    assert offline_folder(StoreLocation.parse(office_link.address, secret)) == offline_folder(first)  # not keyed by it
    terminology = offline_terminology(office_link)
    try:
        found = terminology.hits("국방부와 외교부", Language.KO)
        assert [h.entry.id for h in found if h.entry.termbase == "office copy"] == ["mnd"]
        terminology.add_term("합동참모본부", "Joint Chiefs of Staff")
    finally:
        terminology.close()
    with Memories.load(Settings(office_store=other.address)) as memories:  # the other office, away too
        assert memories.shared is not None
        memories.shared.learn([Unit(Language.KO, "외교부가 발표했다.", "The foreign ministry announced it.")])
    office_link.back()
    other.back()
    assert (office.sync(second).terms_sent, office.sync(second).units_sent) == (0, 0)  # the second's own queue
    with office.open_office(second) as store:
        assert [e.id for e in store.termbase.entries()] == ["mofa"] and store.memory.count() == 1
    assert office.sync(first).terms_sent == 1


def test_a_sync_fetches_only_what_changed_at_the_office(office_link: OfficeLink, pg_server: PgServer) -> None:
    from briefing.memory.model import Unit
    from briefing.memory.store import TranslationMemory
    from briefing.stores.location import COPY_MEMORY

    where = StoreLocation.parse(office_link.address)

    def item(number: int, text: str) -> list[Unit]:
        return [Unit(Language.KO, f"{text} {number}번.", f"{text} no. {number}.", briefing="b", item_id=f"i{number}")]

    with office.open_office(where) as store:
        for number in range(40):
            store.memory.learn(item(number, "회의 문장"))
        store.memory.learn([Unit(Language.KO, "가져온 문장.", "An imported sentence.")])
    first = office.sync(where)
    assert (first.copy_full, first.copy_units, first.copy_fetched) == (True, 41, 41)
    again = office.sync(where)
    assert (again.copy_full, again.copy_fetched, again.copy_units) == (False, 0, 41)
    with office.open_office(where) as store:  # at the office: two new units, one item approved again
        store.memory.learn(item(7, "고친 문장"))
        store.memory.learn(item(100, "새 문장"))
        store.memory.learn([Unit(Language.KO, "또 가져온 문장.", "Another imported sentence.")])
    later = office.sync(where)
    assert (later.copy_full, later.copy_fetched, later.copy_units) == (False, 3, 43)
    with TranslationMemory.open(offline_folder(where) / COPY_MEMORY, read_only=True) as copy:
        assert copy.lookup("고친 문장 7번.", Language.KO)[0].score == 100
        assert all(m.unit.source != "회의 문장 7번." for m in copy.lookup("회의 문장 7번.", Language.KO))
        assert copy.lookup("회의 문장 8번.", Language.KO)[0].score == 100
    with pg_server.admin(office_link.database) as db:  # a unit deleted by hand: no item owns it, a full copy
        db.execute("DELETE FROM memory_units WHERE source = '가져온 문장.'")
    assert office.sync(where).copy_full
    with pg_server.admin(office_link.database) as db:  # the store set up again at the same address
        db.execute("UPDATE briefing_schema SET created_at = created_at + interval '1 day'")
    assert office.sync(where).copy_full and office.sync(where).copy_fetched == 0


def test_a_damaged_copy_is_made_again(office_link: OfficeLink) -> None:
    from briefing.stores.location import COPY_MEMORY

    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    office_link.back()
    (offline_folder(where) / COPY_MEMORY).write_bytes(b"\x00" * 4096)
    assert office.sync(where).copy_full


def test_a_queue_from_before_copies_were_kept_per_address_is_taken_over(office_link: OfficeLink) -> None:
    from briefing.stores.location import QUEUED_TERMS, offline_root

    where = StoreLocation.parse(office_link.address)
    legacy = offline_root() / QUEUED_TERMS
    legacy.parent.mkdir(parents=True)
    with Termbase.create(legacy, "office queue") as queue:
        queue.add(entry("", "가상전략협의회", "Notional Strategy Council"))
    assert office.sync(where).terms_sent == 1 and not legacy.exists()
    assert office.sync(where).terms_sent == 0


def test_an_edit_sent_before_the_queue_was_emptied_is_not_a_conflict(office_link: OfficeLink) -> None:
    """A sync that stopped between its commit and emptying the queue: the next one finds the edit made."""
    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    terminology = offline_terminology(office_link)
    try:
        assert terminology.shared is not None
        mine = terminology.shared.get("mnd")
        assert mine is not None
        mine.note = "보낸 적 있음"
        terminology.shared.update(mine)
    finally:
        terminology.close()
    queue = offline_folder(where) / QUEUED_EDITS
    with sqlite3.connect(queue) as db:
        rows = db.execute("SELECT * FROM edits").fetchall()
    office_link.back()
    assert office.sync(where).edits_sent == 1
    with sqlite3.connect(queue) as db:  # as if the queue had not been emptied
        db.executemany("INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    again = office.sync(where)
    assert (again.edits_sent, again.conflicts, office.queued(where)) == (0, [], [])

"""The office termbase away from the network, on a real PostgreSQL server: edits and deletions of office entries
queued with the version read, sent by `store sync` in one transaction, conflicts reported and kept; damaged,
hostile and huge queues."""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from briefing.cli.main import run
from briefing.model import Language
from briefing.settings import Settings
from briefing.stores import office
from briefing.stores.location import StoreError, StoreLocation, offline_folder
from briefing.stores.offline_terms import QUEUED_EDITS, OfflineTermbase
from briefing.terms.model import Entry, Term
from briefing.terms.stack import Terminology
from tests.pg import OfficeLink


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
    assert office.queued() == []


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
    assert office.queued() == [] and synced.copy_terms == 3


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
    office.resolve("mnd", keep_mine=False)
    assert office.queued() == [] and office.sync(where).conflicts == []
    with pytest.raises(StoreError, match="no change to entry 'mnd' is waiting"):
        office.resolve("mnd", keep_mine=True)


def test_a_damaged_queue_is_said_and_left_as_it_is(office_link: OfficeLink) -> None:
    where = away_with_a_copy(office_link, entry("mnd", "국방부", "Ministry of National Defense"))
    queue = offline_folder() / QUEUED_EDITS
    queue.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(StoreError, match=r"cannot be read .*it was left as it is") as caught:
        OfflineTermbase(offline_folder())
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
    with sqlite3.connect(offline_folder() / QUEUED_EDITS) as db:  # and 500 more, as if typed over days
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

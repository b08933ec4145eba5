"""The termbase file: entries in and out, all-or-nothing changes, and the files it refuses with a reason."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from briefing.model import Language
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.store import SCHEMA_VERSION, Termbase, TermbaseError


def mnd() -> Entry:
    return Entry(
        "",
        [
            Term("국방부", Language.KO, part_of_speech="noun"),
            Term("Ministry of National Defense", Language.EN, acronym="MND"),
            Term("Ministry of Defense", Language.EN, TermStatus.FORBIDDEN),
        ],
        domain="organisation",
        note="ＲＯＫ ministry",
        source="https://www.mnd.go.kr",
        verified=False,
    )


def test_entries_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    with Termbase.create(path, "office") as termbase:
        added = termbase.add(mnd())
        assert added.id and added.termbase == "office"
    with Termbase.open(path) as again:
        assert again.name == "office" and again.count() == 1
        (entry,) = again.entries()
        assert entry == added
        assert again.get(added.id) == added and again.get("nothing") is None


def test_search_is_case_and_width_insensitive_and_can_keep_to_a_language(tmp_path: Path) -> None:
    with Termbase.create(tmp_path / "t.sqlite", "t") as termbase:
        entry = termbase.add(mnd())
        termbase.add(Entry("other", [Term("합참", Language.KO), Term("JCS", Language.EN)]))
        assert termbase.search("MINISTRY") == [entry]
        assert termbase.search("rok") == [entry]  # the note, written in full-width letters
        assert termbase.search("mnd") == [entry]  # the acronym
        assert termbase.search("국방", Language.EN) == []
        assert termbase.search("국방", Language.KO) == [entry]
        assert len(termbase.search("  ")) == 2


def test_update_and_remove(tmp_path: Path) -> None:
    with Termbase.create(tmp_path / "t.sqlite", "t") as termbase:
        entry = termbase.add(mnd())
        entry.terms = [Term("국방부", Language.KO), Term("MND", Language.EN)]
        termbase.update(entry)
        assert termbase.get(entry.id) == entry
        termbase.remove(entry.id)
        assert termbase.count() == 0
        with pytest.raises(TermbaseError, match="has no entry"):
            termbase.remove(entry.id)
        with pytest.raises(TermbaseError, match="has no entry"):
            termbase.update(entry)
        with pytest.raises(TermbaseError) as raised:
            termbase.add(Entry("", [Term("  ", Language.KO)]))
        assert raised.value.code == "terms.empty_entry"


def test_a_transaction_is_all_or_nothing(tmp_path: Path) -> None:
    with Termbase.create(tmp_path / "t.sqlite", "t") as termbase:
        termbase.add(Entry("kept", [Term("합참", Language.KO)]))
        with pytest.raises(TermbaseError) as raised, termbase.transaction():
            termbase.add(Entry("new", [Term("국방부", Language.KO)]))
            termbase.remove("kept")
            termbase.add(Entry("new", [Term("국방부", Language.KO)]))  # a duplicate id
        assert raised.value.code == "terms.duplicate_id"
        assert [e.id for e in termbase.entries()] == ["kept"]


def test_revision_changes_with_every_write_even_from_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    with Termbase.create(path, "t") as termbase, Termbase.open(path) as other:
        before = termbase.revision
        termbase.add(mnd())
        after = termbase.revision
        assert after != before
        seen = other.revision
        termbase.add(Entry("x", [Term("합참", Language.KO)]))
        assert other.revision != seen


def test_read_only_opening_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    with Termbase.create(path, "office") as termbase:
        termbase.add(mnd())
    before = path.read_bytes(), path.stat().st_mtime_ns
    with Termbase.open(path, read_only=True) as termbase:
        assert termbase.read_only and termbase.count() == 1
        with pytest.raises(TermbaseError) as raised:
            termbase.add(Entry("", [Term("합참", Language.KO)]))
        assert raised.value.code == "terms.read_only"
        termbase.search("국방")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite"]


def test_a_read_only_file_is_refused_for_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.sqlite"
    Termbase.create(path, "office").close()
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: pretend the permission holds, as it does for a user
        monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(TermbaseError) as raised:
        Termbase.open(path)
    assert raised.value.code == "terms.read_only" and str(path) in str(raised.value)
    Termbase.open(path, read_only=True).close()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a database at all" * 100, "terms.damaged"),
        (b"", "terms.damaged"),
    ],
)
def test_a_damaged_file_is_refused_with_the_path(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(content)
    with pytest.raises(TermbaseError) as raised:
        Termbase.open(path)
    assert raised.value.code == code and str(path) in str(raised.value)
    assert path.read_bytes() == content


def test_a_truncated_termbase_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    with Termbase.create(path, "t") as termbase:
        termbase.add_all(Entry(f"e{n}", [Term(f"용어{n}" * 20, Language.KO)]) for n in range(300))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(TermbaseError) as raised:
        Termbase.open(path).entries()
    assert raised.value.code == "terms.damaged"


def test_another_sqlite_file_is_not_a_termbase(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(TermbaseError, match="the termbase tables are missing"):
        Termbase.open(path)


def test_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    Termbase.create(path, "t").close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    db.close()
    with pytest.raises(TermbaseError) as raised:
        Termbase.open(path)
    assert raised.value.code == "terms.newer" and raised.value.params["version"] == SCHEMA_VERSION + 1


def test_a_locked_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    Termbase.create(path, "t").close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(TermbaseError) as raised:
            Termbase.open(path)
        assert raised.value.code == "terms.locked"
    finally:
        other.close()


def test_missing_and_existing_files(tmp_path: Path) -> None:
    with pytest.raises(TermbaseError, match="does not exist"):
        Termbase.open(tmp_path / "none.sqlite")
    Termbase.create(tmp_path / "t.sqlite", "t").close()
    with pytest.raises(TermbaseError, match="already exists"):
        Termbase.create(tmp_path / "t.sqlite", "t")


def test_hostile_text_is_stored_as_it_is(tmp_path: Path) -> None:
    text = "국방부\x1b]0;pwned\x07'); DROP TABLE entries;--"
    with Termbase.create(tmp_path / "t.sqlite", "t") as termbase:
        entry = termbase.add(Entry("", [Term(text, Language.KO)], note="%_\\"))
        assert termbase.get(entry.id) == entry
        assert termbase.search("%_") == [entry] and termbase.search("_x") == []


def test_two_thousand_entries_in_one_transaction(tmp_path: Path) -> None:
    with Termbase.create(tmp_path / "big.sqlite", "big") as termbase:
        count = termbase.add_all(
            Entry(f"e{n}", [Term(f"용어{n}", Language.KO), Term(f"term {n}", Language.EN)]) for n in range(2_000)
        )
        assert count == termbase.count() == 2_000
        assert len(termbase.entries()) == 2_000
        assert [e.id for e in termbase.search("term 1999")] == ["e1999"]

"""The office store on a real PostgreSQL server: schema versions, shared edits and conflicts, a read-only role,
passwords that never show, TLS, and faults (a dropped connection, the server stopped mid-job) leaving nothing
half-written."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from briefing.memory.model import Unit
from briefing.messages import BriefingError
from briefing.model import Language
from briefing.settings import Settings
from briefing.stores import office
from briefing.stores.location import StoreError, StoreLocation, chosen_location, redact
from briefing.stores.office import open_office
from briefing.stores.postgres import connect
from briefing.terms.model import Entry, Term
from tests.pg import OfficeLink, PgServer


def location(server: PgServer, database: str) -> StoreLocation:
    return StoreLocation.parse(server.socket_address(database))


def entry(entry_id: str, en: str) -> Entry:
    return Entry(entry_id, [Term("국방부", Language.KO), Term(en, Language.EN)])


def test_a_store_is_set_up_once_and_a_newer_one_is_refused(pg_server: PgServer) -> None:
    empty = pg_server.new_database(set_up=False)
    with pytest.raises(StoreError, match="holds no Briefing Studio store yet") as caught:
        open_office(location(pg_server, empty))
    assert caught.value.code == "store.not_set_up"
    with open_office(location(pg_server, empty), create=True) as store:
        assert store.office.schema_version == 2 and store.office.size().terms == 0
    with pg_server.admin(empty) as db:
        db.execute("UPDATE briefing_schema SET version = 7")
    with pytest.raises(StoreError, match=r"newer Briefing Studio \(store version 7; this one reads up to 2\)"):
        open_office(location(pg_server, empty))


def test_two_people_editing_one_entry_get_a_conflict_not_an_overwrite(pg_server: PgServer, pg_database: str) -> None:
    with (
        open_office(location(pg_server, pg_database), author="김민수") as kim,
        open_office(location(pg_server, pg_database), author="Lee") as lee,
    ):
        kim.termbase.add(entry("mnd", "Ministry of National Defense"))
        theirs, mine = lee.termbase.get("mnd"), kim.termbase.get("mnd")
        assert theirs is not None and mine is not None
        assert (mine.version, mine.changed_by) == (1, "김민수") and mine.changed_at is not None
        theirs.note = "Lee's note"
        lee.termbase.update(theirs)
        mine.note = "Kim's note"
        with pytest.raises(StoreError, match=r"entry 'mnd' was changed by Lee at .* UTC after you read it") as caught:
            kim.termbase.update(mine)
        assert caught.value.code == "store.conflict"
        stored = kim.termbase.get("mnd")
        assert stored is not None and (stored.note, stored.version, stored.changed_by) == ("Lee's note", 2, "Lee")
        stored.note = "Kim's note, after reading Lee's"
        assert kim.termbase.update(stored).version == 3


def test_concurrent_approvals_all_arrive_once(pg_server: PgServer, pg_database: str) -> None:
    failures: list[BaseException] = []

    def drafter(number: int) -> None:
        try:
            with open_office(location(pg_server, pg_database)) as store:
                for n in range(10):
                    shared = Unit(Language.KO, "모두가 승인한 문장.", "A sentence everyone approved.")
                    own = Unit(Language.KO, f"{number}번 기안자의 {n}번째 문장.", f"Drafter {number}, sentence {n}.")
                    store.memory.learn([shared, own])
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=drafter, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with open_office(location(pg_server, pg_database)) as store:
        assert store.memory.count() == 4 * 10 + 1


def _password_file(path: Path, password: str, mode: int = 0o600) -> Path:
    path.write_text(password + "\n", "utf-8")
    path.chmod(mode)
    return path


def test_a_reviewer_role_may_only_read(pg_server: PgServer, pg_database: str, tmp_path: Path) -> None:
    with open_office(location(pg_server, pg_database)) as owner:
        owner.termbase.add(entry("mnd", "Ministry of National Defense"))
        owner.memory.learn([Unit(Language.KO, "회의가 열렸다.", "The meeting was held.")])
    role = f"reviewer_{pg_database}"
    with pg_server.admin(pg_database) as db:
        db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'r3view-only'")
        db.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        db.execute(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    secret = _password_file(tmp_path / "pw", "r3view-only")
    reviewer = StoreLocation.parse(pg_server.tcp_address(pg_database, role), secret)
    with open_office(reviewer) as store:
        assert store.termbase.read_only and store.memory.read_only
        assert [e.id for e in store.termbase.entries()] == ["mnd"]
        assert store.memory.lookup("회의가 열렸다.", Language.KO)[0].score == 100
        with pytest.raises(StoreError, match=f"may only be read by {role}; the change was not made"):
            store.termbase.add(entry("x", "X"))
        store.memory.read_only = False  # as if the check had been skipped: the server refuses all the same
        with pytest.raises(StoreError, match="may only be read") as caught:
            store.memory.learn([Unit(Language.KO, "새 문장.", "A new sentence.")])
        assert caught.value.code == "store.read_only"
        assert store.memory.count() == 1  # and the store still answers


def test_passwords_come_from_a_private_file_and_never_show(
    pg_server: PgServer, pg_database: str, tmp_path: Path
) -> None:
    role = f"drafter_{pg_database}"
    with pg_server.admin(pg_database) as db:
        db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'dr4fter-pass'")
        db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        db.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    address = pg_server.tcp_address(pg_database, role)
    with pytest.raises(StoreError, match="holds a password") as caught:
        StoreLocation.parse(address.replace(f"{role}@", f"{role}:dr4fter-pass@"))
    assert "dr4fter-pass" not in str(caught.value) and f"{role}:***@" in str(caught.value)
    assert "s3cret" not in redact("postgresql://u@h/d?password=s3cret") and "***" in redact("postgresql://u:s3cret@h/d")
    open_file = _password_file(tmp_path / "open", "dr4fter-pass", 0o644)
    with pytest.raises(StoreError, match=r"can be read by other users; make it readable only by you \(chmod 600"):
        open_office(StoreLocation.parse(address, open_file))
    wrong = _password_file(tmp_path / "wrong", "not-the-password")
    with pytest.raises(StoreError, match=f"refused the password of {role}") as refused:
        open_office(StoreLocation.parse(address, wrong))
    assert "not-the-password" not in str(refused.value) and refused.value.code == "store.wrong_password"
    right = _password_file(tmp_path / "right", "dr4fter-pass")
    with open_office(StoreLocation.parse(address, right), author="") as store:
        assert not store.termbase.read_only
        assert store.termbase.add(entry("e", "E")).changed_by == role  # no author set: the role
        assert pg_server.tls or shutil.which("openssl") is None  # the server offers TLS where a certificate was made
        assert store.office._db.info.pgconn.ssl_in_use is pg_server.tls  # sslmode=prefer: TLS whenever offered
    assert "sslmode=prefer" in StoreLocation.parse(address).address
    assert "sslmode=disable" in StoreLocation.parse(address + "?sslmode=disable").address
    os.environ["PGPASSWORD"] = "dr4fter-pass"  # libpq's own variable works too
    try:
        with open_office(StoreLocation.parse(address)) as store:
            assert store.termbase.count() == 1
    finally:
        del os.environ["PGPASSWORD"]


def test_a_dropped_connection_leaves_nothing_half_written(pg_server: PgServer, pg_database: str) -> None:
    with open_office(location(pg_server, pg_database)) as store:
        pid = store.office._db.info.backend_pid
        lost = r"the connection to the office store .* was lost"
        with pytest.raises(StoreError, match=lost) as caught, store.termbase.transaction():
            store.termbase.add(entry("a", "A"))
            with pg_server.admin() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            store.termbase.add(entry("b", "B"))
        assert caught.value.code == "store.connection_lost"
        assert store.termbase.count() == 0  # connected again; neither entry is there


def test_a_closed_store_never_connects_again(pg_server: PgServer, pg_database: str) -> None:
    """A reader that comes late (a check running after the window closed the termbases) gets a clear error, and
    no connection is opened and left open behind the closed store."""
    store = open_office(location(pg_server, pg_database))
    assert store.termbase.count() == 0
    store.close()
    with pytest.raises(StoreError) as caught:
        store.termbase.count()
    assert caught.value.code == "store.connection_lost" and "closed" in caught.value.params["reason"]
    assert store.office is not None and store.office._db.closed


def test_the_server_stopped_mid_job(pg_server: PgServer, pg_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_office(location(pg_server, pg_database))
    try:
        with pytest.raises(StoreError) as caught, store.memory.transaction():
            store.memory.learn([Unit(Language.KO, "첫 문장.", "First.")])
            pg_server.stop("immediate")
            store.memory.learn([Unit(Language.KO, "둘째 문장.", "Second.")])
        assert caught.value.code == "store.connection_lost"
        settings = Settings(office_store=pg_server.socket_address(pg_database))
        found = office.status(settings, environ={})
        assert not found.reachable and found.problem is not None and found.problem.code == "store.unreachable"
        with pytest.raises(StoreError, match="cannot be reached"):
            store.memory.count()
    finally:
        pg_server.start()
        store.close()
    with open_office(location(pg_server, pg_database)) as again:
        assert again.memory.count() == 0


def test_an_unreachable_address_and_bad_addresses(pg_server: PgServer) -> None:
    closed = StoreLocation.parse(f"postgresql://nobody@127.0.0.1:{_closed_port()}/x?connect_timeout=2")
    with pytest.raises(StoreError, match="cannot be reached") as caught:
        connect(closed)
    assert caught.value.code == "store.unreachable"
    for bad in ["mysql://u@h/d", "postgresql://u@h:99999/d", "not an address"]:
        with pytest.raises(BriefingError, match="is not a PostgreSQL store address"):
            StoreLocation.parse(bad)
    assert chosen_location(Settings(), {}) is None
    assert chosen_location(Settings(office_store="postgresql://u@h/d"), {"BRIEFING_STORE": "sqlite"}) is None
    chosen = chosen_location(Settings(), {"BRIEFING_STORE": "postgresql://u@h/d"})
    assert chosen is not None and chosen.user == "u"


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_window_and_commands_use_the_office_store_when_chosen(
    pg_server: PgServer, pg_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli.main import run
    from briefing.memory.stack import Memories
    from briefing.storage import load
    from briefing.terms.stack import Terminology
    from tests.conftest import EXAMPLE

    settings = Settings(office_store=pg_server.socket_address(pg_database), author="김민수")
    with Memories.load(settings) as memories:
        assert memories.problems == [] and memories.shared is not None
        learned = memories.learn_from(load(EXAMPLE), "scwg-23")  # approvals reach the office memory
        assert learned > 20 and memories.shared.count() == learned
        memories.shared.learn([Unit(Language.KO, "회의가 열렸다.", "The meeting was held.", approved_by="Lee")])
        assert memories.lookup("회의가 열렸다.", Language.KO)[0].unit.memory == "office"
        assert not memories.personal_path.exists()  # nothing went to the personal memory
    terminology = Terminology.load(None, settings)
    try:
        added = terminology.add_term("가상전략협의회", "Notional Strategy Council")
        assert added.termbase == "office" and added.changed_by == "김민수"
        assert [h.entry.id for h in terminology.hits("가상전략협의회에서", Language.KO)] == [added.id]
    finally:
        terminology.close()
    monkeypatch.setenv("BRIEFING_STORE", pg_server.socket_address(pg_database))
    assert run(["memory", "find", "회의가 열렸다."]) == 0
    assert "[office, sentence]" in capsys.readouterr().out
    unreachable = Settings(office_store=f"postgresql://u@127.0.0.1:{_closed_port()}/x")
    monkeypatch.delenv("BRIEFING_STORE")
    with Memories.load(unreachable) as away:  # away from the network: approvals wait in the queue
        assert [p.code for p in away.problems] == ["store.unreachable"]
        assert away.shared is not None and away.shared.name == "office queue"
        assert away.learn_from(load(EXAMPLE), "scwg-23") == learned and not away.personal_path.exists()


def test_a_bulk_load_builds_the_trigram_index_once(
    pg_server: PgServer, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.stores import office_memory

    monkeypatch.setattr(office_memory, "BULK", 20)
    units = [(Unit(Language.KO, f"{n}번째 회의가 서울에서 열렸다.", f"Meeting {n} was held."), None) for n in range(30)]
    with open_office(location(pg_server, pg_database)) as store:
        with pytest.raises(StoreError), store.memory.transaction():  # a failed bulk load: the index is back
            store.memory.add_many(units)
            store.office._db.execute("SELECT 1/0")
        assert store.memory.add_many(units) == [True] * 30
        assert store.memory.lookup("31번째 회의가 부산에서 열렸다.", Language.KO)[0].score >= 70
        with pg_server.admin(pg_database) as db:
            indexes = dict(db.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'memory%'"))
            assert "gist_trgm_ops" in indexes["memory_forms_ko"] and "gin_trgm_ops" in indexes["memory_source_trigrams"]


def test_away_from_the_network_work_goes_on_and_is_sent_later(
    office_link: OfficeLink, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli.main import run
    from briefing.memory.stack import Memories
    from briefing.terms.stack import Terminology

    address = office_link.address
    where = StoreLocation.parse(address)
    with open_office(where) as store:
        store.termbase.add(entry("mnd", "Ministry of National Defense"))
        store.memory.learn([Unit(Language.KO, "회의가 열렸다.", "The meeting was held.")])
    synced = office.sync(where)  # before leaving: a local copy
    assert (synced.copy_terms, synced.copy_units) == (1, 1)
    office_link.away()  # the same address no longer answers
    away = Settings(office_store=address)
    with Memories.load(away) as memories:
        assert [p.code for p in memories.problems] == ["store.unreachable"]
        assert memories.lookup("회의가 열렸다.", Language.KO)[0].unit.memory == "office copy"
        assert memories.shared is not None
        memories.shared.learn([Unit(Language.KO, "회의에서 합의하였다.", "They agreed at the meeting.")])
    terminology = Terminology.load(None, away)
    try:
        assert [h.entry.termbase for h in terminology.hits("국방부", Language.KO)] == ["office copy"]
        terminology.add_term("가상전략협의회", "Notional Strategy Council")
        terminology.add_term("국방부", "Ministry of Defense")  # the office store says otherwise: a conflict
    finally:
        terminology.close()
    office_link.back()
    monkeypatch.setenv("BRIEFING_STORE", address)
    assert run(["store", "sync"]) == 4
    captured = capsys.readouterr()
    assert "term entries: 1 sent" in captured.out and "memory units: 1 sent" in captured.out
    assert "the office store renders '국방부' as 'Ministry of National Defense' (entry 'mnd')" in captured.err
    assert "local copy: 2 term entries, 2 memory units" in captured.out
    with open_office(where) as store:
        assert store.memory.lookup("회의에서 합의하였다.", Language.KO)[0].score == 100
        assert store.termbase.count() == 2
    again = office.sync(where)  # the conflicting term is still queued, nothing twice
    assert (again.terms_sent, again.units_sent, len(again.conflicts)) == (0, 0, 1)


def test_a_full_disk_on_the_server_is_said_and_rolls_back(pg_server: PgServer, pg_database: str) -> None:
    """The server's "disk full" (SQLSTATE 53100) raised where a write would meet it: a real full disk cannot be
    made on a test machine without mounting a small file system."""
    from psycopg import errors

    with open_office(location(pg_server, pg_database)) as store:
        assert store.office is not None
        full = "no room left on its server; the change was not saved"
        with pytest.raises(StoreError, match=full) as caught, store.termbase.transaction():
            store.termbase.add(entry("a", "A"))
            raise errors.DiskFull("could not extend file: No space left on device")
        assert caught.value.code == "store.disk_full" and store.termbase.count() == 0

"""Both backends behind one interface: the same tests on the embedded SQLite store and on a PostgreSQL office store
(a real private server, tests/pg.py): terms, memory lookups, TBX/TMX in and out, hostile files, migration."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.memory.exchange import ExchangeError as TmxError
from briefing.memory.exchange import export_tmx, import_tmx
from briefing.memory.model import Unit, UnitKind
from briefing.model import Language
from briefing.stores import office
from briefing.stores.location import StoreLocation
from briefing.terms.exchange import ExchangeError as TbxError
from briefing.terms.exchange import export_file, import_file
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.store import TermbaseError
from tests.pg import PgServer

KO = "제23차 한미 국방장관 회의가 2024. 11. 7. 서울에서 열렸다."
EN = "The 23rd Korea-US defence ministers' meeting was held in Seoul on November 7, 2024."


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[office.Stores]:
    if request.param == "sqlite":
        opened = office.open_embedded(tmp_path / "home")
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        opened = office.open_office(StoreLocation.parse(server.socket_address(server.new_database())))
    yield opened
    opened.close()


def entry(ko: str, en: str, **more: object) -> Entry:
    return Entry("", [Term(ko, Language.KO), Term(en, Language.EN)], **more)  # type: ignore[arg-type]


def test_term_entries_are_added_found_changed_and_removed(stores: office.Stores) -> None:
    terms = stores.termbase
    before = terms.revision
    added = terms.add(entry("국방부", "Ministry of National Defense", note="ＭＮＤ"))
    assert terms.revision != before
    terms.add(
        Entry("mofa", [Term("외교부", Language.KO), Term("Ministry of Foreign Affairs", Language.EN, acronym="MOFA")])
    )
    assert [e.id for e in terms.search("mnd")] == [added.id]  # the note, width-folded
    assert [e.id for e in terms.search("mofa")] == ["mofa"]  # the acronym
    assert [e.id for e in terms.search("MINISTRY", Language.EN)] == [added.id, "mofa"]
    assert terms.search("ministry", Language.KO) == []
    with pytest.raises(TermbaseError, match="already has an entry 'mofa'"):
        terms.add(Entry("mofa", [Term("외교부", Language.KO)]))
    with pytest.raises(TermbaseError, match="at least one term"):
        terms.add(Entry("", [Term(" ", Language.KO)]))
    changed = terms.get(added.id)
    assert changed is not None
    changed.terms.append(Term("Ministry of Defense", Language.EN, TermStatus.FORBIDDEN))
    terms.update(changed)
    again = terms.get(added.id)
    assert again is not None and again.forbidden(Language.EN)[0].text == "Ministry of Defense"
    terms.remove("mofa")
    with pytest.raises(TermbaseError, match="no entry 'mofa'"):
        terms.remove("mofa")
    assert terms.count() == 1


def test_a_failed_transaction_leaves_no_half_written_entry(stores: office.Stores) -> None:
    with pytest.raises(TermbaseError), stores.termbase.transaction():
        stores.termbase.add(entry("합참", "JCS"))
        stores.termbase.add(Entry("", []))  # refused: the first one goes too
    assert stores.termbase.count() == 0


def test_memory_lookups_score_alike(stores: office.Stores) -> None:
    memory = stores.memory
    stamp = datetime(2024, 11, 7, 9, 30, tzinfo=UTC)
    units = [
        Unit(Language.KO, KO, EN, approved_by="김", approved_at=stamp),
        Unit(
            Language.KO,
            "양측은 우주 협력을 강화하기로 합의하였다.",
            "The two sides agreed to strengthen space cooperation.",
        ),
        Unit(Language.EN, "The meeting ended.", "회의가 끝났다."),
    ]
    assert memory.add_many([(u, None) for u in units]) == [True, True, True]
    assert memory.add_many([(units[0], None)]) == [False]
    exact = memory.lookup(KO, Language.KO)
    assert [(m.score, m.target) for m in exact] == [(100, EN)]
    placeable = memory.lookup(KO.replace("23", "24"), Language.KO)
    assert placeable[0].score == 99 and "24th" in placeable[0].target and placeable[0].placeables_replaced
    fuzzy = memory.lookup("양측은 우주 협력을 더욱 강화하기로 합의하였다.", Language.KO)
    assert len(fuzzy) == 1 and 70 <= fuzzy[0].score < 99
    assert memory.lookup("The meeting ended.", Language.KO) == []  # wrong direction
    assert memory.lookup("전혀 다른 문장입니다.", Language.KO) == []
    assert [u.target for u in memory.concordance("space", Language.EN)] == [units[1].target]
    assert memory.has(units[2]) and memory.count() == 3


def test_learning_an_item_again_replaces_what_it_taught(stores: office.Stores) -> None:
    first = Unit(Language.KO, "첫 문장.", "First.", UnitKind.ITEM, briefing="b", item_id="i")
    second = Unit(Language.KO, "고친 문장.", "Revised.", UnitKind.ITEM, briefing="b", item_id="i")
    assert stores.memory.learn([first]) == 1
    assert stores.memory.learn([second]) == 1
    assert [u.source for u in stores.memory.units()] == ["고친 문장."]
    assert stores.memory.forget_item("b", "i") == 1 and stores.memory.count() == 0


def test_tmx_and_tbx_round_trips_and_hostile_files(stores: office.Stores, tmp_path: Path) -> None:
    stamp = datetime(2024, 11, 7, 9, 30, tzinfo=UTC)
    stores.memory.learn([Unit(Language.KO, KO, EN, UnitKind.ITEM, "b", "i", "김", stamp)])
    assert export_tmx(stores.memory, tmp_path / "out.tmx") == 1
    assert 'changedate="20241107T093000Z"' in (tmp_path / "out.tmx").read_text("utf-8")
    stores.memory.forget_item("b", "i")
    report = import_tmx(stores.memory, tmp_path / "out.tmx")
    assert report.imported == 1 and next(iter(stores.memory.units())).approved_at == stamp
    stores.termbase.add(Entry("mnd", [Term("국방부", Language.KO), Term("MND", Language.EN)], domain="org"))
    assert export_file(stores.termbase.entries(), tmp_path / "out.tbx") == 1
    stores.termbase.remove("mnd")
    assert import_file(stores.termbase, tmp_path / "out.tbx").added == 1
    assert stores.termbase.entries()[0].domain == "org"
    laughs = tmp_path / "laughs.tmx"
    laughs.write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<tmx version="1.4"><header srclang="ko"/><body><tu><tuv xml:lang="ko"><seg>&b;</seg></tuv>'
        '<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
        "utf-8",
    )
    with pytest.raises(TmxError, match="DTD of its own"):
        import_tmx(stores.memory, laughs)
    huge = tmp_path / "huge.tbx"
    with huge.open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: over the 50 MB cap
    with pytest.raises(TbxError):
        import_file(stores.termbase, huge)
    assert (stores.termbase.count(), stores.memory.count()) == (1, 1)


def test_a_store_migrates_to_the_other_backend_and_back(
    pg_server: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cli.main import run

    home = tmp_path / "home"
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    personal = office.open_embedded(home)
    personal.termbase.add(entry("국방부", "Ministry of National Defense"))
    personal.termbase.add(entry("합동참모본부", "Joint Chiefs of Staff"))
    personal.memory.add_many([(Unit(Language.KO, f"{n}번째 문장입니다.", f"Sentence {n}."), None) for n in range(50)])
    personal.close()
    address = pg_server.socket_address(pg_server.new_database(set_up=False))  # migrate sets the store up
    assert run(["store", "migrate", "--to", address]) == 0
    out = capsys.readouterr().out
    assert "term entries: 2 copied, 0 there already" in out and "memory units: 50 copied" in out
    assert run(["store", "migrate", "--to", address]) == 0  # again: nothing twice
    assert "term entries: 0 copied, 2 there already" in capsys.readouterr().out
    monkeypatch.setenv("BRIEFING_STORE", address)
    assert run(["store", "status"]) == 0
    status = capsys.readouterr().out
    assert "store: postgresql postgresql://postgres@/" in status and "term entries: 2\n" in status
    assert "memory units: 50\n" in status and "schema version: 2" in status and "reachable: yes" in status
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "other"))
    assert run(["store", "migrate", "--to", "sqlite"]) == 0
    assert "memory units: 50 copied, 0 there already" in capsys.readouterr().out
    back = office.open_embedded(tmp_path / "other")
    assert sorted(e.preferred(Language.EN).text for e in back.termbase.entries()) == [  # type: ignore[union-attr]
        "Joint Chiefs of Staff",
        "Ministry of National Defense",
    ]
    assert back.memory.lookup("7번째 문장입니다.", Language.KO)[0].target == "Sentence 7."
    back.close()
    monkeypatch.delenv("BRIEFING_STORE")
    assert run(["store", "status"]) == 0
    assert "store: sqlite" in capsys.readouterr().out

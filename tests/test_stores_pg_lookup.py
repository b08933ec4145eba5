"""The office memory's lookup and concordance search on a real PostgreSQL server: the same matches as the SQLite
memory for the same units, the indexes a query plan uses, and a version-1 store upgraded in place."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.memory import matching
from briefing.memory.model import Unit, UnitKind
from briefing.memory.store import TranslationMemory
from briefing.model import Language
from briefing.stores.location import StoreError, StoreLocation
from briefing.stores.office import open_office
from briefing.stores.office_memory import concordance_query
from tests.pg import PgServer

WORDS_KO = "국방부 외교부 장관 회의 협력 강화 합의 서울 부산 우주 사이버 해양 안보 훈련 연합 대표단 발표 공동 성명 정상".split()
WORDS_EN = "ministry defense foreign minister meeting cooperation agreed seoul busan space cyber maritime".split()
WORDS_EN += "security exercise combined delegation announced joint statement summit council".split()


def location(server: PgServer, database: str) -> StoreLocation:
    return StoreLocation.parse(server.socket_address(database))


def _units() -> tuple[list[Unit], list[tuple[str, Language]]]:
    """Unrelated sentences, and near each query a few units: the same one with another number, with other case
    or spacing (the same form), with a word changed, as an item, approved at different times."""
    rng = random.Random(18)
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    units, asked = [], []
    for n in range(120):
        ko = " ".join(rng.sample(WORDS_KO, 6)) + f" {n}건."
        en = " ".join(rng.sample(WORDS_EN, 8)) + f" {n} times."
        units.append(Unit(Language.KO, ko, en, approved_at=stamp + timedelta(minutes=n)))
        units.append(Unit(Language.EN, en, ko, approved_at=stamp + timedelta(minutes=n, seconds=30)))
    for n in range(0, 120, 20):
        ko, en = units[2 * n].source, units[2 * n].target
        at = stamp + timedelta(days=1, minutes=n)
        words = ko.split()
        units += [
            Unit(Language.KO, ko.replace(f" {n}건", f" {n + 7}건"), en.replace(f" {n} ", f" {n + 7} "), approved_at=at),
            Unit(Language.KO, "  ".join(words), en + " (spaced)", approved_at=at + timedelta(seconds=1)),
            Unit(Language.KO, " ".join([*words[:2], "긴밀한", *words[3:]]), en + " (closely)", approved_at=at),
            Unit(Language.KO, ko, en, UnitKind.ITEM, briefing="b", item_id=str(n), approved_at=at),
            Unit(Language.EN, en.upper(), ko + " (대문자)", approved_at=at),
            Unit(Language.EN, en.replace("times", "occasions"), ko, approved_at=at + timedelta(seconds=2)),
        ]
        asked += [(ko, Language.KO), (ko.replace(f" {n}건", " 99건"), Language.KO), (en, Language.EN)]
        asked += [(" ".join([*words[:4], "추가", *words[5:]]), Language.KO), (en.replace(" the", ""), Language.EN)]
    asked += [("전혀 관계없는 문장입니다.", Language.KO), ("Nothing like any stored sentence.", Language.EN)]
    return units, asked


def test_lookups_are_those_of_the_sqlite_memory(pg_server: PgServer, pg_database: str, tmp_path: Path) -> None:
    units, asked = _units()
    local = TranslationMemory.create(tmp_path / "m.sqlite", "m")
    try:
        with open_office(location(pg_server, pg_database)) as store:
            assert store.memory.add_many([(u, None) for u in units]) == local.add_many([(u, None) for u in units])
            compared = 0
            for text, language in asked:
                for minimum, limit in ((70, 9), (90, 3), (75, 2)):
                    theirs = local.lookup(text, language, minimum=minimum, limit=limit)
                    ours = store.memory.lookup(text, language, minimum=minimum, limit=limit)
                    seen = [(m.score, m.unit.source, m.target, m.placeables_replaced, m.unit.kind) for m in ours]
                    assert seen == [
                        (m.score, m.unit.source, m.target, m.placeables_replaced, m.unit.kind) for m in theirs
                    ], (text, minimum, limit)
                    compared += len(ours)
            assert compared > 90  # the queries found things: exact, placeable, fuzzy and item matches
    finally:
        local.close()


def test_units_sharing_a_form_are_stored_once_and_forgotten_forms_go(pg_server: PgServer, pg_database: str) -> None:
    same = [
        Unit(Language.KO, "제1차 회의가 열렸다.", "The 1st meeting was held."),
        Unit(Language.KO, "제2차  회의가 열렸다.", "The 2nd meeting was held."),
        Unit(Language.KO, "제3차 회의가 열렸다.", "The third meeting was held.", UnitKind.ITEM, "b", "i"),
    ]
    with open_office(location(pg_server, pg_database)) as store, pg_server.admin(pg_database) as db:
        assert store.memory.learn(same) == 3
        assert db.execute("SELECT count(*), count(DISTINCT form) FROM memory_units").fetchone() == (3, 1)
        assert store.memory.learn([Unit(Language.KO, "회의가 끝났다.", "It ended.", UnitKind.ITEM, "b", "i")]) == 1
        assert db.execute("SELECT count(*) FROM memory_forms").fetchone() == (2,)  # the item's old form stays: shared
        assert store.memory.forget_item("b", "i") == 1
        assert db.execute("SELECT count(*) FROM memory_forms").fetchone() == (1,)  # its new one went with it
        matches = store.memory.lookup("제9차 회의가 열렸다.", Language.KO)
        assert [(m.score, m.target) for m in matches] == [(99, "The 9th meeting was held.")] * 2  # two sources


def _explain(db: object, statement: str, params: list[str | int]) -> str:
    rows = db.execute("EXPLAIN " + statement, params).fetchall()  # type: ignore[attr-defined]
    return "\n".join(str(row[0]) for row in rows)


def test_the_concordance_search_uses_the_trigram_indexes(pg_server: PgServer, pg_database: str) -> None:
    rare = Unit(Language.KO, "국방부는 우주작전대를 창설하였다.", "The ministry created a space operations unit.")
    with open_office(location(pg_server, pg_database)) as store, pg_server.admin(pg_database) as db:
        store.memory.add_many(
            [(Unit(Language.KO, "1번째 회의가 서울에서 열렸다.", "Meeting 1 was held in Seoul."), None)]
        )
        db.execute(  # a table large enough for the planner to prefer an index: 8,000 units more, written directly
            "INSERT INTO memory_units (kind, source_language, source, target, key, form, identity) "
            "SELECT 'sentence', 'ko', n || '번째 회의가 서울에서 열렸다.', 'Meeting ' || n || ' was held in Seoul.', "
            "'key', (SELECT min(id) FROM memory_forms), sha256(n::text::bytea) FROM generate_series(2, 8001) AS n"
        )
        store.memory.add_many([(rare, None)])
        db.execute("VACUUM ANALYZE memory_units")  # as autovacuum does: the GIN indexes' pending entries merged
        for phrase, language in (("우주작전대", Language.KO), ("space operations", None), ("OPERATIONS", Language.EN)):
            plan = _explain(db, *concordance_query(f"%{phrase.lower()}%", language, 200))
            assert "memory_source_trigrams" in plan or "memory_target_trigrams" in plan, plan
            assert "Seq Scan" not in plan
            found = store.memory.concordance(phrase, language)
            assert [u.source for u in found] == ["국방부는 우주작전대를 창설하였다."]
        # two syllables have no trigram: a common word is read newest first along the primary key, a rare one by
        # a scan of the table; both are found
        assert "trigrams" not in _explain(db, *concordance_query("%우주%", Language.KO, 200))
        assert [u.target for u in store.memory.concordance("우주", Language.KO)] == [rare.target]
        plan = _explain(db, *concordance_query("%서울%", Language.KO, 40))
        assert "Index Scan Backward using memory_units_pkey" in plan and "trigrams" not in plan, plan
        assert len(store.memory.concordance("서울", Language.KO, limit=10)) == 10


# the memory table of a version-1 store (a trigram index of every unit's form, no forms table)
_VERSION_1 = """
DROP TABLE memory_units;
DROP TABLE memory_forms;
CREATE TABLE memory_units (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('sentence', 'item')),
    source_language text NOT NULL CHECK (source_language IN ('ko', 'en')),
    source text NOT NULL,
    target text NOT NULL,
    key text NOT NULL,
    comparable text NOT NULL,
    briefing text NOT NULL DEFAULT '',
    item_id text NOT NULL DEFAULT '',
    approved_by text NOT NULL DEFAULT '',
    approved_at timestamptz,
    learned_at timestamptz NOT NULL DEFAULT now(),
    identity bytea NOT NULL UNIQUE
);
CREATE INDEX memory_by_key ON memory_units USING hash (key);
CREATE INDEX memory_by_item ON memory_units (briefing, item_id) WHERE briefing <> '';
CREATE INDEX memory_trigrams ON memory_units USING gist (comparable gist_trgm_ops(siglen=256));
UPDATE briefing_schema SET version = 1;
"""


def test_a_version_1_store_is_upgraded_when_its_owner_opens_it(
    pg_server: PgServer, pg_database: str, tmp_path: Path
) -> None:
    from briefing.stores.office_memory import _identity

    texts = [("제23차 회의가 서울에서 열렸다.", "The 23rd meeting was held in Seoul."), ("회의가 끝났다.", "It ended.")]
    drafter = f"drafter_{pg_database}"
    with pg_server.admin(pg_database) as db:
        db.execute(_VERSION_1)
        for ko, en in [*texts, ("제24차 회의가 서울에서 열렸다.", "The 24th meeting was held in Seoul.")]:
            unit = Unit(Language.KO, ko, en)
            forms = matching.forms(ko, Language.KO)
            db.execute(
                "INSERT INTO memory_units (kind, source_language, source, target, key, comparable, identity) "
                "VALUES ('sentence', 'ko', %s, %s, %s, %s, %s)",
                (ko, en, forms.key, forms.comparable, _identity(unit)),
            )
        db.execute(f"CREATE ROLE {drafter} LOGIN PASSWORD 'dr4fter'")
        db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {drafter}")
        db.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {drafter}")
    password = tmp_path / "pw"
    password.write_text("dr4fter\n", "utf-8")
    password.chmod(0o600)
    as_drafter = StoreLocation.parse(pg_server.tcp_address(pg_database, drafter), password)
    with pytest.raises(StoreError, match="tables are of version 1; the first to open it must be their owner"):
        open_office(as_drafter)  # a drafter may not change the tables: nothing changed
    with pg_server.admin(pg_database) as db:
        assert db.execute("SELECT max(version), to_regclass('memory_forms') FROM briefing_schema").fetchone() == (
            1,
            None,
        )
    with open_office(location(pg_server, pg_database)) as owner:
        assert owner.office is not None and owner.office.schema_version == 2
        assert owner.memory.lookup("제25차 회의가 서울에서 열렸다.", Language.KO)[0].score == 99
    with open_office(as_drafter) as store:  # the drafter's rights now hold on the forms too
        assert store.memory.lookup("회의가 끝났습니다.", Language.KO)[0].target == "It ended."
        assert store.memory.learn([Unit(Language.KO, "새 회의가 열렸다.", "A new meeting was held.")]) == 1
        assert store.memory.count() == 4
    with pg_server.admin(pg_database) as db:
        db.execute("UPDATE briefing_schema SET version = 3")
    with pytest.raises(StoreError, match=r"store version 3; this one reads up to 2"):
        open_office(location(pg_server, pg_database))

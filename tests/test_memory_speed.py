"""What made the memory fast must not change what it finds: placeables found only where they can start, index
postings grouped at flush, and lookup caches that follow every write (this connection's and others')."""

from __future__ import annotations

import os
import random
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefing.language.phrases import MONTHS_EN
from briefing.memory import index as index_module
from briefing.memory import matching
from briefing.memory.index import GramIndex
from briefing.memory.model import Unit, UnitKind
from briefing.memory.store import TranslationMemory
from briefing.model import Language

SENTENCE = "The delegation of {} visited Seoul for talks on space cooperation."


def reference_placeables(text: str) -> list[tuple[int, int, str, str, str, str]]:
    """Placeables as `_PLACEABLE`, the readable pattern, defines them."""
    found = []
    for match in matching._PLACEABLE.finditer(text):
        if match.group("dmonth") is not None:
            year = match.group("dotted").rstrip(". ")
            found.append((match.start(), match.start() + 4, "number", year, year, ""))
            month = match.group("dmonth")
            found.append((*match.span("dmonth"), "month", str(int(month)), month, ""))
        elif match.group("kmonth") is not None:
            found.append((*match.span(), "month", str(int(match.group("kmonth"))), match.group(0), ""))
        elif match.group("name") is not None:
            number = [name[:3].lower() for name in MONTHS_EN].index(match.group(0)[:3].translate(FOLDS).lower()) + 1
            found.append((*match.span(), "month", str(number), match.group(0), ""))
        else:
            value = match.group("number").replace(",", "")
            found.append((*match.span(), "number", value, match.group(0), match.group("suffix") or ""))
    return found


FOLDS = str.maketrans("ſıİ", "sii")


def test_the_placeable_scanner_agrees_with_the_readable_pattern() -> None:
    rng = random.Random(5)
    pieces = [*"0123456789 .,월-가aX", "May", "june", "NOVEMBER", "dismay", " 2024. 11. 7.", "1,500", "3.5", "2nd"]
    pieces += ["ſeptember", "İ", "K", "ı", "\x1b[31m", "\ue000", "auguſt", "AprİL", "1ST", "3ſt", "٣", "Sept", "_May"]
    for _ in range(10_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        found = [match.span() for match in matching._found(text)]
        assert found == [match.span() for match in matching._PLACEABLE.finditer(text)], text
        assert [
            (p.start, p.end, p.kind, p.value, p.text, p.suffix) for p in matching.placeables(text)
        ] == reference_placeables(text), text
        masks = matching._PLACEABLE.sub(
            lambda m: matching.MASK if m["dotted"] is None else matching.MASK + m["dotted"][4:] + matching.MASK, text
        )
        assert matching.masked(text) == masks, text
        language = Language.EN if rng.random() < 0.5 else Language.KO
        assert matching.forms(text, language).comparable.count(matching.MASK) == len(
            matching.placeables(matching.clean(text))
        ), text  # a lookup reads who cannot take the query's values from the stored form
    assert matching.masked("ſeptember 3") == f"{matching.MASK} {matching.MASK}"
    assert [p.value for p in matching.placeables("ſeptember 3, AprİL 2, 2024. 11. 7.")] == [
        "9",
        "3",
        "4",
        "2",
        "2024",
        "11",
        "7",
    ]
    assert matching.masked("no numbers here") == "no numbers here"


def test_a_writer_groups_postings_by_gram_in_unit_order(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "index.sqlite")
    writer = GramIndex(db).writer()
    texts = {7: "회의 회의 서울", 3: "서울 회의", 9: "부산", 4: "Seoul talks"}
    for unit_id, text in texts.items():
        language = Language.EN if text.isascii() else Language.KO
        writer.add(unit_id, language, matching.forms(text, language))
    postings = {term: ids.tolist() for term, ids in writer.postings().items()}
    naive: dict[str, list[int]] = {}
    for unit_id, text in sorted(texts.items()):
        language = Language.EN if text.isascii() else Language.KO
        naive.setdefault(language.value + ":", []).append(unit_id)
        for gram in matching.forms(text, language).grams:
            naive.setdefault(f"{language.value}:{gram}", []).append(unit_id)
    assert postings == naive
    assert postings["ko:회의"] == [3, 7] and postings["en:"] == [4]
    db.close()


def units(*words: str) -> list[Unit]:
    return [Unit(Language.EN, SENTENCE.format(word), f"{word} 번역") for word in words]


def targets(memory: TranslationMemory) -> set[str]:
    return {m.target for m in memory.lookup(SENTENCE.format("Chile"), Language.EN, minimum=50, limit=20)}


def test_lookup_caches_follow_this_connections_writes_and_rollbacks(tmp_path: Path) -> None:
    with TranslationMemory.create(tmp_path / "tm.sqlite") as memory:
        memory.learn(units("Peru", "Iran"))
        assert targets(memory) == {"Peru 번역", "Iran 번역"}
        memory.learn([*units("Oman"), Unit(Language.EN, "Oman", "오만", briefing="b", item_id="1")])
        assert targets(memory) == {"Peru 번역", "Iran 번역", "Oman 번역"}
        with pytest.raises(RuntimeError), memory.transaction():
            memory.add_many((unit, None) for unit in units("Fiji"))
            assert "Fiji 번역" in targets(memory)  # seen inside the transaction...
            raise RuntimeError("abandoned")
        assert targets(memory) == {"Peru 번역", "Iran 번역", "Oman 번역"}  # ... and gone with its rollback
        memory.learn([Unit(Language.EN, SENTENCE.format("Cuba"), "쿠바", briefing="b", item_id="2")])
        assert memory.forget_item("b", "2") == 1
        assert "쿠바" not in targets(memory)


def test_a_reader_sees_what_another_connection_committed(tmp_path: Path) -> None:
    TranslationMemory.create(tmp_path / "tm.sqlite").close()
    with TranslationMemory.open(tmp_path / "tm.sqlite", read_only=True) as reader:
        assert targets(reader) == set()
        with TranslationMemory.open(tmp_path / "tm.sqlite") as writer:
            writer.learn(units("Peru"))
            assert targets(reader) == {"Peru 번역"}
            writer.learn(units(*(f"Region{i}" for i in range(40))))
            assert len(targets(reader)) == 20


def test_the_postings_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.memory.index.POSTINGS_CACHE", 5)
    with TranslationMemory.create(tmp_path / "tm.sqlite") as memory:
        memory.learn(units(*(f"Region{i}" for i in range(30))))
        index = memory._index
        for word in ("delegation", "visited", "seoul", "talks", "space"):
            lists = index._lists([f"en:{word}"])
            assert np.array_equal(lists[0], np.arange(1, 31))
            assert index._cached == 30  # emptied before each list that would grow it past the bound


def test_the_best_totals_are_the_largest_positive_ones_whatever_the_threshold_steps() -> None:
    rng = np.random.default_rng(3)
    for size, limit in [(0, 5), (1, 5), (10, 5), (1000, 150), (5000, 150), (200, 200)]:
        for scale in (1, 0):  # scale 0: totals all zero
            totals = np.zeros(size)
            if size:
                hit = rng.choice(size, size=rng.integers(0, size + 1), replace=False)
                totals[hit] = rng.choice([0.5, 1.0, 2.0, 7.0, 40.0, 300.0], size=len(hit)) * scale
            best = index_module._best(totals, limit)
            positive = np.sort(totals[totals > 0])[::-1]
            assert len(set(best.tolist())) == len(best) == min(limit, len(positive))
            assert np.array_equal(np.sort(totals[best])[::-1], positive[:limit])


def test_a_lookup_makes_the_same_best_matches_as_one_that_matches_every_candidate(tmp_path: Path) -> None:
    """The scan stops once no unit left can rank among the best `limit`: its results are the first `limit` of a
    lookup that turns every candidate into a match (ties by kind and approval, carry-over penalties, duplicates)."""
    rng = random.Random(11)
    words = ["talks", "on", "space", "cyber", "held", "in", "Seoul", "Busan", "the", "council", "joint", "new"]
    values = ["3", "12", "1,500", "2nd", "May", "2024. 11. 7.", matching.MASK]
    days = [None, datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 6, 1, tzinfo=UTC)]

    def text() -> str:
        return " ".join(rng.choice(words + values[:2] if rng.random() < 0.8 else values) for _ in range(6))

    stored = []
    for number in range(300):
        source = rng.choice(stored).source if number % 3 == 2 else text()  # some sources twice
        target = rng.choice([f"번역 {number}", f"번역 {source}", "번역 3 3", "번역"])  # placeables or none
        stored.append(Unit(Language.EN, source, target, rng.choice(list(UnitKind)), approved_at=rng.choice(days)))
    with TranslationMemory.create(tmp_path / "tm.sqlite") as memory:
        memory.learn(stored)
        compared = 0
        for _ in range(60):
            query = rng.choice([text(), rng.choice(stored).source.replace("3", "4")])
            minimum = rng.choice([0, 50, 70])
            everything = memory.lookup(query, Language.EN, minimum=minimum, limit=100_000)
            for limit in (1, 2, 5):
                assert memory.lookup(query, Language.EN, minimum=minimum, limit=limit) == everything[:limit], query
            compared += len(everything) > 5
        assert compared > 30


def texts_in_both_languages(count: int) -> list[tuple[str, Language]]:
    rng = random.Random(13)
    words = ["회의", "서울", "제22차", "2024. 11. 7.", "3월", "talks", "Seoul", "May", "1,500", "2nd", "\ue000", "İ"]
    return [
        (" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))), rng.choice(list(Language)))
        for _ in range(count)
    ]


def test_forms_of_many_texts_from_worker_processes_are_the_forms_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    pools = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pools.append(self)

    monkeypatch.setattr(matching, "PARALLEL_FROM", 10)
    monkeypatch.setattr(matching, "CHUNK", 7)
    monkeypatch.setattr(matching, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    texts = texts_in_both_languages(60)
    assert list(matching.forms_many(texts)) == [matching.forms(text, language) for text, language in texts]
    assert len(pools) == 1


def test_forms_of_many_texts_are_computed_here_when_no_process_can_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(matching, "PARALLEL_FROM", 10)
    monkeypatch.setattr(matching, "ProcessPoolExecutor", refused)
    texts = texts_in_both_languages(30)
    assert list(matching.forms_many(texts)) == [matching.forms(text, language) for text, language in texts]


def test_a_large_import_through_worker_processes_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = [Unit(language, text, f"번역 {n}") for n, (text, language) in enumerate(texts_in_both_languages(80))]
    dumps = []
    for parallel_from in (10**9, 10):
        monkeypatch.setattr(matching, "PARALLEL_FROM", parallel_from)
        with TranslationMemory.create(tmp_path / f"tm{parallel_from}.sqlite") as memory:
            assert sum(memory.add_many((unit, None) for unit in stored)) == len(set(stored))
            db = memory._db
            dumps.append(
                [
                    db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                    for table in ("gram_docs", "gram_postings", "unit_forms")
                ]
                + [db.execute("SELECT id, source, target, key FROM units ORDER BY id").fetchall()]
            )
    assert dumps[0] == dumps[1] and len(dumps[0][3]) > 50


def test_a_bulk_add_builds_the_key_index_after_the_rows_and_a_failed_one_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("briefing.memory.store.BULK", 5)
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'units_by_key'"
    with TranslationMemory.create(tmp_path / "tm.sqlite") as memory:
        with pytest.raises(RuntimeError), memory.transaction():
            memory.add_many((unit, None) for unit in units(*(f"Region{i}" for i in range(20))))
            assert memory._db.execute(indexes).fetchall() == [("units_by_key",)]
            raise RuntimeError("abandoned")
        assert memory.count() == 0 and memory._db.execute(indexes).fetchall() == [("units_by_key",)]
        memory.learn(units(*(f"Region{i}" for i in range(20))))
        assert memory._db.execute(indexes).fetchall() == [("units_by_key",)]
        assert len(memory.lookup(SENTENCE.format("Region7"), Language.EN, limit=3)) == 3
        assert not memory.learn(units("Region7"))  # found through the key index: not added twice

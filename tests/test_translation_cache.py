"""The sentence cache (no sentence translated twice), streamed results, and idle unloading."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.model import Language
from briefing.paths import data_home
from briefing.storage import load
from briefing.translation import jobs
from briefing.translation.cache import FILE_NAME, ModelKey, SentenceCache
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.packages import PackageStore
from tests.conftest import EXAMPLE

KEY = ModelKey("en", "ko", "1.0", 1)
FAST = EngineSettings(beam_size=1, batch_size=4)


def test_cache_keeps_translations_per_model_across_reopening(tmp_path: Path) -> None:
    cache = SentenceCache(tmp_path / FILE_NAME)
    hostile = "\x1b[2J\x1b]0;owned\x07 <!DOCTYPE x [<!ENTITY a 'b'>]> &a; ' OR 1=1 --"
    cache.store(KEY, {"One.": "하나.", hostile: "그대로"})
    cache.close()
    again = SentenceCache(tmp_path / FILE_NAME)
    assert again.lookup(KEY, ["One.", hostile, "Two."]) == {"One.": "하나.", hostile: "그대로"}
    assert again.lookup(ModelKey("en", "ko", "1.1", 1), ["One."]) == {}  # a new package version: translated anew
    assert again.lookup(ModelKey("en", "ko", "1.0", 4), ["One."]) == {}  # another beam size too
    many = {f"sentence {n}": f"문장 {n}" for n in range(3000)}  # more than one query's parameters
    again.store(KEY, many)
    assert again.lookup(KEY, many) == many
    assert again.problem is None


def test_the_cache_keeps_at_most_its_limit_dropping_the_least_recently_used(tmp_path: Path) -> None:
    cache = SentenceCache(tmp_path / FILE_NAME, max_sentences=10)
    cache.store(KEY, {f"old {n}.": f"옛 {n}." for n in range(8)})
    assert cache.lookup(KEY, ["old 0.", "old 1."]) == {"old 0.": "옛 0.", "old 1.": "옛 1."}  # used again: kept
    cache.store(KEY, {f"new {n}.": f"새 {n}." for n in range(4)})  # 12 > 10: down to 9, least recently used first
    kept = cache.lookup(KEY, [*(f"old {n}." for n in range(8)), *(f"new {n}." for n in range(4))])
    assert len(kept) == 9
    assert {"old 0.", "old 1.", "new 0.", "new 1.", "new 2.", "new 3."} <= set(kept)
    assert len({f"old {n}." for n in range(2, 8)} - set(kept)) == 3  # never asked for again: these go first
    assert cache.problem is None
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        assert connection.execute("SELECT count(*) FROM sentences").fetchone() == (9,)


def test_damaged_cache_is_replaced_and_an_unusable_one_only_warns(tmp_path: Path) -> None:
    damaged = tmp_path / FILE_NAME
    damaged.write_bytes(b"this is not a database" * 100)
    cache = SentenceCache(damaged)
    cache.store(KEY, {"One.": "하나."})
    assert cache.lookup(KEY, ["One."]) == {"One.": "하나."} and cache.problem is None
    assert (tmp_path / (FILE_NAME + ".damaged")).exists()

    folder = tmp_path / "locked"
    folder.mkdir()
    locked = SentenceCache(folder / FILE_NAME)
    holder = sqlite3.connect(folder / FILE_NAME)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert locked.lookup(KEY, ["One."]) == {}
    finally:
        holder.rollback()
        holder.close()
    assert locked.problem is not None and locked.problem.code == "translation.cache_unavailable"
    assert "locked" in str(locked.problem)


def test_cache_that_cannot_be_created_only_warns(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    cache = SentenceCache(blocker / FILE_NAME)
    cache.store(KEY, {"One.": "하나."})
    assert cache.lookup(KEY, ["One."]) == {}
    assert cache.problem is not None and cache.problem.code == "translation.cache_unavailable"


@pytest.mark.usefixtures("installed")
def test_items_stream_and_an_edited_sentence_alone_goes_to_the_model() -> None:
    briefing = load(EXAMPLE)
    request = jobs.plan(briefing, Language.KO, retranslate=True)
    streamed: list[dict[str, str]] = []
    cache = SentenceCache()
    engine = Engine(PackageStore(), FAST)
    result = jobs.run(engine, request, delivered=streamed.append, cache=cache)
    # Items arrive batch by batch, each once, together the whole result.
    assert len(streamed) > 2 and sum(map(len, streamed)) == len(result.translations) == 21
    assert {k: v for batch in streamed for k, v in batch.items()} == result.translations
    assert (result.from_model, result.from_cache) == (27, 0)

    item = next(i for i in briefing.items() if " the " in i.text.en)
    item.set_text(Language.EN, item.text.en.replace(" the ", " this ", 1))
    batches = engine.batches
    streamed.clear()
    again = jobs.run(engine, jobs.plan(briefing, Language.KO, retranslate=True), delivered=streamed.append, cache=cache)
    assert (again.from_model, again.from_cache) == (1, 26) and engine.batches == batches + 1
    assert len(streamed[0]) == 20  # everything the cache knew is there before the model runs
    assert again.translations[item.id] == item.text.en
    assert (data_home() / FILE_NAME).exists()


@pytest.mark.usefixtures("installed")
def test_worker_keeps_models_loaded_and_unloads_them_when_idle() -> None:
    request = jobs.plan(load(EXAMPLE), Language.KO, retranslate=True)
    worker = jobs.TranslationWorker(lambda: Engine(PackageStore(), FAST), SentenceCache, idle_unload=0.2)
    try:
        worker.submit(request).result()
        assert worker.loaded == 1
        deadline = time.monotonic() + 5
        while worker.loaded and time.monotonic() < deadline:
            time.sleep(0.05)
        assert worker.loaded == 0
        second = worker.submit(request).result()  # loads again; the cache answers everything
        assert second.from_cache == 27 and worker.loaded == 1
    finally:
        worker.shutdown()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority is a Linux feature")
def test_the_windows_worker_runs_below_the_windows_thread() -> None:
    def niceness(_engine: object) -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    here = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    low = jobs.TranslationWorker(lambda: Engine(PackageStore(), FAST), low_priority=True)
    plain = jobs.TranslationWorker(lambda: Engine(PackageStore(), FAST))
    try:
        assert low.call(niceness).result() == min(19, here + 5)
        assert plain.call(niceness).result() == here  # the command line's worker keeps the machine's priority
    finally:
        low.shutdown()
        plain.shutdown()

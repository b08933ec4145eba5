"""The QA process (briefing/qa/worker.py): the same findings as checking in this process, only changed items sent
again, termbases reloaded when their version moves, a cancelled wait that returns at once, a killed process that
is `WorkerGone` and then replaced, a damaged briefing that fails one run and not the process, and no process left
after `close`. One process serves the module (spawning one takes about a second)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from briefing import settings as config
from briefing.memory.stack import Memories
from briefing.model import Language
from briefing.qa.worker import CheckFailed, QaWorker, WorkerGone, run_in_steps
from briefing.snapshot import SnapshotCache
from briefing.storage import load
from briefing.terms.stack import Terminology
from tests.conftest import EXAMPLE
from tests.helpers import item, large_briefing

NEVER = threading.Event()  # a cancel flag nobody sets


@pytest.fixture(scope="module")
def worker() -> Iterator[QaWorker]:
    made = QaWorker()
    yield made
    made.close()


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_process_finds_what_checking_here_finds_and_sends_only_changed_items(worker: QaWorker) -> None:
    briefing = load(EXAMPLE)
    item = briefing.item("item-convened")
    item.set_text(Language.KO, item.text.ko.replace("제23차", "제24차"))
    cache = SnapshotCache()
    snapshot = cache.snapshot(briefing)
    sent = worker.items_sent
    found = worker.check(snapshot, config.current(), 0, NEVER)
    terminology = Terminology.load(snapshot)
    with Memories.load() as memories:
        here = run_in_steps(snapshot, terminology, memories, lambda: False)
    terminology.close()
    assert found == here and ("item-convened", "qa.numbers_differs") in {(f.item_id, f.code) for f in found}
    assert worker.items_sent - sent == len(briefing.items()) == 21
    assert worker.pid is not None and worker.pid != os.getpid()

    sent = worker.items_sent
    assert worker.check(cache.snapshot(briefing), config.current(), 0, NEVER) == found  # nothing changed: none sent
    assert worker.items_sent == sent

    item.set_text(Language.KO, item.text.ko.replace("제24차", "제23차"))  # the mistake corrected …
    cache.forget([item.id])
    removed = briefing.sections[-1].items.pop()  # … and an item removed
    again = worker.check(cache.snapshot(briefing), config.current(), 0, NEVER)
    assert worker.items_sent == sent + 1  # only the changed item travelled
    assert again is not None and "qa.numbers_differs" not in {f.code for f in again}
    assert removed.id not in {f.item_id for f in again}


def test_the_termbases_are_loaded_again_when_their_version_moves(worker: QaWorker) -> None:
    briefing = load(EXAMPLE)
    briefing.sections[0].items.append(
        item(ko="양측은 시험용어정책을 논의했다.", en="The two sides discussed it.", source=Language.KO)
    )
    snapshot = SnapshotCache().snapshot(briefing)

    def missing() -> set[str]:
        found = worker.check(snapshot, config.current(), version, NEVER)
        assert found is not None
        return {f.params.get("expected", "") for f in found if f.code == "qa.terms_missing"}

    version = 10
    assert "test-term policy" not in missing()
    terminology = Terminology.load(None)
    terminology.add_term("시험용어정책", "test-term policy")
    terminology.close()
    assert "test-term policy" not in missing()  # the same version: the termbases loaded before serve
    version = 11
    assert "test-term policy" in missing()  # the window says its termbases changed: read again


def test_a_cancelled_wait_returns_at_once_and_the_next_run_is_answered(worker: QaWorker) -> None:
    big = SnapshotCache().snapshot(large_briefing(300, 400))
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    start = time.perf_counter()
    assert worker.check(big, config.current(), 0, cancel) is None
    assert time.perf_counter() - start < 2.0  # 0.2 s, plus at most a poll and the items' sending
    small = SnapshotCache().snapshot(load(EXAMPLE))
    found = worker.check(small, config.current(), 0, NEVER)  # the old run's last words are skipped
    assert found is not None and {f.item_id for f in found} <= {i.id for i in small.items()} | {None}


def test_a_damaged_briefing_fails_its_run_and_the_process_serves_on(worker: QaWorker) -> None:
    briefing = load(EXAMPLE)
    pid = worker.pid
    briefing.sections[0].items.append(SimpleNamespace(id="not-an-item"))  # type: ignore[arg-type]
    with pytest.raises(CheckFailed, match="AttributeError"):
        worker.check(briefing, config.current(), 0, NEVER)
    briefing.sections[0].items.pop()
    assert worker.check(briefing, config.current(), 0, NEVER) is not None
    assert worker.pid == pid


def test_a_killed_process_is_worker_gone_then_replaced_and_close_leaves_none() -> None:
    worker = QaWorker()
    try:
        snapshot = SnapshotCache().snapshot(load(EXAMPLE))
        assert worker.check(snapshot, config.current(), 0, NEVER) is not None
        first = worker.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        with pytest.raises(WorkerGone, match="exit code -9"):
            worker.check(snapshot, config.current(), 0, NEVER)
        assert gone(first)
        assert worker.check(snapshot, config.current(), 0, NEVER) is not None  # a new process, every item sent
        second = worker.pid
        assert second is not None and second != first and worker.starts == 2
    finally:
        worker.close()
    assert gone(second) and worker.pid is None
    assert worker.check(snapshot, config.current(), 0, NEVER) is None  # closed: nothing runs, nothing starts
    assert worker.starts == 2

"""The QA checks in a process of their own, so that a window that runs them as its user types never waits for them.

The checks are pure Python: run in a thread they hold the interpreter's lock, and every callback of the window's
thread waits for them (and for their garbage collector's pauses). `QaWorker` keeps one long-lived process
(multiprocessing's "spawn" context, safe beside Qt), started on the first `check` and stopped by `close`. The
process keeps a mirror of the briefing's items: a run sends only the items that are new objects since the last
run (a `briefing.snapshot` copy is the same object while its item is unchanged), in small pickles, then the
briefing with every known item as a reference — `pickle.dumps` of 2,000 items at once would hold the lock for
about 20 ms. Findings come back in small pickles too. The process loads the termbases once and again only when
the settings, the data folder or the caller's "terms version" change; it opens the memories read-only for each
run. A run can be cancelled: the caller's wait returns at once, and the process gives the run up at its next
step. A process that cannot start or stops is `WorkerGone`; the caller runs the checks itself.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import multiprocessing
import os
import pickle
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.memory.store import MemoryStoreError
from briefing.messages import BriefingError, register
from briefing.model import Briefing, Item
from briefing.paths import data_home
from briefing.qa.model import Finding
from briefing.qa.registry import Scope, TermHits, run

if TYPE_CHECKING:
    from briefing.memory.stack import Memories
    from briefing.settings import Settings
    from briefing.terms.stack import Terminology

STEP = 100  # items checked between two looks for a cancellation
ITEMS_PER_MESSAGE = 100  # items pickled at once: about a millisecond
FINDINGS_PER_MESSAGE = 500  # findings pickled at once: about a millisecond and a half
POLL_SECONDS = 0.02  # how often a waiting caller looks at its cancel flag
STOP_SECONDS = 2.0  # how long `close` waits for the process to end before terminating it
PROTOCOL = pickle.HIGHEST_PROTOCOL


register(
    {
        "qa.worker_gone": "the QA process stopped ({reason}): {error}",
        "qa.check_failed": "a QA check failed in the QA process:\n{details}",
    }
)


class WorkerGone(BriefingError):
    """The QA process could not start, or stopped (killed, crashed): the caller checks in its own process."""


class CheckFailed(BriefingError):
    """A check raised in the QA process (a fault, not the user's); `details` holds its traceback."""


def run_in_steps(
    briefing: Briefing,
    terms: Terminology | TermHits | None,
    memories: Memories | None,
    cancelled: Callable[[], bool],
) -> list[Finding] | None:
    """Every check over `briefing`, the item checks `STEP` items at a time, so that a cancelled run stops within a
    step; findings in document order (a run's order within an item). None when cancelled."""
    ids = [item.id for item in briefing.items()]
    findings: list[Finding] = []
    for start in range(0, len(ids), STEP):
        if cancelled():
            return None
        findings += run(briefing, terminology=terms, scope=Scope.ITEM, items=set(ids[start : start + STEP]))
    if cancelled():
        return None
    findings += run(briefing, terminology=terms, memory=memories, scope=Scope.BRIEFING)
    order = {item_id: index for index, item_id in enumerate(ids)}
    findings.sort(key=lambda f: order.get(f.item_id or "", len(order)))  # stable
    return findings


# -- the wire: pickles in which items the other side holds travel as their ids ----------------------------------
class _ItemsByReference(pickle.Pickler):
    def __init__(self, file: io.BytesIO, known: dict[str, Item]) -> None:
        super().__init__(file, PROTOCOL)
        self.known = known

    def persistent_id(self, obj: Any) -> str | None:
        if type(obj) is Item and self.known.get(obj.id) is obj:
            return obj.id
        return None


class _ItemsFromMirror(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, mirror: dict[str, Item]) -> None:
        super().__init__(file)
        self.mirror = mirror

    def persistent_load(self, pid: Any) -> Item:
        return self.mirror[pid]


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(frozen=True)
class _Setup:
    """What the termbases loaded in the process depend on."""

    home: str
    settings: Settings
    terms_version: int


# -- the process ------------------------------------------------------------------------------------------------
class _Server:
    """The process's side: the mirror of items, the termbases while they hold, and the runs one at a time."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.mirror: dict[str, Item] = {}
        self.setup: _Setup | None = None
        self.terminology: Terminology | None = None
        self.waiting: list[tuple[Any, ...]] = []  # messages read while a run looked for its cancellation

    def serve(self) -> None:
        while True:
            message = self.waiting.pop(0) if self.waiting else self._receive()
            kind = message[0]
            if kind == "stop":
                break
            if kind == "run":
                self._run(*message[1:])
            # "cancel" of a run that is already over: nothing to do

    def _receive(self) -> tuple[Any, ...]:
        data = self.connection.recv_bytes()
        message: tuple[Any, ...] = _ItemsFromMirror(io.BytesIO(data), self.mirror).load()
        if message[0] == "items":
            for item in message[1]:
                self.mirror[item.id] = item
        return message

    def _send(self, message: tuple[Any, ...]) -> None:
        self.connection.send_bytes(pickle.dumps(message, PROTOCOL))

    def _cancelled(self, run_id: int) -> bool:
        """Whether the caller gave this run up (or asked for something else) since it started."""
        while self.connection.poll():
            message = self._receive()
            if message[0] == "cancel" and message[1] == run_id:
                return True
            if message[0] in ("run", "stop"):
                self.waiting.append(message)
                return True
        return False

    def _run(self, run_id: int, briefing: Briefing, setup: _Setup) -> None:
        self.mirror = {item.id: item for item in briefing.items()}  # items gone from the briefing leave
        try:
            terminology = self._terminology(setup)
            terminology.set_briefing(briefing)  # the card's names, as the window has them
            memories = self._memories(setup)
            try:
                findings = run_in_steps(briefing, terminology, memories, lambda: self._cancelled(run_id))
            finally:
                if memories is not None:
                    memories.close()
        except Exception as error:  # a fault of a check: the caller says it, the process goes on
            self._send(("failed", run_id, "".join(traceback.format_exception(error))))
            return
        if findings is None:
            self._send(("cancelled", run_id))
            return
        for part in _chunks(findings, FINDINGS_PER_MESSAGE):
            self._send(("findings", run_id, list(part)))
        self._send(("done", run_id, len(findings)))

    def _terminology(self, setup: _Setup) -> Terminology:
        from briefing.terms.stack import Terminology

        if self.terminology is None or setup != self.setup:
            if self.terminology is not None:
                self.terminology.close()
            os.environ["BRIEFING_HOME"] = setup.home  # the personal termbase and memory of the caller's data folder
            self.terminology, self.setup = Terminology.load(None, setup.settings), setup
        return self.terminology

    @staticmethod
    def _memories(setup: _Setup) -> Memories | None:
        from briefing.memory.stack import Memories, personal_path

        try:
            return Memories.load(setup.settings, personal=personal_path(Path(setup.home)))
        except MemoryStoreError:
            return None  # a memory that cannot be opened: the other checks still run


def serve(connection: Connection) -> None:
    """What the QA process runs: requests from `connection` until told to stop or the caller goes."""
    try:
        _Server(connection).serve()
    except (EOFError, OSError, KeyboardInterrupt):
        pass  # the caller went away (or the session ends): nothing is waiting for an answer
    finally:
        connection.close()


# -- the caller's side ------------------------------------------------------------------------------------------
class QaWorker:
    """One QA process, started on the first `check`, shared by whoever holds this object; `close` stops it.

    `check` may be called from any thread, one call at a time (a lock serialises them); it blocks on the pipe,
    which releases the interpreter's lock, so the caller's other threads run freely meanwhile."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._sent: dict[str, Item] = {}  # the items the process holds, as the objects they were sent from
        self._lock = threading.Lock()  # one `check` at a time
        self._writing = threading.Lock()  # one message at a time on the pipe: `close` may come from another thread
        self._ids = itertools.count(1)
        self._closed = False
        self.starts = 0  # how many processes were started (a restart after a failure counts)
        self.items_sent = 0  # how many items were pickled for the process (changed ones only, after the first)

    @property
    def pid(self) -> int | None:
        """The process's id while it runs."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def check(
        self, briefing: Briefing, settings: Settings, terms_version: int, cancel: threading.Event
    ) -> list[Finding] | None:
        """Every check over `briefing` (a snapshot nobody changes) in the process: its findings in document order,
        None when `cancel` was set (at once) or the worker closed. `terms_version` changes whenever the
        termbases changed; the process reloads them then. WorkerGone when the process cannot start or stops;
        the next call starts a new one."""
        with self._lock:
            if self._closed:
                return None
            try:
                connection = self._start()
                run_id = next(self._ids)
                self._send_items(connection, briefing)
                setup = _Setup(str(data_home()), settings, terms_version)
                self._send(connection, ("run", run_id, briefing, setup))
                return self._wait(connection, run_id, cancel)
            except (EOFError, OSError, pickle.PickleError) as error:
                if self._closed:
                    return None
                reason = self._exit_reason()
                self._discard()
                raise WorkerGone("qa.worker_gone", reason=reason, error=repr(error)) from error

    def close(self) -> None:
        """Stop the process (asked, then terminated if it does not end within STOP_SECONDS). Idempotent."""
        self._closed = True
        process, connection = self._process, self._connection
        if connection is not None and process is not None and process.is_alive():
            with contextlib.suppress(OSError), self._writing:
                connection.send_bytes(pickle.dumps(("stop",), PROTOCOL))
            process.join(STOP_SECONDS)
        self._discard()

    # -- inside `check` ---------------------------------------------------------------------------------------
    def _start(self) -> Connection:
        process, connection = self._process, self._connection
        if process is not None and connection is not None:
            if process.is_alive():
                return connection
            raise EOFError(f"exit code {process.exitcode}")  # died between two runs: said like a death in one
        ours, theirs = self._context.Pipe()
        started = self._context.Process(target=serve, args=(theirs,), name="briefing-studio qa", daemon=True)
        started.start()
        theirs.close()
        self._process, self._connection, self._sent = started, ours, {}
        self.starts += 1
        return ours

    def _send(self, connection: Connection, message: tuple[Any, ...]) -> None:
        buffer = io.BytesIO()
        _ItemsByReference(buffer, self._sent).dump(message)
        self._write(connection, buffer.getvalue())

    def _write(self, connection: Connection, data: bytes) -> None:
        with self._writing:
            if self._closed:
                raise EOFError("the worker is closed")
            connection.send_bytes(data)

    def _send_items(self, connection: Connection, briefing: Briefing) -> None:
        """The items the process does not hold yet (new objects: changed since the last run), a few at a time."""
        items = briefing.items()
        new = [item for item in items if self._sent.get(item.id) is not item]
        for part in _chunks(new, ITEMS_PER_MESSAGE):
            self._write(connection, pickle.dumps(("items", list(part)), PROTOCOL))
            self.items_sent += len(part)
        self._sent = {item.id: item for item in items}  # as the process's mirror will be once it reads the run

    def _wait(self, connection: Connection, run_id: int, cancel: threading.Event) -> list[Finding] | None:
        findings: list[Finding] = []
        while True:
            if cancel.is_set() or self._closed:
                if not self._closed:
                    self._send(connection, ("cancel", run_id))
                return None
            if not connection.poll(POLL_SECONDS):
                process = self._process
                if process is None or not process.is_alive():
                    raise EOFError("the process ended")
                continue
            message = pickle.loads(connection.recv_bytes())
            if message[1] != run_id:
                continue  # the last words of a run given up before
            kind = message[0]
            if kind == "findings":
                findings += message[2]
            elif kind == "done":
                return findings
            elif kind == "cancelled":
                return None
            elif kind == "failed":
                raise CheckFailed("qa.check_failed", details=message[2])

    def _exit_reason(self) -> str:
        process = self._process
        if process is None:
            return "not started"
        process.join(0.5)  # a killed process may still be going: its exit code says why
        if process.is_alive():
            return "still running"
        return f"exit code {process.exitcode}"

    def _discard(self) -> None:
        """Forget the process (terminated if it still runs): the next `check` starts a new one."""
        process, connection = self._process, self._connection
        self._process, self._connection, self._sent = None, None, {}
        if connection is not None:
            connection.close()
        if process is not None:
            if process.is_alive():
                process.terminate()
                process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join(STOP_SECONDS)
            if not process.is_alive():
                with contextlib.suppress(ValueError):  # closed already (by a `close` from another thread)
                    process.close()

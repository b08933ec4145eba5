"""The one way to run work in the background, and the task manager that owns it.

The work runs in a worker thread with a `progress(done, total)` callback and a cancel event; it gets data,
never widgets. Its result or error comes back on the GUI thread. A progress dialog with a Cancel button
appears only if the work takes longer than half a second.

Every task belongs to the window's `TaskManager`, never to the dialog that started it: a dialog that
closes while its work runs (Esc during an export) only gives up its callbacks, and the manager reports the
result itself — a status-bar line, or the failure dialog. Closing the window closes the manager: running
tasks are cancelled and whatever they still produce is dropped quietly. Tests may use `run_now`, the same
contract run synchronously.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from ui.errors import report_failure

T = TypeVar("T")
Progress = Callable[[int, int], None]
Work = Callable[[Progress, threading.Event], T]
SHOW_AFTER_MS = 500
ANNOUNCE_MS = 15_000


class Runner(Protocol):
    """Runs `work` and hands its result to `on_done` (or its exception to `on_error`) on the GUI thread,
    as long as `receiver` still wants it; `context` names the work in the log ("export"), `announce` words
    a result for the status bar when nobody is left to receive it."""

    def __call__(
        self,
        receiver: QObject | None,
        title: str,
        work: Callable[[Progress, threading.Event], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        show_progress: bool = True,
        *,
        context: str = "task",
        announce: Callable[[T], str] | None = None,
    ) -> Task: ...


class Task(QObject):
    """One piece of background work, seen from the GUI thread.

    Owned by Python (no Qt parent), so that nothing Qt deletes can pull it from under the worker thread,
    which emits on it; once `close`d, the worker's late result is dropped before it is emitted."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(
        self,
        title: str,
        receiver: QObject | None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        context: str = "task",
        announce: Callable[[Any], str] | None = None,
        manager: TaskManager | None = None,
    ) -> None:
        super().__init__()
        self.title, self.context, self.announce = title, context, announce
        self.on_done, self.on_error = on_done, on_error
        self.manager = manager
        self.cancel_event = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.done = False
        self.worker: threading.Thread | None = None
        self._open = True  # False once closed: the worker emits nothing more
        self._lock = threading.Lock()
        self._last = (0, 0)
        if receiver is not None:
            receiver.destroyed.connect(self.release)
        # The progress shows over the receiver (a modal dialog would block it anywhere else), then over the
        # window once the receiver lets go.
        self._dialog_parent = receiver if isinstance(receiver, QWidget) else manager.window if manager else None
        # Bound methods of an object living in the GUI thread: Qt queues the calls to that thread.
        self.progressed.connect(self._on_progress)
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    def release(self) -> None:
        """The receiver goes away (a dialog closed): the work goes on, its result is the manager's to report,
        and its progress (with Cancel) moves over the window."""
        self.on_done = self.on_error = None
        window = self.manager.window if self.manager is not None else None
        if self._dialog_parent is window:
            return
        self._dialog_parent = window
        if self.dialog is not None:
            self._close_dialog()
            if window is not None and not self.done:
                self._show_dialog()

    def cancel(self) -> None:
        self.cancel_event.set()

    def close(self) -> None:
        """Cancel and forget: nothing the worker produces from now on reaches anyone."""
        self.cancel()
        with self._lock:
            self._open = False
        self._finish()
        self.release()

    # -- called in the worker thread ---------------------------------------------------------------
    def _run(self, work: Work[Any]) -> None:
        try:
            result = work(self._progress_from_worker, self.cancel_event)
        except BaseException as error:  # handed to the GUI thread, never lost
            self._emit(self.failed, error)
        else:
            self._emit(self.succeeded, result)

    def _progress_from_worker(self, done: int, total: int) -> None:
        self._emit(self.progressed, done, total)

    def _emit(self, signal: Any, *args: object) -> None:
        with self._lock:  # close() waits for an emit under way, and no emit starts after it
            if self._open:
                signal.emit(*args)

    # -- the GUI thread ------------------------------------------------------------------------------
    def _on_succeeded(self, result: object) -> None:
        if not self._open:  # closed after the worker had already emitted: the result is dropped all the same
            return
        self._finish()
        on_done = self.on_done
        try:
            if on_done is not None:
                on_done(result)
            elif self.manager is not None:
                self.manager.report_result(self, result)
        finally:
            if self.manager is not None:
                self.manager.settle(self, result, None)

    def _on_failed(self, error: BaseException) -> None:
        if not self._open:
            return
        self._finish()
        on_error = self.on_error
        try:
            if on_error is not None:
                on_error(error)
            elif self.manager is not None:
                self.manager.report_error(self, error)
        finally:
            if self.manager is not None:
                self.manager.settle(self, None, error)

    def _show_dialog(self) -> None:
        if self.done:
            return
        parent = self._dialog_parent if isinstance(self._dialog_parent, QWidget) else None
        self.dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, max(self._last[1], 1), parent)
        self.dialog.setObjectName("taskProgress")
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setValue(self._last[0])
        self.dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(done)

    def _finish(self) -> None:
        self.done = True
        self._close_dialog()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # its parent may have gone first
            dialog.blockSignals(True)  # closing a QProgressDialog emits `canceled`: not the user's Cancel
            dialog.close()
            dialog.deleteLater()


class TaskManager(QObject):
    """Owns every background task of a window; itself a `Runner`.

    A result goes to the callbacks of whoever started the task while they still exist; otherwise the
    manager reports it to the window: the task's announcement in the status bar, or the failure dialog.
    `task_finished` and `task_failed` tell about every task, whoever received it."""

    task_finished = Signal(object, object)  # the Task, its result
    task_failed = Signal(object, object)  # the Task, the exception
    announced = Signal(str)  # a result reported by the manager, as shown in the status bar

    def __init__(self, window: QMainWindow | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._running: list[Task] = []
        # Settled tasks stay referenced here until their thread has ended, so that a Task is never
        # deleted by the worker thread dropping the last reference to it.
        self._settled: list[Task] = []
        self._closed = False

    def __call__(
        self,
        receiver: QObject | None,
        title: str,
        work: Callable[[Progress, threading.Event], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        show_progress: bool = True,
        *,
        context: str = "task",
        announce: Callable[[T], str] | None = None,
    ) -> Task:
        task = Task(title, receiver, on_done, on_error, context=context, announce=announce, manager=self)
        self._prune()
        if self._closed:  # the window is closing: start nothing
            task.close()
            return task
        self._running.append(task)
        if show_progress:
            QTimer.singleShot(SHOW_AFTER_MS, task._show_dialog)
        task.worker = threading.Thread(target=task._run, args=(work,), name=f"task: {title}", daemon=True)
        task.worker.start()
        return task

    def running(self) -> list[Task]:
        return [task for task in self._running if not task.done]

    def report_result(self, task: Task, result: object) -> None:
        """A result nobody waits for any more: say so in the status bar."""
        if task.announce is None:
            return
        text = task.announce(result)
        if self.window is not None and shiboken6.isValid(self.window):
            self.window.statusBar().showMessage(text, ANNOUNCE_MS)
        self.announced.emit(text)

    def report_error(self, task: Task, error: BaseException) -> None:
        """A failure nobody waits for any more: the failure dialog, over the window."""
        window = self.window if self.window is not None and shiboken6.isValid(self.window) else None
        report_failure(window, task.context, error)

    def settle(self, task: Task, result: object, error: BaseException | None) -> None:
        if task in self._running:
            self._running.remove(task)
            self._settled.append(task)
        if error is None:
            self.task_finished.emit(task, result)
        else:
            self.task_failed.emit(task, error)

    def shutdown(self) -> None:
        """The window closes: cancel every running task and drop what it still produces."""
        self._closed = True
        for task in self._running:
            task.close()
        self._settled.extend(self._running)
        self._running.clear()
        self._prune()

    def _prune(self) -> None:
        self._settled = [t for t in self._settled if t.worker is not None and t.worker.is_alive()]


def run_now(
    receiver: QObject | None,
    title: str,
    work: Callable[[Progress, threading.Event], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    show_progress: bool = True,
    *,
    context: str = "task",
    announce: Callable[[T], str] | None = None,
) -> Task:
    """The same contract, synchronously (for tests and screenshots that need determinism)."""
    task = Task(title, None, context=context, announce=announce)
    try:
        result = work(lambda done, total: None, task.cancel_event)
    except Exception as error:
        task.done = True
        on_error(error)
    else:
        task.done = True
        on_done(result)
    return task

"""The one way to run work in the background.

The function runs in a worker thread with a `progress(done, total)` callback and a cancel event; it
gets data, never widgets. Its result or error comes back on the GUI thread. A progress dialog with a
Cancel button appears only if the work takes longer than half a second. Tests may use `run_now`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[int, int], None], threading.Event], Any]
SHOW_AFTER_MS = 500


class Runner(Protocol):
    """How work is run: `run_in_background` in the application, `run_now` in tests that need determinism."""

    def __call__(
        self,
        parent: QWidget | None,
        title: str,
        work: Work,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        show_progress: bool = True,
    ) -> Task: ...


class Task(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(
        self,
        title: str,
        parent: QWidget | None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.on_done, self.on_error = on_done, on_error
        self.cancel_event = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.done = False
        self._parent = parent
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_dialog)
        self._last = (0, 0)
        # Bound methods of an object living in the GUI thread: Qt queues the calls to that thread.
        self.progressed.connect(self._on_progress)
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        if self.on_done is not None:
            self.on_done(result)

    def _on_failed(self, error: object) -> None:
        self._finish()
        if self.on_error is not None:
            self.on_error(error)  # type: ignore[arg-type]

    def cancel(self) -> None:
        self.cancel_event.set()

    def _show_dialog(self) -> None:
        if self.done:
            return
        self.dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, max(self._last[1], 1), self._parent)
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
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(done)

    def _finish(self) -> None:
        self.done = True
        self._show_timer.stop()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def run_in_background(
    parent: QWidget | None,
    title: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    show_progress: bool = True,
) -> Task:
    task = Task(title, parent, on_done, on_error)
    if show_progress:
        task._show_timer.start(SHOW_AFTER_MS)

    def body() -> None:
        try:
            result = work(task.progressed.emit, task.cancel_event)
        except BaseException as error:  # handed to the GUI thread, never lost
            task.failed.emit(error)
        else:
            task.succeeded.emit(result)

    threading.Thread(target=body, name=f"task: {title}", daemon=True).start()
    return task


def run_now(
    parent: QWidget | None,
    title: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    show_progress: bool = True,
) -> Task:
    """The same contract, synchronously (for tests that need determinism)."""
    task = Task(title, parent)
    try:
        result = work(lambda done, total: None, task.cancel_event)
    except Exception as error:
        task.done = True
        on_error(error)
    else:
        task.done = True
        on_done(result)
    return task

"""Failures reach the user: a dialog in the interface language, and the traceback in the application log.

`report_failure` is the one way a failure is shown: save, autosave, export, translation, a background task
nobody waits for, and — through the hooks `install_failure_hooks` puts in `sys.excepthook` and
`threading.excepthook` — any exception that escapes a slot or an action. `describe` is the one place an
error becomes words, so the message catalogue (`ui/messages.py`) plugs in there. Expected problems that
need a decision (a file changed on disk, a file that does not open) keep their own dialogs.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from briefing.export.pack import ExportError
from briefing.export.templates import TemplateError
from briefing.fileformat import BriefingFormatError
from briefing.log import log_failure
from briefing.messages import BriefingError
from briefing.model import ModelError
from briefing.translation.packages import PackageError
from ui.labels import fill
from ui.messages import error_text

if TYPE_CHECKING:
    from ui.document import DocumentController

# Errors the core raises for a person to read (a missing package, a full disk, a damaged file): the
# message is the explanation. Anything else is a fault in the program: the dialog says so and shows the
# traceback.
EXPECTED: tuple[type[BaseException], ...] = (
    BriefingError,
    OSError,
    BriefingFormatError,
    ModelError,
    ExportError,
    TemplateError,
    PackageError,
)


def is_fault(error: BaseException) -> bool:
    return not isinstance(error, EXPECTED)


def describe(error: BaseException) -> tuple[str, str]:
    """A short title and the message for `error`, in the interface language."""
    translate = QCoreApplication.translate
    if is_fault(error):
        name = type(error).__name__
        return translate("Failure", "Unexpected error"), f"{name}: {error}" if str(error) else name
    if (
        isinstance(error, OSError) and error.strerror and not isinstance(error, BriefingError)
    ):  # from the system, e.g. [Errno 28] No space left on device
        where = f"{error.filename}: " if error.filename else ""
        return translate("Failure", "File or disk problem"), where + error.strerror
    return translate("Failure", "Error"), error_text(error)


def _contexts() -> dict[str, tuple[str, str]]:
    """What was being done → the dialog's title and what the failure means for the user's work."""
    translate = QCoreApplication.translate
    return {
        "save": (
            translate("Failure", "Save failed"),
            translate(
                "Failure", "The briefing was not saved. Your changes are still open here: try again, or use Save As."
            ),
        ),
        "autosave": (
            translate("Failure", "Backup copy failed"),
            translate(
                "Failure",
                "Unsaved work cannot be backed up to the recovery folder. Save the briefing to keep your changes.",
            ),
        ),
        "export": (
            translate("Failure", "Export failed"),
            translate("Failure", "The briefing pack was not exported."),
        ),
        "translation": (
            translate("Failure", "Translation failed"),
            translate("Failure", "Machine translation did not finish; the briefing was not changed."),
        ),
        "packages": (
            translate("Failure", "Language package"),
            translate("Failure", "The language package was not installed."),
        ),
        "preview": (
            translate("Failure", "Preview failed"),
            translate("Failure", "The preview could not be made."),
        ),
        "review_export": (
            translate("Failure", "Export for review failed"),
            translate("Failure", "The review file was not written."),
        ),
        "review_import": (
            translate("Failure", "Review not imported"),
            translate("Failure", "The review file could not be used. The briefing was not changed."),
        ),
        "compare": (
            translate("Failure", "Comparison failed"),
            translate("Failure", "The two versions could not be compared."),
        ),
        "action": (
            translate("Failure", "Something went wrong"),
            translate(
                "Failure",
                "The last action did not finish. The briefing is still open; if anything looks wrong, save it "
                "under a new name.",
            ),
        ),
        "task": (
            translate("Failure", "Background task failed"),
            translate("Failure", "Work running in the background did not finish."),
        ),
    }


def _log(context: str, error: BaseException) -> tuple[Path | None, str]:
    """Write the failure to the log: (the log file, "") or (None, why it could not be written)."""
    try:
        return log_failure(context, error), ""
    except OSError as problem:  # a full disk must not hide the failure itself
        return None, str(problem)


def _parent_for(parent: QWidget | None) -> QWidget | None:
    """The window a failure from nowhere (the exception hook) is shown over: the main window, not whatever
    is active — a progress dialog that closes a moment later would take the failure dialog with it."""
    if parent is not None:
        return parent
    widget = QApplication.activeWindow()
    while widget is not None and not isinstance(widget, QMainWindow):  # from a dialog to its window
        widget = widget.parentWidget()
    if widget is not None and widget.isVisible():
        return widget
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    return windows[0] if windows else QApplication.activeWindow()


def report_failure(parent: QWidget | None, context: str, error: BaseException) -> QMessageBox | None:
    """Log `error` and show it: what failed (`context`: "save", "export", …) and why, in the interface
    language, with the traceback under Details when it is a fault. The same failure already on screen is
    not shown twice (a fault in a timer would otherwise stack dialogs); it is logged every time."""
    log, problem = _log(context, error)
    key = f"{context}|{type(error).__name__}|{error}"
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "failureDialog" and widget.property("failureKey") == key and widget.isVisible():
            return None
    translate = QCoreApplication.translate
    title, consequence = _contexts().get(context, _contexts()["task"])
    kind, message = describe(error)
    box = QMessageBox(QMessageBox.Icon.Critical, title, consequence, parent=_parent_for(parent))
    box.setObjectName("failureDialog")
    box.setProperty("failureKey", key)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if is_fault(error):
        written = translate("Failure", "This is a fault in Briefing Studio. The details were written to %1.")
        unwritten = translate("Failure", "This is a fault in Briefing Studio. The log could not be written: %1")
        where = fill(written, log) if log is not None else fill(unwritten, problem)
        box.setInformativeText(f"{kind}: {message}\n\n{where}")
        box.setDetailedText("".join(traceback.format_exception(error)))
    else:
        box.setInformativeText(message)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def report_quietly(context: str, error: BaseException) -> str:
    """Log `error` and return one line about it, for a failure that should not interrupt with a dialog
    (the live preview fails on every keystroke if it fails at all)."""
    log, _ = _log(context, error)
    kind, message = describe(error)
    line = f"{_contexts().get(context, _contexts()['task'])[1]} {kind}: {message}"
    if log is not None:
        line += " " + fill(QCoreApplication.translate("Failure", "The details are in %1."), log)
    return line


class BackupWarning(QLabel):
    """A status-bar note while unsaved work cannot be backed up. The first failure of a run of failing
    autosaves also opens the failure dialog; later ticks stay quiet until a copy is written again."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("backupWarning")
        self.setStyleSheet("color: #b00020;")
        self.window_ = window
        self.error: BaseException | None = None
        self.hide()

    def watch(self, document: DocumentController) -> None:
        """Follow the window's (new) document; its backups start with a clean slate."""
        document.autosave_failed.connect(self._failed)
        document.autosave_resumed.connect(self._resumed)
        self._resumed()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self._retranslate()
        self.show()
        report_failure(self.window_, "autosave", error)

    def _resumed(self) -> None:
        self.error = None
        self.hide()

    def _retranslate(self) -> None:
        if self.error is not None:
            self.setText(self.tr("Unsaved work is not backed up"))
            self.setToolTip(describe(self.error)[1])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class _Relay(QObject):
    """Carries a failure from another thread to the GUI thread (widgets live only there)."""

    reported = Signal(str, object)  # context, exception

    def __init__(self) -> None:
        super().__init__()
        self.reported.connect(self._show)

    def _show(self, context: str, error: BaseException) -> None:
        report_failure(None, context, error)


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class FailureHooks:
    """`sys.excepthook` and `threading.excepthook` for the window: an exception nobody caught — in an
    action, a slot, a timer or a thread — is logged and shown, not only printed on stderr (it is printed
    too, for whoever started the program from a terminal)."""

    def __init__(self) -> None:
        self._relay = _Relay()
        self._previous: tuple[Callable[..., object], Callable[..., object]] | None = None

    def install(self) -> FailureHooks:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def on_exception(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None, context: str = "action"
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, trace)
            return
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        traceback.print_exception(error, file=sys.stderr)
        try:
            if _on_gui_thread():
                report_failure(None, context, error)
            else:
                self._relay.reported.emit(context, error)
        except Exception:  # reporting failed too: stderr is all that is left
            traceback.print_exc()

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.on_exception(args.exc_type, args.exc_value, args.exc_traceback, context="task")


def install_failure_hooks() -> FailureHooks:
    """Call once the QApplication exists (the relay to the GUI thread is a QObject)."""
    return FailureHooks().install()

"""File → Recover unsaved work: every recovery copy left by a session that did not end cleanly.

The start-up offer (`ui.app.offer_recovery`) asks about the newest copy only; this dialog lists them all
(several windows may have crashed, or the user chose "Later"), restores one into the window or discards it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.language.times import local_time
from briefing.paths import recovery_folder
from briefing.recovery import RecoveryEntry, orphaned_copies
from ui.labels import fill
from ui.qt import named

translate = QCoreApplication.translate  # one "Recovery" context with the start-up offer in ui.app


def describe(entry: RecoveryEntry) -> str:
    """`/path/meeting.briefing — saved 2024-11-07 23:03 KST` (on the user's clock), or an unsaved briefing's
    equivalent."""
    name = str(entry.document_path) if entry.document_path else translate("Recovery", "an unsaved briefing")
    return fill(translate("Recovery", "%1 — saved %2"), name, local_time(entry.written))


class RecoveryDialog(QDialog):
    restore_requested = Signal(object)  # the RecoveryEntry to open in the window

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(translate("Recovery", "Recover unsaved work"))
        self.entries: list[RecoveryEntry] = []
        self.explanation = named(QLabel(), "recoveryExplanation")
        self.explanation.setWordWrap(True)
        self.list = named(QListWidget(), "recoveryList")
        self.restore_button = named(QPushButton(translate("Recovery", "Restore")), "recoveryRestore")
        self.discard_button = named(QPushButton(translate("Recovery", "Discard…")), "recoveryDiscard")
        close = named(QPushButton(translate("Recovery", "Close")), "recoveryClose")
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._ask_discard)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.resize(640, 320)
        self.refresh()

    def refresh(self) -> None:
        self.entries = orphaned_copies(recovery_folder())
        self.list.clear()
        self.list.addItems([describe(entry) for entry in self.entries])
        if self.entries:
            self.list.setCurrentRow(0)
            self.explanation.setText(
                translate("Recovery", "Unsaved work kept from sessions that did not close properly, newest first.")
            )
        else:
            self.explanation.setText(translate("Recovery", "There is no unsaved work to recover."))
        self.restore_button.setEnabled(bool(self.entries))
        self.discard_button.setEnabled(bool(self.entries))

    def selected(self) -> RecoveryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _restore(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.restore_requested.emit(entry)

    def _ask_discard(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("Recovery", "Discard unsaved work"),
            fill(
                translate("Recovery", "Delete the recovery copy of %1? Its unsaved changes are lost."), describe(entry)
            ),
            parent=self,
        )
        box.setObjectName("recoveryDiscardConfirm")
        delete = box.addButton(translate("Recovery", "Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("Recovery", "Keep"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            if box.clickedButton() is delete:
                entry.discard()
                self.refresh()

        box.finished.connect(answered)
        box.open()

"""The window's own dialogs — language packages, export, recovery copies, settings, about — each opened
non-modally, deleted when closed, and kept here while open (tests and the benchmarks reach them as
`window.dialogs.export_dialog` and so on). The window only asks for them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ui.labels import fill

if TYPE_CHECKING:
    from briefing.recovery import RecoveryEntry
    from ui.document import DocumentController
    from ui.tasks import Runner
    from ui.terminology import TerminologyController


class Host(Protocol):
    """What the dialogs need of the window."""

    runner: Runner
    document: DocumentController
    terminology: TerminologyController

    def restore_copy(self, entry: RecoveryEntry) -> bool: ...

    def settings_changed(self) -> None: ...


def _shown(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class WindowDialogs:
    def __init__(self, parent: QWidget, host: Host) -> None:
        self.parent = parent
        self.host = host
        self.packages_dialog: QDialog | None = None
        self.export_dialog: QDialog | None = None
        self.recovery_dialog: QDialog | None = None
        self.settings_dialog: QDialog | None = None

    def packages(self) -> None:
        from ui.packages_dialog import PackagesDialog

        self.packages_dialog = _shown(PackagesDialog(self.parent, self.host.runner))

    def export(self) -> None:
        from ui.export_dialog import ExportDialog

        host = self.host
        self.export_dialog = _shown(ExportDialog(self.parent, host.document, host.runner, host.terminology.find_terms))

    def recovery(self) -> None:
        from ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.parent)

        def restore(entry: RecoveryEntry) -> None:
            if self.host.restore_copy(entry):
                dialog.accept()

        dialog.restore_requested.connect(restore)
        self.recovery_dialog = _shown(dialog)

    def settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.parent)
        dialog.accepted.connect(self.host.settings_changed)
        self.settings_dialog = _shown(dialog)

    def about(self) -> None:
        from briefing import __version__

        QMessageBox.about(
            self.parent,
            QCoreApplication.translate("MainWindow", "About Briefing Studio"),
            fill(
                QCoreApplication.translate(
                    "MainWindow", "Briefing Studio %1\nBilingual Korean/English briefings, translated offline."
                ),
                __version__,
            ),
        )

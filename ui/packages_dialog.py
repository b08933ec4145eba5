"""Language packages: installed pairs with version and size; install from a file; remove; download on request.

Closing the dialog while a package installs or downloads does not stop it: the window's task manager reports it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.translation.packages import InstalledPackage, PackageError, PackageStore
from ui.errors import is_fault, report_failure
from ui.labels import fill, language_name
from ui.messages import error_text
from ui.qt import named
from ui.tasks import Progress, Runner, Task


def installed_summary(package: InstalledPackage) -> str:
    """What an install did, for the status bar (also when the dialog is gone: no `self.tr`)."""
    return fill(
        QCoreApplication.translate("PackagesDialog", "Installed %1 → %2, version %3."),
        package.from_name,
        package.to_name,
        package.version,
    )


class PackagesDialog(QDialog):
    def __init__(self, parent: QWidget | None, runner: Runner) -> None:
        super().__init__(parent)
        self.setObjectName("packagesDialog")
        self.runner = runner
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Language packages"))
        self.table = named(QTableWidget(0, 4), "packageTable")
        self.table.setHorizontalHeaderLabels([self.tr("From"), self.tr("To"), self.tr("Version"), self.tr("Size")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.install_button = named(QPushButton(self.tr("Install from file…")), "installPackage")
        self.remove_button = named(QPushButton(self.tr("Remove")), "removePackage")
        self.download_pair = named(QLineEdit("en ko"), "downloadPair")
        self.download_button = named(QPushButton(self.tr("Download from the internet…")), "downloadPackage")
        self.note = QLabel(
            self.tr(
                "Packages are installed offline from .argosmodel files. Downloading is the only action "
                "that uses the network."
            )
        )
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for widget in (self.install_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.download_pair)
        buttons.addWidget(self.download_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.install_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove_selected)
        self.download_button.clicked.connect(self.download)
        self.resize(640, 340)
        self.refresh()

    def refresh(self) -> None:
        store = PackageStore()
        installed = store.installed()
        self.table.setRowCount(len(installed))
        for row, package in enumerate(installed):
            for column, text in enumerate(
                (
                    f"{language_name(package.from_code, package.from_name)} ({package.from_code})",
                    f"{language_name(package.to_code, package.to_name)} ({package.to_code})",
                    package.version,
                    f"{package.size_bytes / 1e6:.1f} MB",
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        problems = store.problems()
        self.note.setToolTip("\n".join(error_text(problem) for problem in problems))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install language package"), str(Path.home()), self.tr("Argos packages (*.argosmodel)")
        )
        if name:
            self.install(Path(name))

    def install(self, path: Path) -> None:
        self.task = self.runner(
            self,
            self.tr("Installing…"),
            lambda progress, cancel: PackageStore().install(path),
            self._installed,
            self._failed,
            context="packages",
            announce=installed_summary,
        )

    def done(self, result: int) -> None:
        """Closing while a package installs hands the work over: it goes on, the window reports it."""
        if self.task is not None and not self.task.done:
            self.task.release()
        super().done(result)

    def _installed(self, package: InstalledPackage) -> None:
        self.refresh()
        self.note.setText(installed_summary(package))

    def _failed(self, error: BaseException) -> None:
        self.refresh()
        if is_fault(error):
            self.error_box = report_failure(self, "packages", error)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Language package"), error_text(error), parent=self)
        box.setObjectName("packageError")
        box.open()
        self.error_box = box

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        package = PackageStore().installed()[row]
        answer = QMessageBox.question(
            self,
            self.tr("Remove package"),
            fill(self.tr("Remove %1 → %2?"), package.from_name, package.to_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                PackageStore().remove(package.from_code, package.to_code)
            except PackageError as error:
                self._failed(error)
            self.refresh()

    def download(self) -> None:
        from briefing.translation.download import download

        pair = self.download_pair.text().split()
        if len(pair) != 2:
            self._failed(ValueError(self.tr("Type the pair as two codes, e.g. “ko en”.")))
            return

        def work(progress: Progress, cancel: threading.Event) -> InstalledPackage:
            return download(PackageStore(), pair[0], pair[1], progress, cancel)

        self.task = self.runner(
            self,
            self.tr("Downloading…"),
            work,
            self._installed,
            self._failed,
            context="packages",
            announce=installed_summary,
        )

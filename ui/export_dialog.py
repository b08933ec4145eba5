"""Export the matched briefing pack: template, languages, folder, draft, PDF; runs in the background.

Closing the dialog while the export runs does not stop it: the window's task manager reports the result.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

from briefing import settings as config
from briefing.export.pack import PackResult, existing_files, make_pack, pack_files
from briefing.export.templates import Layout, available_templates, template_errors, template_notices
from briefing.messages import BriefingError, Message
from briefing.model import Language
from briefing.qa import run as run_qa
from briefing.terms.assist import FindTerms
from briefing.terms.model import Hit
from ui.document import DocumentController
from ui.errors import report_failure
from ui.labels import fill
from ui.messages import error_text
from ui.messages import text as message_text
from ui.qt import named
from ui.tasks import Progress, Runner, Task


def ask_replace(parent: QWidget | None, folder: Path, files: list[Path]) -> bool:
    """ "Replace the earlier pack?" when the folder already holds files this export would write; True to replace.
    Keeping them (Cancel) is the default, so an Enter pressed by habit replaces nothing."""
    shown = "\n".join(path.name for path in files[:8]) + (f"\n… (+{len(files) - 8})" if len(files) > 8 else "")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ExportDialog", "Replace the earlier export?"),
        fill(
            QCoreApplication.translate("ExportDialog", "%1 already holds these files of the same pack:\n%2"),
            folder,
            shown,
        ),
        parent=parent,
    )
    box.setObjectName("askReplacePack")
    replace = box.addButton(
        QCoreApplication.translate("ExportDialog", "Replace"), QMessageBox.ButtonRole.DestructiveRole
    )
    replace.setObjectName("replace")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is replace


def pack_summary(result: PackResult) -> str:
    """What an export wrote, for the status bar (also when the dialog is gone: no `self.tr`)."""
    return fill(QCoreApplication.translate("ExportDialog", "Wrote %1 files to %2."), len(result.files), result.folder)


@dataclass(frozen=True)
class _Matcher:
    """The window's termbases as the QA checks read them on the worker thread (matching only, no files)."""

    find: FindTerms

    def hits(self, text: str, language: Language) -> list[Hit]:
        return list(self.find(text, language))


def _word(message: Message, language: Language) -> str:
    """A finding in a draft's appendix: the English document in English, the Korean one in the interface's
    catalogue (Korean when the interface is Korean; Qt's translate may be called from the worker thread)."""
    return message.english() if language is Language.EN else message_text(message.code, message.params)


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        document: DocumentController,
        runner: Runner,
        find_terms: Callable[[], FindTerms] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.document, self.runner = document, runner
        self.find_terms = find_terms  # the window's termbases, for the QA a final export runs
        self.task: Task | None = None
        self.pack_result: PackResult | None = None  # what the export wrote, once it is done
        self.setWindowTitle(self.tr("Export briefing pack"))
        self.template = named(QComboBox(), "exportTemplate")
        korean_ui = self.tr("Korean") == "한국어"
        for key, template in available_templates().items():
            self.template.addItem(template.name.ko if korean_ui else template.name.en, key)
        self.template.setCurrentIndex(max(0, self.template.findData(config.current().default_template)))
        self.layouts = {
            Layout.KO: named(QCheckBox(self.tr("Korean")), "exportKorean"),
            Layout.EN: named(QCheckBox(self.tr("English")), "exportEnglish"),
            Layout.BILINGUAL: named(QCheckBox(self.tr("Bilingual (side by side)")), "exportBilingual"),
        }
        languages = QHBoxLayout()
        for box in self.layouts.values():
            box.setChecked(True)
            languages.addWidget(box)
        start = document.path.parent if document.path else Path.home()
        self.folder = named(QLineEdit(str(start / "export")), "exportFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.folder)
        folder.addWidget(browse)
        self.draft = named(
            QCheckBox(self.tr("Draft (allow unapproved items; pages marked DRAFT / 초안)")), "exportDraft"
        )
        self.pdf = named(QCheckBox(self.tr("Also PDF (needs LibreOffice)")), "exportPdf")
        self.zip = named(QCheckBox(self.tr("Also a zip of everything")), "exportZip")
        self.hwpx = named(QCheckBox(self.tr("Also HWPX (Hancom 한글)")), "exportHwpx")
        form = QFormLayout(self)
        form.addRow(self.tr("Template"), self.template)
        notes = [error_text(error) for error in template_errors()]
        notes += [message_text(notice.code, notice.params) for notice in template_notices()]
        self.template_notes = named(QLabel("\n".join(notes)), "exportTemplateNotes")
        self.template_notes.setWordWrap(True)
        self.template_notes.setVisible(bool(notes))  # bad templates are listed with their problem, not offered
        form.addRow(self.template_notes)
        form.addRow(self.tr("Documents"), languages)
        form.addRow(self.tr("Folder"), folder)
        form.addRow(self.draft)
        form.addRow(self.hwpx)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._template_chosen()
        form.addRow(self.pdf)
        form.addRow(self.zip)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _template_chosen(self) -> None:
        """HWPX is offered for a template that has HWPX documents (every built-in one; an office's DOCX-only
        template has none)."""
        template = available_templates().get(self.template.currentData())
        has_hwpx = template is not None and bool(template.hwpx_documents)
        self.hwpx.setEnabled(has_hwpx)
        if not has_hwpx:
            self.hwpx.setChecked(False)

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self.folder.text())
        if name:
            self.folder.setText(name)

    def export(self) -> None:
        layouts = [layout for layout, box in self.layouts.items() if box.isChecked()]
        if not layouts:
            return
        template = available_templates()[self.template.currentData()]
        snapshot = self.document.snapshot()  # the worker gets its own copy, never the live document
        name = self.document.path.name.removesuffix(".briefing") if self.document.path else "briefing"
        folder, draft, pdf, make_zip = (
            Path(self.folder.text()),
            self.draft.isChecked(),
            self.pdf.isChecked(),
            self.zip.isChecked(),
        )
        formats = ("docx", "hwpx") if self.hwpx.isChecked() else ("docx",)
        planned = pack_files(folder, name, template, layouts, draft=draft, pdf=pdf, make_zip=make_zip, formats=formats)
        there = existing_files(planned)
        if there and not ask_replace(self, folder, there):
            return
        with contextlib.suppress(BriefingError):  # remembering the choice is a convenience, never a failure
            config.update(default_template=template.key)
        self.buttons.setEnabled(False)
        terms = _Matcher(self.find_terms()) if self.find_terms is not None else None  # read here, used on the worker

        def work(progress: Progress, cancel: threading.Event) -> PackResult:
            return make_pack(
                snapshot,
                template,
                folder,
                name,
                layouts,
                draft=draft,
                pdf=pdf,
                make_zip=make_zip,
                formats=formats,
                progress=lambda step, steps, what: progress(step, steps),
                findings=run_qa(snapshot, terminology=terms),
                word=_word,
                replace=bool(there),
            )

        self.task = self.runner(
            self, self.tr("Exporting…"), work, self._done, self._failed, context="export", announce=pack_summary
        )

    def done(self, result: int) -> None:
        """Closing (Esc, Cancel) while the export runs hands it over: the work goes on, the window reports it."""
        if self.task is not None and not self.task.done:
            self.task.release()
        super().done(result)

    def _done(self, result: PackResult) -> None:
        self.pack_result = result
        self.buttons.setEnabled(True)
        message = pack_summary(result)
        parent = self.parentWidget()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(message, 10_000)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error_box = report_failure(self, "export", error)

"""Two versions of a briefing compared (briefing/compare/versions.py), shown beside the window: the summary, then
the title and meeting card, the sections and every added, removed, moved or changed item with its word diffs
in both languages; a filter by kind; and the report saved as a DOCX with real tracked changes
(briefing/compare/docx.py), written in the background with the author from Settings.

The dialog is not modal: the briefing stays open for editing beside it (the report is of the moment it was
made).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.cli.compare import CompareError
from briefing.compare.docx import write_docx
from briefing.compare.versions import FieldChange, ItemReport, Kind, MatchedBy, Report, SectionReport, TextChange
from briefing.model import ItemType, Language, TargetStatus
from ui.diff_marks import detail_line, shown, write_pieces, write_text
from ui.errors import report_failure
from ui.labels import fill, status_text, type_names
from ui.qt import named
from ui.tasks import Progress, Runner

MUTED = QColor("#555555")
ALL = ""  # the filter's value for every change


class CompareDialog(QDialog):
    docx_written = Signal(str)  # the path of the DOCX with tracked changes
    docx_failed = Signal(object)  # the exception

    def __init__(
        self,
        parent: QWidget | None,
        report: Report,
        old_name: str,
        new_name: str,
        runner: Runner,
        author: Callable[[], str],
        inputs: tuple[Path, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.report, self.old_name, self.new_name = report, old_name, new_name
        self.runner, self.author = runner, author
        self.inputs = inputs  # the files compared, which the DOCX must not replace
        self.setWindowTitle(self.tr("Compare versions"))
        self.resize(960, 680)
        names = named(QLabel(), "compareFiles")
        names.setText(fill(self.tr("Old: %1\nNew: %2"), shown(Path(old_name).name), shown(Path(new_name).name)))
        names.setToolTip(fill(self.tr("Old: %1\nNew: %2"), shown(old_name), shown(new_name)))
        names.setWordWrap(True)
        self.summary = named(QLabel(self.summary_text(report)), "compareSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.filter = named(QComboBox(), "compareFilter")
        self.filter.addItem(self.tr("All changes"), ALL)
        for kind in Kind:
            self.filter.addItem(self.kind_words()[kind], kind.value)
        self.filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.view = named(QTextBrowser(), "compareView")
        self.view.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.docx_button = named(QPushButton(self.tr("Save as DOCX with tracked changes…")), "saveCompareDocx")
        self.docx_button.setEnabled(not report.same)
        self.docx_button.clicked.connect(self.choose_docx)
        buttons.addButton(self.docx_button, QDialogButtonBox.ButtonRole.ActionRole)
        top = QHBoxLayout()
        top.addWidget(names, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.refresh()

    # -- words -----------------------------------------------------------------------------------
    def kind_words(self) -> dict[Kind, str]:
        return {
            Kind.ADDED: self.tr("Added"),
            Kind.REMOVED: self.tr("Removed"),
            Kind.MOVED: self.tr("Moved"),
            Kind.CHANGED: self.tr("Changed"),
        }

    def summary_text(self, report: Report) -> str:
        """One line, as `briefing.compare.versions.summary` says it, in the interface language."""
        old_count, new_count = report.items_compared
        if report.same:
            return fill(self.tr("No changes (%1 items)"), new_count)
        counts = report.counts()
        line = fill(
            self.tr("Items: %1 added, %2 removed, %3 moved, %4 changed (of %5 → %6)"),
            counts[Kind.ADDED],
            counts[Kind.REMOVED],
            counts[Kind.MOVED],
            counts[Kind.CHANGED],
            old_count,
            new_count,
        )
        if report.card:
            line += fill(self.tr("; meeting card: %1 fields changed"), len(report.card))
        if report.sections:
            line += fill(self.tr("; sections: %1 changed"), len(report.sections))
        if report.matched_by_text:
            line += fill(self.tr("; %1 items matched by text (their ids differ)"), report.matched_by_text)
        return line

    def item_heading(self, item: ItemReport) -> str:
        if item.new is None:
            assert item.old is not None
            return fill(self.tr("%1 removed (was in %2)"), item.old.number, item.old.section)
        heading = item.new.number
        if item.old is not None and item.old.number != item.new.number:
            heading += " " + fill(self.tr("(was %1)"), item.old.number)
        words = []
        for kind in item.kinds:
            if kind is Kind.ADDED:
                words.append(fill(self.tr("added in %1"), item.new.section))
            elif kind is Kind.MOVED and item.old is not None and item.old.section != item.new.section:
                words.append(fill(self.tr("moved from %1 to %2"), item.old.section, item.new.section))
            elif kind is Kind.MOVED:
                words.append(self.tr("moved"))
            else:
                words.append(self.tr("changed"))
        heading += " " + self.tr(", ").join(words)
        if item.matched_by is MatchedBy.TEXT:
            heading += " " + fill(self.tr("[matched by text, %1% similar; ids differ]"), f"{item.similarity or 0:.0f}")
        return heading

    def section_heading(self, section: SectionReport) -> str:
        if section.new is None:
            assert section.old is not None
            return fill(self.tr("Section %1 removed (%2)"), section.old.number, section.old.section)
        heading = fill(self.tr("Section %1"), section.new.number)
        if section.old is not None and section.old.number != section.new.number:
            heading += " " + fill(self.tr("(was %1)"), section.old.number)
        kinds = self.tr(", ").join(self.kind_words()[kind].lower() for kind in section.kinds)
        return f"{heading} {kinds} ({section.new.section})"

    def field_words(self, change: FieldChange) -> tuple[str, str, str]:
        """A field's name and both values in the interface language (statuses, types, languages worded)."""
        names = {
            "type": self.tr("type"),
            "status": self.tr("status"),
            "source": self.tr("source language"),
            "statement_kind": self.tr("statement kind"),
            "note_mark": self.tr("note mark"),
            "due": self.tr("due"),
            "when": self.tr("date"),
            "flag": self.tr("review flag"),
            "comments": self.tr("comments"),
            "owner (ko)": self.tr("owner (Korean)"),
            "owner (en)": self.tr("owner (English)"),
        }
        languages = {"ko": self.tr("Korean"), "en": self.tr("English")}

        def value(raw: str) -> str:
            try:
                if change.name == "status":
                    return status_text(TargetStatus(raw))
                if change.name == "type":
                    return type_names()[ItemType(raw)]
            except ValueError:
                return raw
            if change.name == "source":
                return languages.get(raw, raw)
            return raw

        return names.get(change.name, change.name), value(change.old), value(change.new)

    def card_where(self, change: TextChange) -> str:
        names = {
            "title": self.tr("title"),
            "series code": self.tr("series code"),
            "series name": self.tr("series name"),
            "session": self.tr("session"),
            "start date": self.tr("start date"),
            "end date": self.tr("end date"),
            "time zone note": self.tr("time zone note"),
            "place": self.tr("place"),
            "marking": self.tr("marking"),
            "start time": self.tr("start time"),
            "embargo": self.tr("embargo"),
            "embargo clock": self.tr("embargo clock"),
            "issued by": self.tr("issued by"),
            "report date": self.tr("report date"),
            "reporting office": self.tr("reporting office"),
            "reported by": self.tr("reported by"),
        }
        return names.get(change.where, change.where)

    # -- the document ----------------------------------------------------------------------------
    def refresh(self) -> None:
        wanted = self.filter.currentData()
        self.view.setDocument(self.build_document(Kind(wanted) if wanted else None))

    def build_document(self, kind: Kind | None = None) -> QTextDocument:
        document = QTextDocument(self)
        cursor = QTextCursor(document)
        report = self.report
        started = False

        def heading(words: str) -> None:
            nonlocal started
            if started:
                block = QTextBlockFormat()
                block.setTopMargin(12)
                cursor.insertBlock(block)
            started = True
            write_text(cursor, words, bold=True)

        if report.same:
            write_text(cursor, self.tr("The two versions have the same content."), italic=True)
            return document
        if kind is None and report.card:
            heading(self.tr("Title and meeting card"))
            for change in report.card:
                detail_line(cursor)
                language = f" ({change.language.value.upper()})" if change.language else ""
                write_text(cursor, f"{self.card_where(change)}{language}: ")
                write_pieces(cursor, change.pieces)
        if kind is None and report.sections:
            heading(self.tr("Sections"))
            for section in report.sections:
                detail_line(cursor)
                write_text(cursor, self.section_heading(section))
                for change in section.titles:
                    self._text_line(cursor, change)
        items = [item for item in report.items if kind is None or kind in item.kinds]
        if items:
            heading(self.tr("Items"))
            for item in items:
                block = QTextBlockFormat()
                block.setTopMargin(6)
                cursor.insertBlock(block)
                write_text(cursor, self.item_heading(item), bold=True)
                for field in item.fields:
                    detail_line(cursor)
                    name, old, new = self.field_words(field)
                    write_text(cursor, f"{name}: {old} → {new}")
                for change in item.texts:
                    self._text_line(cursor, change)
                for language, words in item.unchanged:
                    if words:
                        detail_line(cursor)
                        muted = QTextCharFormat()
                        muted.setForeground(MUTED)
                        cursor.insertText(f"{language.value.upper()}  " + shown(words), muted)
        elif kind is not None:
            write_text(cursor, self.tr("No items of this kind."), italic=True)
        return document

    @staticmethod
    def _text_line(cursor: QTextCursor, change: TextChange) -> None:
        detail_line(cursor)
        write_text(cursor, f"{(change.language or Language.EN).value.upper()}  ", bold=True)
        write_pieces(cursor, change.pieces)

    # -- the DOCX --------------------------------------------------------------------------------
    def choose_docx(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the comparison as DOCX"),
            str(Path.cwd() / "comparison.docx"),
            self.tr("Word documents (*.docx)"),
        )
        if name:
            self.save_docx(Path(name) if name.lower().endswith(".docx") else Path(name + ".docx"))

    def save_docx(self, path: Path) -> None:
        """Write the report with tracked changes (author from Settings) in the background."""
        for compared in self.inputs:
            try:
                same = path.resolve() == compared.resolve() or (path.exists() and path.samefile(compared))
            except OSError:
                same = False
            if same:
                self._docx_failed(CompareError("compare.output_is_input", path=str(path)))
                return
        report, old_name, new_name, author = self.report, self.old_name, self.new_name, self.author()

        def work(_progress: Progress, _cancel: threading.Event) -> str:
            write_docx(report, path, old_name=old_name, new_name=new_name, author=author)
            return str(path)

        self.runner(
            self,
            self.tr("Writing the comparison…"),
            work,
            self.docx_written.emit,
            self._docx_failed,
            context="compare",
        )

    def _docx_failed(self, error: BaseException) -> None:
        report_failure(self, "compare", error)
        self.docx_failed.emit(error)

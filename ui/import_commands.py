"""Starting from documents that already exist, in the window: File → Import… and Edit → Paste as items.

A file (or two: its Korean and English versions, ui/import_pair.py) or the clipboard's text is read in the
background (ui/tasks.py) by the core's importers (briefing/importers/) into a draft, which the preview
(ui/import_dialog.py) shows with its report before anything changes. Open as new makes the draft the window's
briefing, unsaved; Insert puts its sections and items into the open briefing as ONE undo step (a `Batch` of
`AddSection`/`AddItem` edits, each checked by the briefing's rules). A document that cannot be imported says so in
one line and changes nothing; so does a clipboard over the importers' text cap, refused before it is read.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing import settings as config
from briefing.edits import AddItem, AddSection, Batch, Edit
from briefing.importers import MAX_TEXT_BYTES, READERS, import_bytes, import_file
from briefing.importers.structure import FIRST_SECTION_TITLE
from briefing.model import Bilingual, Briefing, Item, Section
from ui import import_pair
from ui.document import DocumentController
from ui.errors import describe, is_fault, report_failure
from ui.import_dialog import MERGE, NEW, Draft, ImportPreviewDialog, source_name
from ui.labels import fill
from ui.messages import refusal_text
from ui.tasks import Progress, Runner

MESSAGE_MS = 10_000
PASTE_NAME = "clipboard.txt"  # the clipboard is read as a text file
IMPORT_LABEL, PASTE_LABEL = "edit.import_document", "edit.paste_items"  # the undo step's name (ui/commands.py)


class Host(Protocol):
    """What the import needs of the window."""

    def confirm_discard(self) -> bool: ...
    def open_recovered(self, briefing: Briefing, path: Path | None, disk_digest: str | None = None) -> None: ...
    def selected_item_id(self) -> str | None: ...
    def selected_section_id(self) -> str | None: ...
    def select(self, ident: str | None) -> None: ...


# -- the edits -----------------------------------------------------------------------------------


def title_item(draft: Briefing) -> Item | None:
    """The draft's title as a paragraph item: inserted into a briefing that has its own title, it is kept as the
    first item rather than dropped (nothing of the input is lost)."""
    lang = draft.origin_language
    title = draft.title.get(lang).strip()
    return Item(source=lang, text=Bilingual(**{lang.value: title})) if title else None


def inserted_items(draft: Briefing) -> int:
    """How many items inserting the draft adds (its title one of them)."""
    return len(draft.items()) + (title_item(draft) is not None)


def _sections(sections: list[Section], at: int, lead: Item | None = None) -> list[Edit]:
    """Each section added empty at `at`, `at`+1 …, then its items one by one (so the rules check every item);
    `lead` first of all."""
    out: list[Edit] = []
    for offset, section in enumerate(sections):
        shell = Section(title=section.title, id=section.id)
        items = [lead, *section.items] if lead is not None and offset == 0 else section.items
        out.append(AddSection(at + offset, shell))
        out += [AddItem(shell.id, index, item) for index, item in enumerate(items)]
    return out


def merge_edit(briefing: Briefing, draft: Briefing, after_section: str | None) -> Batch:
    """The draft's title, sections and items after the section `after_section` (at the end when None): one
    undo step. The briefing's own title and meeting card stay as they are."""
    ids = [section.id for section in briefing.sections]
    at = ids.index(after_section) + 1 if after_section in ids else len(ids)
    return Batch(IMPORT_LABEL, _sections(draft.sections, at, title_item(draft)))


def opens_with_loose_items(draft: Draft) -> bool:
    """Whether the draft's first section is only the importer's placeholder for lines before any heading (its
    title was not in the text): its items are then pasted where the user is, not as a section of their own."""
    sections = draft.briefing.sections
    if not sections:
        return False
    lang = draft.briefing.origin_language
    title = sections[0].title.get(lang)
    headings = [d.value for d in draft.report.detected if d.what == "section"]
    return title == FIRST_SECTION_TITLE.get(lang) and title not in headings


def paste_edit(briefing: Briefing, draft: Draft, item_id: str | None, section_id: str | None) -> tuple[Batch, str]:
    """The pasted text's items after the selected item (or at the end of the selected section, or of the last
    one); sections the text has headings for follow the current section. Returns the edit and the id to select."""
    sections = list(draft.briefing.sections)
    lead = title_item(draft.briefing)
    loose: list[Item] = [lead] if lead is not None and briefing.sections else []
    if briefing.sections and opens_with_loose_items(draft):
        loose += sections.pop(0).items
    section_index = len(briefing.sections) - 1
    index = len(briefing.sections[-1].items) if briefing.sections else 0
    if item_id is not None:
        section, position = briefing.locate(item_id)
        section_index, index = briefing.sections.index(section), position + 1
    elif section_id is not None:
        section = briefing.section(section_id)
        section_index, index = briefing.sections.index(section), len(section.items)
    edits: list[Edit] = []
    if loose:
        target = briefing.sections[section_index].id
        edits += [AddItem(target, index + n, item) for n, item in enumerate(loose)]
    edits += _sections(sections, section_index + 1, None if briefing.sections else lead)
    first = loose[0].id if loose else sections[0].id if sections else ""
    return Batch(PASTE_LABEL, edits), first


class _PlainDocument(QTextDocument):
    """Clipboard HTML read as text only: no image or style sheet it names is ever loaded (a local file, a
    device that never ends)."""

    def loadResource(self, _kind: int, _name: QUrl | str) -> Any:
        return None


def html_text(html: str) -> str:
    document = _PlainDocument()
    document.setHtml(html)
    plain = document.toPlainText().replace("\ufffc", "")  # an image's place
    return plain.replace("\u2029", "\n").replace("\u2028", "\n").replace("\xa0", " ")


def file_filter() -> str:
    """The name patterns of every format the importers know ("*.docx *.txt *.md"): a new reader shows up here."""
    return " ".join(f"*{suffix}" for reader in READERS for suffix in reader.suffixes)


# -- the commands --------------------------------------------------------------------------------


class DocumentImport(QObject):
    preview_shown = Signal(object)  # the ImportPreviewDialog now open
    applied = Signal(str, int)  # NEW or MERGE (a paste is a MERGE), and the items it brought
    failed = Signal(object)  # the exception of an import that could not be done
    refused = Signal(str)  # a paste refused before reading (nothing on the clipboard, too much on it)
    message = Signal(str, int)  # for the status bar, and for how long

    def __init__(self, window: QWidget, host: Host, runner: Runner, document: Callable[[], DocumentController]) -> None:
        super().__init__(window)
        self.window, self.host, self.runner, self.document = window, host, runner, document
        self.dialog: ImportPreviewDialog | None = None
        self.box: QMessageBox | None = None

    # -- File → Import… --------------------------------------------------------------------------
    def choose_files(self) -> None:
        path = self.document().path
        folder = str(path.parent) if path is not None else str(Path.cwd())
        filters = fill(self.tr("Documents (%1);;All files (*)"), file_filter())
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import a document (or its Korean and English versions)"), folder, filters
        )
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, paths: list[Path]) -> None:
        """One document, or two (a Korean and an English version) into one draft, read in the background."""
        if len(paths) > 2:
            self._refuse(self.tr("Choose one document, or two: its Korean and its English version."))
            return
        if len(paths) == 2:
            first, second = paths

            def work(_progress: Progress, _cancel: threading.Event) -> Draft:
                return import_pair.import_two(first, second)

        else:
            (only,) = paths

            def work(_progress: Progress, _cancel: threading.Event) -> Draft:
                result = import_file(only)
                return Draft(result.briefing, result.report)

        title = self.tr("Reading the document…")
        self.runner(self, title, work, lambda draft: self.show_draft(draft, False), self._failed, context="import")

    # -- Edit → Paste as items -------------------------------------------------------------------
    def paste(self) -> None:
        """The clipboard's text (its HTML as text when it holds no plain text) read as a text document."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not text.strip() and mime is not None and mime.hasHtml():
            html = mime.html()
            if len(html) > MAX_TEXT_BYTES:
                self._too_large()
                return
            text = html_text(html)
        if not text.strip():
            self._refuse(self.tr("The clipboard holds no text to paste as items."))
            return
        if len(text) > MAX_TEXT_BYTES:  # each character is at least a byte: refused before it is copied again
            self._too_large()
            return
        # Text already (a NUL in it would make the reader take it for binary data); other controls the reader drops.
        data = text.replace("\x00", "").encode("utf-8")
        if len(data) > MAX_TEXT_BYTES:
            self._too_large()
            return
        shown = self.tr("Clipboard")

        def work(_progress: Progress, _cancel: threading.Event) -> Draft:
            result = import_bytes(data, PASTE_NAME, shown=shown)
            return Draft(result.briefing, result.report)

        title = self.tr("Reading the pasted text…")
        self.runner(self, title, work, lambda draft: self.show_draft(draft, True), self._failed, context="import")

    def _too_large(self) -> None:
        limit = MAX_TEXT_BYTES // 2**20
        self._refuse(fill(self.tr("The clipboard holds more text than can be pasted as items (at most %1 MB)."), limit))

    # -- the preview and the choice --------------------------------------------------------------
    def show_draft(self, draft: Draft, paste: bool = False) -> None:
        """The preview of a draft; its choice is applied here."""
        dialog = ImportPreviewDialog(self.window, draft, paste)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.apply_requested.connect(lambda choice: self._apply(dialog, draft, choice))
        self.dialog = dialog
        dialog.open()
        self.preview_shown.emit(dialog)

    def _apply(self, dialog: ImportPreviewDialog, draft: Draft, choice: str) -> None:
        count = len(draft.briefing.items()) if choice == NEW else inserted_items(draft.briefing)
        if choice == NEW:
            if not self.host.confirm_discard():
                return  # the preview stays open: the user may insert instead
            dialog.accept()
            self.host.open_recovered(dataclasses.replace(draft.briefing, author=config.current().author), None)
            line = fill(self.tr("%1 opened as a new briefing: review it, then save it"), source_name(draft.report))
            self.message.emit(line, MESSAGE_MS)
            self.applied.emit(NEW, count)
            return
        document = self.document()
        briefing = document.briefing
        if dialog.paste:
            edit, first = paste_edit(briefing, draft, self.host.selected_item_id(), self.host.selected_section_id())
        else:
            edit = merge_edit(briefing, draft.briefing, self.host.selected_section_id())
            first = draft.briefing.sections[0].id if draft.briefing.sections else ""
        refusal = document.try_apply(edit, initiator=self)
        if refusal is not None:
            dialog.show_problem(refusal_text(refusal))
            return
        dialog.accept()
        if first:
            self.host.select(first)
        if dialog.paste:
            line = fill(self.tr("Pasted %1 items (one undo step)"), count)
        else:
            line = fill(self.tr("Inserted %1 items from %2 (one undo step)"), count, source_name(draft.report))
        self.message.emit(line, MESSAGE_MS)
        self.applied.emit(MERGE, count)

    # -- what went wrong -------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        """A document that cannot be imported: its one line, in the interface language; a fault in the program
        goes to the window's failure dialog with its traceback."""
        self.failed.emit(error)
        if is_fault(error):
            report_failure(self.window, "task", error)
            return
        self._box("importFailed", self.tr("Import failed"), describe(error)[1])

    def _refuse(self, text: str) -> None:
        self.refused.emit(text)
        self._box("importRefused", self.tr("Import"), text)

    def _box(self, name: str, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("Nothing was changed."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()

"""The title of the selected section in both languages, with its translation status (badge, Approve, Needs
review)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing import edits
from briefing.edits import Changes
from briefing.model import Language, Section
from ui.document import DocumentController
from ui.item_editor import document_undo
from ui.qt import named
from ui.title_status import TitleStatus


class SectionEditor(QWidget):
    def __init__(self, document: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.section_id: str | None = None
        self.label = QLabel()
        self.ko = named(QLineEdit(), "sectionTitleKo")
        self.en = named(QLineEdit(), "sectionTitleEn")
        self._undo = document_undo(self.ko, self.en)
        self.status = named(TitleStatus("sectionTitle"), "sectionTitleStatus")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.status)
        layout.addLayout(top)
        for widget in (self.ko, self.en):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_section(None)
        self.ko.textEdited.connect(lambda text: self._edited(Language.KO, text))
        self.en.textEdited.connect(lambda text: self._edited(Language.EN, text))
        self.status.approve_requested.connect(lambda: self._review(edits.approve_title))
        self.status.review_requested.connect(lambda: self._review(edits.title_needs_review))
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Section title in Korean and English"))
        self.status.retranslate()

    def show_section(self, section: Section | None) -> None:
        self.section_id = section.id if section else None
        for edit in (self.ko, self.en):
            edit.setEnabled(section is not None)
        for edit, text in (
            (self.ko, section.title.ko if section else ""),
            (self.en, section.title.en if section else ""),
        ):
            if edit.text() != text:
                edit.setText(text)
        self.status.show_state(section.title_state if section else None, section.title if section else None)

    def document_changed(self, changes: Changes) -> None:
        if self.section_id is None:
            return
        section = next((s for s in self.document.briefing.sections if s.id == self.section_id), None)
        if changes.initiator is self:  # the texts are on screen already; the status follows them
            self.status.show_state(section.title_state if section else None, section.title if section else None)
        elif self.section_id in changes.titles or changes.structure:
            self.show_section(section)

    def _edited(self, language: Language, text: str) -> None:
        if self.section_id is None or not any(s.id == self.section_id for s in self.document.briefing.sections):
            return
        self.document.try_apply(edits.set_section_title(self.section_id, language, text), initiator=self)

    def _review(self, make: Callable[[tuple[str, ...]], edits.Edit]) -> None:
        """Approve the title's translation, or mark it as needing review (one undo step each)."""
        if self.section_id is not None:
            self.document.try_apply(make(("sections", self.section_id, "title")), initiator=self)

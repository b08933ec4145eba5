"""The small form for one termbase entry: Korean, English, their acronyms and a note. "Add term…" opens it
pre-filled from the editors' selections; the termbase manager opens it to add or change an entry."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing.messages import BriefingError
from briefing.model import Language
from briefing.terms.assist import edited_entry
from briefing.terms.model import Entry
from ui.messages import error_text
from ui.qt import named
from ui.terminology import TerminologyController


class TermDialog(QDialog):
    """Saves into the personal termbase on OK; an error (a damaged or locked file) is shown in the form, which
    stays open."""

    def __init__(
        self,
        parent: QWidget | None,
        terminology: TerminologyController,
        *,
        ko: str = "",
        en: str = "",
        entry: Entry | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("termDialog")
        self.terminology, self.entry = terminology, entry
        self.saved: Entry | None = None
        preferred = (entry.preferred(language) if entry else None for language in (Language.KO, Language.EN))
        ko_term, en_term = preferred
        self.ko = named(QLineEdit(ko_term.text if ko_term else ko.strip()), "termKorean")
        self.en = named(QLineEdit(en_term.text if en_term else en.strip()), "termEnglish")
        self.ko_acronym = named(QLineEdit(ko_term.acronym if ko_term else ""), "termKoreanAcronym")
        self.en_acronym = named(QLineEdit(en_term.acronym if en_term else ""), "termEnglishAcronym")
        self.note = named(QLineEdit(entry.note if entry else ""), "termNote")
        self.error = named(QLabel(), "termError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d9383a")
        self.error.hide()
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self.labels, (self.ko, self.ko_acronym, self.en, self.en_acronym, self.note), strict=True
        ):
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.ko, self.en):
            field.textChanged.connect(lambda _text: self._update())
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit term") if self.entry else self.tr("Add term"))
        names = (self.tr("Korean"), self.tr("Korean acronym"), self.tr("English"), self.tr("English acronym"))
        for label, name in zip(self.labels, (*names, self.tr("Note")), strict=True):
            label.setText(name)

    def _update(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.ko.text().strip() or self.en.text().strip()))

    def accept(self) -> None:
        try:
            self.saved = self._save()
        except BriefingError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        self.terminology.notice()
        super().accept()

    def _save(self) -> Entry:
        fields = {
            "ko": self.ko.text(),
            "en": self.en.text(),
            "note": self.note.text(),
            "ko_acronym": self.ko_acronym.text(),
            "en_acronym": self.en_acronym.text(),
        }
        if self.entry is None:
            return self.terminology.terminology.add_term(**fields)
        return self.terminology.personal().update(edited_entry(self.entry, **fields))

"""The small form for one termbase entry: Korean, English, their acronyms and a note. "Add term…" opens it
pre-filled from the editors' selections; the termbase manager opens it to add or change an entry of the store
chosen there (personal or office). An office entry someone else changed since it was read is a conflict: a
dialog says who and when, keeps what was typed in view, and offers to reload the entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from briefing.messages import BriefingError
from briefing.model import Language
from briefing.terms.assist import edited_entry, entry_row
from briefing.terms.model import Entry
from briefing.terms.store import TermStore
from ui.labels import fill
from ui.messages import error_text
from ui.qt import named
from ui.terminology import TerminologyController


class TermDialog(QDialog):
    """Saves into `store` (else: a new term where "Add term" puts it, an edit into the personal termbase) on OK;
    an error (a damaged or locked file, an unreachable server) is shown in the form, which stays open."""

    saved_entry = Signal(object, object)  # the entry before (None: added) and as saved

    def __init__(
        self,
        parent: QWidget | None,
        terminology: TerminologyController,
        *,
        ko: str = "",
        en: str = "",
        entry: Entry | None = None,
        store: TermStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("termDialog")
        self.terminology, self.entry, self.store = terminology, entry, store
        self.saved: Entry | None = None
        self.conflict_box: QMessageBox | None = None
        preferred = (entry.preferred(language) if entry else None for language in (Language.KO, Language.EN))
        ko_term, en_term = preferred
        self.ko = named(QLineEdit(ko_term.text if ko_term else ko.strip()), "termKorean")
        self.en = named(QLineEdit(en_term.text if en_term else en.strip()), "termEnglish")
        self.ko_acronym = named(QLineEdit(ko_term.acronym if ko_term else ""), "termKoreanAcronym")
        self.en_acronym = named(QLineEdit(en_term.acronym if en_term else ""), "termEnglishAcronym")
        self.note = named(QLineEdit(entry.note if entry else ""), "termNote")
        self.error = named(QLabel(), "termError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
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
        before = self.entry
        try:
            self.saved = self._save()
        except BriefingError as error:
            if error.code == "store.conflict":
                self._conflict(error)
                return
            self.error.setText(error_text(error))
            self.error.show()
            return
        self.terminology.notice()
        self.saved_entry.emit(before, self.saved)
        super().accept()

    def _fields(self) -> dict[str, str]:
        return {
            "ko": self.ko.text(),
            "en": self.en.text(),
            "note": self.note.text(),
            "ko_acronym": self.ko_acronym.text(),
            "en_acronym": self.en_acronym.text(),
        }

    def _save(self) -> Entry:
        if self.entry is None:
            return self.terminology.terminology.add_term(**self._fields(), to=self.store)
        store = self.store if self.store is not None else self.terminology.personal()
        return store.update(edited_entry(self.entry, **self._fields()))

    def _conflict(self, error: BriefingError) -> None:
        """Someone changed the entry since it was read: say who and when, keep what was typed in view, and offer
        to reload the entry as it is now (the form then shows theirs, to be edited again)."""
        mine = fill(self.tr("Your change: %1 → %2"), self.ko.text().strip(), self.en.text().strip())
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed by someone else"), error_text(error))
        box.setObjectName("termConflict")
        box.setTextFormat(Qt.TextFormat.PlainText)  # who changed it is whatever their author setting says
        box.setInformativeText(mine)
        box.setDetailedText("\n".join(f"{name}: {value}" for name, value in self._fields().items()))
        reload = box.addButton(self.tr("Reload the entry"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reload)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reload.clicked.connect(self.reload_entry)
        self.conflict_box = box
        box.open()

    def reload_entry(self) -> None:
        """The entry as its store holds it now, in the form (what was typed stays in the conflict's details)."""
        if self.entry is None or self.store is None:
            return
        try:
            fresh = self.store.get(self.entry.id)
        except BriefingError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        if fresh is None:
            self.error.setText(fill(self.tr("The entry %1 was deleted meanwhile."), self.entry.id))
            self.error.show()
            return
        self.entry = fresh
        row = entry_row(fresh)
        ko, en = fresh.preferred(Language.KO), fresh.preferred(Language.EN)
        self.ko.setText(row.ko)
        self.en.setText(row.en)
        self.ko_acronym.setText(ko.acronym if ko else "")
        self.en_acronym.setText(en.acronym if en else "")
        self.note.setText(fresh.note)
        self.error.setText(fill(self.tr("Reloaded: changed by %1."), fresh.changed_by or "?"))
        self.error.show()
        self.terminology.notice()

"""The meeting-card form: every field in both languages, delegations and people."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing import edits
from briefing.edits import Changes
from briefing.language.phrases import catalog
from briefing.model import Bilingual, Briefing, Delegation, Language, Person, Role
from briefing.rules import SERIES_CODE_MAX, SESSION_MAX
from ui.card_parts import DocumentPartsEditor
from ui.document import DocumentController
from ui.labels import mark_invalid
from ui.messages import refusal_text
from ui.qt import named
from ui.title_status import TitleStatus

PERSON_FIELDS = ("name", "title", "rank", "organisation")


# The card's translated texts by the key of their row, with their paths (briefing.model.CARD_TITLES).
CARD_PATHS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "series": ("meeting", "series", "name"),
    "time_zone": ("meeting", "time_zone_note"),
    "place": ("meeting", "place"),
    "marking": ("meeting", "marking"),
}


class BilingualField(QWidget):
    """Korean and English line edits side by side, and the translation status of the text."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.ko = named(QLineEdit(), f"{name}Ko")
        self.en = named(QLineEdit(), f"{name}En")
        self.status = named(TitleStatus(name), f"{name}Status")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ko)
        layout.addWidget(self.en)
        layout.addWidget(self.status)


class CardEditor(QWidget):
    def __init__(self, document: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._loading = False
        self.fields: dict[str, BilingualField] = {}
        form = QFormLayout()
        self.form = form
        self.labels: dict[str, QLabel] = {}
        for key in CARD_PATHS:
            self.fields[key] = BilingualField(key)
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], self.fields[key])
        self.code = named(QLineEdit(), "seriesCode")
        self.session = named(QSpinBox(), "session")
        self.session.setRange(0, SESSION_MAX)  # 0 shows as empty: no session number
        self.start = named(QLineEdit(), "startDate")
        self.end = named(QLineEdit(), "endDate")
        self.author = named(QLineEdit(), "author")
        for key, widget in (
            ("code", self.code),
            ("session", self.session),
            ("start", self.start),
            ("end", self.end),
            ("author", self.author),
        ):
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], widget)
        self.start.setPlaceholderText("2024-11-07")
        self.end.setPlaceholderText("2024-11-07")

        self.delegations = named(QTableWidget(0, 2), "delegations")
        # Three rows whole, whatever the font (a fixed 110 px showed one and a half rows of Korean at 1024×600).
        rows = 3 * self.delegations.verticalHeader().defaultSectionSize()
        chrome = self.delegations.horizontalHeader().sizeHint().height() + 2 * self.delegations.frameWidth() + 4
        self.delegations.setFixedHeight(rows + chrome)
        for column in range(2):  # both names share the width
            self.delegations.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.add_delegation_button = named(QPushButton(), "addDelegation")
        self.remove_delegation_button = named(QPushButton(), "removeDelegation")
        delegation_buttons = QHBoxLayout()
        delegation_buttons.addWidget(self.add_delegation_button)
        delegation_buttons.addWidget(self.remove_delegation_button)
        delegation_buttons.addStretch(1)
        self.people = named(QTableWidget(0, 2 + 2 * len(PERSON_FIELDS)), "people")
        self.people.setMinimumHeight(120)
        self.add_person_button = named(QPushButton(), "addPerson")
        self.remove_person_button = named(QPushButton(), "removePerson")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_person_button)
        buttons.addWidget(self.remove_person_button)
        buttons.addStretch(1)
        self.people_label = QLabel()
        self.parts = named(DocumentPartsEditor(lambda: self.document.briefing, self._apply), "documentPartsEditor")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.parts)
        layout.addWidget(self.people_label)
        layout.addWidget(self.delegations)
        layout.addLayout(delegation_buttons)
        layout.addWidget(self.people, 1)
        layout.addLayout(buttons)

        for key, field in self.fields.items():
            for language in ("ko", "en"):
                edit: QLineEdit = getattr(field, language)
                edit.textEdited.connect(
                    lambda text, key=key, language=language: self._bilingual_edited(key, language, text)
                )
            field.status.approve_requested.connect(
                lambda key=key: self._apply(edits.approve_title(CARD_PATHS[key]), self.fields[key].status)
            )
            field.status.review_requested.connect(
                lambda key=key: self._apply(edits.title_needs_review(CARD_PATHS[key]), self.fields[key].status)
            )
        self.code.setMaxLength(SERIES_CODE_MAX)
        self.code.textEdited.connect(
            lambda text: self._apply(edits.set_field(("meeting", "series", "code"), text), self.code)
        )
        self.session.valueChanged.connect(self._session_changed)
        self.start.editingFinished.connect(lambda: self._date_entered(self.start, "start_date"))
        self.end.editingFinished.connect(lambda: self._date_entered(self.end, "end_date"))
        self.author.textEdited.connect(lambda text: self._apply(edits.set_field(("author",), text), self.author))
        self.people.itemChanged.connect(self._person_edited)
        self.delegations.itemChanged.connect(self._delegation_edited)
        self.add_delegation_button.clicked.connect(self.add_delegation)
        self.remove_delegation_button.clicked.connect(self.remove_delegation)
        self.add_person_button.clicked.connect(self.add_person)
        self.remove_person_button.clicked.connect(self.remove_person)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        names = {
            "title": translate("CardEditor", "Title"),
            "series": translate("CardEditor", "Meeting (series)"),
            "time_zone": translate("CardEditor", "Time-zone note"),
            "place": translate("CardEditor", "Place"),
            "marking": translate("CardEditor", "Marking"),
            "code": translate("CardEditor", "Series code"),
            "session": translate("CardEditor", "Session"),
            "start": translate("CardEditor", "Start date"),
            "end": translate("CardEditor", "End date"),
            "author": translate("CardEditor", "Author"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        for field in self.fields.values():
            field.ko.setPlaceholderText(translate("CardEditor", "Korean"))
            field.en.setPlaceholderText(translate("CardEditor", "English"))
            field.status.retranslate()
        self.people_label.setText(translate("CardEditor", "Delegations and people"))
        self.add_person_button.setText(translate("CardEditor", "Add person"))
        self.remove_person_button.setText(translate("CardEditor", "Remove person"))
        headers = [translate("CardEditor", "Delegation"), translate("CardEditor", "Role")]
        for heading in (
            translate("CardEditor", "Name"),
            translate("CardEditor", "Job title"),
            translate("CardEditor", "Rank"),
            translate("CardEditor", "Organisation"),
        ):
            headers += [f"{heading} (한)", f"{heading} (EN)"]
        self.people.setHorizontalHeaderLabels(headers)
        self.delegations.setHorizontalHeaderLabels(
            [translate("CardEditor", "Delegation") + " (한)", translate("CardEditor", "Delegation") + " (EN)"]
        )
        self.add_delegation_button.setText(translate("CardEditor", "Add delegation"))
        self.remove_delegation_button.setText(translate("CardEditor", "Remove delegation"))
        self.parts.retranslate()

    # -- showing ---------------------------------------------------------------------------------
    def load(self) -> None:
        self._loading = True
        briefing = self.document.briefing
        card = briefing.meeting
        values = {
            "title": briefing.title,
            "series": card.series.name,
            "time_zone": card.time_zone_note,
            "place": card.place,
            "marking": card.marking,
        }
        for key, text in values.items():
            for language in ("ko", "en"):
                edit: QLineEdit = getattr(self.fields[key], language)
                if edit.text() != getattr(text, language):
                    edit.setText(getattr(text, language))
                    if not edit.hasFocus():
                        edit.setCursorPosition(0)  # show the beginning of a long title, not its end
        self._show_states()
        if self.code.text() != card.series.code:
            self.code.setText(card.series.code)
        self.session.setValue(card.session or 0)
        for edit, value in ((self.start, card.start_date), (self.end, card.end_date)):
            if not edit.hasFocus():
                edit.setText(value.isoformat() if value else "")
        if self.author.text() != briefing.author:
            self.author.setText(briefing.author)
        self._load_delegations(briefing)
        self._load_people(briefing)
        self.parts.load()
        self._loading = False

    def _show_states(self) -> None:
        """The translation status of each of the card's texts."""
        titles = {title.path: title for title in self.document.briefing.titles()}
        for key, path in CARD_PATHS.items():
            self.fields[key].status.show_state(titles[path].state, titles[path].text)

    def _load_delegations(self, briefing: Briefing) -> None:
        delegations = briefing.meeting.delegations
        self.delegations.blockSignals(True)
        self.delegations.setRowCount(len(delegations))
        for row, delegation in enumerate(delegations):
            self.delegations.setItem(row, 0, _cell(delegation.name.ko, key=delegation.id))
            self.delegations.setItem(row, 1, _cell(delegation.name.en))
        self.delegations.blockSignals(False)

    def _load_people(self, briefing: Briefing) -> None:
        rows = [(d, p) for d in briefing.meeting.delegations for p in d.members]
        self.people.blockSignals(True)
        self.people.setRowCount(len(rows))
        for row, (delegation, person) in enumerate(rows):
            self.people.setItem(row, 0, _cell(delegation.name.ko or delegation.name.en, editable=False, key=person.id))
            self.people.setItem(row, 1, _cell(person.role.value.replace("_", "-"), editable=False))
            for n, field in enumerate(PERSON_FIELDS):
                value: Bilingual = getattr(person, field)
                self.people.setItem(row, 2 + 2 * n, _cell(value.ko))
                self.people.setItem(row, 3 + 2 * n, _cell(value.en))
            role = QComboBox()
            role.addItem(QCoreApplication.translate("CardEditor", "co-chair"), Role.CO_CHAIR)
            role.addItem(QCoreApplication.translate("CardEditor", "participant"), Role.PARTICIPANT)
            role.setCurrentIndex(role.findData(person.role))
            role.currentIndexChanged.connect(
                lambda _, pid=person.id, box=role: self._role_chosen(pid, box.currentData())
            )
            self.people.setCellWidget(row, 1, role)
        self.people.blockSignals(False)
        self.people.resizeColumnsToContents()

    # -- editing ---------------------------------------------------------------------------------
    def _apply(self, edit: edits.Edit, widget: QWidget | None = None) -> bool:
        """Make an edit as this editor; a refusal marks the field with the reason instead."""
        if self._loading:
            return False
        refusal = self.document.try_apply(edit, initiator=self)
        if refusal is not None:
            if widget is not None:
                mark_invalid(widget, refusal_text(refusal))
            return False
        for marked in self._marked_fields():
            mark_invalid(marked, None)  # one good edit can mend another field (start and end dates)
        return True

    def _marked_fields(self) -> list[QWidget]:
        candidates: list[QWidget] = [self.code, self.start, self.end, self.session, self.author]
        candidates += [edit for field in self.fields.values() for edit in (field.ko, field.en)]
        candidates += [self.parts.start_time, self.parts.embargo, self.parts.report_date]
        candidates += [edit for pair in self.parts.lines.values() for edit in pair]
        return [widget for widget in candidates if widget.property("invalid")]

    def _bilingual_edited(self, key: str, language: str, text: str) -> None:
        self._apply(edits.set_field((*CARD_PATHS[key], language), text), getattr(self.fields[key], language))

    def _session_changed(self, value: int) -> None:
        if self.document.briefing.meeting.session != (value or None):
            self._apply(edits.set_field(("meeting", "session"), value or None), self.session)

    def _date_entered(self, edit: QLineEdit, attribute: str) -> None:
        text = edit.text().strip()
        try:
            value = date.fromisoformat(text) if text else None
        except ValueError:
            mark_invalid(edit, QCoreApplication.translate("CardEditor", "A date like 2024-11-07"))
            return
        if getattr(self.document.briefing.meeting, attribute) != value:
            self._apply(edits.set_field(("meeting", attribute), value), edit)
        else:
            mark_invalid(edit, None)

    def _person_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() < 2:
            return
        person_id = _row_key(self.people, cell.row())
        field = PERSON_FIELDS[(cell.column() - 2) // 2]
        language = Language.KO if cell.column() % 2 == 0 else Language.EN
        briefing = self.document.briefing
        self._apply(edits.set_person_field(person_id, field, language, cell.text(), briefing))

    def _role_chosen(self, person_id: str, role: str) -> None:
        self._apply(edits.set_person_field(person_id, "role", None, Role(role), self.document.briefing))

    def _delegation_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        delegation_id = _row_key(self.delegations, cell.row())
        language = "ko" if cell.column() == 0 else "en"
        self._apply(edits.set_field(("meeting", "delegations", delegation_id, "name", language), cell.text()))

    def add_delegation(self) -> None:
        names = Bilingual(ko=catalog(Language.KO).new_delegation, en=catalog(Language.EN).new_delegation)
        if self._apply(edits.add_delegation(Delegation(name=names))):
            self.load()

    def remove_delegation(self) -> None:
        row = self.delegations.currentRow()
        if row >= 0 and self._apply(edits.remove_delegation(_row_key(self.delegations, row))):
            self.load()

    def add_person(self) -> None:
        """A new person in the delegation selected above (or the last one; a first delegation if none)."""
        row = self.delegations.currentRow()
        chosen = _row_key(self.delegations, row) if row >= 0 else None
        delegations = self.document.briefing.meeting.delegations
        steps: list[edits.Edit] = []
        if not delegations:
            names = Bilingual(ko=catalog(Language.KO).delegation_label, en=catalog(Language.EN).delegation_label)
            first = Delegation(name=names)
            steps.append(edits.add_delegation(first))
            target_id = first.id
        else:
            target_id = next((d.id for d in delegations if d.id == chosen), delegations[-1].id)
        steps.append(edits.add_person(target_id, Person()))
        if self._apply(edits.Batch("edit.add_person", steps)):
            self.load()

    def remove_person(self) -> None:
        row = self.people.currentRow()
        if row < 0:
            return
        person_id = _row_key(self.people, row)
        delegation = next(
            (d for d in self.document.briefing.meeting.delegations if any(p.id == person_id for p in d.members)), None
        )
        if delegation is not None and self._apply(edits.remove_person(delegation.id, person_id)):
            self.load()

    def document_changed(self, changes: Changes) -> None:
        """Show card changes made elsewhere (undo, redo); typing here is on screen already."""
        if changes.card and changes.initiator is not self:
            self.load()
        elif changes.card:  # typed here: the texts are on screen, the statuses follow them
            self._show_states()


def _cell(text: str, editable: bool = True, key: str | None = None) -> QTableWidgetItem:
    """A table cell; the first cell of a row keeps the id of what the row shows (`key`)."""
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    return item


def _row_key(table: QTableWidget, row: int) -> str:
    """The id kept in the first cell of a row."""
    cell = table.item(row, 0)
    assert cell is not None, f"row {row} has no first cell"
    return str(cell.data(Qt.ItemDataRole.UserRole))

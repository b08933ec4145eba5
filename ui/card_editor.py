"""The meeting-card form: every field in both languages, delegations and people."""

from __future__ import annotations

from collections.abc import Callable
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

from briefing.model import Bilingual, Briefing, Delegation, Person, Role
from ui import commands
from ui.document import DocumentController

PERSON_FIELDS = ("name", "title", "rank", "organisation")


class BilingualField(QWidget):
    """Korean and English line edits side by side."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.ko = QLineEdit(objectName=f"{name}Ko")
        self.en = QLineEdit(objectName=f"{name}En")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ko)
        layout.addWidget(self.en)


class CardEditor(QWidget):
    def __init__(self, document: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._loading = False
        self.fields: dict[str, BilingualField] = {}
        form = QFormLayout()
        self.form = form
        self.labels: dict[str, QLabel] = {}
        for key in ("title", "series", "time_zone", "place", "marking"):
            self.fields[key] = BilingualField(key)
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], self.fields[key])
        self.code = QLineEdit(objectName="seriesCode")
        self.session = QSpinBox(objectName="session")
        self.session.setRange(0, 100000)
        self.start = QLineEdit(objectName="startDate")
        self.end = QLineEdit(objectName="endDate")
        self.author = QLineEdit(objectName="author")
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

        self.delegations = QTableWidget(0, 2, objectName="delegations")
        self.delegations.setMaximumHeight(110)
        for column in range(2):  # both names share the width
            self.delegations.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.add_delegation_button = QPushButton(objectName="addDelegation")
        self.remove_delegation_button = QPushButton(objectName="removeDelegation")
        delegation_buttons = QHBoxLayout()
        delegation_buttons.addWidget(self.add_delegation_button)
        delegation_buttons.addWidget(self.remove_delegation_button)
        delegation_buttons.addStretch(1)
        self.people = QTableWidget(0, 2 + 2 * len(PERSON_FIELDS), objectName="people")
        self.people.setMinimumHeight(120)
        self.add_person_button = QPushButton(objectName="addPerson")
        self.remove_person_button = QPushButton(objectName="removePerson")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_person_button)
        buttons.addWidget(self.remove_person_button)
        buttons.addStretch(1)
        self.people_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
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
        self.code.textEdited.connect(lambda text: self._edit("code", lambda b: setattr(b.meeting.series, "code", text)))
        self.session.valueChanged.connect(self._session_changed)
        self.start.editingFinished.connect(lambda: self._date_entered(self.start, "start_date"))
        self.end.editingFinished.connect(lambda: self._date_entered(self.end, "end_date"))
        self.author.textEdited.connect(lambda text: self._edit("author", lambda b: setattr(b, "author", text)))
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
        self.people_label.setText(translate("CardEditor", "Delegations and people"))
        self.add_person_button.setText(translate("CardEditor", "Add person"))
        self.remove_person_button.setText(translate("CardEditor", "Remove person"))
        headers = [translate("CardEditor", "Delegation"), translate("CardEditor", "Role")]
        for field in (
            translate("CardEditor", "Name"),
            translate("CardEditor", "Title"),
            translate("CardEditor", "Rank"),
            translate("CardEditor", "Organisation"),
        ):
            headers += [f"{field} (한)", f"{field} (EN)"]
        self.people.setHorizontalHeaderLabels(headers)
        self.delegations.setHorizontalHeaderLabels(
            [translate("CardEditor", "Delegation") + " (한)", translate("CardEditor", "Delegation") + " (EN)"]
        )
        self.add_delegation_button.setText(translate("CardEditor", "Add delegation"))
        self.remove_delegation_button.setText(translate("CardEditor", "Remove delegation"))

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
        self._loading = False

    def _load_delegations(self, briefing: Briefing) -> None:
        delegations = briefing.meeting.delegations
        self.delegations.blockSignals(True)
        self.delegations.setRowCount(len(delegations))
        for row, delegation in enumerate(delegations):
            self.delegations.setItem(row, 0, _cell(delegation.name.ko))
            self.delegations.setItem(row, 1, _cell(delegation.name.en))
            self.delegations.item(row, 0).setData(Qt.ItemDataRole.UserRole, delegation.id)
        self.delegations.blockSignals(False)

    def _delegation_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        delegation_id = self.delegations.item(cell.row(), 0).data(Qt.ItemDataRole.UserRole)
        language = "ko" if cell.column() == 0 else "en"
        text = cell.text()

        def change(briefing: Briefing) -> None:
            delegation = next(d for d in briefing.meeting.delegations if d.id == delegation_id)
            setattr(delegation.name, language, text)

        self._edit(f"delegation:{delegation_id}:{language}", change)

    def add_delegation(self) -> None:
        self._edit(
            "add-delegation",
            lambda b: b.meeting.delegations.append(Delegation(name=Bilingual(ko="새 대표단", en="New delegation"))),
            merge=False,
        )

    def remove_delegation(self) -> None:
        row = self.delegations.currentRow()
        if row < 0:
            return
        delegation_id = self.delegations.item(row, 0).data(Qt.ItemDataRole.UserRole)

        def change(briefing: Briefing) -> None:
            briefing.meeting.delegations = [d for d in briefing.meeting.delegations if d.id != delegation_id]

        self._edit("remove-delegation", change, merge=False)

    def _load_people(self, briefing: Briefing) -> None:
        rows = [(d, p) for d in briefing.meeting.delegations for p in d.members]
        self.people.blockSignals(True)
        self.people.setRowCount(len(rows))
        for row, (delegation, person) in enumerate(rows):
            self.people.setItem(row, 0, _cell(delegation.name.ko or delegation.name.en, editable=False))
            self.people.setItem(row, 1, _cell(person.role.value.replace("_", "-"), editable=False))
            for n, field in enumerate(PERSON_FIELDS):
                value: Bilingual = getattr(person, field)
                self.people.setItem(row, 2 + 2 * n, _cell(value.ko))
                self.people.setItem(row, 3 + 2 * n, _cell(value.en))
            self.people.item(row, 0).setData(Qt.ItemDataRole.UserRole, person.id)
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
    def _edit(self, key: str, change: Callable[[Briefing], None], merge: bool = True) -> None:
        """One edit of the card; typing in the same field merges into one undo step."""
        if self._loading:
            return
        briefing = self.document.briefing
        text = QCoreApplication.translate("CardEditor", "Edit meeting card")
        key = f"card:{key}" if merge else ""
        self.document.push(commands.BriefingEdit(self.document, text, lambda: change(briefing), merge_key=key))

    def _bilingual_edited(self, key: str, language: str, text: str) -> None:
        def change(briefing: Briefing) -> None:
            card = briefing.meeting
            target = {
                "title": briefing.title,
                "series": card.series.name,
                "time_zone": card.time_zone_note,
                "place": card.place,
                "marking": card.marking,
            }[key]
            setattr(target, language, text)

        self._edit(f"{key}:{language}", change)

    def _session_changed(self, value: int) -> None:
        if self.document.briefing.meeting.session != (value or None):
            self._edit("session", lambda b: setattr(b.meeting, "session", value or None))

    def _date_entered(self, edit: QLineEdit, attribute: str) -> None:
        text = edit.text().strip()
        try:
            value = date.fromisoformat(text) if text else None
        except ValueError:
            edit.setStyleSheet("background:#fde2e2")
            edit.setToolTip(QCoreApplication.translate("CardEditor", "A date like 2024-11-07"))
            return
        edit.setStyleSheet("")
        if getattr(self.document.briefing.meeting, attribute) != value:
            self._edit(attribute, lambda b: setattr(b.meeting, attribute, value))

    def _person(self, briefing: Briefing, person_id: str) -> Person:
        return next(p for d in briefing.meeting.delegations for p in d.members if p.id == person_id)

    def _person_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() < 2:
            return
        person_id = self.people.item(cell.row(), 0).data(Qt.ItemDataRole.UserRole)
        field = PERSON_FIELDS[(cell.column() - 2) // 2]
        language = "ko" if cell.column() % 2 == 0 else "en"
        text = cell.text()
        self._edit(
            f"person:{person_id}:{field}:{language}",
            lambda b: setattr(getattr(self._person(b, person_id), field), language, text),
        )

    def _role_chosen(self, person_id: str, role: Role) -> None:
        self._edit(f"role:{person_id}", lambda b: setattr(self._person(b, person_id), "role", role))

    def add_person(self) -> None:
        """A new person in the delegation selected above (or the last one)."""
        row = self.delegations.currentRow()
        chosen = self.delegations.item(row, 0).data(Qt.ItemDataRole.UserRole) if row >= 0 else None

        def change(briefing: Briefing) -> None:
            delegations = briefing.meeting.delegations
            if not delegations:
                delegations.append(Delegation(name=Bilingual(ko="대표단", en="Delegation")))
            target = next((d for d in delegations if d.id == chosen), delegations[-1])
            target.members.append(Person())

        self._edit("add-person", change, merge=False)

    def remove_person(self) -> None:
        row = self.people.currentRow()
        if row < 0:
            return
        person_id = self.people.item(row, 0).data(Qt.ItemDataRole.UserRole)

        def change(briefing: Briefing) -> None:
            for delegation in briefing.meeting.delegations:
                delegation.members = [p for p in delegation.members if p.id != person_id]

        self._edit("remove-person", change, merge=False)


def _cell(text: str, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item

"""The meeting card's fields for the standard parts of the documents: start time, release (embargo, clock,
issuer), report date/office/author, contacts and attachments. Folded away under the card by default, so that the
card editor keeps its height on a small screen; every change is an edit (one undo step, typing merges)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing import edits
from briefing.model import Attachment, Bilingual, Briefing, Contact
from briefing.rules import PART_TEXT_MAX, card_warnings
from ui.labels import mark_invalid
from ui.messages import problem_text
from ui.qt import named

Apply = Callable[[edits.Edit, QWidget | None], bool]

# The bilingual one-line fields of this group: key → path of the field in the briefing.
LINE_FIELDS: dict[str, tuple[str, ...]] = {
    "zone": ("meeting", "release", "zone"),
    "issuer": ("meeting", "release", "issuer"),
    "reportOffice": ("meeting", "report", "office"),
    "reportAuthor": ("meeting", "report", "author"),
}
CONTACT_COLUMNS = (("office", "ko"), ("office", "en"), ("name", "ko"), ("name", "en"), ("phone", None), ("email", None))
ATTACHMENT_COLUMNS = (("title", "ko"), ("title", "en"))


class DocumentPartsEditor(QWidget):
    """A fold-out group: a toggle button and, under it, the fields (hidden until the toggle opens them)."""

    def __init__(self, briefing: Callable[[], Briefing], apply: Apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.briefing, self.apply = briefing, apply
        self._loading = False
        self.toggle = named(QToolButton(), "documentPartsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.body = named(QWidget(), "documentParts")
        self.body.setVisible(False)
        self.toggle.toggled.connect(self._fold)

        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.start_time = named(QLineEdit(), "startTime")
        self.start_time.setPlaceholderText("14:00")
        self.embargo = named(QLineEdit(), "embargo")
        self.embargo.setPlaceholderText("2024-11-08 06:00")
        self.report_date = named(QLineEdit(), "reportDate")
        self.report_date.setPlaceholderText("2024-11-08")
        self.lines: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for key in ("startTime", "embargo", "zone", "issuer", "reportDate", "reportOffice", "reportAuthor"):
            self.labels[key] = QLabel()
            if key in LINE_FIELDS:
                ko, en = named(QLineEdit(), f"{key}Ko"), named(QLineEdit(), f"{key}En")
                for edit in (ko, en):
                    edit.setMaxLength(PART_TEXT_MAX)
                self.lines[key] = (ko, en)
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(ko)
                row.addWidget(en)
                form.addRow(self.labels[key], row)
            else:
                form.addRow(
                    self.labels[key], {"startTime": self.start_time, "embargo": self.embargo}.get(key, self.report_date)
                )

        self.contacts = named(QTableWidget(0, len(CONTACT_COLUMNS)), "contacts")
        self.contacts.setMaximumHeight(110)
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_contact_button = named(QPushButton(), "addContact")
        self.remove_contact_button = named(QPushButton(), "removeContact")
        self.attachments = named(QTableWidget(0, len(ATTACHMENT_COLUMNS)), "attachments")
        self.attachments.setMaximumHeight(90)
        self.attachments.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_attachment_button = named(QPushButton(), "addAttachment")
        self.remove_attachment_button = named(QPushButton(), "removeAttachment")
        self.contacts_label, self.attachments_label = QLabel(), QLabel()
        self.warnings = named(QLabel(), "cardWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #a05a00")

        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        for label, table, add, remove in (
            (self.contacts_label, self.contacts, self.add_contact_button, self.remove_contact_button),
            (self.attachments_label, self.attachments, self.add_attachment_button, self.remove_attachment_button),
        ):
            buttons = QHBoxLayout()
            buttons.addWidget(label)
            buttons.addStretch(1)
            buttons.addWidget(add)
            buttons.addWidget(remove)
            inner.addLayout(buttons)
            inner.addWidget(table)
        inner.addWidget(self.warnings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

        for key, (ko, en) in self.lines.items():
            ko.textEdited.connect(lambda text, key=key: self._line_edited(key, "ko", text))
            en.textEdited.connect(lambda text, key=key: self._line_edited(key, "en", text))
        self.start_time.editingFinished.connect(self._start_time_entered)
        self.embargo.editingFinished.connect(self._embargo_entered)
        self.report_date.editingFinished.connect(self._report_date_entered)
        self.contacts.itemChanged.connect(self._contact_edited)
        self.attachments.itemChanged.connect(self._attachment_edited)
        self.add_contact_button.clicked.connect(self.add_contact)
        self.remove_contact_button.clicked.connect(self.remove_contact)
        self.add_attachment_button.clicked.connect(self.add_attachment)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        self.retranslate()

    def _fold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.toggle.setText(translate("CardEditor", "Document parts (release, contacts, report, attachments)"))
        names = {
            "startTime": translate("CardEditor", "Start time"),
            "embargo": translate("CardEditor", "Embargo (empty: release at once)"),
            "zone": translate("CardEditor", "Embargo clock"),
            "issuer": translate("CardEditor", "Issued by"),
            "reportDate": translate("CardEditor", "Report date"),
            "reportOffice": translate("CardEditor", "Reporting office"),
            "reportAuthor": translate("CardEditor", "Reported by"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        for ko, en in self.lines.values():
            ko.setPlaceholderText(translate("CardEditor", "Korean"))
            en.setPlaceholderText(translate("CardEditor", "English"))
        self.contacts_label.setText(translate("CardEditor", "Contacts"))
        self.attachments_label.setText(translate("CardEditor", "Attachments"))
        office, person = translate("CardEditor", "Office"), translate("CardEditor", "Person")
        self.contacts.setHorizontalHeaderLabels(
            [
                f"{office} (한)",
                f"{office} (EN)",
                f"{person} (한)",
                f"{person} (EN)",
                translate("CardEditor", "Phone"),
                translate("CardEditor", "E-mail"),
            ]
        )
        title = translate("CardEditor", "Attachment")
        self.attachments.setHorizontalHeaderLabels([f"{title} (한)", f"{title} (EN)"])
        self.add_contact_button.setText(translate("CardEditor", "Add contact"))
        self.remove_contact_button.setText(translate("CardEditor", "Remove contact"))
        self.add_attachment_button.setText(translate("CardEditor", "Add attachment"))
        self.remove_attachment_button.setText(translate("CardEditor", "Remove attachment"))

    # -- showing ---------------------------------------------------------------------------------
    def load(self) -> None:
        self._loading = True
        card = self.briefing().meeting
        values = {
            "zone": card.release.zone,
            "issuer": card.release.issuer,
            "reportOffice": card.report.office,
            "reportAuthor": card.report.author,
        }
        for key, text in values.items():
            for edit, value in zip(self.lines[key], (text.ko, text.en), strict=True):
                if edit.text() != value:
                    edit.setText(value)
        for edit, shown in (
            (self.start_time, card.start_time.strftime("%H:%M") if card.start_time else ""),
            (self.embargo, card.release.embargo.strftime("%Y-%m-%d %H:%M") if card.release.embargo else ""),
            (self.report_date, card.report.dated.isoformat() if card.report.dated else ""),
        ):
            if not edit.hasFocus():
                edit.setText(shown)
        _fill(self.contacts, [(c.id, [_value(c, column) for column in CONTACT_COLUMNS]) for c in card.contacts])
        _fill(self.attachments, [(a.id, [a.title.ko, a.title.en]) for a in card.attachments])
        self._show_warnings()
        self._loading = False

    def _show_warnings(self) -> None:
        found = card_warnings(self.briefing().meeting)
        self.warnings.setText("\n".join(problem_text(problem) for problem in found))
        self.warnings.setVisible(bool(found))

    # -- editing ---------------------------------------------------------------------------------
    def _edit(self, edit: edits.Edit, widget: QWidget | None = None) -> bool:
        if self._loading:
            return False
        done = self.apply(edit, widget)
        self._show_warnings()
        return done

    def _line_edited(self, key: str, language: str, text: str) -> None:
        ko, en = self.lines[key]
        self._edit(edits.set_field((*LINE_FIELDS[key], language), text), ko if language == "ko" else en)

    def _entered(self, edit: QLineEdit, parse: Callable[[str], object], path: tuple[str, ...], hint: str) -> None:
        text = edit.text().strip()
        try:
            value = parse(text) if text else None
        except ValueError:
            mark_invalid(edit, hint)
            return
        owner: object = self.briefing()
        for step in path:
            owner = getattr(owner, step)
        if owner != value:
            self._edit(edits.set_field(path, value), edit)
        else:
            mark_invalid(edit, None)

    def _start_time_entered(self) -> None:
        hint = QCoreApplication.translate("CardEditor", "A time like 14:00")
        self._entered(self.start_time, _parse_time, ("meeting", "start_time"), hint)

    def _embargo_entered(self) -> None:
        hint = QCoreApplication.translate("CardEditor", "A date and time like 2024-11-08 06:00, or empty")
        self._entered(self.embargo, _parse_moment, ("meeting", "release", "embargo"), hint)

    def _report_date_entered(self) -> None:
        hint = QCoreApplication.translate("CardEditor", "A date like 2024-11-07")
        self._entered(self.report_date, _parse_date, ("meeting", "report", "dated"), hint)

    def _contact_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        contact_id = _row_key(self.contacts, cell.row())
        name, language = CONTACT_COLUMNS[cell.column()]
        path = ("meeting", "contacts", contact_id, name) + ((language,) if language else ())
        if not self._edit(edits.set_field(path, cell.text())):
            self.load()  # show what the card holds, not the refused text

    def _attachment_edited(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        attachment_id = _row_key(self.attachments, cell.row())
        language = ATTACHMENT_COLUMNS[cell.column()][1]
        assert language is not None
        if not self._edit(edits.set_field(("meeting", "attachments", attachment_id, "title", language), cell.text())):
            self.load()

    def add_contact(self) -> None:
        if self._edit(edits.add_contact(Contact())):
            self.load()

    def remove_contact(self) -> None:
        row = self.contacts.currentRow()
        if row >= 0 and self._edit(edits.remove_contact(_row_key(self.contacts, row))):
            self.load()

    def add_attachment(self) -> None:
        if self._edit(edits.add_attachment(Attachment(title=Bilingual()))):
            self.load()

    def remove_attachment(self) -> None:
        row = self.attachments.currentRow()
        if row >= 0 and self._edit(edits.remove_attachment(_row_key(self.attachments, row))):
            self.load()


def _parse_time(text: str) -> time:
    value = time.fromisoformat(text)
    if value.second or value.microsecond or value.tzinfo is not None:
        raise ValueError(text)
    return value


def _parse_moment(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace(" ", "T", 1))
    if value.second or value.microsecond or value.tzinfo is not None:
        raise ValueError(text)
    return value


def _parse_date(text: str) -> date:
    return date.fromisoformat(text)


def _value(contact: Contact, column: tuple[str, str | None]) -> str:
    name, language = column
    value = getattr(contact, name)
    return str(getattr(value, language)) if language else str(value)


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Rows of editable cells; the first cell of each keeps the id of its element."""
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for row, (key, values) in enumerate(rows):
        for column, value in enumerate(values):
            cell = QTableWidgetItem(value)
            if column == 0:
                cell.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(row, column, cell)
    table.blockSignals(False)


def _row_key(table: QTableWidget, row: int) -> str:
    cell = table.item(row, 0)
    assert cell is not None, f"row {row} has no first cell"
    return str(cell.data(Qt.ItemDataRole.UserRole))

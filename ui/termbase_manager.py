"""The termbase manager: look through any termbase in force (search, a table of its entries), change the
personal one or the office store's (add, edit, delete after a question; each change one undo step), import
TBX/CSV/TSV glossaries into them and export any of them. The store is chosen explicitly: edits go to the one
chosen, never by an entry's id (a migrated entry keeps its id in both). The office store shows its address
(without password) and whether it answers or the local copy is being worked from; a role that may only read
gets its buttons disabled, saying why. Shipped, file-based office and the briefing's own termbases are read-only."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.messages import BriefingError
from briefing.terms import exchange
from briefing.terms.assist import EntryRow, entry_row
from briefing.terms.model import Entry
from briefing.terms.stack import PERSONAL
from briefing.terms.store import TermStore
from ui.labels import fill
from ui.messages import error_text
from ui.messages import text as message_text
from ui.qt import named
from ui.tasks import Progress, Runner
from ui.term_dialog import TermDialog
from ui.term_undo import TermChange
from ui.terminology import OFFICE, TerminologyController
from ui.terms_highlighter import term_colour, termbase_name

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's briefing.terms.model.Entry
KO, EN, ACRONYMS, FORBIDDEN, NOTE, VERIFIED, TERMBASE = range(7)
GLOSSARY_FILTER = "*.tbx *.csv *.tsv *.txt *.utf8"


class EntriesModel(QAbstractTableModel):
    """A termbase's entries, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._rows: list[EntryRow] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._rows = [entry_row(entry) for entry in self.entries]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Korean"),
            self.tr("English"),
            self.tr("Acronyms"),
            self.tr("Forbidden"),
            self.tr("Note"),
            self.tr("Verified"),
            self.tr("Termbase"),
        )
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = (
                row.ko,
                row.en,
                row.acronyms,
                row.forbidden,
                row.note,
                self.tr("yes") if row.verified else self.tr("no"),
                termbase_name(row.termbase),
            )
            return cells[index.column()] if 0 <= index.column() < len(cells) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == FORBIDDEN:
                return term_colour(True, True)
            return term_colour(False, row.verified)
        if role == ENTRY_ROLE:
            return self.entries[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TermbaseManager(QDialog):
    imported = Signal(object)  # the exchange.ImportReport
    import_failed = Signal(str)  # the worded error

    def __init__(self, parent: QWidget | None, terminology: TerminologyController, runner: Runner) -> None:
        super().__init__(parent)
        self.setObjectName("termbaseManager")
        self.terminology, self.runner = terminology, runner
        self.message_box: QMessageBox | None = None  # the last question or report shown (tests answer it)
        self.chooser = named(QComboBox(), "termbaseChoice")
        # a long office address is cut short in the box (whole in the line below it), leaving room for the search
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(36)
        self.search = named(QLineEdit(), "termSearch")
        self.search.setClearButtonEnabled(True)
        self.model = EntriesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = named(QTableView(), "termEntries")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the termbase's order
        self.table.setSortingEnabled(True)  # until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 230, 80, 160, 0, 70, 110)):  # the note (4) takes what is left
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.count = named(QLabel(), "termCount")
        self.office_status = named(QLabel(), "officeStatus")
        self.office_status.setWordWrap(True)
        self.office_status.setTextFormat(Qt.TextFormat.PlainText)  # an address or role is never markup
        self.office_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_stack = QUndoStack(self)
        self.undo_button = named(QPushButton(), "undoTermChange")
        self.redo_button = named(QPushButton(), "redoTermChange")
        self.add_button = named(QPushButton(), "addEntry")
        self.edit_button = named(QPushButton(), "editEntry")
        self.delete_button = named(QPushButton(), "deleteEntry")
        self.import_button = named(QPushButton(), "importTerms")
        self.export_button = named(QPushButton(), "exportTerms")
        self.chooser_label, self.search_label = QLabel(), QLabel()
        top = QHBoxLayout()
        for widget in (self.chooser_label, self.chooser, self.search_label):
            top.addWidget(widget)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button, self.redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.office_status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.chooser.currentIndexChanged.connect(lambda _index: self.reload())
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        terminology.changed.connect(self.reload)
        self.resize(900, 560)
        self._fill_chooser()
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Terminology"))
        self.chooser_label.setText(self.tr("Termbase:"))
        self.search_label.setText(self.tr("Search:"))
        self.search.setPlaceholderText(self.tr("Korean, English, acronym or note"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        for row in range(self.chooser.count()):
            self.chooser.setItemText(row, self._choice_text(str(self.chooser.itemData(row))))
        self._show_count()

    def _choice_text(self, name: str) -> str:
        shown = termbase_name(name)
        office = self.terminology.office() if name == OFFICE else None
        if office is not None:
            where = office.address
            shown = (
                fill(self.tr("Office store: %1 (local copy)"), where)
                if office.local_copy
                else fill(self.tr("Office store: %1"), where)
            )
        elif name == PERSONAL:
            shown = self.tr("Personal (this computer)")
        return shown if not self.terminology.read_only(name) else fill(self.tr("%1 (read-only)"), shown)

    def _show_office(self) -> None:
        """Under the choice of the office store: where it is, whether it answers, and why editing is off."""
        office = self.terminology.office() if self.termbase == OFFICE else None
        self.office_status.setVisible(office is not None)
        if office is None:
            return
        if office.reachable:
            text = fill(self.tr("Connected to %1 as %2."), office.address, office.user)
            if office.read_only:
                text += " " + fill(self.tr("Editing is off: the role %1 may only read this termbase."), office.user)
            else:
                text += " " + self.tr("Changes are saved there at once; a change someone made meanwhile is a conflict.")
        elif office.local_copy:
            synced = office.synced_at[:16].replace("T", " ") + " UTC" if office.synced_at else self.tr("never")
            text = fill(
                self.tr(
                    "%1 cannot be reached: working from the local copy made %2. %3 changes wait to be sent by "
                    "“briefing-studio store sync”."
                ),
                office.address,
                synced,
                office.pending,
            )
            if office.read_only:
                text += " " + self.tr("Editing is off: your role may only read the office termbase.")
        else:
            text = fill(self.tr("%1 cannot be reached and there is no local copy to work from."), office.address)
        self.office_status.setText(text)

    def _fill_chooser(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for name in self.terminology.names():
            self.chooser.addItem(self._choice_text(name), name)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(PERSONAL)))
        self.chooser.blockSignals(False)
        self.reload()

    @property
    def termbase(self) -> str:
        return str(self.chooser.currentData())

    def choose(self, name: str) -> None:
        self.chooser.setCurrentIndex(self.chooser.findData(name))

    @property
    def read_only(self) -> bool:
        return self.terminology.read_only(self.termbase)

    def reload(self) -> None:
        """The chosen termbase's entries again (after a change here or elsewhere)."""
        try:
            entries = self.terminology.entries(self.termbase)
        except BriefingError as error:
            entries = []
            self._report(QMessageBox.Icon.Warning, error_text(error))
        self.model.set_entries(entries)
        self._show_count()
        self._show_office()
        self._update_buttons()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(fill(self.tr("%1 of %2 entries"), self.proxy.rowCount(), self.model.rowCount()))

    def _update_buttons(self) -> None:
        writable = not self.read_only
        selected = self.selected() is not None
        self.add_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected)
        self.delete_button.setEnabled(writable and selected)

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, Entry) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # -- changing the personal termbase -------------------------------------------------------------
    def add_entry(self) -> TermDialog | None:
        return self._open_form(None)

    def edit_selected(self) -> TermDialog | None:
        entry = self.selected()
        return self._open_form(entry) if entry is not None else None

    def _open_form(self, entry: Entry | None) -> TermDialog | None:
        if self.read_only:
            return None
        try:
            store = self.terminology.store(self.termbase)
        except BriefingError as error:
            self._report(QMessageBox.Icon.Warning, error_text(error))
            return None
        if store is None:
            return None
        form = TermDialog(self, self.terminology, entry=entry, store=store)
        form.saved_entry.connect(lambda before, after: self._done(store, before, after))
        form.open()
        self.form = form
        return form

    def _done(self, store: TermStore, before: Entry | None, after: Entry | None) -> None:
        """A change made: one undo step."""
        self.undo_stack.push(TermChange(store, before, after, self._undo_failed, self.terminology.notice))

    def _undo_failed(self, error: BriefingError) -> None:
        self._report(QMessageBox.Icon.Warning, fill(self.tr("This could not be undone.\n%1"), error_text(error)))

    def delete_selected(self) -> QMessageBox | None:
        """Ask, then delete the selected entry from the chosen store's termbase."""
        entry = self.selected()
        if entry is None or self.read_only:
            return None
        row = entry_row(entry)
        question = (
            self.tr("Delete the entry “%1 — %2” from the office termbase, for everyone?")
            if self.termbase == OFFICE
            else self.tr("Delete the entry “%1 — %2” from your personal termbase?")
        )
        box = self._box(
            QMessageBox.Icon.Question,
            fill(question, row.ko, row.en),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self._delete(entry))
        box.open()
        return box

    def _delete(self, entry: Entry) -> None:
        try:
            store = self.terminology.store(self.termbase)
            if store is None:
                return
            store.remove(entry.id)
        except BriefingError as error:
            self._report(QMessageBox.Icon.Warning, error_text(error))
        else:
            self._done(store, entry, None)
        self.terminology.notice()

    # -- files -----------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a glossary"), "", fill(self.tr("Glossaries (%1)"), GLOSSARY_FILTER)
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read the glossary in the background, then store all its entries in the personal termbase at once
        (or none: a bad file changes nothing)."""
        if self.read_only:
            return

        def work(_progress: Progress, _cancel: threading.Event) -> list[tuple[Entry, str]]:
            return exchange.read_file(path)

        self.runner(self, self.tr("Reading the glossary…"), work, self._store_import, self._import_failed)

    def _store_import(self, found: list[tuple[Entry, str]]) -> None:
        try:
            store = self.terminology.store(self.termbase)
            if store is None:
                return
            report = exchange.import_entries(store, found)
        except BriefingError as error:
            self._import_failed(error)
            return
        self.terminology.notice()
        text = fill(
            self.tr("Added %1 entries, updated %2, skipped %3."), report.added, report.updated, len(report.skipped)
        )
        details = [f"{skip.where}: {message_text(skip.reason.code, skip.reason.params)}" for skip in report.skipped]
        box = self._report(QMessageBox.Icon.Information, text)
        box.setDetailedText("\n".join(details[:200]))
        self.imported.emit(report)

    def _import_failed(self, error: BaseException) -> None:
        text = error_text(error)
        self._report(QMessageBox.Icon.Warning, fill(self.tr("Nothing was imported.\n%1"), text))
        self.import_failed.emit(text)

    def choose_export(self) -> None:
        name = self.termbase
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the termbase"), f"{name}.tbx", fill(self.tr("Glossaries (%1)"), GLOSSARY_FILTER)
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the chosen termbase (all its entries, whatever the search shows) to a TBX/CSV/TSV file."""
        try:
            count = exchange.export_file(self.model.entries, path, title=termbase_name(self.termbase))
        except BriefingError as error:
            self._report(QMessageBox.Icon.Warning, error_text(error))
            return False
        self._report(QMessageBox.Icon.Information, fill(self.tr("Exported %1 entries to %2"), count, str(path)))
        return True

    # -- boxes ---------------------------------------------------------------------------------------
    def _box(self, icon: QMessageBox.Icon, text: str, buttons: QMessageBox.StandardButton) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Terminology"), text, buttons, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        return box

    def _report(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = self._box(icon, text, QMessageBox.StandardButton.Ok)
        box.open()
        return box

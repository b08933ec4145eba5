"""The review grid: every item as a row (number, section, type, Korean, English, status, QA, comments), filters
that combine, sorting by any column, both texts editable in place, and the reviewer's keys.

What is shown, in which order, what "needing attention" means and what a bulk approval does are decided by the
core (briefing/review.py); the table is ui/review_model.py. Every change goes through the document's undo stack
as the editors' do. Keys (the window's actions call these): Ctrl+Enter approves the current row and goes to the
next item needing attention; Ctrl+Shift+R flags it with a reason; F8 / Shift+F8 go to the next / previous item
needing attention; Enter opens the item in the composer (Esc comes back); F2 or a double click edits a text in
place (Enter keeps it, Shift+Enter starts a new line, Esc drops it).
"""

from __future__ import annotations

import getpass
from datetime import UTC, date, datetime, time

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing import edits
from briefing import settings as config
from briefing.edits import Changes
from briefing.messages import BriefingError
from briefing.model import ItemType, Language, TargetStatus
from briefing.review import (
    COLUMNS,
    Column,
    QaLevel,
    ReviewFilter,
    bulk_approve,
    needs_attention,
    next_needing_attention,
    progress,
)
from briefing.safeguards import approval_question, needs_approval_question
from ui import asking
from ui.document import DocumentController
from ui.labels import fill, status_text, type_names
from ui.messages import text as message_text
from ui.qt import named
from ui.review_model import ReviewModel

FILTER_DELAY_MS = 150  # the text filter follows typing at this pace
EDITOR_LINES = 6  # the in-place editor's height in lines (the cell shows three)
ModelIndex = QModelIndex | QPersistentModelIndex


def reviewer() -> str:
    """Who approves and flags: the author set in Settings, else the account's name (as the editors do)."""
    return config.current().author or getpass.getuser()


class TextDelegate(QStyledItemDelegate):
    """Multi-line in-place editing of a text cell: Enter keeps the text, Shift+Enter starts a new line, Esc
    drops the change; Ctrl+Enter is left to the window (approve and go on), which keeps the text first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QPlainTextEdit | None = None  # the open editor, if any

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        editor = named(QPlainTextEdit(parent), "gridEditor")
        editor.setTabChangesFocus(True)
        self.editor = editor
        editor.destroyed.connect(lambda *_: self._forget(editor))
        return editor

    def _forget(self, editor: QObject) -> None:
        if self.editor is editor:
            self.editor = None

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect = QRect(option.rect)
        rect.setHeight(max(rect.height(), editor.fontMetrics().lineSpacing() * EDITOR_LINES + 10))
        editor.setGeometry(rect)

    def commit_open(self) -> None:
        """Keep the text of the open editor and close it (before an approval, say)."""
        editor = self.editor
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QPlainTextEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                watched.insertPlainText("\n")  # a plain line break (Qt's own would be U+2028)
                return True
            if modifiers == Qt.KeyboardModifier.NoModifier:
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)


class FlagDialog(QDialog):
    """Asks why the item should be looked at again; OK flags it."""

    reason_given = Signal(str)

    def __init__(self, parent: QWidget, number: str) -> None:
        super().__init__(parent)
        self.setObjectName("flagDialog")
        self.setWindowTitle(self.tr("Flag for review"))
        self.reason = named(QLineEdit(), "flagReason")
        self.reason.setPlaceholderText(self.tr("What should be checked?"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(fill(self.tr("Why should item %1 be looked at again?"), number)))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        if not self.reason.text().strip():
            return
        self.reason_given.emit(self.reason.text().strip())
        super().accept()


class ReviewGrid(QWidget):
    open_requested = Signal(str)  # Enter on a row: show the item in the composer
    current_changed = Signal()  # another row is current (the window updates its actions)
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(self, document: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.ask_approval = asking.ask_approval  # the question before approving a changed source (tests may answer)
        self.model = ReviewModel(self, on_edit=self._edit_text)
        self._committing = False  # an in-place edit is being kept: refresh after the editor closed
        self._stale = False  # changes came while hidden: refresh when shown
        self._pending: set[str] = set()
        self._build()
        self.retranslate()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = named(QLineEdit(), "reviewSearch")
        self.search.setClearButtonEnabled(True)
        self.regex_box = named(QCheckBox(), "reviewRegex")
        self.language_box = named(QComboBox(), "reviewLanguage")
        self.status_box = named(QComboBox(), "reviewStatus")
        self.qa_box = named(QComboBox(), "reviewQa")
        self.comments_box = named(QComboBox(), "reviewComments")
        self.section_box = named(QComboBox(), "reviewSection")
        self.type_box = named(QComboBox(), "reviewType")
        self.since_box = named(QCheckBox(), "reviewSinceOn")
        self.since_date = named(QDateEdit(), "reviewSince")
        self.since_date.setCalendarPopup(True)
        self.since_date.setDisplayFormat("yyyy-MM-dd")
        self.since_date.setDate(QDate.currentDate().addDays(-7))
        self.since_date.setEnabled(False)
        self.clear_button = named(QPushButton(), "reviewClear")
        self.approve_button = named(QPushButton(), "reviewApproveShown")
        self.problem = named(QLabel(), "reviewFilterProblem")
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.hide()
        self.progress_label = named(QLabel(), "reviewProgress")

        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addWidget(self.regex_box)
        for box in (self.language_box, self.status_box, self.qa_box, self.comments_box):
            first.addWidget(box, 1)
        second = QHBoxLayout()
        for box in (self.section_box, self.type_box):
            second.addWidget(box, 1)
        second.addWidget(self.since_box)
        second.addWidget(self.since_date)
        second.addWidget(self.clear_button)
        second.addStretch(1)
        second.addWidget(self.approve_button)

        self.view = named(QTableView(), "reviewGrid")
        self.view.setModel(self.model)
        self.delegate = TextDelegate(self.view)
        for column in (Column.KOREAN, Column.ENGLISH):
            self.view.setItemDelegateForColumn(COLUMNS.index(column), self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row is measured: 2,000 scroll evenly
        rows.setDefaultSectionSize(self.view.fontMetrics().lineSpacing() * 3 + 14)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in (
            (Column.NUMBER, 48),
            (Column.SECTION, 120),
            (Column.TYPE, 96),
            (Column.STATUS, 130),
            (Column.QA, 96),
            (Column.COMMENTS, 80),
        ):
            self.view.setColumnWidth(COLUMNS.index(column), width)
        for column in (Column.KOREAN, Column.ENGLISH):
            header.setSectionResizeMode(COLUMNS.index(column), QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit())
        self.view.doubleClicked.connect(self._double_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress_label)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._filter_timer.start(FILTER_DELAY_MS))
        self.regex_box.toggled.connect(lambda _on: self.apply_filter())
        for box in (
            self.language_box,
            self.status_box,
            self.qa_box,
            self.comments_box,
            self.section_box,
            self.type_box,
        ):
            box.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.since_box.toggled.connect(self._since_toggled)
        self.since_date.dateChanged.connect(lambda _date: self.apply_filter())
        self.clear_button.clicked.connect(self.clear_filter)
        self.approve_button.clicked.connect(self.bulk_approve)
        # The progress line is counted over every shown item: once after a burst of changes, in an event of
        # its own (not inside the filter's or the edit's).
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._update_progress)
        self.model.modelReset.connect(self._progress_soon)
        self.model.dataChanged.connect(lambda *_: self._progress_soon())

    def retranslate(self) -> None:
        self._filling = True
        self.search.setPlaceholderText(self.tr("Text or regular expression in either language…"))
        self.regex_box.setText(self.tr("Regex"))
        self.regex_box.setToolTip(self.tr("Read the search as a regular expression (Python syntax)"))
        self._fill(
            self.language_box,
            [(self.tr("Both languages"), None), (self.tr("Korean"), Language.KO), (self.tr("English"), Language.EN)],
        )
        statuses: list[tuple[str, object]] = [
            (self.tr("All statuses"), None),
            (self.tr("Needing attention"), "attention"),
            (self.tr("Not approved"), "unapproved"),
            (self.tr("Flagged"), "flagged"),
        ]
        statuses += [(status_text(status), status) for status in TargetStatus]
        self._fill(self.status_box, statuses)
        self._fill(
            self.qa_box,
            [
                (self.tr("Any QA result"), QaLevel.ANY),
                (self.tr("QA errors"), QaLevel.ERROR),
                (self.tr("QA warnings or errors"), QaLevel.WARNING),
                (self.tr("Any QA finding"), QaLevel.INFO),
                (self.tr("No QA findings"), QaLevel.CLEAN),
            ],
        )
        self._fill(
            self.comments_box,
            [(self.tr("Any comments"), None), (self.tr("Open comments"), True), (self.tr("No open comments"), False)],
        )
        self._fill(self.type_box, [(self.tr("All types"), None), *((n, k) for k, n in type_names().items())])
        self._fill_sections()
        self.since_box.setText(self.tr("Reviewed since"))
        self.since_box.setToolTip(
            self.tr(
                "Items approved, flagged, commented on or waived on or after this date (the file keeps no time "
                "for text edits, nor for exports)"
            )
        )
        self.clear_button.setText(self.tr("Clear filters"))
        self.approve_button.setText(self.tr("Approve shown…"))
        self.approve_button.setToolTip(self.tr("Approve every shown item, as one undo step"))
        self._filling = False
        self.model.clear_cache()  # types and statuses are worded in the interface language
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_progress()

    @staticmethod
    def _fill(box: QComboBox, entries: list[tuple[str, object]]) -> None:
        """Put the entries in, keeping the chosen one (by its data) across a change of language."""
        chosen = box.currentIndex()
        box.blockSignals(True)
        box.clear()
        for text, data in entries:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, min(chosen, box.count() - 1)))
        box.blockSignals(False)

    def _fill_sections(self) -> None:
        chosen = self.section_box.currentData()
        self.section_box.blockSignals(True)
        self.section_box.clear()
        self.section_box.addItem(self.tr("All sections"), None)
        for number, section in enumerate(self.document.briefing.sections, start=1):
            title = section.title.ko or section.title.en
            self.section_box.addItem(f"{number}. {title}", section.id)
        found = self.section_box.findData(chosen) if chosen is not None else 0
        self.section_box.setCurrentIndex(max(0, found))
        self.section_box.blockSignals(False)

    # -- the document ----------------------------------------------------------------------------
    def set_document(self, document: DocumentController) -> None:
        self.document = document
        self._fill_sections()
        self.model.set_briefing(document.briefing)
        self._stale = False
        self.apply_filter()
        if self.model.rowCount():
            self.select_row(0)

    def set_findings_source(self, findings: object) -> None:
        """Where the QA findings by item come from (the window's QA)."""
        self.model.findings = findings  # type: ignore[assignment]

    def document_changed(self, changes: Changes) -> None:
        """Rows follow the edits: a changed row stays or leaves as the filter says, the current row is kept."""
        if changes.titles or changes.structure:
            self._fill_sections()
        if not self.isVisible():
            self._stale = True
            return
        if self._committing:  # the editor is still closing: refresh once it has
            self._pending |= changes.items
            if changes.structure:
                self._stale = True
            return
        self._follow(changes.items, changes.structure)

    def _follow(self, item_ids: frozenset[str] | set[str], structure: bool) -> None:
        current, row = self.current_item_id(), self.view.currentIndex().row()
        if structure:
            self.model.rebuild()
            reset = True
        else:
            reset = self.model.items_changed(item_ids)
        if reset:
            self._restore(current, row)
        self._progress_soon()

    def findings_changed(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        current, row = self.current_item_id(), self.view.currentIndex().row()
        if self.model.findings_changed():
            self._restore(current, row)

    def showEvent(self, event: object) -> None:
        if self._stale:
            self._stale = False
            current, row = self.current_item_id(), self.view.currentIndex().row()
            self.model.rebuild()
            self._restore(current, row)
        super().showEvent(event)  # type: ignore[arg-type]

    def _restore(self, item_id: str | None, row: int) -> None:
        """After the rows changed: the same item current again, or (it left) the row now in its place."""
        target = self.model.row_of(item_id)
        if target < 0 and self.model.rowCount():
            target = max(0, min(row, self.model.rowCount() - 1))
        if target >= 0:
            self.select_row(target)

    # -- filters ---------------------------------------------------------------------------------
    def filter_spec(self) -> ReviewFilter:
        """The filter the bar describes."""
        status = self.status_box.currentData()
        statuses: frozenset[TargetStatus] = frozenset()
        if status == "unapproved":
            statuses = frozenset(s for s in TargetStatus if s is not TargetStatus.APPROVED)
        elif status is not None and status not in ("attention", "flagged"):
            statuses = frozenset({TargetStatus(status)})
        section = self.section_box.currentData()
        kind = self.type_box.currentData()
        language = self.language_box.currentData()
        since = None
        if self.since_box.isChecked():
            chosen = self.since_date.date()
            day = date(chosen.year(), chosen.month(), chosen.day())
            since = datetime.combine(day, time()).astimezone().astimezone(UTC)  # local midnight
        comments = self.comments_box.currentData()
        return ReviewFilter(
            statuses=statuses,
            attention_only=status == "attention",
            flagged=True if status == "flagged" else None,
            qa=QaLevel(self.qa_box.currentData() or QaLevel.ANY),
            open_comments=comments if isinstance(comments, bool) else None,
            sections=frozenset({section}) if section else frozenset(),
            types=frozenset({ItemType(kind)}) if kind else frozenset(),
            changed_since=since,
            text=self.search.text(),
            regex=self.regex_box.isChecked(),
            language=Language(language) if language else None,
        )

    def apply_filter(self) -> bool:
        """Show what the bar asks for; a search that cannot be used is said under the bar (the rows stay)."""
        if getattr(self, "_filling", False):
            return False
        self._filter_timer.stop()
        current, row = self.current_item_id(), self.view.currentIndex().row()
        try:
            self.model.set_filter(self.filter_spec())
        except BriefingError as error:
            self.problem.setText(message_text(error.code, error.params))
            self.problem.show()
            return False
        self.problem.hide()
        self._restore(current, row)
        self._progress_soon()
        return True

    def clear_filter(self) -> None:
        self._filling = True
        self.search.clear()
        self.regex_box.setChecked(False)
        self.since_box.setChecked(False)
        for box in (
            self.language_box,
            self.status_box,
            self.qa_box,
            self.comments_box,
            self.section_box,
            self.type_box,
        ):
            box.setCurrentIndex(0)
        self._filling = False
        self.apply_filter()

    def _since_toggled(self, on: bool) -> None:
        self.since_date.setEnabled(on)
        self.apply_filter()

    # -- current row -----------------------------------------------------------------------------
    def current_item_id(self) -> str | None:
        return self.model.item_id(self.view.currentIndex().row())

    def select(self, item_id: str | None) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        column = max(0, self.view.currentIndex().column())
        index = self.model.index(row, column)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def _double_clicked(self, index: QModelIndex) -> None:
        if COLUMNS[index.column()] not in (Column.KOREAN, Column.ENGLISH):
            item_id = self.model.item_id(index.row())
            if item_id is not None:
                self.open_requested.emit(item_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
                item_id = self.current_item_id()
                if item_id is not None and self.view.state() != QAbstractItemView.State.EditingState:
                    self.open_requested.emit(item_id)
                    return True
        return super().eventFilter(watched, event)

    # -- editing ---------------------------------------------------------------------------------
    def _edit_text(self, item_id: str, language: Language, text: str) -> bool:
        """A text typed in place, as one undo step; the rows follow once the editor has closed."""
        self._committing = True
        try:
            made = self.document.try_apply(edits.set_text(item_id, language, text), initiator=self) is None
        finally:
            self._committing = False
        if self._pending or self._stale:
            QTimer.singleShot(0, self._after_commit)
        return made

    def _after_commit(self) -> None:
        pending, self._pending = self._pending, set()
        structure, self._stale = self._stale, False
        self._follow(pending, structure)

    def wants(self, item_id: str) -> bool:
        """Whether the item needs attention (the core's one definition, with the window's QA findings)."""
        item = self.model.item(item_id)
        if item is None:
            return False
        return needs_attention(item, self.model.findings().get(item_id, ()))

    def next_attention(self, step: int = 1) -> str | None:
        """Make the next (previous, `step` -1) shown item needing attention current; its id, or None."""
        found = next_needing_attention(self.model.ids, self.current_item_id(), self.wants, step)
        if found is None:
            self.message.emit(self.tr("No shown item needs attention"), 4000)
            return None
        self.select(found)
        return found

    def approve_and_next(self) -> bool:
        """Ctrl+Enter: keep an open in-place edit, approve the current row's item, go to the next item needing
        attention (among the shown rows, after this one)."""
        self.delegate.commit_open()
        item_id = self.current_item_id()
        if item_id is None:
            return False
        order = self.model.ids
        item = self.model.item(item_id)
        if item is None:
            return False
        if not item.source_text.strip() or not item.target_text.strip():
            self.message.emit(self.tr("Nothing to approve: the item has no translation yet"), 4000)
            return False
        if item.status is TargetStatus.APPROVED and item.flag is None:
            approved = True  # already: just go on
        else:
            question = approval_question(item)  # the source changed and the translation was not revised
            if question is not None and not self.ask_approval(self, question):
                return False
            approved = self.document.try_apply(edits.approve(item_id, reviewer()), initiator=self) is None
        if not approved:
            return False
        found = next_needing_attention(order, item_id, self.wants)
        if found is not None and found != item_id:
            self.select(found)
        self.view.setFocus()
        return True

    def flag_current(self) -> FlagDialog | None:
        """Ask for a reason, then flag the current row's item (one undo step)."""
        self.delegate.commit_open()
        item_id = self.current_item_id()
        if item_id is None:
            return None
        number = self.model.data(self.model.index(self.model.row_of(item_id), 0)) or ""
        dialog = FlagDialog(self, str(number))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(lambda reason: self.flag(item_id, reason))
        dialog.open()
        self.flag_dialog = dialog
        return dialog

    def flag(self, item_id: str, reason: str) -> bool:
        return self.document.try_apply(edits.flag(item_id, reviewer(), reason), initiator=self) is None

    def bulk_approve(self) -> QMessageBox | None:
        """Approve every shown item that can be, after a confirmation stating how many; one undo step."""
        self.delegate.commit_open()
        plan = bulk_approve(self.model.shown_items, reviewer())
        if plan.edit is None:
            self.message.emit(self.tr("No shown item is waiting for approval"), 4000)
            return None
        lines = [fill(self.tr("Approve %1 shown items as %2?"), len(plan.approved), reviewer())]
        unrevised = needs_approval_question(self.model.shown_items)
        if unrevised:
            lines.append(
                fill(
                    self.tr("%1 of them had their source changed while the translation was not revised."),
                    len(unrevised),
                )
            )
        if plan.already:
            lines.append(fill(self.tr("%1 are already approved."), len(plan.already)))
        if plan.cannot:
            lines.append(fill(self.tr("%1 without a translation are left as they are."), len(plan.cannot)))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Approve shown items"),
            "\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("bulkApproveConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        edit = plan.edit

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and self.document.try_apply(edit, initiator=self) is None:
                self.message.emit(fill(self.tr("%1 items approved"), len(plan.approved)), 4000)

        box.finished.connect(answered)
        box.open()
        self.bulk_box = box
        return box

    # -- the progress line -----------------------------------------------------------------------
    def _progress_soon(self) -> None:
        self._progress_timer.start(0)

    def _update_progress(self) -> None:
        shown = self.model.ids
        counted = progress(self.model.shown_items, self.model.findings())
        parts = [fill(self.tr("%1 of %2 approved"), counted.approved, counted.total)]
        parts.append(fill(self.tr("%1 flagged"), counted.flagged))
        parts.append(
            self.tr("1 comment open")
            if counted.open_comments == 1
            else fill(self.tr("%1 comments open"), counted.open_comments)
        )
        line = ", ".join(parts)
        line += " · " + fill(self.tr("%1 need attention"), counted.attention)
        total = len(self.model.all_ids)
        if len(shown) != total:
            line = fill(self.tr("%1 of %2 items shown"), len(shown), total) + " · " + line
        self.progress_label.setText(line)

"""The item editor: type, source language, status, the Korean and English Markdown side by side, what changed
(the source against the approved one, the target against the machine or memory suggestion, as word diffs), and the
comment threads."""

from __future__ import annotations

import contextlib
import getpass
import html

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing import edits
from briefing import settings as config
from briefing.edits import Changes
from briefing.language.dates import DateError, PartialDate
from briefing.messages import BriefingError
from briefing.model import Bilingual, Item, ItemType, Language, NoteMark, StatementKind, TargetStatus
from briefing.safeguards import approval_question
from briefing.terms.assist import insert_term
from ui import asking
from ui.document import DocumentController
from ui.item_comments import CommentThread
from ui.item_review import ReviewStrip
from ui.labels import STATUS_COLOURS, fill, kind_names, mark_invalid, status_text, type_names
from ui.messages import text as message_text
from ui.qt import named

DATE_SAMPLE = "2025-09-18__"  # a schedule or due date field is wide enough for a whole date


def is_undo_key(event: QKeyEvent) -> bool:
    """Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y: the document's undo and redo, never a text field's own."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    return event.key() == Qt.Key.Key_Z and event.modifiers() == control_shift


class DocumentUndo(QObject):
    """An event filter that leaves undo and redo to the document: a field's own undo would put its text back
    without the status, the comment or anything else the edit changed, and would leave the Redo action grey.

    The shortcut override is refused, so that the window's Undo/Redo actions receive the key."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if event.type() in kinds and isinstance(event, QKeyEvent) and is_undo_key(event):
            event.ignore()  # not overridden: the window's action takes the key; a press that reaches us is dropped
            return True
        return False


def document_undo(*fields: QWidget) -> DocumentUndo:
    """Make the fields' Ctrl+Z and Ctrl+Shift+Z the document's (see DocumentUndo)."""
    keeper = DocumentUndo(fields[0])
    for field_ in fields:
        field_.installEventFilter(keeper)
    return keeper


class MarkdownEdit(QPlainTextEdit):
    """A plain-text Markdown editor that never takes rich text from the clipboard, whose Tab moves to the next
    field (a tab character in an item's text is never meant) and whose undo is the document's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self._undo = document_undo(self)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(source.text().replace("\t", " "))


class ItemEditor(QWidget):
    item_shown = Signal(object)  # the item now in the editor, or None
    message = Signal(str)  # something the user should read (an invalid date, why a text was not taken)

    def __init__(self, document: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.item_id: str | None = None
        self._loading = False
        self._build()
        self.show_item(None)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.type_box = named(QComboBox(), "itemType")
        self.kind_box = named(QComboBox(), "statementKind")
        self.mark_box = named(QComboBox(), "noteMark")
        for mark in NoteMark:
            self.mark_box.addItem(mark.value, mark)
        self.when_edit = named(QLineEdit(), "scheduleDate")
        self.when_edit.setPlaceholderText("2025-01, 2025-H1, 2024-12-07")
        self.owner_ko = named(QLineEdit(), "actionOwnerKo")
        self.owner_en = named(QLineEdit(), "actionOwnerEn")
        self.due_edit = named(QLineEdit(), "actionDue")
        self.due_edit.setPlaceholderText("2025-06")
        date_width = self.when_edit.fontMetrics().horizontalAdvance(DATE_SAMPLE) + 16
        for date_field in (self.when_edit, self.due_edit):
            date_field.setMinimumWidth(date_width)
        for owner_field in (self.owner_ko, self.owner_en):
            owner_field.setMinimumWidth(date_width // 2)
        self.when_label, self.owner_label, self.due_label = QLabel(), QLabel(), QLabel()
        self.source_ko = named(QRadioButton(), "sourceKorean")
        self.source_en = named(QRadioButton(), "sourceEnglish")
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.source_ko)
        self.source_group.addButton(self.source_en)
        self.status_badge = named(QLabel(), "statusBadge")
        self.approve_button = named(QPushButton(), "approveButton")
        self.review_button = named(QPushButton(), "reviewButton")
        self.source_label = QLabel()
        # Two short rows rather than one long one, so that the editor fits a narrow centre pane (1024×600):
        # the type and what only some types have; the source language, the status and the review buttons.
        top = QHBoxLayout()
        top.addWidget(self.type_box)
        review_row = QHBoxLayout()
        review_row.setSpacing(3)  # compact: the row sets the editor's least width at 1024×600
        for widget in (self.source_label, self.source_ko, self.source_en):
            review_row.addWidget(widget)
        review_row.addStretch(1)
        # Right-aligned: the badge grows to the left, the buttons never move under the mouse.
        for control in (self.status_badge, self.approve_button, self.review_button):
            review_row.addWidget(control)
        # What only some types have (statement kind, note mark, date, owner and due date), beside the type, as
        # pages of a stack: they all take the same room, so choosing a type or showing another item never
        # moves the editors or the buttons.
        self.details = named(QStackedWidget(), "itemDetails")
        self.details.addWidget(QWidget())
        pages: tuple[tuple[QWidget, ...], ...] = (
            (self.kind_box,),
            (self.mark_box,),
            (self.when_label, self.when_edit),
            (self.owner_label, self.owner_ko, self.owner_en, self.due_label, self.due_edit),
        )
        for widgets in pages:
            page = QWidget()
            row = QHBoxLayout(page)
            row.setContentsMargins(0, 0, 0, 0)
            for part in widgets:
                row.addWidget(part, 1 if part is self.owner_ko or part is self.owner_en else 0)
            if self.owner_ko not in widgets:
                row.addStretch(1)
            self.details.addWidget(page)
        top.addWidget(self.details, 1)

        self.korean = named(MarkdownEdit(), "koreanEditor")
        self.english = named(MarkdownEdit(), "englishEditor")
        self.korean_label = QLabel()
        self.english_label = QLabel()
        editors = QSplitter(Qt.Orientation.Horizontal)
        for label, editor in ((self.korean_label, self.korean), (self.english_label, self.english)):
            column = QWidget()
            layout = QVBoxLayout(column)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(label)
            layout.addWidget(editor)
            editors.addWidget(column)
        self.comment_thread = CommentThread(lambda: self.item, self._apply, self._reviewer)
        self.ask_approval = asking.ask_approval  # the question before approving a changed source (tests may answer)
        self.ask_name = asking.ask_name  # the user's name, asked once when Settings has no author (tests answer)
        self._name_asked = False
        self.review_strip = ReviewStrip()  # the flag, the approval and what changed
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(review_row)
        layout.addWidget(self.review_strip)
        layout.addWidget(editors, 1)
        layout.addWidget(self.comment_thread)

        self.type_box.currentIndexChanged.connect(self._type_chosen)
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.mark_box.currentIndexChanged.connect(self._mark_chosen)
        self.when_edit.editingFinished.connect(self._when_entered)
        for action_field in (self.owner_ko, self.owner_en, self.due_edit):
            action_field.editingFinished.connect(self._action_entered)
        self._field_undo = document_undo(
            self.when_edit, self.owner_ko, self.owner_en, self.due_edit, self.comment_thread.comment_field
        )
        self.source_ko.toggled.connect(lambda on: self._source_chosen(Language.KO) if on else None)
        self.source_en.toggled.connect(lambda on: self._source_chosen(Language.EN) if on else None)
        self.korean.textChanged.connect(lambda: self._typed(Language.KO, self.korean))
        self.english.textChanged.connect(lambda: self._typed(Language.EN, self.english))
        self.approve_button.clicked.connect(self.approve)
        self.review_button.clicked.connect(self.flag_for_review)
        # Synchronised scrolling: the same relative position in both languages.
        self.korean.verticalScrollBar().valueChanged.connect(lambda _: self._sync(self.korean, self.english))
        self.english.verticalScrollBar().valueChanged.connect(lambda _: self._sync(self.english, self.korean))
        self.retranslate()

    def apply_font(self, chosen: config.Settings) -> None:
        """The editors' font from the settings (family when one is chosen, and size)."""
        font = self.korean.font()
        if chosen.editor_font:
            font.setFamily(chosen.editor_font)
        font.setPointSize(chosen.editor_font_size)
        for editor in (self.korean, self.english):
            editor.setFont(font)

    def retranslate(self) -> None:
        self._loading = True
        current = self.type_box.currentData()
        self.type_box.clear()
        for kind, name in type_names().items():
            self.type_box.addItem(name, kind)
        if current is not None:
            self.type_box.setCurrentIndex(self.type_box.findData(current))
        current_kind = self.kind_box.currentData()
        self.kind_box.clear()
        for statement_kind, name in kind_names().items():
            self.kind_box.addItem(name, statement_kind)
        if current_kind is not None:
            self.kind_box.setCurrentIndex(self.kind_box.findData(current_kind))
        self._loading = False
        self.source_label.setText(self.tr("Source:"))
        self.source_ko.setText(self.tr("Korean"))
        self.source_en.setText(self.tr("English"))
        self.approve_button.setText(self.tr("Approve"))
        # The badge's least width is fixed (that of the settled statuses), not its text's: a status changing never
        # raises the editor's minimum width, which would redistribute the panes under the mouse. At that minimum
        # (1024×600) a longer status is cut at the badge's edge; its tooltip says it whole.
        metrics = self.status_badge.fontMetrics()
        settled = (TargetStatus.EMPTY, TargetStatus.EDITED, TargetStatus.APPROVED)
        self.status_badge.setMinimumWidth(
            max(metrics.horizontalAdvance(f"\u00a0{status_text(s)}\u00a0") for s in settled)
        )
        self.approve_button.setToolTip(self.tr("Approve the translation (Ctrl+Enter)"))
        self.review_button.setText(self.tr("Request review"))
        self.review_button.setToolTip(self.tr("Flag the item for another look (Ctrl+Shift+R)"))
        self.when_label.setText(self.tr("Date:"))
        self.owner_label.setText(self.tr("Owner:"))
        self.owner_ko.setPlaceholderText(self.tr("Owner in Korean"))
        self.owner_en.setPlaceholderText(self.tr("Owner in English"))
        self.due_label.setText(self.tr("Due:"))
        self.korean.setPlaceholderText(self.tr("Korean text (Markdown)"))
        self.english.setPlaceholderText(self.tr("English text (Markdown)"))
        self.comment_thread.retranslate()
        self.review_strip.retranslate()
        self.show_item(self.item)

    @property
    def item(self) -> Item | None:
        if self.item_id is None:
            return None
        try:
            return self.document.briefing.item(self.item_id)
        except KeyError:
            return None

    # -- showing ---------------------------------------------------------------------------------
    def show_item(self, item: Item | None) -> None:
        self._loading = True
        self.item_id = item.id if item else None
        enabled = item is not None
        for widget in (
            self.type_box,
            self.kind_box,
            self.mark_box,
            self.when_edit,
            self.owner_ko,
            self.owner_en,
            self.due_edit,
            self.source_ko,
            self.source_en,
            self.approve_button,
            self.review_button,
            self.korean,
            self.english,
            self.comment_thread,
        ):
            widget.setEnabled(enabled)
        if item is None:
            self.korean.setPlainText("")
            self.english.setPlainText("")
            self.status_badge.setText("")
            self.review_strip.show_item(None)
            self.comment_thread.show_comments()
            self.korean_label.setText(self.tr("Korean"))
            self.english_label.setText(self.tr("English"))
            self._loading = False
            self.item_shown.emit(None)
            return
        self.type_box.setCurrentIndex(self.type_box.findData(item.type))
        page_of = {ItemType.STATEMENT: 1, ItemType.NOTE: 2, ItemType.SCHEDULE: 3, ItemType.ACTION: 4}
        self.details.setCurrentIndex(page_of.get(item.type, 0))
        if item.statement_kind:
            self.kind_box.setCurrentIndex(self.kind_box.findData(item.statement_kind))
        if item.note_mark:
            self.mark_box.setCurrentIndex(self.mark_box.findData(item.note_mark))
        self.when_edit.setText(str(item.when) if item.when else "")
        owner = item.owner or Bilingual()
        for owner_field, text in ((self.owner_ko, owner.ko), (self.owner_en, owner.en)):
            if owner_field.text() != text:
                owner_field.setText(text)
        self.due_edit.setText(str(item.due) if item.due else "")
        for date_field in (self.when_edit, self.due_edit):
            mark_invalid(date_field, None)
        (self.source_ko if item.source is Language.KO else self.source_en).setChecked(True)
        self._set_text(self.korean, item.text.ko)
        self._set_text(self.english, item.text.en)
        source_mark = " " + self.tr("(source)")
        self.korean_label.setText(self.tr("Korean") + (source_mark if item.source is Language.KO else ""))
        self.english_label.setText(self.tr("English") + (source_mark if item.source is Language.EN else ""))
        self._show_status(item)
        self.comment_thread.show_comments()
        self._loading = False
        self.item_shown.emit(item)

    def _show_status(self, item: Item) -> None:
        """The status badge and the approved source: what typing may change besides the text."""
        colour = STATUS_COLOURS[item.status]
        label = html.escape(status_text(item.status))
        badge = f"<span style='background:{colour};color:white'>&nbsp;{label}&nbsp;</span>"
        if item.flag is not None:
            flagged = html.escape(self.tr("Review requested"))
            badge += f" <span style='background:#d9383a;color:white'>&nbsp;⚑ {flagged}&nbsp;</span>"
        self.status_badge.setText(badge)
        self.status_badge.setToolTip(status_text(item.status))
        self.review_strip.show_item(item)

    @staticmethod
    def _set_text(editor: QPlainTextEdit, text: str) -> None:
        if editor.toPlainText() != text:  # leave the cursor alone while the user types
            editor.setPlainText(text)

    def document_changed(self, changes: Changes) -> None:
        """Show what others changed (undo, redo, a translation); typing here has already been shown."""
        if changes.initiator is self or self.item_id is None:
            return
        if self.item_id in changes.items or changes.structure:
            self.show_item(self.item)

    # -- editing ---------------------------------------------------------------------------------
    def _apply(self, edit: edits.Edit) -> bool:
        """Make an edit on the document as this editor; a refusal is shown, never raised."""
        if self._loading or self.item is None:
            return False
        return self.document.try_apply(edit, initiator=self) is None

    def _typed(self, language: Language, editor: QPlainTextEdit) -> None:
        item = self.item
        if self._loading or item is None or item.text.get(language) == editor.toPlainText():
            return
        if language is item.target and not item.source_text.strip() and not item.target_text.strip():
            # Typing into the target of an item with no source: the drafter is writing the source on the other
            # side. A translation of nothing would make no sense, so this side becomes the source, and it is said.
            if self._apply(
                edits.Batch(
                    "edit.source",
                    [edits.set_source(item.id, language), edits.set_text(item.id, language, editor.toPlainText())],
                )
            ):
                self.show_item(item)
                self.message.emit(
                    fill(
                        self.tr("The item had no source text: %1 is now its source, and Translate fills in the %2."),
                        self.tr("Korean") if language is Language.KO else self.tr("English"),
                        self.tr("English") if language is Language.KO else self.tr("Korean"),
                    )
                )
            return
        self._apply(edits.set_text(item.id, language, editor.toPlainText()))
        self._show_status(item)  # the text is already there; only the status may have moved

    def insert_at_cursor(self, language: Language, text: str) -> bool:
        """Insert `text` at the cursor of one language's editor as an undo step of its own (not merged with
        the typing around it); False when there is no item or the edit was refused (the editor shows the item
        as it is)."""
        item = self.item
        if item is None or not text:
            return False
        editor = self.korean if language is Language.KO else self.english
        cursor = editor.textCursor()
        self._loading = True  # this is not typing: no merging edit from textChanged
        cursor.insertText(text)
        self._loading = False
        editor.setTextCursor(cursor)
        if self._apply(insert_term(item.id, language, editor.toPlainText())):
            self._show_status(item)
            return True
        self.show_item(item)
        return False

    def _type_chosen(self) -> None:
        data = self.type_box.currentData()  # Qt hands enum values back as plain strings
        kind = ItemType(data) if data else None
        item = self.item
        if item is None or kind is None or kind is item.type:
            return
        default_when = PartialDate(self.document.briefing.modified.year)
        if self._apply(edits.set_type(item.id, kind, default_when)):
            self.show_item(item)

    def _kind_chosen(self) -> None:
        data = self.kind_box.currentData()
        kind = StatementKind(data) if data else None
        item = self.item
        if (
            item is not None
            and kind is not None
            and item.type is ItemType.STATEMENT
            and kind is not item.statement_kind
        ):
            self._apply(edits.set_statement_kind(item.id, kind))

    def _mark_chosen(self) -> None:
        data = self.mark_box.currentData()
        mark = NoteMark(data) if data else None
        item = self.item
        if item is not None and mark is not None and item.type is ItemType.NOTE and mark is not item.note_mark:
            self._apply(edits.set_note_mark(item.id, mark))

    def _when_entered(self) -> None:
        item = self.item
        if item is None or item.type is not ItemType.SCHEDULE:
            return
        when = self._date(self.when_edit, required=True)
        if when is not None and when != item.when:
            self._apply(edits.set_when(item.id, when))

    def _action_entered(self) -> None:
        """The owner (in either language) and the due date of an action, as one edit."""
        item = self.item
        if item is None or item.type is not ItemType.ACTION:
            return
        due = self._date(self.due_edit, required=False)
        if due is None and self.due_edit.text().strip():
            return  # an invalid date: said, and nothing changed
        typed = Bilingual(ko=self.owner_ko.text().strip(), en=self.owner_en.text().strip())
        owner = None if typed.is_empty() else typed
        if owner != item.owner or due != item.due:
            self._apply(edits.set_action(item.id, owner, due))

    def _date(self, field_: QLineEdit, required: bool) -> PartialDate | None:
        """The date typed in a field, or None: empty (when not required) or invalid, which is marked and said."""
        typed = field_.text().strip()
        if not typed and not required:
            mark_invalid(field_, None)
            return None
        try:
            when = PartialDate.parse(typed)
        except DateError as error:
            reason = message_text(error.code, error.params)
            mark_invalid(field_, reason)
            self.message.emit(fill(self.tr("Not changed: %1"), reason))
            return None
        mark_invalid(field_, None)
        return when

    def _source_chosen(self, language: Language) -> None:
        item = self.item
        if item is not None and item.source is not language and self._apply(edits.set_source(item.id, language)):
            self.show_item(item)

    def approve(self) -> bool:
        """Approve the translation; when the source changed since and the translation was not revised, only
        after the user says so."""
        item = self.item
        if item is None or not item.source_text.strip() or not item.target_text.strip():
            return False  # nothing to approve yet (the core would refuse too)
        question = approval_question(item)
        if question is not None and not self.ask_approval(self, question):
            return False
        if self._apply(edits.approve(item.id, self._reviewer())):
            self.show_item(item)
            return True
        return False

    def flag_for_review(self) -> None:
        item = self.item
        if (
            item is not None
            and item.status is not TargetStatus.EMPTY
            and self._apply(edits.flag(item.id, self._reviewer()))
        ):
            self.show_item(item)

    def _reviewer(self) -> str:
        """The settings' author; when there is none, the user is asked once (and the answer kept in Settings),
        and the login name is used if they decline."""
        author = config.current().author
        if author:
            return author
        if not self._name_asked:
            self._name_asked = True
            name = self.ask_name(self, getpass.getuser())
            if name:
                with contextlib.suppress(BriefingError):  # an unwritable settings file: signed all the same
                    config.update(author=name)
                return name
        return getpass.getuser()

    def _sync(self, source: QPlainTextEdit, target: QPlainTextEdit) -> None:
        if getattr(self, "_syncing", False):
            return
        self._syncing = True
        bar, other = source.verticalScrollBar(), target.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0.0
        other.setValue(round(share * other.maximum()))
        self._syncing = False

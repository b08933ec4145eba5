"""The main window: opens a briefing and shows its meeting card, outline and each item in both languages.

A first, read-only window; the composer (editing, undo, translation) grows from here.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.fileformat import BriefingFormatError
from briefing.model import Bilingual, Briefing, Comment, Item, Language, Role, TargetStatus
from briefing.storage import BriefingFileError, load
from ui.outline_model import OutlineModel, status_text, type_text


class MainWindow(QMainWindow):
    briefing_opened = Signal(str)  # the path
    open_failed = Signal(str)  # the message shown to the user

    def __init__(self) -> None:
        super().__init__()
        self.path: Path | None = None
        self.outline_model = OutlineModel(parent=self)
        self._build()
        self._build_menus()
        self._show_briefing(Briefing())
        self.resize(1280, 800)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.outline = QTreeView()
        self.outline.setObjectName("outline")
        self.outline.setModel(self.outline_model)
        self.outline.setUniformRowHeights(True)
        self.outline.setAlternatingRowColors(True)
        self.outline.selectionModel().selectionChanged.connect(self._selection_changed)

        self.card = QTextBrowser()
        self.card.setObjectName("meetingCard")
        self.card.setOpenLinks(False)

        self.item_heading = QLabel()
        self.item_heading.setObjectName("itemHeading")
        self.korean = self._text_pane("koreanText")
        self.english = self._text_pane("englishText")
        self.korean_box = self._group(self.tr("Korean (한국어)"), self.korean)
        self.english_box = self._group(self.tr("English"), self.english)
        texts = QHBoxLayout()
        texts.addWidget(self.korean_box)
        texts.addWidget(self.english_box)
        item_panel = QWidget()
        item_layout = QVBoxLayout(item_panel)
        item_layout.addWidget(self.item_heading)
        item_layout.addLayout(texts, 3)
        self.comments = QTextBrowser()
        self.comments.setObjectName("comments")
        self.comments_box = self._group(self.tr("Comments"), self.comments)
        item_layout.addWidget(self.comments_box, 1)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.card)
        right.addWidget(item_panel)
        right.setSizes([330, 470])

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.outline)
        splitter.addWidget(right)
        splitter.setSizes([520, 760])
        self.setCentralWidget(splitter)

    @staticmethod
    def _text_pane(name: str) -> QPlainTextEdit:
        pane = QPlainTextEdit()
        pane.setObjectName(name)
        pane.setReadOnly(True)
        return pane

    @staticmethod
    def _group(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_file)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    # -- opening ---------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open briefing"),
            str(self.path.parent if self.path else Path.cwd()),
            self.tr("Briefings (*.briefing);;All files (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> bool:
        """Open a briefing; on failure show the problems and keep the current document."""
        try:
            briefing = load(path)
        except (BriefingFormatError, BriefingFileError) as error:
            message = str(error)
            self.open_failed.emit(message)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Cannot open briefing"),
                self.tr("The file could not be opened. Nothing was changed."),
                parent=self,
            )
            box.setDetailedText(message)
            box.setInformativeText(message.splitlines()[0])
            box.open()
            self._error_box = box
            return False
        self.path = path
        self._show_briefing(briefing)
        self.briefing_opened.emit(str(path))
        return True

    def _show_briefing(self, briefing: Briefing) -> None:
        self.outline_model.set_briefing(briefing)
        self.outline.expandAll()
        for column in (OutlineModel.COLUMN_TYPE, OutlineModel.COLUMN_STATUS):
            self.outline.resizeColumnToContents(column)
        self.outline.setColumnWidth(OutlineModel.COLUMN_TEXT, 300)
        self.card.setHtml(card_html(briefing))
        self._show_item(None)
        stats = briefing.statistics()
        self.statusBar().showMessage(
            fill(
                self.tr("%1 items · %2 approved · %3 need review · %4 open comments"),
                stats.items,
                stats.approved,
                stats.per_status[TargetStatus.NEEDS_REVIEW],
                stats.open_comments,
            )
        )
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name} — Briefing Studio")
        if briefing.sections and briefing.sections[0].items:
            first = self.outline_model.index(0, 0, self.outline_model.index(0, 0))
            self.outline.setCurrentIndex(first)

    # -- selection -------------------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_item(self.outline_model.item_at(indexes[0]) if indexes else None)

    def _show_item(self, item: Item | None) -> None:
        self.korean.setPlainText(item.text.ko if item else "")
        self.english.setPlainText(item.text.en if item else "")
        self.comments.setHtml(comments_html(item.comments) if item else "")
        if item is None:
            self.item_heading.setText(self.tr("Select an item in the outline."))
            return
        source = self.tr("Korean") if item.source is Language.KO else self.tr("English")
        self.item_heading.setText(
            f"<b>{html.escape(type_text(item))}</b> — "
            + fill(self.tr("source: %1"), source)
            + f" — {html.escape(status_text(item.status))}"
        )


def fill(template: str, *values: object) -> str:
    """Qt-style %1, %2 … placeholders (translations may reorder them)."""
    for number, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{number}", str(value))
    return template


def comments_html(comments: list[Comment]) -> str:
    rows = []
    for comment in comments:
        state = " <i>(resolved)</i>" if comment.resolved else ""
        rows.append(
            f"<p><b>{html.escape(comment.author)}</b> · {comment.created:%Y-%m-%d %H:%M} UTC{state}<br>"
            f"{html.escape(comment.text)}</p>"
        )
    return "".join(rows)


def _pair(text: Bilingual) -> str:
    return "<br>".join(html.escape(t) for t in (text.ko, text.en) if t) or "—"


def card_html(briefing: Briefing) -> str:
    """The meeting card as a small two-language table."""
    card = briefing.meeting
    rows = [("Title / 제목", _pair(briefing.title))]
    series = f"{html.escape(card.series.code)}<br>{_pair(card.series.name)}"
    if card.session:
        series = f"제{card.session}차 / No. {card.session} — " + series
    rows.append(("Meeting / 회의", series))
    if card.start_date:
        when = card.start_date.isoformat()
        if card.end_date and card.end_date != card.start_date:
            when += f" – {card.end_date.isoformat()}"
        rows.append(("Date / 일자", f"{when} ({_pair(card.time_zone_note).replace('<br>', ' / ')})"))
    rows.append(("Place / 장소", _pair(card.place)))
    for delegation in card.delegations:
        people = []
        for person in delegation.members:
            role = " <i>(co-chair / 수석대표)</i>" if person.role is Role.CO_CHAIR else ""
            people.append(
                f"{html.escape(person.name.ko)} {html.escape(person.title.ko)} {html.escape(person.rank.ko)}<br>"
                f"{html.escape(person.name.en)}, {html.escape(person.title.en)}"
                f"{', ' + html.escape(person.rank.en) if person.rank.en else ''}{role}"
            )
        rows.append((_pair(delegation.name), "<br>".join(people) or "—"))
    if not card.marking.is_empty():
        rows.append(("Marking / 표시", _pair(card.marking)))
    body = "".join(
        f"<tr><th align='left' valign='top' style='padding-right:12px'>{label}</th><td>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='4'>{body}</table>"

"""The draft an import made, shown before anything is changed: its meeting card, sections and items in a read-only
tree, and the report beside it — what was recognised and how sure, what was not understood (kept as paragraph
items), the encoding, what was set apart or skipped, and for two files the aligned pairs and what stayed unpaired.

The choices are Open as a new briefing and Insert into this briefing (the draft's sections and items, one undo
step); a paste offers only Insert. The owner (ui/import_commands.py) applies the choice and closes the dialog, or
leaves it open with the reason the briefing refused it. Cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.importers import ImportReport
from briefing.importers.align import PairImport
from briefing.messages import BriefingError
from briefing.model import Briefing, Item, Language, Person
from ui import screen
from ui.labels import fill, language_name, type_text
from ui.messages import error_text
from ui.qt import QT_TRANSLATE_NOOP, named

CONTEXT = "ImportPreviewDialog"
NEW, MERGE = "new", "merge"  # what apply_requested asks for
DEFAULT_SIZE = (980, 640)  # smaller screens get what they have (ui/screen.py)
SHOWN_CHARS = 300  # of one text in the tree (the whole text is its tooltip)
ITEM_ID = Qt.ItemDataRole.UserRole  # an item row's id in the draft

# The report's words for what was recognised (briefing/importers/structure.py); anything else is shown as written.
DETECTIONS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("ImportPreviewDialog", "title"),
    "section": QT_TRANSLATE_NOOP("ImportPreviewDialog", "section"),
    "attachment": QT_TRANSLATE_NOOP("ImportPreviewDialog", "attachment"),
    "session": QT_TRANSLATE_NOOP("ImportPreviewDialog", "session"),
    "meeting name": QT_TRANSLATE_NOOP("ImportPreviewDialog", "meeting name"),
    "meeting date": QT_TRANSLATE_NOOP("ImportPreviewDialog", "meeting date"),
    "time zone note": QT_TRANSLATE_NOOP("ImportPreviewDialog", "time zone note"),
    "place": QT_TRANSLATE_NOOP("ImportPreviewDialog", "place"),
    "co-chair": QT_TRANSLATE_NOOP("ImportPreviewDialog", "co-chair"),
    "co-chairs": QT_TRANSLATE_NOOP("ImportPreviewDialog", "co-chairs"),
}
NOT_RECOGNISED_PREFIX, NOT_RECOGNISED_SUFFIX = "no ", " recognised"  # the core's notes: "no place recognised"


@dataclass
class Draft:
    """What the preview shows: the draft briefing and its report; for two files, the confidence of each aligned
    pair and the texts either side left unpaired (ui/import_pair.py fills these)."""

    briefing: Briefing
    report: ImportReport
    pairs: list[float] = field(default_factory=list)
    unpaired: list[str] = field(default_factory=list)
    aligned: PairImport | None = None  # two files: the alignment the drafter can still correct (pair, unpair)

    def refresh(self) -> None:
        """Pairs and unpaired texts again from the alignment, after the drafter paired or unpaired items."""
        if self.aligned is not None:
            self.pairs, self.unpaired = pair_figures(self.aligned)


def pair_figures(aligned: PairImport) -> tuple[list[float], list[str]]:
    """Each pair's confidence, and the texts of the items either side left unpaired (source language first)."""
    source = aligned.source
    unpaired = [
        aligned.briefing.item(item_id).text.get(language)
        for language in (source, source.other)
        for item_id in aligned.unpaired.get(language, [])
    ]
    return [pair.confidence for pair in aligned.pairs], unpaired


def detection_name(what: str) -> str:
    return QCoreApplication.translate(CONTEXT, DETECTIONS[what]) if what in DETECTIONS else what


def note_text(note: str) -> str:
    """A note of the report in the interface language: "no place recognised" → "not recognised: place"."""
    if note.startswith(NOT_RECOGNISED_PREFIX) and note.endswith(NOT_RECOGNISED_SUFFIX):
        what = note[len(NOT_RECOGNISED_PREFIX) : -len(NOT_RECOGNISED_SUFFIX)]
        return fill(QCoreApplication.translate("ImportPreviewDialog", "not recognised: %1"), detection_name(what))
    return note


def source_name(report: ImportReport) -> str:
    """The file's name without its folder (a pasted text's source is already a name)."""
    return Path(report.source).name or report.source


def shortened(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN_CHARS else flat[:SHOWN_CHARS] + "…"


def person_text(person: Person, lang: Language) -> str:
    parts = (person.name.get(lang), person.rank.get(lang), person.title.get(lang), person.organisation.get(lang))
    return ", ".join(part for part in parts if part)


class ImportPreviewDialog(QDialog):
    apply_requested = Signal(str)  # NEW or MERGE; the owner applies it and closes the dialog (or says why not)

    def __init__(self, parent: QWidget | None, draft: Draft, paste: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.draft, self.paste = draft, paste
        self.setWindowTitle(self.tr("Paste as items") if paste else self.tr("Import"))
        self.summary = named(QLabel(self._summary()), "importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = named(QTreeWidget(), "draftTree")
        self.report = named(QTreeWidget(), "importReport")
        for view in (self.tree, self.report):
            view.setAlternatingRowColors(True)
            view.setUniformRowHeights(True)
            view.setWordWrap(False)
        self._fill_tree()
        self._fill_report()
        splitter = named(QSplitter(Qt.Orientation.Horizontal), "importSplitter")
        splitter.addWidget(self._tree_pane())
        splitter.addWidget(self.report)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        if paste:
            hint = self.tr(
                "The items go after the selected item; headings in the text become new sections after its section."
            )
        else:
            hint = self.tr(
                "Open as a new briefing takes the meeting card too. Insert adds the title (as an item), the sections "
                "and the items after the selected section, and leaves this briefing's meeting card as it is."
            )
        self.hint = named(QLabel(hint), "importHint")
        self.hint.setWordWrap(True)
        self.problem = named(QLabel(), "importProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        buttons = named(QDialogButtonBox(), "importButtons")
        self.new_button: QPushButton | None = None
        if not paste:
            self.new_button = named(QPushButton(self.tr("&Open as a new briefing")), "openImportAsNew")
            buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.new_button.clicked.connect(lambda: self.apply_requested.emit(NEW))
        merge_text = self.tr("&Insert items") if paste else self.tr("&Insert into this briefing")
        self.merge_button = named(QPushButton(merge_text), "insertImport")  # one undo step
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.clicked.connect(lambda: self.apply_requested.emit(MERGE))
        (self.merge_button if paste or self.new_button is None else self.new_button).setDefault(True)
        self.cancel_button = named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelImport")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        screen.fit(self, DEFAULT_SIZE)

    def _tree_pane(self) -> QWidget:
        """The draft's tree; for two files with Pair / Unpair under it (always there, enabled by the selection, so
        nothing moves when a selection changes)."""
        if self.draft.aligned is None:
            return self.tree
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pair_button = named(QPushButton(self.tr("&Pair the two selected")), "pairItems")
        self.unpair_button = named(QPushButton(self.tr("&Unpair")), "unpairItem")
        self.pair_button.setToolTip(
            self.tr("Select an unpaired Korean item and an unpaired English item (Ctrl+click) to make them one item.")
        )
        self.unpair_button.setToolTip(self.tr("Split the selected item's two texts into two unpaired items."))
        self.pair_button.clicked.connect(self._pair_selected)
        self.unpair_button.clicked.connect(self._unpair_selected)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pair_button)
        row.addWidget(self.unpair_button)
        row.addStretch(1)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self._selection_changed()
        return pane

    def selected_ids(self) -> list[str]:
        return [str(row.data(0, ITEM_ID)) for row in self.tree.selectedItems() if row.data(0, ITEM_ID)]

    def _selection_changed(self) -> None:
        aligned, chosen = self.draft.aligned, self.selected_ids()
        if aligned is None:
            return
        unpaired = {item_id: lang for lang, ids in aligned.unpaired.items() for item_id in ids}
        self.pair_button.setEnabled(
            len(chosen) == 2 and all(c in unpaired for c in chosen) and unpaired[chosen[0]] != unpaired[chosen[1]]
        )
        self.unpair_button.setEnabled(len(chosen) == 1 and aligned.pair_of(chosen[0]) is not None)

    def _pair_selected(self) -> None:
        if self.draft.aligned is not None:
            first, second = self.selected_ids()
            self._correct(lambda aligned: aligned.pair(first, second).item_id)

    def _unpair_selected(self) -> None:
        if self.draft.aligned is not None:
            (only,) = self.selected_ids()
            self._correct(lambda aligned: aligned.unpair(only))

    def _correct(self, change: Callable[[PairImport], str]) -> None:
        """Pair or unpair in the draft (nothing is applied to the briefing yet), then show the draft again."""
        assert self.draft.aligned is not None
        try:
            chosen = change(self.draft.aligned)
        except BriefingError as error:
            self.show_problem(error_text(error))
            return
        self.problem.hide()
        self.draft.refresh()
        self.tree.clear()
        self.report.clear()
        self._fill_tree()
        self._fill_report()
        self.summary.setText(self._summary())
        found = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for row in found:
            if row.data(0, ITEM_ID) == chosen:
                self.tree.setCurrentItem(row)
                break
        self._selection_changed()

    def show_problem(self, message: str) -> None:
        """The briefing refused the draft (one of its rules): say why and stay open."""
        self.problem.setText(message)
        self.problem.show()

    # -- what is shown ---------------------------------------------------------------------------
    def _summary(self) -> str:
        report, briefing = self.draft.report, self.draft.briefing
        code = report.language.split(" ", 1)[0]
        language = language_name(code, code) if code else self.tr("unknown")
        if report.language.endswith("(detected)"):
            language = fill(self.tr("%1 (detected)"), language)
        line = fill(
            self.tr("%1: %2 sections and %3 items, %4."),
            source_name(report),
            len(briefing.sections),
            len(briefing.items()),
            language,
        )
        details = [self._format_name(report.format)]
        if report.encoding:
            details.append(fill(self.tr("encoding %1"), report.encoding))
        line += " " + fill(self.tr("Read as %1."), ", ".join(details))
        if report.unplaced:
            unplaced = self.tr("%1 lines were not understood and are kept as paragraphs.")
            line += " " + fill(unplaced, len(report.unplaced))
        return line

    def _format_name(self, name: str) -> str:
        return self.tr("plain text") if name == "text" else name.upper()

    def _fill_tree(self) -> None:
        briefing = self.draft.briefing
        lang = briefing.origin_language
        both = any(item.target_text.strip() for item in briefing.items())
        self.tree.setColumnCount(3 if both else 2)
        headers = [self.tr("Draft"), self.tr("Kind")] + ([self.tr("Other language")] if both else [])
        self.tree.setHeaderLabels(headers)
        if not self.paste:
            card = QTreeWidgetItem(self.tree, [self.tr("Meeting card"), ""])
            for label, value in self._card_rows(briefing, lang):
                QTreeWidgetItem(card, [f"{label}: {shortened(value)}", ""]).setToolTip(0, value)
            if card.childCount() == 0:
                QTreeWidgetItem(card, [self.tr("(nothing recognised)"), ""])
        for section in briefing.sections:
            title = section.title.get(lang) or section.title.get(lang.other)
            node = QTreeWidgetItem(self.tree, [shortened(title), self.tr("section")])
            for item in section.items:
                self._item_row(node, item, both)
        self.tree.expandAll()
        header = self.tree.header()
        if both:
            # Both languages side by side share the width, so the other language is never scrolled out of view.
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        else:
            self.tree.resizeColumnToContents(1)
            self.tree.setColumnWidth(0, 420)

    @staticmethod
    def _item_row(node: QTreeWidgetItem, item: Item, both: bool) -> None:
        row = QTreeWidgetItem(node, [shortened(item.source_text or item.target_text), type_text(item)])
        row.setToolTip(0, item.source_text or item.target_text)
        row.setData(0, ITEM_ID, item.id)
        if both:
            row.setText(2, shortened(item.target_text))
            row.setToolTip(2, item.target_text)

    def _card_rows(self, briefing: Briefing, lang: Language) -> list[tuple[str, str]]:
        meeting = briefing.meeting
        rows: list[tuple[str, str]] = []
        if briefing.title.get(lang):
            rows.append((self.tr("Title"), briefing.title.get(lang)))
        name = meeting.series.name.get(lang)
        if name or meeting.series.code:
            shown = f"{name} ({meeting.series.code})" if name and meeting.series.code else name or meeting.series.code
            rows.append((self.tr("Meeting"), shown))
        if meeting.session is not None:
            rows.append((self.tr("Session"), str(meeting.session)))
        if meeting.start_date is not None:
            end = f" – {meeting.end_date.isoformat()}" if meeting.end_date else ""
            note = meeting.time_zone_note.get(lang)
            start = f" {meeting.start_time:%H:%M}" if meeting.start_time is not None else ""
            shown = meeting.start_date.isoformat() + start + end + (f" {note}" if note else "")
            rows.append((self.tr("Date"), shown))
        if meeting.place.get(lang):
            rows.append((self.tr("Place"), meeting.place.get(lang)))
        rows += [(self.tr("Co-chair"), person_text(person, lang)) for person in meeting.co_chairs()]
        rows += [(self.tr("Attachment"), a.title.get(lang)) for a in meeting.attachments if a.title.get(lang)]
        return rows

    def _fill_report(self) -> None:
        report, view = self.draft.report, self.report
        view.setColumnCount(3)
        view.setHeaderLabels([self.tr("Report"), self.tr("Confidence"), self.tr("Text")])
        groups: list[tuple[str, list[list[str]]]] = [
            (
                self.tr("Recognised"),
                [[detection_name(d.what), d.value, f"{round(d.confidence * 100)} %"] for d in report.detected],
            ),
        ]
        if self.draft.pairs:
            mean = sum(self.draft.pairs) / len(self.draft.pairs)
            low = sum(1 for confidence in self.draft.pairs if confidence < 0.5)
            rows = [[self.tr("pairs"), str(len(self.draft.pairs)), f"{round(mean * 100)} %"]]
            if low:
                rows.append([self.tr("unsure pairs (below 50 %)"), str(low), ""])
            groups.append((self.tr("Aligned (both texts per item, to be reviewed)"), rows))
        if self.draft.unpaired:
            groups.append((self.tr("Unpaired (kept on their own)"), [["", text, ""] for text in self.draft.unpaired]))
        groups += [
            (
                self.tr("Not understood (kept as paragraphs)"),
                [[fill(self.tr("line %1"), u.line), u.text, ""] for u in report.unplaced],
            ),
            (self.tr("Set apart (in the last section)"), [["", text, ""] for text in report.set_apart]),
            (self.tr("Skipped"), [["", text, ""] for text in report.skipped]),
            (self.tr("Notes"), [["", note_text(note), ""] for note in report.notes]),
        ]
        for title, rows in groups:
            if not rows:
                continue
            group = QTreeWidgetItem(view, [fill("%1 (%2)", title, len(rows)), "", ""])
            for row in rows:
                child = QTreeWidgetItem(group, [row[0], row[2], shortened(row[1])])
                child.setToolTip(2, row[1])
            group.setExpanded(True)
        for group_index in range(view.topLevelItemCount()):
            top = view.topLevelItem(group_index)
            if top is not None:
                top.setFirstColumnSpanned(True)  # a group's title may be long: its rows' labels set the width
        metrics = view.fontMetrics()
        labels = [row[0] for _, rows in groups for row in rows] or [""]
        view.setColumnWidth(0, max(metrics.horizontalAdvance(label) for label in labels) + 2 * view.indentation() + 16)
        view.resizeColumnToContents(1)

    def groups(self) -> dict[str, list[tuple[str, str, str]]]:
        """The report as shown: group title → its rows (for tests and for reading it out)."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        for index in range(self.report.topLevelItemCount()):
            group = self.report.topLevelItem(index)
            assert group is not None
            rows = [row for n in range(group.childCount()) if (row := group.child(n)) is not None]
            found[group.text(0)] = [(r.text(0), r.toolTip(2) or r.text(2), r.text(1)) for r in rows]
        return found

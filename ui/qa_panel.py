"""The QA panel: the briefing's findings (item, severity, check, what was found), filtered by severity and by
check, with a count; a double-click or Enter on one goes to its item with the span selected.

The model filters its own list (a comprehension over a few thousand findings takes well under a millisecond)
rather than through a proxy, whose per-row calls into Python would not keep a 2,000-item briefing smooth.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.language.times import local_time
from briefing.model import Waiver
from briefing.qa import CHECKS, Finding, Severity
from ui.labels import fill
from ui.qa_labels import SEVERITY_COLOURS, check_name, finding_text, severity_icon, severity_name
from ui.qt import named

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's briefing.qa.Finding
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # its severity's value ("error", …)
WAIVER_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's briefing.model.Waiver, None for an open finding
WAIVED_COLOUR = "#8a8a8a"
NUMBER, SEVERITY, CHECK, MESSAGE = range(4)
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
Shown = tuple[Sequence[Finding], Sequence[tuple[Finding, Waiver]], Mapping[str, str]]  # open, waived, numbers
PANEL_DELAY_MS = 150  # the list follows the findings at this pace while it is in view


class FindingsModel(QAbstractTableModel):
    """The findings that pass the filters, one row each, then (when shown) the waived ones, greyed, with who
    waived them, when and why; `numbers` gives an item's place ("2.3")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all: list[Finding] = []
        self.all_waived: list[tuple[Finding, Waiver]] = []
        self.show_waived = False
        self.rows: list[Finding] = []
        self.waivers: list[Waiver | None] = []  # parallel to rows
        self.numbers: Mapping[str, str] = {}
        self.severities: frozenset[Severity] = frozenset(Severity)
        self.check: str | None = None  # None: every check

    def set_findings(
        self, findings: Sequence[Finding], waived: Sequence[tuple[Finding, Waiver]], numbers: Mapping[str, str]
    ) -> None:
        self.beginResetModel()
        self.all, self.all_waived, self.numbers = list(findings), list(waived), numbers
        self._filter()
        self.endResetModel()

    def set_filter(self, severities: Collection[Severity], check: str | None, show_waived: bool = False) -> None:
        self.beginResetModel()
        self.severities, self.check, self.show_waived = frozenset(severities), check, show_waived
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        severities, check = self.severities, self.check
        self.rows = [f for f in self.all if f.severity in severities and (check is None or f.check == check)]
        self.waivers = [None] * len(self.rows)
        if self.show_waived:
            for finding, waiver in self.all_waived:
                if finding.severity in severities and (check is None or finding.check == check):
                    self.rows.append(finding)
                    self.waivers.append(waiver)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Item"), self.tr("Severity"), self.tr("Check"), self.tr("Finding"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        finding, column = self.rows[index.row()], index.column()
        waiver = self.waivers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return self.numbers.get(finding.item_id, "") if finding.item_id else "—"
            if column == SEVERITY:
                return severity_name(finding.severity)
            if column == CHECK:
                return check_name(finding.check)
            if column == MESSAGE:
                return finding_text(finding) if waiver is None else f"{finding_text(finding)} — {waiver_text(waiver)}"
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding_text(finding) if waiver is None else f"{finding_text(finding)}\n{waiver_text(waiver)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if waiver is not None:
                return QColor(WAIVED_COLOUR)
            return QColor(SEVERITY_COLOURS[finding.severity]) if column == SEVERITY else None
        if role == WAIVER_ROLE:
            return waiver
        if role == FINDING_ROLE:
            return finding
        if role == SEVERITY_ROLE:
            return finding.severity.value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def words_changed(self) -> None:
        """The interface language changed: every cell is worded again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))


def waiver_text(waiver: Waiver) -> str:
    """Who waived a finding, when (on the user's clock) and why."""
    translate = QCoreApplication.translate
    when = local_time(waiver.at)
    said = (
        fill(translate("QaPanel", "waived by %1 on %2"), waiver.by, when)
        if waiver.by
        else fill(translate("QaPanel", "waived on %1"), when)
    )
    return f"{said}: {waiver.reason}"


class WaiveDialog(QDialog):
    """Asks why a finding is acceptable; OK (with a reason) emits `reason_given`."""

    reason_given = Signal(str)

    def __init__(self, parent: QWidget | None, finding: str) -> None:
        super().__init__(parent)
        self.setObjectName("waiveDialog")
        self.setWindowTitle(self.tr("Waive finding"))
        self.finding = named(QLabel(finding), "waiveFinding")
        self.finding.setWordWrap(True)
        self.reason = named(QLineEdit(), "waiveReason")
        self.reason.setPlaceholderText(self.tr("Why this is acceptable here (kept in the file, with your name)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self._ok().setEnabled(bool(text.strip())))
        self._ok().setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.finding)
        layout.addWidget(QLabel(self.tr("Reason:")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def _ok(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        if not self.reason.text().strip():
            return
        super().accept()
        self.reason_given.emit(self.reason.text().strip())


class FindingsView(QTableView):
    """The table; Enter goes to the current row's finding (a double-click does too)."""

    jump_requested = Signal(object)  # the Finding

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.jump_requested.emit(self.currentIndex().data(FINDING_ROLE))
            return
        super().keyPressEvent(event)


class QaPanel(QWidget):
    jump_requested = Signal(object)  # a Finding: show its item, its span selected
    waive_requested = Signal(object)  # an open Finding to waive (the reason is asked)
    unwaive_requested = Signal(object)  # a waived Finding whose waiver goes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.busy = False
        self.note = ""  # said after the count while it holds (the checks' process stopped)
        self.severity_buttons: dict[Severity, QToolButton] = {}
        filters = QHBoxLayout()
        for severity in SEVERITIES:
            button = named(QToolButton(), f"qaShow{severity.value.title()}")
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.toggled.connect(lambda _on: self._filter_changed())
            self.severity_buttons[severity] = button
            filters.addWidget(button)
        self.check_box = named(QComboBox(), "qaCheck")
        self.check_box.currentIndexChanged.connect(lambda _index: self._filter_changed())
        filters.addWidget(self.check_box, 1)
        self.view = named(FindingsView(), "qaFindings")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.jump_requested.emit(index.data(FINDING_ROLE)))
        self.view.jump_requested.connect(self.jump_requested)
        self._source: Callable[[], Shown] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.count = named(QLabel(), "qaCount")
        self.count.setWordWrap(True)
        self.detail = named(QLabel(), "qaDetail")  # the chosen finding in full: the list's column is narrow
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_waived = named(QCheckBox(), "qaShowWaived")
        self.show_waived.toggled.connect(lambda _on: self._filter_changed())
        self.waive_button = named(QPushButton(), "qaWaive")
        self.waive_button.clicked.connect(lambda: self.waive_requested.emit(self.current_finding()))
        self.unwaive_button = named(QPushButton(), "qaUnwaive")
        self.unwaive_button.clicked.connect(lambda: self.unwaive_requested.emit(self.current_finding()))
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        actions = QHBoxLayout()
        actions.addWidget(self.show_waived)
        actions.addStretch(1)
        actions.addWidget(self.waive_button)
        actions.addWidget(self.unwaive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.count)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_waived.setText(self.tr("Show waived"))
        self.show_waived.setToolTip(self.tr("List the findings a reviewer accepted, with who, when and why"))
        self.waive_button.setText(self.tr("Waive…"))
        self.waive_button.setToolTip(self.tr("Accept this finding here, giving a reason (kept in the file)"))
        self.unwaive_button.setText(self.tr("Remove waiver"))
        for severity, button in self.severity_buttons.items():
            button.setText(severity_name(severity))
            button.setToolTip(fill(self.tr("Show the findings of this severity: %1"), severity_name(severity)))
        self._fill_checks(self.check_names())
        self.model.words_changed()
        self.size_columns()
        self._show_count()

    @staticmethod
    def check_names() -> list[str]:
        return CHECKS.names()

    def _fill_checks(self, names: list[str]) -> None:
        chosen = self.check_box.currentData()
        self.check_box.blockSignals(True)
        self.check_box.clear()
        self.check_box.addItem(self.tr("All checks"), None)
        for name in names:
            self.check_box.addItem(check_name(name), name)
        found = self.check_box.findData(chosen) if chosen is not None else 0
        self.check_box.setCurrentIndex(max(found, 0))
        self.check_box.blockSignals(False)

    def size_columns(self) -> None:
        """Item, severity and check wide enough for their longest label; the finding takes the rest (measured
        on the labels, not on the rows: a few thousand rows are not measured at every run)."""
        metrics = self.view.fontMetrics()
        self.view.setColumnWidth(NUMBER, metrics.horizontalAdvance("88.88") + 12)
        widest = max(metrics.horizontalAdvance(severity_name(s)) for s in Severity)
        self.view.setColumnWidth(SEVERITY, widest + 34)
        names = [check_name(name) for name in self.check_names()]
        self.view.setColumnWidth(CHECK, min(max(metrics.horizontalAdvance(n) for n in names) + 12, 160))

    # -- showing ---------------------------------------------------------------------------------
    def invalidate(self, source: Callable[[], Shown]) -> None:
        """The findings changed; `source` gives them. Shown after a short pause while the panel is in view (typing
        rechecks an item at every key), or when it comes into view: a hidden panel costs nothing."""
        self._source = source
        if self.isVisible():
            self._timer.start(PANEL_DELAY_MS)

    def refresh(self) -> None:
        """Show the findings now, keeping the finding that was current (if it is still there) and the scroll."""
        self._timer.stop()
        if self._source is None:
            return
        findings, waived, numbers = self._source()
        self._source = None
        current = self.current_finding()
        position = self.view.verticalScrollBar().value()
        self.model.set_findings(findings, waived, numbers)
        if current is not None and current in self.model.rows:
            self.view.setCurrentIndex(self.model.index(self.model.rows.index(current), MESSAGE))
        self.view.verticalScrollBar().setValue(position)
        self._show_count()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def set_note(self, note: str) -> None:
        """A line about how the checks run, after the count until it is taken back ("")."""
        self.note = note
        self._show_count()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._show_count()

    def current_waiver(self) -> Waiver | None:
        index = self.view.currentIndex()
        found = index.data(WAIVER_ROLE) if index.isValid() else None
        return found if isinstance(found, Waiver) else None

    def _update_buttons(self) -> None:
        finding, waiver = self.current_finding(), self.current_waiver()
        self.waive_button.setEnabled(finding is not None and finding.item_id is not None and waiver is None)
        self.unwaive_button.setEnabled(waiver is not None)
        index = self.view.currentIndex()
        self.detail.setText(index.siblingAtColumn(MESSAGE).data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else "")
        self.detail.setVisible(index.isValid())

    def current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        found = index.data(FINDING_ROLE) if index.isValid() else None
        return found if isinstance(found, Finding) else None

    # -- filters ---------------------------------------------------------------------------------
    def set_filter(self, severities: Collection[Severity], check: str | None = None, waived: bool = False) -> None:
        """What the buttons and the list of checks choose (for tests and scripts)."""
        for severity, button in self.severity_buttons.items():
            button.blockSignals(True)
            button.setChecked(severity in severities)
            button.blockSignals(False)
        self.check_box.blockSignals(True)
        self.check_box.setCurrentIndex(max(self.check_box.findData(check), 0) if check is not None else 0)
        self.check_box.blockSignals(False)
        self.show_waived.blockSignals(True)
        self.show_waived.setChecked(waived)
        self.show_waived.blockSignals(False)
        self._filter_changed()

    def _filter_changed(self) -> None:
        severities = [s for s, button in self.severity_buttons.items() if button.isChecked()]
        check = self.check_box.currentData()
        self.model.set_filter(severities, check if isinstance(check, str) else None, self.show_waived.isChecked())
        self._show_count()

    def _show_count(self) -> None:
        every = self.model.all
        per = Counter(f.severity for f in every)
        if not every and not self.model.all_waived:
            line = self.tr("No findings")
        else:
            line = fill(
                self.tr("%1 of %2 findings shown · errors %3 · warnings %4 · info %5"),
                len(self.model.rows),
                len(every),
                per[Severity.ERROR],
                per[Severity.WARNING],
                per[Severity.INFO],
            )
        if self.model.all_waived:
            line += " · " + fill(self.tr("waived %1"), len(self.model.all_waived))
        if self.busy:
            line += " · " + self.tr("checking…")
        if self.note:
            line += " · " + self.note
        self.count.setText(line)

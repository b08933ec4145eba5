"""How QA findings look in the window: the severities' names, colours and icons, the checks' names, a finding
worded in the interface language. Shared by the Findings panel, the outline's badges and the editors' marks."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF

from briefing.qa import Finding, Severity
from ui.messages import text as message_text
from ui.qt import QT_TRANSLATE_NOOP

CONTEXT = "QA"
SEVERITY_COLOURS = {Severity.ERROR: "#d9383a", Severity.WARNING: "#e07b00", Severity.INFO: "#2a6fbd"}
SEVERITY_NAMES = {
    Severity.ERROR: QT_TRANSLATE_NOOP("QA", "Error"),
    Severity.WARNING: QT_TRANSLATE_NOOP("QA", "Warning"),
    Severity.INFO: QT_TRANSLATE_NOOP("QA", "Info"),
}
# The registered checks (briefing/qa/*.py) by their names; a check added later shows its own name.
CHECK_NAMES = {
    "numbers": QT_TRANSLATE_NOOP("QA", "Numbers and dates"),
    "meeting": QT_TRANSLATE_NOOP("QA", "Meeting facts"),
    "acronyms": QT_TRANSLATE_NOOP("QA", "Acronyms"),
    "terminology": QT_TRANSLATE_NOOP("QA", "Terminology"),
    "completeness": QT_TRANSLATE_NOOP("QA", "Completeness"),
    "markup": QT_TRANSLATE_NOOP("QA", "Markup"),
    "consistency": QT_TRANSLATE_NOOP("QA", "Consistency"),
    "status": QT_TRANSLATE_NOOP("QA", "Status"),
    "style": QT_TRANSLATE_NOOP("QA", "Korean style"),
}
_icons: dict[Severity, QIcon] = {}


def severity_name(severity: Severity) -> str:
    return QCoreApplication.translate(CONTEXT, SEVERITY_NAMES[severity])


def check_name(check: str) -> str:
    name = CHECK_NAMES.get(check)
    return QCoreApplication.translate(CONTEXT, name) if name else check


def finding_text(finding: Finding) -> str:
    """The finding's sentence in the interface language (the catalogue of ui/messages.py)."""
    return message_text(finding.code, finding.params)


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The most serious severity among `findings` (None when there are none)."""
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def severity_icon(severity: Severity) -> QIcon:
    """A small sign, drawn once: a red disc with "!" (error), an orange triangle (warning), a blue "i" (info)."""
    if severity not in _icons:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(SEVERITY_COLOURS[severity]))
        painter.setPen(Qt.PenStyle.NoPen)
        if severity is Severity.WARNING:
            painter.drawPolygon(QPolygonF([QPointF(7, 0.5), QPointF(13.5, 13), QPointF(0.5, 13)]))
        else:
            painter.drawEllipse(1, 1, 12, 12)
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        sign = "i" if severity is Severity.INFO else "!"
        painter.drawText(
            pixmap.rect().adjusted(0, 2 if severity is Severity.WARNING else 0, 0, 0),
            Qt.AlignmentFlag.AlignCenter,
            sign,
        )
        painter.end()
        _icons[severity] = QIcon(pixmap)
    return _icons[severity]

"""A finding's spans underlined in an item's editor: a red wave for an error, an orange one for a warning, a blue
dotted line for a note; hovering one shows what was found.

Extra selections rather than a syntax highlighter: the editors' document already has one (the term marks), and
a document takes only one; extra selections lie over it and are set in one call when the findings change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from briefing.model import Language
from briefing.qa import Finding, Severity
from ui.qa_labels import SEVERITY_COLOURS, finding_text
from ui.terms_highlighter import utf16_offsets

STYLES = {
    Severity.ERROR: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.WARNING: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.INFO: QTextCharFormat.UnderlineStyle.DotLine,
}


def mark_format(severity: Severity) -> QTextCharFormat:
    made = QTextCharFormat()
    made.setUnderlineStyle(STYLES[severity])
    made.setUnderlineColor(QColor(SEVERITY_COLOURS[severity]))
    return made


class FindingMarks(QObject):
    """The marks of one editor (one language of the item shown)."""

    def __init__(self, editor: QPlainTextEdit, language: Language) -> None:
        super().__init__(editor)
        self.editor, self.language = editor, language
        self.marks: list[tuple[int, int, Finding]] = []  # Qt (UTF-16) positions, most serious first
        editor.viewport().installEventFilter(self)  # after the term marks' filter: asked first

    def show(self, findings: Sequence[Finding]) -> None:
        """Underline the spans in this editor's language of `findings` (findings of the item it shows)."""
        text = self.editor.toPlainText()
        offsets = utf16_offsets(text)
        marks = []
        for finding in sorted(findings, key=lambda f: -f.severity.rank):
            for span in finding.spans:
                start, end = min(span.start, len(text)), min(span.end, len(text))
                if span.language is self.language and start < end:
                    marks.append((offsets[start], offsets[end], finding))
        if not marks and not self.marks:
            return
        self.marks = marks
        selections = []
        # Less serious first: where spans overlap, the more serious mark is drawn last, on top.
        for start, end, finding in reversed(marks):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = mark_format(finding.severity)
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def findings_at(self, position: int) -> list[Finding]:
        """The findings marked at a position of the document (Qt's), most serious first."""
        found: list[Finding] = []
        for start, end, finding in self.marks:
            if start <= position < end and finding not in found:
                found.append(finding)
        return found

    def tooltip_at(self, position: int) -> str:
        return "\n".join(finding_text(finding) for finding in self.findings_at(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.marks:
            tip = self.tooltip_at(self.editor.cursorForPosition(event.pos()).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.editor.viewport())
                return True
        return super().eventFilter(watched, event)

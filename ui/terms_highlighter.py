"""Term hits marked in a Markdown editor: a dotted underline, a red wave for a forbidden term, grey for an
entry nobody could confirm; hovering one shows the term, its target term, the note and the termbase."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from briefing.model import Language
from briefing.stores.location import COPY_NAME
from briefing.stores.office_terms import OFFICE_NAME
from briefing.terms.model import Entry, Hit
from briefing.terms.stack import BRIEFING, PERSONAL, SHIPPED
from ui.labels import fill
from ui.qt import QT_TRANSLATE_NOOP

Find = Callable[[str, Language], Sequence[Hit]]
TERM_COLOUR = QColor("#2a6fbd")
FORBIDDEN_COLOUR = QColor("#d9383a")
UNVERIFIED_COLOUR = QColor("#9a9a9a")


def termbase_name(name: str) -> str:
    """A termbase's name in the interface language (office termbases keep their own names)."""
    translate = QCoreApplication.translate
    fixed = {
        BRIEFING: translate("Terms", "this briefing's meeting card"),
        PERSONAL: translate("Terms", "personal"),
        SHIPPED: translate("Terms", "shipped"),
        OFFICE_NAME: translate("Terms", "office"),
        COPY_NAME: translate("Terms", "office (local copy)"),
    }
    return fixed.get(name, name)


DOMAINS = {
    "organisation": QT_TRANSLATE_NOOP("Terms", "organisation"),
    "meeting": QT_TRANSLATE_NOOP("Terms", "meeting"),
    "delegation": QT_TRANSLATE_NOOP("Terms", "delegation"),
    "person": QT_TRANSLATE_NOOP("Terms", "person"),
    "title": QT_TRANSLATE_NOOP("Terms", "title"),
    "rank": QT_TRANSLATE_NOOP("Terms", "rank"),
    "place": QT_TRANSLATE_NOOP("Terms", "place"),
    "phrase": QT_TRANSLATE_NOOP("Terms", "phrase"),
    "weapon": QT_TRANSLATE_NOOP("Terms", "weapon"),
    "space": QT_TRANSLATE_NOOP("Terms", "space"),
    "exercise": QT_TRANSLATE_NOOP("Terms", "exercise"),
    "document": QT_TRANSLATE_NOOP("Terms", "document"),
    "other": QT_TRANSLATE_NOOP("Terms", "other"),
}


def entry_note(entry: Entry) -> str:
    """An entry's note, or, when it has none, what kind of name it is (its domain) in the interface language."""
    if entry.note:
        return entry.note
    domain = DOMAINS.get(entry.domain)
    return QCoreApplication.translate("Terms", domain) if domain else entry.domain


def hit_tooltip(hit: Hit) -> str:
    """What hovering a term says: the term and its target term, forbidden or not, the note, the termbase."""
    translate = QCoreApplication.translate
    other = hit.language.other
    target = hit.target(other)
    lines = []
    if hit.forbidden:
        preferred = hit.entry.preferred(hit.language)
        lines.append(fill(translate("Terms", "“%1” is forbidden"), hit.term.text))
        if preferred is not None:
            lines.append(fill(translate("Terms", "Use: %1"), preferred.text))
    else:
        lines.append(f"{hit.term.text} → {target.text if target else '—'}")
    if target is not None and target.acronym:
        lines.append(fill(translate("Terms", "Acronym: %1"), target.acronym))
    if entry_note(hit.entry):
        lines.append(fill(translate("Terms", "Note: %1"), entry_note(hit.entry)))
    lines.append(fill(translate("Terms", "Termbase: %1"), termbase_name(hit.entry.termbase)))
    if not hit.entry.verified:
        lines.append(translate("Terms", "unverified: not confirmed from a public source"))
    return "\n".join(lines)


def utf16_offsets(text: str) -> list[int]:
    """Where each character of `text` (and its end) starts in Qt's UTF-16 positions."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets


def hit_formats() -> tuple[QTextCharFormat, QTextCharFormat, QTextCharFormat]:
    """The marks for a term, a forbidden term and an unverified term."""
    term, forbidden, unverified = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    term.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    term.setUnderlineColor(TERM_COLOUR)
    forbidden.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    forbidden.setUnderlineColor(FORBIDDEN_COLOUR)
    forbidden.setForeground(FORBIDDEN_COLOUR)
    unverified.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    unverified.setUnderlineColor(UNVERIFIED_COLOUR)
    return term, forbidden, unverified


class TermHighlighter(QSyntaxHighlighter):
    """Marks the hits of one editor, block by block (only the changed block while typing)."""

    def __init__(self, editor: QPlainTextEdit, language: Language, find: Find) -> None:
        super().__init__(editor.document())
        self.editor, self.language, self.find = editor, language, find
        self.term_format, self.forbidden_format, self.unverified_format = hit_formats()
        editor.viewport().installEventFilter(self)

    def highlightBlock(self, text: str) -> None:
        hits = self.find(text, self.language)
        if not hits:
            return
        offsets = utf16_offsets(text) if not text.isascii() else None
        for hit in hits:
            start, end = (offsets[hit.start], offsets[hit.end]) if offsets else (hit.start, hit.end)
            self.setFormat(start, end - start, self._format(hit))

    def _format(self, hit: Hit) -> QTextCharFormat:
        if hit.forbidden:
            return self.forbidden_format
        return self.term_format if hit.entry.verified else self.unverified_format

    def hit_at(self, position: int) -> Hit | None:
        """The hit under a position of the document (Qt's), if any."""
        block = self.editor.document().findBlock(position)
        text = block.text()
        inside = position - block.position()
        offsets = utf16_offsets(text)
        for hit in self.find(text, self.language):
            if offsets[hit.start] <= inside < offsets[hit.end]:
                return hit
        return None

    def tooltip_at(self, position: int) -> str:
        hit = self.hit_at(position)
        return hit_tooltip(hit) if hit is not None else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.editor.cursorForPosition(event.pos())
            tip = self.tooltip_at(cursor.position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.editor.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)


def term_colour(forbidden: bool, verified: bool) -> QColor | None:
    """The colour a list shows a term in, matching the editors' marks (None: the usual text colour)."""
    if forbidden:
        return FORBIDDEN_COLOUR
    return None if verified else UNVERIFIED_COLOUR

"""The outline's headings are read whole at 1024×600, in English and in Korean (issue 15: "Statu")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from tests.conftest import EXAMPLE
from ui.main_window import MainWindow
from ui.outline_model import OutlineModel


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(20)
    QApplication.processEvents()


def _headings_cut(window: MainWindow) -> list[str]:
    header = window.outline.header()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        text = str(window.outline.model().headerData(column, header.orientation()))
        if header.sectionSize(column) < header.fontMetrics().horizontalAdvance(text) + 2 * margin:
            cut.append(text)
    return cut


@pytest.mark.parametrize("language", ["en", "ko"])
def test_no_outline_heading_is_cut_at_1024x600(
    window: MainWindow, qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "ko":
        request.getfixturevalue("korean_ui")
        window.retranslate()
    assert window.open_file(EXAMPLE, ask=False)
    for preview in (True, False):  # the narrowest outline is with the preview shown
        window.resize(1024, 600)
        window.actions_["togglePreview"].setChecked(preview)
        window.toggle_preview()
        _settle(qtbot)
        assert not window.outline.header().isSectionHidden(OutlineModel.COLUMN_STATUS)
        assert _headings_cut(window) == [], (language, preview)
        # A status column too narrow for its words paints the dot alone, never the words cut to "a…".
        status = window.outline.model().index(0, OutlineModel.COLUMN_STATUS, window.outline.model().index(0, 0))
        words = str(status.data())
        painted = window.outline.itemDelegateForColumn(OutlineModel.COLUMN_STATUS).displayText(words, QLocale())
        width = window.outline.columnWidth(OutlineModel.COLUMN_STATUS)
        assert painted in ("", words)
        assert not painted or width >= window.outline.fontMetrics().horizontalAdvance(words) + 16  # dot, words
        assert painted or preview  # without the preview, the outline has room for the words
    column = window.outline.columnWidth(OutlineModel.COLUMN_TEXT)
    assert column >= window.outline.fontMetrics().horizontalAdvance("2.1  During")  # the titles keep their room

"""The outline's headings are read whole at 1024×600, in English and in Korean (issue 15: "Statu")."""

from __future__ import annotations

import pytest
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
    column = window.outline.columnWidth(OutlineModel.COLUMN_TEXT)
    assert column >= window.outline.fontMetrics().horizontalAdvance("2.1  During")  # the titles keep their room

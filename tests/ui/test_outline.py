"""The outline on a narrow screen: the titles keep their room, the type column gives way."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.conftest import EXAMPLE
from ui.main_window import MainWindow
from ui.outline_model import OutlineModel
from ui.outline_pane import MIN_TITLE_WIDTH


def test_a_narrow_outline_hides_the_type_column_and_a_wide_one_shows_it(window: MainWindow, qtbot: QtBot) -> None:
    assert window.open_file(EXAMPLE)
    pane = window.outline_pane
    view = pane.view
    window.resize(1366, 768)
    splitter = view.parentWidget()
    while splitter is not None and splitter.objectName() != "mainSplitter":
        splitter = splitter.parentWidget()
    assert splitter is not None
    splitter.setSizes([300, 600, 466])  # a laptop: the outline gets little
    qtbot.waitUntil(lambda: view.isColumnHidden(OutlineModel.COLUMN_TYPE), timeout=2_000)
    status = view.columnWidth(OutlineModel.COLUMN_STATUS)
    assert view.columnWidth(OutlineModel.COLUMN_TEXT) >= view.viewport().width() - status - 2  # all that is left
    window.resize(1920, 1000)  # a desktop screen: room for the type column again
    splitter.setSizes([700, 700, 520])
    qtbot.waitUntil(lambda: not view.isColumnHidden(OutlineModel.COLUMN_TYPE), timeout=2_000)
    assert view.columnWidth(OutlineModel.COLUMN_TEXT) >= MIN_TITLE_WIDTH

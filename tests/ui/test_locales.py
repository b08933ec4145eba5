"""The interface in Korean: every string translated, the compiled catalogue current, the window in Korean."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import EXAMPLE, ROOT
from ui.app import LOCALES
from ui.main_window import MainWindow


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    assert found, f"pyside6-{name} is part of PySide6-Essentials"
    return found


def test_every_interface_string_has_a_korean_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "extracted_ko.ts"
    shutil.copy(LOCALES / "briefing_studio_ko.ts", fresh)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [_tool("lupdate"), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(fresh).iter("message")
        if not (message.findtext("translation") or "").strip()
        or message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
    ]
    assert untranslated == [], "run pyside6-lupdate and translate these in locales/briefing_studio_ko.ts"


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    compiled = tmp_path / "ko.qm"
    subprocess.run(
        [_tool("lrelease"), str(LOCALES / "briefing_studio_ko.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (LOCALES / "briefing_studio_ko.qm").read_bytes()


@pytest.mark.usefixtures("korean_ui")
def test_window_in_korean(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_file(EXAMPLE)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "번역(&T)", "도구(&O)", "보기(&V)", "도움말(&H)"]
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == "항목 21개 · 승인 21 · 검토 필요 0 · 검토 요청 0 · 미해결 의견 1 · 확인할 제목 0"
        )
    )  # the counts follow edits after a short delay
    assert window.item_editor.source_label.text() == "원문:"
    assert "승인됨" in window.item_editor.status_badge.text()
    assert window.outline_model.headerData(0, Qt.Orientation.Horizontal) == "개요"

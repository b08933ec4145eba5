"""The window words every core message in the interface language: a walk of every code through the Korean
catalogue, and a Korean window that opens a damaged file and says what is wrong in Korean."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing.export.pack import ExportError
from briefing.messages import ENGLISH, Message
from briefing.model import ItemType, Language
from briefing.translation.engine import PackageMissing
from tests.conftest import EXAMPLE
from tests.test_messages import core_modules, fields
from ui.app import install_translators
from ui.labels import type_names
from ui.main_window import MainWindow
from ui.messages import CATALOGUE, CONTEXT, error_text, text

HANGUL = re.compile("[\uac00-\ud7a3]")
WORDLESS = {"export.pending_item"}  # "{number}({status})": Korean only in its spacing


def test_the_window_catalogue_has_every_code_with_the_core_english() -> None:
    core_modules()
    assert len(ENGLISH) > 100
    assert sorted(set(ENGLISH) - set(CATALOGUE)) == []
    assert sorted(set(CATALOGUE) - set(ENGLISH)) == []
    assert [code for code, source in CATALOGUE.items() if source != ENGLISH[code]] == []


@pytest.mark.usefixtures("korean_ui")
def test_every_code_has_a_korean_translation_keeping_its_fields() -> None:
    core_modules()
    missing, lost = [], []
    for code, english in ENGLISH.items():
        korean = QCoreApplication.translate(CONTEXT, CATALOGUE[code])
        if korean == english or (not HANGUL.search(korean) and code not in WORDLESS):
            missing.append(code)
        if fields(korean) != fields(english):
            lost.append(code)
    assert missing == []
    assert lost == []


@pytest.mark.usefixtures("korean_ui")
def test_parameters_naming_the_vocabulary_are_worded_too() -> None:
    korean_paragraph = type_names()[ItemType.PARAGRAPH]
    assert korean_paragraph != "paragraph"
    assert text("rules.not_for_type", {"type": "paragraph"}) == f"{korean_paragraph} 항목에는 해당하지 않습니다"
    assert text("rules.not_for_type", {"type": "no-such-type"}) == "no-such-type 항목에는 해당하지 않습니다"
    assert error_text(PackageMissing("en", "ko")) == "영어→한국어 언어 패키지가 설치되어 있지 않습니다"
    nested = Message("export.pending_item", {"number": "2.2", "status": "needs_review"})
    refusal = error_text(ExportError("export.not_approved", count=1, items=[nested], marking="DRAFT / 초안"))
    assert refusal.startswith("승인되지 않은 항목이 1개 있습니다: 2.2(검토 필요). ")
    assert "--draft" not in refusal


def test_other_exceptions_are_shown_as_python_words_them() -> None:
    assert error_text(RuntimeError("disk on fire")) == "disk on fire"
    assert text("no.such.code", {"a": 1}) == "no.such.code (a=1)"


@pytest.mark.usefixtures("korean_ui")
def test_a_korean_window_says_in_korean_what_is_wrong_with_a_damaged_file(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    damaged = tmp_path / "damaged.briefing"
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["meeting"]["session"] = "twenty-three"
    data["sections"][0]["items"][0]["type"] = "essay"
    damaged.write_text(json.dumps(data), "utf-8")
    with qtbot.waitSignal(window.open_failed):
        assert not window.open_file(damaged)
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.informativeText() == f"{damaged}: 올바른 브리핑 파일이 아닙니다(문제 2건)"
    details = box.detailedText().splitlines()
    assert details[1] == '  $.meeting.session: 정수 또는 null 값이어야 하나 "twenty-three"입니다'
    assert details[2].startswith('  $.sections[0].items[0].type: "essay"은(는) 다음 값 중 하나가 아닙니다: ')
    box.close()


@pytest.mark.usefixtures("korean_ui")
def test_a_korean_window_says_in_korean_that_a_file_is_cut_off(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    cut = tmp_path / "cut.briefing"
    cut.write_bytes(EXAMPLE.read_bytes()[:500])
    assert not window.open_file(cut)
    box = window.findChild(QMessageBox)
    assert box is not None
    assert "파일이 중간에 끝납니다" in box.informativeText()
    assert "the file ends too early" not in box.detailedText()
    box.close()


@pytest.mark.parametrize("ui_korean", [False, True])
def test_a_new_section_is_titled_from_the_document_phrases_whatever_the_interface_language(
    qapp: QApplication, qtbot: QtBot, ui_korean: bool
) -> None:
    translators = install_translators(qapp, "ko") if ui_korean else []
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        first = window.document.briefing.sections[0].title
        assert (first.ko, first.en) == ("개요", "Overview")
        window.add_section()
        title = window.document.briefing.sections[-1].title
        # in the drafting language (Korean by default); the English is a translation still to be made
        assert (title.get(Language.KO), title.get(Language.EN)) == ("새 절", "")
        window.document.undo_stack.setClean()  # no "save changes?" before File → New
        window.new_document(Language.EN)
        window.add_section()
        title = window.document.briefing.sections[-1].title
        assert (title.get(Language.KO), title.get(Language.EN)) == ("", "New section")
        window.document.undo_stack.setClean()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_fields_sees_every_field() -> None:
    assert fields("{a} and {b}") == {"a", "b"}
    assert [name for _, name, _, _ in string.Formatter().parse("no fields") if name] == []

"""TMX in and out from the window: a report of what was imported and skipped, a hostile or broken file
refused with the memory unchanged, an export read back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing.memory import exchange
from briefing.memory.model import Unit
from briefing.memory.stack import personal_path
from briefing.memory.store import TranslationMemory
from briefing.model import Language
from ui.main_window import MainWindow

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t"
 adminlang="en" srclang="ko" datatype="plaintext"/><body>
<tu><tuv xml:lang="ko"><seg>양측은 협력을 강화하기로 하였다.</seg></tuv>
<tuv xml:lang="en"><seg>The two sides agreed to strengthen cooperation.</seg></tuv></tu>
<tu><tuv xml:lang="ko"><seg>영어가 없는 문장</seg></tuv></tu>
<tu><tuv xml:lang="ko"><seg>회의는 \u009b2J서울에서 열렸다.</seg></tuv>
<tuv xml:lang="en"><seg>The meeting was held in Seoul.</seg></tuv></tu>
</body></tmx>
"""  # \u009b: a C1 control (CSI) that XML 1.0 allows and a terminal obeys

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header srclang="ko"/><body>
<tu><tuv xml:lang="ko"><seg>&lol3;</seg></tuv><tuv xml:lang="en"><seg>&lol3;</seg></tuv></tu>
</body></tmx>
"""


def seeded() -> int:
    with TranslationMemory.create(personal_path(), "personal") as memory:
        memory.learn([Unit(Language.KO, "기존 문장", "An existing sentence.")])
        return memory.count()


def test_import_reports_imported_and_skipped_and_the_panel_finds_them(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "office.tmx"
    path.write_text(TMX, "utf-8")
    with qtbot.waitSignal(window.memory.imported, timeout=10_000) as blocker:
        window.memory.import_tmx(path)
    report = blocker.args[0]
    assert report.imported == 2 and [s.reason for s in report.skipped] == ["tmx.skip_missing"]
    box = window.findChild(QMessageBox, "memoryImported")
    assert box is not None and box.text() == "Imported 2 units into your translation memory; skipped 1."
    assert "tu 2 (line 7): no segment in English" in box.detailedText()
    found = window.memory.lookup("양측은 협력을 강화하기로 하였다.", Language.KO)
    assert [m.score for m in found] == [100]
    window.memory_panel.search_field.setText("Seoul")
    window.memory_panel.run_search()
    (unit,) = window.memory_panel.units_model.rows
    assert "\u009b2J" in unit.source  # kept as text: the window shows it, no terminal reads it

    out = tmp_path / "out.tmx"
    with qtbot.waitSignal(window.memory.exported, timeout=10_000) as exported:
        window.memory.export_tmx(out)
    assert exported.args == [2]
    with TranslationMemory.create(tmp_path / "again.sqlite") as again:
        assert exchange.import_tmx(again, out).imported == 2


def test_a_billion_laughs_file_is_refused_and_the_memory_is_unchanged(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    before = seeded()
    path = tmp_path / "laughs.tmx"
    path.write_text(LAUGHS, "utf-8")
    with qtbot.waitSignal(window.memory.import_failed, timeout=10_000) as blocker:
        window.memory.import_tmx(path)
    assert "declares a DTD of its own" in blocker.args[0]
    box = window.findChild(QMessageBox, "memoryImportFailed")
    assert box is not None and "was not changed" in box.text()
    with TranslationMemory.open(personal_path(), read_only=True) as memory:
        assert memory.count() == before


def test_a_failed_import_leaves_no_new_memory_behind(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    big = tmp_path / "broken.tmx"
    big.write_text(TMX[: len(TMX) // 2], "utf-8")  # cut off in the middle
    with qtbot.waitSignal(window.memory.import_failed, timeout=10_000) as blocker:
        window.memory.import_tmx(big)
    assert "not well-formed TMX" in blocker.args[0]
    assert not personal_path().exists()
    messages: list[str] = []
    window.memory.message.connect(lambda text, _ms: messages.append(text))
    window.memory.export_tmx(tmp_path / "nothing.tmx")
    assert messages == ["Your translation memory is empty: nothing to export"]

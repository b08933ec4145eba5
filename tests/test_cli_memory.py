"""The memory command and memory-first translation, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli.main import run
from briefing.memory.stack import Memories
from briefing.model import Language, TargetStatus
from briefing.storage import load, save
from briefing.translation import jobs, pretranslate
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.packages import PackageStore
from tests.conftest import EXAMPLE


def untranslated(tmp_path: Path, name: str = "new.briefing") -> Path:
    briefing = load(EXAMPLE)
    for item in briefing.items():
        item.set_text(item.target, "")
    save(briefing, tmp_path / name)
    return tmp_path / name


def test_learn_stats_find_export_import_and_memory_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["memory", "learn", str(EXAMPLE)]) == 0
    assert "learned 27 units from 21 approved items" in capsys.readouterr().out
    assert run(["memory", "stats"]) == 0
    assert "personal: 27 units" in capsys.readouterr().out
    first = load(EXAMPLE).items()[0].source_text
    assert run(["memory", "find", first[:200] + "\x1b]0;title\x07"]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "%  [personal, item]" in shown
    assert run(["memory", "export", str(tmp_path / "m.tmx")]) == 0 and (tmp_path / "m.tmx").is_file()
    assert run(["memory", "import", str(tmp_path / "m.tmx")]) == 0
    captured = capsys.readouterr()
    assert "imported 0 units" in captured.out and "already in the memory" in captured.err

    path = untranslated(tmp_path)
    assert run(["translate", str(path), "--to", "ko", "--memory-only"]) == 0
    assert "filled 21 of 21 items into ko from the translation memory" in capsys.readouterr().out
    filled = load(path)
    assert [i.text.ko for i in filled.items()] == [i.text.ko for i in load(EXAMPLE).items()]
    assert {i.status for i in filled.items()} == {TargetStatus.MEMORY}
    with pytest.raises(SystemExit):
        run(["translate", str(path), "--to", "ko", "--min-match", "49"])
    assert "not a whole number from 50 to 100" in capsys.readouterr().err


def test_bad_tmx_is_one_coded_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad\x1b[2J.tmx"
    bad.write_text("<tmx><body><tu>", "utf-8")
    assert run(["memory", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not well-formed TMX" in err and "\x1b" not in err


def test_memory_filled_items_are_not_sent_to_the_engine(tmp_path: Path, installed: Path) -> None:
    source = load(EXAMPLE)
    first = source.items()[0]
    briefing = load(untranslated(tmp_path))
    with Memories.load() as memories:
        memories.personal.learn(
            [
                u
                for u in __import__("briefing.memory.learning", fromlist=["x"]).units_from(source, "k")
                if u.item_id == first.id
            ]
        )
        pre = pretranslate.pretranslate(briefing, Language.KO, memories)
    assert [t.item_id for t in pre.translations] == [first.id]
    assert first.id not in {task.item_id for task in pre.request.tasks} and len(pre.request.tasks) == 20
    result = jobs.run(Engine(PackageStore(), EngineSettings(beam_size=1)), pre.request)
    assert set(result.translations) == {task.item_id for task in pre.request.tasks}
    assert pre.translations[0].text == first.text.ko

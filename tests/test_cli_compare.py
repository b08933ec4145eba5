"""The compare command as a user runs it: a report with [-deleted-]{+inserted+} marks, exit 0/1/2 like diff,
--json, --docx with tracked changes, and unusable or hostile files refused with nothing written."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from briefing import storage
from briefing.cli.main import run
from briefing.model import Language
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from tests.helpers import large_briefing


def saved_twice(tmp_path: Path, text: str | None = None) -> Path:
    """A briefing saved, then edited and saved again: the file and its .bak differ in item 1.1's Korean."""
    path = tmp_path / "b.briefing"
    briefing = load(EXAMPLE)
    save(briefing, path)
    first = briefing.items()[0]
    first.set_text(Language.KO, text if text is not None else first.text.ko.replace("제23차", "제24차"))
    save(briefing, path)
    return path


def test_same_and_different_exit_like_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_twice(tmp_path)
    assert run(["compare", str(path), str(path)]) == 0
    assert "no changes (21 items)" in capsys.readouterr().out
    assert run(["compare", str(path) + ".bak", str(path)]) == 1
    out = capsys.readouterr().out
    assert "items: 0 added, 0 removed, 0 moved, 1 changed (of 21 → 21)" in out
    assert "  1.1 changed" in out and "status: approved → edited" in out
    assert "제2[-3-]{+4+}차" in out
    assert run(["compare", str(path)]) == 1  # one file: compared with its .bak
    assert "제2[-3-]{+4+}차" in capsys.readouterr().out


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_twice(tmp_path)
    assert run(["compare", str(path) + ".bak", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "briefing-studio/compare" and data["version"] == 1 and data["same"] is False
    [item] = data["items"]
    assert item["kinds"] == ["changed"] and item["new"]["number"] == "1.1" and item["matched_by"] == "id"
    [text] = item["texts"]
    assert text["language"] == "ko"
    assert [piece for piece in text["diff"] if piece[0] != "same"] == [["deleted", "3"], ["inserted", "4"]]
    assert {"name": "status", "old": "approved", "new": "edited"} in item["fields"]


def test_hostile_text_is_shown_never_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = "제24차 \x1b]0;owned\x07\x1b[2J \u202eevil\u2066 \x9b31m끝"
    path = saved_twice(tmp_path, evil)
    assert run(["compare", str(path)]) == 1
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\x9b"):
        assert raw not in out
    assert "\\x1b]0;owned" in out and "\\u202e" in out and "\\u2066" in out
    assert run(["compare", str(path), "--json"]) == 1
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\x9b"):
        assert raw not in out
    [item] = json.loads(out)["items"]
    assert item["texts"][0]["new"] == evil  # the JSON still holds the exact text


def test_docx_with_tracked_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_twice(tmp_path)
    out = tmp_path / "changes.docx"
    assert run(["compare", str(path), "--docx", str(out), "--author", "Lee Reviewer"]) == 1
    assert f"wrote {out}" in capsys.readouterr().out
    xml = __import__("zipfile").ZipFile(out).read("word/document.xml").decode("utf-8")
    assert 'w:author="Lee Reviewer"' in xml and "<w:delText" in xml and "<w:ins " in xml


def test_the_output_cannot_be_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = saved_twice(tmp_path)
    before = path.read_bytes(), (tmp_path / "b.briefing.bak").read_bytes()
    assert run(["compare", str(path), "--docx", str(path)]) == 2
    assert "is one of the briefings compared" in capsys.readouterr().err
    assert run(["compare", str(path), "--docx", str(tmp_path / "b.briefing.bak")]) == 2
    assert (path.read_bytes(), (tmp_path / "b.briefing.bak").read_bytes()) == before


def test_no_backup_to_compare_with(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.briefing"
    save(load(EXAMPLE), path)
    assert run(["compare", str(path)]) == 2
    assert "no earlier version to compare with (b.briefing.bak" in capsys.readouterr().err
    assert run(["compare", str(tmp_path / "missing.briefing")]) == 2
    assert "missing.briefing: no such file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "briefing-studio/briefing", "version": 2, "title": {', "ends too early"),
        (b"PK\x03\x04 a zip, not a briefing", "not valid JSON at line 1, column 1"),
        (b"\xff\xfe\x00 binary", "not UTF-8"),
        (b'{"format": "something-else", "version": 1}', "expected format 'briefing-studio/briefing'"),
        (b'{"format": "briefing-studio/briefing", "version": 99}', "format version 99"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"", "the file is empty"),
    ],
)
def test_unusable_files_are_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    good = tmp_path / "good.briefing"
    save(load(EXAMPLE), good)
    bad = tmp_path / "bad.briefing"
    bad.write_bytes(content)
    out = tmp_path / "out.docx"
    for args in (["compare", str(good), str(bad)], ["compare", str(bad), str(good), "--docx", str(out), "--json"]):
        assert run(args) == 2
        captured = capsys.readouterr()
        assert message in captured.err and captured.err.startswith("error: ") and captured.out == ""
    assert not out.exists() and bad.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.briefing", "good.briefing"]


def test_a_file_over_the_size_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.briefing"
    save(load(EXAMPLE), path)
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    assert run(["compare", str(path), str(path)]) == 2
    assert "larger than any briefing" in capsys.readouterr().err


def test_two_thousand_items_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = large_briefing(2000)
    old_path, new_path = tmp_path / "old.briefing", tmp_path / "new.briefing"
    save(old, old_path)
    for number, item in enumerate(old.items()):
        if number % 7 == 0:
            item.set_text(Language.KO, item.text.ko.replace("확대하기로", "강화하기로", 1))
    old.move_item(old.items()[3].id, old.sections[10].id, 0)
    save(old, new_path)
    started = time.perf_counter()
    assert run(["compare", str(old_path), str(new_path), "--docx", str(tmp_path / "c.docx")]) == 1
    elapsed = time.perf_counter() - started
    out = capsys.readouterr().out
    assert "items: 0 added, 0 removed, 1 moved, 286 changed (of 2000 → 2000)" in out
    assert "[-확대-]{+강화+}하기로" in out  # the verb changed, its ending kept
    assert elapsed < 40.0  # a guard against a quadratic pass (minutes), not a speed measurement

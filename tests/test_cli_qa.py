"""The `qa` command, as a user and a script run it: exit status by severity, the documented JSON, bad input."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import pytest

from briefing import storage
from briefing.cli.main import run
from briefing.model import Briefing, Language, Section
from briefing.storage import load, save
from tests.conftest import EXAMPLE, ROOT


def _planted(tmp_path: Path, name: str = "planted.briefing") -> Path:
    """The example with the Korean of its first item saying the 24th meeting: one numbers error."""
    briefing = load(EXAMPLE)
    item = briefing.items()[0]
    item.set_text(Language.KO, item.target_text.replace("제23차", "제24차"))
    path = tmp_path / name
    save(briefing, path)
    return path


def test_the_example_is_clean_of_errors_but_not_of_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["qa", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.endswith(f"{EXAMPLE}: 0 errors, 1 warnings, 13 notes\n")
    assert "   2.1 warning acronyms     " in out
    assert run(["qa", str(EXAMPLE), "--fail-on", "warning"]) == 1
    assert run(["qa", str(EXAMPLE), "--check", "status", "--fail-on", "warning"]) == 0


def test_a_planted_error_exits_1_and_json_follows_the_documented_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _planted(tmp_path)
    assert run(["qa", str(path), "--json", "--check", "numbers"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert set(document) >= {"format", "version", "file", "summary", "findings"}  # fields may be added
    assert (document["format"], document["version"], document["file"]) == ("briefing-studio/qa", 1, str(path))
    assert document["summary"] == {"error": 1, "warning": 0, "info": 0}
    [finding] = document["findings"]
    assert set(finding) == {"check", "code", "severity", "item", "number", "message", "params", "spans"}
    assert (finding["check"], finding["code"], finding["severity"]) == ("numbers", "qa.numbers_differs", "error")
    assert [span["text"] for span in finding["spans"]] == ["23rd", "제24차"]
    assert finding["message"].startswith('the source says "23rd" (#23) where the translation says "제24차" (#24)')
    briefing = load(path)
    number = finding["number"].split(".")
    assert briefing.sections[int(number[0]) - 1].items[int(number[1]) - 1].id == finding["item"]
    for span in finding["spans"]:
        item = next(i for i in briefing.items() if i.id == finding["item"])
        assert item.text.get(Language(span["language"]))[span["start"] : span["end"]] == span["text"]


def test_the_schema_is_documented_in_help_and_docs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(["qa", "--help"])
    help_text = capsys.readouterr().out
    docs = (ROOT / "docs" / "qa-json.md").read_text(encoding="utf-8")
    for field in ('"format"', '"summary"', '"findings"', '"check"', '"code"', '"severity"', '"number"', '"spans"'):
        assert field in help_text and field in docs
    assert "Exit status: 0" in help_text and "2 when the file cannot be used" in help_text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "briefing-studio/briefing", "version": 2, "tit', "the file ends too early"),
        (b"\x00\xff\xfe garbage", "not UTF-8 text"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "not valid JSON"),
        (b'{"format": "briefing-studio/briefing", "version": 2, "title": 7}', "not a valid briefing"),
    ],
)
def test_a_damaged_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "damaged.briefing"
    path.write_bytes(content)
    assert run(["qa", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("error: ") and expected in captured.err
    assert run(["qa", str(tmp_path / "missing.briefing")]) == 2


def test_a_file_over_the_size_cap_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1024)
    assert run(["qa", str(EXAMPLE)]) == 2
    assert "larger than any briefing" in capsys.readouterr().err


def test_hostile_text_is_shown_escaped_and_json_stays_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefing = load(EXAMPLE)
    item = briefing.items()[0]
    item.set_text(Language.KO, "\x1b]0;pwned\x07\x1b[2J 99 \x9b31m " + item.target_text)
    path = tmp_path / "hostile\x1b[1m.briefing"
    save(briefing, path)
    assert run(["qa", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "hostile\\x1b[1m" in out and "99" in out
    assert run(["qa", str(path), "--json"]) == 1
    text = capsys.readouterr().out
    assert "\x1b" not in text and "\x9b" not in text
    document = json.loads(text)
    assert document["file"] == str(path)
    assert any("\x9b" in span["text"] or "99" in span["text"] for f in document["findings"] for span in f["spans"])


def test_a_huge_briefing_with_huge_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = load(EXAMPLE)
    section = Section()
    for number in range(1_000):
        item = copy.deepcopy(example.items()[number % len(example.items())])
        item.id = f"item-{number}"
        item.comments = []
        section.items.append(item)
    big = section.items[0]
    big.set_text(big.source, big.source_text + " " + "9" * 5_000 + " " + "1,000," * 2_000)
    path = tmp_path / "huge.briefing"
    save(Briefing(title=example.title, meeting=example.meeting, sections=[section]), path)
    started = time.process_time()
    assert run(["qa", str(path), "--json", "--fail-on", "error"]) == 1
    assert time.process_time() - started < 10
    document = json.loads(capsys.readouterr().out)
    assert {f["item"] for f in document["findings"] if f["severity"] == "error"} == {"item-0"}

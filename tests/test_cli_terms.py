"""The `terms` command, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli.main import run
from briefing.terms import stack
from tests.conftest import ROOT

FIXTURE = Path(__file__).parent / "data" / "shipped_fixture.tsv"


@pytest.fixture(autouse=True)
def shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stack, "SHIPPED_PATH", FIXTURE)


def test_add_list_find_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            [
                "terms",
                "add",
                "--ko",
                "국방부",
                "--en",
                "Ministry of National Defense",
                "--forbidden-en",
                "Ministry of Defense",
                "--note",
                "house",
            ]
        )
        == 0
    )
    added = capsys.readouterr().out
    assert added.startswith("added term-") and "[not: Ministry of Defense]" in added
    assert run(["terms", "list", "--termbase", "personal"]) == 0
    assert capsys.readouterr().out.count("\n") == 1
    assert run(["terms", "list"]) == 0
    assert capsys.readouterr().out.count("\n") == 11  # personal + the 10 shipped
    assert run(["terms", "find", "MINISTRY"]) == 0
    found = capsys.readouterr().out.splitlines()
    assert len(found) == 3 and found[0].endswith("[personal]")  # personal, mnd and dod (its forbidden term)
    out = tmp_path / "shipped.tbx"
    assert run(["terms", "export", str(out), "--termbase", "shipped"]) == 0
    assert capsys.readouterr().out == f"10 entries of shipped written to {out}\n"
    assert run(["terms", "import", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{out}: 9 added, 0 updated, 1 skipped",
        "  skipped line 15, <termEntry id='mnd'>: already in the termbase",  # the pair added above
    ]


def test_user_errors_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["terms", "list", "--termbase", "nothing"]) == 2
    assert (
        capsys.readouterr().err == "error: there is no termbase called nothing; the termbases are: personal, shipped\n"
    )
    bad = tmp_path / "bad.tbx"
    bad.write_bytes(b'<!DOCTYPE m [<!ENTITY a "x">]><martif/>')
    assert run(["terms", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "entity declarations" in err and err.count("\n") == 1
    assert run(["terms", "import", str(tmp_path / "glossary.docx")]) == 2
    assert "unknown glossary format" in capsys.readouterr().err


def test_control_characters_are_shown_not_obeyed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, str(ROOT / "main.py"), "terms", "add", "--ko", "국방부\x1b]0;x\x07", "--en", "MND\x1b[2J"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b]0;x\\x07" in result.stdout and "\\x1b[2J" in result.stdout

"""No command but `packages download` may open a network connection: each runs with sockets disabled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli.main import EXIT_FAULT, run
from tests.conftest import EXAMPLE


def test_the_guard_really_catches_network_use(no_network: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # The guard's AssertionError is a fault to the command line: logged, one line, exit status 1.
    assert run(["packages", "download", "en", "ko", "--timeout", "1"]) == EXIT_FAULT
    assert "AssertionError: network access attempted" in capsys.readouterr().err
    assert no_network  # the download tried, and was caught


@pytest.mark.usefixtures("installed")
def test_every_other_command_works_with_sockets_disabled(
    no_network: list[str],
    tmp_path: Path,
    package_files: dict[tuple[str, str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy = tmp_path / "scwg-23.briefing"
    data = json.loads(EXAMPLE.read_text("utf-8"))
    for section in data["sections"]:
        for item in section["items"]:
            item["text"]["ko"], item["status"], item["basis"], item["approved_source"] = "", "empty", None, None
    copy.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    commands = [
        ["validate", str(EXAMPLE)],
        ["show", str(EXAMPLE)],
        ["packages", "list"],
        ["packages", "remove", "en", "ko"],
        ["packages", "install", str(package_files[("en", "ko")])],
        ["translate", str(copy), "--to", "ko", "--beam", "1"],
        ["translate", str(copy), "--to", "ko", "--all", "--beam", "1", "--out", str(tmp_path / "out.briefing")],
    ]
    for command in commands:
        assert run(command) == 0, (command, capsys.readouterr())
    assert no_network == []
    assert "translated 21 of 21 items into ko" in capsys.readouterr().out

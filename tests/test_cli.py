"""The command line, run as a user runs it: a real `python main.py` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli.main import run
from tests.conftest import EXAMPLE, EXAMPLE_V1, ROOT


def main(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "100"},
    )


def test_validate_example() -> None:
    result = main("validate", EXAMPLE, EXAMPLE_V1)  # the current format and version 1 alike
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"OK {EXAMPLE} (5 sections, 21 items, 21 approved)",
        f"OK {EXAMPLE_V1} (5 sections, 21 items, 21 approved)",
    ]
    assert result.stderr == ""


def _damage(path: Path, how: str) -> None:
    text = path.read_text("utf-8")
    if how == "truncated":
        path.write_text(text[: len(text) * 2 // 3], "utf-8")
        return
    data = json.loads(text)
    if how == "wrong type":
        data["sections"][2]["items"][1]["status"] = 3
    elif how == "unknown version":
        data["version"] = 7
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("truncated", r"not valid JSON at line \d+, column \d+: the file ends too early"),
        ("wrong type", r"\$\.sections\[2\]\.items\[1\]\.status: 3 is not one of: empty, machine_translated"),
        ("unknown version", r"uses format version 7, but this Briefing Studio reads versions up to 5"),
    ],
)
def test_damaged_copy_gets_a_short_error_and_is_left_untouched(example_copy: Path, how: str, expected: str) -> None:
    _damage(example_copy, how)
    before = example_copy.read_bytes(), example_copy.stat().st_mtime_ns
    result = main("validate", example_copy)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) <= 3
    assert result.stderr.startswith(f"INVALID {example_copy}: ")
    import re

    assert re.search(expected, result.stderr), result.stderr
    assert (example_copy.read_bytes(), example_copy.stat().st_mtime_ns) == before
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name]


def test_validate_several_files_reports_each(example_copy: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.briefing"
    result = main("validate", EXAMPLE, missing)
    assert result.returncode == 2
    assert result.stdout.startswith(f"OK {EXAMPLE}")
    assert f"INVALID {missing}: no such file" in result.stderr


def test_show_prints_card_outline_and_statistics() -> None:
    result = main("show", EXAMPLE, "--width", "100")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Korea-U.S. Space Cooperation Working Group (SCWG) Holds 23rd Meeting\n제23차")
    assert (
        "Meeting    SCWG, session 23 — Korea-U.S. Space Cooperation Working Group / 한미 국방우주정책 실무협의회" in out
    )
    assert "Date       2024-11-07 (local time / 현지시각)" in out
    assert "Co-chairs  Park Hee-jeong (박희정)" in out
    assert "3 Agreements and decisions / 합의 및 결정 사항" in out
    assert "  3.3 [note *] approved EN→KO  1 open comment" in out
    assert "  5.3 [schedule 2025-H1] approved EN→KO" in out
    assert "Status     approved 21" in out
    assert "Korean     21/21 items written" in out
    assert "Comments   1 open" in out


def test_show_lines_fit_the_width_with_korean() -> None:
    from briefing.outline import display_width

    result = main("show", EXAMPLE, "--text", "ko", "--width", "60")
    item_lines = [line for line in result.stdout.splitlines() if line.startswith("      KO ")]
    assert len(item_lines) == 21
    assert all(display_width(line) <= 60 for line in item_lines)
    assert "      EN " not in result.stdout


def test_show_damaged_file_exits_2(example_copy: Path) -> None:
    _damage(example_copy, "wrong type")
    result = main("show", example_copy)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {example_copy}: the file is not a valid briefing (1 problem)")


def test_help_documents_each_command() -> None:
    result = main("--help")
    assert result.returncode == 0
    for command in ("open", "validate", "show"):
        assert command in result.stdout
    assert "BRIEFING_HOME" in result.stdout
    assert "Exit status: 0 when all are valid, 2 otherwise." in main("validate", "--help").stdout


def test_unknown_command_is_a_usage_error() -> None:
    result = main("frobnicate")
    assert result.returncode == 2
    assert "invalid choice: 'frobnicate'" in result.stderr


def test_a_file_argument_means_open() -> None:
    opened: list[tuple[Path | None, str | None]] = []

    def record(path: Path | None, language: str | None) -> int:
        opened.append((path, language))
        return 0

    assert run([str(EXAMPLE)], open_window=record) == 0
    assert run([], open_window=record) == 0
    assert run(["open", "--ui-language", "ko", str(EXAMPLE)], open_window=record) == 0
    assert run(["--ui-language", "en", str(EXAMPLE)], open_window=record) == 0  # "open" may be left out
    assert run(["--ui-language=ko"], open_window=record) == 0
    assert opened == [(EXAMPLE, None), (None, None), (EXAMPLE, "ko"), (EXAMPLE, "en"), (None, "ko")]


def test_version() -> None:
    from briefing import __version__

    assert main("--version").stdout.strip() == f"briefing-studio {__version__}"


def test_what_commands_print_shows_escape_sequences_instead_of_obeying_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A briefing's text reaches the terminal: an escape sequence in it (retitle the terminal, clear the screen)
    is printed as `\\x1b…`, never sent raw."""
    from briefing import edits
    from briefing.storage import load, save

    briefing = load(EXAMPLE)
    item = briefing.items()[0]
    edits.set_text(item.id, item.source, "\x1b]0;pwned\x07\x1b[2J" + item.source_text).apply(briefing)
    edits.flag(item.id, "\x1b[31mevil", "\x9bwhy").apply(briefing)
    path = tmp_path / "hostile\x1b[1m.briefing"
    save(briefing, path)
    assert run(["show", str(path), "--text", "both"]) == 0
    assert run(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in out and "flagged by \\x1b[31mevil" in out and "hostile\\x1b[1m" in out


def test_each_command_parses_as_in_the_whole_command_line() -> None:
    """`briefing-studio COMMAND …` builds only that command's parser (main.COMMAND_MODULES): the table names every
    command of every module, and each command's own parser is the whole command line's."""
    import argparse

    from briefing.cli.main import COMMAND_MODULES, build_parser

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        found = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return dict(found.choices)

    whole = commands(build_parser())
    built_in = {"open", "validate", "show"}
    assert set(whole) - built_in == {name for names in COMMAND_MODULES.values() for name in names}
    assert list(whole)[len(built_in) :] == [name for names in COMMAND_MODULES.values() for name in names]
    for names in COMMAND_MODULES.values():
        for name in names:
            alone = commands(build_parser(name))
            assert set(alone) == built_in | set(names)
            assert alone[name].format_help() == whole[name].format_help()


def test_translate_loads_neither_the_window_nor_the_word_writer(tmp_path: Path) -> None:
    """A command imports only what it uses: `translate` (here from the memory alone) starts without Qt, the Word
    and HWPX writers, Markdown, the office store's driver or the comparison tools."""
    source = tmp_path / "small.briefing"
    source.write_bytes(EXAMPLE.read_bytes())
    script = (
        "import sys; from briefing.cli.main import run; "
        f"code = run(['translate', {str(source)!r}, '--to', 'ko', '--memory-only', '--out', {str(tmp_path / 'o')!r}]); "
        "print(code, sorted({m.split('.')[0] for m in sys.modules}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT, env=dict(os.environ)
    )
    code, loaded = done.stdout.splitlines()[-1].split(" ", 1)
    assert code == "0", done.stderr
    for heavy in ("PySide6", "docx", "lxml", "markdown", "psycopg", "ctranslate2", "difflib"):
        assert f"'{heavy}'" not in loaded, heavy


@pytest.mark.parametrize("command", ["translate", "export"])
def test_translate_and_export_hold_the_collector_off_and_give_it_back_even_after_a_failure(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from briefing import storage

    seen: list[bool] = []
    real_read = storage.read

    def read(path: Path) -> object:
        seen.append(gc.isenabled())
        return real_read(path)

    monkeypatch.setattr(storage, "read", read)
    damaged = tmp_path / "damaged.briefing"
    damaged.write_text("{", encoding="utf-8")
    arguments = [command, str(damaged)] + (["--out", str(tmp_path / "out")] if command == "export" else ["--to", "en"])
    assert gc.isenabled()
    assert run(arguments) != 0  # the damaged file is refused with a message, not a traceback
    assert seen == [False]  # the briefing was read with the collector held off
    assert gc.isenabled()  # and the collector is back on after the failure

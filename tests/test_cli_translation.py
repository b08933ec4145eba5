"""`packages` and `translate` as a user runs them: real processes, real files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli.translation import ProgressBar
from briefing.model import Language, TargetStatus
from briefing.storage import load, save
from tests.conftest import EXAMPLE, ROOT


def main(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_example_translates_both_ways_offline_through_the_cli(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    for archive in package_files.values():
        result = main("packages", "install", archive)
        assert result.returncode == 0, result.stderr
    listing = main("packages", "list").stdout
    assert "en → ko  English → Korean  version 1.0" in listing and "ko → en  Korean → English" in listing

    korean = tmp_path / "ko.briefing"
    result = main("translate", EXAMPLE, "--to", "ko", "--retranslate", "--beam", "1", "--no-terms", "--out", korean)
    assert result.returncode == 0, result.stderr
    summary = "translated 21 of 21 items into ko (27 sentences: 27 by the model, 0 from the cache)"
    assert result.stdout.strip() == f"{summary}; saved {korean}"
    translated = load(korean)
    assert all(i.text.ko == i.text.en and i.status is TargetStatus.MACHINE for i in translated.items())
    assert load(EXAMPLE).statistics().fully_approved  # --out left the example alone

    # One sentence edited: translating again sends that one sentence to the model, the rest come from the cache.
    edited = load(EXAMPLE)
    item = next(i for i in edited.items() if " the " in i.text.en)
    item.set_text(Language.EN, item.text.en.replace(" the ", " this ", 1))
    save(edited, tmp_path / "edited.briefing")
    result = main("translate", tmp_path / "edited.briefing", "--to", "ko", "--retranslate", "--beam", "1", "--no-terms")
    assert result.returncode == 0, result.stderr
    assert "(27 sentences: 1 by the model, 26 from the cache)" in result.stdout
    assert next(i for i in load(tmp_path / "edited.briefing").items() if i.id == item.id).text.ko == item.text.en

    # And back: a Korean-source briefing into English.
    source = load(EXAMPLE)
    for item in source.items():
        item.set_source(Language.KO)
        item.set_text(Language.EN, "")
    english = tmp_path / "en.briefing"
    save(source, english)
    result = main("translate", english, "--to", "en", "--beam", "1", "--no-terms")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"saved {english}")
    back = load(english)
    assert [i.text.en for i in back.items()] == [i.text.ko for i in load(EXAMPLE).items()]
    assert (english.parent / "en.briefing.bak").exists()


def test_terms_of_the_termbases_are_enforced_by_default(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    main("packages", "install", package_files[("en", "ko")])
    # A personal termbase (an SQLite file) too: its term wins over the shipped one, read on the worker thread.
    added = main("terms", "add", "--ko", "선임 관계관", "--en", "Senior officials")
    assert added.returncode == 0, added.stderr
    korean = tmp_path / "ko.briefing"
    result = main("translate", EXAMPLE, "--to", "ko", "--retranslate", "--beam", "1", "--out", korean)
    assert result.returncode == 0, result.stderr
    texts = {item.id: item.text.ko for item in load(korean).items()}
    # The copy model hands back the English, with every name and fixed phrase the official Korean term:
    # from the shipped termbase and from the briefing's own card (the co-chairs' names and titles).
    assert texts["item-convened"] == (
        "The Korean 국방부 and the 미 국방부 convened the 23rd 한미 국방우주정책 실무협의회(SCWG) meeting in "
        "미국 워싱턴 D.C., on November 7, 2024 (현지시각)."
    )
    assert texts["item-co-chairs"].startswith("The meeting was co-chaired by 박희정, 단장 of the 대한민국 ")
    assert "(육군 준장)" in texts["item-co-chairs"]
    assert texts["item-co-chairs"].endswith(". 선임 관계관 from both nations also participated.")


def test_missing_package_exits_non_zero_saying_how_to_install(example_copy: Path) -> None:
    before = example_copy.read_bytes()
    result = main("translate", example_copy, "--to", "ko", "--retranslate")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no English→Korean language package is installed. Install one from a file")
    assert "packages download en ko" in result.stderr
    assert example_copy.read_bytes() == before


def test_nothing_to_do_is_said_plainly(example_copy: Path) -> None:
    result = main("translate", example_copy, "--to", "ko")
    assert result.returncode == 0
    assert "nothing to translate into ko" in result.stdout


def test_bad_settings_are_a_clear_error(example_copy: Path) -> None:
    result = main("translate", example_copy, "--to", "ko", "--retranslate", "--beam", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: beam size must be between 1 and 16"


def test_progress_bar_draws_on_a_terminal_only() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = ProgressBar("translating", "sentences", stream=screen)
    bar.update(0, 28)
    bar.update(28, 28)
    bar.close()
    assert screen.getvalue().endswith("\rtranslating [##############################] 28/28 sentences\n")
    piped = io.StringIO()
    quiet = ProgressBar("translating", "sentences", stream=piped)
    quiet.update(28, 28)
    quiet.close()
    assert piped.getvalue() == ""


def test_translate_does_not_overwrite_edits_saved_while_it_ran(
    installed: Path, example_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli.main import run
    from briefing.translation import jobs

    edited = load(example_copy)
    edited.items()[0].set_text(Language.EN, "Edited in the window while the translation ran.")
    real_apply = jobs.apply

    def someone_saves_meanwhile(briefing, result):  # type: ignore[no-untyped-def]
        save(edited, example_copy)  # the drafter saves in the window before the job ends
        return real_apply(briefing, result)

    monkeypatch.setattr(jobs, "apply", someone_saves_meanwhile)
    assert run(["translate", str(example_copy), "--to", "ko", "--retranslate", "--beam", "1"]) == 2
    error = capsys.readouterr().err
    assert "not saved, because the file was changed on disk after it was opened here" in error
    assert error.rstrip().endswith("translate again, or write the result elsewhere with --out")
    assert load(example_copy) == edited  # the drafter's edit survived

"""Settings in the core: typed options in a TOML file, read by the command line and the window alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing import settings as config
from briefing.cli.main import run
from briefing.messages import ENGLISH, BriefingError
from briefing.settings import Origin, Settings
from briefing.storage import load, save
from tests.conftest import EXAMPLE, ROOT

UNUSUAL = Settings(
    ui_language="ko",
    author='김 "검토" \\ 관\t\n\x01',
    organisation="외교부 양자경제외교국, 서울",
    default_source_language="en",
    default_template="meeting-report",
    editor_font="Noto Serif CJK KR",
    editor_font_size=14,
    beam_size=16,
    threads=64,
    office_memories=("//공유/번역 메모리/office.sqlite", "~/team.sqlite"),
    memory_min_match=75,
    autosave_seconds=0,
    translation_idle_minutes=0,
    live_translation="off",
    office_termbases=("/srv/office/terms.sqlite", '용어 "국" \\ .sqlite'),
    office_store="postgresql://press@db.office.example/briefing?sslmode=require",
    office_store_password_file="~/.config/briefing-studio/store-password",
)


def settings_file(home: Path) -> Path:
    return home / "settings" / "briefing-studio.toml"


def write(home: Path, text: str) -> Path:
    path = settings_file(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_without_a_file_every_option_is_its_default_and_nothing_is_written(briefing_home: Path) -> None:
    loaded = config.load()
    assert loaded.settings == Settings() == config.DEFAULTS
    assert loaded.problems == ()
    assert set(loaded.origins.values()) == {Origin.DEFAULT}
    assert loaded.path == settings_file(briefing_home)
    assert not (briefing_home / "settings").exists()
    assert Settings().default_source_language == "ko" and Settings().beam_size == 2


def test_round_trip_keeps_every_value(briefing_home: Path) -> None:
    assert config.save(UNUSUAL) is None
    loaded = config.load()
    assert loaded.settings == UNUSUAL
    assert loaded.problems == ()
    assert {name for name, origin in loaded.origins.items() if origin is Origin.FILE} == set(config.OPTIONS)
    table = tomllib.loads(settings_file(briefing_home).read_text("utf-8"))
    assert table == {"version": config.SETTINGS_VERSION, **UNUSUAL.values()}


def test_the_file_lists_every_option_and_keeps_defaults_as_comments(briefing_home: Path) -> None:
    config.save(Settings(beam_size=8))
    lines = settings_file(briefing_home).read_text("utf-8").splitlines()
    assert "beam_size = 8" in lines and "# threads = 0" in lines and 'author = ""' not in lines
    assert "# translation beam size; 1–16" in lines
    assert all(f"{name} = " in "\n".join(lines) for name in config.OPTIONS)
    loaded = config.load()
    assert loaded.origins["beam_size"] is Origin.FILE and loaded.origins["threads"] is Origin.DEFAULT


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("ui_language", '"fr"', '"fr"'),
        ("ui_language", "1", "1"),
        ("default_source_language", '"ja"', '"ja"'),
        ("author", "5", "5"),
        ("organisation", '["a", "b"]', "['a', 'b']"),
        ("default_template", "true", "True"),
        ("editor_font", "{ name = 'x' }", "{'name': 'x'}"),
        ("editor_font_size", "5", "5"),
        ("editor_font_size", "49", "49"),
        ("beam_size", "0", "0"),
        ("beam_size", "17", "17"),
        ("beam_size", '"4"', '"4"'),
        ("beam_size", "4.0", "4.0"),
        ("beam_size", "true", "True"),
        ("threads", "-1", "-1"),
        ("threads", "65", "65"),
        ("autosave_seconds", "3601", "3601"),
        ("office_termbases", '"a.sqlite"', '"a.sqlite"'),
        ("office_termbases", "[1, 2]", "[1, 2]"),
    ],
)
def test_a_bad_value_is_reported_with_file_key_and_value_and_the_default_used(
    briefing_home: Path, key: str, value: str, shown: str
) -> None:
    other = "organisation" if key != "organisation" else "author"
    path = write(briefing_home, f'version = 1\n{other} = "외교부"\n{key} = {value}\n')
    loaded = config.load()
    (problem,) = loaded.problems
    assert problem.code == "settings.file_bad_value"
    assert (problem.params["file"], problem.params["key"], problem.params["value"]) == (str(path), key, shown)
    assert str(path) in str(problem) and f"{key} = {shown}" in str(problem)
    assert getattr(loaded.settings, key) == getattr(config.DEFAULTS, key)
    assert loaded.origins[key] is Origin.INVALID
    assert getattr(loaded.settings, other) == "외교부"  # the good values still count


def test_an_unknown_key_is_reported_and_ignored(briefing_home: Path) -> None:
    path = write(briefing_home, "version = 1\nbeam = 8\nbeam_size = 2\n")
    loaded = config.load()
    assert [(p.code, p.params) for p in loaded.problems] == [
        ("settings.file_unknown_key", {"file": str(path), "key": "beam"})
    ]
    assert loaded.settings.beam_size == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'author = "unfinished\n', "not TOML: "),
        (b"[oops\n", "not TOML: "),
        (b'author = "\xff\xfe"\n', "not UTF-8 text at byte 10"),
        (b'version = "one"\n', "version = 'one' is not a settings version"),
        (b"version = 0\n", "version = 0 is not a settings version"),
        (b'author = "' + b"x" * (2 << 20) + b'"\n', "larger than 1 MB"),  # would stall every start
    ],
)
def test_a_damaged_file_gives_the_defaults_and_is_kept_aside_before_a_save(
    briefing_home: Path, content: bytes, reason: str
) -> None:
    path = write(briefing_home, "")
    path.write_bytes(content)
    loaded = config.load()
    (problem,) = loaded.problems
    assert problem.code == "settings.file_damaged" and problem.params["file"] == str(path)
    assert problem.params["reason"].startswith(reason)
    assert loaded.settings == config.DEFAULTS
    assert path.read_bytes() == content  # reading never changes it
    kept = config.save(loaded.settings.replace(author="홍길동"))
    assert kept is not None and kept.name.startswith("briefing-studio.toml.bad-")
    assert kept.read_bytes() == content
    assert config.load().settings.author == "홍길동"


def test_a_file_with_bad_values_is_kept_aside_too_but_a_clean_one_is_not(briefing_home: Path) -> None:
    path = write(briefing_home, "beam_size = 99\n")
    first = config.save(config.load().settings)
    second = config.save(config.load().settings)
    assert first is not None and first.read_text("utf-8") == "beam_size = 99\n"
    assert second is None
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, first.name])


def test_two_files_kept_aside_in_the_same_second_do_not_overwrite_each_other(briefing_home: Path) -> None:
    kept = []
    for text in ("[one\n", "[two\n"):
        write(briefing_home, text)
        kept.append(config.save(config.DEFAULTS))
    assert [p.read_text("utf-8") for p in kept if p] == ["[one\n", "[two\n"]


def test_a_file_from_a_newer_version_gives_what_this_version_knows(briefing_home: Path) -> None:
    path = write(briefing_home, 'version = 3\nbeam_size = 8\ncolour = "blue"\n')
    loaded = config.load()
    assert [(p.code, p.params) for p in loaded.problems] == [("settings.file_newer", {"file": str(path), "version": 3})]
    assert loaded.settings.beam_size == 8
    kept = config.save(loaded.settings)
    assert kept is not None and "colour" in kept.read_text("utf-8")  # its newer settings are not lost


def test_migrations_run_one_step_at_a_time(briefing_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """How a later version renames a key: a step from version 1 to 2."""

    def rename(table: dict[str, Any]) -> dict[str, Any]:
        table["beam_size"] = table.pop("beam", 4)
        return table

    monkeypatch.setattr(config, "SETTINGS_VERSION", 2)
    monkeypatch.setitem(config.MIGRATIONS, 1, rename)
    path = write(briefing_home, "version = 1\nbeam = 8\n")
    loaded = config.load()
    assert loaded.problems == () and loaded.settings.beam_size == 8
    assert config.save(loaded.settings) is None
    assert tomllib.loads(path.read_text("utf-8")) == {"version": 2, "beam_size": 8}


def test_saving_is_atomic(briefing_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config.save(UNUSUAL)
    path = settings_file(briefing_home)
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(BriefingError) as raised:
        config.save(config.DEFAULTS)
    assert raised.value.code == "settings.cannot_save" and raised.value.params["file"] == str(path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no half-written file left behind


def test_a_settings_value_is_always_valid() -> None:
    with pytest.raises(BriefingError) as raised:
        Settings(beam_size=0)
    assert raised.value.code == "settings.bad_value" and str(raised.value) == "beam_size cannot be 0; allowed: 1–16"
    with pytest.raises(BriefingError) as raised:
        Settings().replace(ui_language="fr")
    assert str(raised.value) == 'ui_language cannot be "fr"; allowed: system | ko | en'
    with pytest.raises(BriefingError) as raised:
        Settings().replace(beam=2)
    assert raised.value.code == "settings.unknown_option" and "beam_size" in str(raised.value)


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("beam_size", "8", 8),
        ("beam_size", " +8 ", 8),
        ("threads", "0", 0),
        ("author", "", ""),
        ("ui_language", "en", "en"),
        ("office_termbases", "", ()),
        ("office_termbases", f"a.sqlite{os.pathsep} /srv/b.sqlite ", ("a.sqlite", "/srv/b.sqlite")),
    ],
)
def test_text_from_the_command_line_is_parsed(name: str, text: str, value: object) -> None:
    assert config.option(name).parse(text) == value


@pytest.mark.parametrize(
    ("name", "text"),
    [("beam_size", "eight"), ("beam_size", "8.5"), ("beam_size", "99999999999"), ("ui_language", "KO")],
)
def test_text_that_is_not_allowed_is_refused(name: str, text: str) -> None:
    with pytest.raises(BriefingError) as raised:
        config.option(name).parse(text)
    assert raised.value.params == {"key": name, "value": text, "allowed": config.option(name).allowed}


def test_every_message_code_has_an_english_text(briefing_home: Path) -> None:
    codes = {code for code in ENGLISH if code.startswith("settings.")}
    assert codes >= {"settings.bad_value", "settings.file_bad_value", "settings.file_damaged", "settings.cannot_save"}


# -- the window's old QSettings file ---------------------------------------------------------------


def write_old_settings(home: Path, values: dict[str, object]) -> Path:
    """The old window settings, written by QSettings itself as the window did before settings moved."""
    from PySide6.QtCore import QSettings

    path = home / "settings" / "briefing-studio.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    qsettings = QSettings(str(path), QSettings.Format.IniFormat)
    qsettings.setValue("settings/version", 1)
    for key, value in values.items():
        qsettings.setValue(key, value)
    qsettings.sync()
    del qsettings
    return path


OLD_VALUES: dict[str, object] = {
    "ui/language": "ko",
    "document/author": '김검토 "Kim", \\ 과장',
    "document/organisation": "외교부 양자경제외교국",
    "export/template": "meeting-report",
    "editor/font": " Noto Sans CJK KR ",
    "editor/font_size": 13,
    "translation/beam_size": 2,
    "translation/threads": 3,
    "autosave/seconds": 45,
    "files/recent": ["/home/김/a, b.briefing", "/tmp/c.briefing"],
}


def test_the_old_window_settings_are_migrated_once(briefing_home: Path) -> None:
    old = write_old_settings(briefing_home, OLD_VALUES)
    assert "김검토" in old.read_text("utf-8")  # QSettings wrote the Korean as it is, quoted and escaped
    before = old.read_bytes()
    loaded = config.load()
    assert loaded.settings == Settings(
        ui_language="ko",
        author='김검토 "Kim", \\ 과장',
        organisation="외교부 양자경제외교국",
        default_template="meeting-report",
        editor_font=" Noto Sans CJK KR ",
        editor_font_size=13,
        beam_size=2,
        threads=3,
        autosave_seconds=45,
    )
    assert loaded.migrated_from == old
    assert [(p.code, p.params) for p in loaded.problems] == [
        ("settings.file_migrated", {"old": str(old), "file": str(settings_file(briefing_home))})
    ]
    assert old.read_bytes() == before  # left as it was
    assert config.load().settings == loaded.settings  # now from the new file
    write_old_settings(briefing_home, {"translation/beam_size": 9})
    assert config.load().settings.beam_size == 2 and config.load().problems == ()  # only once


def test_a_bad_old_value_is_reported_with_the_old_file_and_key(briefing_home: Path) -> None:
    old = write_old_settings(briefing_home, {"translation/beam_size": 99, "document/author": "홍길동"})
    loaded = config.load()
    assert loaded.problems[0].code == "settings.file_bad_value"
    assert (loaded.problems[0].params["file"], loaded.problems[0].params["key"]) == (str(old), "translation/beam_size")
    assert loaded.settings.beam_size == 2 and loaded.settings.author == "홍길동"


def test_an_unreadable_old_file_gives_the_defaults(briefing_home: Path) -> None:
    old = briefing_home / "settings" / "briefing-studio.ini"
    old.parent.mkdir(parents=True)
    old.write_text("this is not an INI file\n", "utf-8")
    loaded = config.load()
    assert loaded.problems[0].code == "settings.file_damaged" and loaded.problems[0].params["file"] == str(old)
    assert loaded.settings == config.DEFAULTS


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=texts, items=st.lists(texts, min_size=2, max_size=4))
@example(value="\u3000외교부\u3000", items=["\u3000", "b "])  # Unicode spaces, which configparser would strip
@example(value="\x85a\u2028b\x1cc", items=["@Invalid()", "@@x"])  # no line ends for Qt; @ escaped
@example(value=' "quoted", \\ ;=#', items=["a, b", ""])
def test_qsettings_values_read_back_as_qt_reads_them(tmp_path: Path, value: str, items: list[str]) -> None:
    """Whatever text QSettings writes — quotes, commas, backslashes, @, controls, Hangul — reads back the same."""
    from PySide6.QtCore import QSettings

    path = tmp_path / "any.ini"
    path.unlink(missing_ok=True)
    qsettings = QSettings(str(path), QSettings.Format.IniFormat)
    qsettings.setValue("group/text", value)
    qsettings.setValue("group/list", items)
    qsettings.setValue("그룹/키 %", value)
    qsettings.sync()
    del qsettings
    values = config.read_qsettings_ini(path)
    assert values["group/text"] == value
    assert values["group/list"] == items
    assert values["그룹/키 %"] == value


# -- the command line ------------------------------------------------------------------------------


def test_settings_show_lists_every_option_with_value_and_origin(
    briefing_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.save(Settings(author="홍길동", beam_size=8))
    assert run(["settings", "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"# {settings_file(briefing_home)}"
    assert 'author = "홍길동"  # settings file' in lines
    assert "beam_size = 8  # settings file; 1–16" in lines
    assert "threads = 0  # default; 0–64" in lines
    assert 'default_source_language = "ko"  # default; ko | en' in lines
    assert len(lines) == 1 + len(config.OPTIONS)
    assert tomllib.loads("\n".join(lines))["author"] == "홍길동"  # the listing is TOML too


def test_settings_show_warns_about_a_bad_value(briefing_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(briefing_home, "beam_size = 0\n")
    assert run(["settings", "show"]) == 0
    out, err = capsys.readouterr()
    assert "beam_size = 2  # default (the file's value is not allowed); 1–16" in out.splitlines()
    assert err == f"warning: {path}: beam_size = 0 is not allowed (allowed: 1–16); the default, 2, is used\n"


def test_settings_set_checks_and_saves(briefing_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["settings", "set", "author", "홍길동"]) == 0
    assert run(["settings", "set", "beam_size", "8"]) == 0
    out = capsys.readouterr().out
    assert f"beam_size = 8  # saved in {settings_file(briefing_home)}" in out.splitlines()
    assert config.current() == Settings(author="홍길동", beam_size=8)
    before = settings_file(briefing_home).read_bytes()
    for arguments, error in [
        (["beam_size", "17"], "error: beam_size cannot be 17; allowed: 1–16\n"),
        (["beam_size", "many"], "error: beam_size cannot be many; allowed: 1–16\n"),
        (["ui_language", "fr"], "error: ui_language cannot be fr; allowed: system | ko | en\n"),
        (["beam", "8"], "error: beam is not a setting; the settings are: " + ", ".join(config.OPTIONS) + "\n"),
        (["default_template", "nope"], "error: no template named 'nope'; available: "),
    ]:
        assert run(["settings", "set", *arguments]) == 2
        assert capsys.readouterr().err.startswith(error)
    assert settings_file(briefing_home).read_bytes() == before


def test_settings_set_keeps_a_damaged_file_aside_and_says_so(
    briefing_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(briefing_home, "[oops\n")
    assert run(["settings", "set", "threads", "2"]) == 0
    err = capsys.readouterr().err
    (kept,) = path.parent.glob("briefing-studio.toml.bad-*")
    assert f"it was kept as {kept}" in err and kept.read_text("utf-8") == "[oops\n"
    assert config.current().threads == 2


def test_settings_command_in_a_real_process(briefing_home: Path) -> None:
    def main(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(ROOT / "main.py"), *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=60, env=dict(os.environ))

    assert "settings" in main("--help").stdout
    assert "Exit status: 0 when done, 2" in main("settings", "--help").stdout
    result = main("settings", "set", "autosave_seconds", "4000")
    assert result.returncode == 2 and result.stderr == "error: autosave_seconds cannot be 4000; allowed: 0–3600\n"
    assert main("settings", "set", "autosave_seconds", "60").returncode == 0
    assert "autosave_seconds = 60  # settings file; 0–3600" in main("settings", "show").stdout


def test_export_uses_the_default_template_setting_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.update(default_template="meeting-report")
    assert run(["export", str(EXAMPLE), "--out", str(tmp_path / "a"), "--lang", "ko"]) == 0
    assert (
        json.loads((tmp_path / "a" / "scwg-23.meeting-report.manifest.json").read_text())["template"]
        == "meeting-report"
    )
    arguments = ["export", str(EXAMPLE), "--out", str(tmp_path / "b"), "--lang", "ko", "--template", "briefing-pack"]
    assert run(arguments) == 0
    assert (
        json.loads((tmp_path / "b" / "scwg-23.briefing-pack.manifest.json").read_text())["template"] == "briefing-pack"
    )


@pytest.mark.usefixtures("installed")
def test_translate_uses_beam_and_threads_from_the_settings_unless_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import briefing.cli.translation as cli_translation

    seen: list[tuple[int, int]] = []
    real = cli_translation.Engine

    def recording(store: Any, settings: Any) -> Any:  # the engine, noting which settings `translate` passes
        seen.append((settings.beam_size, settings.threads))
        return real(store, settings)

    monkeypatch.setattr(cli_translation, "Engine", recording)
    small = load(EXAMPLE)  # one item: the point is the engine's settings, not the translation
    small.sections = small.sections[:1]
    small.sections[0].items = small.sections[0].items[:1]
    source = tmp_path / "small.briefing"
    save(small, source)
    config.update(beam_size=2, threads=1)
    assert run(["translate", str(source), "--to", "ko", "--retranslate"]) == 0
    assert run(["translate", str(source), "--to", "ko", "--retranslate", "--beam", "1"]) == 0
    assert seen == [(2, 1), (1, 1)]
    assert "translated 1 of 1 items" in capsys.readouterr().out

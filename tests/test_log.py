"""The application log: where it is, what an entry holds, what never goes in, and that it stays small."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import log
from briefing.cli.main import EXIT_FAULT, run
from tests.conftest import EXAMPLE


def _raise(error: BaseException) -> BaseException:
    """`error` as it is when caught: with its traceback."""
    try:
        raise error
    except BaseException as caught:
        return caught


def test_a_failure_is_written_with_its_traceback_in_the_data_folder(briefing_home: Path) -> None:
    path = log.log_failure("save", _raise(RuntimeError("저장 실패: injected")))
    assert path == briefing_home / "logs" / "briefing-studio.log"
    text = path.read_text("utf-8")
    header, *rest = text.splitlines()
    assert " ERROR save · Briefing Studio " in header
    assert rest[0] == "Traceback (most recent call last):"
    assert "in _raise\n    raise error" in text
    assert text.rstrip().endswith("RuntimeError: 저장 실패: injected")
    log.log_failure("export", _raise(ValueError("second")))
    assert path.read_text("utf-8").count(" ERROR ") == 2  # appended, not replaced


def test_credentials_and_long_text_never_reach_the_log() -> None:
    document = "양측은 서울에서 만났다. " * 2000  # a whole document quoted in a message
    message = f"GET https://alice:s3cret@proxy.example/index?token=abc123&x=1 failed; password=hunter2; {document}"
    text = log.log_failure("task", _raise(OSError(message))).read_text("utf-8")
    for secret in ("s3cret", "abc123", "hunter2"):
        assert secret not in text
    assert "https://***@proxy.example/index?token=***&x=1" in text
    assert "password=***" in text
    assert max(len(line) for line in text.splitlines()) <= log.MAX_LINE + 60
    assert "more characters not logged" in text
    assert len(text) < log.MAX_ENTRY + 1000


def test_the_log_rotates_and_keeps_a_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log, "MAX_BYTES", 2_000)
    for n in range(40):
        log.log_entry("ERROR", "task", f"failure number {n} " + "x" * 200)
    path = log.log_file()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["briefing-studio.log", "briefing-studio.log.1", "briefing-studio.log.2", "briefing-studio.log.3"]
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "failure number 39 " in path.read_text("utf-8")  # the newest is in the current file
    assert "failure number 0 " not in "".join(p.read_text("utf-8") for p in path.parent.iterdir())


def test_the_command_line_logs_a_fault_and_says_where(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object) -> str:
        raise KeyError("injected fault in show")

    monkeypatch.setattr("briefing.cli.main.show_text", broken)
    assert run(["show", str(EXAMPLE)]) == EXIT_FAULT
    error = capsys.readouterr().err
    assert error.startswith("error: unexpected failure (KeyError: 'injected fault in show'); the details are in ")
    assert "Traceback" not in error  # the user gets one line; the traceback is in the log
    logged = log.log_file().read_text("utf-8")
    assert " ERROR command show · " in logged
    assert "in _show" in logged and "KeyError: 'injected fault in show'" in logged


def test_a_user_error_on_the_command_line_is_not_a_fault(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["show", str(tmp_path / "missing.briefing")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not log.log_file().exists()

"""The window's QA in its own process: the findings come from the process, not from the window's; a killed
process loses no findings (that run is checked in the window, the panel and the log say so once) and the next run
has a new process; the process ends when its owner closes it after the window."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing.log import log_file
from briefing.model import Language
from briefing.qa import Severity
from briefing.qa.worker import QaWorker
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from ui import qa_commands
from ui.main_window import SIDE_QA, MainWindow

PLANTED = "item-convened"


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    briefing = load(EXAMPLE)
    item = briefing.item(PLANTED)
    item.set_text(Language.KO, item.text.ko.replace("제23차", "제24차"))
    path = tmp_path / "planted.briefing"
    save(briefing, path)
    return path


def errors(window: MainWindow) -> list[tuple[str | None, str]]:
    return [(f.item_id, f.code) for f in window.qa.findings if f.severity is Severity.ERROR]


def test_the_findings_come_from_the_qa_process(
    window: MainWindow, qtbot: QtBot, planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_here(*_args: object) -> None:
        raise AssertionError("the checks ran in the window's process")

    monkeypatch.setattr(qa_commands, "check_in_steps", not_here)
    with qtbot.waitSignal(window.qa.run_finished, timeout=20_000):
        assert window.open_file(planted)
    assert errors(window) == [(PLANTED, "qa.numbers_differs")]
    assert window.qa.worker is not None and window.qa.worker.pid not in (None, os.getpid())


def test_a_killed_process_loses_no_findings_says_so_once_and_is_replaced(
    window: MainWindow, qtbot: QtBot, planted: Path
) -> None:
    qa = window.qa
    window.side.setCurrentIndex(SIDE_QA)
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        assert window.open_file(planted)
    worker = qa.worker
    assert worker is not None and worker.pid is not None
    killed = worker.pid
    os.kill(killed, signal.SIGKILL)
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        qa.rerun()
    assert errors(window) == [(PLANTED, "qa.numbers_differs")]  # checked in the window instead
    assert qa.worker_failures == 1
    assert qa.panel.count.text().endswith(" · The checks ran in the window: their process stopped")
    logged = log_file().read_text(encoding="utf-8")
    assert logged.count("the QA process stopped (exit code -9)") == 1
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        qa.rerun()  # a new process
    assert worker.pid not in (None, killed) and errors(window) == [(PLANTED, "qa.numbers_differs")]
    assert "process stopped" not in qa.panel.count.text()  # it works again: the note goes


def test_after_repeated_failures_the_checks_stay_in_the_window(
    window: MainWindow, qtbot: QtBot, planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qa = window.qa
    window.side.setCurrentIndex(SIDE_QA)
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        assert window.open_file(planted)
    qa.worker_failures = qa_commands.PROCESS_FAILURES - 1
    assert qa.worker is not None and qa.worker.pid is not None
    os.kill(qa.worker.pid, signal.SIGKILL)
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        qa.rerun()
    assert qa.panel.count.text().endswith(" · The checks run in the window from now on: their process kept stopping")
    starts = qa.worker.starts
    with qtbot.waitSignal(qa.run_finished, timeout=20_000):
        qa.rerun()
    assert qa.worker.starts == starts and errors(window) == [(PLANTED, "qa.numbers_differs")]


def test_the_process_ends_with_the_application(qtbot: QtBot, planted: Path) -> None:
    worker = QaWorker()  # as run_app makes one, hands it to the window and closes it when the window has closed
    window = MainWindow(qa_worker=worker)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.qa.run_finished, timeout=20_000):
        assert window.open_file(planted)
    pid = worker.pid
    assert pid is not None
    window.close()
    worker.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)

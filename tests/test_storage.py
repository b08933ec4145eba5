"""Saving and loading real files: atomic replacement, backups, refusals, and a real crash mid-save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing import storage
from briefing.fileformat import BriefingFormatError, dumps
from briefing.model import Language
from tests.conftest import ROOT
from tests.helpers import large_briefing, small_briefing


def test_save_then_load(tmp_path: Path) -> None:
    briefing = small_briefing()
    path = tmp_path / "meeting.briefing"
    storage.save(briefing, path)
    assert storage.load(path) == briefing
    assert path.read_text("utf-8") == dumps(briefing)
    assert not storage.backup_path(path).exists()  # nothing to back up the first time


def test_second_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "meeting.briefing"
    first = small_briefing()
    storage.save(first, path)
    second = small_briefing()
    second.items()[0].set_text(Language.EN, "Changed.")
    storage.save(second, path)
    assert storage.load(storage.backup_path(path)) == first
    assert storage.load(path) == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meeting.briefing", "meeting.briefing.bak"]


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "meeting.briefing"
    storage.save(small_briefing(), path)
    path.chmod(0o640)
    storage.save(small_briefing(), path)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        b'{"format": "other"}',
        b"\x00\x01\x02",
        b'{"format": "briefing-studio/briefing", "version": 99}',
    ],
)
def test_a_file_that_is_not_a_readable_briefing_is_never_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "precious.briefing"
    path.write_bytes(content)
    with pytest.raises(storage.BriefingFileError, match="not replaced"):
        storage.save(small_briefing(), path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.briefing"]
    storage.save(small_briefing(), path, replace_unreadable=True)  # only when explicitly asked
    assert storage.load(path).title.en == "Test meeting"


def test_a_briefing_that_failed_to_load_is_not_replaced(tmp_path: Path) -> None:
    """Saving over the file that just failed to open would destroy what a repair could recover."""
    path = tmp_path / "meeting.briefing"
    damaged = '{"format": "briefing-studio/briefing", "version": 1, "title": 5}'
    path.write_text(damaged, "utf-8")
    with pytest.raises(BriefingFormatError):
        storage.load(path)
    with pytest.raises(storage.BriefingFileError, match=r"not replaced.*\(the file is not a valid briefing"):
        storage.save(small_briefing(), path)
    assert path.read_text("utf-8") == damaged


def test_an_empty_file_may_be_replaced(tmp_path: Path) -> None:
    path = tmp_path / "new.briefing"
    path.touch()
    storage.save(small_briefing(), path)
    assert storage.load(path).title.en == "Test meeting"


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(storage.BriefingFileError, match="cannot write in"):
        storage.save(small_briefing(), tmp_path / "no-such-folder" / "x.briefing")


def test_saving_onto_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.briefing").mkdir()
    with pytest.raises(storage.BriefingFileError, match="is a folder"):
        storage.save(small_briefing(), tmp_path / "x.briefing")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a folder"),
    ],
)
def test_load_errors_are_plain_sentences(tmp_path: Path, make: object, expected: str) -> None:
    path = tmp_path / "x.briefing"
    make(path)  # type: ignore[operator]
    with pytest.raises(storage.BriefingFileError, match=expected):
        storage.load(path)


def test_stale_temporary_files_from_a_crash_are_cleared(tmp_path: Path) -> None:
    path = tmp_path / "meeting.briefing"
    stale = tmp_path / ".meeting.briefing.abc123.tmp"
    stale.write_bytes(b"half a file")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".meeting.briefing.def456.tmp"  # maybe another process saving right now
    fresh.write_bytes(b"in progress")
    storage.save(small_briefing(), path)
    assert not stale.exists()
    assert fresh.exists()


CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from briefing import storage
    from briefing.fileformat import loads
    path = sys.argv[1]
    versions = [loads(open(name, encoding="utf-8").read()) for name in sys.argv[2:]]
    print("ready", flush=True)
    n = 0
    while True:
        storage.save(versions[n % 2], path)
        n += 1
    """
)


@pytest.mark.slow
def test_killed_while_saving_leaves_old_or_new_file_complete(tmp_path: Path) -> None:
    """A real process saving a 7 MB briefing in a loop is killed at random moments.

    Most of a save is spent serialising; the kills go on until three have landed inside the write
    itself (a temporary file is left behind), so the test always covers the dangerous moment.
    """
    old, new = large_briefing(2000, 1200), large_briefing(2000, 1100)
    old_text, new_text = dumps(old), dumps(new)
    assert len(old_text.encode()) > 6_000_000
    (tmp_path / "old.json").write_text(old_text, "utf-8")
    (tmp_path / "new.json").write_text(new_text, "utf-8")
    target = tmp_path / "work" / "large.briefing"
    target.parent.mkdir()
    target.write_text(old_text, "utf-8")
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)), "utf-8")
    rng = random.Random(20241107)
    kills = mid_write = 0
    while mid_write < 3 and kills < 80:
        kills += 1
        child = subprocess.Popen(
            [sys.executable, str(script), str(target), str(tmp_path / "old.json"), str(tmp_path / "new.json")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        on_disk = target.read_text("utf-8")
        assert on_disk in (old_text, new_text)
        backup = storage.backup_path(target)
        if backup.exists():
            assert backup.read_text("utf-8") in (old_text, new_text)
        leftovers = list(target.parent.glob(".*.tmp"))
        mid_write += bool(leftovers)
        for leftover in leftovers:
            leftover.unlink()
    assert mid_write == 3, f"only {mid_write} of {kills} kills landed inside a write"

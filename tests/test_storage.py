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

from briefing import files, storage
from briefing.fileformat import MAX_PROBLEMS_SHOWN, BriefingFormatError, dumps
from briefing.model import Language
from tests.conftest import ROOT
from tests.helpers import deadline, item, large_briefing, small_briefing


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
    import os, pathlib, sys, time
    sys.path.insert(0, {root!r})
    from briefing import storage
    from briefing.fileformat import loads

    path, stop_at = sys.argv[1], int(sys.argv[2])
    versions = [loads(open(name, encoding="utf-8").read()) for name in sys.argv[3:]]
    steps = 0

    def pausing(name, real):
        # Every step of a save that touches the disk passes here; at step `stop_at` the process
        # says where it is and waits to be killed before doing it.
        def step(*args, **kwargs):
            global steps
            steps += 1
            if steps == stop_at:
                print("paused before", name, flush=True)
                time.sleep(3600)
            return real(*args, **kwargs)
        return step

    os.fsync = pausing("fsync", os.fsync)
    os.link = pausing("link", os.link)
    pathlib.Path.replace = pausing("rename", pathlib.Path.replace)
    print("ready", flush=True)
    n = 0
    while True:
        storage.save(versions[n % 2], path)
        n += 1
    """
)

# One save over an existing file takes five steps (fsync the temporary file, link the backup, rename it,
# rename the new file into place, fsync the folder); steps 1-10 cover two saves, the second one
# replacing a `.bak` that already exists.
STEPS_PER_TWO_SAVES = 10


@pytest.mark.slow
def test_killed_while_saving_leaves_old_or_new_file_complete(tmp_path: Path) -> None:
    """A real process saving a 7 MB briefing in a loop is SIGKILLed before each disk step of a save,
    then at random moments: the path always holds the complete old or new file, and so does `.bak`."""
    old, new = large_briefing(2000, 1200), large_briefing(2000, 1100)
    old_text, new_text = dumps(old), dumps(new)
    assert len(old_text.encode()) > 6_000_000
    (tmp_path / "old.json").write_text(old_text, "utf-8")
    (tmp_path / "new.json").write_text(new_text, "utf-8")
    target = tmp_path / "work" / "large.briefing"
    target.parent.mkdir()
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)), "utf-8")
    rng = random.Random(20241107)
    paused_at: list[str] = []
    stops = [*range(1, STEPS_PER_TWO_SAVES + 1), *[0] * 6]  # 0: never pauses, killed after a random delay
    for stop_at in stops:
        target.write_text(old_text, "utf-8")
        storage.backup_path(target).unlink(missing_ok=True)
        child = subprocess.Popen(
            [
                sys.executable,
                str(script),
                str(target),
                str(stop_at),
                str(tmp_path / "new.json"),
                str(tmp_path / "old.json"),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        if stop_at:
            paused_at.append(child.stdout.readline().strip())
        else:
            time.sleep(rng.uniform(0.02, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert target.read_text("utf-8") in (old_text, new_text)
        backup = storage.backup_path(target)
        if backup.exists():
            assert backup.read_text("utf-8") in (old_text, new_text)
        if stop_at in (1, 2):  # killed with the new version only in the temporary file
            assert target.read_text("utf-8") == old_text
            assert list(target.parent.glob(".*.tmp"))
        if stop_at == 5:  # killed after the rename: the new version is in place
            assert target.read_text("utf-8") == new_text
            assert storage.backup_path(target).read_text("utf-8") == old_text
        for leftover in target.parent.glob(".*.tmp"):
            leftover.unlink()
        assert storage.load(target) in (old, new)  # and the next start finds a file that loads
    assert paused_at == [f"paused before {name}" for name in ["fsync", "link", "rename", "rename", "fsync"] * 2]


def test_a_file_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "shared.briefing"
    storage.save(small_briefing(), path)
    mine, digest = storage.read(path)
    assert digest == storage.digest(path.read_bytes())
    mine.items()[0].set_text(Language.EN, "My edit.")
    digest = storage.save(mine, path, expected=digest)  # unchanged on disk: saved, new digest
    assert storage.load(path) == mine and digest == storage.digest(path.read_bytes())
    # Someone else saves over it (same size or not, same second or not: the bytes decide).
    theirs = storage.load(path)
    theirs.items()[0].set_text(Language.EN, "Their edit")
    storage.save(theirs, path)
    on_disk = path.read_bytes()
    mine.items()[0].set_text(Language.EN, "My second edit.")
    with pytest.raises(storage.ChangedOnDisk, match="changed on disk after it was opened here"):
        storage.save(mine, path, expected=digest)
    assert path.read_bytes() == on_disk  # their work is untouched
    with pytest.raises(storage.ChangedOnDisk):
        storage.save(mine, path, expected=digest, replace_unreadable=True)
    storage.save(mine, path)  # the user chose to replace it: no expectation
    assert storage.load(storage.backup_path(path)) == theirs  # and theirs is the .bak
    path.unlink()
    storage.save(mine, path, expected=digest)  # a file removed meanwhile is simply written again
    assert storage.load(path) == mine


# -- what mutation testing found untested (issue 17 point 13) ------------------------------------------------------


def test_a_save_failing_after_its_temporary_file_exists_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.briefing"
    first = small_briefing()
    storage.save(first, path)
    before = path.read_bytes()
    second = small_briefing()
    second.title.en = "Changed"

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.save(second, path)
    assert raised.value.code == "storage.not_saved"
    assert str(raised.value) == f"{path}: not saved (No space left on device); the file on disk is unchanged"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.briefing"]  # no temporary file, no backup yet


def test_a_folder_that_cannot_be_written_in_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    path = tmp_path / "x.briefing"
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.save(small_briefing(), path)
    assert raised.value.code == "storage.cannot_write_in"
    assert str(raised.value) == f"{path}: cannot write in {tmp_path} (Permission denied)"
    assert not path.exists()


def test_a_file_over_512_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.briefing"
    with path.open("wb") as stream:  # sparse: no disk space, no reading (the size alone refuses it)
        stream.truncate(512 * 2**20 + 1)
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.load(path)
    assert raised.value.code == "storage.too_large"
    assert str(raised.value) == f"{path}: 512 MB is larger than any briefing (limit 512 MB)"


def test_a_file_that_grows_past_the_cap_while_read_stops_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing"
    path.write_bytes(b"x" * 3000)
    with pytest.raises(storage.TooLarge) as raised:
        storage.read_regular(path, 2999)
    assert raised.value.code == "storage.over_limit"
    assert storage.read_regular(path, 3000) == b"x" * 3000
    big = tmp_path / "big"
    big.write_bytes(b"y" * (storage.READ_CHUNK + 10))  # more than one read
    assert storage.read_regular(big, storage.READ_CHUNK + 10) == b"y" * (storage.READ_CHUNK + 10)


def test_special_files_and_missing_ones_are_named(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.briefing"
    os.mkfifo(fifo)
    with deadline(10, "opening a pipe"), pytest.raises(storage.BriefingFileError) as raised:
        storage.load(fifo)
    assert str(raised.value) == f"{fifo}: not a regular file (a pipe, a device or a socket); only files are read"
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.load(tmp_path / "missing.briefing")
    assert str(raised.value) == f"{tmp_path / 'missing.briefing'}: no such file"
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.load(tmp_path)
    assert str(raised.value) == f"{tmp_path}: is a folder, not a file"


def test_a_save_with_the_digest_read_replaces_without_reading_the_file_again(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing"
    storage.save(small_briefing(), path)
    briefing, read_digest = storage.read(path)
    briefing.title.en = "Changed"
    written = storage.save(briefing, path, expected=read_digest)
    assert written == storage.digest(path.read_bytes()) != read_digest
    assert storage.load(path).title.en == "Changed"
    assert storage.digest(storage.backup_path(path).read_bytes()) == read_digest


def test_a_briefing_that_would_not_open_again_is_not_saved_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing"
    briefing = small_briefing()
    for number, made in enumerate(briefing.items()):
        made.id = f"bad id {number}"
    extra = briefing.sections[0]
    for number in range(40):
        extra.items.append(item("Text.", id=f"also bad {number}"))
    with pytest.raises(storage.NotSaved) as raised:
        storage.save(briefing, path)
    error = raised.value
    assert error.code == "storage.would_not_open" and len(error.problems) == 43
    lines = str(error).split("\n")
    assert lines[0] == (
        f"{path}: not saved, because the briefing would not open again (the file is not a valid briefing "
        "(43 problems)); the file on disk is unchanged"
    )
    assert len(lines) == 1 + MAX_PROBLEMS_SHOWN
    assert lines[1] == f"  {error.problems[0]}" and lines[1].startswith("  $.sections[0].items[0].id: ")
    assert error.args == (str(error),)
    error.with_hint(" (a hint)")
    assert str(error).split("\n")[0].endswith("the file on disk is unchanged (a hint)")
    assert not path.exists()


def test_a_character_that_cannot_be_encoded_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer's checks refuse lone surrogates first (NotSaved); should text reach the encoder, it still
    names the character."""
    monkeypatch.setattr(storage, "dumps_checked", lambda briefing: '{"title": "a\ud800b"}')
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.save(small_briefing(), tmp_path / "x.briefing")
    assert raised.value.code == "storage.unstorable_character"
    assert (
        str(raised.value)
        == f"{tmp_path / 'x.briefing'}: not saved: the text contains a character that cannot be stored ('\\ud800')"
    )
    assert list(tmp_path.iterdir()) == []


def test_content_no_reader_check_caught_still_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.briefing"
    storage.save(small_briefing(), path)
    for error in (ValueError("Exceeds the limit (4300 digits)"), RecursionError("maximum recursion depth")):

        def fail(data: bytes, source: str = "", _error: Exception = error) -> None:
            raise _error

        monkeypatch.setattr(storage, "loads", fail)
        with pytest.raises(storage.BriefingFileError) as raised:
            storage.read(path)
        assert raised.value.code == "storage.unreadable"
        assert str(raised.value) == f"{path}: cannot be read ({error})"


def test_the_size_in_the_too_large_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 3 * 2**20)
    path = tmp_path / "x.briefing"
    with path.open("wb") as stream:
        stream.truncate(5 * 2**20 + 7)
    with pytest.raises(storage.BriefingFileError, match=r"x.briefing: 5 MB is larger than any briefing"):
        storage.read_bytes(path)
    with path.open("wb") as stream:
        stream.truncate(3 * 2**20 + 1)
    with pytest.raises(storage.BriefingFileError, match=r"x.briefing: 3 MB is larger"):
        storage.read_bytes(path)
    proc = Path("/proc/self/status")  # `stat` says 0 bytes; read, it is over a tiny cap
    if proc.is_file() and proc.stat().st_size == 0:
        monkeypatch.setattr(storage, "MAX_FILE_BYTES", 16)
        with pytest.raises(storage.BriefingFileError) as raised:
            storage.read_bytes(proc)
        assert str(raised.value) == f"{proc}: 0 MB is larger than any briefing (limit 512 MB)"
        assert raised.value.code == "storage.too_large"

    def vanished(self: Path, **kwargs: object) -> os.stat_result:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 3 * 2**20)

    def over(where: Path, limit: int) -> bytes:
        raise files.TooLarge("storage.over_limit", path=str(where), limit="3")

    monkeypatch.setattr(storage, "read_regular", over)
    monkeypatch.setattr(Path, "stat", vanished)
    with pytest.raises(storage.BriefingFileError, match=r"x.briefing: 3 MB is larger"):
        storage.read_bytes(path)  # removed after the refusal: the cap itself is said


def test_check_replaceable_reads_only_what_it_must(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing"
    storage.check_replaceable(path)  # nothing there
    path.write_bytes(b"not a briefing")
    storage.check_replaceable(path, must_load=False)  # the user chose to replace it
    storage.check_replaceable(path, expected=storage.digest(b"not a briefing"))  # the bytes this program knew
    with pytest.raises(storage.ChangedOnDisk) as raised:
        storage.check_replaceable(path, expected=storage.digest(b"other"), must_load=False)
    assert raised.value.code == "storage.changed_on_disk"
    with pytest.raises(storage.BriefingFileError) as refused:
        storage.check_replaceable(path)
    assert str(refused.value) == (
        f"{path}: not replaced, because the file there is not a briefing this program can read (not valid JSON at "
        "line 1, column 1: Expecting value). Save under another name, or move that file away first."
    )
    path.write_bytes(b"")
    storage.check_replaceable(path)  # empty: nothing to lose
    storage.save(small_briefing(), path)
    storage.check_replaceable(path)  # a briefing
    path.unlink()
    path.mkdir()
    with pytest.raises(storage.BriefingFileError, match="is a folder"):
        storage.check_replaceable(path, must_load=False)


def test_save_returns_the_digest_of_what_it_wrote(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing"
    written = storage.save(small_briefing(), path)
    assert written == storage.digest(path.read_bytes()) == storage.read(path)[1]
    assert len(written) == 64 and int(written, 16) >= 0
    assert storage.digest(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_a_damaged_file_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "x.briefing"
    path.write_bytes(b'{"format": "briefing-studio/briefing", "version": 1, "title": 5}')
    with pytest.raises(BriefingFormatError) as raised:
        storage.read(path)
    assert str(raised.value).startswith(f"{path}: the file is not a valid briefing")
    assert raised.value.source == str(path)


def test_refusals_to_replace_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "x.briefing"
    folder.mkdir()
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.check_replaceable(folder)
    assert str(raised.value) == f"{folder}: is a folder, not a file"
    path = tmp_path / "y.briefing"
    path.write_bytes(b"theirs")
    with pytest.raises(storage.ChangedOnDisk) as changed:
        storage.check_replaceable(path, expected=storage.digest(b"mine"))
    assert str(changed.value) == (
        f"{path}: not saved, because the file was changed on disk after it was opened here (by another person or "
        "program)"
    )

    def grew(where: Path, limit: int) -> bytes:  # small by `stat`, over the cap while read
        raise files.TooLarge("storage.over_limit", path=str(where), limit="512")

    monkeypatch.setattr(storage, "read_regular", grew)
    with pytest.raises(storage.BriefingFileError) as raised:
        storage.read_bytes(path)
    assert str(raised.value) == f"{path}: 512 MB is larger than any briefing (limit 512 MB)"

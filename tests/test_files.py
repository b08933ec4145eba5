"""The safe file helpers every reader and writer uses (`briefing.files`), each behaviour on its own: a regular file
read within a byte cap and every way a read fails, the checks before writing, the atomic write with its temporary
file, backup, permissions and stale leftovers (issue 17 points 1, 10 and 13)."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing import files
from briefing.files import BriefingFileError, TooLarge, backup_path, check_writable, read_regular, write_atomically
from tests.helpers import deadline

MB = 2**20


def open_descriptors() -> int:
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def refusal(path: Path, limit: int = 100) -> BriefingFileError:
    with pytest.raises(BriefingFileError) as raised:
        read_regular(path, limit)
    return raised.value


# -- reading ---------------------------------------------------------------------------------------------------------


def test_a_regular_file_is_read_whole_up_to_and_at_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    assert read_regular(path, 3) == b"abc"
    assert read_regular(str(path), 1000) == b"abc"  # a str path too
    (tmp_path / "empty").touch()
    assert read_regular(tmp_path / "empty", 0) == b""


def test_reads_ask_for_a_chunk_at_a_time_and_never_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real_read = os.read

    def spy(fd: int, size: int) -> bytes:
        asked.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", spy)
    path = tmp_path / "big"
    path.write_bytes(b"y" * (2 * files.READ_CHUNK + 10))
    assert len(read_regular(path, 3 * files.READ_CHUNK)) == 2 * files.READ_CHUNK + 10
    assert asked == [files.READ_CHUNK, files.READ_CHUNK, files.READ_CHUNK, files.READ_CHUNK - 10 + 1]
    asked.clear()
    assert read_regular(path, 2 * files.READ_CHUNK + 10) == b"y" * (2 * files.READ_CHUNK + 10)
    assert asked == [files.READ_CHUNK, files.READ_CHUNK, 11, 1]  # the last asks for one byte past the cap


def test_a_file_whose_size_lies_stops_one_byte_past_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    proc = Path("/proc/self/status")  # `stat` says 0 bytes; it reads as a page of text
    if not proc.is_file() or proc.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    got: list[int] = []
    real_read = os.read

    def spy(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        got.append(len(data))
        return data

    monkeypatch.setattr(os, "read", spy)
    with pytest.raises(TooLarge) as raised:
        read_regular(proc, 16)
    assert sum(got) == 17
    assert raised.value.code == "storage.over_limit"
    assert str(raised.value) == f"{proc}: larger than {16 / MB:g} MB; not read"


def test_a_file_over_the_cap_by_its_size_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge"
    with path.open("wb") as stream:
        stream.truncate(3 * MB + 1)

    def no_read(fd: int, size: int) -> bytes:
        raise AssertionError("read a file its size already refuses")

    monkeypatch.setattr(os, "read", no_read)
    with pytest.raises(TooLarge) as raised:
        read_regular(path, 3 * MB)
    assert str(raised.value) == f"{path}: larger than 3 MB; not read"


@pytest.mark.parametrize(("limit", "words"), [(512 * MB, "512"), (MB + MB // 2, "1.5"), (MB // 4, "0.25")])
def test_the_limit_is_said_in_megabytes(tmp_path: Path, limit: int, words: str) -> None:
    path = tmp_path / "x"
    with path.open("wb") as stream:
        stream.truncate(limit + 1)
    assert str(refusal(path, limit)) == f"{path}: larger than {words} MB; not read"


def test_missing_folders_pipes_and_devices_are_named(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody writes into it: opening must not wait for a writer
    before = open_descriptors()
    cases = {
        tmp_path / "missing": "no such file",
        tmp_path: "is a folder, not a file",
        fifo: "not a regular file (a pipe, a device or a socket); only files are read",
        Path("/dev/zero"): "not a regular file (a pipe, a device or a socket); only files are read",
    }
    with deadline(10, "opening a pipe"):
        for path, words in cases.items():
            error = refusal(path)
            assert str(error) == f"{path}: {words}"
            assert not isinstance(error, TooLarge)
        assert refusal(tmp_path / "missing").code == "storage.no_such_file"
        assert refusal(tmp_path).code == "storage.is_folder"
        assert refusal(fifo).code == "storage.not_regular"
    assert open_descriptors() == before  # every refusal closed what it opened


def test_a_path_that_cannot_be_opened_says_why(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    error = refusal(loop)
    assert error.code == "storage.unreadable"
    assert str(error) == f"{loop}: cannot be read (Too many levels of symbolic links)"
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert str(refusal(plain / "child")) == f"{plain / 'child'}: cannot be read (Not a directory)"


def _raising(error: OSError) -> object:
    def fail(*args: object, **kwargs: object) -> object:
        raise error

    return fail


@pytest.mark.parametrize(
    ("error", "code", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "storage.permission_denied", "permission denied"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "storage.is_folder", "is a folder, not a file"),
        (OSError(errno.EIO, "Input/output error"), "storage.unreadable", "cannot be read (Input/output error)"),
        (OSError("no error number"), "storage.unreadable", "cannot be read (no error number)"),
    ],
)
@pytest.mark.parametrize("step", ["open", "fstat", "read"])
def test_every_failure_of_a_read_is_a_coded_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, code: str, words: str, step: str
) -> None:
    """What root (these tests' user on CI) never meets on disk: permissions, a directory race, a failing disk."""
    path = tmp_path / "x"
    path.write_bytes(b"data")
    before = open_descriptors()
    monkeypatch.setattr(os, step, _raising(error))
    raised = refusal(path)
    monkeypatch.undo()
    assert (raised.code, str(raised)) == (code, f"{path}: {words}")
    assert raised.__cause__ is None and raised.__suppress_context__
    assert open_descriptors() == before


# -- checking an output path -----------------------------------------------------------------------------------------


def test_a_missing_or_writable_path_may_be_written(tmp_path: Path) -> None:
    check_writable(tmp_path / "new")
    path = tmp_path / "mine"
    for mode in (0o644, 0o200, 0o020, 0o002):
        path.write_text("x")
        path.chmod(mode)
        check_writable(path)
        path.unlink()


def check_refused(path: Path) -> BriefingFileError:
    with pytest.raises(BriefingFileError) as raised:
        check_writable(path)
    return raised.value


@pytest.mark.parametrize("mode", [0o444, 0o555, 0o400, 0o000])
def test_a_read_only_file_is_never_replaced(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "x"
    path.write_text("x")
    path.chmod(mode)
    error = check_refused(path)
    assert error.code == "storage.read_only"
    assert str(error).startswith(f"{path}: the file is read-only, so it is not replaced.")


def test_a_file_the_user_may_not_write_is_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x"
    path.write_text("x")
    asked: list[tuple[object, int]] = []

    def access(where: object, mode: int) -> bool:
        asked.append((where, mode))
        return False

    monkeypatch.setattr(os, "access", access)
    assert check_refused(path).code == "storage.read_only"
    assert asked == [(path, os.W_OK)]


def test_links_folders_and_special_files_are_refused_as_outputs(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_text("theirs")
    link = tmp_path / "link"
    link.symlink_to(target)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert str(check_refused(link)) == (
        f"{link}: is a link (to {target}); nothing is written through a link. Save to the file itself, or under "
        "another name"
    )
    assert check_refused(dangling).code == "storage.is_link"
    assert str(check_refused(tmp_path)) == f"{tmp_path}: is a folder, not a file"
    assert str(check_refused(fifo)) == (
        f"{fifo}: not a regular file (a pipe, a device or a socket); nothing is written there"
    )
    assert check_refused(Path("/dev/null")).code == "storage.not_a_file"


def test_a_link_whose_target_cannot_be_read_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "x")
    monkeypatch.setattr(Path, "readlink", _raising(OSError(errno.EIO, "Input/output error")))
    assert str(check_refused(link)).startswith(f"{link}: is a link (to ?);")


def test_an_output_path_that_cannot_be_examined_says_why(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_text("x")
    error = check_refused(plain / "child")
    assert (error.code, str(error)) == ("storage.unreadable", f"{plain / 'child'}: cannot be read (Not a directory)")


# -- writing ----------------------------------------------------------------------------------------------------------


def test_a_new_file_gets_the_umask_or_owner_only_permissions(tmp_path: Path, umask_027: None) -> None:
    shared, private = tmp_path / "shared", tmp_path / "private"
    write_atomically(shared, b"one")
    write_atomically(private, b"two", private=True)
    assert (shared.read_bytes(), private.read_bytes()) == (b"one", b"two")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    private.chmod(0o604)  # an existing file keeps its mode, private or not
    write_atomically(private, b"three", private=True)
    assert stat.S_IMODE(private.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["private", "shared"]  # no backup unless asked


def test_a_new_file_is_readable_by_colleagues_under_the_usual_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "x", b"data")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "x").stat().st_mode) == 0o644


def test_a_file_system_that_refuses_modes_still_gets_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FAT stick mounted without `quiet` answers EPERM to a mode it cannot store: the data is what matters."""
    monkeypatch.setattr(Path, "chmod", _raising(PermissionError(errno.EPERM, "Operation not permitted")))
    write_atomically(tmp_path / "new", b"one")
    assert (tmp_path / "new").read_bytes() == b"one"
    write_atomically(tmp_path / "new", b"two", keep_backup=True)
    assert (tmp_path / "new").read_bytes() == b"two"
    assert backup_path(tmp_path / "new").read_bytes() == b"one"


def test_the_umask_is_read_with_or_without_proc(monkeypatch: pytest.MonkeyPatch, umask_027: None) -> None:
    set_to: list[int] = []
    real_umask = os.umask

    def spy(mask: int) -> int:
        set_to.append(mask)
        return real_umask(mask)

    monkeypatch.setattr(os, "umask", spy)
    assert files._umask() == 0o027
    if Path("/proc/self/status").is_file():
        assert set_to == []  # read from /proc: the process-wide umask is never changed, not even briefly
    monkeypatch.setattr(os, "umask", real_umask)
    monkeypatch.setattr(files, "Path", lambda name: Path("/nonexistent") / Path(name).name)
    assert files._umask() == 0o027
    assert os.umask(0o027) == 0o027  # and left as it was


def test_the_temporary_file_is_hidden_beside_the_target_and_unpredictable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    path = tmp_path / "x.briefing"
    write_atomically(path, b"one")
    write_atomically(path, b"two")
    temporaries = [name for listing in seen for name in listing if name != "x.briefing"]
    assert len(temporaries) == 2 and temporaries[0] != temporaries[1]
    for name in temporaries:
        assert name.startswith(".x.briefing.") and name.endswith(".tmp") and len(name) > len(".x.briefing..tmp") + 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.briefing"]


def test_a_backup_is_the_old_file_itself_not_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "x"
    write_atomically(path, b"old", keep_backup=True)
    assert not backup_path(path).exists()  # nothing to keep the first time
    old_inode = path.stat().st_ino
    write_atomically(path, b"new", keep_backup=True)
    assert backup_path(path) == tmp_path / "x.bak"
    assert (path.read_bytes(), backup_path(path).read_bytes()) == (b"new", b"old")
    assert backup_path(path).stat().st_ino == old_inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x", "x.bak"]


def test_without_hard_links_the_backup_is_a_private_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x"
    write_atomically(path, b"old")
    path.chmod(0o644)
    monkeypatch.setattr(os, "link", _raising(OSError(errno.EPERM, "Operation not permitted")))
    write_atomically(path, b"new", keep_backup=True)
    backup = backup_path(path)
    assert (path.read_bytes(), backup.read_bytes()) == (b"new", b"old")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x", "x.bak"]


@pytest.mark.parametrize("step", ["fsync", "replace", "backup", "copy"])
def test_a_write_failing_midway_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "x"
    write_atomically(path, b"old")
    full = OSError(errno.ENOSPC, "No space left on device")
    if step == "fsync":
        monkeypatch.setattr(os, "fsync", _raising(full))
    elif step == "replace":  # the backup's rename (the first one) fails
        monkeypatch.setattr(Path, "replace", _raising(full))
    elif step == "copy":  # no hard links, and the copy fails half-way
        monkeypatch.setattr(os, "link", _raising(full))
        monkeypatch.setattr(Path, "read_bytes", _raising(full))
    else:  # the backup can be neither linked nor copied
        real_open = os.open

        def no_backup(name: str, *args: int) -> int:
            if ".bak." in str(name):
                raise full
            return real_open(name, *args)

        monkeypatch.setattr(os, "link", _raising(full))
        monkeypatch.setattr(os, "open", no_backup)
    with pytest.raises(BriefingFileError) as raised:
        write_atomically(path, b"new", keep_backup=True)
    monkeypatch.undo()
    assert raised.value.code == "storage.not_saved"
    assert str(raised.value) == f"{path}: not saved (No space left on device); the file on disk is unchanged"
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


def test_a_folder_that_refuses_the_temporary_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", _raising(OSError("no reason given")))
    with pytest.raises(BriefingFileError) as raised:
        write_atomically(tmp_path / "x", b"data")
    assert str(raised.value) == f"{tmp_path / 'x'}: cannot write in {tmp_path} (no reason given)"


def test_a_write_into_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomically(Path("here"), b"data")
    assert (tmp_path / "here").read_bytes() == b"data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["here"]


def test_only_stale_temporaries_of_the_same_file_are_cleared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = 2_000_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    path = tmp_path / "a[1].briefing"  # glob characters in the name are literal
    ages = {
        ".a[1].briefing.old.tmp": files.STALE_TEMPORARY_SECONDS + 1,
        ".a[1].briefing.bak.old.tmp": files.STALE_TEMPORARY_SECONDS + 1,
        ".a[1].briefing.recent.tmp": files.STALE_TEMPORARY_SECONDS - 1,
        ".a1.briefing.old.tmp": files.STALE_TEMPORARY_SECONDS + 100,  # what an unescaped pattern matches
        ".other.briefing.old.tmp": files.STALE_TEMPORARY_SECONDS + 100,
        ".a[1].briefing.old.keep": files.STALE_TEMPORARY_SECONDS + 100,
    }
    for name, age in ages.items():
        (tmp_path / name).write_bytes(b"left over")
        os.utime(tmp_path / name, (now - age, now - age))
    write_atomically(path, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "a[1].briefing",
            ".a[1].briefing.recent.tmp",
            ".a1.briefing.old.tmp",
            ".other.briefing.old.tmp",
            ".a[1].briefing.old.keep",
        ]
    )
    assert files.STALE_TEMPORARY_SECONDS == 600


def test_fsync_folder_syncs_the_folder_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []

    def spy(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)

    monkeypatch.setattr(os, "fsync", spy)
    before = open_descriptors()
    files.fsync_folder(tmp_path)
    assert synced == [tmp_path.stat().st_ino]
    files.fsync_folder(tmp_path / "missing")  # nothing to sync, nothing raised
    assert synced == [tmp_path.stat().st_ino]
    assert open_descriptors() == before
    write_atomically(tmp_path / "x", b"data")
    assert synced[-1] == tmp_path.stat().st_ino  # a write ends by syncing its folder


def test_errors_without_an_error_number_are_said_as_they_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "lstat", _raising(OSError("odd file system")))
    assert str(check_refused(tmp_path / "x")) == f"{tmp_path / 'x'}: cannot be read (odd file system)"
    monkeypatch.undo()
    monkeypatch.setattr(os, "fsync", _raising(OSError("odd file system")))
    with pytest.raises(BriefingFileError) as raised:
        write_atomically(tmp_path / "x", b"data")
    assert str(raised.value) == f"{tmp_path / 'x'}: not saved (odd file system); the file on disk is unchanged"


def test_a_temporary_that_cannot_be_removed_does_not_hide_why_the_write_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", _raising(OSError(errno.EIO, "Input/output error")))
    monkeypatch.setattr(Path, "unlink", _raising(OSError(errno.EROFS, "Read-only file system")))
    with pytest.raises(BriefingFileError) as raised:
        write_atomically(tmp_path / "x", b"data")
    assert str(raised.value) == f"{tmp_path / 'x'}: not saved (Input/output error); the file on disk is unchanged"


def test_leftovers_that_cannot_be_listed_or_vanish_do_not_stop_a_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "glob", lambda self, pattern: iter([tmp_path / ".x.gone.tmp"]))  # removed meanwhile
    write_atomically(tmp_path / "x", b"one")
    monkeypatch.setattr(Path, "glob", _raising(PermissionError(errno.EACCES, "Permission denied")))
    write_atomically(tmp_path / "x", b"two")
    assert (tmp_path / "x").read_bytes() == b"two"


def test_a_temporary_exactly_as_old_as_the_limit_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = 2_000_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    edge = tmp_path / ".x.edge.tmp"
    edge.write_bytes(b"maybe in progress")
    os.utime(edge, (now - files.STALE_TEMPORARY_SECONDS, now - files.STALE_TEMPORARY_SECONDS))
    write_atomically(tmp_path / "x", b"data")
    assert edge.exists()


def test_the_backup_is_staged_under_an_unpredictable_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staged: list[str] = []
    real_link = os.link

    def spy(source: Path, target: Path) -> None:
        staged.append(Path(target).name)
        real_link(source, target)

    monkeypatch.setattr(os, "link", spy)
    path = tmp_path / "x"
    write_atomically(path, b"one")
    write_atomically(path, b"two", keep_backup=True)
    write_atomically(path, b"three", keep_backup=True)
    assert len(staged) == 2 and staged[0] != staged[1]
    for name in staged:  # 64 random bits
        assert re.fullmatch(r"\.x\.bak\.[0-9a-f]{16}\.tmp", name), name


def test_a_link_planted_at_the_backups_staged_name_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even an attacker who guessed the staged name (here: fixed) gets a refusal, not a write through the link,
    when the backup must be copied (no hard links)."""
    victim = tmp_path / "victim"
    victim.write_bytes(b"the victim's own file")
    path = tmp_path / "x"
    write_atomically(path, b"old")
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: "0" * (2 * n))
    (tmp_path / f".x.bak.{'0' * 16}.tmp").symlink_to(victim)
    monkeypatch.setattr(os, "link", _raising(OSError(errno.EPERM, "Operation not permitted")))
    with pytest.raises(BriefingFileError) as raised:
        write_atomically(path, b"new", keep_backup=True)
    assert raised.value.code == "storage.not_saved"
    assert victim.read_bytes() == b"the victim's own file"
    assert path.read_bytes() == b"old"
    dangling = tmp_path / "nowhere"
    (tmp_path / f".x.bak.{'0' * 16}.tmp").unlink()
    (tmp_path / f".x.bak.{'0' * 16}.tmp").symlink_to(dangling)  # a dangling link: O_CREAT alone would follow it
    with pytest.raises(BriefingFileError):
        write_atomically(path, b"new", keep_backup=True)
    assert not dangling.exists()

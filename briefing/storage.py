"""Reading and writing `.briefing` files on disk without ever leaving a damaged file behind.

Saving writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous file as
`<name>.bak` (a hard link, so the old bytes are never rewritten) and renames the new file into place:
at every moment the path holds either the complete old file or the complete new one. A file on disk
that does not load as a briefing is never replaced unless the caller says so explicitly.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import secrets
import stat
import tempfile
import threading
import time
from pathlib import Path

from briefing.fileformat import MAX_PROBLEMS_SHOWN, BriefingFormatError, dumps_checked, loads
from briefing.messages import BriefingError, Message, register
from briefing.model import Briefing

MAX_FILE_BYTES = 512 * 1024 * 1024

register(
    {
        "storage.too_large": "{path}: {size} MB is larger than any briefing (limit 512 MB)",
        "storage.no_such_file": "{path}: no such file",
        "storage.is_folder": "{path}: is a folder, not a file",
        "storage.permission_denied": "{path}: permission denied",
        "storage.unreadable": "{path}: cannot be read ({reason})",
        "storage.changed_on_disk": "{path}: not saved, because the file was changed on disk after it was opened "
        "here (by another person or program)",
        "storage.not_replaced": "{path}: not replaced, because the file there is not a briefing this program can "
        "read ({reason}). Save under another name, or move that file away first.",
        "storage.unstorable_character": "{path}: not saved: the text contains a character that cannot be stored "
        "({character})",
        "storage.cannot_write_in": "{path}: cannot write in {folder} ({reason})",
        "storage.not_saved": "{path}: not saved ({reason}); the file on disk is unchanged",
        "storage.would_not_open": "{path}: not saved, because the briefing would not open again ({reason}); "
        "the file on disk is unchanged",
        "storage.not_regular": "{path}: not a regular file (a pipe, a device or a socket); only files are read",
        "storage.over_limit": "{path}: larger than {limit} MB; not read",
        "storage.is_link": "{path}: is a link (to {target}); nothing is written through a link. Save to the file "
        "itself, or under another name",
        "storage.read_only": "{path}: the file is read-only, so it is not replaced. Save under another name, or make "
        "the file writable first",
        "storage.not_a_file": "{path}: not a regular file (a pipe, a device or a socket); nothing is written there",
    }
)


class BriefingFileError(BriefingError, OSError):
    """A file that could not be read or written, said in words a user understands."""


class NotSaved(BriefingFileError):
    """A briefing that breaks a rule and so would not open again: saving it is refused, the file untouched.
    `problems` says what is wrong and where, as reading the file would."""

    def __init__(self, path: Path, error: BriefingFormatError) -> None:
        super().__init__("storage.would_not_open", path=str(path), reason=Message(error.code, error.params))
        self.problems = error.problems
        self.args = (str(self),)

    def __str__(self) -> str:
        lines = [self.english() + self.hint]  # not args[0]: that already holds this text (printed twice)
        lines += [f"  {problem}" for problem in self.problems[:MAX_PROBLEMS_SHOWN]]
        return "\n".join(lines)


class ChangedOnDisk(BriefingFileError):
    """The file is no longer what this program read or wrote last: someone else saved over it."""


class TooLarge(BriefingFileError):
    """A file over the byte cap of what reads it (found by `stat` or while reading: the cap holds either way)."""


def load(path: str | os.PathLike[str]) -> Briefing:
    """Read a briefing; BriefingFormatError for bad content, BriefingFileError for I/O trouble."""
    return read(path)[0]


def read(path: str | os.PathLike[str]) -> tuple[Briefing, str]:
    """A briefing and the SHA-256 of the bytes it was read from (pass it to `save` as `expected`)."""
    path = Path(path)
    data = read_bytes(path)
    try:
        return loads(data, source=str(path)), digest(data)
    except BriefingFormatError:
        raise
    except (ValueError, RecursionError) as error:  # what a reader check missed still names the file, coded
        raise BriefingFileError("storage.unreadable", path=str(path), reason=str(error)) from None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except TooLarge:
        try:
            size = path.stat().st_size
        except OSError:
            size = MAX_FILE_BYTES + 1
        raise BriefingFileError(
            "storage.too_large", path=str(path), size=max(size, MAX_FILE_BYTES + 1) // 2**20
        ) from None


READ_CHUNK = 1024 * 1024


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else a coded BriefingFileError.

    A pipe, a device (/dev/zero) or a socket is refused before a byte is read (opening does not wait for a
    pipe's writer), and the cap is counted while reading, not only from `stat`: a file that grows, or lies
    about its size, still stops at `limit + 1` bytes."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise BriefingFileError("storage.no_such_file", path=name) from None
    except IsADirectoryError:
        raise BriefingFileError("storage.is_folder", path=name) from None
    except PermissionError:
        raise BriefingFileError("storage.permission_denied", path=name) from None
    except OSError as error:
        raise BriefingFileError("storage.unreadable", path=name, reason=error.strerror or str(error)) from None
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise BriefingFileError("storage.is_folder", path=name)
        if not stat.S_ISREG(status.st_mode):
            raise BriefingFileError("storage.not_regular", path=name)
        if status.st_size > limit:
            raise TooLarge("storage.over_limit", path=name, limit=_megabytes(limit))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge("storage.over_limit", path=name, limit=_megabytes(limit))
        return b"".join(chunks)
    except IsADirectoryError:
        raise BriefingFileError("storage.is_folder", path=name) from None
    except PermissionError:
        raise BriefingFileError("storage.permission_denied", path=name) from None
    except BriefingFileError:
        raise
    except OSError as error:
        raise BriefingFileError("storage.unreadable", path=name, reason=error.strerror or str(error)) from None
    finally:
        os.close(fd)


def _megabytes(limit: int) -> str:
    return f"{limit / 2**20:g}"


def check_writable(path: Path) -> None:
    """Refuse an output path that is a link (writing would reach wherever the link points, or turn a planted
    link into the program's own file), a folder, a pipe or device, or a read-only file (the owner's "do not
    change"). A missing path is fine."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise BriefingFileError("storage.unreadable", path=str(path), reason=error.strerror or str(error)) from None
    if stat.S_ISLNK(status.st_mode):
        try:
            target = str(Path(path).readlink())
        except OSError:
            target = "?"
        raise BriefingFileError("storage.is_link", path=str(path), target=target)
    if stat.S_ISDIR(status.st_mode):
        raise BriefingFileError("storage.is_folder", path=str(path))
    if not stat.S_ISREG(status.st_mode):
        raise BriefingFileError("storage.not_a_file", path=str(path))
    if not status.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise BriefingFileError("storage.read_only", path=str(path))


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def check_replaceable(path: Path, expected: str | None = None, must_load: bool = True) -> None:
    """Refuse to replace a file that does not load as a briefing: it may be someone's data, or the very
    file that just failed to open (saving over it would destroy what a repair could still recover).

    With `expected` (the digest from `read` or the last `save`), also refuse a file that has changed
    since: another person or program saved over it, and writing now would silently discard their work.
    `must_load=False` skips the first check (the user chose to replace an unreadable file)."""
    if not path.exists():
        return
    if path.is_dir():
        raise BriefingFileError("storage.is_folder", path=str(path))
    if expected is None and not must_load:
        return
    data = read_bytes(path)
    if expected is not None:
        if digest(data) != expected:
            raise ChangedOnDisk("storage.changed_on_disk", path=str(path))
        return  # exactly the bytes this program read (and checked) or wrote: no need to check them again
    if not data or not must_load:
        return  # nothing there to lose (e.g. a file made with `touch`), or the user said to replace it
    try:
        loads(data, source=str(path))
    except BriefingFormatError as error:
        raise BriefingFileError("storage.not_replaced", path=str(path), reason=error.message) from None


def save(
    briefing: Briefing,
    path: str | os.PathLike[str],
    *,
    replace_unreadable: bool = False,
    expected: str | None = None,
) -> str:
    """Write atomically, keeping the previous version as `<name>.bak`; returns the written bytes' digest.

    `expected`: the digest of the file as last read or written here; a file that no longer matches
    raises ChangedOnDisk and is left alone (None: no such check)."""
    path = Path(path)
    try:
        # The checks opening the file would make: a file that would not open again is never written.
        data = dumps_checked(briefing).encode("utf-8")
    except BriefingFormatError as error:
        raise NotSaved(path, error) from None
    except UnicodeEncodeError as error:
        character = repr(error.object[error.start : error.end])
        raise BriefingFileError("storage.unstorable_character", path=str(path), character=character) from None
    check_writable(path)
    check_replaceable(path, expected, must_load=not replace_unreadable)
    write_atomically(path, data, keep_backup=True)
    return digest(data)


STALE_TEMPORARY_SECONDS = 600


def write_atomically(path: Path, data: bytes, *, keep_backup: bool = False, private: bool = False) -> None:
    """Write `data` to `path` through a temporary file of an unpredictable name created exclusively (O_EXCL,
    never following a link) in the same folder, renamed into place, so that a crash leaves the old file or the new
    one. A link, a read-only file or a special file at `path` is refused (`check_writable`); a link planted there
    after that check is replaced by the rename, never followed. A file that exists keeps its permissions; a new
    one gets the user's umask (colleagues on a shared drive can open it), or owner-only permissions when
    `private`."""
    folder = path.parent if str(path.parent) else Path()
    check_writable(path)
    _remove_stale_temporaries(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise BriefingFileError(
            "storage.cannot_write_in", path=str(path), folder=str(folder), reason=error.strerror or str(error)
        ) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            _copy_mode(path, Path(temporary))
            if keep_backup:
                _keep_backup(path)
        elif not private:
            Path(temporary).chmod(0o666 & ~_umask())
        Path(temporary).replace(path)
        fsync_folder(folder)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise BriefingFileError("storage.not_saved", path=str(path), reason=error.strerror or str(error)) from None


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by a save that was killed (old enough not to be a save in progress)."""
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _keep_backup(path: Path) -> None:
    """Point `<name>.bak` at the current file's bytes, atomically, without copying them (through a staged name
    nobody can predict, so a link planted beside the file is never written through)."""
    backup = backup_path(path)
    staged = path.with_name(f".{path.name}.bak.{secrets.token_hex(8)}.tmp")
    try:
        os.link(path, staged)
    except OSError:  # a file system without hard links: copy instead
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(staged, flags, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(path.read_bytes())
    staged.replace(backup)


_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask: from /proc on Linux, else by setting it and back (briefly, under a lock)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def _copy_mode(source: Path, target: Path) -> None:
    with contextlib.suppress(OSError):
        target.chmod(source.stat().st_mode & 0o777)


def fsync_folder(folder: Path) -> None:
    """Make a rename or removal in `folder` durable (POSIX; elsewhere nothing to do)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

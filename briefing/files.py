"""Files read and written safely, whatever they hold: a regular file read within a byte cap (never a pipe or a
device), and a file replaced atomically through a temporary file of an unpredictable name, never through a link.

The briefing storage (`briefing.storage`) builds on these, and so does every store or exchange format that reads or
writes a user's file (termbase and memory exchange, review files, templates, packs, imports): one place decides
what "safely" means. The message codes keep their `storage.` prefix, as the window's catalogue knows them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import tempfile
import threading
import time
from pathlib import Path

from briefing.messages import BriefingError, register

register(
    {
        "storage.no_such_file": "{path}: no such file",
        "storage.is_folder": "{path}: is a folder, not a file",
        "storage.permission_denied": "{path}: permission denied",
        "storage.unreadable": "{path}: cannot be read ({reason})",
        "storage.cannot_write_in": "{path}: cannot write in {folder} ({reason})",
        "storage.not_saved": "{path}: not saved ({reason}); the file on disk is unchanged",
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


class TooLarge(BriefingFileError):
    """A file over the byte cap of what reads it (found by `stat` or while reading: the cap holds either way)."""


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
            with contextlib.suppress(OSError):  # a file system without modes (a FAT stick) refuses some
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
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(path.read_bytes())
        except OSError:
            staged.unlink(missing_ok=True)
            raise
    try:
        staged.replace(backup)
    except OSError:
        staged.unlink(missing_ok=True)  # not left behind for a later save to clear as a stale temporary
        raise


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

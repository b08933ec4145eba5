"""Reading and writing `.briefing` files on disk without ever leaving a damaged file behind.

Saving writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous file as
`<name>.bak` (a hard link, so the old bytes are never rewritten) and renames the new file into place:
at every moment the path holds either the complete old file or the complete new one. A file on disk
that does not load as a briefing is never replaced unless the caller says so explicitly.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from briefing.fileformat import MAX_PROBLEMS_SHOWN, BriefingFormatError, dumps_checked, loads
from briefing.files import (
    READ_CHUNK,
    STALE_TEMPORARY_SECONDS,
    BriefingFileError,
    TooLarge,
    backup_path,
    check_writable,
    fsync_folder,
    read_regular,
    write_atomically,
)
from briefing.messages import Message, register
from briefing.model import Briefing

# The safe file helpers live in briefing.files; they are also offered here, where callers found them first.
__all__ = [
    "MAX_FILE_BYTES",
    "READ_CHUNK",
    "STALE_TEMPORARY_SECONDS",
    "BriefingFileError",
    "ChangedOnDisk",
    "NotSaved",
    "TooLarge",
    "backup_path",
    "check_replaceable",
    "check_writable",
    "digest",
    "fsync_folder",
    "load",
    "read",
    "read_bytes",
    "read_regular",
    "save",
    "write_atomically",
]

MAX_FILE_BYTES = 512 * 1024 * 1024

register(
    {
        "storage.too_large": "{path}: {size} MB is larger than any briefing (limit 512 MB)",
        "storage.changed_on_disk": "{path}: not saved, because the file was changed on disk after it was opened "
        "here (by another person or program)",
        "storage.not_replaced": "{path}: not replaced, because the file there is not a briefing this program can "
        "read ({reason}). Save under another name, or move that file away first.",
        "storage.unstorable_character": "{path}: not saved: the text contains a character that cannot be stored "
        "({character})",
        "storage.would_not_open": "{path}: not saved, because the briefing would not open again ({reason}); "
        "the file on disk is unchanged",
    }
)


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

"""Recovery copies: unsaved work survives a crash, a kill or a power cut.

While a document has unsaved changes the editor writes a recovery copy into the data folder's
`recovery/` (atomically, like a save). Each editing session holds an OS lock on its own lock file for
as long as the process lives; the OS drops it when the process dies however it dies. On the next
start, copies whose lock nobody holds are the ones left by an unclean exit and can be offered back.
A clean save or close discards the copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from briefing.fileformat import dumps
from briefing.messages import Message, register
from briefing.model import Briefing, now_utc
from briefing.storage import BriefingFileError, load, write_atomically

try:  # POSIX
    import fcntl

    def _try_lock(stream: IO[bytes]) -> bool:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

except ImportError:  # Windows
    import msvcrt

    def _try_lock(stream: IO[bytes]) -> bool:
        try:
            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True


register(
    {
        "recovery.locked": "{folder}: recovery slot {key} is locked by another process",
        "recovery.skipped": "{path}: a recovery copy that cannot be opened here ({reason}); left as it is",
    }
)


@dataclass(frozen=True)
class RecoveryEntry:
    """A recovery copy left behind by an editing session that did not end cleanly."""

    key: str
    folder: Path
    document_path: Path | None  # None for a document that was never saved
    written: datetime
    disk_digest: str | None = None  # the document file's digest as the crashed session knew it

    @property
    def copy_path(self) -> Path:
        return self.folder / f"{self.key}.briefing"

    def load(self) -> Briefing:
        return load(self.copy_path)

    def discard(self) -> None:
        for suffix in (".briefing", ".json", ".lock"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / f"{self.key}{suffix}").unlink()


class RecoverySession:
    """The recovery slot of one open document in this process."""

    def __init__(self, folder: Path, document_path: Path | None = None) -> None:
        self.folder = folder
        self.key = uuid.uuid4().hex
        self.document_path = document_path
        self._lock: IO[bytes] | None = None

    @property
    def copy_path(self) -> Path:
        return self.folder / f"{self.key}.briefing"

    @property
    def has_copy(self) -> bool:
        return self.copy_path.exists()

    def write(self, briefing: Briefing, disk_digest: str | None = None) -> None:
        """Store the unsaved state (called by the autosave timer while there are unsaved changes), with the
        digest of the document's file as this session read or saved it, so that a restored copy can
        still tell whether someone changed the file since."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            self._lock = (self.folder / f"{self.key}.lock").open("wb")
            if not _try_lock(self._lock):
                raise BriefingFileError("recovery.locked", folder=str(self.folder), key=self.key)
        write_atomically(self.copy_path, dumps(briefing).encode("utf-8"), private=True)
        meta = {
            "document_path": str(self.document_path) if self.document_path else None,
            "disk_digest": disk_digest,
            "written": now_utc().isoformat(),
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        write_atomically(self.folder / f"{self.key}.json", json.dumps(meta, indent=2).encode("utf-8"), private=True)

    def discard(self) -> None:
        """The document was saved or deliberately closed: its recovery copy is no longer needed."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None
        RecoveryEntry(self.key, self.folder, self.document_path, now_utc()).discard()


def orphaned_copies(folder: Path, skipped: list[Message] | None = None) -> list[RecoveryEntry]:
    """Recovery copies whose editing session has ended without a save or close, newest first.

    A copy this user cannot open (another user's, or one left by `sudo`), or whose lock cannot be opened or
    read, is left alone and said in `skipped` (a notice), never a traceback."""
    entries: list[RecoveryEntry] = []
    try:
        if not folder.is_dir():
            return entries
        copies = sorted(folder.glob("*.briefing"))
    except OSError as error:
        _skip(skipped, folder, error)
        return entries
    for copy in copies:
        try:
            entry = _orphan(folder, copy)
        except OSError as error:
            _skip(skipped, copy, error)
            continue
        if entry is not None:
            entries.append(entry)
    entries.sort(key=lambda entry: entry.written, reverse=True)
    return entries


def _skip(skipped: list[Message] | None, path: Path, error: OSError) -> None:
    if skipped is not None:
        skipped.append(Message("recovery.skipped", {"path": str(path), "reason": error.strerror or str(error)}))


def _orphan(folder: Path, copy: Path) -> RecoveryEntry | None:
    """The entry of an orphaned copy; None while its session still runs; OSError when it cannot be opened."""
    key = copy.stem
    with copy.open("rb"):
        pass  # a copy this user cannot read is not offered
    lock_path = folder / f"{key}.lock"
    if lock_path.exists():
        stream: IO[bytes]
        try:
            stream = lock_path.open("ab")
        except PermissionError:
            stream = lock_path.open("rb")  # a lock can be taken on a file opened for reading
        with stream:
            if not _try_lock(stream):
                return None  # its session is still running (in this or another process)
    try:
        meta = json.loads((folder / f"{key}.json").read_text("utf-8"))
        document = Path(meta["document_path"]) if meta.get("document_path") else None
        written = datetime.fromisoformat(meta["written"])
        digest = meta.get("disk_digest") if isinstance(meta.get("disk_digest"), str) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        document, written, digest = None, datetime.fromtimestamp(copy.stat().st_mtime).astimezone(), None
    return RecoveryEntry(key, folder, document, written, digest)

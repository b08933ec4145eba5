"""No sentence translated twice: what the model made of each sentence, kept in the data folder.

Keyed by the package (pair and version), the beam size and the exact text the model is given (terms already
replaced by placeholders), so that translating again after an edit sends only the changed sentences to the
model. It is only a cache: a damaged file is replaced by an empty one, and a locked or read-only one makes the
job run without it (the job's result says so) rather than fail. It holds at most `MAX_SENTENCES` sentences
(about 40 MB): past that, the ones least recently used go, down to nine tenths of the limit.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing.messages import Message, register
from briefing.paths import data_home, ensure_folder

register(
    {"translation.cache_unavailable": "the translation cache {file} cannot be used ({reason}); translated without"}
)

FILE_NAME = "translation-cache.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sentences (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (model, source)
) WITHOUT ROWID
"""
_CHUNK = 500  # parameters per query, well under SQLite's limit
MAX_SENTENCES = 100_000  # a year of a busy office's drafting; a few hundred bytes each


@dataclass(frozen=True)
class ModelKey:
    """What makes a model's output for a sentence what it is."""

    from_code: str
    to_code: str
    version: str
    beam_size: int

    def __str__(self) -> str:
        return f"{self.from_code}>{self.to_code}@{self.version}/b{self.beam_size}"


class SentenceCache:
    """The cache file; open it on the thread that uses it (it is used by one thread at a time)."""

    def __init__(self, path: Path | None = None, max_sentences: int = MAX_SENTENCES) -> None:
        self.path = path or data_home() / FILE_NAME
        self.max_sentences = max_sentences
        self.problem: Message | None = None  # set when the cache could not be used; the job goes on without it
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self.problem is not None:
            return self._connection
        try:
            ensure_folder(self.path.parent)
            self._connection = self._open()
        except sqlite3.DatabaseError as error:
            if "not a database" in str(error) or "malformed" in str(error):
                # Only a cache: start again rather than stop translating.
                self.path.replace(self.path.with_name(self.path.name + ".damaged"))
                try:
                    self._connection = self._open()
                except sqlite3.Error as again:
                    self._fail(again)
            else:
                self._fail(error)
        except OSError as error:
            self._fail(error)
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=1.0, check_same_thread=False)
        try:
            connection.execute(_SCHEMA)
            connection.commit()
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _fail(self, error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.problem = Message("translation.cache_unavailable", {"file": str(self.path), "reason": reason})
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def lookup(self, model: ModelKey, sentences: Iterable[str]) -> dict[str, str]:
        """The cached translations of those sentences that have one."""
        connection = self._connect()
        wanted = list(dict.fromkeys(sentences))
        if connection is None or not wanted:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT source, target FROM sentences WHERE model = ? AND source IN ({marks})",
                    [str(model), *chunk],
                )
                found.update(rows.fetchall())
            if found:  # what is used stays; what nobody asked for in a long time goes first
                with connection:
                    used = time.time_ns()
                    hits = list(found)
                    for start in range(0, len(hits), _CHUNK):
                        chunk = hits[start : start + _CHUNK]
                        marks = ",".join("?" * len(chunk))
                        connection.execute(
                            f"UPDATE sentences SET used = ? WHERE model = ? AND source IN ({marks})",
                            [used, str(model), *chunk],
                        )
        except sqlite3.Error as error:
            self._fail(error)
            return {}
        return found

    def store(self, model: ModelKey, translations: dict[str, str]) -> None:
        """Keep a batch's translations (one transaction; failures only turn the cache off)."""
        connection = self._connect()
        if connection is None or not translations:
            return
        now = time.time_ns()
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO sentences (model, source, target, used) VALUES (?, ?, ?, ?)",
                    [(str(model), source, target, now) for source, target in translations.items()],
                )
                (count,) = connection.execute("SELECT count(*) FROM sentences").fetchone()
                if count > self.max_sentences:
                    connection.execute(
                        "DELETE FROM sentences WHERE (model, source) IN "
                        "(SELECT model, source FROM sentences ORDER BY used LIMIT ?)",
                        [count - self.max_sentences * 9 // 10],
                    )
        except sqlite3.Error as error:
            self._fail(error)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

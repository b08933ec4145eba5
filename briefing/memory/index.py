"""The gram index of a memory: which units hold each gram, how many do, and each unit's fuzzy-scored form.

A gram (`matching.Forms.grams`: a word for English, a character bigram for Korean) is stored as a term with its
language in front ("ko:회의"), so the two directions never mix. Its postings are the ids of the units holding it,
as little-endian uint32 in chunks of up to CHUNK ids keyed by their first id: learning a unit appends to a few
small chunks, a lookup reads a term's list in one query. `candidates` takes the query's rarest terms only (the
common ones would hand over most of the file), adds up their idf weights per unit with numpy and returns the
best-weighted units' stored forms, for rapidfuzz to score. The tables live in the memory's main schema or, for
a version-1 file opened read-only, in the connection's temp schema (built on first use, the file untouched).
"""

from __future__ import annotations

import math
import sqlite3
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from briefing.memory.matching import Forms
from briefing.model import Language

CHUNK = 1024  # ids per postings row (4 KB)
RARE_GRAMS = 16  # at most this many of the query's rarest grams select candidates
MIN_RARE = 4  # ... and at least this many, whatever their lists cost
POSTINGS_BUDGET = 100_000  # ... beyond which no further (commoner) gram is read (cached: cheap; English recall)
FLUSH = 20_000  # forms rows kept before they are written
POSTINGS_CACHE = 4_000_000  # unit ids (16 MB) of postings a connection keeps between lookups

_TABLES = (
    "CREATE TABLE {schema}.gram_docs(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE {schema}.gram_postings(term TEXT NOT NULL, first INTEGER NOT NULL, ids BLOB NOT NULL, "
    "PRIMARY KEY(term, first)) WITHOUT ROWID",
    "CREATE TABLE {schema}.unit_forms(id INTEGER PRIMARY KEY, comparable TEXT NOT NULL)",
)
TABLES = ("gram_docs", "gram_postings", "unit_forms")
_IDS = np.dtype("<u4")
_TOTALS = {language.value + ":" for language in Language}


def _total(language: Language) -> str:
    """The gram_docs term that counts the units of a language (no gram is empty)."""
    return language.value + ":"


def _blob(ids: np.ndarray | array[int] | list[int]) -> bytes:
    return np.asarray(ids, dtype=np.int64).astype(_IDS).tobytes()


@dataclass
class _Pending:
    """One language's units waiting to be indexed: their grams end to end and how many each unit has."""

    grams: list[str] = field(default_factory=list)
    units: array[int] = field(default_factory=lambda: array("q"))
    counts: array[int] = field(default_factory=lambda: array("q"))


@dataclass
class IndexWriter:
    """Collects units to index and writes them in a few statements at `flush` (inside the caller's transaction).

    `add` only appends to flat lists (C speed); `flush` numbers the distinct grams, groups the unit ids by gram
    with one numpy sort and writes each gram's postings once."""

    index: GramIndex
    pending: dict[Language, _Pending] = field(default_factory=dict)
    forms: list[tuple[int, str]] = field(default_factory=list)

    def add(self, unit_id: int, language: Language, forms: Forms) -> None:
        pending = self.pending.get(language)
        if pending is None:
            pending = self.pending[language] = _Pending()
        pending.grams.extend(forms.grams)
        pending.units.append(unit_id)
        pending.counts.append(len(forms.grams))
        self.forms.append((unit_id, forms.comparable))
        if len(self.forms) >= FLUSH:
            self._write_forms()

    def _write_forms(self) -> None:
        self.index.db.executemany(f"INSERT INTO {self.index.schema}.unit_forms VALUES (?, ?)", self.forms)
        self.forms.clear()

    def postings(self) -> dict[str, np.ndarray]:
        """Every pending term ("ko:회의", and "ko:" for the language's unit count) → its sorted unit ids."""
        out: dict[str, np.ndarray] = {}
        for language, pending in self.pending.items():
            prefix = _total(language)
            units = np.frombuffer(pending.units, dtype=np.int64)
            out[prefix] = np.sort(units)
            if not pending.grams:
                continue
            distinct = list(dict.fromkeys(pending.grams))
            number = {gram: i for i, gram in enumerate(distinct)}
            codes = np.fromiter(map(number.__getitem__, pending.grams), dtype=np.int64, count=len(pending.grams))
            ids = np.repeat(units, np.frombuffer(pending.counts, dtype=np.int64))
            order = np.lexsort((ids, codes))  # by gram, then by unit id
            ids, ends = ids[order], np.cumsum(np.bincount(codes, minlength=len(distinct)))
            starts = ends - np.bincount(codes, minlength=len(distinct))
            for gram, start, end in zip(distinct, starts.tolist(), ends.tolist(), strict=True):
                out[prefix + gram] = ids[start:end]
        return out

    def flush(self) -> None:
        self._write_forms()
        db, schema = self.index.db, self.index.schema
        postings = self.postings()
        self.pending.clear()
        db.executemany(
            f"INSERT INTO {schema}.gram_docs VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs",
            [(term, len(ids)) for term, ids in postings.items()],
        )
        empty = db.execute(f"SELECT 1 FROM {schema}.gram_postings LIMIT 1").fetchone() is None
        updates, inserts = [], []
        for term, values in postings.items():
            if term in _TOTALS:
                continue  # a language's unit count has no postings
            if not empty:
                row = db.execute(
                    f"SELECT first, ids FROM {schema}.gram_postings WHERE term = ? ORDER BY first DESC LIMIT 1", (term,)
                ).fetchone()
                if row is not None and len(row[1]) // 4 < CHUNK:
                    room = CHUNK - len(row[1]) // 4
                    updates.append((row[1] + _blob(values[:room]), term, row[0]))
                    values = values[room:]
            for start in range(0, len(values), CHUNK):
                chunk = values[start : start + CHUNK]
                inserts.append((term, int(chunk[0]), _blob(chunk)))
        db.executemany(f"UPDATE {schema}.gram_postings SET ids = ? WHERE term = ? AND first = ?", updates)
        db.executemany(f"INSERT INTO {schema}.gram_postings VALUES (?, ?, ?)", inserts)
        self.index.changed()


class GramIndex:
    """The index tables of one connection, in `schema` ("main", or "temp" for a read-only version-1 file)."""

    def __init__(self, db: sqlite3.Connection, schema: str = "main") -> None:
        self.db = db
        self.schema = schema
        # what lookups have read, kept while the file is unchanged (`changed`, PRAGMA data_version)
        self._docs: dict[str, int] = {}
        self._postings: dict[str, np.ndarray] = {}
        self._cached = 0  # ids held in _postings
        self._version: object = None

    def changed(self) -> None:
        """Forget the cached frequencies and postings: this connection wrote (or rolled back) the index."""
        self._docs.clear()
        self._postings.clear()
        self._cached = 0
        self._version = None

    def _fresh(self) -> None:
        """Drop the caches when another connection has committed to the file since they were filled."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self.changed()
            self._version = version

    def create(self) -> None:
        for statement in _TABLES:
            self.db.execute(statement.format(schema=self.schema))

    def writer(self) -> IndexWriter:
        return IndexWriter(self)

    def remove(self, entries: Iterable[tuple[int, Language, Forms]]) -> None:
        """Take units out of the index (inside the caller's transaction)."""
        by_term: dict[str, list[int]] = {}
        for unit_id, language, forms in entries:
            prefix = _total(language)
            by_term.setdefault(prefix, []).append(unit_id)
            for gram in forms.grams:
                by_term.setdefault(prefix + gram, []).append(unit_id)
            self.db.execute(f"DELETE FROM {self.schema}.unit_forms WHERE id = ?", (unit_id,))
        for term, ids in by_term.items():
            self.db.execute(f"UPDATE {self.schema}.gram_docs SET docs = docs - ? WHERE term = ?", (len(ids), term))
            if term not in _TOTALS:
                self._unpost(term, ids)
        self.db.execute(f"DELETE FROM {self.schema}.gram_docs WHERE docs <= 0")
        self.changed()

    def _unpost(self, term: str, ids: list[int]) -> None:
        chunks: dict[int, bytes] = {}
        for unit_id in ids:
            row = self.db.execute(
                f"SELECT first, ids FROM {self.schema}.gram_postings WHERE term = ? AND first <= ? "
                "ORDER BY first DESC LIMIT 1",
                (term, unit_id),
            ).fetchone()
            if row is not None:
                chunks[row[0]] = row[1]
        gone = np.asarray(ids, dtype=np.int64)
        for first, blob in chunks.items():
            values = np.frombuffer(blob, dtype=_IDS)
            kept = values[~np.isin(values, gone)]
            self.db.execute(f"DELETE FROM {self.schema}.gram_postings WHERE term = ? AND first = ?", (term, first))
            if len(kept):
                self.db.execute(
                    f"INSERT INTO {self.schema}.gram_postings VALUES (?, ?, ?)", (term, int(kept[0]), _blob(kept))
                )

    def _frequencies(self, terms: list[str]) -> dict[str, int]:
        """Units holding each term (0 for none), from the cache or one query for the terms not yet asked."""
        missing = [term for term in terms if term not in self._docs]
        if missing:
            self._docs.update(dict.fromkeys(missing, 0))
            for start in range(0, len(missing), 500):
                part = missing[start : start + 500]
                self._docs.update(
                    self.db.execute(
                        f"SELECT term, docs FROM {self.schema}.gram_docs WHERE term IN ({','.join('?' * len(part))})",
                        part,
                    )
                )
        return {term: self._docs[term] for term in terms}

    def _lists(self, terms: list[str]) -> list[np.ndarray]:
        """Each term's unit ids, from the cache or one query for the terms not cached."""
        missing = [term for term in terms if term not in self._postings]
        if missing:
            chunks: dict[str, list[bytes]] = {term: [] for term in missing}
            rows = self.db.execute(
                f"SELECT term, ids FROM {self.schema}.gram_postings WHERE term IN ({','.join('?' * len(missing))}) "
                "ORDER BY term, first",
                missing,
            )
            for term, blob in rows:
                chunks[term].append(blob)
            if self._cached > POSTINGS_CACHE:
                self._postings.clear()
                self._cached = 0
            for term, blobs in chunks.items():
                ids = np.frombuffer(b"".join(blobs), dtype=_IDS)
                self._postings[term] = ids
                self._cached += len(ids)
        return [self._postings[term] for term in terms]

    def candidates(self, grams: Iterable[str], language: Language, limit: int) -> dict[int, str]:
        """Up to `limit` units (id → stored comparable form) sharing the most idf weight of the query's rarest grams."""
        prefix = _total(language)
        terms = list(dict.fromkeys(prefix + gram for gram in grams))
        if not terms:
            return {}
        self._fresh()
        docs = self._frequencies([*terms, prefix])
        total = docs.pop(prefix)
        chosen: dict[str, float] = {}
        read = 0
        for frequency, term in sorted((docs[t], t) for t in terms if docs[t]):
            if len(chosen) >= RARE_GRAMS or (len(chosen) >= MIN_RARE and read + frequency > POSTINGS_BUDGET):
                break
            chosen[term] = math.log((total + 1) / frequency)
            read += frequency
        if not chosen:
            return {}
        lists = [
            (values, chosen[term])
            for term, values in zip(chosen, self._lists(list(chosen)), strict=True)
            if len(values)
        ]
        if not lists:
            return {}
        # one weighted bincount over the lists end to end: 5× faster than adding each list into a zeroed array
        ids = np.concatenate([values for values, _ in lists])
        weights = np.repeat([weight for _, weight in lists], [len(values) for values, _ in lists])
        best = _best(np.bincount(ids, weights), limit)
        wanted = sorted(best.tolist())
        marks = ",".join("?" * len(wanted))
        return dict(
            self.db.execute(f"SELECT id, comparable FROM {self.schema}.unit_forms WHERE id IN ({marks})", wanted)
        )


def _best(totals: np.ndarray, limit: int) -> np.ndarray:
    """The positions of the `limit` largest positive totals (any of equal ones at the cut). Partitioning only
    the totals above a threshold, halved until at least `limit` are above it, beats partitioning them all."""
    top = float(totals.max(initial=0.0))
    threshold = top / 2
    while True:
        above = np.flatnonzero(totals > threshold)
        if len(above) >= limit or threshold == 0.0:
            break
        threshold = threshold / 2 if threshold > top / 64 else 0.0
    if len(above) > limit:
        above = above[np.argpartition(totals[above], len(above) - limit)[len(above) - limit :]]
    return above

"""The office's translation memory on the PostgreSQL store: units with a trigram index for fuzzy lookup."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz

from briefing.memory import matching
from briefing.memory.model import Match, Unit, UnitKind
from briefing.memory.store import choose_matches, concordance_pattern, concordant
from briefing.model import Language
from briefing.stores.postgres import OfficeStore

OFFICE_NAME = "office"
CANDIDATES = 100  # units the trigram index hands to the fuzzy scorer
EXACT = 1000  # units with the query's exact key considered at most
BULK = 10_000
TRIGRAM_INDEX = "CREATE INDEX memory_trigrams ON memory_units USING gist (comparable gist_trgm_ops(siglen=256))"
_EMPTY_AND_OWNED = (  # the index can be dropped only by the table's owner
    "SELECT NOT EXISTS (SELECT 1 FROM memory_units) AND pg_has_role(relowner, 'USAGE') "
    "FROM pg_class WHERE oid = 'memory_units'::regclass"
)
_UNIT_COLUMNS = "id, kind, source_language, source, target, briefing, item_id, approved_by, approved_at"


class OfficeMemory:
    """The office's translation memory: a `MemoryStore` in the store's database."""

    def __init__(self, store: OfficeStore) -> None:
        self._store = store
        self.name = OFFICE_NAME
        self.read_only = not store.can_learn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self._store.writable(self.read_only)
        with self._store.transaction():
            yield

    def learn(self, units: Iterable[Unit]) -> int:
        """As `TranslationMemory.learn`: what an item taught before is replaced by what it teaches now."""
        units = list(units)
        with self.transaction():
            for briefing, item_id in dict.fromkeys((u.briefing, u.item_id) for u in units if u.briefing):
                self._forget(briefing, item_id)
            return sum(self.add_many((unit, None) for unit in units))

    def add(self, unit: Unit, learned_at: datetime | None = None) -> bool:
        return self.add_many([(unit, learned_at)])[0]

    def add_many(self, units: Iterable[tuple[Unit, datetime | None]]) -> list[bool]:
        """Store units in one transaction (copied in, then inserted unless the same unit is there: two drafters
        approving the same sentence store it once); for each, whether it was added."""
        units = list(units)
        if not units:
            return []
        identities = [_identity(unit) for unit, _ in units]
        texts = [(unit.source, unit.source_language) for unit, _ in units]
        with self.transaction(), contextlib.closing(matching.forms_many(texts)) as made:
            db = self._store.db
            db.execute(
                "CREATE TEMP TABLE incoming (n integer, kind text, source_language text, source text, target text, "
                "key text, comparable text, briefing text, item_id text, approved_by text, approved_at timestamptz, "
                "learned_at timestamptz, identity bytea) ON COMMIT DROP"
            )
            with db.cursor() as cursor, cursor.copy("COPY incoming FROM STDIN") as copy:
                for n, ((unit, learned_at), forms, identity) in enumerate(zip(units, made, identities, strict=True)):
                    copy.write_row(
                        (
                            n,
                            unit.kind.value,
                            unit.source_language.value,
                            unit.source,
                            unit.target,
                            forms.key,
                            forms.comparable,
                            unit.briefing,
                            unit.item_id,
                            unit.approved_by,
                            _aware(unit.approved_at),
                            _aware(learned_at) or datetime.now(UTC),
                            identity,
                        )
                    )
            # into an empty memory, many units at once (a migration): the trigram index is built once afterwards,
            # not updated row by row (inside the transaction: on failure the index is back as it was)
            bulk = len(units) >= BULK and db.execute(_EMPTY_AND_OWNED).fetchone() == (True,)
            if bulk:
                db.execute("DROP INDEX memory_trigrams")
            stored = db.execute(
                "INSERT INTO memory_units (kind, source_language, source, target, key, comparable, briefing, "
                "item_id, approved_by, approved_at, learned_at, identity) SELECT kind, source_language, source, "
                "target, key, comparable, briefing, item_id, approved_by, approved_at, learned_at, identity "
                "FROM incoming ORDER BY n ON CONFLICT (identity) DO NOTHING RETURNING identity"
            ).fetchall()
            db.execute("DROP TABLE incoming")
            if bulk:
                db.execute(TRIGRAM_INDEX)
        fresh = {bytes(row[0]) for row in stored}
        added = []
        for identity in identities:
            added.append(identity in fresh)
            fresh.discard(identity)
        return added

    def has(self, unit: Unit) -> bool:
        with self._store.guard():
            row = self._store.db.execute(
                "SELECT 1 FROM memory_units WHERE key = %s AND source_language = %s AND source = %s AND target = %s "
                "AND kind = %s LIMIT 1",
                (matching.key(unit.source), unit.source_language.value, unit.source, unit.target, unit.kind.value),
            )
            return row.fetchone() is not None

    def forget_item(self, briefing: str, item_id: str) -> int:
        with self.transaction():
            return self._forget(briefing, item_id)

    def _forget(self, briefing: str, item_id: str) -> int:
        gone = self._store.db.execute(
            "DELETE FROM memory_units WHERE briefing = %s AND item_id = %s AND briefing <> '' RETURNING id",
            (briefing, item_id),
        )
        return len(gone.fetchall())

    def count(self) -> int:
        with self._store.guard():
            row = self._store.db.execute("SELECT count(*) FROM memory_units").fetchone()
        return int(row[0]) if row else 0

    def units(self) -> Iterator[Unit]:
        with self._store.guard():
            rows = self._store.db.execute(f"SELECT {_UNIT_COLUMNS} FROM memory_units ORDER BY id").fetchall()
        for row in rows:
            yield self._unit(row)

    def learned_at(self) -> dict[int, datetime]:
        with self._store.guard():
            rows = self._store.db.execute("SELECT learned_at FROM memory_units ORDER BY id").fetchall()
        return {index: row[0] for index, row in enumerate(rows)}

    def lookup(self, text: str, source_language: Language, *, minimum: int = 70, limit: int = 9) -> list[Match]:
        """Units whose source is like `text`, best first, scored as the SQLite memory scores them."""
        if not text.strip():
            return []
        forms = matching.forms(text, source_language)
        query = matching.unstored(forms.comparable, source_language)
        with self._store.guard():
            db = self._store.db
            same_key = db.execute(
                f"SELECT {_UNIT_COLUMNS}, comparable FROM memory_units WHERE key = %s AND source_language = %s "
                "ORDER BY id LIMIT %s",
                (forms.key, source_language.value, EXACT),
            ).fetchall()
            # the nearest units by trigram distance, from the GiST index (a k-nearest-neighbour scan: it stops
            # after CANDIDATES, where a similarity threshold would have to score every unit sharing a trigram)
            similar = db.execute(
                f"SELECT {_UNIT_COLUMNS}, comparable FROM memory_units WHERE source_language = %s AND key <> %s "
                "ORDER BY comparable <-> %s LIMIT %s",
                (source_language.value, forms.key, forms.comparable, CANDIDATES),
            ).fetchall()
        candidates = [(self._unit(row[:-1]), 100.0, True, row[-1]) for row in same_key]
        for row in similar:
            score = fuzz.ratio(query, matching.unstored(row[-1], source_language), score_cutoff=minimum)
            if score:
                candidates.append((self._unit(row[:-1]), score, False, row[-1]))
        return choose_matches(text, candidates, minimum=minimum, limit=limit)

    def concordance(self, phrase: str, language: Language | None = None, *, limit: int = 50) -> list[Unit]:
        wanted, pattern = concordance_pattern(phrase)
        if not wanted:
            return []
        if language is None:
            condition, params = "(source ILIKE %s OR target ILIKE %s)", [pattern, pattern]
        else:
            condition = "((source_language = %s AND source ILIKE %s) OR (source_language = %s AND target ILIKE %s))"
            params = [language.value, pattern, language.other.value, pattern]
        with self._store.guard():
            rows = self._store.db.execute(
                f"SELECT {_UNIT_COLUMNS} FROM memory_units WHERE {condition} ORDER BY id DESC LIMIT %s",
                [*params, limit * 4],
            ).fetchall()
        return concordant((self._unit(row) for row in rows), wanted, language, limit)

    def close(self) -> None:
        self._store.close()

    def _unit(self, row: tuple[Any, ...]) -> Unit:
        _, kind, language, source, target, briefing, item_id, approved_by, approved_at = row
        return Unit(
            Language(language),
            source,
            target,
            UnitKind(kind),
            briefing,
            item_id,
            approved_by,
            approved_at,
            self.name,
        )


def _identity(unit: Unit) -> bytes:
    """What makes a unit the same as another (as the SQLite memory compares them), hashed for a unique index."""
    parts = (unit.source_language.value, unit.source, unit.target, unit.kind.value, unit.briefing, unit.item_id)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).digest()


def _aware(at: datetime | None) -> datetime | None:
    if at is None:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)

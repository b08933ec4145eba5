"""The office's translation memory on the PostgreSQL store: units, and their distinct forms (what the fuzzy score
compares: units differing only in placeables, case or spacing share one) with a trigram index for fuzzy lookup."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz

from briefing.memory import matching
from briefing.memory.model import Match, Unit, UnitKind
from briefing.memory.store import choose_matches, concordance_pattern, concordant, settled
from briefing.model import Language
from briefing.stores.postgres import FORM_INDEXES, TEXT_INDEXES, OfficeStore

OFFICE_NAME = "office"
FORMS = 30  # distinct forms the trigram index hands to the fuzzy scorer (units sharing a form score alike)
PER_FORM = 12  # units of one form read at most (whole items first, then the latest approved)
FIRST_FORMS = 2  # forms whose units are read first (then twice as many each time), until no unread one can rank
EXACT = 1000  # units with the query's exact key considered at most
BULK = 10_000
_EMPTY_AND_OWNED = (  # the indexes can be dropped only by the table's owner
    "SELECT NOT EXISTS (SELECT 1 FROM memory_units) AND pg_has_role(relowner, 'USAGE') "
    "FROM pg_class WHERE oid = 'memory_units'::regclass"
)
_BULK_INDEXES = ("memory_forms_ko", "memory_forms_en", "memory_source_trigrams", "memory_target_trigrams")
_UNIT_COLUMNS = "id, kind, source_language, source, target, briefing, item_id, approved_by, approved_at"
_UNIT_COLUMNS_U = ", ".join("u." + column for column in _UNIT_COLUMNS.split(", "))
# the nearest forms by trigram distance: a k-nearest-neighbour scan of one language's GiST index, which stops after
# FORMS (a similarity threshold would have to score every form sharing enough trigrams: thousands in a memory of
# similar sentences); the language is written into the statement so that its partial index applies
_NEAREST = {
    language: f"SELECT id, comparable FROM memory_forms WHERE source_language = '{language.value}' "
    "ORDER BY comparable <-> %s LIMIT %s"
    for language in Language
}
_SAME_KEY = (
    f"SELECT {_UNIT_COLUMNS_U} FROM memory_units u WHERE u.key = %s AND u.source_language = %s ORDER BY u.id LIMIT %s"
)
_OF_FORMS = (
    f"SELECT {_UNIT_COLUMNS_U}, f.id FROM unnest(%s::bigint[]) AS f(id) CROSS JOIN LATERAL "
    "(SELECT * FROM memory_units u WHERE u.form = f.id AND u.key <> %s "
    "ORDER BY u.kind = 'item' DESC, u.approved_at DESC NULLS LAST, u.id LIMIT %s) u"
)


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
            # into an empty memory, many units at once (a migration): the indexes are built once afterwards, not
            # updated row by row (inside the transaction: on failure they are back as they were)
            bulk = len(units) >= BULK and db.execute(_EMPTY_AND_OWNED).fetchone() == (True,)
            if bulk:
                db.execute("DROP INDEX " + ", ".join(_BULK_INDEXES))
                db.execute("SET LOCAL maintenance_work_mem = '256MB'")
            db.execute(
                "INSERT INTO memory_forms (source_language, comparable) SELECT DISTINCT source_language, comparable "
                "FROM incoming ORDER BY 1, 2 ON CONFLICT (source_language, md5(comparable)) DO NOTHING"
            )
            stored = db.execute(
                "INSERT INTO memory_units (kind, source_language, source, target, key, form, briefing, item_id, "
                "approved_by, approved_at, learned_at, identity) SELECT i.kind, i.source_language, i.source, "
                "i.target, i.key, f.id, i.briefing, i.item_id, i.approved_by, i.approved_at, i.learned_at, i.identity "
                "FROM incoming i JOIN memory_forms f ON f.source_language = i.source_language "
                "AND md5(f.comparable) = md5(i.comparable) AND f.comparable = i.comparable "
                "ORDER BY i.n ON CONFLICT (identity) DO NOTHING RETURNING identity"
            ).fetchall()
            db.execute("DROP TABLE incoming")
            if bulk:
                db.execute(FORM_INDEXES + TEXT_INDEXES)
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
        db = self._store.db
        gone = db.execute(
            "DELETE FROM memory_units WHERE briefing = %s AND item_id = %s AND briefing <> '' RETURNING form",
            (briefing, item_id),
        ).fetchall()
        if gone:  # forms no unit has any more would only crowd out the nearest ones
            db.execute(
                "DELETE FROM memory_forms f WHERE f.id = ANY(%s) "
                "AND NOT EXISTS (SELECT 1 FROM memory_units u WHERE u.form = f.id)",
                (sorted({row[0] for row in gone}),),
            )
        return len(gone)

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
        """Units whose source is like `text`, best first, scored as the SQLite memory scores them.

        Units with the query's key come from its hash index; the others through their forms (the stored
        `comparable`, shared by units that differ only in placeables, case or spacing): the FORMS nearest by
        trigram distance are scored once each, and the units of the forms that can still rank are read, best
        forms first (FIRST_FORMS, then twice as many each time), until no unread form can enter the best `limit`."""
        if not text.strip():
            return []
        forms = matching.forms(text, source_language)
        query = matching.unstored(forms.comparable, source_language)
        places = forms.comparable.count(matching.MASK)
        with self._store.guard():
            db = self._store.db
            same_key = db.execute(_SAME_KEY, (forms.key, source_language.value, EXACT)).fetchall()
            near = db.execute(_NEAREST[source_language], (forms.comparable, FORMS)).fetchall()
            ranked = []  # (best score a unit of the form can make, fuzzy score, form id, comparable)
            for form_id, comparable in near:
                score = fuzz.ratio(query, matching.unstored(comparable, source_language), score_cutoff=minimum)
                if score:
                    top = max(0, min(98, int(score)) - (5 if comparable.count(matching.MASK) != places else 0))
                    ranked.append((top, score, form_id, comparable))
            ranked.sort(key=lambda row: (-row[0], -row[1]))
            candidates = [(self._unit(row), 100.0, True, forms.comparable) for row in same_key]
            matches = choose_matches(text, candidates, minimum=minimum, limit=limit)
            size = FIRST_FORMS
            while ranked and ranked[0][0] >= minimum and not settled(matches, limit, ranked[0][0]):
                batch, ranked, size = ranked[:size], ranked[size:], size * 2
                of_form = {form_id: (score, comparable) for _, score, form_id, comparable in batch}
                rows = db.execute(_OF_FORMS, (list(of_form), forms.key, PER_FORM)).fetchall()
                for row in rows:
                    score, comparable = of_form[row[-1]]
                    candidates.append((self._unit(row[:-1]), score, False, comparable))
                matches = choose_matches(text, candidates, minimum=minimum, limit=limit)
        return matches

    def concordance(self, phrase: str, language: Language | None = None, *, limit: int = 50) -> list[Unit]:
        wanted, pattern = concordance_pattern(phrase)
        if not wanted:
            return []
        statement, params = concordance_query(pattern, language, limit * 4)
        with self._store.guard():
            rows = self._store.db.execute(statement, params).fetchall()
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


def concordance_query(pattern: str, language: Language | None, limit: int) -> tuple[str, list[str | int]]:
    """The statement finding the latest units whose text (in `language`'s side only, when given) is ILIKE `pattern`.

    A pattern holding three characters in a row finds its candidates through the trigram (GIN) indexes of source
    and target; a shorter one (a two-syllable Korean word such as 국방) has no trigram, and the planner reads the
    units newest first until `limit` are found, which is quick for a common word and a full scan for a rare one."""
    if language is None:
        condition, params = "(source ILIKE %s OR target ILIKE %s)", [pattern, pattern]
    else:
        condition = "((source_language = %s AND source ILIKE %s) OR (source_language = %s AND target ILIKE %s))"
        params = [language.value, pattern, language.other.value, pattern]
    return f"SELECT {_UNIT_COLUMNS} FROM memory_units WHERE {condition} ORDER BY id DESC LIMIT %s", [*params, limit]


def _identity(unit: Unit) -> bytes:
    """What makes a unit the same as another (as the SQLite memory compares them), hashed for a unique index."""
    parts = (unit.source_language.value, unit.source, unit.target, unit.kind.value, unit.briefing, unit.item_id)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).digest()


def _aware(at: datetime | None) -> datetime | None:
    if at is None:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)

"""Bilingual import: a Korean and an English version of the same document into ONE draft briefing, both texts per item.

Each file is imported on its own (`import_file`), the two languages are told apart (two of the same are refused),
then the versions are aligned:

1. by structure: the title and the meeting card field by field (a field one version lacks is filled from the
   other; a disagreement is noted); sections matched on what they share (anchors, item count, position — so
   reordered sections still find each other);
2. by items: dynamic programming over the two item sequences (the second version's sections put in the first's
   order), each 1–1 pair scored by `anchors.pair_score` (numbers, dates, acronyms, Latin names, termbase terms,
   a Gale-Church-like length ratio, the item type) plus a bonus when the two sections were matched; leaving an
   item unpaired costs nothing, so a pair must earn its place. The table is banded around the diagonal
   (`BAND`), so time grows with the number of items, not its square.

Nothing is lost: an item that found no partner stays in the draft, in its own language, at its place, and is
listed in `PairImport.unpaired` for the drafter to pair (`PairImport.pair`) — or a wrong pair is split again
(`PairImport.unpair`). Boilerplate set apart by the importer is kept in the last section and not aligned.
Every aligned item enters as `edited` (a person's text awaiting review), never approved; its confidence (0–1)
says how sure the alignment is. The first document's language is the source of the aligned items.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from briefing.importers import ImportResult, import_bytes, import_file
from briefing.importers.anchors import Profile, TermFinder, anchor_agreement, merged, pair_score, profile
from briefing.importers.report import ImportFailed, ImportReport
from briefing.importers.structure import SET_APART_TITLE
from briefing.messages import register
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, Section, TargetOrigin

__all__ = ["AlignedPair", "PairImport", "TermFinder", "align", "import_pair", "import_pair_bytes"]

register(
    {
        "import.same_language": "{first} and {second} are in the same language ({language}): a bilingual import "
        "needs a Korean and an English version",
        "import.cannot_pair": "{first} and {second} cannot be paired: pair an unpaired Korean item with an "
        "unpaired English item",
        "import.not_a_pair": "{id}: not an aligned pair of this import",
    }
)

SKIP = 0.55  # what a pair must score (with the section bonus) to be worth more than leaving both items unpaired
SECTION_BONUS = 0.1  # added to a pair whose two sections were matched to each other
SECTION_MIN = 0.3  # the least a section pair must score to be matched
BAND = 15  # the item table is computed within this many cells of its diagonal (which follows matched sections)
ALL_SECTIONS = 60  # up to this many sections a side, every section pair is scored; beyond, only nearby ones
NEAR_SECTIONS = 10  # beyond, a section is compared with those this close to its place
HIGH = 0.7  # a pair at or above this confidence is "high" (the report counts those below)


@dataclass(frozen=True)
class AlignedPair:
    """An item of the draft holding both texts: how sure the alignment is (1.0 when the drafter paired it)."""

    item_id: str
    confidence: float
    manual: bool = False


@dataclass
class PairImport:
    """A bilingual draft: the briefing, what each import found, the pairs and what is left to pair by hand."""

    briefing: Briefing
    reports: dict[Language, ImportReport]
    pairs: list[AlignedPair] = field(default_factory=list)
    unpaired: dict[Language, list[str]] = field(default_factory=dict)  # ids of items holding one language only
    notes: list[str] = field(default_factory=list)  # where the two versions disagree (meeting card, structure)

    @property
    def source(self) -> Language:
        return self.briefing.origin_language

    def pair_of(self, item_id: str) -> AlignedPair | None:
        return next((p for p in self.pairs if p.item_id == item_id), None)

    def accepted(self, min_confidence: float) -> list[AlignedPair]:
        """The pairs at or above `min_confidence`, and every pair the drafter made."""
        return [p for p in self.pairs if p.manual or p.confidence >= min_confidence]

    def pair(self, first_id: str, second_id: str) -> AlignedPair:
        """Join two unpaired items of different languages into one item (at the source-language item's place);
        the other item leaves the draft, and a section of the other version only that it leaves empty goes too.
        Returns the new pair."""
        languages = [
            next((lang for lang, ids in self.unpaired.items() if i in ids), None) for i in (first_id, second_id)
        ]
        if None in languages or languages[0] is languages[1]:
            raise ImportFailed("import.cannot_pair", first=first_id, second=second_id)
        ids = dict(zip(languages, (first_id, second_id), strict=True))
        keep_id, drop_id = ids[self.source], ids[self.source.other]
        keep, drop = self.briefing.item(keep_id), self.briefing.item(drop_id)
        _join(keep, drop)
        section, _ = self.briefing.locate(drop_id)
        self.briefing.remove_item(drop_id)
        if not section.items and not section.title.get(self.source):
            self.briefing.remove_section(section.id)
        self.unpaired[self.source].remove(keep_id)
        self.unpaired[self.source.other].remove(drop_id)
        made = AlignedPair(keep_id, 1.0, manual=True)
        self.pairs.append(made)
        return made

    def unpair(self, item_id: str) -> str:
        """Split a pair: the item keeps its source text, the other text becomes an unpaired item right after it.
        Returns the new item's id."""
        found = self.pair_of(item_id)
        if found is None:
            raise ImportFailed("import.not_a_pair", id=item_id)
        item = self.briefing.item(item_id)
        section, index = self.briefing.locate(item_id)
        other = Item(source=item.target, type=item.type, statement_kind=item.statement_kind, note_mark=item.note_mark)
        other.text.set(item.target, item.target_text)
        other.when, other.due = item.when, item.due
        item.set_text(item.target, "")
        section.items.insert(index + 1, other)
        self.pairs.remove(found)
        self.unpaired.setdefault(item.source, []).append(item.id)
        self.unpaired.setdefault(other.source, []).append(other.id)
        return other.id

    def lines(self) -> list[str]:
        """The alignment as plain lines (the command line prints them after each import's report)."""
        low = sum(p.confidence < HIGH for p in self.pairs)
        out = [
            f"aligned: {len(self.pairs)} pairs ({low} below {HIGH:.2f}); unpaired: "
            + ", ".join(f"{len(self.unpaired.get(lang, []))} {lang.value}" for lang in (Language.KO, Language.EN))
        ]
        for found in self.pairs:
            item = self.briefing.item(found.item_id)
            mark = " (paired by hand)" if found.manual else ""
            out.append(f"pair {found.confidence:.2f}{mark}: {_short(item.text.ko)} ⇄ {_short(item.text.en)}")
        for lang in (Language.KO, Language.EN):
            out += [
                f"unpaired {lang.value}: {self.briefing.item(i).text.get(lang)}" for i in self.unpaired.get(lang, [])
            ]
        out += [f"note: {note}" for note in self.notes]
        return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- importing ---------------------------------------------------------------------------------------------------


def import_pair(
    path_a: str | os.PathLike[str],
    path_b: str | os.PathLike[str],
    *,
    language_a: Language | None = None,
    terms: TermFinder | None = None,
) -> PairImport:
    """Import a document and its translation into one bilingual draft (`language_a`: the first document's
    language, the second's being the other; None detects both). The first document's language is the source."""
    first = import_file(path_a, language_a)
    second = import_file(Path(path_b), language_a.other if language_a else None)
    return align(first, second, terms=terms)


def import_pair_bytes(
    data_a: bytes,
    name_a: str,
    data_b: bytes,
    name_b: str,
    *,
    language_a: Language | None = None,
    terms: TermFinder | None = None,
) -> PairImport:
    """The same from bytes already read (the names are the file names the formats are guessed from)."""
    first = import_bytes(data_a, name_a, language_a)
    second = import_bytes(data_b, name_b, language_a.other if language_a else None)
    return align(first, second, terms=terms)


def align(first: ImportResult, second: ImportResult, *, terms: TermFinder | None = None) -> PairImport:
    """Align two imports of different languages into one draft (built from `first`'s briefing, which it changes)."""
    a, b = first.briefing, second.briefing
    lang_a, lang_b = a.origin_language, b.origin_language
    if lang_a is lang_b:
        raise ImportFailed(
            "import.same_language", first=first.report.source, second=second.report.source, language=lang_a.value
        )
    result = PairImport(a, {lang_a: first.report, lang_b: second.report}, unpaired={lang_a: [], lang_b: []})
    _merge(a.title, b.title, "title", result.notes)
    _merge(a.meeting, b.meeting, "meeting", result.notes)
    a_sections, a_apart = _split_apart(a, lang_a)
    b_sections, b_apart = _split_apart(b, lang_b)
    a_profiles = [[profile(i.text.get(lang_a), lang_a, i.type, terms) for i in s.items] for s in a_sections]
    b_profiles = [[profile(i.text.get(lang_b), lang_b, i.type, terms) for i in s.items] for s in b_sections]
    ko_length = sum(p.length for s in (a_profiles if lang_a is Language.KO else b_profiles) for p in s)
    en_length = sum(p.length for s in (b_profiles if lang_a is Language.KO else a_profiles) for p in s)
    ratio = min(max((en_length + 1) / (ko_length + 1), 0.5), 8.0)

    def score(pa: Profile, pb: Profile) -> float:
        return pair_score(pa, pb, ratio) if lang_a is Language.KO else pair_score(pb, pa, ratio)

    matched = _match_sections(a_profiles, b_profiles, lang_a)
    for j, i in matched.items():
        _merge(a_sections[i].title, b_sections[j].title, "section title", result.notes)
    _Builder(result, a_sections, b_sections, matched, a_apart, b_apart).build(
        _steps(a_profiles, b_profiles, _b_order(len(b_sections), matched, len(a_sections)), matched, score)
    )
    a.settle_titles()  # titles now written in both languages are edited (awaiting review), as the items are
    return result


# -- structure ---------------------------------------------------------------------------------------------------


def _split_apart(briefing: Briefing, lang: Language) -> tuple[list[Section], Section | None]:
    sections = list(briefing.sections)
    if sections and sections[-1].title.get(lang) == SET_APART_TITLE.get(lang):
        return sections[:-1], sections[-1]
    return sections, None


def _merge(mine: Any, theirs: Any, where: str, notes: list[str]) -> None:
    """Fill what `mine` lacks from `theirs`, field by field (Bilingual sides, values, lists of the same length
    member by member); a value both have and that differs is kept as it is in `mine` and noted."""
    if isinstance(mine, Bilingual):
        for lang in (Language.KO, Language.EN):
            if not mine.get(lang) and theirs.get(lang):
                mine.set(lang, theirs.get(lang))
        return
    for each in fields(mine):
        if each.name == "id":
            continue
        ours, other = getattr(mine, each.name), getattr(theirs, each.name)
        if isinstance(ours, Bilingual) or (is_dataclass(ours) and not isinstance(ours, type)):
            _merge(ours, other, f"{where} {each.name}", notes)
        elif isinstance(ours, list):
            if not ours:
                setattr(mine, each.name, list(other))
            elif len(ours) == len(other):
                for one, two in zip(ours, other, strict=True):
                    if is_dataclass(one):
                        _merge(one, two, f"{where} {each.name}", notes)
            elif other:
                notes.append(f"{where} {each.name}: {len(ours)} in one version, {len(other)} in the other")
        elif ours in (None, "") and other not in (None, ""):
            setattr(mine, each.name, other)
        elif other not in (None, "") and ours != other:
            notes.append(f"{where} {each.name}: {ours} in one version, {other} in the other (the first kept)")


def _match_sections(a: list[list[Profile]], b: list[list[Profile]], lang_a: Language) -> dict[int, int]:
    """Sections of the second version matched to sections of the first (index → index), best pairs first."""
    if not a or not b:
        return {}
    whole_a, whole_b = [merged(s) for s in a], [merged(s) for s in b]
    candidates: list[tuple[float, int, int]] = []
    for i in range(len(a)):
        near = range(len(b))
        if max(len(a), len(b)) > ALL_SECTIONS:
            centre = i * len(b) // len(a)
            near = range(max(0, centre - NEAR_SECTIONS), min(len(b), centre + NEAR_SECTIONS + 1))
        for j in near:
            ko, en = (whole_a[i], whole_b[j]) if lang_a is Language.KO else (whole_b[j], whole_a[i])
            shared = anchor_agreement(ko, en)
            counts = min(len(a[i]), len(b[j])) / max(len(a[i]), len(b[j]), 1)
            place = 1 - abs(i / len(a) - j / len(b))
            value = 0.55 * (0.4 if shared is None else shared) + 0.2 * counts + 0.25 * place
            if value >= SECTION_MIN:
                candidates.append((value, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in candidates:
        if j not in matched and i not in taken:
            matched[j] = i
            taken.add(i)
    return matched


def _b_order(count: int, matched: dict[int, int], a_count: int) -> list[int]:
    """The second version's sections in the first's order: each matched one where its partner is, an unmatched
    one right after the section it followed in its own document."""
    groups: dict[int, list[int]] = {-1: []}
    current = -1
    for j in range(count):
        if j in matched:
            current = matched[j]
            groups.setdefault(current, []).insert(0, j)
        else:
            groups.setdefault(current, []).append(j)
    return groups[-1] + [j for i in range(a_count) for j in groups.get(i, [])]


Step = tuple[tuple[int, int] | None, tuple[int, int] | None, float]  # (a section, item), (b section, item), score


def _steps(
    a: list[list[Profile]],
    b: list[list[Profile]],
    b_order: list[int],
    matched: dict[int, int],
    score: Callable[[Profile, Profile], float],
) -> list[Step]:
    """The best monotone path through the banded table: pairs, and items left alone, in reading order."""
    xs = [(s, k) for s in range(len(a)) for k in range(len(a[s]))]
    ys = [(s, k) for s in b_order for k in range(len(b[s]))]
    n, m = len(xs), len(ys)
    if n == 0 or m == 0:
        return [(x, None, 0.0) for x in xs] + [(None, y, 0.0) for y in ys]
    low_centre, high_centre = _diagonal(a, b, b_order, matched, n, m)
    lows = [max(0, math.floor(low_centre[i]) - BAND) for i in range(n + 1)]
    highs = [min(m, math.ceil(high_centre[min(i + 1, n)]) + BAND) for i in range(n + 1)]
    minus = -math.inf
    value: list[list[float]] = []
    move: list[bytearray] = []  # 0: pair, 1: skip an item of a, 2: skip an item of b
    scores: list[list[float]] = []
    for i in range(n + 1):
        lo, hi = lows[i], highs[i]
        row, came, local = [minus] * (hi - lo + 1), bytearray(hi - lo + 1), [0.0] * (hi - lo + 1)
        up_lo, up_hi = (lows[i - 1], highs[i - 1]) if i else (1, 0)
        up = value[i - 1] if i else []
        x = a[xs[i - 1][0]][xs[i - 1][1]] if i else None
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, how = (row[j - 1 - lo], 2) if j > lo else (minus, 2)
            if up_lo <= j <= up_hi and up[j - up_lo] > best:
                best, how = up[j - up_lo], 1
            if x is not None and j and up_lo <= j - 1 <= up_hi and up[j - 1 - up_lo] > minus:
                section, item = ys[j - 1]
                s = score(x, b[section][item])
                gain = s - SKIP + (SECTION_BONUS if matched.get(section) == xs[i - 1][0] else 0.0)
                if gain > 0 and up[j - 1 - up_lo] + gain > best:
                    best, how = up[j - 1 - up_lo] + gain, 0
                local[j - lo] = s
            row[j - lo], came[j - lo] = best, how
        value.append(row)
        move.append(came)
        scores.append(local)
    steps: list[Step] = []
    i, j = n, m
    while i or j:
        how = move[i][j - lows[i]]
        if how == 0:
            steps.append((xs[i - 1], ys[j - 1], scores[i][j - lows[i]]))
            i, j = i - 1, j - 1
        elif how == 1:
            steps.append((xs[i - 1], None, 0.0))
            i -= 1
        else:
            steps.append((None, ys[j - 1], 0.0))
            j -= 1
    steps.reverse()
    return steps


def _diagonal(
    a: list[list[Profile]], b: list[list[Profile]], b_order: list[int], matched: dict[int, int], n: int, m: int
) -> tuple[list[float], list[float]]:
    """Where the path is expected in each row of the table (lowest and highest column): straight from the start
    of each matched section pair to its end, and from there to the next pair's start. Each row's band reaches
    to the next row's centre, so neighbouring rows always overlap however steep the line is."""
    a_start = [0]
    for items in a:
        a_start.append(a_start[-1] + len(items))
    b_start: dict[int, int] = {}
    offset = 0
    for j in b_order:
        b_start[j] = offset
        offset += len(b[j])
    points = [(0, 0)]
    for j, i in sorted(matched.items(), key=lambda pair: pair[1]):
        points += [(a_start[i], b_start[j]), (a_start[i] + len(a[i]), b_start[j] + len(b[j]))]
    points.append((n, m))
    low, high = [math.inf] * (n + 1), [-math.inf] * (n + 1)
    reached = 0
    for (a0, b0), (a1, b1) in itertools.pairwise(points):
        b0, b1 = max(b0, reached), max(b1, b0, reached)
        reached = b1
        for i in range(a0, a1 + 1):
            centre = b0 + (i - a0) * (b1 - b0) / (a1 - a0) if a1 > a0 else b0
            low[i], high[i] = min(low[i], centre), max(high[i], centre if a1 > a0 else b1)
    return low, high


class _Builder:
    """The draft from the path: the first version's sections and items, partners joined in, the rest kept."""

    def __init__(
        self,
        result: PairImport,
        a: list[Section],
        b: list[Section],
        matched: dict[int, int],
        a_apart: Section | None,
        b_apart: Section | None,
    ) -> None:
        self.result, self.a, self.b, self.matched = result, a, b, matched
        self.a_apart, self.b_apart = a_apart, b_apart
        self.items: dict[int, list[Item]] = {i: [] for i in range(len(a))}
        self.own: dict[int, Section] = {}  # unmatched sections of the second version, by index
        self.after: dict[int, list[Section]] = {}  # sections of the second version placed after a first's one

    def build(self, steps: list[Step]) -> None:
        lang_a = self.result.source
        current = -1
        for index, (x, y, score) in enumerate(steps):
            if x is not None:
                current = x[0]
                item = self.a[x[0]].items[x[1]]
                self.items[x[0]].append(item)
                if y is None:
                    self.result.unpaired[lang_a].append(item.id)
                    continue
                _join(item, self.b[y[0]].items[y[1]])
                together = self.matched.get(y[0]) == x[0]
                neighbours = all(  # the document's start and end count as paired neighbours
                    not 0 <= k < len(steps) or (steps[k][0] is not None and steps[k][1] is not None)
                    for k in (index - 1, index + 1)
                )
                structure = 0.5 * together + 0.5 * (together and neighbours)
                self.result.pairs.append(AlignedPair(item.id, round(0.8 * score + 0.2 * structure, 2)))
            elif y is not None:
                other = self.b[y[0]].items[y[1]]
                self.result.unpaired[lang_a.other].append(other.id)
                if y[0] in self.matched:
                    self.items[self.matched[y[0]]].append(other)
                else:
                    self._own(y[0], current).items.append(other)
        sections: list[Section] = list(self.after.get(-1, []))
        for i, section in enumerate(self.a):
            section.items = self.items[i]
            sections.append(section)
            sections += self.after.get(i, [])
        apart = self.a_apart or self.b_apart
        if apart is not None:
            if self.a_apart is not None and self.b_apart is not None:
                _merge(self.a_apart.title, self.b_apart.title, "section title", [])
                self.a_apart.items += self.b_apart.items
            sections.append(apart)
        self.result.briefing.sections = sections

    def _own(self, j: int, current: int) -> Section:
        if j not in self.own:
            section = self.b[j]
            section.items = []
            self.own[j] = section
            self.after.setdefault(current, []).append(section)
        return self.own[j]


def _join(keep: Item, other: Item) -> None:
    """`other`'s text as the translation of `keep` (a person's text: `edited`), and what `keep` lacks of its kind."""
    keep.set_text(other.source, other.text.get(other.source), TargetOrigin.HUMAN)
    if keep.type is ItemType.PARAGRAPH and other.type is not ItemType.PARAGRAPH:
        keep.type, keep.statement_kind, keep.note_mark = other.type, other.statement_kind, other.note_mark
    keep.when = keep.when or other.when
    keep.due = keep.due or other.due
    if other.owner is not None:
        if keep.owner is None:
            keep.owner = Bilingual()
        _merge(keep.owner, other.owner, "owner", [])

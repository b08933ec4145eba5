"""Two versions of a briefing compared item by item: what was added, removed, moved and changed.

Items are matched by id first. Items left over on both sides (a copy re-created with new ids, an item deleted
and typed again) are matched by their text: exactly equal texts first, then an equal text in one language, then
the most similar pairs whose rapidfuzz ratio is at least `MATCH_THRESHOLD`, each new item weighed against the
old items near its relative position (`MATCH_WINDOW`, narrowed when many items are left, so that 2,000
re-created and edited items cost seconds, not minutes); the report says which way each pair was matched. An item
is moved when it changed section or when its order among the matched items changed (it is not on the longest
run of matched items that kept their order, so one insertion at the top does not make every later item
"moved"). A matched item is changed when a text differs (with its word diff) or its type, status, source
language, kind, owner, dates, flag or comments do. The meeting card, the title and the section titles are
compared field by field.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz, process

from briefing.compare.diff import Piece, diff
from briefing.model import LANGUAGES, Bilingual, Briefing, Item, Language, MeetingCard, Section

MATCH_THRESHOLD = 80.0  # rapidfuzz ratio (0–100) for two items with different ids to count as one
MATCH_WINDOW = 300  # items either side of a new item's relative position that its text is weighed against
MIN_WINDOW = 20  # … at least, however many items are left to match
MAX_COMPARISONS = 60_000  # the window narrows so that about this many texts are weighed in all


class MatchedBy(StrEnum):
    ID = "id"
    TEXT = "text"  # the same text (similarity 100) or a similar one (see `ItemReport.similarity`)


class Kind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    CHANGED = "changed"


@dataclass(frozen=True)
class TextChange:
    """One text that differs: where (a field of the card, a section title, an item text), in which language
    (None for values such as a date), both versions and the word diff between them."""

    where: str
    language: Language | None
    old: str
    new: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class FieldChange:
    """A value of an item other than its texts (type, status, …), worded in both versions."""

    name: str
    old: str
    new: str


@dataclass(frozen=True)
class Place:
    """Where an item or a section is in one version: its id, its outline number and its section's title."""

    id: str
    number: str
    section: str


@dataclass(frozen=True)
class ItemReport:
    old: Place | None  # None for an added item
    new: Place | None  # None for a removed item
    matched_by: MatchedBy | None = None
    similarity: float | None = None  # rapidfuzz ratio of the texts, for items matched by text
    moved: bool = False
    texts: tuple[TextChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    unchanged: tuple[tuple[Language, str], ...] = ()  # the texts that did not change, to show beside the others

    @property
    def kinds(self) -> tuple[Kind, ...]:
        if self.old is None:
            return (Kind.ADDED,)
        if self.new is None:
            return (Kind.REMOVED,)
        kinds = (Kind.MOVED,) if self.moved else ()
        return kinds + ((Kind.CHANGED,) if self.texts or self.fields else ())

    @property
    def number(self) -> str:
        """The number to show it by: the new one, or the old one for a removed item."""
        place = self.new or self.old
        assert place is not None
        return place.number


@dataclass(frozen=True)
class SectionReport:
    old: Place | None
    new: Place | None
    moved: bool = False
    titles: tuple[TextChange, ...] = ()

    @property
    def kinds(self) -> tuple[Kind, ...]:
        if self.old is None:
            return (Kind.ADDED,)
        if self.new is None:
            return (Kind.REMOVED,)
        return ((Kind.MOVED,) if self.moved else ()) + ((Kind.CHANGED,) if self.titles else ())


@dataclass(frozen=True)
class Report:
    card: tuple[TextChange, ...]  # the briefing's title and the meeting card, field by field
    sections: tuple[SectionReport, ...]
    items: tuple[ItemReport, ...]  # in the new version's order, removed items where they were
    items_compared: tuple[int, int] = (0, 0)  # how many items each version has
    matched_by_text: int = 0  # items whose ids differ, matched by their texts (a copy re-created, say)

    @property
    def same(self) -> bool:
        return not (self.card or self.sections or self.items)

    def count(self, kind: Kind) -> int:
        return sum(kind in report.kinds for report in self.items)

    def counts(self) -> dict[Kind, int]:
        return {kind: self.count(kind) for kind in Kind}


def compare(old: Briefing, new: Briefing) -> Report:
    """What changed from `old` to `new` (see the module's docstring). Neither briefing is changed."""
    items, by_text = _compare_items(old, new)
    return Report(
        card=tuple(_card_changes(old, new)),
        sections=tuple(_compare_sections(old, new)),
        items=tuple(items),
        items_compared=(sum(len(s.items) for s in old.sections), sum(len(s.items) for s in new.sections)),
        matched_by_text=by_text,
    )


# -- texts ------------------------------------------------------------------------------------------------


def text_change(where: str, language: Language | None, old: str, new: str) -> TextChange | None:
    if old == new:
        return None
    return TextChange(where, language, old, new, tuple(diff(old, new, language or Language.EN)))


def _bilingual(where: str, old: Bilingual | None, new: Bilingual | None) -> Iterator[TextChange]:
    for language in LANGUAGES:
        change = text_change(where, language, old.get(language) if old else "", new.get(language) if new else "")
        if change:
            yield change


# -- the meeting card ------------------------------------------------------------------------------------


def _card_fields(briefing: Briefing) -> dict[str, tuple[str, Bilingual | str]]:
    """The title and the card as key → (label, value); people and organisations keyed by their ids."""
    card: MeetingCard = briefing.meeting
    fields: dict[str, tuple[str, Bilingual | str]] = {
        "title": ("title", briefing.title),
        "series.code": ("series code", card.series.code),
        "series.name": ("series name", card.series.name),
        "session": ("session", "" if card.session is None else str(card.session)),
        "start_date": ("start date", card.start_date.isoformat() if card.start_date else ""),
        "end_date": ("end date", card.end_date.isoformat() if card.end_date else ""),
        "time_zone_note": ("time zone note", card.time_zone_note),
        "place": ("place", card.place),
        "marking": ("marking", card.marking),
        "start_time": ("start time", card.start_time.strftime("%H:%M") if card.start_time else ""),
        "release.embargo": ("embargo", card.release.embargo.strftime("%Y-%m-%d %H:%M") if card.release.embargo else ""),
        "release.zone": ("embargo clock", card.release.zone),
        "release.issuer": ("issued by", card.release.issuer),
        "report.dated": ("report date", card.report.dated.isoformat() if card.report.dated else ""),
        "report.office": ("reporting office", card.report.office),
        "report.author": ("reported by", card.report.author),
    }
    for contact in card.contacts:
        label = f"contact {_name(contact.name)}"
        for name in ("office", "name", "phone", "email"):
            fields[f"contact/{contact.id}/{name}"] = (f"{label}: {name}", getattr(contact, name))
    for attachment in card.attachments:
        fields[f"attachment/{attachment.id}/title"] = (f"attachment {_name(attachment.title)}", attachment.title)
    for organisation in card.organisations:
        label = f"organisation {_name(organisation.name)}"
        fields[f"organisation/{organisation.id}/name"] = (f"{label}: name", organisation.name)
        fields[f"organisation/{organisation.id}/short_name"] = (f"{label}: short name", organisation.short_name)
    for delegation in card.delegations:
        label = f"delegation {_name(delegation.name)}"
        fields[f"delegation/{delegation.id}/name"] = (f"{label}: name", delegation.name)
        for person in delegation.members:
            who = f"{label}, {_name(person.name)}"
            key = f"delegation/{delegation.id}/person/{person.id}"
            fields[f"{key}/name"] = (f"{who}: name", person.name)
            fields[f"{key}/title"] = (f"{who}: title", person.title)
            fields[f"{key}/rank"] = (f"{who}: rank", person.rank)
            fields[f"{key}/organisation"] = (f"{who}: organisation", person.organisation)
            fields[f"{key}/role"] = (f"{who}: role", person.role.value)
    return fields


def _name(text: Bilingual) -> str:
    return text.en or text.ko or "(unnamed)"


def _card_changes(old: Briefing, new: Briefing) -> Iterator[TextChange]:
    before, after = _card_fields(old), _card_fields(new)
    for key in [*after, *(key for key in before if key not in after)]:
        label = (after.get(key) or before[key])[0]
        old_value = before[key][1] if key in before else None
        new_value = after[key][1] if key in after else None
        if isinstance(new_value, Bilingual) or isinstance(old_value, Bilingual):
            yield from _bilingual(label, _as_bilingual(old_value), _as_bilingual(new_value))
        else:
            change = text_change(label, None, str(old_value or ""), str(new_value or ""))
            if change:
                yield change


def _as_bilingual(value: Bilingual | str | None) -> Bilingual | None:
    return value if isinstance(value, Bilingual) else None


# -- sections -------------------------------------------------------------------------------------------


def _section_title(section: Section) -> str:
    return _name(section.title) if not section.title.is_empty() else "(untitled)"


def _match_sections(old: Briefing, new: Briefing) -> dict[str, str]:
    """Old section id → new section id: by id, then by an equal title in either language."""
    new_ids = {section.id for section in new.sections}
    matched = {section.id: section.id for section in old.sections if section.id in new_ids}
    free = [section for section in new.sections if section.id not in matched.values()]
    for section in old.sections:
        if section.id in matched:
            continue
        for candidate in free:
            if any(
                section.title.get(language) and section.title.get(language) == candidate.title.get(language)
                for language in LANGUAGES
            ):
                matched[section.id] = candidate.id
                free.remove(candidate)
                break
    return matched


def _compare_sections(old: Briefing, new: Briefing) -> list[SectionReport]:
    matched = _match_sections(old, new)
    old_places = {s.id: Place(s.id, str(n), _section_title(s)) for n, s in enumerate(old.sections, start=1)}
    new_places = {s.id: Place(s.id, str(n), _section_title(s)) for n, s in enumerate(new.sections, start=1)}
    kept = _kept_in_order([(old_places[o], new_places[n]) for o, n in matched.items()])
    reverse = {n: o for o, n in matched.items()}
    reports: list[SectionReport] = []
    old_by_id = {s.id: s for s in old.sections}
    for section in new.sections:
        old_id = reverse.get(section.id)
        if old_id is None:
            reports.append(
                SectionReport(None, new_places[section.id], titles=tuple(_bilingual("title", None, section.title)))
            )
            continue
        titles = tuple(
            _bilingual(f"section {new_places[section.id].number} title", old_by_id[old_id].title, section.title)
        )
        moved = old_id not in kept
        if titles or moved:
            reports.append(SectionReport(old_places[old_id], new_places[section.id], moved, titles))
    for section in old.sections:
        if section.id not in matched:
            reports.append(
                SectionReport(old_places[section.id], None, titles=tuple(_bilingual("title", section.title, None)))
            )
    return reports


def _kept_in_order(pairs: list[tuple[Place, Place]]) -> set[str]:
    """Old ids of the matched pairs on the longest run that kept its order (by outline number)."""

    def key(place: Place) -> tuple[int, ...]:
        return tuple(int(part) for part in place.number.split("."))

    ordered = sorted(pairs, key=lambda pair: key(pair[0]))
    return {ordered[index][0].id for index in _longest_increasing([key(pair[1]) for pair in ordered])}


def _longest_increasing(values: list[tuple[int, ...]]) -> list[int]:
    """Indexes of a longest strictly increasing subsequence (patience sorting, n log n)."""
    tails: list[tuple[int, ...]] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k:
            previous[index] = tail_index[k - 1]
        if k == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[k], tail_index[k] = value, index
    out: list[int] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        out.append(index)
        index = previous[index]
    return out[::-1]


# -- items -------------------------------------------------------------------------------------------------


@dataclass
class _Located:
    item: Item
    place: Place
    section_id: str
    order: int  # position in the whole briefing


def _located(briefing: Briefing) -> list[_Located]:
    out: list[_Located] = []
    for s_number, section in enumerate(briefing.sections, start=1):
        for i_number, item in enumerate(section.items, start=1):
            place = Place(item.id, f"{s_number}.{i_number}", _section_title(section))
            out.append(_Located(item, place, section.id, len(out)))
    return out


def _key_text(item: Item) -> str:
    return f"{item.text.ko}\n{item.text.en}"


def _korean(item: Item) -> str:
    return item.text.ko


def _english(item: Item) -> str:
    return item.text.en


@dataclass
class _Pairs:
    by_old: dict[int, tuple[int, MatchedBy, float | None]] = field(default_factory=dict)  # old order → new order
    by_new: dict[int, int] = field(default_factory=dict)

    def add(self, old: int, new: int, how: MatchedBy, similarity: float | None = None) -> None:
        self.by_old[old] = (new, how, similarity)
        self.by_new[new] = old


def _match_items(old: list[_Located], new: list[_Located]) -> _Pairs:
    pairs = _Pairs()
    new_by_id = {located.item.id: located.order for located in new}
    for located in old:
        order = new_by_id.get(located.item.id)
        if order is not None:
            pairs.add(located.order, order, MatchedBy.ID)
    free_old = [located for located in old if located.order not in pairs.by_old]
    free_new = [located for located in new if located.order not in pairs.by_new]
    # The same texts, then the same text in one language (the other was edited): the first free old item with
    # it, in order. Cheap, and it leaves few items for the fuzzy comparison.
    for key in (_key_text, _korean, _english):
        by_text: dict[str, list[int]] = defaultdict(list)
        for located in free_old:
            if text := key(located.item):
                by_text[text].append(located.order)
        for located in free_new:
            waiting = by_text.get(key(located.item))
            if waiting:
                old_order = waiting.pop(0)
                score = (
                    100.0 if key is _key_text else fuzz.ratio(_key_text(old[old_order].item), _key_text(located.item))
                )
                pairs.add(old_order, located.order, MatchedBy.TEXT, round(score, 1))
        free_old = [located for located in free_old if located.order not in pairs.by_old]
        free_new = [located for located in free_new if located.order not in pairs.by_new]
    for score, old_order, new_order in _similar(free_old, free_new):
        if old_order not in pairs.by_old and new_order not in pairs.by_new:
            pairs.add(old_order, new_order, MatchedBy.TEXT, round(score, 1))
    return pairs


def _similar(old: list[_Located], new: list[_Located]) -> list[tuple[float, int, int]]:
    """Candidate pairs at or above the threshold, best first (nearer positions first among equals)."""
    if not old or not new:
        return []
    texts = [_key_text(located.item) for located in old]
    found: list[tuple[float, int, int, int]] = []
    window = max(MIN_WINDOW, min(MATCH_WINDOW, MAX_COMPARISONS // (2 * len(new))))
    for index, located in enumerate(new):
        centre = round(index * len(old) / len(new))
        low, high = max(0, centre - window), min(len(old), centre + window + 1)
        for _, score, offset in process.extract(
            _key_text(located.item),
            texts[low:high],
            scorer=fuzz.ratio,
            score_cutoff=MATCH_THRESHOLD,
            limit=None,
        ):
            candidate = old[low + offset]
            found.append((score, -abs(low + offset - centre), candidate.order, located.order))
    found.sort(reverse=True)
    return [(score, old_order, new_order) for score, _, old_order, new_order in found]


def _compare_items(old_briefing: Briefing, new_briefing: Briefing) -> tuple[list[ItemReport], int]:
    """The reports of the items that changed, and how many pairs were matched by text."""
    old, new = _located(old_briefing), _located(new_briefing)
    pairs = _match_items(old, new)
    sections = _match_sections(old_briefing, new_briefing)
    matched = sorted(pairs.by_old.items())  # by old order
    in_order = {matched[index][0] for index in _longest_increasing([(new_order,) for _, (new_order, _, _) in matched])}
    reports: list[ItemReport] = []
    removed_after: dict[int, list[ItemReport]] = defaultdict(list)  # new order → removed items shown after it
    preceding = -1
    for located in old:  # a removed item is shown after the new place of the item it followed
        if located.order in pairs.by_old:
            preceding = pairs.by_old[located.order][0]
        else:
            removed_after[preceding].append(_removed(located))
    reports += removed_after.pop(-1, [])
    for located in new:
        old_order = pairs.by_new.get(located.order)
        if old_order is None:
            reports.append(_added(located))
        else:
            reports += _matched(old[old_order], located, pairs.by_old[old_order], in_order, sections)
        reports += removed_after.pop(located.order, [])
    return reports, sum(how is MatchedBy.TEXT for _, how, _ in pairs.by_old.values())


def _matched(
    before: _Located,
    after: _Located,
    match: tuple[int, MatchedBy, float | None],
    in_order: set[int],
    sections: dict[str, str],
) -> list[ItemReport]:
    """The report of a matched pair, if anything about it changed."""
    _, how, similarity = match
    moved = before.order not in in_order or sections.get(before.section_id) != after.section_id
    texts = tuple(_bilingual("text", before.item.text, after.item.text))
    fields = tuple(_field_changes(before.item, after.item))
    if not (moved or texts or fields):
        return []
    changed = {change.language for change in texts}
    unchanged = tuple((lang, after.item.text.get(lang)) for lang in LANGUAGES if lang not in changed)
    return [ItemReport(before.place, after.place, how, similarity, moved, texts, fields, unchanged)]


def _added(located: _Located) -> ItemReport:
    return ItemReport(None, located.place, texts=tuple(_bilingual("text", None, located.item.text)))


def _removed(located: _Located) -> ItemReport:
    return ItemReport(located.place, None, texts=tuple(_bilingual("text", located.item.text, None)))


def _words(value: Any) -> str:
    if value is None:
        return "none"
    return str(getattr(value, "value", value))


def _field_changes(old: Item, new: Item) -> Iterator[FieldChange]:
    for name in ("type", "status", "source", "statement_kind", "note_mark", "due", "when"):
        before, after = _words(getattr(old, name)), _words(getattr(new, name))
        if before != after:
            yield FieldChange(name, before, after)
    for language in LANGUAGES:
        before = old.owner.get(language) if old.owner else ""
        after = new.owner.get(language) if new.owner else ""
        if before != after:
            yield FieldChange(f"owner ({language.value})", before or "none", after or "none")
    flag_before, flag_after = _flag(old), _flag(new)
    if flag_before != flag_after:
        yield FieldChange("flag", flag_before, flag_after)
    comments_before, comments_after = _comments(old), _comments(new)
    if comments_before != comments_after:
        yield FieldChange("comments", _comment_summary(old), _comment_summary(new))


def _flag(item: Item) -> str:
    if item.flag is None:
        return "none"
    who = item.flag.by or "(not recorded)"
    return f"flagged by {who}: {item.flag.reason}" if item.flag.reason else f"flagged by {who}"


def _comments(item: Item) -> list[tuple[str, str, str, bool]]:
    return [(c.id, c.author, c.text, c.resolved) for c in item.comments]


def _comment_summary(item: Item) -> str:
    open_ = sum(not comment.resolved for comment in item.comments)
    return f"{len(item.comments)} ({open_} open)"


# -- wording (the command line and the DOCX say the same) ------------------------------------------------


def summary(report: Report) -> str:
    """One line: how many items were added, removed, moved and changed; card fields and sections changed."""
    if report.same:
        return f"no changes ({report.items_compared[1]} items)"
    counts = report.counts()
    parts = [f"{counts[kind]} {kind.value}" for kind in Kind]
    line = f"items: {', '.join(parts)} (of {report.items_compared[0]} → {report.items_compared[1]})"
    if report.card:
        line += f"; meeting card: {len(report.card)} field{'s' * (len(report.card) != 1)} changed"
    if report.sections:
        line += f"; sections: {len(report.sections)} changed"
    if report.matched_by_text:
        line += f"; {report.matched_by_text} items matched by text (their ids differ)"
    return line


def item_heading(report: ItemReport) -> str:
    """ "1.3 changed", "5.1 (was 2.2) moved from Discussions, changed", "2.1 removed (was in Discussions)"."""
    kinds = report.kinds
    if report.new is None and report.old is not None:
        return f"{report.old.number} removed (was in {report.old.section})"
    assert report.new is not None
    heading = report.new.number
    if report.old is not None and report.old.number != report.new.number:
        heading += f" (was {report.old.number})"
    words = []
    for kind in kinds:
        if kind is Kind.MOVED and report.old is not None and report.old.section != report.new.section:
            words.append(f"moved from {report.old.section} to {report.new.section}")
        elif kind is Kind.ADDED:
            words.append(f"added in {report.new.section}")
        else:
            words.append(kind.value)
    heading += " " + ", ".join(words)
    if report.matched_by is MatchedBy.TEXT:
        heading += f" [matched by text, {report.similarity:.0f}% similar; ids differ]"
    return heading


def section_heading(report: SectionReport) -> str:
    if report.new is None and report.old is not None:
        return f"section {report.old.number} removed ({report.old.section})"
    assert report.new is not None
    heading = f"section {report.new.number}"
    if report.old is not None and report.old.number != report.new.number:
        heading += f" (was {report.old.number})"
    return f"{heading} {', '.join(kind.value for kind in report.kinds)} ({report.new.section})"


# -- as data (`compare --json`, docs/compare.md) ----------------------------------------------------------

JSON_FORMAT = "briefing-studio/compare"
JSON_VERSION = 1


def _place_json(place: Place | None) -> dict[str, str] | None:
    return None if place is None else {"id": place.id, "number": place.number, "section": place.section}


def _text_json(change: TextChange) -> dict[str, Any]:
    return {
        "where": change.where,
        "language": change.language.value if change.language else None,
        "old": change.old,
        "new": change.new,
        "diff": [[piece.change.value, piece.text] for piece in change.pieces],
    }


def report_json(report: Report, old_name: str = "", new_name: str = "") -> dict[str, Any]:
    """The report as plain JSON data (described in docs/compare.md)."""
    counts = report.counts()
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "old": old_name,
        "new": new_name,
        "same": report.same,
        "summary": {
            **{kind.value: counts[kind] for kind in Kind},
            "old_items": report.items_compared[0],
            "new_items": report.items_compared[1],
            "matched_by_text": report.matched_by_text,
            "card_changes": len(report.card),
            "section_changes": len(report.sections),
        },
        "card": [_text_json(change) for change in report.card],
        "sections": [
            {
                "kinds": [kind.value for kind in section.kinds],
                "old": _place_json(section.old),
                "new": _place_json(section.new),
                "moved": section.moved,
                "titles": [_text_json(change) for change in section.titles],
            }
            for section in report.sections
        ],
        "items": [
            {
                "kinds": [kind.value for kind in item.kinds],
                "old": _place_json(item.old),
                "new": _place_json(item.new),
                "matched_by": item.matched_by.value if item.matched_by else None,
                "similarity": item.similarity,
                "moved": item.moved,
                "texts": [_text_json(change) for change in item.texts],
                "fields": [{"name": f.name, "old": f.old, "new": f.new} for f in item.fields],
            }
            for item in report.items
        ],
    }

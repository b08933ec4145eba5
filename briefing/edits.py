"""Every change to a briefing as a named, reversible edit that says what it changed.

The window, the command line, importers and exchange formats change a briefing only through these: build an
edit with one of the functions below, `apply` it (it checks the rules of what it touched and refuses, leaving
the briefing as it was, rather than break one), and `revert` it to undo. Both return a `Changes` value that
views use to refresh only what changed. Undo restores state in place: the same `Item`, `Section` and `Person`
objects stay in the briefing, so anything holding them (a view's row cache, a snapshot cache) stays valid.

An item edit snapshots every field of the item (all dataclass fields, so a new field is covered without anyone
remembering it); a structure edit remembers positions; a field edit remembers the old value of one field.
"""

from __future__ import annotations

import dataclasses
import operator
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from briefing import rules
from briefing.language.dates import PartialDate
from briefing.messages import BriefingError, Message, register
from briefing.model import (
    CARD_TITLES,
    Attachment,
    Bilingual,
    Briefing,
    Contact,
    Delegation,
    Item,
    ItemType,
    Language,
    ModelError,
    NoteMark,
    Person,
    Role,
    Section,
    StatementKind,
    TargetOrigin,
    TitleState,
    Waiver,
    now_utc,
)
from briefing.safeguards import is_person_work
from briefing.schema import Problem
from briefing.snapshot import detached

if TYPE_CHECKING:
    from briefing.qa.model import Finding

register(
    {
        "edit.refused": "the change was not made: {reason}",
        "edit.unknown": "the change was not made: {what} {ident} is not in the briefing",
        "edit.not_flagged": "the item is not marked for review",
        "edit.waiver_no_reason": "a waiver needs a reason: say why the finding is acceptable",
        "edit.waiver_other_item": "the finding is about another item ({found}), not this one",
        "edit.waiver_no_item": "a finding about the whole briefing cannot be waived yet",
        "edit.already_waived": "this finding is already waived on the item",
        "edit.not_waived": "the item has no waiver {key}",
    }
)


# -- what changed --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    """What an edit touched, for views to refresh just that.

    `items`: ids of items whose text, type, status or comments changed; `structure`: items or sections were
    added, removed or moved; `card`: the meeting card, the title or the author; `titles`: ids of sections whose
    title changed; `initiator`: whoever asked for the change (a view skips the refresh it caused itself).
    """

    items: frozenset[str] = frozenset()
    structure: bool = False
    card: bool = False
    titles: frozenset[str] = frozenset()
    initiator: object | None = field(default=None, compare=False)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.items | other.items,
            self.structure or other.structure,
            self.card or other.card,
            self.titles | other.titles,
            self.initiator if self.initiator is not None else other.initiator,
        )

    def by(self, initiator: object | None) -> Changes:
        return dataclasses.replace(self, initiator=initiator)

    def __bool__(self) -> bool:
        return bool(self.items or self.structure or self.card or self.titles)


NOTHING = Changes()


class EditRefused(ModelError):
    """An edit that would break a rule of the briefing; the briefing is left exactly as it was."""

    def __init__(self, problems: Sequence[Problem] = (), code: str = "edit.refused", **params: Any) -> None:
        self.problems = list(problems)
        if problems and "reason" not in params:
            params["reason"] = "; ".join(str(p) for p in problems)
        super().__init__(code, **params)


# -- the edit protocol ---------------------------------------------------------------------------


class Edit(ABC):
    """A reversible change. `label` names it in the undo history (the window words it: ui/commands.py)."""

    label: str = ""
    merge_key: str | None = None  # edits with the same key merge while typing

    @abstractmethod
    def apply(self, briefing: Briefing) -> Changes:
        """Do (or redo) the change; EditRefused, with the briefing untouched, when it would break a rule."""

    @abstractmethod
    def revert(self, briefing: Briefing) -> Changes:
        """Undo it: the briefing is as it was before `apply`."""

    def absorb(self, later: Edit) -> bool:
        """Take in a later edit of the same field (typing merges into one undo step); True when merged."""
        return False


# -- items ---------------------------------------------------------------------------------------

_ITEM_FIELDS = tuple(f.name for f in dataclasses.fields(Item))


# What `Item.set_text` may change (the text, its status and what the status rests on); a translation job snapshots
# only these, not the comments and waivers, which it never touches (tests/test_edits.py holds set_text to it).
TEXT_FIELDS = ("text", "status", "basis", "suggestion", "approved_source", "approved_by", "approved_at")


def _state(item: Item, fields: tuple[str, ...] = _ITEM_FIELDS) -> dict[str, Any]:
    return {name: detached(getattr(item, name)) for name in fields if name != "id"}


def _text_state(item: Item) -> dict[str, Any]:
    """`_state(item, TEXT_FIELDS)` without the generic copy (a translation job takes two per item): of these
    fields only the text is mutable (tests/test_edits.py holds the two to the same result)."""
    state = dict(zip(TEXT_FIELDS, _get_text_fields(item), strict=True))
    state["text"] = Bilingual(item.text.ko, item.text.en)
    return state


_get_text_fields = operator.attrgetter(*TEXT_FIELDS)


def _items_by_id(briefing: Briefing) -> dict[str, Item]:
    return {item.id: item for section in briefing.sections for item in section.items}


def _difference(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    changed = [name for name in before if before[name] != after[name]]
    return {name: before[name] for name in changed}, {name: after[name] for name in changed}


def _restore(item: Item, state: Mapping[str, Any]) -> None:
    for name, value in state.items():
        setattr(item, name, detached(value))


class ItemEdit(Edit):
    """A change to one item made by a function of the core model; undone from a snapshot of every field."""

    def __init__(self, label: str, item_id: str, change: Callable[[Item], None], merge_key: str | None = None) -> None:
        self.label, self.item_id, self.change, self.merge_key = label, item_id, change, merge_key
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None

    def apply(self, briefing: Briefing) -> Changes:
        item = _item(briefing, self.item_id)
        if self.after is not None:  # redo
            _restore(item, self.after)
            return Changes(items=frozenset({self.item_id}))
        before = _state(item)
        try:
            self.change(item)
        except EditRefused:
            _restore(item, before)
            raise
        except BriefingError as error:  # the model's own refusal, already a message
            _restore(item, before)
            raise EditRefused(reason=Message(error.code, error.params)) from error
        except (ValueError, TypeError) as error:
            _restore(item, before)
            raise EditRefused(reason=str(error)) from error
        found = rules.item_problems(item)
        if found:  # worded with the item's place in the file (found only now: it costs a walk of the briefing)
            found = rules.item_problems(item, _item_path(briefing, self.item_id))
            _restore(item, before)
            raise EditRefused(found)
        self.before, self.after = before, _state(item)
        return Changes(items=frozenset({self.item_id}))

    def revert(self, briefing: Briefing) -> Changes:
        if self.before is not None:
            _restore(_item(briefing, self.item_id), self.before)
        return Changes(items=frozenset({self.item_id}))

    def absorb(self, later: Edit) -> bool:
        if (
            isinstance(later, ItemEdit)
            and self.merge_key is not None
            and later.merge_key == self.merge_key
            and later.after is not None
        ):
            self.after = later.after
            return True
        return False


def _item_path(briefing: Briefing, item_id: str) -> str:
    """The item's path in the file, as problems report it."""
    for s, section in enumerate(briefing.sections):
        for n, item in enumerate(section.items):
            if item.id == item_id:
                return f"$.sections[{s}].items[{n}]"
    return "$"


def _item(briefing: Briefing, item_id: str) -> Item:
    try:
        return briefing.item(item_id)
    except KeyError:
        raise EditRefused(code="edit.unknown", what="item", ident=item_id) from None


def set_text(item_id: str, language: Language, text: str, origin: TargetOrigin = TargetOrigin.HUMAN) -> ItemEdit:
    """Type in one language of an item (consecutive edits of the same side merge)."""
    return ItemEdit(
        "edit.text", item_id, lambda item: item.set_text(language, text, origin), f"text:{item_id}:{language.value}"
    )


def set_type(item_id: str, kind: ItemType, default_when: PartialDate | None = None) -> ItemEdit:
    """Change an item's type; the fields of the old type go, the new type's get their defaults."""

    def change(item: Item) -> None:
        item.type = ItemType(kind)
        item.statement_kind = StatementKind.JOINT_STATEMENT if item.type is ItemType.STATEMENT else None
        item.note_mark = NoteMark.ASTERISK if item.type is ItemType.NOTE else None
        if item.type is not ItemType.SCHEDULE:
            item.when = None
        elif item.when is None:
            item.when = default_when or PartialDate(now_utc().year)
        if item.type is not ItemType.ACTION:
            item.owner = item.due = None

    return ItemEdit("edit.type", item_id, change)


def set_statement_kind(item_id: str, kind: StatementKind) -> ItemEdit:
    """Joint statement, condemnation or shared concern (the rules refuse it on an item of another type)."""

    def change(item: Item) -> None:
        item.statement_kind = StatementKind(kind)

    return ItemEdit("edit.statement_kind", item_id, change)


def set_note_mark(item_id: str, mark: NoteMark) -> ItemEdit:
    """`*` or `※` (the rules refuse it on an item that is not a note)."""

    def change(item: Item) -> None:
        item.note_mark = NoteMark(mark)

    return ItemEdit("edit.note_mark", item_id, change)


def set_when(item_id: str, when: PartialDate) -> ItemEdit:
    def change(item: Item) -> None:
        item.when = when

    return ItemEdit("edit.when", item_id, change)


def set_action(item_id: str, owner: Bilingual | None, due: PartialDate | None) -> ItemEdit:
    """An action's owner and due date."""

    def change(item: Item) -> None:
        item.owner, item.due = owner, due

    return ItemEdit("edit.owner", item_id, change)


def set_source(item_id: str, language: Language) -> ItemEdit:
    return ItemEdit("edit.source", item_id, lambda item: item.set_source(Language(language)))


def approve(item_id: str, by: str, at: datetime | None = None) -> ItemEdit:
    """The reviewer `by` accepts the translation of the current source (and so answers any flag)."""
    return ItemEdit("edit.approve", item_id, lambda item: item.approve(by, at or now_utc()))


def flag(item_id: str, by: str, reason: str = "", at: datetime | None = None) -> ItemEdit:
    """A reviewer marks the translation for another look, saying why; the flag outlives source edits."""

    def change(item: Item) -> None:
        item.flag_for_review(by, at or now_utc(), reason)

    return ItemEdit("edit.flag", item_id, change)


def clear_flag(item_id: str) -> ItemEdit:
    """Take a reviewer's flag down (the concern was dealt with)."""

    def change(item: Item) -> None:
        if item.clear_flag() is None:
            raise EditRefused(code="edit.not_flagged")

    return ItemEdit("edit.clear_flag", item_id, change)


def waive(item_id: str, finding: Finding, reason: str, by: str, at: datetime | None = None) -> ItemEdit:
    """A reviewer (`by`) accepts a QA finding about the item, saying why; stored with the item (see
    `briefing.model.Waiver`). Refused for an empty reason, a finding about another item or about the whole
    briefing (not stored anywhere yet), and a finding already waived."""
    if finding.item_id is None:
        raise EditRefused(code="edit.waiver_no_item")
    if finding.item_id != item_id:
        raise EditRefused(code="edit.waiver_other_item", found=finding.item_id)
    if not isinstance(reason, str) or not reason.strip():
        raise EditRefused(code="edit.waiver_no_reason")
    key = finding.key

    def change(item: Item) -> None:
        if any((w.check, w.code, w.key) == (finding.check, finding.code, key) for w in item.waivers):
            raise EditRefused(code="edit.already_waived")
        moment = now_utc() if at is None else at.astimezone(UTC) if at.tzinfo is not None else at  # naive: refused
        item.waivers = [*item.waivers, Waiver(finding.check, finding.code, key, reason.strip(), by, moment)]

    return ItemEdit("edit.waive", item_id, change)


def unwaive(item_id: str, key: str) -> ItemEdit:
    """Take back the waiver with this finding key from the item (the finding counts again)."""

    def change(item: Item) -> None:
        kept = [w for w in item.waivers if w.key != key]
        if len(kept) == len(item.waivers):
            raise EditRefused(code="edit.not_waived", key=key)
        item.waivers = kept

    return ItemEdit("edit.unwaive", item_id, change)


def add_comment(
    item_id: str, author: str, text: str, at: datetime | None = None, reply_to: str | None = None
) -> ItemEdit:
    """A comment on the item, or (`reply_to` a comment's id) a reply in that comment's thread."""

    def change(item: Item) -> None:
        comment = item.add_comment(author, text, reply_to)
        if at is not None:
            comment.created = at

    return ItemEdit("edit.add_comment" if reply_to is None else "edit.reply", item_id, change)


def reply(item_id: str, comment_id: str, author: str, text: str, at: datetime | None = None) -> ItemEdit:
    """Answer a comment of the item: the reply joins that comment's thread (refused for a comment not there)."""
    return add_comment(item_id, author, text, at, reply_to=comment_id)


def resolve_comment(
    item_id: str, comment_id: str, resolved: bool, by: str = "", at: datetime | None = None
) -> ItemEdit:
    def change(item: Item) -> None:
        try:
            item.resolve_comment(comment_id, resolved, by, at or now_utc())
        except KeyError:
            raise EditRefused(code="edit.unknown", what="comment", ident=comment_id) from None

    return ItemEdit("edit.resolve_comment" if resolved else "edit.reopen_comment", item_id, change)


@dataclass(frozen=True)
class Translation:
    """A translation to store: the text for the target side, who wrote it, and the source it translates."""

    item_id: str
    target: Language
    text: str
    origin: TargetOrigin
    source_text: str  # the source as it was sent; an item whose source changed since is left alone


class ApplyTranslations(Edit):
    """Translations from a job (machine, memory, import) stored as one undo step.

    Items whose source changed while they were being translated, or that are gone, are skipped and listed
    in `skipped`. With `overwrite` given, a target a person wrote or approved (`safeguards.is_person_work`) is
    replaced only for the items named there; the others are left as they are and listed in `kept` (a person
    may have edited one while the job ran). Without it, every target is replaced.
    """

    def __init__(
        self,
        translations: Iterable[Translation],
        label: str = "edit.translations",
        overwrite: Iterable[str] | None = None,
        merge_key: str | None = None,
    ) -> None:
        self.label, self.merge_key = label, merge_key  # one job's batches, stored as they finish, merge
        self.translations = list(translations)
        self.overwrite = None if overwrite is None else frozenset(overwrite)
        self.skipped: list[str] = []
        self.kept: list[str] = []
        self.states: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}

    def apply(self, briefing: Briefing) -> Changes:
        if self.states:  # redo
            by_id = _items_by_id(briefing)
            for item_id, (_, after) in self.states.items():
                _restore(by_id[item_id], after)
            return Changes(items=frozenset(self.states))
        by_id = _items_by_id(briefing)
        for translation in self.translations:
            item = by_id.get(translation.item_id)
            # The source as it was sent, compared as text: what comparing their fingerprints would say.
            if item is None or item.target is not translation.target or item.source_text != translation.source_text:
                self.skipped.append(translation.item_id)
                continue
            if self.overwrite is not None and item.id not in self.overwrite and is_person_work(item):
                self.kept.append(item.id)
                continue
            before = self.states[item.id][0] if item.id in self.states else _text_state(item)
            item.set_text(translation.target, translation.text, translation.origin)
            self.states[item.id] = (before, _text_state(item))
        # Keep only the fields that changed: undo and redo then restore a few values per item, not every field.
        differences = ((i, _difference(b, a)) for i, (b, a) in self.states.items())
        self.states = {i: difference for i, difference in differences if difference[0]}
        return Changes(items=frozenset(self.states))

    def revert(self, briefing: Briefing) -> Changes:
        by_id = _items_by_id(briefing)
        for item_id, (before, _) in self.states.items():
            _restore(by_id[item_id], before)
        return Changes(items=frozenset(self.states))

    def absorb(self, later: Edit) -> bool:
        if not isinstance(later, ApplyTranslations) or self.merge_key is None or later.merge_key != self.merge_key:
            return False
        for item_id, (before, after) in later.states.items():
            earlier_before, earlier_after = self.states.get(item_id, ({}, {}))
            self.states[item_id] = ({**before, **earlier_before}, {**earlier_after, **after})
        self.skipped += later.skipped
        self.kept += later.kept
        return True

    @property
    def changed(self) -> list[str]:
        return list(self.states)


# -- structure -----------------------------------------------------------------------------------


class _Structure(Edit):
    def __init__(self, label: str) -> None:
        self.label = label


class AddItem(_Structure):
    def __init__(self, section_id: str, index: int, item: Item) -> None:
        super().__init__("edit.add_item")
        self.section_id, self.index, self.item = section_id, index, item

    def apply(self, briefing: Briefing) -> Changes:
        found = rules.item_problems(self.item)
        if found:
            raise EditRefused(found)
        try:
            briefing.add_item(self.section_id, self.item, self.index)
        except KeyError:
            raise EditRefused(code="edit.unknown", what="section", ident=self.section_id) from None
        return Changes(items=frozenset({self.item.id}), structure=True)

    def revert(self, briefing: Briefing) -> Changes:
        briefing.remove_item(self.item.id)
        return Changes(structure=True)


class RemoveItem(_Structure):
    def __init__(self, item_id: str) -> None:
        super().__init__("edit.remove_item")
        self.item_id = item_id
        self.removed: tuple[Item, str, int] | None = None

    def apply(self, briefing: Briefing) -> Changes:
        _item(briefing, self.item_id)
        self.removed = briefing.remove_item(self.item_id)
        return Changes(structure=True)

    def revert(self, briefing: Briefing) -> Changes:
        assert self.removed is not None
        item, section_id, index = self.removed
        briefing.add_item(section_id, item, index)
        return Changes(items=frozenset({item.id}), structure=True)


class MoveItem(_Structure):
    def __init__(self, item_id: str, section_id: str, index: int) -> None:
        super().__init__("edit.move_item")
        self.item_id, self.section_id, self.index = item_id, section_id, index
        self.origin: tuple[str, int] | None = None

    def apply(self, briefing: Briefing) -> Changes:
        section, index = _locate(briefing, self.item_id)
        _section(briefing, self.section_id)
        self.origin = (section.id, index)
        briefing.move_item(self.item_id, self.section_id, self.index)
        return Changes(structure=True)

    def revert(self, briefing: Briefing) -> Changes:
        assert self.origin is not None
        briefing.move_item(self.item_id, *self.origin)
        return Changes(structure=True)


class AddSection(_Structure):
    def __init__(self, index: int, section: Section) -> None:
        super().__init__("edit.add_section")
        self.index, self.section = index, section

    def apply(self, briefing: Briefing) -> Changes:
        briefing.add_section(self.section, self.index)
        return Changes(items=frozenset(i.id for i in self.section.items), structure=True)

    def revert(self, briefing: Briefing) -> Changes:
        briefing.remove_section(self.section.id)
        return Changes(structure=True)


class RemoveSection(_Structure):
    def __init__(self, section_id: str) -> None:
        super().__init__("edit.remove_section")
        self.section_id = section_id
        self.removed: tuple[Section, int] | None = None

    def apply(self, briefing: Briefing) -> Changes:
        _section(briefing, self.section_id)
        self.removed = briefing.remove_section(self.section_id)
        return Changes(structure=True)

    def revert(self, briefing: Briefing) -> Changes:
        assert self.removed is not None
        section, index = self.removed
        briefing.add_section(section, index)
        return Changes(items=frozenset(i.id for i in section.items), structure=True)


class MoveSection(_Structure):
    def __init__(self, section_id: str, index: int) -> None:
        super().__init__("edit.move_section")
        self.section_id, self.index = section_id, index
        self.origin: int | None = None

    def apply(self, briefing: Briefing) -> Changes:
        self.origin = briefing.sections.index(_section(briefing, self.section_id))
        briefing.move_section(self.section_id, self.index)
        return Changes(structure=True)

    def revert(self, briefing: Briefing) -> Changes:
        assert self.origin is not None
        briefing.move_section(self.section_id, self.origin)
        return Changes(structure=True)


def _section(briefing: Briefing, section_id: str) -> Section:
    try:
        return briefing.section(section_id)
    except KeyError:
        raise EditRefused(code="edit.unknown", what="section", ident=section_id) from None


def _locate(briefing: Briefing, item_id: str) -> tuple[Section, int]:
    try:
        return briefing.locate(item_id)
    except KeyError:
        raise EditRefused(code="edit.unknown", what="item", ident=item_id) from None


# -- fields of the card, titles, people ----------------------------------------------------------

# A field is named by a path of attribute names from the briefing; a list step is followed by the id of the
# element, e.g. ("meeting", "delegations", "delegation-1", "members", "person-2", "rank", "ko").
FieldPath = tuple[str, ...]


def _resolve(briefing: Briefing, path: FieldPath) -> tuple[Any, str]:
    """The object holding the field at `path`, and the field's name."""
    node: Any = briefing
    steps = list(path[:-1])
    while steps:
        name = steps.pop(0)
        if not hasattr(node, name) or name.startswith("_"):
            raise EditRefused(code="edit.unknown", what="field", ident=".".join(path))
        node = getattr(node, name)
        if isinstance(node, list):
            ident = steps.pop(0) if steps else ""
            node = next((element for element in node if getattr(element, "id", None) == ident), None)
            if node is None:
                raise EditRefused(code="edit.unknown", what=name.rstrip("s"), ident=ident)
    if not dataclasses.is_dataclass(node) or path[-1] not in {f.name for f in dataclasses.fields(node)}:
        raise EditRefused(code="edit.unknown", what="field", ident=".".join(path))
    return node, path[-1]


_VALUE_TYPES: dict[str, type] = {
    "role": Role,
    "session": int,
    "start_date": date,
    "end_date": date,
    "start_time": time,
    "embargo": datetime,
    "dated": date,
}


class SetField(Edit):
    """One field of the card, the title, the author, a section title or a person; typing merges."""

    def __init__(self, path: FieldPath, value: Any, label: str = "edit.card") -> None:
        self.path, self.value, self.label = tuple(path), value, label
        self.merge_key = "field:" + "/".join(self.path)
        self.old: Any = None
        kind = _VALUE_TYPES.get(self.path[-1])
        if kind is Role and value is not None:
            self.value = Role(value)  # a combo box hands back the plain string
        elif kind is date and isinstance(value, datetime):
            raise EditRefused(code="edit.refused", reason=f"{value!r} is not a date")
        elif kind is not None and value is not None and not isinstance(value, kind):
            raise EditRefused(code="edit.refused", reason=f"{value!r} is not a {kind.__name__}")

    def _changes(self) -> Changes:
        if self.path[0] == "sections":
            return Changes(titles=frozenset({self.path[1]}))
        return Changes(card=True)

    def apply(self, briefing: Briefing) -> Changes:
        owner, name = _resolve(briefing, self.path)
        old = getattr(owner, name)
        if isinstance(old, Bilingual | list) or dataclasses.is_dataclass(old):
            raise EditRefused(code="edit.unknown", what="field", ident=".".join(self.path))
        setattr(owner, name, self.value)
        found = self._problems(briefing)
        if found:
            setattr(owner, name, old)
            raise EditRefused(found)
        self.old = old
        return self._changes()

    def _problems(self, briefing: Briefing) -> list[Problem]:
        if self.path[0] == "meeting":
            return rules.card_problems(briefing.meeting)
        return rules.outside_items(briefing)

    def revert(self, briefing: Briefing) -> Changes:
        owner, name = _resolve(briefing, self.path)
        setattr(owner, name, self.old)
        return self._changes()

    def absorb(self, later: Edit) -> bool:
        if isinstance(later, SetField) and later.path == self.path:
            self.value = later.value
            return True
        return False


def set_field(path: Sequence[str], value: Any) -> Edit:
    """Set a field of the card or the briefing, e.g. `set_field(("meeting", "place", "ko"), "워싱턴 D.C.")`; a
    translated title's text (CARD_TITLES) goes through `set_title`, so that its status follows."""
    path = tuple(path)
    if path[:-1] in CARD_TITLES and path[-1] in ("ko", "en") and isinstance(value, str):
        return set_title(path[:-1], Language(path[-1]), value)
    return SetField(path, value)


def set_section_title(section_id: str, language: Language, text: str) -> Edit:
    return set_title(("sections", section_id, "title"), language, text, label="edit.section_title")


# -- translated titles: text and status together ----------------------------------------------------

TitleChange = Callable[[Bilingual, TitleState], None]


class TitleEdit(Edit):
    """A change to a translated title (a CARD_TITLES text or a section title): its texts and its `TitleState`
    snapshotted together, so that undo brings the status back with the text; typing merges."""

    def __init__(self, label: str, path: FieldPath, change: TitleChange, merge_key: str | None = None) -> None:
        self.label, self.path, self.change, self.merge_key = label, tuple(path), change, merge_key
        self.before: tuple[str, str, TitleState] | None = None
        self.after: tuple[str, str, TitleState] | None = None

    def _title(self, briefing: Briefing) -> tuple[Bilingual, TitleState]:
        try:
            state = briefing.title_state(self.path)
        except KeyError:
            what, ident = ("section", self.path[1]) if self.path[0] == "sections" else ("field", ".".join(self.path))
            raise EditRefused(code="edit.unknown", what=what, ident=ident) from None
        owner, name = _resolve(briefing, self.path)
        text = getattr(owner, name)
        assert isinstance(text, Bilingual)
        return text, state

    @staticmethod
    def _snapshot(text: Bilingual, state: TitleState) -> tuple[str, str, TitleState]:
        return text.ko, text.en, dataclasses.replace(state)

    @staticmethod
    def _restore(text: Bilingual, state: TitleState, snapshot: tuple[str, str, TitleState]) -> None:
        text.ko, text.en = snapshot[0], snapshot[1]
        state.status, state.source = snapshot[2].status, snapshot[2].source

    def _changes(self) -> Changes:
        if self.path[0] == "sections":
            return Changes(titles=frozenset({self.path[1]}))
        return Changes(card=True)

    def apply(self, briefing: Briefing) -> Changes:
        text, state = self._title(briefing)
        if self.after is not None:  # redo
            self._restore(text, state, self.after)
            return self._changes()
        before = self._snapshot(text, state)
        try:
            self.change(text, state)
        except BriefingError as error:
            self._restore(text, state, before)
            raise EditRefused(reason=Message(error.code, error.params)) from error
        found = rules.card_problems(briefing.meeting) if self.path[0] == "meeting" else rules.outside_items(briefing)
        if found:
            self._restore(text, state, before)
            raise EditRefused(found)
        self.before, self.after = before, self._snapshot(text, state)
        return self._changes()

    def revert(self, briefing: Briefing) -> Changes:
        if self.before is not None:
            text, state = self._title(briefing)
            self._restore(text, state, self.before)
        return self._changes()

    def absorb(self, later: Edit) -> bool:
        if (
            isinstance(later, TitleEdit)
            and self.merge_key is not None
            and later.merge_key == self.merge_key
            and later.after is not None
        ):
            self.after = later.after
            return True
        return False


def set_title(
    path: Sequence[str],
    language: Language,
    text: str,
    origin: TargetOrigin = TargetOrigin.HUMAN,
    label: str | None = None,
) -> TitleEdit:
    """Type (or, `origin` machine, translate) one language of a translated title; its status follows (see
    `model.TitleState.written`). A person's consecutive edits of the same side merge into one undo step."""
    path, language = tuple(path), Language(language)

    def change(bilingual: Bilingual, state: TitleState) -> None:
        bilingual.set(language, text)
        state.written(bilingual, language, origin)

    sections = path[0] == "sections"
    merge = "field:" + "/".join((*path, language.value)) if origin is TargetOrigin.HUMAN else None
    return TitleEdit(label or ("edit.section_title" if sections else "edit.card"), path, change, merge)


def approve_title(path: Sequence[str]) -> TitleEdit:
    """A reviewer accepts a title's translation (refused while a side is empty)."""
    return TitleEdit("edit.approve_title", tuple(path), lambda text, state: state.approve(text))


def title_needs_review(path: Sequence[str]) -> TitleEdit:
    """A reviewer asks for another look at a title's translation (refused while there is none)."""
    return TitleEdit("edit.title_needs_review", tuple(path), lambda text, state: state.needs_review(text))


def set_person_field(person_id: str, name: str, language: Language | None, value: Any, briefing: Briefing) -> SetField:
    """A person's name, title, rank or organisation in one language, or (`language` None) the role."""
    delegation = next((d for d in briefing.meeting.delegations if any(p.id == person_id for p in d.members)), None)
    if delegation is None:
        raise EditRefused(code="edit.unknown", what="person", ident=person_id)
    path: FieldPath = ("meeting", "delegations", delegation.id, "members", person_id, name)
    if language is not None:
        path += (Language(language).value,)
    return SetField(path, value, "edit.role" if name == "role" else "edit.card")


CardElement = Delegation | Person | Contact | Attachment


class InsertElement(Edit):
    """A delegation, a person, a contact or an attachment added to a list in the card."""

    def __init__(self, label: str, list_path: FieldPath, element: CardElement, index: int | None) -> None:
        self.label, self.list_path, self.element, self.index = label, list_path, element, index

    def apply(self, briefing: Briefing) -> Changes:
        elements = _list(briefing, self.list_path)
        position = len(elements) if self.index is None else max(0, min(self.index, len(elements)))
        elements.insert(position, self.element)
        found = rules.outside_items(briefing)
        if found:
            elements.remove(self.element)
            raise EditRefused(found)
        self.index = position
        return Changes(card=True)

    def revert(self, briefing: Briefing) -> Changes:
        _list(briefing, self.list_path).remove(self.element)
        return Changes(card=True)


class RemoveElement(Edit):
    """A delegation (with its people), a person, a contact or an attachment removed from the card; undo puts it
    back where it was."""

    def __init__(self, label: str, list_path: FieldPath, ident: str) -> None:
        self.label, self.list_path, self.ident = label, list_path, ident
        self.removed: tuple[CardElement, int] | None = None

    def apply(self, briefing: Briefing) -> Changes:
        elements = _list(briefing, self.list_path)
        position = next((n for n, e in enumerate(elements) if e.id == self.ident), -1)
        if position < 0:
            raise EditRefused(code="edit.unknown", what=self.list_path[-1].rstrip("s"), ident=self.ident)
        self.removed = (elements.pop(position), position)
        return Changes(card=True)

    def revert(self, briefing: Briefing) -> Changes:
        assert self.removed is not None
        element, position = self.removed
        _list(briefing, self.list_path).insert(position, element)
        return Changes(card=True)


def _list(briefing: Briefing, path: FieldPath) -> list[Any]:
    owner, name = _resolve(briefing, path)
    value = getattr(owner, name)
    if not isinstance(value, list):
        raise EditRefused(code="edit.unknown", what="list", ident=".".join(path))
    return value


def add_delegation(delegation: Delegation, index: int | None = None) -> Edit:
    return InsertElement("edit.add_delegation", ("meeting", "delegations"), delegation, index)


def remove_delegation(delegation_id: str) -> Edit:
    return RemoveElement("edit.remove_delegation", ("meeting", "delegations"), delegation_id)


def add_person(delegation_id: str, person: Person, index: int | None = None) -> Edit:
    return InsertElement("edit.add_person", ("meeting", "delegations", delegation_id, "members"), person, index)


def remove_person(delegation_id: str, person_id: str) -> Edit:
    return RemoveElement("edit.remove_person", ("meeting", "delegations", delegation_id, "members"), person_id)


def add_contact(contact: Contact, index: int | None = None) -> Edit:
    """A contact (담당 부서, 담당자, 연락처) for the documents; refused past `rules.CONTACTS_MAX`."""
    return InsertElement("edit.add_contact", ("meeting", "contacts"), contact, index)


def remove_contact(contact_id: str) -> Edit:
    return RemoveElement("edit.remove_contact", ("meeting", "contacts"), contact_id)


def add_attachment(attachment: Attachment, index: int | None = None) -> Edit:
    """An entry of the 붙임 list; refused past `rules.ATTACHMENTS_MAX`."""
    return InsertElement("edit.add_attachment", ("meeting", "attachments"), attachment, index)


def remove_attachment(attachment_id: str) -> Edit:
    return RemoveElement("edit.remove_attachment", ("meeting", "attachments"), attachment_id)


def set_embargo(embargo: datetime | None) -> SetField:
    """Release the press release at once (None) or not before a wall-clock time (see `model.Release`)."""
    return SetField(("meeting", "release", "embargo"), embargo)


# -- several as one ------------------------------------------------------------------------------


class Batch(Edit):
    """Several edits as one undo step; if one is refused, those before it are undone."""

    def __init__(self, label: str, edits: Iterable[Edit], merge_key: str | None = None) -> None:
        self.label, self.edits, self.merge_key = label, list(edits), merge_key

    def apply(self, briefing: Briefing) -> Changes:
        done: list[Edit] = []
        changes = NOTHING
        try:
            for edit in self.edits:
                changes |= edit.apply(briefing)
                done.append(edit)
        except EditRefused:
            for edit in reversed(done):
                edit.revert(briefing)
            raise
        return changes

    def revert(self, briefing: Briefing) -> Changes:
        changes = NOTHING
        for edit in reversed(self.edits):
            changes |= edit.revert(briefing)
        return changes

"""Named, reversible edits: what they change, what they refuse, and that undo puts everything back in place."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from briefing import edits, rules
from briefing.edits import Changes, EditRefused
from briefing.fileformat import dumps, loads
from briefing.language.dates import PartialDate
from briefing.model import (
    Bilingual,
    Briefing,
    Delegation,
    Item,
    ItemType,
    Language,
    NoteMark,
    Person,
    Role,
    Section,
    StatementKind,
    TargetOrigin,
    TargetStatus,
)
from briefing.storage import NotSaved, load, save
from tests.conftest import EXAMPLE
from tests.helpers import small_briefing


def test_typing_changes_one_item_and_merges() -> None:
    briefing = small_briefing()
    item = briefing.sections[0].items[0]
    before = dumps(briefing)
    first = edits.set_text(item.id, Language.EN, "One more.")
    assert first.apply(briefing) == Changes(items=frozenset({item.id}))
    second = edits.set_text(item.id, Language.EN, "One more time.")
    second.apply(briefing)
    assert first.absorb(second)
    assert not first.absorb(edits.set_text(item.id, Language.KO, "다른 쪽"))
    assert item.text.en == "One more time."
    assert item.status is TargetStatus.NEEDS_REVIEW  # the source changed under its translation
    first.revert(briefing)
    assert dumps(briefing) == before
    assert briefing.sections[0].items[0] is item  # restored in place, not replaced


def test_every_item_field_is_restored_even_ones_an_edit_did_not_name() -> None:
    briefing = small_briefing()
    item = briefing.sections[0].items[0]
    item.comments.clear()
    edit = edits.add_comment(item.id, "검토관", "확인 바람")
    edit.apply(briefing)
    assert [c.text for c in item.comments] == ["확인 바람"]
    edit.revert(briefing)
    assert item.comments == []
    edit.apply(briefing)  # redo gives the same comment (same id), not a new one
    assert len(item.comments) == 1


def test_type_change_drops_the_old_fields_and_undo_brings_them_back() -> None:
    briefing = small_briefing()
    statement = briefing.sections[0].items[1]
    assert statement.statement_kind is StatementKind.CONDEMNATION
    edit = edits.set_type(statement.id, ItemType.SCHEDULE, PartialDate(2025, 3))
    edit.apply(briefing)
    assert (statement.type, statement.statement_kind, statement.when) == (ItemType.SCHEDULE, None, PartialDate(2025, 3))
    edit.revert(briefing)
    assert (statement.type, statement.statement_kind, statement.when) == (
        ItemType.STATEMENT,
        StatementKind.CONDEMNATION,
        None,
    )


def test_refused_edits_leave_the_briefing_untouched() -> None:
    briefing = small_briefing()
    before = dumps(briefing)
    paragraph = briefing.sections[0].items[0]
    with pytest.raises(EditRefused):
        edits.set_note_mark(paragraph.id, NoteMark.REFERENCE).apply(briefing)
    with pytest.raises(EditRefused) as refused:
        edits.set_field(("meeting", "end_date"), date(2025, 2, 1)).apply(briefing)
    assert refused.value.problems[0].code == "rules.end_before_start"
    with pytest.raises(EditRefused):
        edits.set_field(("meeting", "series", "code"), "X" * 41).apply(briefing)
    with pytest.raises(EditRefused):
        edits.set_field(("meeting", "session"), 0).apply(briefing)
    with pytest.raises(EditRefused):
        edits.set_text("item-nowhere", Language.EN, "x").apply(briefing)
    with pytest.raises(EditRefused):
        edits.approve(briefing.sections[0].items[1].id, "검토관").apply(briefing)  # no translation yet
    with pytest.raises(EditRefused):
        edits.set_field(("meeting", "no_such_field"), "x").apply(briefing)
    with pytest.raises(EditRefused):
        edits.set_field(("meeting", "delegations", "nobody", "name", "ko"), "x").apply(briefing)
    assert dumps(briefing) == before


def test_choosing_co_chair_gives_a_role_that_saves(tmp_path: Path) -> None:
    briefing = small_briefing()
    person = briefing.meeting.delegations[0].members[0]
    edit = edits.set_person_field(person.id, "role", None, "participant", briefing)  # a combo box's plain string
    assert edit.apply(briefing) == Changes(card=True)
    assert person.role is Role.PARTICIPANT
    edits.set_person_field(person.id, "role", None, "co_chair", briefing).apply(briefing)
    assert person.role is Role.CO_CHAIR
    save(briefing, tmp_path / "b.briefing")
    assert load(tmp_path / "b.briefing").meeting.co_chairs()[0].id == person.id


def test_saving_refuses_a_briefing_that_would_not_open_again(tmp_path: Path) -> None:
    path = tmp_path / "b.briefing"
    briefing = small_briefing()
    save(briefing, path)
    on_disk = path.read_bytes()
    briefing.meeting.end_date = date(2000, 1, 1)  # behind the edits' back
    with pytest.raises(NotSaved) as refused:
        save(briefing, path)
    assert "end_date" in str(refused.value) and refused.value.problems[0].code == "rules.end_before_start"
    assert str(refused.value).count("end_date") == 1  # each problem said once
    assert path.read_bytes() == on_disk


def test_structure_edits_restore_positions() -> None:
    briefing = small_briefing()
    before = dumps(briefing)
    first, second = briefing.sections
    moving = first.items[0]
    steps = [
        edits.MoveItem(moving.id, second.id, 1),
        edits.AddSection(0, Section(title=Bilingual(ko="새", en="New"))),
        edits.MoveSection(second.id, 0),
        edits.RemoveItem(first.items[-1].id),
        edits.AddItem(second.id, 0, Item(source=Language.KO)),
        edits.RemoveSection(first.id),
    ]
    for step in steps:
        assert step.apply(briefing).structure
    for step in reversed(steps):
        step.revert(briefing)
    assert dumps(briefing) == before
    assert briefing.sections[0].items[1] is first.items[1]


def test_delegations_and_people() -> None:
    briefing = small_briefing()
    before = dumps(briefing)
    delegation = Delegation(name=Bilingual(ko="미국 대표단", en="U.S. delegation"))
    steps = [
        edits.add_delegation(delegation),
        edits.add_person(delegation.id, Person(name=Bilingual(en="Jane Doe"))),
        edits.set_person_field(briefing.meeting.delegations[0].members[0].id, "rank", Language.KO, "소장", briefing),
        edits.remove_person(briefing.meeting.delegations[0].id, briefing.meeting.delegations[0].members[0].id),
        edits.remove_delegation(briefing.meeting.delegations[0].id),
    ]
    for step in steps:
        step.apply(briefing)
    assert [d.id for d in briefing.meeting.delegations] == [delegation.id]
    for step in reversed(steps):
        step.revert(briefing)
    assert dumps(briefing) == before


def test_translations_as_one_step_skip_items_whose_source_changed() -> None:
    briefing = small_briefing()
    one, two = briefing.sections[0].items
    batch = edits.ApplyTranslations(
        [
            edits.Translation(two.id, Language.KO, "둘.", TargetOrigin.MACHINE, "Two."),
            edits.Translation(one.id, Language.KO, "하나!", TargetOrigin.MACHINE, "an older source"),
        ]
    )
    assert batch.apply(briefing) == Changes(items=frozenset({two.id}))
    assert batch.skipped == [one.id]
    assert (two.text.ko, two.status) == ("둘.", TargetStatus.MACHINE)
    batch.revert(briefing)
    assert (two.text.ko, two.status) == ("", TargetStatus.EMPTY)


def test_a_batch_is_all_or_nothing() -> None:
    briefing = small_briefing()
    before = dumps(briefing)
    batch = edits.Batch(
        "edit.card",
        [edits.set_field(("meeting", "place", "ko"), "서울"), edits.set_field(("meeting", "session"), -1)],
    )
    with pytest.raises(EditRefused):
        batch.apply(briefing)
    assert dumps(briefing) == before


# -- random sequences ----------------------------------------------------------------------------

TEXTS = st.text(st.sampled_from("가나다 abc.*\n-1"), max_size=12)


@settings(max_examples=30, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
class EditSequences(RuleBasedStateMachine):
    """Random edits and undos: every briefing in between keeps the rules and survives save → load unchanged,
    and undoing everything gives back the first briefing byte for byte."""

    def __init__(self) -> None:
        super().__init__()
        self.briefing: Briefing = load(EXAMPLE)
        self.original = dumps(self.briefing)
        self.done: list[edits.Edit] = []

    def _apply(self, edit: edits.Edit) -> None:
        try:
            edit.apply(self.briefing)
        except EditRefused:
            return
        self.done.append(edit)

    def _items(self) -> list[Item]:
        return self.briefing.items()

    @precondition(lambda self: self._items())
    @rule(data=st.data(), language=st.sampled_from(Language), text=TEXTS)
    def type_text(self, data: st.DataObject, language: Language, text: str) -> None:
        item = data.draw(st.sampled_from(self._items()))
        self._apply(edits.set_text(item.id, language, text))

    @precondition(lambda self: self._items())
    @rule(data=st.data(), kind=st.sampled_from(ItemType))
    def change_type(self, data: st.DataObject, kind: ItemType) -> None:
        self._apply(edits.set_type(data.draw(st.sampled_from(self._items())).id, kind))

    @precondition(lambda self: self._items())
    @rule(data=st.data(), which=st.sampled_from(["approve", "flag", "source", "comment", "resolve"]))
    def review(self, data: st.DataObject, which: str) -> None:
        item = data.draw(st.sampled_from(self._items()))
        if which == "approve":
            self._apply(edits.approve(item.id, "검토관"))
        elif which == "flag":
            self._apply(edits.flag(item.id, "검토관", "용어 확인"))
        elif which == "source":
            self._apply(edits.set_source(item.id, item.source.other))
        elif which == "comment":
            self._apply(edits.add_comment(item.id, "검토관", data.draw(TEXTS)))
        elif item.comments:
            self._apply(edits.resolve_comment(item.id, item.comments[0].id, not item.comments[0].resolved))

    @rule(data=st.data())
    def restructure(self, data: st.DataObject) -> None:
        sections = self.briefing.sections
        choice = data.draw(st.sampled_from(["add_item", "remove_item", "move_item", "add_section", "move_section"]))
        if not sections:
            self._apply(edits.AddSection(0, Section()))
            return
        section = data.draw(st.sampled_from(sections))
        index = data.draw(st.integers(-1, 8))
        items = self._items()
        if choice == "add_item":
            self._apply(edits.AddItem(section.id, index, Item(source=data.draw(st.sampled_from(Language)))))
        elif choice == "remove_item" and items:
            self._apply(edits.RemoveItem(data.draw(st.sampled_from(items)).id))
        elif choice == "move_item" and items:
            self._apply(edits.MoveItem(data.draw(st.sampled_from(items)).id, section.id, index))
        elif choice == "add_section":
            self._apply(edits.AddSection(index, Section(title=Bilingual(ko=data.draw(TEXTS)))))
        else:
            self._apply(edits.MoveSection(section.id, index))

    @rule(
        field=st.sampled_from(
            [("meeting", "place", "ko"), ("meeting", "series", "code"), ("title", "en"), ("author",)]
        ),
        text=st.text(max_size=50),
    )
    def card_text(self, field: tuple[str, ...], text: str) -> None:
        self._apply(edits.set_field(field, text))

    @rule(
        field=st.sampled_from([("meeting", "start_date"), ("meeting", "end_date")]),
        day=st.none() | st.dates(date(2024, 1, 1), date(2025, 12, 31)),
    )
    def card_date(self, field: tuple[str, ...], day: date | None) -> None:
        self._apply(edits.set_field(field, day))

    @rule(session=st.none() | st.integers(-5, 200_000))
    def card_session(self, session: int | None) -> None:
        self._apply(edits.set_field(("meeting", "session"), session))

    @rule(data=st.data())
    def people(self, data: st.DataObject) -> None:
        delegations = self.briefing.meeting.delegations
        if not delegations or data.draw(st.booleans()):
            self._apply(edits.add_delegation(Delegation(name=Bilingual(en=data.draw(TEXTS)))))
            return
        delegation = data.draw(st.sampled_from(delegations))
        if delegation.members and data.draw(st.booleans()):
            person = data.draw(st.sampled_from(delegation.members))
            role = data.draw(st.sampled_from(["co_chair", "participant"]))
            self._apply(edits.set_person_field(person.id, "role", None, role, self.briefing))
        else:
            self._apply(edits.add_person(delegation.id, Person(rank=Bilingual(ko=data.draw(TEXTS)))))

    @precondition(lambda self: self.done)
    @rule()
    def undo(self) -> None:
        self.done.pop().revert(self.briefing)

    @invariant()
    def keeps_the_rules_and_round_trips(self) -> None:
        assert rules.problems(self.briefing) == []
        text = dumps(self.briefing)
        assert dumps(loads(text)) == text

    def teardown(self) -> None:
        while self.done:
            self.done.pop().revert(self.briefing)
        assert dumps(self.briefing) == self.original


TestEditSequences = EditSequences.TestCase


def test_saving_checks_what_reading_back_would_find(tmp_path: Path) -> None:
    """A month 13 built in code passes the file's pattern but would not read back: saving refuses it."""
    briefing = small_briefing()
    schedule = briefing.sections[1].items[0]
    schedule.when = PartialDate(2025, 13)
    with pytest.raises(NotSaved) as refused:
        save(briefing, tmp_path / "b.briefing")
    assert refused.value.problems[0].code == "dates.no_month"
    assert not (tmp_path / "b.briefing").exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    index=st.integers(min_value=0, max_value=10_000),
    language=st.sampled_from(list(Language)),
    origin=st.sampled_from(list(TargetOrigin)),
    text=st.sampled_from(["", "새 번역", "A new text.", "same"]),
    approve_first=st.booleans(),
)
def test_set_text_changes_only_the_fields_a_translation_job_snapshots(
    index: int, language: Language, origin: TargetOrigin, text: str, approve_first: bool
) -> None:
    """ItemEdit keeps only edits.TEXT_FIELDS for undo: set_text must never change anything else (comments,
    waivers, flags, type, dates…), whatever the item's state."""
    items = EXAMPLE_BRIEFING.items()
    item = copy.deepcopy(items[index % len(items)])
    if approve_first and item.source_text.strip() and item.target_text.strip():
        item.approve("검토자")
    if text == "same":
        text = item.text.get(language)
    before = {name: copy.deepcopy(getattr(item, name)) for name in edits._ITEM_FIELDS}
    item.set_text(language, text, origin)
    changed = {name for name in edits._ITEM_FIELDS if getattr(item, name) != before[name]}
    assert changed <= set(edits.TEXT_FIELDS), changed

    # The quick snapshot a job takes of these fields is the generic one, and as detached from the item.
    quick, generic = edits._text_state(item), edits._state(item, edits.TEXT_FIELDS)
    assert quick == generic and list(quick) == list(generic)
    assert quick["text"] is not item.text
    item.text.set(language, "changed afterwards")
    assert quick["text"] == generic["text"] != item.text


EXAMPLE_BRIEFING = load(EXAMPLE)

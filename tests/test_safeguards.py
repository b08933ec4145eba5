"""What must be asked before approving or overwriting: the decisions of briefing/safeguards.py, the suggestion the
model keeps, ApplyTranslations keeping people's work, and who approved how many items in an export's manifest."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing import edits
from briefing.export.pack import make_pack
from briefing.export.templates import Layout, find_template
from briefing.fileformat import dumps, loads
from briefing.messages import Message
from briefing.model import Briefing, Item, Language, TargetOrigin, TargetStatus
from briefing.safeguards import (
    Answer,
    approval_question,
    approvers,
    is_person_work,
    needs_approval_question,
    overwrite_plan,
)
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from tests.helpers import item, small_briefing

AT = datetime(2025, 2, 18, 9, 0, tzinfo=UTC)


def machine_item(source: str = "The sides met.", target: str = "양측은 만났다.") -> Item:
    made = item(source)
    made.set_text(Language.KO, target, TargetOrigin.MACHINE)
    return made


# -- approving a changed source ------------------------------------------------------------------


def test_approving_asks_only_while_the_source_changed_and_the_translation_was_not_revised() -> None:
    made = machine_item()
    assert approval_question(made) is None  # a fresh machine translation: nothing changed since
    made.approve("Kim", AT)
    assert approval_question(made) is None
    made.set_text(Language.EN, "The two sides met.")
    assert made.status is TargetStatus.NEEDS_REVIEW
    assert approval_question(made) == Message("ask.source_changed_approved", {})
    made.set_text(Language.KO, "양측은 회동했다.")  # the translation revised after the change: no question
    assert approval_question(made) is None
    made.approve("Kim", AT)
    assert approval_question(made) is None


def test_a_never_approved_translation_of_a_changed_source_asks_in_its_own_words() -> None:
    made = machine_item()
    made.set_text(Language.EN, "The sides met again.")
    assert approval_question(made) == Message("ask.source_changed", {})
    made.set_text(Language.EN, "The sides met.")  # back as it was: the translation fits again
    assert approval_question(made) is None


def test_nothing_to_ask_for_an_empty_target_or_a_swapped_source() -> None:
    empty = item("Only English.")
    assert approval_question(empty) is None
    swapped = machine_item()
    swapped.set_source(Language.KO)  # needs review, but set against the current source: nothing changed since
    assert swapped.status is TargetStatus.NEEDS_REVIEW and approval_question(swapped) is None


def test_a_bulk_approval_lists_the_items_it_would_ask_about() -> None:
    briefing = small_briefing()
    first, second, third = briefing.items()
    first.approve("Kim", AT)
    first.set_text(Language.EN, "One, changed.")
    third.set_text(Language.EN, "Three, changed.")
    assert needs_approval_question(briefing.items()) == [first.id, third.id]
    assert approval_question(second) is None  # no translation at all


# -- whose work a translation would replace ------------------------------------------------------


@pytest.mark.parametrize(
    ("prepare", "expected"),
    [
        (lambda i: None, False),  # machine-translated
        (lambda i: i.set_text(Language.KO, "사람의 번역."), True),  # edited by a person
        (lambda i: i.approve("Kim", AT), True),
        (lambda i: i.set_text(Language.KO, ""), False),  # nothing there
        (lambda i: i.set_text(Language.EN, "Changed source."), False),  # needs review, still the machine's text
        (lambda i: (i.set_text(Language.KO, "사람."), i.set_text(Language.EN, "Changed.")), True),
        (lambda i: (i.approve("Kim", AT), i.set_text(Language.EN, "Changed.")), True),  # approved, then changed
    ],
)
def test_a_person_s_work_is_told_apart_from_a_machine_s(prepare: object, expected: bool) -> None:
    made = machine_item()
    prepare(made)  # type: ignore[operator]
    assert is_person_work(made) is expected


def test_without_a_known_suggestion_a_changed_translation_counts_as_a_person_s() -> None:
    made = machine_item()
    made.set_text(Language.EN, "Changed source.")
    made.suggestion = None  # as read from a file written before suggestions were kept
    assert is_person_work(made)


def test_the_overwrite_plan_counts_and_the_answers_choose() -> None:
    briefing = small_briefing()
    first, second, third = briefing.items()
    first.approve("Kim", AT)  # protected
    third.set_text(Language.KO, "사람이 고친 셋.")  # protected (edited)
    second.set_text(Language.KO, "둘.", TargetOrigin.MACHINE)
    plan = overwrite_plan(briefing, [first.id, second.id, third.id, first.id, "item-gone"])
    assert plan.protected == (first.id, third.id) and plan.replaceable == (second.id,)
    assert plan.needs_question and plan.can_skip and plan.total == 3
    assert plan.question() == Message("ask.overwrite_many", {"count": 2, "total": 3})
    assert plan.chosen(Answer.REPLACE) == [second.id, first.id, third.id]
    assert plan.chosen(Answer.SKIP) == [second.id]
    assert plan.chosen(Answer.CANCEL) is None
    single = overwrite_plan(briefing, [first.id])
    assert single.question() == Message("ask.overwrite_one", {}) and not single.can_skip
    assert single.chosen(Answer.SKIP) is None  # nothing left to do
    assert not overwrite_plan(briefing, [second.id]).needs_question


# -- the suggestion the model keeps --------------------------------------------------------------


def test_the_machine_or_memory_text_is_kept_as_the_suggestion_through_a_person_s_edits() -> None:
    made = machine_item()
    assert made.suggestion == "양측은 만났다."
    made.set_text(Language.KO, "양측은 회동했다.")
    assert made.suggestion == "양측은 만났다."  # what the person's edit is shown against
    made.set_text(Language.KO, "기억 번역.", TargetOrigin.MEMORY)
    assert made.suggestion == "기억 번역."
    made.set_source(Language.KO)
    assert made.suggestion is None  # it was a translation into the other language


def test_apply_translations_keeps_people_s_work_unless_named_and_undo_restores_it() -> None:
    briefing = small_briefing()
    first, second, third = briefing.items()
    first.approve("Kim", AT)
    before = dumps(briefing)
    jobs = [
        edits.Translation(i.id, Language.KO, f"기계 {n}.", TargetOrigin.MACHINE, i.source_text)
        for n, i in enumerate((first, second, third))
    ]
    keeping = edits.ApplyTranslations(jobs, overwrite=[second.id])
    changes = keeping.apply(briefing)
    assert keeping.kept == [first.id, third.id] and changes.items == {second.id}
    assert first.text.ko == "하나." and first.status is TargetStatus.APPROVED
    assert second.text.ko == "기계 1." and second.suggestion == "기계 1."
    keeping.revert(briefing)
    assert dumps(briefing) == before
    replacing = edits.ApplyTranslations(jobs, overwrite=[first.id, second.id, third.id])
    replacing.apply(briefing)
    assert first.text.ko == "기계 0." and first.approved_by is None and replacing.kept == []
    replacing.revert(briefing)
    assert dumps(briefing) == before
    replacing.apply(briefing)  # redo
    assert third.text.ko == "기계 2."
    assert edits.ApplyTranslations(jobs).apply(loads(before)) == edits.Changes(
        items=frozenset({first.id, second.id, third.id})
    )  # without `overwrite`, as before: everything replaced


def test_the_suggestion_survives_a_real_file_and_old_files_have_none(tmp_path: Path) -> None:
    briefing = load(EXAMPLE)
    assert all(i.suggestion is None for i in briefing.items())
    made = briefing.items()[2]
    made.set_text(made.target, "A machine's line.", TargetOrigin.MACHINE)
    made.set_text(made.target, "A person's line.")
    path = tmp_path / "s.briefing"
    save(briefing, path)
    again = load(path)
    assert again.items()[2].suggestion == "A machine's line." and again == briefing
    data = json.loads(path.read_text("utf-8"))
    written = next(i for s in data["sections"] for i in s["items"] if i["id"] == made.id)
    assert written["suggestion"] == "A machine's line."
    del written["suggestion"]  # a version-3 file written before the field existed
    assert loads(json.dumps(data)).item(made.id).suggestion is None


def test_a_hostile_or_huge_suggestion_is_kept_as_plain_text(tmp_path: Path) -> None:
    briefing = small_briefing()
    made = briefing.items()[0]
    hostile = "\x1b]0;owned\x07\x1b[2J<!DOCTYPE x [<!ENTITY a 'aaaa'>]>&a;" + "가" * 300_000
    made.set_text(Language.KO, hostile, TargetOrigin.MACHINE)
    path = tmp_path / "h.briefing"
    save(briefing, path)
    assert load(path).items()[0].suggestion == hostile
    data = json.loads(path.read_text("utf-8"))
    data["sections"][0]["items"][0]["suggestion"] = 42
    with pytest.raises(ValueError, match=r"items\[0\]\.suggestion"):
        loads(json.dumps(data))


# -- who approved --------------------------------------------------------------------------------


def test_approvers_count_the_standing_approvals_by_name() -> None:
    briefing = Briefing()
    assert approvers(briefing) == {}
    briefing = small_briefing()
    first, second, third = briefing.items()
    first.approve("김검토", AT)
    third.approve("Kim", AT)
    second.set_text(Language.KO, "둘.")
    second.approve("Kim", AT)
    assert approvers(briefing) == {"Kim": 2, "김검토": 1}
    third.set_text(Language.EN, "Three, changed.")  # no longer stands approved
    third.approved_by = None
    first.approved_by = None  # approved before format 2 recorded who
    first.approved_at = None
    assert approvers(briefing) == {"": 1, "Kim": 1}


def test_a_final_export_s_manifest_lists_who_approved_how_many(tmp_path: Path) -> None:
    briefing = load(EXAMPLE)
    for made in briefing.items()[:5]:
        made.approve("김검토", AT)
    result = make_pack(briefing, find_template("briefing-pack"), tmp_path / "pack", "p", [Layout.KO, Layout.EN])
    manifest = json.loads((tmp_path / "pack" / "p.briefing-pack.manifest.json").read_text("utf-8"))
    assert manifest["approvals"] == {"by": {"": 16, "김검토": 5}} == result.manifest["approvals"]

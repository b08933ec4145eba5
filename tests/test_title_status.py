"""Translation status of the titles (format version 5): the model's transitions, the edits and their undo, the
migration from version 4, reading every older version, statistics, QA, the export's pending list and headings."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
import pytest

from briefing import edits
from briefing.export.pack import unapproved
from briefing.export.preview import preview_html
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.fileformat import CURRENT_VERSION, MIGRATIONS, BriefingFormatError, dumps, loads, migrate_4_to_5
from briefing.model import CARD_TITLES, Bilingual, Briefing, Language, Section, TargetOrigin, TargetStatus
from briefing.qa import run as run_qa
from briefing.qa.registry import Scope
from briefing.storage import load, save
from briefing.translation.titles import missing_titles, title_edits
from tests.conftest import EXAMPLE, EXAMPLE_V1, EXAMPLE_V2, EXAMPLE_V3, EXAMPLE_V4

KO, EN = Language.KO, Language.EN
EDITED, MACHINE, EMPTY = TargetStatus.EDITED, TargetStatus.MACHINE, TargetStatus.EMPTY


def _briefing() -> tuple[Briefing, Section]:
    briefing = Briefing(origin_language=KO)
    section = briefing.add_section(Section(title=Bilingual(ko="주요 논의")))
    return briefing, section


# -- the model and the edits ------------------------------------------------------------------------


def test_typing_machine_source_change_approve_and_review_each_set_the_status_and_undo_brings_it_back() -> None:
    briefing, section = _briefing()
    path = ("sections", section.id, "title")
    state = section.title_state
    assert (state.status, state.source) == (EMPTY, KO)  # one side written: the translation is missing
    machine = edits.set_title(path, EN, "Main discussion", TargetOrigin.MACHINE)
    machine.apply(briefing)
    assert (state.status, state.source, section.title.en) == (MACHINE, KO, "Main discussion")
    typed = edits.set_section_title(section.id, EN, "Main discussions")
    assert typed.apply(briefing) == edits.Changes(titles=frozenset({section.id}))
    assert state.status is EDITED
    approve = edits.approve_title(path)
    approve.apply(briefing)
    assert state.status is TargetStatus.APPROVED
    source = edits.set_section_title(section.id, KO, "주요 논의 결과")  # the source changed after the approval
    source.apply(briefing)
    assert state.status is TargetStatus.NEEDS_REVIEW
    for edit, status in ((source, TargetStatus.APPROVED), (approve, EDITED), (typed, MACHINE), (machine, EMPTY)):
        edit.revert(briefing)
        assert state.status is status
    assert section.title.en == "" and section.title.ko == "주요 논의"
    machine.apply(briefing)  # redo
    assert (state.status, section.title.en) == (MACHINE, "Main discussion")
    review = edits.title_needs_review(path)
    review.apply(briefing)
    assert state.status is TargetStatus.NEEDS_REVIEW
    edits.set_section_title(section.id, EN, "").apply(briefing)  # the translation taken out: missing again
    assert (state.status, state.source) == (EMPTY, KO)


def test_a_title_without_a_translation_cannot_be_approved_or_marked_and_the_refusal_changes_nothing() -> None:
    briefing, section = _briefing()
    for edit in (edits.approve_title(("sections", section.id, "title")), edits.title_needs_review(("title",))):
        with pytest.raises(edits.EditRefused):
            edit.apply(briefing)
    assert section.title_state.status is EMPTY and briefing.title_state(("title",)).status is EMPTY
    with pytest.raises(edits.EditRefused, match="is not in the briefing"):
        edits.approve_title(("sections", "section-gone", "title")).apply(briefing)


def test_card_texts_typed_through_set_field_track_a_status_and_typing_merges_into_one_undo_step() -> None:
    briefing, _ = _briefing()
    first = edits.set_field(("meeting", "place", "ko"), "서울")
    first.apply(briefing)
    second = edits.set_field(("meeting", "place", "en"), "Seou")
    second.apply(briefing)
    third = edits.set_field(("meeting", "place", "en"), "Seoul")
    third.apply(briefing)
    assert second.absorb(third)
    state = briefing.title_state(("meeting", "place"))
    assert (state.status, state.source) == (EDITED, KO)
    second.revert(briefing)
    assert briefing.meeting.place.en == "" and state.status is EMPTY
    # A field that is not a translated title is still a plain field edit.
    assert isinstance(edits.set_field(("meeting", "series", "code"), "SCWG"), edits.SetField)


def test_translate_all_missing_marks_the_titles_machine_translated() -> None:
    briefing, section = _briefing()
    briefing.title = Bilingual(ko="제24차 회의")
    tasks = missing_titles(briefing, EN)
    edits.Batch("edit.translations", title_edits(tasks, ["24th meeting", "Main discussion"])).apply(briefing)
    assert briefing.title_state(("title",)).status is MACHINE and section.title_state.status is MACHINE


def test_statistics_count_the_titles_by_status() -> None:
    briefing, section = _briefing()
    briefing.title = Bilingual(ko="회의", en="Meeting")
    briefing.title_state(("title",)).reconcile(briefing.title, KO)
    edits.set_title(("sections", section.id, "title"), EN, "Talks", TargetOrigin.MACHINE).apply(briefing)
    stats = briefing.statistics()
    assert stats.title_count == 2  # the empty card texts are not counted
    assert stats.title_status[EDITED] == 1 and stats.title_status[MACHINE] == 1 and stats.titles_approved == 0


# -- the file format ----------------------------------------------------------------------------------


def _v4() -> dict[str, object]:
    return json.loads(EXAMPLE_V4.read_text("utf-8"))


def test_the_migration_decides_by_the_texts_and_leaves_its_input_alone() -> None:
    data = _v4()
    data["sections"][0]["title"] = {"ko": "개요", "en": " "}  # one side only: missing
    data["meeting"]["place"] = {"ko": "", "en": "Washington"}
    kept = copy.deepcopy(data)
    migrated = migrate_4_to_5(data)
    assert data == kept and MIGRATIONS[4] is migrate_4_to_5
    origin = data["origin_language"]
    assert migrated["title"] | {} == {**kept["title"], "status": "edited", "source": origin}  # type: ignore[dict-item]
    assert migrated["sections"][0]["title"] == {"ko": "개요", "en": " ", "status": "empty", "source": "ko"}
    assert migrated["meeting"]["place"] == {"ko": "", "en": "Washington", "status": "empty", "source": "en"}
    assert migrated["meeting"]["marking"] == {"ko": "", "en": "", "status": "empty", "source": None}
    assert migrated["sections"][1]["title"]["status"] == "edited"


@pytest.mark.parametrize("old", [EXAMPLE_V1, EXAMPLE_V2, EXAMPLE_V3, EXAMPLE_V4], ids=["v1", "v2", "v3", "v4"])
def test_every_older_version_opens_with_titles_edited_and_saves_as_version_5(old: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.briefing"
    path.write_bytes(old.read_bytes())
    briefing = load(path)
    assert path.read_bytes() == old.read_bytes()  # opening never rewrites
    assert all(title.state.status is EDITED for title in briefing.titles() if title.text.ko and title.text.en)
    assert briefing.title_state(("meeting", "marking")).status is EMPTY  # the example has no marking
    save(briefing, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == CURRENT_VERSION == 5
    assert data["sections"][0]["title"]["status"] == "edited" and data["title"]["source"] == "en"
    if old == EXAMPLE_V4:
        assert dumps(load(path)) == dumps(loads(EXAMPLE.read_bytes()))


def test_a_version_5_file_round_trips_every_status() -> None:
    briefing = loads(EXAMPLE.read_bytes())
    first = briefing.sections[0]
    edits.approve_title(("sections", first.id, "title")).apply(briefing)
    edits.set_title(("meeting", "place"), KO, "워싱턴", TargetOrigin.MACHINE).apply(briefing)
    again = loads(dumps(briefing))
    assert again.sections[0].title_state.status is TargetStatus.APPROVED
    assert again.title_state(("meeting", "place")).status is MACHINE
    assert again == briefing


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (lambda d: d["title"].update(status="final"), "$.title.status"),
        (lambda d: d["sections"][0]["title"].update(source="fr"), "$.sections[0].title.source"),
        (lambda d: d["meeting"]["place"].pop("status"), "$.meeting.place.status"),
        (lambda d: d["meeting"]["marking"].update(status="\x1b[31mapproved"), "$.meeting.marking.status"),
    ],
)
def test_a_damaged_or_hostile_title_status_is_refused_with_its_path(change: object, found: str) -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    change(data)  # type: ignore[operator]
    with pytest.raises(BriefingFormatError) as caught:
        loads(json.dumps(data))
    assert any(problem.path == found for problem in caught.value.problems)


def test_a_version_4_file_with_a_title_status_is_damaged_as_version_4_has_it() -> None:
    data = _v4()
    data["title"]["status"] = "edited"  # type: ignore[index]
    with pytest.raises(BriefingFormatError) as caught:
        loads(json.dumps(data))
    assert [p.path for p in caught.value.problems] == ["$.title.status"]


def test_a_hand_edited_status_that_the_texts_contradict_is_made_truthful() -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["meeting"]["marking"] |= {"status": "approved", "source": "ko"}  # approved, but nothing is written
    data["sections"][0]["title"] |= {"status": "empty", "source": None}  # both sides written
    briefing = loads(json.dumps(data))
    assert briefing.title_state(("meeting", "marking")).status is EMPTY
    state = briefing.sections[0].title_state
    assert (state.status, state.source) == (EDITED, Language(data["origin_language"]))


# -- QA, export ------------------------------------------------------------------------------------------


def test_unreviewed_and_missing_titles_are_qa_warnings_and_hold_back_a_final_export() -> None:
    briefing = loads(EXAMPLE.read_bytes())
    assert briefing.pending_titles() == [] and not [m for m in unapproved(briefing) if "title" in m.code]
    first, second = briefing.sections[0], briefing.sections[1]
    edits.set_title(("sections", first.id, "title"), KO, "개요 번역", TargetOrigin.MACHINE).apply(briefing)
    edits.set_section_title(second.id, KO, "").apply(briefing)
    edits.title_needs_review(("title",)).apply(briefing)
    found = [(f.code, f.item_id) for f in run_qa(briefing, scope=Scope.BRIEFING) if f.check == "title_status"]
    assert found == [("qa.title_review", None), ("qa.title_machine", None), ("qa.title_missing", None)]
    pending = [m for m in unapproved(briefing) if m.code == "export.pending_title"]
    assert [m.params["status"] for m in pending] == ["needs_review", "machine_translated", "empty"]
    assert str(pending[2]) == f"title “{second.title.en}” (empty)"


def test_the_english_document_never_prints_a_bare_heading_for_an_untranslated_section_title() -> None:
    briefing = loads(EXAMPLE.read_bytes())
    section = briefing.sections[0]
    edits.set_section_title(section.id, EN, "").apply(briefing)
    english = docx.Document(io.BytesIO(render(briefing, find_template("meeting-report"), Layout.EN, draft=True)))
    texts = [p.text for p in english.paragraphs]
    assert "■\t" not in texts and "■" not in texts
    assert f"■\t{section.title.ko}" in texts  # the Korean title stands in until it is translated
    assert f"<h3>1. {section.title.ko}</h3>" in preview_html(briefing, [EN])
    for path in CARD_TITLES:  # every card text is tracked
        assert briefing.title_state(path) is briefing.title_states[".".join(path)]

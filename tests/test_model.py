"""Document operations and the status rules of translations."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.model import (
    CARD_TITLES,
    Bilingual,
    Briefing,
    Delegation,
    Item,
    ItemType,
    Language,
    MeetingCard,
    ModelError,
    NoteMark,
    Person,
    ReviewFlag,
    Role,
    Section,
    StatementKind,
    TargetOrigin,
    TargetStatus,
    TitleState,
    fingerprint,
    new_id,
    now_utc,
)
from briefing.review import needs_attention
from tests.helpers import item, small_briefing


def approved(en: str = "Source.", ko: str = "원문.") -> Item:
    made = item(en, ko)
    made.approve()
    return made


class TestStatus:
    def test_new_item_is_empty(self) -> None:
        made = Item()
        assert made.status is TargetStatus.EMPTY
        assert made.basis is None

    def test_human_target_is_edited_against_current_source(self) -> None:
        made = item("Source.")
        made.set_text(Language.KO, "원문.")
        assert made.status is TargetStatus.EDITED
        assert made.basis == fingerprint("Source.")
        assert made.is_current()

    @pytest.mark.parametrize(
        ("origin", "status"),
        [(TargetOrigin.MACHINE, TargetStatus.MACHINE), (TargetOrigin.MEMORY, TargetStatus.MEMORY)],
    )
    def test_origin_decides_status(self, origin: TargetOrigin, status: TargetStatus) -> None:
        made = item("Source.")
        made.set_text(Language.KO, "원문.", origin)
        assert made.status is status

    def test_clearing_the_target_empties_the_status(self) -> None:
        made = approved()
        made.set_text(Language.KO, "")
        assert made.status is TargetStatus.EMPTY
        assert made.basis is None

    def test_approve_records_the_source_it_approved(self) -> None:
        made = approved("Meeting held.", "회의 개최.")
        assert made.status is TargetStatus.APPROVED
        assert made.approved_source == "Meeting held."
        assert made.basis == fingerprint("Meeting held.")

    def test_source_change_after_approval_needs_review_and_keeps_approved_source(self) -> None:
        made = approved("Meeting held.", "회의 개최.")
        made.set_text(Language.EN, "Meeting held in Seoul.")
        assert made.status is TargetStatus.NEEDS_REVIEW
        assert made.approved_source == "Meeting held."
        assert made.target_text == "회의 개최."  # the translation itself is untouched
        assert not made.is_current()

    def test_source_change_back_restores_the_approval(self) -> None:
        made = approved("Meeting held.", "회의 개최.")
        made.set_text(Language.EN, "Meeting held in Seoul.")
        made.set_text(Language.EN, "Meeting held.")
        assert made.status is TargetStatus.APPROVED

    @pytest.mark.parametrize("origin", list(TargetOrigin))
    def test_source_change_makes_any_translation_need_review(self, origin: TargetOrigin) -> None:
        made = item("A.")
        made.set_text(Language.KO, "가.", origin)
        made.set_text(Language.EN, "B.")
        assert made.status is TargetStatus.NEEDS_REVIEW

    def test_source_change_with_empty_target_stays_empty(self) -> None:
        made = item("A.")
        made.set_text(Language.EN, "B.")
        assert made.status is TargetStatus.EMPTY

    def test_unchanged_source_text_changes_nothing(self) -> None:
        made = approved("A.", "가.")
        made.set_text(Language.EN, "A.")
        assert made.status is TargetStatus.APPROVED

    def test_editing_after_review_request_is_edited_against_new_source(self) -> None:
        made = approved("A.", "가.")
        made.set_text(Language.EN, "B.")
        made.set_text(Language.KO, "나.")
        assert made.status is TargetStatus.EDITED
        assert made.is_current()

    def test_cannot_approve_empty_translation(self) -> None:
        with pytest.raises(ModelError, match="translation is empty"):
            item("Source only.").approve()

    def test_cannot_approve_empty_source(self) -> None:
        made = Item(source=Language.EN)
        made.text.ko = "번역만."
        with pytest.raises(ModelError, match="source text is empty"):
            made.approve()

    def test_editing_the_target_after_approval_forgets_the_approval(self) -> None:
        made = approved("A.", "가.")
        made.set_text(Language.KO, "나.")
        assert made.status is TargetStatus.EDITED
        assert (made.approved_source, made.approved_by, made.approved_at) == (None, None, None)
        made.set_text(Language.EN, "B.")
        made.set_text(Language.EN, "A.")
        assert made.status is TargetStatus.NEEDS_REVIEW  # "나." was never approved: nothing to restore

    def test_korean_source(self) -> None:
        made = item(ko="국방부는 회의를 개최했다.", source=Language.KO)
        assert made.target is Language.EN
        made.set_text(Language.EN, "The ministry held a meeting.", TargetOrigin.MACHINE)
        assert made.status is TargetStatus.MACHINE
        made.set_text(Language.KO, "국방부는 회의를 개최하였다.")
        assert made.status is TargetStatus.NEEDS_REVIEW

    def test_switching_the_source_side(self) -> None:
        made = approved("A.", "가.")
        made.set_source(Language.KO)
        assert made.source is Language.KO
        assert made.status is TargetStatus.NEEDS_REVIEW
        assert (made.approved_source, made.approved_by, made.approved_at) == (None, None, None)
        assert made.basis == fingerprint("가.")
        drafted_in_korean = Item(source=Language.EN)  # Korean typed into the wrong side
        drafted_in_korean.text.ko = "한국어 초안."
        drafted_in_korean.set_source(Language.KO)
        assert drafted_in_korean.status is TargetStatus.EMPTY
        assert drafted_in_korean.source_text == "한국어 초안."

    @pytest.mark.parametrize(
        ("status", "target", "source_changed", "expected"),
        [
            (TargetStatus.APPROVED, "가.", False, TargetStatus.APPROVED),
            (TargetStatus.APPROVED, "가.", True, TargetStatus.NEEDS_REVIEW),
            (TargetStatus.MACHINE, "가.", True, TargetStatus.NEEDS_REVIEW),
            (TargetStatus.APPROVED, "", False, TargetStatus.EMPTY),
            (TargetStatus.EMPTY, "가.", False, TargetStatus.EDITED),
        ],
    )
    def test_reconcile_makes_hand_edited_status_truthful(
        self, status: TargetStatus, target: str, source_changed: bool, expected: TargetStatus
    ) -> None:
        made = Item(source=Language.EN, status=status, basis=fingerprint("A."))
        made.text.en = "B." if source_changed else "A."
        made.text.ko = target
        assert made.reconcile() is (expected is not status)
        assert made.status is expected
        assert made.basis == (None if expected is TargetStatus.EMPTY else fingerprint("A."))  # a stale one is kept
        assert made.reconcile() is False  # truthful now: nothing more to change

    def test_reconcile_clears_a_stale_basis_of_an_empty_translation(self) -> None:
        made = Item(source=Language.EN, status=TargetStatus.EMPTY, basis=fingerprint("A."))
        made.text.en = "A."
        assert made.reconcile() is True
        assert (made.status, made.basis) == (TargetStatus.EMPTY, None)
        assert made.reconcile() is False


SEOUL = timezone(timedelta(hours=9))
MORNING = datetime(2024, 11, 8, 9, 0, tzinfo=SEOUL)


class TestReview:
    def test_a_flag_survives_typing_a_character_in_the_source_and_deleting_it(self) -> None:
        """The scenario of the issue: in version 1 the flag was the status, and the source edit undid it."""
        made = approved("Meeting held.", "회의 개최.")
        made.flag_for_review("김검토", MORNING, "Check the tense.")
        made.set_text(Language.EN, "Meeting held.x")
        assert made.status is TargetStatus.NEEDS_REVIEW
        made.set_text(Language.EN, "Meeting held.")
        assert made.status is TargetStatus.APPROVED
        assert made.flag == ReviewFlag("김검토", datetime(2024, 11, 8, 0, 0, tzinfo=UTC), "Check the tense.")
        assert needs_attention(made)

    @pytest.mark.parametrize("origin", list(TargetOrigin))
    def test_a_flag_survives_every_text_edit(self, origin: TargetOrigin) -> None:
        made = item("A.", "가.")
        flag = made.flag_for_review("R", MORNING, "why")
        made.set_text(Language.EN, "B.")
        made.set_text(Language.KO, "나.", origin)
        made.set_text(Language.KO, "")
        made.set_source(Language.KO)
        assert made.flag is flag
        assert (made.source_text, made.status) == ("", TargetStatus.NEEDS_REVIEW)  # "B." is the target now

    def test_flagging_leaves_the_status_alone_and_replaces_an_older_flag(self) -> None:
        made = item(
            "A.",
            "가.",
        )
        made.flag_for_review("R", MORNING, "first")
        newer = made.flag_for_review("S", MORNING + timedelta(hours=1), "second")
        assert made.status is TargetStatus.EDITED
        assert made.flag is newer and newer.by == "S"
        assert newer.at.tzinfo is UTC

    def test_an_untranslated_item_may_be_flagged(self) -> None:
        made = item("Source only.")
        made.flag_for_review("R", MORNING, "Use the official name.")
        assert made.status is TargetStatus.EMPTY and made.flag is not None

    def test_clear_flag_returns_what_was_there(self) -> None:
        made = item("A.", "가.")
        flag = made.flag_for_review("R", MORNING, "why")
        assert made.clear_flag() is flag
        assert made.flag is None
        assert made.clear_flag() is None

    def test_approving_records_who_and_when_in_utc_and_clears_the_flag(self) -> None:
        made = item("A.", "가.")
        made.flag_for_review("R", MORNING, "why")
        made.approve("김검토", MORNING)
        assert (made.approved_by, made.approved_at) == ("김검토", datetime(2024, 11, 8, 0, 0, tzinfo=UTC))
        assert made.approved_at is not None and made.approved_at.tzinfo is UTC
        assert made.flag is None

    def test_approving_without_who_and_when_still_records_a_time(self) -> None:
        made = approved()
        assert made.approved_by == ""
        assert made.approved_at is not None and made.approved_at.tzinfo is not None

    def test_a_source_change_keeps_the_last_approval(self) -> None:
        made = item("A.", "가.")
        made.approve("김검토", MORNING)
        made.set_text(Language.EN, "B.")
        assert made.status is TargetStatus.NEEDS_REVIEW
        assert (made.approved_source, made.approved_by) == ("A.", "김검토")
        assert made.approved_at == MORNING
        made.set_text(Language.EN, "A.")
        assert made.status is TargetStatus.APPROVED and made.approved_by == "김검토"

    def test_needs_attention(self) -> None:
        """One definition (briefing/review.py): not approved, flagged, an open comment or a serious QA finding."""
        assert needs_attention(Item())
        assert needs_attention(item("A."))
        assert needs_attention(item("A.", "가."))  # translated, not yet approved
        assert not needs_attention(approved())
        changed = approved("A.", "가.")
        changed.set_text(Language.EN, "B.")
        assert needs_attention(changed)
        flagged = approved()
        flagged.flag_for_review("R", MORNING, "")
        assert needs_attention(flagged)


class TestItemTypes:
    def test_statement_defaults_to_joint_statement(self) -> None:
        assert Item(type=ItemType.STATEMENT).statement_kind is StatementKind.JOINT_STATEMENT

    def test_note_defaults_to_asterisk(self) -> None:
        assert Item(type=ItemType.NOTE).note_mark is NoteMark.ASTERISK
        assert Item(type=ItemType.PARAGRAPH).note_mark is None  # only a note gets a mark by default
        assert Item(type=ItemType.NOTE, note_mark=NoteMark.REFERENCE).note_mark is NoteMark.REFERENCE

    def test_other_types_have_no_kind(self) -> None:
        assert Item(type=ItemType.DECISION).statement_kind is None


class TestStructure:
    def test_add_items_in_order_and_at_index(self) -> None:
        briefing = Briefing()
        section = briefing.add_section(Section())
        a, b, c = Item(id="item-a"), Item(id="item-b"), Item(id="item-c")
        briefing.add_item(section.id, a)
        briefing.add_item(section.id, c)
        briefing.add_item(section.id, b, index=1)
        assert [i.id for i in section.items] == ["item-a", "item-b", "item-c"]

    def test_new_item_takes_the_briefing_origin_language(self) -> None:
        briefing = Briefing(origin_language=Language.KO)
        section = briefing.add_section()
        assert briefing.add_item(section.id).source is Language.KO

    def test_duplicate_ids_are_refused(self) -> None:
        briefing = small_briefing()
        existing = briefing.items()[0]
        with pytest.raises(ModelError, match="already"):
            briefing.add_item(briefing.sections[1].id, Item(id=existing.id))
        with pytest.raises(ModelError, match="already"):
            briefing.add_section(Section(id=briefing.sections[0].id))
        with pytest.raises(ModelError, match="already"):
            briefing.add_section(Section(items=[Item(id=existing.id)]))

    def test_move_item_within_and_across_sections(self) -> None:
        briefing = small_briefing()
        first, second = briefing.sections
        moving = first.items[0]
        briefing.move_item(moving.id, first.id, 5)  # past the end: clamped
        assert first.items[-1] is moving
        briefing.move_item(moving.id, second.id, 0)
        assert second.items[0] is moving
        assert moving not in first.items
        assert briefing.locate(moving.id) == (second, 0)

    def test_remove_item_returns_what_undo_needs(self) -> None:
        briefing = small_briefing()
        target = briefing.sections[0].items[1]
        removed, section_id, index = briefing.remove_item(target.id)
        assert (removed, section_id, index) == (target, briefing.sections[0].id, 1)
        briefing.add_item(section_id, removed, index)
        assert briefing.sections[0].items[1] is target

    def test_sections_move_and_remove(self) -> None:
        briefing = small_briefing()
        first, second = briefing.sections
        briefing.move_section(second.id, 0)
        assert briefing.sections == [second, first]
        removed, index = briefing.remove_section(second.id)
        assert (removed, index) == (second, 0)
        assert briefing.sections == [first]

    def test_unknown_ids(self) -> None:
        briefing = small_briefing()
        with pytest.raises(KeyError):
            briefing.item("item-missing")
        with pytest.raises(KeyError):
            briefing.section("section-missing")

    def test_comments(self) -> None:
        made = Item()
        comment = made.add_comment("Reviewer", "Check the rank.")
        assert made.comments == [comment]
        assert (comment.author, comment.text, comment.reply_to) == ("Reviewer", "Check the rank.", None)
        reply = made.add_comment("Writer", "Fixed.", reply_to=comment.id)
        assert (reply.author, reply.text, reply.reply_to) == ("Writer", "Fixed.", comment.id)
        assert made.comments == [comment, reply] and reply.id != comment.id
        with pytest.raises(ModelError) as raised:
            made.add_comment("Writer", "Lost.", reply_to="comment-missing")
        assert raised.value.code == "model.no_parent" and raised.value.params == {"id": "comment-missing"}
        assert made.comments == [comment, reply]
        made.comments.remove(reply)
        assert not comment.resolved
        with pytest.raises(ModelError):
            made.add_comment("Reviewer", "   ")
        made.resolve_comment(comment.id)
        assert comment.resolved
        assert comment.resolved_by == "" and comment.resolved_at is not None
        made.resolve_comment(comment.id, resolved=False)
        assert not comment.resolved
        assert (comment.resolved_by, comment.resolved_at) == (None, None)
        assert made.resolve_comment(comment.id, True, "김검토", MORNING) is comment
        assert (comment.resolved_by, comment.resolved_at) == ("김검토", datetime(2024, 11, 8, 0, 0, tzinfo=UTC))
        with pytest.raises(KeyError):
            made.resolve_comment("comment-missing")


class TestStatistics:
    def test_counts_per_status_type_and_language(self) -> None:
        briefing = small_briefing()
        briefing.items()[0].approve()
        briefing.items()[1].add_comment("R", "Needs Korean.")
        stats = briefing.statistics()
        assert stats.items == 3
        assert stats.sections == 2
        assert stats.per_status[TargetStatus.APPROVED] == 1
        assert stats.per_status[TargetStatus.EDITED] == 1
        assert stats.per_status[TargetStatus.EMPTY] == 1
        assert sum(stats.per_status.values()) == 3
        assert stats.per_type[ItemType.STATEMENT] == 1
        assert stats.filled == {Language.KO: 2, Language.EN: 3}
        assert stats.source_items == {Language.KO: 0, Language.EN: 3}
        assert stats.characters[Language.EN] == len("One.Two.Three.")
        assert stats.open_comments == 1
        assert stats.flagged == 0
        assert not stats.fully_approved
        briefing.items()[0].flag_for_review("R", MORNING, "")
        briefing.items()[2].flag_for_review("R", MORNING, "")
        stats = briefing.statistics()
        assert stats.flagged == 2
        assert stats.per_status[TargetStatus.APPROVED] == 1  # flags are counted apart from statuses

    def test_empty_briefing(self) -> None:
        stats = Briefing().statistics()
        assert stats.items == 0
        assert not stats.fully_approved


# -- titles and the meeting card (issue 17 point 13: the model's own tests meet each rule) ------------------------

KO, EN = Language.KO, Language.EN


def both(ko: str = "제목", en: str = "Title") -> Bilingual:
    return Bilingual(ko=ko, en=en)


class TestTitleState:
    def test_writing_a_title_in_one_then_the_other_language(self) -> None:
        text, state = Bilingual(), TitleState()
        text.en = "Title"
        state.written(text, EN)
        assert (state.status, state.source) == (TargetStatus.EMPTY, EN)
        text.ko = "제목"
        state.written(text, KO, TargetOrigin.MACHINE)
        assert (state.status, state.source) == (TargetStatus.MACHINE, EN)
        state.written(text, KO)  # a person edits the translation
        assert (state.status, state.source) == (TargetStatus.EDITED, EN)
        state.written(text, KO, TargetOrigin.MEMORY)
        assert (state.status, state.source) == (TargetStatus.MEMORY, EN)
        state.written(text, EN)  # the source changes under its translation
        assert (state.status, state.source) == (TargetStatus.NEEDS_REVIEW, EN)
        text.ko = "  "
        state.written(text, KO)
        assert (state.status, state.source) == (TargetStatus.EMPTY, EN)
        text.en = ""
        state.written(text, EN)
        assert (state.status, state.source) == (TargetStatus.EMPTY, None)

    def test_a_title_written_in_both_without_a_source_takes_the_other_side_as_source(self) -> None:
        state = TitleState(TargetStatus.EDITED, None)
        state.written(both(), KO)
        assert (state.status, state.source) == (TargetStatus.EDITED, EN)
        state = TitleState(TargetStatus.EMPTY, KO)
        state.written(both(), KO, TargetOrigin.MACHINE)
        assert (state.status, state.source) == (TargetStatus.MACHINE, EN)

    def test_settle(self) -> None:
        state = TitleState(TargetStatus.APPROVED, EN)
        state.settle(both(), KO)
        assert (state.status, state.source) == (TargetStatus.EDITED, KO)
        state.settle(Bilingual(en="Only"), KO)
        assert (state.status, state.source) == (TargetStatus.EMPTY, EN)
        state.settle(Bilingual(ko="한쪽", en=" "), EN)
        assert (state.status, state.source) == (TargetStatus.EMPTY, KO)
        state.settle(Bilingual(ko="제목", en="Title"), EN)
        assert (state.status, state.source) == (TargetStatus.EDITED, EN)

    def test_approve(self) -> None:
        state = TitleState(TargetStatus.MACHINE, EN)
        state.approve(both())
        assert (state.status, state.source) == (TargetStatus.APPROVED, EN)
        unknown = TitleState()
        unknown.approve(both())  # no source recorded: the written side, Korean first
        assert (unknown.status, unknown.source) == (TargetStatus.APPROVED, KO)
        for text, code in [
            (Bilingual(ko="제목"), "model.approve_no_translation"),
            (Bilingual(ko=" ", en="Title"), "model.approve_no_source"),
            (Bilingual(), "model.approve_no_source"),
        ]:
            state = TitleState(TargetStatus.MACHINE, KO)
            with pytest.raises(ModelError) as raised:
                state.approve(text)
            assert raised.value.code == code
            assert (state.status, state.source) == (TargetStatus.MACHINE, KO)
        english_only = TitleState()
        with pytest.raises(ModelError) as raised:
            english_only.approve(Bilingual(en="Title"))  # source: the English, the only side written
        assert raised.value.code == "model.approve_no_translation"

    def test_needs_review(self) -> None:
        state = TitleState(TargetStatus.EDITED, None)
        state.needs_review(both())
        assert (state.status, state.source) == (TargetStatus.NEEDS_REVIEW, KO)
        kept = TitleState(TargetStatus.APPROVED, EN)
        kept.needs_review(both())
        assert (kept.status, kept.source) == (TargetStatus.NEEDS_REVIEW, EN)
        empty = TitleState(TargetStatus.EMPTY, EN)
        with pytest.raises(ModelError) as raised:
            empty.needs_review(Bilingual(en="Title", ko="\n"))
        assert raised.value.code == "model.flag_empty"
        assert (empty.status, empty.source) == (TargetStatus.EMPTY, EN)

    def test_reconcile(self) -> None:
        state = TitleState(TargetStatus.APPROVED, KO)
        assert state.reconcile(Bilingual(en="Only"), KO) is True
        assert (state.status, state.source) == (TargetStatus.EMPTY, EN)
        assert state.reconcile(Bilingual(en="Only"), KO) is False
        state = TitleState(TargetStatus.EMPTY, None)
        assert state.reconcile(both(), EN) is True
        assert (state.status, state.source) == (TargetStatus.EDITED, EN)
        state = TitleState(TargetStatus.MACHINE, KO)
        assert state.reconcile(both(), EN) is False
        assert (state.status, state.source) == (TargetStatus.MACHINE, KO)
        state = TitleState(TargetStatus.APPROVED, None)
        assert state.reconcile(both(), EN) is True
        assert (state.status, state.source) == (TargetStatus.APPROVED, EN)


class TestTitles:
    def test_every_card_text_then_every_section_title(self) -> None:
        briefing = small_briefing()
        titles = briefing.titles()
        assert [t.path for t in titles] == [
            *CARD_TITLES,
            *[("sections", s.id, "title") for s in briefing.sections],
        ]
        assert titles[0].text is briefing.title
        assert titles[1].text is briefing.meeting.series.name
        assert titles[-1].text is briefing.sections[-1].title
        assert titles[-1].state is briefing.sections[-1].title_state
        assert titles[0].state is briefing.title_state(("title",))

    def test_a_new_briefing_has_one_state_per_card_title_by_dotted_path(self) -> None:
        assert list(Briefing().title_states) == [
            "title",
            "meeting.series.name",
            "meeting.time_zone_note",
            "meeting.place",
            "meeting.marking",
        ]

    def test_title_state_by_path(self) -> None:
        briefing = small_briefing()
        section = briefing.sections[1]
        assert briefing.title_state(("sections", section.id, "title")) is section.title_state
        assert briefing.title_state(("meeting", "place")) is briefing.title_states["meeting.place"]
        del briefing.title_states["meeting.place"]
        assert briefing.title_state(("meeting", "place")) == TitleState()  # an older file's missing state
        assert "meeting.place" in briefing.title_states
        for path in [("meeting", "author"), ("sections", section.id, "items"), ("sections", section.id), ("x",)]:
            with pytest.raises(KeyError) as refused:
                briefing.title_state(path)
            assert refused.value.args == (".".join(path),)  # the path named as the file's keys spell it
        with pytest.raises(KeyError):
            briefing.title_state(("sections", "section-missing", "title"))

    def test_a_briefing_built_in_code_has_truthful_title_states(self) -> None:
        briefing = Briefing(title=both(), origin_language=EN)
        assert briefing.title_state(("title",)) == TitleState(TargetStatus.EDITED, EN)
        assert briefing.title_state(("meeting", "place")) == TitleState(TargetStatus.EMPTY, None)
        section = briefing.add_section(Section(title=Bilingual(ko="개요")))
        assert section.title_state == TitleState(TargetStatus.EMPTY, KO)
        translated = briefing.add_section(Section(title=both("일정", "Schedule")))
        assert translated.title_state == TitleState(TargetStatus.EDITED, EN)

    def test_settle_titles(self) -> None:
        briefing = Briefing(title=both(), origin_language=KO)
        briefing.title_state(("title",)).status = TargetStatus.APPROVED
        briefing.meeting.place = Bilingual(en="Seoul")
        briefing.settle_titles()
        assert briefing.title_state(("title",)) == TitleState(TargetStatus.EDITED, KO)
        assert briefing.title_state(("meeting", "place")) == TitleState(TargetStatus.EMPTY, EN)

    def test_pending_titles(self) -> None:
        briefing = Briefing(title=both())
        briefing.meeting.place = Bilingual(en="Seoul")  # translation missing
        briefing.meeting.marking = both("대외비", "Confidential")
        briefing.title_state(("meeting", "marking")).status = TargetStatus.MACHINE
        briefing.meeting.time_zone_note = both("현지시각", "local time")
        briefing.title_state(("meeting", "time_zone_note")).status = TargetStatus.APPROVED
        section = briefing.add_section(Section(title=both("개요", "Overview")))
        section.title_state.status = TargetStatus.NEEDS_REVIEW
        memory = briefing.add_section(Section(title=both("일정", "Schedule")))
        memory.title_state.status = TargetStatus.MEMORY
        briefing.add_section(Section(title=Bilingual(ko=" ", en="")))  # nothing written: nothing pending
        pending = [t.path for t in briefing.pending_titles()]
        assert pending == [
            ("meeting", "place"),
            ("meeting", "marking"),
            ("sections", section.id, "title"),
            ("sections", memory.id, "title"),
        ]

    def test_statistics_count_written_titles_by_status(self) -> None:
        briefing = Briefing(title=both())
        briefing.meeting.place = Bilingual(ko="서울")
        briefing.add_section(Section(title=both("개요", "Overview"))).title_state.status = TargetStatus.APPROVED
        stats = briefing.statistics()
        assert stats.title_count == 3
        assert stats.title_status[TargetStatus.EDITED] == 1
        assert stats.title_status[TargetStatus.EMPTY] == 1
        assert stats.title_status[TargetStatus.APPROVED] == stats.titles_approved == 1
        assert set(stats.title_status) == set(TargetStatus)
        assert Briefing().statistics().titles_approved == 0


class TestCard:
    def test_co_chairs_and_participants(self) -> None:
        chair = Person(role=Role.CO_CHAIR)
        member = Person()
        chairs_only = Delegation(members=[Person(role=Role.CO_CHAIR)])
        mixed = Delegation(members=[chair, member])
        card = MeetingCard(delegations=[chairs_only, mixed])
        assert card.co_chairs() == [chairs_only.members[0], chair]
        assert card.participants() == [(mixed, [member])]

    def test_language_and_bilingual(self) -> None:
        assert (KO.other, EN.other) == (EN, KO)
        text = Bilingual()
        assert text.is_empty()
        text.set(KO, "가")
        assert (text.get(KO), text.get(EN), text.is_empty()) == ("가", "", False)
        text.set(EN, "a")
        assert (text.ko, text.en) == ("가", "a")
        assert not Bilingual(en="a").is_empty()

    def test_ids_are_prefixed_and_unique(self) -> None:
        ids = {new_id("item") for _ in range(100)}
        assert len(ids) == 100
        assert all(i.startswith("item-") and len(i) == len("item-") + 12 for i in ids)
        assert now_utc().microsecond == 0 and now_utc().tzinfo is UTC

    def test_adding_a_section_whose_id_or_items_exist_is_refused(self) -> None:
        briefing = small_briefing()
        existing = briefing.sections[0]
        with pytest.raises(ModelError) as raised:
            briefing.add_section(Section(id=existing.id))
        assert (raised.value.code, raised.value.params) == ("model.section_exists", {"id": existing.id})
        taken = existing.items[0].id
        with pytest.raises(ModelError) as raised:
            briefing.add_section(Section(items=[Item(), Item(id=taken)]))
        assert (raised.value.code, raised.value.params) == ("model.item_exists", {"id": taken})
        with pytest.raises(ModelError) as raised:
            briefing.add_item(existing.id, Item(id=taken))
        assert (raised.value.code, raised.value.params) == ("model.item_exists", {"id": taken})
        assert len(briefing.sections) == 2

    def test_positions_are_clamped(self) -> None:
        briefing = Briefing()
        a = briefing.add_section()
        b = briefing.add_section(index=-5)
        c = briefing.add_section(index=99)
        d = briefing.add_section(index=1)
        assert briefing.sections == [b, d, a, c]
        made = briefing.add_item(a.id)
        assert made.source is briefing.origin_language and a.items == [made]
        first = briefing.add_item(a.id, index=0)
        assert a.items == [first, made]


class TestEdges:
    def test_statistics_add_up_over_many_items(self) -> None:
        briefing = Briefing()
        section = briefing.add_section()
        for text in ("One.", "Two.", "   "):
            briefing.add_item(section.id, item(text, "하나"))
        briefing.add_item(section.id, item("Four.", source=Language.EN, type=ItemType.NOTE))
        for made in briefing.items()[:2]:
            made.add_comment("R", "First.")
            made.add_comment("R", "Second.")
        briefing.items()[0].resolve_comment(briefing.items()[0].comments[0].id)
        stats = briefing.statistics()
        assert stats.items == 4 and stats.sections == 1
        assert stats.per_status[TargetStatus.EDITED] == 3 and stats.per_status[TargetStatus.EMPTY] == 1
        assert stats.per_type[ItemType.PARAGRAPH] == 3 and stats.per_type[ItemType.NOTE] == 1
        assert stats.source_items == {Language.KO: 0, Language.EN: 4}
        assert stats.filled == {Language.KO: 3, Language.EN: 3}  # whitespace is not text
        assert stats.characters == {Language.KO: 3 * len("하나"), Language.EN: len("One.Two.   Four.")}
        assert stats.open_comments == 3

    def test_a_naive_time_is_kept_for_the_rules_to_report(self) -> None:
        naive = datetime(2024, 11, 8, 9, 0)
        made = item("Source.", "원문.")
        assert made.flag_for_review(at=naive).at == naive
        made.approve(at=naive)
        assert made.approved_at == naive
        assert made.flag_for_review().at.tzinfo is UTC

    def test_a_flag_with_no_details(self) -> None:
        flag = item("Source.").flag_for_review()
        assert (flag.by, flag.reason) == ("", "")

    def test_setting_the_same_target_again_changes_nothing(self) -> None:
        made = approved()
        made.set_text(Language.KO, "원문.")
        assert made.status is TargetStatus.APPROVED and made.approved_source == "Source."
        empty = item("Source.")
        empty.set_text(Language.KO, "")
        assert empty.status is TargetStatus.EMPTY

    def test_the_suggestion_is_the_last_machine_or_memory_text(self) -> None:
        made = item("Source.")
        assert made.suggestion is None
        made.set_text(Language.KO, "기계.", TargetOrigin.MACHINE)
        assert made.suggestion == "기계."
        made.set_text(Language.KO, "사람.")
        assert made.suggestion == "기계."
        made.set_text(Language.KO, "기억.", TargetOrigin.MEMORY)
        assert made.suggestion == "기억."
        made.set_source(Language.KO)
        assert made.suggestion is None

    def test_errors_name_what_is_missing(self) -> None:
        made = Item()
        with pytest.raises(ModelError) as raised:
            made.add_comment("R", " \n")
        assert raised.value.code == "model.empty_comment"
        assert made.comments == []
        with pytest.raises(KeyError) as missing:
            made.resolve_comment("comment-missing")
        assert missing.value.args == ("comment-missing",)
        briefing = small_briefing()
        with pytest.raises(KeyError) as missing:
            briefing.item("item-missing")
        assert missing.value.args == ("item-missing",)
        last = briefing.sections[-1].items[-1]
        assert briefing.item(last.id) is last

    def test_a_fingerprint_of_any_text_even_a_lone_surrogate(self) -> None:
        assert fingerprint("Source.") == hashlib.sha256(b"Source.").hexdigest()[:16]
        assert fingerprint("a\ud800") == hashlib.sha256(b"a\xed\xa0\x80").hexdigest()[:16]
        with pytest.raises(KeyError) as missing:
            small_briefing().section("section-missing")
        assert missing.value.args == ("section-missing",)

    def test_touch_sets_the_modification_time_to_now(self) -> None:
        briefing = Briefing(modified=datetime(2000, 1, 1, tzinfo=UTC))
        before = now_utc()
        briefing.touch()
        assert before <= briefing.modified <= now_utc() and briefing.modified.tzinfo is UTC

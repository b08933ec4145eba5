"""The reviewer's core (briefing/review.py): needing attention, filters that combine, sorting, next/previous,
the progress line and approving many items as one undo step."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from briefing import edits
from briefing.model import Briefing, ItemType, Language, TargetStatus
from briefing.qa.model import Finding, Severity
from briefing.review import (
    Attention,
    Column,
    QaLevel,
    ReviewError,
    ReviewFilter,
    attention,
    bulk_approve,
    last_activity,
    needs_attention,
    next_needing_attention,
    progress,
    rows,
    sort_rows,
)
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from tests.helpers import item, large_briefing, small_briefing


def finding(item_id: str, severity: Severity) -> Finding:
    return Finding("numbers", "qa.numbers_differs", severity, item_id, {"number": "1"})


def ids(found: list[object]) -> list[str]:
    return [row.id for row in found]  # type: ignore[attr-defined]


def test_attention_is_not_approved_flagged_open_comment_or_unwaived_error_or_warning() -> None:
    done = item("A.", "가.")
    done.approve("kim")
    assert attention(done) == frozenset()
    assert attention(done, [finding(done.id, Severity.INFO)]) == frozenset()  # info is no reason
    assert attention(done, [finding(done.id, Severity.WARNING)]) == {Attention.QA}
    assert attention(item("A.", "가.")) == {Attention.NOT_APPROVED}
    done.add_comment("lee", "확인 필요")
    assert attention(done) == {Attention.OPEN_COMMENTS}
    done.resolve_comment(done.comments[0].id, by="kim")
    done.flag_for_review("lee", reason="숫자")
    assert attention(done) == {Attention.FLAGGED}
    done.approve("kim")
    done.set_text(Language.EN, "B.")  # the source changed since the approval
    assert done.status is TargetStatus.NEEDS_REVIEW and needs_attention(done)


def test_filters_combine() -> None:
    briefing = load(EXAMPLE)
    every = rows(briefing)
    assert len(every) == 21
    approved = ReviewFilter(statuses=frozenset({TargetStatus.APPROVED})).compile().select(every)
    assert approved and all(r.item.status is TargetStatus.APPROVED for r in approved)
    first_section = briefing.sections[0].id
    both = ReviewFilter(statuses=frozenset({TargetStatus.APPROVED}), sections=frozenset({first_section}))
    combined = both.compile().select(every)
    assert 0 < len(combined) < len(approved)
    assert all(r.section.id == first_section for r in combined)
    topics = ReviewFilter(types=frozenset({ItemType.TOPIC})).compile().select(every)
    assert topics and all(r.item.type is ItemType.TOPIC for r in topics)
    commented = ReviewFilter(open_comments=True).compile().select(every)
    assert [r.id for r in commented] == ["item-ttx-note"]
    assert len(ReviewFilter(open_comments=False).compile().select(every)) == 20
    # text in either language, or in one
    korean = ReviewFilter(text="우주").compile().select(every)
    assert korean and all("우주" in r.item.text.ko for r in korean)
    assert ReviewFilter(text="우주", language=Language.EN).compile().select(every) == []
    english = ReviewFilter(text="SPACE", language=Language.EN).compile().select(every)
    assert english and all("space" in r.item.text.en.lower() for r in english)
    # a regular expression, with every other condition
    pattern = ReviewFilter(text=r"제\d+차", regex=True, sections=frozenset({first_section}))
    assert [r.id for r in pattern.compile().select(every)] == ["item-convened"]


def test_qa_flag_and_attention_filters_read_the_given_findings() -> None:
    briefing = small_briefing()
    every = rows(briefing)
    one, two, three = (r.id for r in every)
    found = {one: [finding(one, Severity.INFO)], two: [finding(two, Severity.ERROR), finding(two, Severity.INFO)]}
    assert ids(ReviewFilter(qa=QaLevel.ERROR).compile().select(every, found)) == [two]
    assert ids(ReviewFilter(qa=QaLevel.WARNING).compile().select(every, found)) == [two]
    assert ids(ReviewFilter(qa=QaLevel.INFO).compile().select(every, found)) == [one, two]
    assert ids(ReviewFilter(qa=QaLevel.CLEAN).compile().select(every, found)) == [three]
    briefing.item(three).approve("kim")
    briefing.item(one).approve("kim")
    assert ids(ReviewFilter(attention_only=True).compile().select(every, found)) == [two]
    briefing.item(three).flag_for_review("lee", reason="날짜")
    assert ids(ReviewFilter(flagged=True).compile().select(every, found)) == [three]
    assert ids(ReviewFilter(attention_only=True).compile().select(every, found)) == [two, three]


def test_changed_since_reads_the_recorded_review_times() -> None:
    briefing = small_briefing()
    one, two, three = (r.item for r in rows(briefing))
    assert last_activity(one) is None
    one.approve("kim", at=datetime(2025, 3, 1, tzinfo=UTC))
    three.approve("kim", at=datetime(2025, 1, 1, tzinfo=UTC))
    three.flag_for_review("lee", at=datetime(2025, 3, 5, tzinfo=UTC))
    comment = two.add_comment("lee", "다시 보기")
    comment.created = datetime(2024, 12, 1, tzinfo=UTC)
    assert last_activity(three) == datetime(2025, 3, 5, tzinfo=UTC)
    since = ReviewFilter(changed_since=datetime(2025, 2, 1, tzinfo=UTC)).compile()
    assert ids(since.select(rows(briefing))) == [one.id, three.id]
    two.resolve_comment(comment.id, by="kim", at=datetime(2025, 2, 2, tzinfo=UTC))
    assert ids(since.select(rows(briefing))) == [one.id, two.id, three.id]


@pytest.mark.parametrize("pattern", ["(", "[a-", "a{2,1}", "*a", "\\p{Nonsense}", "\\"])
def test_a_bad_regular_expression_is_a_coded_error(pattern: str) -> None:
    with pytest.raises(ReviewError) as raised:
        ReviewFilter(text=pattern, regex=True).compile()
    assert raised.value.code == "review.bad_regex"
    assert "the regular expression is not valid" in str(raised.value)


def test_a_catastrophic_regular_expression_is_cut_off_not_hung() -> None:
    briefing = Briefing()
    section = briefing.add_section()
    for _ in range(50):
        briefing.add_item(section.id, item("a" * 3000 + "!", "가"))
    matcher = ReviewFilter(text=r"(a|aa)+$", regex=True).compile()
    start = time.process_time()
    with pytest.raises(ReviewError) as raised:
        matcher.select(rows(briefing))
    assert time.process_time() - start < 1.0
    assert raised.value.code == "review.regex_too_slow"


def test_a_huge_search_text_is_refused() -> None:
    with pytest.raises(ReviewError) as raised:
        ReviewFilter(text="가" * 5000).compile()
    assert raised.value.code == "review.search_too_long"
    assert ReviewFilter(text="\x1b[31m가").compile().select(rows(small_briefing())) == []  # escapes are only text


def test_sorting_by_every_column_is_stable_and_reversible() -> None:
    briefing = load(EXAMPLE)
    every = rows(briefing)
    for column in Column:
        ascending = sort_rows(every, column)
        assert sorted(r.id for r in ascending) == sorted(r.id for r in every)
        assert sort_rows(every, column, descending=True) == list(reversed(ascending)) or column in (
            Column.SECTION,
            Column.TYPE,
            Column.STATUS,
            Column.QA,
            Column.COMMENTS,
        )
    by_status = sort_rows(every, Column.STATUS)
    order = list(TargetStatus)
    assert [order.index(r.item.status) for r in by_status] == sorted(order.index(r.item.status) for r in every)
    assert sort_rows(every, Column.COMMENTS, descending=True)[0].id == "item-ttx-note"
    english = [r.item.text.en.casefold() for r in sort_rows(every, Column.ENGLISH)]
    assert english == sorted(english)


def test_next_and_previous_wrap_round() -> None:
    order = ["a", "b", "c", "d"]
    wanted = {"b", "d"}.__contains__
    assert next_needing_attention(order, "b", wanted) == "d"
    assert next_needing_attention(order, "d", wanted) == "b"  # round
    assert next_needing_attention(order, "b", wanted, step=-1) == "d"
    assert next_needing_attention(order, None, wanted) == "b"
    assert next_needing_attention(order, None, wanted, step=-1) == "d"
    assert next_needing_attention(order, "b", {"b"}.__contains__) == "b"  # only itself
    assert next_needing_attention(order, "gone", wanted) == "b"
    assert next_needing_attention(order, "a", lambda _: False) is None
    assert next_needing_attention([], None, wanted) is None


def test_progress_counts_items_comments_and_attention() -> None:
    briefing = load(EXAMPLE)
    counted = progress(briefing.items())
    stats = briefing.statistics()
    assert (counted.total, counted.approved, counted.flagged, counted.open_comments) == (
        21,
        stats.approved,
        stats.flagged,
        stats.open_comments,
    )
    assert counted.attention == 21 - stats.approved + sum(
        1
        for i in briefing.items()
        if i.status is TargetStatus.APPROVED and (i.flag or any(not c.resolved for c in i.comments))
    )


def test_bulk_approve_is_one_undo_step_and_leaves_what_cannot_be_approved(tmp_path: object) -> None:
    briefing = small_briefing()
    one, two, three = briefing.items()
    three.approve("kim")
    planned = bulk_approve(briefing.items(), "lee", at=datetime(2025, 4, 1, tzinfo=UTC))
    assert planned.approved == [one.id] and planned.already == [three.id] and planned.cannot == [two.id]
    assert planned.edit is not None and planned.edit.label == "edit.bulk_approve"
    planned.edit.apply(briefing)
    assert one.status is TargetStatus.APPROVED and one.approved_by == "lee"
    planned.edit.revert(briefing)
    assert one.status is not TargetStatus.APPROVED and one.approved_by is None
    assert bulk_approve([three], "lee").edit is None


def test_bulk_approve_of_a_saved_file_round_trips(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    briefing = load(EXAMPLE)
    for changed in briefing.items()[:5]:
        changed.set_text(changed.target, changed.target_text + " ")  # edited since the approval
    planned = bulk_approve(briefing.items(), "김지현")
    assert len(planned.approved) == 5 and len(planned.already) == 16
    assert planned.edit is not None
    planned.edit.apply(briefing)
    save(briefing, tmp_path / "approved.briefing")
    again = load(tmp_path / "approved.briefing")
    assert progress(again.items()).approved == 21 - len(planned.cannot)
    assert all(i.approved_by == "김지현" for i in again.items() if i.id in planned.approved)


def test_two_thousand_items_filter_and_sort_quickly() -> None:
    briefing = large_briefing(2000, 400)
    every = rows(briefing)
    spec = ReviewFilter(text="item 19", statuses=frozenset(TargetStatus), language=Language.EN)
    start = time.process_time()
    found = spec.compile().select(every)
    sort_rows(found, Column.ENGLISH, descending=True)
    took = time.process_time() - start
    assert len(found) == 111  # "Item 19", "Item 190"…"Item 199", "Item 1900"…"Item 1999"
    assert took < 0.05
    regex_spec = ReviewFilter(text=r"item 1\d{3}:", regex=True)
    assert len(regex_spec.compile().select(every)) == 1000


def test_the_edit_of_a_bulk_approval_is_an_edit_batch() -> None:
    assert isinstance(bulk_approve([item("A.", "가.")], "kim").edit, edits.Batch)

"""The briefing's rules: every problem found on the objects themselves, with the path the field has in the file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from briefing import rules
from briefing.fileformat import dumps
from briefing.language.dates import PartialDate
from briefing.model import Briefing, Item, ItemType, Person, ReviewFlag, Role, StatementKind
from briefing.schema import load_schema
from briefing.storage import load
from tests.conftest import EXAMPLE


def _paths(briefing: Briefing) -> dict[str, str]:
    return {p.path: p.code for p in rules.problems(briefing)}


def test_the_example_keeps_every_rule() -> None:
    assert rules.problems(load(EXAMPLE)) == []


def test_end_date_before_start_date() -> None:
    briefing = load(EXAMPLE)
    briefing.meeting.end_date = date(2024, 11, 1)
    (problem,) = rules.problems(briefing)
    assert (problem.path, problem.code) == ("$.meeting.end_date", "rules.end_before_start")
    assert problem.message == "the end date 2024-11-01 is before the start date 2024-11-07"
    assert rules.card_problems(briefing.meeting) == [problem]


def test_series_code_and_session_limits_agree_with_the_schema() -> None:
    meeting = load_schema(1)["$defs"]["meeting"]["properties"]
    assert meeting["series"]["properties"]["code"]["maxLength"] == rules.SERIES_CODE_MAX
    assert (meeting["session"]["minimum"], meeting["session"]["maximum"]) == (rules.SESSION_MIN, rules.SESSION_MAX)
    briefing = load(EXAMPLE)
    briefing.meeting.series.code = "X" * (rules.SERIES_CODE_MAX + 1)
    briefing.meeting.session = 0
    assert _paths(briefing) == {"$.meeting.series.code": "rules.too_long", "$.meeting.session": "rules.out_of_range"}


def test_a_role_given_as_plain_text_is_a_problem_not_a_crash_at_save() -> None:
    briefing = load(EXAMPLE)
    person: Any = briefing.meeting.delegations[0].members[0]
    person.role = "co_chair"  # what a combo box hands back
    assert _paths(briefing) == {"$.meeting.delegations[0].members[0].role": "rules.bad_value"}
    person.role = Role.CO_CHAIR
    assert rules.problems(briefing) == []
    assert isinstance(Person().role, Role)


def test_fields_that_belong_to_another_type() -> None:
    briefing = load(EXAMPLE)
    item = briefing.sections[0].items[0]
    assert item.type is ItemType.PARAGRAPH
    item.statement_kind = StatementKind.CONDEMNATION
    item.when = PartialDate(2025, 1)
    assert _paths(briefing) == {
        "$.sections[0].items[0].statement_kind": "rules.not_for_type",
        "$.sections[0].items[0].when": "rules.not_for_type",
    }
    item.type = ItemType.SCHEDULE
    item.statement_kind = None
    assert rules.problems(briefing) == []
    item.when = None
    assert _paths(briefing) == {"$.sections[0].items[0].when": "rules.schedule_needs_date"}


def test_ids_unique_and_well_formed_across_the_briefing() -> None:
    briefing = load(EXAMPLE)
    first, second = briefing.sections[0], briefing.sections[1]
    second.id = first.id
    second.items[0].id = "has space"
    problems = rules.problems(briefing)
    assert {(p.path, p.code) for p in problems} == {
        ("$.sections[1].id", "rules.id_reused"),
        ("$.sections[1].items[0].id", "rules.bad_id"),
    }
    assert "is already used at $.sections[0].id" in str(problems[-1]) or any(
        "already used at $.sections[0].id" in str(p) for p in problems
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("type", "paragraph"), ("source", "ko"), ("status", "approved"), ("basis", "not-a-digest")],
)
def test_item_values_of_the_wrong_kind(field: str, value: str) -> None:
    item = Item()
    setattr(item, field, value)
    assert [p.path for p in rules.item_problems(item, "$.x")] == [f"$.x.{field}"]


def test_a_briefing_with_problems_still_serialises_for_the_message() -> None:
    briefing = load(EXAMPLE)
    briefing.meeting.end_date = date(2000, 1, 1)
    assert dumps(briefing)  # the rules, not the writer, decide whether it may be saved


class TestReviewFacts:
    """Who approved, flagged or resolved, and when: recorded together, with time zones, where they belong."""

    AT = datetime(2024, 11, 8, 9, 30, tzinfo=UTC)

    def test_recorded_review_facts_keep_every_rule(self) -> None:
        briefing = load(EXAMPLE)
        items = briefing.items()
        items[0].approve("김검토", self.AT)
        items[1].flag_for_review("김검토", self.AT, "Check the rank.")
        items[10].resolve_comment(items[10].comments[0].id, True, "김검토", self.AT)
        assert rules.problems(briefing) == []

    def test_approver_and_time_go_together_and_need_an_approval(self) -> None:
        briefing = load(EXAMPLE)
        item = briefing.sections[0].items[0]
        item.approved_by = "김검토"
        assert _paths(briefing) == {"$.sections[0].items[0].approved_at": "rules.goes_with"}
        item.approved_by, item.approved_at = None, self.AT
        assert _paths(briefing) == {"$.sections[0].items[0].approved_by": "rules.goes_with"}
        item.approved_by, item.approved_source = "김검토", None
        assert _paths(briefing) == {"$.sections[0].items[0].approved_source": "rules.approval_without_source"}

    def test_times_need_their_time_zone(self) -> None:
        briefing = load(EXAMPLE)
        first, second = briefing.sections[0].items
        first.approved_by, first.approved_at = "김검토", datetime(2024, 11, 8, 9, 30)  # naive: whose 9:30?
        second.flag = ReviewFlag("김검토", datetime(2024, 11, 8), "")
        assert _paths(briefing) == {
            "$.sections[0].items[0].approved_at": "rules.not_a_time",
            "$.sections[0].items[1].flag.at": "rules.not_a_time",
        }
        problem = next(p for p in rules.problems(briefing) if p.path.endswith("flag.at"))
        assert problem.message.startswith("expected a date and time with its time zone")

    def test_a_flag_is_a_review_flag_of_texts(self) -> None:
        briefing = load(EXAMPLE)
        item: Any = briefing.sections[0].items[0]
        item.flag = "check this"
        assert _paths(briefing) == {"$.sections[0].items[0].flag": "rules.not_a_flag"}
        item.flag = ReviewFlag(None, self.AT, 7)  # type: ignore[arg-type]
        assert _paths(briefing) == {
            "$.sections[0].items[0].flag.by": "rules.not_text",
            "$.sections[0].items[0].flag.reason": "rules.not_text",
        }

    def test_only_a_resolved_comment_says_who_resolved_it(self) -> None:
        briefing = load(EXAMPLE)
        comment = briefing.items()[10].comments[0]
        comment.resolved_by, comment.resolved_at = "김검토", self.AT
        assert _paths(briefing) == {"$.sections[2].items[2].comments[0].resolved_by": "rules.resolved_open_comment"}
        comment.resolved = True
        assert rules.problems(briefing) == []
        comment.resolved_at = None
        assert _paths(briefing) == {"$.sections[2].items[2].comments[0].resolved_at": "rules.goes_with"}
        assert rules.item_problems(briefing.items()[10])[0].path == "$.comments[0].resolved_at"

"""The briefing's rules: every problem found on the objects themselves, with the path the field has in the file."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from briefing import rules
from briefing.fileformat import dumps
from briefing.language.dates import PartialDate
from briefing.model import Briefing, Item, ItemType, Person, Role, StatementKind
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

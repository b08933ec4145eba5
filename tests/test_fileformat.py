"""The .briefing text format: stable output, every error path, versions and migrations."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from briefing.fileformat import (
    CURRENT_VERSION,
    FORMAT_NAME,
    MAX_PROBLEMS_SHOWN,
    BriefingFormatError,
    dumps,
    from_json,
    loads,
    migrate,
    to_json,
)
from briefing.model import ItemType, Language, NoteMark, Role, StatementKind, TargetStatus
from tests.conftest import EXAMPLE
from tests.helpers import small_briefing


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
    return data


def problems_of(data: Any) -> list[str]:
    with pytest.raises(BriefingFormatError) as caught:
        from_json(data)
    return [str(problem) for problem in caught.value.problems]


class TestExample:
    def test_loads_with_everything_the_release_says(self) -> None:
        briefing = loads(EXAMPLE.read_bytes())
        card = briefing.meeting
        assert card.series.code == "SCWG"
        assert card.series.name.ko == "한미 국방우주정책 실무협의회"
        assert card.series.name.en == "Korea-U.S. Space Cooperation Working Group"
        assert card.session == 23
        assert card.start_date is not None and card.start_date.isoformat() == "2024-11-07"
        assert card.time_zone_note.en == "local time"
        assert card.place.en == "Washington, D.C."
        chairs = {p.name.en: p for p in card.co_chairs()}
        assert set(chairs) == {"Park Hee-jeong", "David Vorland"}
        assert chairs["Park Hee-jeong"].rank.en == "Army Brigadier General"
        assert chairs["Park Hee-jeong"].rank.ko == "육군 준장"
        assert chairs["David Vorland"].title.en == "Deputy Assistant Secretary of Defense for Space and Missile Defense"
        assert all(p.role is Role.CO_CHAIR for p in chairs.values())
        assert briefing.origin_language is Language.EN

    def test_every_item_is_english_source_and_approved(self) -> None:
        briefing = loads(EXAMPLE.read_bytes())
        items = briefing.items()
        assert len(items) >= 20
        assert all(i.source is Language.EN and i.status is TargetStatus.APPROVED and i.is_current() for i in items)
        assert all(i.text.ko.strip() and i.text.en.strip() for i in items)
        assert briefing.statistics().fully_approved

    def test_typed_items_cover_the_release(self) -> None:
        briefing = loads(EXAMPLE.read_bytes())
        english = "\n".join(i.text.en for i in briefing.items())
        korean = "\n".join(i.text.ko for i in briefing.items())
        release = EXAMPLE.parent.parent.parent / "shared" / "seed" / "000_375693d7300a43ca.txt"
        if release.exists():  # every paragraph of the published release is in the briefing, word for word
            for paragraph in release.read_text("utf-8").split("\n"):
                paragraph = paragraph.strip().lstrip("* ")
                if paragraph.endswith(".") and len(paragraph) > 80:
                    for sentence in paragraph.split(". "):
                        assert sentence.rstrip(".") in english
        for official in (
            "국방우주정책 실무협의회",
            "민군합동작전 셀(JCO)",
            "한미연합 우주위협 대응 연습(TTX)",
            "미 조기경보위성 정보공유체계(SEWS)",
            "우주작전 기본과정(SPACE 100)",
            "연합우주과정(CSpC)",
            "연락장교",
            "유엔 안보리 결의",
            "군정찰위성",
            "인도·태평양 지역",
            "육군 준장",
        ):
            assert official in korean or official in briefing.meeting.delegations[0].members[0].rank.ko
        kinds = {(i.type, i.statement_kind) for i in briefing.items()}
        assert (ItemType.STATEMENT, StatementKind.CONDEMNATION) in kinds
        assert (ItemType.STATEMENT, StatementKind.SHARED_CONCERN) in kinds
        assert {ItemType.AGREEMENT, ItemType.DECISION, ItemType.SCHEDULE, ItemType.TOPIC} <= {k for k, _ in kinds}
        notes = [i for i in briefing.items() if i.type is ItemType.NOTE]
        assert len(notes) == 1 and notes[0].note_mark is NoteMark.ASTERISK
        assert "January 2025" in notes[0].text.en and "2025년 1월" in notes[0].text.ko
        schedule = {str(i.when): i.text.en for i in briefing.items() if i.type is ItemType.SCHEDULE}
        assert {"2024-12", "2025-01", "2025-H1", "2025-04", "2025"} == set(schedule)

    def test_file_is_exactly_what_dumps_writes(self) -> None:
        text = EXAMPLE.read_text("utf-8")
        assert dumps(loads(text)) == text


class TestOutput:
    def test_header_first_and_stable(self) -> None:
        briefing = small_briefing()
        text = dumps(briefing)
        assert list(json.loads(text))[:2] == ["format", "version"]
        assert text.startswith('{\n  "format": "briefing-studio/briefing",\n  "version": 1,\n')
        assert text.endswith("}\n")
        assert dumps(loads(text)) == text

    def test_korean_is_written_as_text_not_escapes(self) -> None:
        assert "시험 회의" in dumps(small_briefing())

    def test_type_specific_fields_only_where_they_apply(self) -> None:
        data = to_json(small_briefing())
        paragraph, statement = data["sections"][0]["items"]
        schedule = data["sections"][1]["items"][0]
        assert "statement_kind" not in paragraph and "when" not in paragraph
        assert statement["statement_kind"] == "condemnation"
        assert schedule["when"] == "2025-01"


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ("meeting", "session"),
            "twenty-three",
            '$.meeting.session: expected a whole number or null, found "twenty-three"',
        ),
        (("meeting", "session"), 0, "$.meeting.session: 0 is less than 1"),
        (("meeting", "start_date"), "7 Nov 2024", '$.meeting.start_date: "7 Nov 2024" is not a date like 2024-11-07'),
        (("meeting", "start_date"), "2024-02-30", '$.meeting.start_date: "2024-02-30" is not a real date'),
        (
            ("meeting", "end_date"),
            "2024-11-01",
            "$.meeting.end_date: the end date 2024-11-01 is before the start date 2024-11-07",
        ),
        (("meeting", "place", "ko"), 7, "$.meeting.place.ko: expected text, found 7"),
        (("meeting", "place", "fr"), "Washington", "$.meeting.place.fr: unknown field"),
        (
            ("meeting", "delegations", 0, "members", 0, "role"),
            "chair",
            '$.meeting.delegations[0].members[0].role: "chair" is not one of: co_chair, participant',
        ),
        (("sections", 1, "items", 2, "status"), "done", '$.sections[1].items[2].status: "done" is not one of'),
        (("sections", 1, "items", 2, "text"), _DELETE, "$.sections[1].items[2].text: missing"),
        (
            ("sections", 0, "items", 0, "basis"),
            "xyz",
            '$.sections[0].items[0].basis: "xyz" is not 16 hexadecimal digits',
        ),
        (
            ("sections", 0, "items", 0, "statement_kind"),
            "condemnation",
            "$.sections[0].items[0].statement_kind: does not apply to a paragraph item",
        ),
        (("sections", 4, "items", 0, "when"), "2024-13", '$.sections[4].items[0].when: "2024-13" has no month 13'),
        (
            ("sections", 4, "items", 0, "when"),
            _DELETE,
            "$.sections[4].items[0].when: missing: a schedule item needs a date",
        ),
        (
            ("sections", 1, "id"),
            "section-overview",
            "$.sections[1].id: id section-overview is already used at $.sections[0].id",
        ),
        (("sections", 0, "items"), {}, "$.sections[0].items: expected a list, found an object"),
        (("created",), "yesterday", '$.created: "yesterday" is not a time like'),
        (
            ("sections", 2, "items", 2, "comments", 0, "resolved"),
            "no",
            "$.sections[2].items[2].comments[0].resolved: expected true or false",
        ),
    ],
)
def test_each_problem_is_reported_with_its_path(path: tuple[Any, ...], value: Any, expected: str) -> None:
    data = example_data()
    _set(data, path, value)
    problems = problems_of(data)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_all_problems_are_reported_at_once() -> None:
    data = example_data()
    data["meeting"]["session"] = "x"
    data["sections"][0]["items"][0]["status"] = "done"
    data["sections"][3]["items"][1]["source"] = "fr"
    with pytest.raises(BriefingFormatError) as caught:
        from_json(data, source="damaged.briefing")
    message = str(caught.value)
    assert message.startswith("damaged.briefing: the file is not a valid briefing (3 problems)")
    assert "$.meeting.session" in message and "$.sections[0].items[0].status" in message
    assert "$.sections[3].items[1].source" in message
    assert "Traceback" not in message


def test_a_flood_of_problems_is_summarised() -> None:
    data = example_data()
    for section in data["sections"]:
        for item in section["items"]:
            item["status"] = "bad"
            item["source"] = "bad"
    with pytest.raises(BriefingFormatError) as caught:
        from_json(data)
    lines = str(caught.value).splitlines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 2
    assert lines[-1].startswith("  … and ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\xff\xfe{}", "not UTF-8 text (invalid byte at offset 0)"),
        (b"[1, 2]", "not a .briefing file: the top level is a list"),
        (
            b'{"format": "something-else", "version": 1}',
            "expected format 'briefing-studio/briefing', found format 'something-else'",
        ),
        (b'{"version": 1}', "found no format name"),
        (b'{"format": "briefing-studio/briefing"}', "the file has no valid format version"),
        (b'{"format": "briefing-studio/briefing", "version": "1"}', "the file has no valid format version"),
        (b'{"format": "briefing-studio/briefing", "version": true}', "the file has no valid format version"),
        (b'{"format": "briefing-studio/briefing", "version": 0}', "the file has no valid format version"),
        (
            b'{"format": "briefing-studio/briefing", "version": 1,}',
            "not valid JSON at line 1, column 53: Expecting property name",
        ),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_unreadable_text(text: bytes, expected: str) -> None:
    with pytest.raises(BriefingFormatError) as caught:
        loads(text)
    assert expected in str(caught.value)


def test_truncated_file_says_so() -> None:
    text = EXAMPLE.read_bytes()
    with pytest.raises(BriefingFormatError, match=r"not valid JSON at line \d+, column \d+: the file ends too early"):
        loads(text[: len(text) // 2])


def test_byte_order_mark_is_accepted() -> None:
    assert loads(b"\xef\xbb\xbf" + EXAMPLE.read_bytes()).meeting.session == 23


def test_newer_version_is_refused_naming_both_versions() -> None:
    data = example_data()
    data["version"] = CURRENT_VERSION + 1
    with pytest.raises(BriefingFormatError) as caught:
        from_json(data)
    message = str(caught.value)
    assert f"format version {CURRENT_VERSION + 1}" in message
    assert f"reads versions up to {CURRENT_VERSION}" in message


class TestMigrations:
    def test_steps_run_one_version_at_a_time_in_order(self) -> None:
        seen: list[int] = []

        def step(number: int) -> Any:
            def run(data: dict[str, Any]) -> dict[str, Any]:
                assert data["version"] == number  # each step sees the document at its own version
                seen.append(number)
                return {**data, f"added_by_{number}": True}

            return run

        result = migrate({"version": 1}, 1, {1: step(1), 2: step(2), 3: step(3)}, target=4)
        assert seen == [1, 2, 3]
        assert result == {"version": 4, "added_by_1": True, "added_by_2": True, "added_by_3": True}

    def test_a_gap_in_the_chain_is_a_clear_error(self) -> None:
        with pytest.raises(BriefingFormatError, match="format version 2 is not supported"):
            migrate({"version": 1}, 1, {1: lambda d: d}, target=3)

    def test_current_files_are_not_migrated(self) -> None:
        data = example_data()
        from_json(copy.deepcopy(data), migrations={})
        assert migrate(copy.deepcopy(data), CURRENT_VERSION, {}) == data


def test_format_constants_match_the_schema() -> None:
    schema = json.loads((Path(__file__).parent.parent / "briefing" / "schemas" / "briefing-1.schema.json").read_text())
    assert schema["properties"]["format"]["const"] == FORMAT_NAME
    assert schema["properties"]["version"]["const"] == CURRENT_VERSION


def test_hand_edited_stale_approval_loads_as_needs_review() -> None:
    data = example_data()
    data["sections"][0]["items"][0]["text"]["en"] += " Edited by hand."
    briefing = from_json(data)
    assert briefing.items()[0].status is TargetStatus.NEEDS_REVIEW
    assert briefing.items()[1].status is TargetStatus.APPROVED

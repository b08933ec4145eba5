"""The .briefing text format: stable output, every error path, versions and migrations."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from briefing.fileformat import (
    CURRENT_VERSION,
    FORMAT_NAME,
    MAX_PROBLEMS_SHOWN,
    MIGRATIONS,
    BriefingFormatError,
    dumps,
    from_json,
    loads,
    migrate,
    migrate_1_to_2,
    migrate_2_to_3,
    to_json,
)
from briefing.model import ItemType, Language, NoteMark, ReviewFlag, Role, StatementKind, TargetStatus, Waiver
from briefing.schema import checker
from briefing.storage import load, save
from tests.conftest import EXAMPLE, EXAMPLE_V1, EXAMPLE_V2, EXAMPLE_V3
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
        assert text.startswith(f'{{\n  "format": "briefing-studio/briefing",\n  "version": {CURRENT_VERSION},\n')
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
    schemas = Path(__file__).parent.parent / "briefing" / "schemas"
    schema = json.loads((schemas / f"briefing-{CURRENT_VERSION}.schema.json").read_text())
    assert schema["properties"]["format"]["const"] == FORMAT_NAME
    assert schema["properties"]["version"]["const"] == CURRENT_VERSION


def test_hand_edited_stale_approval_loads_as_needs_review() -> None:
    data = example_data()
    data["sections"][0]["items"][0]["text"]["en"] += " Edited by hand."
    briefing = from_json(data)
    assert briefing.items()[0].status is TargetStatus.NEEDS_REVIEW
    assert briefing.items()[1].status is TargetStatus.APPROVED


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ("sections", 0, "items", 0, "flag"),
            {"by": "김검토", "at": "yesterday", "reason": ""},
            '$.sections[0].items[0].flag.at: "yesterday" is not a time like',
        ),
        (
            ("sections", 0, "items", 0, "flag"),
            {"by": "김검토", "at": "2024-11-08T01:00:00Z"},
            "$.sections[0].items[0].flag.reason: missing",
        ),
        (
            ("sections", 0, "items", 0, "flag"),
            "please check",
            "$.sections[0].items[0].flag: expected an object or null",
        ),
        (
            ("sections", 0, "items", 0, "flag"),
            {"by": "김검토", "at": "2024-02-30T01:00:00Z", "reason": ""},
            '$.sections[0].items[0].flag.at: "2024-02-30T01:00:00Z" is not a real date and time',
        ),
        (("sections", 0, "items", 0, "flag"), _DELETE, "$.sections[0].items[0].flag: missing"),
        (("sections", 0, "items", 0, "approved_by"), 7, "$.sections[0].items[0].approved_by: expected text or null"),
        (
            ("sections", 0, "items", 0, "approved_by"),
            "김검토",
            "$.sections[0].items[0].approved_at: missing: goes with approved_by",
        ),
        (
            ("sections", 0, "items", 0, "approved_at"),
            "2024-11-08T01:00:00+09:00",
            "$.sections[0].items[0].approved_by: missing: goes with approved_at",
        ),
        (
            ("sections", 2, "items", 2, "comments", 0, "resolved_by"),
            "김검토",
            "$.sections[2].items[2].comments[0].resolved_at: missing: goes with resolved_by",
        ),
        (
            ("sections", 2, "items", 2, "comments", 0, "resolved_at"),
            "soon",
            '$.sections[2].items[2].comments[0].resolved_at: "soon" is not a time like',
        ),
        (
            ("sections", 2, "items", 2, "comments", 0, "resolved_by"),
            _DELETE,
            "$.sections[2].items[2].comments[0].resolved_by: missing",
        ),
    ],
)
def test_each_problem_with_the_review_fields_is_reported_with_its_path(
    path: tuple[Any, ...], value: Any, expected: str
) -> None:
    data = example_data()
    _set(data, path, value)
    problems = problems_of(data)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_who_resolved_an_open_comment_is_a_problem() -> None:
    data = example_data()
    comment = data["sections"][2]["items"][2]["comments"][0]
    assert comment["resolved"] is False
    comment |= {"resolved_by": "김검토", "resolved_at": "2024-11-08T02:00:00Z"}
    assert problems_of(data) == [
        "$.sections[2].items[2].comments[0].resolved_by: only a resolved comment records who resolved it"
    ]
    comment["resolved"] = True
    assert from_json(data).items()[10].comments[0].resolved_by == "김검토"


def test_review_facts_round_trip_in_version_2() -> None:
    briefing = loads(EXAMPLE.read_bytes())
    seoul = timezone(timedelta(hours=9))
    first, second, note = briefing.items()[0], briefing.items()[1], briefing.items()[10]
    first.approve("김검토", datetime(2024, 11, 8, 18, 30, tzinfo=seoul))
    second.flag_for_review("Kim Reviewer", datetime(2024, 11, 9, 1, 2, 3, tzinfo=UTC), "Check the rank: 준장?")
    (comment,) = note.comments
    note.resolve_comment(comment.id, True, "김검토", datetime(2024, 11, 9, 2, 0, tzinfo=UTC))
    text = dumps(briefing)
    again = loads(text)
    assert dumps(again) == text
    item = to_json(briefing)["sections"][0]["items"][0]
    assert list(item)[-10:] == [
        "status", "basis", "approved_source", "approved_by", "approved_at", "flag", "text", "comments", "waivers",
        "suggestion",
    ]  # fmt: skip
    assert (item["approved_by"], item["approved_at"]) == ("김검토", "2024-11-08T09:30:00Z")  # stored in UTC
    read_first, read_second, read_note = again.items()[0], again.items()[1], again.items()[10]
    assert (read_first.approved_by, read_first.approved_at) == ("김검토", datetime(2024, 11, 8, 9, 30, tzinfo=UTC))
    assert read_second.flag == ReviewFlag(
        "Kim Reviewer", datetime(2024, 11, 9, 1, 2, 3, tzinfo=UTC), "Check the rank: 준장?"
    )
    assert read_second.status is TargetStatus.APPROVED  # a flag says nothing about the texts
    assert (read_note.comments[0].resolved_by, read_note.comments[0].resolved_at) == (
        "김검토",
        datetime(2024, 11, 9, 2, 0, tzinfo=UTC),
    )


def _v1_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE_V1.read_text("utf-8"))
    assert data["version"] == 1
    return data


class TestVersion1:
    def test_the_version_1_example_opens_and_saves_as_the_current_example(self) -> None:
        migrated = dumps(loads(EXAMPLE_V1.read_bytes()))  # 1 → 2 → 3 → 4 → 5
        assert migrated == dumps(loads(EXAMPLE_V3.read_bytes()))  # the example as it was before version 4's fields
        assert json.loads(migrated)["version"] == CURRENT_VERSION == 5

    def test_migration_is_a_pure_function_giving_a_valid_version_2_document(self) -> None:
        data = _v1_data()
        before = copy.deepcopy(data)
        migrated = migrate_1_to_2(data)
        assert data == before  # the input is left alone
        assert checker(2).problems({**migrated, "version": 2}) == []
        item = migrated["sections"][0]["items"][0]
        assert (item["approved_by"], item["approved_at"], item["flag"]) == (None, None, None)
        comment = migrated["sections"][2]["items"][2]["comments"][0]
        assert (comment["resolved_by"], comment["resolved_at"]) == (None, None)
        assert MIGRATIONS[1] is migrate_1_to_2

    def test_needs_review_splits_into_status_and_flag(self) -> None:
        data = _v1_data()
        items = data["sections"][1]["items"]
        flagged_approved, flagged_edited, source_changed = items[0], items[1], items[2]
        flagged_approved["status"] = "needs_review"  # flagged after approval: the source is the approved one
        flagged_edited["status"] = "needs_review"  # flagged after the target was rewritten: not the approved text
        flagged_edited["approved_source"] = None
        source_changed["status"] = "needs_review"
        source_changed["text"]["en"] += " Edited later."  # the source no longer matches the basis
        migrated = migrate_1_to_2(data)["sections"][1]["items"]
        flag = {"by": "", "at": data["modified"], "reason": ""}
        assert (migrated[0]["status"], migrated[0]["flag"]) == ("approved", flag)
        assert (migrated[1]["status"], migrated[1]["flag"]) == ("edited", flag)
        assert (migrated[2]["status"], migrated[2]["flag"]) == ("needs_review", None)
        assert migrated[3]["status"] == "approved" and migrated[3]["flag"] is None
        assert list(migrated[0]) == list(json.loads(EXAMPLE_V2.read_text("utf-8"))["sections"][0]["items"][0])

    def test_a_version_1_file_with_a_flagged_item_loads_and_saves_as_the_current_version(self, tmp_path: Path) -> None:
        data = _v1_data()
        data["sections"][1]["items"][0]["status"] = "needs_review"
        path = tmp_path / "flagged.briefing"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        briefing = load(path)
        item = briefing.sections[1].items[0]
        assert item.flag == ReviewFlag(by="", at=datetime.fromisoformat(data["modified"]), reason="")
        assert item.status is TargetStatus.APPROVED
        assert briefing.statistics().flagged == 1
        save(briefing, path)
        saved = json.loads(path.read_text("utf-8"))
        assert saved["version"] == CURRENT_VERSION
        assert saved["sections"][1]["items"][0]["flag"] == {"by": "", "at": data["modified"], "reason": ""}
        assert json.loads(path.with_name("flagged.briefing.bak").read_text("utf-8"))["version"] == 1
        # Typing in the source and taking it back leaves the migrated flag where it was.
        source = item.source_text
        item.set_text(Language.EN, source + "x")
        item.set_text(Language.EN, source)
        assert item.flag is not None and item.status is TargetStatus.APPROVED

    def test_a_damaged_version_1_file_is_reported_as_version_1_has_it(self) -> None:
        data = _v1_data()
        data["sections"][0]["items"][0]["flag"] = None  # a version-2 field: unknown in version 1
        data["sections"][0]["items"][1]["status"] = "flagged"
        assert problems_of(data) == [
            "$.sections[0].items[0].flag: unknown field",
            '$.sections[0].items[1].status: "flagged" is not one of: empty, machine_translated, memory_filled, '
            "edited, approved, needs_review",
        ]

    def test_version_6_is_refused_naming_both_versions(self) -> None:
        data = example_data()
        data["version"] = 6
        with pytest.raises(BriefingFormatError) as caught:
            from_json(data)
        assert "the file uses format version 6, but this Briefing Studio reads versions up to 5" in str(caught.value)


# -- version 3: QA waivers ----------------------------------------------------------------------------


def _waiver_json(**changes: Any) -> dict[str, Any]:
    waiver = {
        "check": "numbers",
        "code": "qa.numbers_missing",
        "key": "0123456789abcdef",
        "reason": "The English rounds the figure on purpose.",
        "by": "김검토",
        "at": "2024-11-09T01:02:03Z",
    }
    return waiver | changes


class TestVersion3:
    def test_waivers_round_trip_through_a_real_file(self, tmp_path: Path) -> None:
        briefing = loads(EXAMPLE.read_bytes())
        seoul = timezone(timedelta(hours=9))
        item = briefing.items()[3]
        item.waivers = [
            Waiver("numbers", "qa.numbers_missing", "0123456789abcdef", "반올림함.\n두 줄", "김검토", datetime(2024, 11, 9, tzinfo=UTC)),
            Waiver("acronyms", "qa.acronyms_missing", "fedcba9876543210", "Spelt out.", "", datetime(2024, 11, 9, 10, tzinfo=seoul)),
        ]  # fmt: skip
        path = tmp_path / "waived.briefing"
        save(briefing, path)
        data = json.loads(path.read_text("utf-8"))
        assert data["version"] == CURRENT_VERSION
        section, index = briefing.locate(item.id)
        written = data["sections"][briefing.sections.index(section)]["items"][index]["waivers"]
        assert [w["at"] for w in written] == ["2024-11-09T00:00:00Z", "2024-11-09T01:00:00Z"]  # UTC in the file
        again = load(path)
        assert again.items()[3].waivers == item.waivers
        assert all(w.at.tzinfo is UTC for w in again.items()[3].waivers)
        assert dumps(again) == path.read_text("utf-8")
        assert all(i.waivers == [] for n, i in enumerate(again.items()) if n != 3)

    def test_a_waiver_written_with_another_offset_is_read_in_utc(self) -> None:
        data = example_data()
        data["sections"][0]["items"][0]["waivers"] = [_waiver_json(at="2024-11-09T10:00:00+09:00")]
        (waiver,) = from_json(data).items()[0].waivers
        assert waiver.at == datetime(2024, 11, 9, 1, tzinfo=UTC) and waiver.at.tzinfo is UTC

    def test_a_version_2_file_migrates_and_the_original_is_untouched(self, tmp_path: Path) -> None:
        path = tmp_path / "old.briefing"
        path.write_bytes(EXAMPLE_V2.read_bytes())
        original = path.read_bytes()
        data = json.loads(original)
        assert data["version"] == 2
        migrated = migrate_2_to_3(data)
        assert data == json.loads(original)  # a pure function
        assert checker(3).problems({**migrated, "version": 3}) == []
        assert all(i["waivers"] == [] for s in migrated["sections"] for i in s["items"])
        assert MIGRATIONS[2] is migrate_2_to_3
        briefing = load(path)
        assert path.read_bytes() == original  # opening never rewrites the file
        assert dumps(briefing) == dumps(loads(EXAMPLE_V3.read_bytes()))
        save(briefing, path)
        assert json.loads(path.read_text("utf-8"))["version"] == CURRENT_VERSION
        assert path.with_name("old.briefing.bak").read_bytes() == original

    def test_waivers_are_unknown_in_a_version_2_file(self) -> None:
        data = json.loads(EXAMPLE_V2.read_text("utf-8"))
        data["sections"][0]["items"][0]["waivers"] = []
        assert problems_of(data) == ["$.sections[0].items[0].waivers: unknown field"]

    @pytest.mark.parametrize(
        ("waiver", "expected"),
        [
            ({"check": "numbers", "code": "qa.x", "key": "0123456789abcdef", "by": "", "at": "2024-11-09T01:02:03Z"},
             ".waivers[0].reason: missing"),
            (_waiver_json(at="2024-11-31T01:02:03Z"), ".waivers[0].at: \"2024-11-31T01:02:03Z\" is not a real date"),
            (_waiver_json(at="yesterday"), ".waivers[0].at: \"yesterday\""),
            (_waiver_json(reason=7), ".waivers[0].reason: expected text, found 7"),
            (_waiver_json(key="XYZ"), ".waivers[0].key: \"XYZ\""),
            (_waiver_json(check=None), ".waivers[0].check: expected text, found null"),
            (_waiver_json(reason=""), ".waivers[0].reason: a waiver needs a reason"),
            (_waiver_json(reason="ok\x1b[2J\x1b]0;owned\x07"), ".waivers[0].reason: contains a control character (U+001B)"),
            (_waiver_json(by="\x9b31m"), ".waivers[0].by: contains a control character (U+009B)"),
            (_waiver_json(reason="x" * (10 * 2**20)), ".waivers[0].reason: is longer than 2000 characters"),
            (_waiver_json(extra=1), ".waivers[0].extra: unknown field"),
            ("a waiver", ".waivers[0]: expected an object"),
        ],
    )  # fmt: skip
    def test_a_damaged_waiver_is_a_clear_problem_with_its_path(self, waiver: Any, expected: str) -> None:
        data = example_data()
        data["sections"][1]["items"][2]["waivers"] = [waiver]
        found = problems_of(data)
        assert len(found) == 1, found
        assert found[0].startswith("$.sections[1].items[2]" + expected), found
        assert "\x1b" not in found[0] and "\x9b" not in found[0]  # the problem never carries the escape itself

    def test_the_same_waiver_twice_on_one_item_is_a_problem(self) -> None:
        data = example_data()
        data["sections"][0]["items"][0]["waivers"] = [_waiver_json(), _waiver_json(reason="again")]
        assert problems_of(data) == [
            "$.sections[0].items[0].waivers[1]: the same finding is waived twice on this item "
            "(also at $.sections[0].items[0].waivers[0])"
        ]

    def test_a_huge_file_of_waivers_is_refused_by_the_schema_not_by_memory(self, tmp_path: Path) -> None:
        data = example_data()
        data["sections"][0]["items"][0]["waivers"] = [
            _waiver_json(key=f"{n:016x}", reason="r" * 3000) for n in range(50)
        ]
        path = tmp_path / "huge.briefing"
        path.write_text(json.dumps(data), "utf-8")
        with pytest.raises(BriefingFormatError) as caught:
            load(path)
        assert len(caught.value.problems) == 50
        assert caught.value.problems[0].path == "$.sections[0].items[0].waivers[0].reason"

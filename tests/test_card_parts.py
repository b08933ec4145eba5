"""The meeting card's fields for the standard parts of each document: format version 4, rules, edits, and the
parts in the rendered documents (reopened with python-docx)."""

from __future__ import annotations

import copy
import io
import json
import time as clock
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import docx
import pytest

from briefing import edits, rules
from briefing.edits import EditRefused
from briefing.export.parts import document_parts, subtitle
from briefing.export.render import render
from briefing.export.templates import ItemStyle, Layout, find_template
from briefing.fileformat import (
    CURRENT_VERSION,
    MIGRATIONS,
    BriefingFormatError,
    _card_parts_v3_to_v4,
    dumps,
    from_json,
    loads,
)
from briefing.language.phrases import ap_date, meeting_when, moment
from briefing.language.phrases import clock as clock_text
from briefing.model import Attachment, Bilingual, Briefing, Contact, Language
from briefing.schema import checker
from briefing.storage import load, save
from tests.conftest import EXAMPLE, EXAMPLE_V3


def example() -> Briefing:
    return load(EXAMPLE)


# -- model and file format -----------------------------------------------------------------------


def test_the_example_has_every_new_field_and_round_trips_through_a_real_file(tmp_path: Path) -> None:
    briefing = example()
    card = briefing.meeting
    assert card.start_time == time(14, 0)
    assert card.release.embargo == datetime(2024, 11, 8, 6, 0) and card.release.zone.en == "KST"
    assert [c.phone for c in card.contacts] == ["02-748-0000", "02-748-0001"]
    assert card.report.dated == date(2024, 11, 8) and card.report.office.ko == "국방정책실 우주정책과"
    assert len(card.attachments) == 2
    path = tmp_path / "again.briefing"
    save(briefing, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == CURRENT_VERSION == 5
    assert data["meeting"]["start_time"] == "14:00"
    assert data["meeting"]["release"]["embargo"] == "2024-11-08T06:00"
    assert load(path) == briefing
    assert path.read_text("utf-8") == EXAMPLE.read_text("utf-8")


def test_a_version_3_file_migrates_with_nothing_guessed_and_the_input_untouched(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE_V3.read_text("utf-8"))
    before = copy.deepcopy(data)
    migrated = _card_parts_v3_to_v4(data)
    assert data == before
    assert checker(4).problems({**migrated, "version": 4}) == []
    assert migrated["meeting"]["start_time"] is None and migrated["meeting"]["contacts"] == []
    assert migrated["meeting"]["release"]["embargo"] is None
    assert MIGRATIONS[3](data) == migrated
    path = tmp_path / "old.briefing"
    path.write_bytes(EXAMPLE_V3.read_bytes())
    briefing = load(path)
    assert path.read_bytes() == EXAMPLE_V3.read_bytes()  # opening never rewrites
    assert briefing.meeting.release.embargo is None and briefing.meeting.report.dated is None
    save(briefing, path)
    assert json.loads(path.read_text("utf-8"))["version"] == CURRENT_VERSION


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (("start_time",), "2pm", "$.meeting.start_time"),
        (("start_time",), "25:00", '$.meeting.start_time: "25:00" is not a real time of day'),
        (("release", "embargo"), "2024-11-08T06:00:00Z", "$.meeting.release.embargo"),
        (("release", "embargo"), "2024-13-08T06:00", '$.meeting.release.embargo: "2024-13-08T06:00" is not a real'),
        (("report", "dated"), "2024-02-30", '$.meeting.report.dated: "2024-02-30" is not a real date'),
        (("contacts",), [{"id": "c"}], "$.meeting.contacts[0].office: missing"),
    ],
)
def test_damaged_new_fields_are_reported_at_their_path(where: tuple[str, ...], value: Any, expected: str) -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    owner = data["meeting"]
    for step in where[:-1]:
        owner = owner[step]
    owner[where[-1]] = value
    with pytest.raises(BriefingFormatError) as caught:
        from_json(data)
    assert expected in str(caught.value)


# -- rules ---------------------------------------------------------------------------------------


def test_control_characters_and_escape_sequences_in_the_new_fields_are_refused() -> None:
    briefing = example()
    card = briefing.meeting
    card.contacts[0].name.ko = "김\x1b[31m예시"
    card.attachments[0].title.en = "Statement\nsecond line"
    card.release.issuer.en = "MND\u2028"
    card.contacts[1].phone = "02-748-0001\x07"
    found = {(p.path, p.code) for p in rules.problems(briefing)}
    assert ("$.meeting.contacts[0].name.ko", "rules.control_character") in found
    assert ("$.meeting.attachments[0].title.en", "rules.control_character") in found
    assert ("$.meeting.release.issuer.en", "rules.control_character") in found
    assert ("$.meeting.contacts[1].phone", "rules.not_a_phone") in found
    with pytest.raises(BriefingFormatError):
        loads(json.dumps(json.loads(dumps_unchecked(briefing))))


def dumps_unchecked(briefing: Briefing) -> str:
    return dumps(briefing)  # `dumps` writes what it is given; `dumps_checked` and loading apply the rules


@pytest.mark.parametrize(
    ("phone", "ok"),
    [("02-748-0000", True), ("+82 2 748 0000", True), ("02-748-0000 내선 12", True), ("call me", False)],
)
def test_phone_numbers(phone: str, ok: bool) -> None:
    card = example().meeting
    card.contacts[0].phone = phone
    assert (rules.card_problems(card) == []) is ok


def test_an_email_must_look_like_one() -> None:
    card = example().meeting
    card.contacts[0].email = "press at example"
    assert [p.code for p in rules.card_problems(card)] == ["rules.not_an_email"]


def test_a_huge_contact_list_is_one_quick_coded_problem() -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    contact = data["meeting"]["contacts"][0]
    data["meeting"]["contacts"] = [contact | {"id": f"contact-{n}"} for n in range(3_000)]
    started = clock.process_time()
    with pytest.raises(BriefingFormatError) as caught:
        from_json(data)
    assert clock.process_time() - started < 5
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.meeting.contacts", "rules.too_many")]


def test_warnings_never_block_a_save_and_name_their_path() -> None:
    briefing = example()
    card = briefing.meeting
    assert rules.card_warnings(card) == []
    card.release.embargo = datetime(2024, 11, 6, 9, 0)
    card.report.dated = date(2024, 11, 1)
    card.release.zone = Bilingual()
    found = [(p.path, p.code) for p in rules.card_warnings(card)]
    assert found == [
        ("$.meeting.release.embargo", "rules.embargo_before_meeting"),
        ("$.meeting.release.zone", "rules.embargo_no_zone"),
        ("$.meeting.report.dated", "rules.report_before_meeting"),
    ]
    assert rules.problems(briefing) == []
    card.release.embargo = datetime(2024, 11, 7, 1, 0)  # the same day at another clock: no warning
    assert "rules.embargo_before_meeting" not in {p.code for p in rules.card_warnings(card)}


# -- edits ---------------------------------------------------------------------------------------


def test_every_new_field_is_an_undoable_edit() -> None:
    briefing = example()
    before = dumps(briefing)
    steps: list[edits.Edit] = [
        edits.set_field(("meeting", "start_time"), time(9, 30)),
        edits.set_embargo(None),
        edits.set_field(("meeting", "release", "zone", "ko"), "서울 시각"),
        edits.set_field(("meeting", "report", "dated"), date(2024, 11, 9)),
        edits.set_field(("meeting", "report", "author", "en"), "Maj. Example"),
        edits.set_field(("meeting", "contacts", "contact-press", "phone"), "02-748-0002"),
        edits.set_field(("meeting", "attachments", "attachment-statement", "title", "ko"), "공동보도문"),
        edits.add_contact(Contact(id="contact-new", phone="02-748-0003")),
        edits.remove_contact("contact-space-policy"),
        edits.add_attachment(Attachment(id="attachment-new", title=Bilingual("새 붙임", "New"))),
        edits.remove_attachment("attachment-delegations"),
    ]
    done = []
    for step in steps:
        changes = step.apply(briefing)
        assert changes.card
        done.append(step)
    card = briefing.meeting
    assert card.start_time == time(9, 30) and card.release.embargo is None
    assert [c.id for c in card.contacts] == ["contact-press", "contact-new"]
    assert [a.id for a in card.attachments] == ["attachment-statement", "attachment-new"]
    for step in reversed(done):
        step.revert(briefing)
    assert dumps(briefing) == before


@pytest.mark.parametrize(
    ("edit_path", "value"),
    [
        (("meeting", "start_time"), "14:00"),  # text, not a time
        (("meeting", "report", "dated"), datetime(2024, 11, 8, 9, 0)),  # a moment, not a date
        (("meeting", "release", "embargo"), datetime(2024, 11, 8, 6, 0, 30)),  # seconds: not as printed
        (("meeting", "contacts", "contact-press", "email"), "not-an-address"),
        (("meeting", "contacts", "contact-press", "name", "ko"), "\x1b]0;title\x07"),
    ],
)
def test_bad_values_are_refused_and_leave_the_card_alone(edit_path: tuple[str, ...], value: object) -> None:
    briefing = example()
    before = dumps(briefing)
    with pytest.raises(EditRefused):
        edits.set_field(edit_path, value).apply(briefing)
    assert dumps(briefing) == before


def test_the_contact_list_stops_at_its_limit() -> None:
    briefing = example()
    for n in range(rules.CONTACTS_MAX - len(briefing.meeting.contacts)):
        edits.add_contact(Contact(id=f"contact-{n}")).apply(briefing)
    with pytest.raises(EditRefused):
        edits.add_contact(Contact(id="contact-one-too-many")).apply(briefing)
    assert len(briefing.meeting.contacts) == rules.CONTACTS_MAX


# -- phrases and parts ---------------------------------------------------------------------------


def test_weekdays_are_derived_and_times_written_as_each_language_does() -> None:
    assert moment(date(2024, 11, 7), time(14, 0), Language.KO) == "2024. 11. 7.(목) 14:00"
    assert moment(date(2025, 2, 18), None, Language.KO) == "2025. 2. 18.(화)"
    assert [clock_text(time(h, m), Language.EN) for h, m in ((6, 0), (14, 30), (12, 0), (0, 0))] == [
        "6 a.m.",
        "2:30 p.m.",
        "noon",
        "midnight",
    ]
    assert [ap_date(date(2024, m, 7)) for m in (3, 9, 11)] == ["March 7, 2024", "Sept. 7, 2024", "Nov. 7, 2024"]
    briefing = example()
    briefing.meeting.end_date = date(2024, 11, 8)
    assert meeting_when(briefing, Language.KO) == "2024년 11월 7일(목)~8일(금) 14:00(현지시각)"


def test_subtitle_that_repeats_the_headline_is_dropped() -> None:
    headline = "Korea-U.S. Space Cooperation Working Group (SCWG) Holds 23rd Meeting"
    assert subtitle(headline, "23rd Korea-U.S. Space Cooperation Working Group (SCWG)") is None
    assert (
        subtitle("제23차 한미 국방우주정책 실무협의회(SCWG) 개최", "제23차 한미 국방우주정책 실무협의회(SCWG)") is None
    )
    assert subtitle("Allies agree on space exercise", "23rd SCWG") == "23rd SCWG"


def test_release_lines_at_once_and_embargoed() -> None:
    briefing = example()
    korean = document_parts(briefing, ItemStyle.PRESS, Language.KO)
    english = document_parts(briefing, ItemStyle.PRESS, Language.EN)
    assert korean.release == "보도 시점: 2024. 11. 8.(금) 06:00(한국시간) 이후 보도"
    assert english.release == "EMBARGOED UNTIL 6 A.M. KST, NOV. 8, 2024"
    assert english.dateline == "WASHINGTON, Nov. 7, 2024 \u2014 "
    briefing.meeting.release.embargo = None
    assert document_parts(briefing, ItemStyle.PRESS, Language.KO).release == "보도 시점: 배포 즉시 보도 가능"
    assert document_parts(briefing, ItemStyle.PRESS, Language.EN).release == "FOR IMMEDIATE RELEASE"


# -- the rendered documents ----------------------------------------------------------------------


def _texts(data: bytes) -> list[str]:
    """Every paragraph and table cell of the body, in document order."""
    document = docx.Document(io.BytesIO(data))
    texts: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            texts.append("".join(_text(t) for t in block.iter()))
        elif block.tag.endswith("}tbl"):
            for cell in block.iter():
                if cell.tag.endswith("}tc"):
                    texts.append("".join(_text(t) for t in cell.iter()))
    return texts


def _text(element: Any) -> str:
    """A run's text element as it reads, a tab as a tab (the hanging label's gap)."""
    if element.tag.endswith("}t"):
        return str(element.text or "")
    return "\t" if element.tag.endswith("}tab") and element.getparent().tag.endswith("}r") else ""


def _in_order(texts: list[str], wanted: list[str]) -> list[int]:
    """The index of each wanted text (the first block starting with it after the previous one)."""
    found, start = [], 0
    for text in wanted:
        index = next(n for n in range(start, len(texts)) if texts[n].startswith(text))
        found.append(index)
        start = index + 1
    return found


def test_korean_press_release_parts_in_order() -> None:
    texts = _texts(render(example(), find_template("press-release"), Layout.KO))
    _in_order(
        texts,
        [
            "국방부 보도자료",
            "보도 시점: 2024. 11. 8.(금) 06:00(한국시간) 이후 보도",
            "담당 부서",
            "대변인실 언론담당",
            "제23차 한미 국방우주정책 실무협의회(SCWG) 개최",
            "일시",
            "개요",
            "끝.",
            "붙임",
        ],
    )
    assert texts.count("제23차 한미 국방우주정책 실무협의회(SCWG)") == 0  # no subtitle repeating the headline
    assert "참석" not in texts  # a release leaves the other participants to its prose


def test_english_press_release_parts_in_order() -> None:
    briefing = example()
    texts = _texts(render(briefing, find_template("press-release"), Layout.EN))
    indexes = _in_order(
        texts,
        [
            "EMBARGOED UNTIL 6 A.M. KST, NOV. 8, 2024",
            briefing.title.en,
            "WASHINGTON, Nov. 7, 2024 \u2014 The Korean Ministry of National Defense",
            "Attachments:",
            "Media contact:",
            "Lee Bo-do, Press Office",
            "###",
        ],
    )
    assert indexes[-1] == len(texts) - 1  # "###" ends the release
    headline = texts.index(briefing.title.en)
    assert texts[headline + 1] != "23rd Korea-U.S. Space Cooperation Working Group (SCWG)"  # no repeating subtitle
    assert sum(t.startswith("WASHINGTON,") for t in texts) == 1


def test_korean_report_parts_participants_and_the_end_mark() -> None:
    texts = _texts(render(example(), find_template("meeting-report"), Layout.KO))
    indexes = _in_order(
        texts,
        [
            "제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고",
            "2024. 11. 8.(금)",
            "국방정책실 우주정책과 중령 김예시",
            "일시",
            "참석",
            "한국 대표단: 국방부 우주정책과장 최예시(공군 대령)",
            "□\t개요",
            "○\t2025: 미 조기경보위성",
            "끝.",
            "붙임",
        ],
    )
    assert texts[indexes[-2] - 1].startswith("○\t2025")  # "끝." right after the last item
    assert texts[indexes[-1] + 1].startswith("\t2. 양측 대표단 명단")


@pytest.mark.parametrize("key", ["briefing-pack", "meeting-report"])
@pytest.mark.parametrize("layout", [Layout.KO, Layout.EN, Layout.BILINGUAL])
def test_participants_reach_reports_and_packs(key: str, layout: Layout) -> None:
    text = "\n".join(_texts(render(example(), find_template(key), layout)))
    if layout is not Layout.EN:
        assert "최예시" in text and "존 샘플" in text
    if layout is not Layout.KO:
        assert "Choi Ye-si" in text and "John Sample" in text


def test_a_card_without_the_new_fields_renders_without_empty_parts() -> None:
    briefing = loads(EXAMPLE_V3.read_bytes())
    korean = _texts(render(briefing, find_template("press-release"), Layout.KO))
    english = _texts(render(briefing, find_template("press-release"), Layout.EN))
    assert korean[0] == "보도자료" and korean[1] == "보도 시점: 배포 즉시 보도 가능"
    assert "담당 부서" not in korean and "붙임" not in "".join(korean)
    assert english[0] == "FOR IMMEDIATE RELEASE" and "Media contact:" not in english and english[-1] == "###"


def test_bilingual_documents_carry_both_release_lines_report_lines_and_attachments() -> None:
    press = _texts(render(example(), find_template("press-release"), Layout.BILINGUAL))
    _in_order(
        press,
        [
            "국방부 보도자료",
            "보도 시점: 2024. 11. 8.(금) 06:00(한국시간) 이후 보도EMBARGOED UNTIL 6 A.M. KST, NOV. 8, 2024",
            "담당 부서 / Office",
            "제23차 한미 국방우주정책 실무협의회(SCWG) 개최",
            "Korea-U.S. Space Cooperation Working Group (SCWG) Holds 23rd Meeting",
            "연번 / No.",
            "붙임 / Attachments",
        ],
    )
    report = _texts(render(example(), find_template("meeting-report"), Layout.BILINGUAL))
    _in_order(
        report,
        [
            "제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고",
            "23rd Korea-U.S. Space Cooperation Working Group (SCWG): Meeting Report",
            "2024. 11. 8.(금) / November 8, 2024",
            "연번 / No.",
            "붙임 / Attachments",
        ],
    )
    assert "끝." not in report and "###" not in report


def test_comparing_versions_reports_changed_document_parts() -> None:
    from briefing.compare.versions import compare

    old, new = example(), example()
    new.meeting.release.embargo = None
    new.meeting.contacts[1].phone = "02-748-0009"
    new.meeting.attachments[0].title.ko = "공동보도문"
    changed = {change.where for change in compare(old, new).card}
    assert {"embargo", "contact Lee Bo-do: phone"} <= changed
    assert any(where.startswith("attachment ") for where in changed)

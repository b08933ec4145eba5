"""The checks across items and against the card: meeting facts, consistency (within the briefing and against a
real translation memory file) and Korean style."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.memory.model import Unit
from briefing.memory.stack import Memories
from briefing.model import Bilingual, Briefing, Delegation, Item, Language, MeetingCard, Person, Section, Series
from briefing.qa import Finding, Span, run

CARD = MeetingCard(
    series=Series("SCWG", Bilingual("한미 국방우주정책 실무협의회", "Korea-U.S. Space Cooperation Working Group")),
    session=23,
    start_date=date(2024, 11, 7),
    end_date=date(2024, 11, 8),
    place=Bilingual("미국 워싱턴 D.C.", "Washington, D.C."),
    delegations=[Delegation(members=[Person(name=Bilingual("박희정", "Park Hee-jeong"))])],
)


def _briefing(*pairs: tuple[str, str]) -> Briefing:
    items = []
    for index, (ko, en) in enumerate(pairs):
        item = Item(source=Language.KO, id=f"i{index}")
        item.set_text(Language.KO, ko)
        item.set_text(Language.EN, en)
        items.append(item)
    return Briefing(meeting=CARD, sections=[Section(items=items)])


def _found(briefing: Briefing, check: str, **kwargs: object) -> list[Finding]:
    return run(briefing, checks=[check], **kwargs)  # type: ignore[arg-type]


def test_meeting_facts_against_the_card() -> None:
    ko = "제23차 SCWG는 2024년 11월 9일 워싱턴 D.C.에서 열렸다."
    [wrong_day] = _found(_briefing((ko, "The 23rd SCWG met in Washington, D.C., on November 8, 2024.")), "meeting")
    assert (wrong_day.code, wrong_day.params) == (
        "qa.meeting_date",
        {"found": "2024년 11월 9일", "expected": "2024-11-07 to 2024-11-08"},
    )
    assert wrong_day.spans == (Span(Language.KO, 11, 23),)
    session = _found(_briefing(("제24차 SCWG는 11월 7일 열렸다.", "The 24th SCWG met on November 7.")), "meeting")
    assert [f.code for f in session] == ["qa.meeting_session", "qa.meeting_session"]
    # another session on another day: a sentence about another meeting, not a mistake
    assert (
        _found(
            _briefing(("제24차 SCWG는 2025년 5월 5일 열린다.", "The 24th SCWG will meet on May 5, 2025.")), "meeting"
        )
        == []
    )
    # a date in a sentence that does not name the series is not the meeting's
    assert _found(_briefing(("훈련은 11월 20일 시작된다.", "The drill starts on November 20.")), "meeting") == []
    [name] = _found(_briefing(("박희정 준장이 참석했다.", "Brig. Gen. Park Hee-jung attended.")), "meeting")
    assert (name.params, name.spans) == ({"found": "박희정", "other": "Park Hee-jeong"}, (Span(Language.KO, 0, 3),))
    [place] = _found(_briefing(("회의는 서울에서 열렸다.", "The meeting was held in Washington.")), "meeting")
    assert place.params == {"found": "Washington", "other": "워싱턴"}
    assert _found(_briefing(("박희정 준장은 워싱턴에 있다.", "Park Hee-jeong is in Washington, D.C.")), "meeting") == []


def test_consistency_within_the_briefing() -> None:
    same = "양측은 정보공유 체계를 더욱 발전시켜 나가기로 했다."
    briefing = _briefing(
        (same, "The two sides agreed to further develop their information-sharing system."),
        (same + " ", "The two sides agreed to further develop their information-sharing system"),  # same, spaced
        (same, "The sides decided to advance information sharing."),
        (
            "양측은 정보공유 체계를 발전시키기로 했다.",
            "The two sides agreed to further develop their information-sharing system.",
        ),
        ("한국", "Korea"),
        ("대한민국", "Korea"),  # too short to say anything
    )
    found = _found(briefing, "consistency")
    assert [(f.code, f.item_id, f.params) for f in found] == [
        ("qa.consistency_source", "i2", {"other": "1.1", "other_id": "i0"}),
        ("qa.consistency_target", "i3", {"other": "1.1", "other_id": "i0"}),
    ]


def test_consistency_against_a_real_memory_file(tmp_path: Path) -> None:
    source = "양측은 정보공유 체계를 더욱 발전시켜 나가기로 했다."
    with Memories.load(personal=tmp_path / "memory.sqlite") as memories:
        memories.personal.learn([Unit(Language.KO, source, "The two sides agreed to expand intelligence sharing.")])
    with Memories.load(personal=tmp_path / "memory.sqlite") as memories:
        differs = _briefing((source, "The two sides agreed to further develop their information-sharing system."))
        [finding] = _found(differs, "consistency", memory=memories)
        assert finding.params == {"memory": "The two sides agreed to expand intelligence sharing."}
        agrees = _briefing((source, "The two sides agreed to expand intelligence sharing."))
        assert _found(agrees, "consistency", memory=memories) == []


def test_korean_style_endings_and_the_official_date_form() -> None:
    plain = [("양측은 회의를 개최했다.", "x"), ("양측은 협력을 논의했다.", "x"), ("국방부는 이같이 밝혔다.", "x")]
    formal = ("국방부는 이같이 밝혔습니다.", "x")
    nominal = ("후속 협의를 지속하기로 합의함.", "x")
    heading = ("TTX 정식 참여", "x")
    found = _found(_briefing(*plain, formal, nominal, heading), "style")
    assert [(f.item_id, f.params["found"], f.params["style"]) for f in found] == [
        ("i3", "밝혔습니다", "합니다체"),
        ("i4", "합의함", "함체"),
    ]
    assert found[0].english() == 'the sentence ending "밝혔습니다" is 합니다체; most of the document is 했다체'
    assert _found(_briefing(plain[0], formal), "style") == []  # two sentences: too few to know the style
    [date_form] = _found(_briefing(("회의는 2024.11.7.(목) 열렸다. 2024. 11. 8. 귀국했다.", "x")), "style")
    assert (date_form.params, date_form.spans) == (
        {"found": "2024.11.7.", "official": "2024. 11. 7."},
        (Span(Language.KO, 4, 14),),
    )

"""Sentence segmentation on press-release English and Korean."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.language.segmentation import sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The meeting was held in Washington, D.C., on November 7, 2024 (local time). Senior officials attended.",
            [
                "The meeting was held in Washington, D.C., on November 7, 2024 (local time).",
                "Senior officials attended.",
            ],
        ),
        ("The U.S. Space Force will help. Korea agreed.", ["The U.S. Space Force will help.", "Korea agreed."]),
        ("They met the U.S. The talks went well.", ["They met the U.S.", "The talks went well."]),
        (
            "Gen. Park met Lt. Gen. Smith on Jan. 15 in room No. 3. It went well.",
            ["Gen. Park met Lt. Gen. Smith on Jan. 15 in room No. 3.", "It went well."],
        ),
        ("The budget grew 3.5 percent. Costs fell.", ["The budget grew 3.5 percent.", "Costs fell."]),
        ('He said, "We agree." Then they left.', ['He said, "We agree."', "Then they left."]),
        ("(This is in parentheses.) Next one.", ["(This is in parentheses.)", "Next one."]),
        ("Is it? Yes! Done… Next.", ["Is it?", "Yes!", "Done…", "Next."]),
        ("It starts at 9 a.m. The end.", ["It starts at 9 a.m.", "The end."]),
        ("Ask approx. five people.", ["Ask approx. five people."]),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
        ("ROK-U.S. combined exercise. Next.", ["ROK-U.S. combined exercise.", "Next."]),
        (
            "양측은 합의했다. 좋아요. 확인함. 완료임. 어떻습니까? 좋습니다!",
            ["양측은 합의했다.", "좋아요.", "확인함.", "완료임.", "어떻습니까?", "좋습니다!"],
        ),
        (
            "회의는 2024. 11. 7.(목) 개최되었다. 양측은 합의했다.",
            ["회의는 2024. 11. 7.(목) 개최되었다.", "양측은 합의했다."],
        ),
        ("보고 일자: 2024. 11. 7. 회의는 잘 끝났다.", ["보고 일자: 2024. 11. 7. 회의는 잘 끝났다."]),
        ("미국 워싱턴 D.C.에서 개최했다. 또한 논의했다.", ["미국 워싱턴 D.C.에서 개최했다.", "또한 논의했다."]),
        (
            "양측은 ▵우주정책, ▵연습·훈련, ▵인력교류 등을 논의했다. 또한 합의했다.",
            ["양측은 ▵우주정책, ▵연습·훈련, ▵인력교류 등을 논의했다.", "또한 합의했다."],
        ),
        ("첫 연습은 상반기에 실시한다.다음 문장.", ["첫 연습은 상반기에 실시한다.다음 문장."]),
        ("", []),
        ("No full stop at the end", ["No full stop at the end"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_example_release_sentences() -> None:
    from briefing.storage import load
    from tests.conftest import EXAMPLE

    briefing = load(EXAMPLE)
    counts = [len(sentences(item.text.en)) for item in briefing.items()]
    assert counts[:2] == [1, 2]  # "…(local time)." is one sentence; co-chairs + participants are two
    note = next(i for i in briefing.items() if i.id == "item-ttx-note")
    assert sentences(note.text.ko) == [
        "한국은 JCO 셀 운영 업무절차를 숙달한 후 2025년 1월 TTX에 정식 참여할 예정이다.",
        "첫 연습은 2025년 상반기에 실시할 예정이며, 매년 실시하는 것을 목표로 한다.",
    ]


@given(st.text())
def test_pieces_always_rebuild_the_text(text: str) -> None:
    assert "".join(piece.text for piece in split_sentences(text)) == text

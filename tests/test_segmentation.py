"""Sentence segmentation on press-release English and Korean."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.language.segmentation import Piece, sentences, split_sentences


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


# -- what mutation testing found untested (issue 17 point 13) ------------------------------------------------------


def pieces_of(text: str) -> list[tuple[str, bool]]:
    return [(piece.text, piece.is_sentence) for piece in split_sentences(text)]


def test_leading_spacing_and_gaps_are_their_own_pieces() -> None:
    assert pieces_of(" \t\u3000First one.  Second one.\tThird") == [
        (" \t\u3000", False),
        ("First one.", True),
        ("  ", False),
        ("Second one.", True),
        ("\t", False),
        ("Third", True),
    ]


def test_a_line_break_is_not_spacing_between_sentences() -> None:
    # Only spaces, tabs and the ideographic space separate sentences; a line break stays with the text it opens.
    assert pieces_of("First. \nSecond.") == [("First.", True), (" ", False), ("\nSecond.", True)]


def test_a_word_after_the_gap_is_never_part_of_the_gap() -> None:
    assert pieces_of("It rained. Xi spoke.") == [("It rained.", True), (" ", False), ("Xi spoke.", True)]


def test_a_mark_without_a_space_after_it_does_not_stop_the_search() -> None:
    assert sentences("Growth was 3.5 percent. Prices rose.") == ["Growth was 3.5 percent.", "Prices rose."]
    assert sentences("Talks ended.Then more. Prices rose.") == ["Talks ended.Then more.", "Prices rose."]
    assert sentences("The U.S.-ROK talks ended. They resume in May.") == [
        "The U.S.-ROK talks ended.",
        "They resume in May.",
    ]


def test_an_often_final_abbreviation_before_hangul_ends_the_sentence() -> None:
    assert sentences("We discussed trade, energy, etc. 한편 양국은 협력했다.") == [
        "We discussed trade, energy, etc.",
        "한편 양국은 협력했다.",
    ]
    assert sentences("Trade, energy, etc. were discussed.") == ["Trade, energy, etc. were discussed."]


def test_a_lower_case_initialism_is_an_initialism() -> None:
    assert sentences("Talks in the u.k. Kim said so.") == ["Talks in the u.k. Kim said so."]
    assert sentences("Talks in the U.K. Kim said so.") == ["Talks in the U.K. Kim said so."]
    assert sentences("Talks in the U.K. The rest followed.") == ["Talks in the U.K.", "The rest followed."]


def test_an_initialism_longer_than_the_window_is_read_whole() -> None:
    # The 64 characters before the mark start inside the word: the whole word decides (an initialism, so "Kim"
    # does not open a sentence), not the window's tail (".B.C…", which is no initialism).
    initialism = ".".join("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN")
    assert len(initialism) > 64
    assert sentences(f"{initialism}. Kim said so.") == [f"{initialism}. Kim said so."]
    assert sentences(f"See {initialism}. Kim said so.") == [f"See {initialism}. Kim said so."]


def test_only_the_first_character_after_the_mark_decides_lower_case() -> None:
    assert sentences("Talks ended. 2nd round follows.") == ["Talks ended.", "2nd round follows."]
    assert sentences("Talks ended. (see annex) Next.") == ["Talks ended.", "(see annex) Next."]
    assert sentences("The budget, approx. five percent, rose.") == ["The budget, approx. five percent, rose."]


# Texts built from the cases that decide a split: ". X" and ".X" boundaries, abbreviations (before Latin and Hangul
# words), initialisms, decimals and dates, leading and trailing spacing.
_words = st.sampled_from(
    ["The", "talks", "Kim", "X", "x", "2nd", "(see", "한편", "양국은", "U.S", "u.k", "etc", "Gen", "approx", "3", "5"]
)
_marks = st.sampled_from([".", ". ", ".  ", ".\t", ".\u3000", "! ", "? ", "。", ".\n", " ", " ", "-", ""])


@given(st.lists(st.tuples(_words, _marks), max_size=12), st.sampled_from(["", " ", "\t", "\u3000 "]))
def test_pieces_of_boundary_texts(parts: list[tuple[str, str]], lead: str) -> None:
    text = lead + "".join(word + mark for word, mark in parts)
    found = split_sentences(text)
    assert "".join(piece.text for piece in found) == text
    for piece in found:
        assert piece.text  # never an empty piece
        if piece.is_sentence:
            assert piece.text[0] not in " \t\u3000"  # spacing before a sentence is a piece of its own
        else:
            assert piece.text.strip(" \t\u3000") == ""
    for first, second in itertools.pairwise(found):
        assert first.is_sentence != second.is_sentence  # sentences and gaps alternate
    if lead:
        assert found[0] == Piece(lead, False)

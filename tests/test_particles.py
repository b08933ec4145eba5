"""Korean particles: the form that suits the word before, and cutting particles off a word."""

from __future__ import annotations

import pytest

from briefing.language.particles import PARTICLES, choose, final_sound, split_particle


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("합참", "는", "은"),
        ("국방부", "은", "는"),
        ("합참", "가", "이"),
        ("국방부", "이", "가"),
        ("우주군", "를", "을"),
        ("국방부", "을", "를"),
        ("우주군", "와", "과"),
        ("국방부", "과", "와"),
        ("국방부", "과의", "와의"),
        ("서울", "으로", "로"),  # ㄹ takes 로
        ("합참", "로", "으로"),
        ("국방부", "으로부터", "로부터"),
        ("SCM", "를", "을"),  # 엠
        ("SCWG", "을", "를"),  # 지
        ("NCG", "이", "가"),
        ("KIDD", "은", "는"),
        ("TTX", "를", "를"),  # 엑스
        ("23", "를", "을"),  # 삼
        ("2", "을", "를"),  # 이
        ("국방부(MND)", "은", "는"),  # read as 디
        ("국방부", "에서", "에서"),
        ("국방부", "의", "의"),
    ],
)
def test_choose_suits_the_final_sound(word: str, particle: str, expected: str) -> None:
    assert choose(word, particle) == expected


def test_final_sound() -> None:
    assert [final_sound(w) for w in ("부", "참", "울", "", "...", "L", "7")] == [
        "vowel",
        "consonant",
        "rieul",
        "vowel",
        "vowel",
        "rieul",
        "rieul",
    ]


def test_longest_particle_is_cut_first() -> None:
    assert split_particle("국방부와의") == ("국방부", "와의")
    assert split_particle("국방부로부터") == ("국방부", "로부터")
    assert split_particle("합참") == ("합참", "")
    assert split_particle("의") == ("의", "")  # a particle alone is no word with a particle
    assert PARTICLES.index("으로부터") < PARTICLES.index("으로") < PARTICLES.index("로")

"""The word diff: English by word, Korean by eojeol and inside a changed eojeol by character; exact always, and
quick on huge or hostile texts."""

from __future__ import annotations

import itertools
import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.compare.diff import MAX_TOKENS, Change, Piece, diff, new_text, old_text
from briefing.memory import diff as memory_diff
from briefing.model import Language

KO, EN = Language.KO, Language.EN


def changes(pieces: list[Piece]) -> list[tuple[str, str]]:
    return [(piece.change.value, piece.text) for piece in pieces if piece.change is not Change.SAME]


def exact(old: str, new: str, language: Language) -> list[Piece]:
    pieces = diff(old, new, language)
    assert (old_text(pieces), new_text(pieces)) == (old, new)
    assert all(piece.text for piece in pieces)
    assert all(a.change is not b.change for a, b in itertools.pairwise(pieces))
    return pieces


# -- Korean -------------------------------------------------------------------------------------------------


def test_a_changed_number_is_the_digit_that_changed() -> None:
    pieces = exact("제22차 한미 우주협력 회의", "제23차 한미 우주협력 회의", KO)
    assert pieces == [
        Piece(Change.SAME, "제2"),
        Piece(Change.DELETED, "2"),
        Piece(Change.INSERTED, "3"),
        Piece(Change.SAME, "차 한미 우주협력 회의"),
    ]


def test_a_changed_particle_is_the_particle() -> None:
    assert changes(exact("양측은 회의를 개최했다", "양측은 회의에서 개최했다", KO)) == [
        ("deleted", "를"),
        ("inserted", "에서"),
    ]
    assert changes(exact("양측은 협력을 강화했다", "양측이 협력을 강화했다", KO)) == [
        ("deleted", "은"),
        ("inserted", "이"),
    ]


def test_a_wholly_different_word_is_one_replacement_not_a_salad() -> None:
    # 협력을 → 지원을 keeps only the particle (1 of 3 characters): the eojeol is replaced whole
    assert changes(exact("양측은 협력을 강화했다", "양측은 지원을 강화했다", KO)) == [
        ("deleted", "협력을"),
        ("inserted", "지원을"),
    ]
    assert changes(exact("서울에서 열렸다", "워싱턴에서 열렸다", KO)) == [
        ("deleted", "서울에서"),
        ("inserted", "워싱턴에서"),
    ]


def test_eojeol_are_aligned_before_characters() -> None:
    # a word dropped and another added elsewhere: whole eojeol, the shared ones untouched
    assert changes(exact("양측은 우주 협력을 강화했다", "양측은 협력을 크게 강화했다", KO)) == [
        ("deleted", "우주 "),
        ("inserted", " 크게"),
    ]
    # in a replaced stretch, the similar eojeol are paired and refined, the others replaced
    assert changes(exact("2024년 11월 7일 서울", "2024년 12월 8일 부산", KO)) == [
        ("deleted", "1"),
        ("inserted", "2"),
        ("deleted", "7"),
        ("inserted", "8"),
        ("deleted", "서울"),
        ("inserted", "부산"),
    ]


def test_dates_spaces_and_punctuation_in_korean() -> None:
    assert changes(exact("회의를 개최했다.", "회의를 개최했다", KO)) == [("deleted", ".")]
    assert changes(exact("가  나", "가 나", KO)) == [("deleted", " ")]
    assert changes(exact("국방부는\n회의를", "국방부는 회의를", KO)) == [("deleted", "\n"), ("inserted", " ")]


# -- English ------------------------------------------------------------------------------------------------


def test_english_by_word_with_spaces_and_marks_apart() -> None:
    pieces = exact("The 22nd meeting was held in Seoul.", "The 23rd meeting was held in Busan.", EN)
    assert changes(pieces) == [("deleted", "22nd"), ("inserted", "23rd"), ("deleted", "Seoul"), ("inserted", "Busan")]
    assert changes(exact("held, in the city", "held in the big city", EN)) == [
        ("deleted", ","),
        ("inserted", " big"),
    ]
    assert changes(exact("co-chaired", "jointly chaired", EN)) == [("deleted", "co-"), ("inserted", "jointly ")]


def test_equal_and_empty() -> None:
    assert diff("같다", "같다", KO) == [Piece(Change.SAME, "같다")]
    assert diff("", "new words", EN) == [Piece(Change.INSERTED, "new words")]
    assert diff("옛 글", "", KO) == [Piece(Change.DELETED, "옛 글")]
    assert diff("", "", KO) == []


def test_hostile_text_is_just_text() -> None:
    old, new = "<b>\x1b[2J**굵게** \u202eevil", "<i>\x1b[2J**굵게** \u202egood"
    exact(old, new, KO)
    exact(old, new, EN)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="가나다 a.b\n제2차", max_size=60),
    st.text(alphabet="가나다 a.b\n제3차", max_size=60),
    st.sampled_from([KO, EN]),
)
def test_any_two_texts_give_both_back(old: str, new: str, language: Language) -> None:
    exact(old, new, language)


# -- huge and adversarial ----------------------------------------------------------------------------------


def korean_text(words: int, seed: int) -> str:
    rng = random.Random(seed)
    vocabulary = [f"{a}{b}{c}" for a in "국방우주정책협력회의" for b in "부가나다라" for c in ["는", "를", "에서", ""]]
    sentences = []
    for _ in range(words // 10):
        sentences.append(" ".join(rng.choice(vocabulary) for _ in range(10)) + "했다.")
    return " ".join(sentences)


def test_a_200k_character_text_with_changes_spread_through_it_is_quick_and_exact() -> None:
    old = korean_text(60_000, 1)
    assert len(old) > 200_000
    words = old.split(" ")
    for index in range(0, len(words), 997):
        words[index] = "바뀐말"
    new = " ".join(words)
    for language in (KO, EN):
        started = time.process_time()
        pieces = exact(old, new, language)
        assert time.process_time() - started < 10.0  # a guard against a hang (quadratic: minutes); speed is in bench/
        assert sum(piece.change is Change.INSERTED for piece in pieces) > 40  # still a word diff, not one block


def test_texts_of_few_distinct_words_never_hang() -> None:
    """'a b a b …' makes difflib cubic: such stretches are cut at anchors or shown as replaced."""
    rng = random.Random(7)
    cases = [
        (" ".join(rng.choice("ab") for _ in range(2000)), " ".join(rng.choice("ab") for _ in range(2000))),
        ("가 나 " * 50_000, "나 가 " * 50_000),
        ("가나다라" * 50_000, "가나다마" * 50_000),  # one 200,000-character eojeol
    ]
    for old, new in cases:
        for language in (KO, EN):
            started = time.process_time()
            exact(old, new, language)
            assert time.process_time() - started < 10.0  # cubic would be hours; speed is measured in bench/


def test_the_memory_keeps_its_diff() -> None:
    assert memory_diff.diff is diff and memory_diff.MAX_TOKENS == MAX_TOKENS
    assert changes(memory_diff.diff("제22차 회의", "제23차 회의", KO)) == [("deleted", "2"), ("inserted", "3")]

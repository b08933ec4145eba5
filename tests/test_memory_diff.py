"""The diff a memory match is shown with: Korean by character, English by word."""

from __future__ import annotations

import time

from briefing.memory.diff import MAX_TOKENS, Change, Piece, diff, tokens
from briefing.model import Language


def sides(pieces: list[Piece]) -> tuple[str, str]:
    old = "".join(p.text for p in pieces if p.change is not Change.INSERTED)
    new = "".join(p.text for p in pieces if p.change is not Change.DELETED)
    return old, new


def test_korean_is_compared_by_character() -> None:
    old, new = "제22차 한미 우주협력 회의", "제23차 한미 우주협력 회의"
    pieces = diff(old, new, Language.KO)
    assert pieces == [
        Piece(Change.SAME, "제2"),
        Piece(Change.DELETED, "2"),
        Piece(Change.INSERTED, "3"),
        Piece(Change.SAME, "차 한미 우주협력 회의"),
    ]
    assert sides(pieces) == (old, new)


def test_a_changed_korean_particle_is_one_character() -> None:
    pieces = diff("양측은 협력을 강화했다", "양측이 협력을 강화했다", Language.KO)
    changed = [p for p in pieces if p.change is not Change.SAME]
    assert changed == [Piece(Change.DELETED, "은"), Piece(Change.INSERTED, "이")]


def test_english_is_compared_by_word() -> None:
    old = "The 22nd meeting was held in Seoul."
    new = "The 23rd meeting was held in Busan."
    pieces = diff(old, new, Language.EN)
    assert [p for p in pieces if p.change is Change.DELETED] == [
        Piece(Change.DELETED, "22nd"),
        Piece(Change.DELETED, "Seoul"),
    ]
    assert [p for p in pieces if p.change is Change.INSERTED] == [
        Piece(Change.INSERTED, "23rd"),
        Piece(Change.INSERTED, "Busan"),
    ]
    assert sides(pieces) == (old, new)
    assert tokens("held, in", Language.EN) == ["held", ",", " ", "in"]


def test_equal_and_empty_texts() -> None:
    assert diff("같다", "같다", Language.KO) == [Piece(Change.SAME, "같다")]
    assert diff("", "new words", Language.EN) == [Piece(Change.INSERTED, "new words")]
    assert diff("old", "", Language.EN) == [Piece(Change.DELETED, "old")]
    assert diff("", "", Language.KO) == []


def test_markup_and_escapes_are_kept_as_text() -> None:
    old, new = "<b>\x1b[2J**굵게**", "<i>\x1b[2J**굵게**"
    assert sides(diff(old, new, Language.KO)) == (old, new)


def test_a_huge_text_is_not_compared_piece_by_piece() -> None:
    old = "가나다라" * (MAX_TOKENS // 2)
    new = "가나다마" * (MAX_TOKENS // 2)
    started = time.process_time()
    pieces = diff(old, new, Language.KO)
    assert time.process_time() - started < 0.5
    assert pieces == [Piece(Change.DELETED, old), Piece(Change.INSERTED, new)]

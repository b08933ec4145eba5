"""Find in both languages, from the current item on, wrapping round."""

from __future__ import annotations

from briefing.search import find_next
from briefing.storage import load
from tests.conftest import EXAMPLE


def test_finds_in_either_language_after_the_current_item_and_wraps() -> None:
    briefing = load(EXAMPLE)
    ids = [item.id for item in briefing.items()]
    hits = [item.id for item in briefing.items() if "scwg" in (item.text.ko + item.text.en).casefold()]
    assert len(hits) >= 2
    assert find_next(briefing, "  SCWG ") == hits[0]
    assert find_next(briefing, "scwg", after=hits[0]) == hits[1]
    assert find_next(briefing, "scwg", after=hits[-1]) == hits[0]  # round to the start
    korean = next(item for item in briefing.items() if "국방부" in item.text.ko)
    assert (
        find_next(briefing, "국방부", after=ids[ids.index(korean.id) - 1] if ids.index(korean.id) else None)
        == korean.id
    )


def test_nothing_found_or_nothing_asked() -> None:
    briefing = load(EXAMPLE)
    assert find_next(briefing, "no such words anywhere") is None
    assert find_next(briefing, "   ") is None

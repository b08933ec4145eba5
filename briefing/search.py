"""Finding items by their text, in both languages at once (the window's Find, and later the review filters)."""

from __future__ import annotations

from briefing.model import Briefing


def find_next(briefing: Briefing, text: str, after: str | None = None) -> str | None:
    """The id of the first item after `after` (wrapping round) whose Korean or English contains `text`,
    ignoring case; None when no item does or `text` is blank."""
    needle = text.strip().casefold()
    if not needle:
        return None
    items = briefing.items()
    start = next((n + 1 for n, item in enumerate(items) if item.id == after), 0)
    for item in items[start:] + items[:start]:
        if needle in item.text.ko.casefold() or needle in item.text.en.casefold():
            return item.id
    return None

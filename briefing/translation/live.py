"""Live translation: a suggestion for the item being typed, made in the background after a pause.

The translation memory answers first (a match at or above the fill threshold), then the engine with the
termbase's terms enforced; the sentence cache means that only the sentences changed since the last suggestion
go to the model. A suggestion goes only where no person's text would be lost — an empty or machine-translated
target — and is stored only when accepted, and only if the source is still the one it was made from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing import edits
from briefing.model import Item, Language, TargetOrigin, TargetStatus
from briefing.translation import jobs, terminology
from briefing.translation.cache import SentenceCache
from briefing.translation.engine import Engine

SUGGESTED_OVER = frozenset({TargetStatus.EMPTY, TargetStatus.MACHINE})

# The memory's lookup: (source text, its language) → the filled translation, or None.
MemoryLookup = Callable[[str, Language], str | None]


@dataclass(frozen=True)
class Suggestion:
    item_id: str
    target: Language
    source_text: str  # the source it was made from: accepting it checks the item still has this one
    text: str
    origin: TargetOrigin  # MEMORY or MACHINE
    from_model: int = 0  # sentences the model translated for it (the rest came from the cache)

    def translation(self) -> edits.Translation:
        return edits.Translation(self.item_id, self.target, self.text, self.origin, self.source_text)


def wants_suggestion(item: Item) -> bool:
    """Whether a suggestion may be shown for this item: a source to translate, and no person's translation."""
    return bool(item.source_text.strip()) and item.status in SUGGESTED_OVER


def suggest(
    engine: Engine,
    item_id: str,
    source_text: str,
    source: Language,
    *,
    cache: SentenceCache | None = None,
    memory: MemoryLookup | None = None,
    find_terms: terminology.FindTerms | None = None,
) -> Suggestion | None:
    """The suggestion for one item's source (on the thread that owns the engine); None for an empty source."""
    target = source.other
    if not source_text.strip():
        return None
    if memory is not None:
        filled = memory(source_text, source)
        if filled is not None:
            return Suggestion(item_id, target, source_text, filled, TargetOrigin.MEMORY)
    request = jobs.Request(source, target, (jobs.Task(item_id, source_text),), find_terms)
    result = jobs.run(engine, request, cache=cache)
    text = result.translations.get(item_id)
    if text is None:
        return None
    return Suggestion(item_id, target, source_text, text, TargetOrigin.MACHINE, result.from_model)


def accept(item: Item, suggestion: Suggestion) -> edits.ApplyTranslations | None:
    """The edit that stores an accepted suggestion, or None when it no longer fits the item (its source
    changed, or a person translated it meanwhile)."""
    if item.id != suggestion.item_id or item.target is not suggestion.target or not wants_suggestion(item):
        return None
    if item.source_text != suggestion.source_text:
        return None
    return edits.ApplyTranslations([suggestion.translation()], label="edit.translations", overwrite=())

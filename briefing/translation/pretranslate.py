"""Pre-translation: fill items from the translation memory before (or instead of) the engine.

An item is filled when its whole text has a match at or above `min_match` (an ITEM unit, or a one-sentence
unit without markup), or else when every one of its sentences (as `markup.extract` gives them to the model)
has one; markup is put back by `Extracted.assemble` exactly as for machine output. Everything else goes to the
engine as a `jobs.Request` planned with the same scope rules as `jobs.plan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing import edits
from briefing.memory.learning import apply_numbers, renumber
from briefing.memory.stack import Memories
from briefing.model import Briefing, Language, TargetOrigin
from briefing.translation import jobs
from briefing.translation.markup import Extracted, extract

DEFAULT_MIN_MATCH = 100


@dataclass(frozen=True)
class Pretranslation:
    translations: list[edits.Translation]  # memory-filled, origin MEMORY
    request: jobs.Request  # the items left for the engine
    scores: dict[str, int] = field(default_factory=dict)  # item id → the lowest match score it was filled from

    @property
    def filled(self) -> int:
        return len(self.translations)


def pretranslate(
    briefing: Briefing,
    target: Language,
    memories: Memories,
    min_match: int = DEFAULT_MIN_MATCH,
    scope: jobs.Scope = jobs.Scope.MISSING,
    *,
    item_ids: list[str] | None = None,
    retranslate: bool = False,
) -> Pretranslation:
    """Split the planned job into what the memory fills and what the engine must translate."""
    planned = jobs.plan(briefing, target, scope, item_ids=item_ids, retranslate=retranslate)
    if not memories.searched():
        return Pretranslation([], planned)  # no memory to fill from: everything goes to the engine
    filled: list[edits.Translation] = []
    scores: dict[str, int] = {}
    rest: list[jobs.Task] = []
    split: dict[str, Extracted] = {}  # what `fill` split, handed to the job so that it does not split it again
    for task in planned.tasks:
        found = fill(task.source_text, planned.source, memories, min_match, split)
        if found is None:
            rest.append(task)
            continue
        text, score = found
        filled.append(edits.Translation(task.item_id, target, text, TargetOrigin.MEMORY, task.source_text))
        scores[task.item_id] = score
    request = jobs.Request(planned.source, planned.target, tuple(rest), extracted=split)
    return Pretranslation(filled, request, scores)


def fill(
    text: str, source: Language, memories: Memories, min_match: int, split: dict[str, Extracted] | None = None
) -> tuple[str, int] | None:
    """The translation of `text` from the memory with the lowest score used, or None. Texts it splits into
    sentences are kept in `split` when given."""
    whole = memories.lookup(text, source, minimum=min_match, limit=1)
    if whole and "⟦" not in whole[0].target:
        return whole[0].target, whole[0].score
    extracted = split.get(text) if split is not None else None
    if extracted is None:
        extracted = extract(text)
        if split is not None:
            split[text] = extracted
    if not extracted.segments:
        return None
    sentences, lowest = [], 100
    for segment in extracted.segments:
        query, numbers = renumber(segment)
        matches = memories.lookup(query, source, minimum=min_match, limit=1)
        if not matches:
            return None
        back = apply_numbers(matches[0].target, {new: old for old, new in numbers.items()})
        if back is None:
            return None
        sentences.append(back)
        lowest = min(lowest, matches[0].score)
    assembled, warnings = extracted.assemble(sentences)
    return None if warnings else (assembled, lowest)

"""What a briefing teaches the memory: its approved items, whole and sentence by sentence.

Only items a person approved (status APPROVED, still current) are learned; machine output nobody approved never
is. Each gives an ITEM unit (the whole source text → the whole target, markup and all) and, when both sides
split into the same number of sentences (`markup.extract`, as the translation model sees them), a SENTENCE unit
per pair. Markup placeholders are renumbered from 1 within each sentence, so a sentence in bold matches again
wherever it stands in a line.

`briefing_key` names the briefing in the memory: the CLI and the window pass the briefing file's absolute path
(a briefing has no id of its own). Re-approving an item of the same file replaces what that item taught
before; a copy saved under a new name (next year's release) is a different briefing and adds to the memory.
"""

from __future__ import annotations

import re

from briefing.memory.model import Unit, UnitKind
from briefing.model import Briefing, Item, TargetStatus
from briefing.translation.markup import extract

_PLACEHOLDER = re.compile(r"⟦(/?)(\d+)⟧")


def units_from(briefing: Briefing, briefing_key: str) -> list[Unit]:
    """The units the approved items of `briefing` teach, in document order."""
    units: list[Unit] = []
    for item in briefing.items():
        units += item_units(item, briefing_key)
    return units


def item_units(item: Item, briefing_key: str) -> list[Unit]:
    if item.status is not TargetStatus.APPROVED or not item.is_current():
        return []
    source, target = item.source_text, item.target_text
    if not source.strip() or not target.strip():
        return []
    made = {
        "source_language": item.source,
        "briefing": briefing_key,
        "item_id": item.id,
        "approved_by": item.approved_by or "",
        "approved_at": item.approved_at,
    }
    units = [Unit(source=source, target=target, kind=UnitKind.ITEM, **made)]  # type: ignore[arg-type]
    sources, targets = extract(source).segments, extract(target).segments
    if len(sources) != len(targets):
        return units
    for sentence, translation in zip(sources, targets, strict=True):
        pair = sentence_pair(sentence, translation)
        if pair is None or pair == (source, target):
            continue
        units.append(Unit(source=pair[0], target=pair[1], kind=UnitKind.SENTENCE, **made))  # type: ignore[arg-type]
    return list(dict.fromkeys(units))


def renumber(sentence: str) -> tuple[str, dict[int, int]]:
    """The sentence with its placeholders numbered 1, 2, … in reading order, and the map old → new number."""
    order: dict[int, int] = {}
    for match in _PLACEHOLDER.finditer(sentence):
        order.setdefault(int(match.group(2)), len(order) + 1)
    return _PLACEHOLDER.sub(lambda m: f"⟦{m.group(1)}{order[int(m.group(2))]}⟧", sentence), order


def apply_numbers(text: str, numbers: dict[int, int]) -> str | None:
    """Placeholders renumbered by `numbers` (old → new); None if the text holds one the map does not know."""
    if any(int(m.group(2)) not in numbers for m in _PLACEHOLDER.finditer(text)):
        return None
    return _PLACEHOLDER.sub(lambda m: f"⟦{m.group(1)}{numbers[int(m.group(2))]}⟧", text)


def sentence_pair(sentence: str, translation: str) -> tuple[str, str] | None:
    """A source sentence and its translation with placeholders numbered from the source's reading order; None
    when the translation holds placeholders the source does not."""
    source, numbers = renumber(sentence)
    target = apply_numbers(translation, numbers)
    return None if target is None else (source, target)

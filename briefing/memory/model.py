"""What a translation memory holds (units) and what a lookup returns (matches)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from briefing.model import Language


class UnitKind(StrEnum):
    SENTENCE = "sentence"  # one sentence as the translation model sees it (markup as ⟦n⟧ placeholders)
    ITEM = "item"  # an item's whole text, markup and all


@dataclass(frozen=True)
class Unit:
    """A source text and its approved translation; `target` is in `source_language.other`."""

    source_language: Language
    source: str
    target: str
    kind: UnitKind = UnitKind.SENTENCE
    briefing: str = ""  # where it was learned ("" for imported units): see learning.units_from
    item_id: str = ""
    approved_by: str = ""
    approved_at: datetime | None = None
    memory: str = ""  # name of the memory it came from (set when read)


@dataclass(frozen=True)
class Match:
    unit: Unit
    score: int  # 0–100; 100 = exact (ignoring whitespace and full/half-width punctuation differences)
    target: str  # the unit's target with placeables (numbers, dates) replaced by the query's values
    placeables_replaced: bool = False

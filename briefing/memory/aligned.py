"""What a bilingual import teaches the memory: the pairs the drafter accepted in the preview.

The usual way in is approval: an aligned item enters the draft as `edited`, and once a reviewer approves it the
approval→memory learning (`learning.units_from`) takes it like any other item. `feed_memory` is the shortcut for
pairs the drafter accepted while looking at the import's preview (confidence at or above a minimum, or paired by
hand): each gives the same units an approval would (the whole item, and its sentences when both sides split
alike), marked as coming from an import — `briefing` is `import:` and the two source names, `approved_by` who
accepted them — so that they can be told from approved work, found and exported (TMX `x-briefing`) as such.
Feeding the same import again replaces what it taught before (its units share the import's key and no item id).
"""

from __future__ import annotations

import copy
import dataclasses

from briefing.importers.align import PairImport
from briefing.memory.learning import item_units
from briefing.memory.model import Unit
from briefing.memory.store import TranslationMemory
from briefing.model import LANGUAGES

IMPORT_PREFIX = "import:"  # how a unit's `briefing` says it came from an import, not from an approved briefing


def import_key(pair_import: PairImport) -> str:
    """The provenance recorded with the units: "import:" and the two documents it was aligned from."""
    sources = [pair_import.reports[lang].source for lang in LANGUAGES if lang in pair_import.reports]
    return IMPORT_PREFIX + " + ".join(sources)


def import_units(pair_import: PairImport, min_confidence: float, accepted_by: str = "") -> list[Unit]:
    """The units the accepted pairs of an import teach, in document order."""
    key = import_key(pair_import)
    accepted = {p.item_id for p in pair_import.accepted(min_confidence)}
    units: list[Unit] = []
    for item in pair_import.briefing.items():
        if item.id not in accepted or not item.source_text.strip() or not item.target_text.strip():
            continue
        reviewed = copy.deepcopy(item)  # the draft's item stays `edited`: accepting a pair is not approving it
        reviewed.approve(by=accepted_by or "import")
        # Without the draft's item id (new at every import): feeding the same import again replaces its units.
        units += [dataclasses.replace(unit, item_id="") for unit in item_units(reviewed, key)]
    return units


def feed_memory(
    pair_import: PairImport, store: TranslationMemory, min_confidence: float = 0.8, accepted_by: str = ""
) -> int:
    """Store the accepted pairs of `pair_import` in `store` in one transaction; returns how many units were added."""
    units = import_units(pair_import, min_confidence, accepted_by)
    return store.learn(units) if units else 0

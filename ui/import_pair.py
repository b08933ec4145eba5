"""Two files — a Korean and an English version of one document — as one draft: the window's side of the bilingual
import (`briefing.importers.align.import_pair`).

The preview shows one report: the source document's, with the other document's unplaced lines, set-apart text
and skipped parts added (each named by its file), and the places where the two versions disagree as notes. The
pairs' confidences and the texts either side left unpaired are shown beside it; nothing is dropped.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefing.importers.align import PairImport, import_pair
from ui.import_dialog import Draft, pair_figures


def import_two(first: Path, second: Path) -> Draft:
    """Both files into one draft (in the background: it reads and aligns two documents)."""
    return draft_from_pair(import_pair(first, second), first, second)


def draft_from_pair(result: PairImport, first: Path, second: Path) -> Draft:
    source = result.source
    main, other = result.reports[source], result.reports[source.other]
    report = dataclasses.replace(
        main,
        source=f"{first.name} + {second.name}",
        unplaced=[*main.unplaced, *other.unplaced],
        set_apart=[*main.set_apart, *other.set_apart],
        skipped=[*main.skipped, *(f"{other.source}: {skipped}" for skipped in other.skipped)],
        notes=[*main.notes, *result.notes],
    )
    pairs, unpaired = pair_figures(result)
    return Draft(result.briefing, report, pairs, unpaired, aligned=result)

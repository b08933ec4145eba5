"""Two files — a Korean and an English version of one document — as one draft: the window's side of the bilingual
import.

The core's `briefing.importers.align.import_pair(path_a, path_b) -> PairImport` is being built alongside this
window slice. Until it is on the branch, `available()` is False and File → Import… says that two files cannot be
imported together yet; once it lands, nothing here needs switching on. `import_two` is the one place that knows
the shape of a `PairImport`: the briefing with both texts per item (`briefing`), the pairs with a confidence each
(`pairs`, each with `confidence`), what either side left unpaired (`unpaired_*` lists, of items or texts) and a
report (`report`, an ImportReport) when it gives one. What it does not give is left out of the preview, not
guessed.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from briefing.importers import ImportReport
from briefing.model import Item
from ui.import_dialog import Draft

ALIGN_MODULE = "briefing.importers.align"


def _import_pair() -> Callable[[Path, Path], Any] | None:
    """The core's pair import, or None while it is not there."""
    try:
        module = importlib.import_module(ALIGN_MODULE)
    except ImportError:
        return None
    found = getattr(module, "import_pair", None)
    return found if callable(found) else None


def available() -> bool:
    return _import_pair() is not None


def import_two(first: Path, second: Path) -> Draft:
    """Both files into one draft (in the background: it reads and aligns two documents)."""
    import_pair = _import_pair()
    if import_pair is None:
        raise RuntimeError("the bilingual import is not available")
    return draft_from_pair(import_pair(first, second), first, second)


def draft_from_pair(result: Any, first: Path, second: Path) -> Draft:
    report = getattr(result, "report", None)
    if not isinstance(report, ImportReport):
        report = ImportReport(source=f"{first.name} + {second.name}", format="bilingual")
    pairs = [float(getattr(pair, "confidence", 0.0)) for pair in getattr(result, "pairs", ()) or ()]
    unpaired: list[str] = []
    names = [f.name for f in dataclasses.fields(result)] if dataclasses.is_dataclass(result) else list(vars(result))
    for name in names:
        if name.startswith("unpaired"):
            unpaired += _texts(getattr(result, name) or ())
    return Draft(result.briefing, report, pairs, unpaired)


def _texts(entries: Iterable[Any]) -> list[str]:
    out = []
    for entry in entries:
        if isinstance(entry, Item):
            out.append(entry.source_text or entry.target_text)
        elif isinstance(entry, str):
            out.append(entry)
        else:
            out.append(str(getattr(entry, "text", entry)))
    return out

"""All QA checks over a 2,000-item briefing (the example's items repeated as distinct texts, every tenth with a
planted change),
with the shipped termbase: the total (goal ≤ 1 s) and the time of each check.

    .venv/bin/python bench/qa_bench.py
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import best  # noqa: E402
from briefing.model import Briefing, Language, Section, fingerprint  # noqa: E402
from briefing.qa import CHECKS, run  # noqa: E402
from briefing.storage import load  # noqa: E402
from briefing.terms.stack import FixedTermbase, Terminology, load_shipped  # noqa: E402

ITEMS = 2_000


def briefing() -> Briefing:
    example = load(ROOT / "examples" / "scwg-23.briefing")
    originals = example.items()
    section = Section()
    for number in range(ITEMS):
        item = copy.deepcopy(originals[number % len(originals)])
        item.id = f"item-{number}"
        # trailing spaces make every text unique, so that no cache of a text helps
        item.text.ko += " " * (number // len(originals))
        item.text.en += " " * (number // len(originals))
        item.basis = fingerprint(item.source_text)  # still approved against its source
        if number % 10 == 0:
            item.text.set(Language.KO, item.text.ko + f" 총 {number}명이 참석했다.")
        section.items.append(item)
    return Briefing(title=example.title, meeting=example.meeting, sections=[section])


def main() -> None:
    document = briefing()
    terminology = Terminology([FixedTermbase("shipped", load_shipped())])
    terminology.set_briefing(document)
    terminology.hits("warm", Language.EN)  # build the term index outside the timing
    findings = run(document, terminology=terminology)
    total = best(lambda: run(document, terminology=terminology), 3)
    print(f"{ITEMS} items, {len(findings)} findings: all checks {total * 1000:.0f} ms (goal ≤ 1000 ms)")
    for name in CHECKS.names():
        seconds = best(lambda name=name: run(document, terminology=terminology, checks=[name]), 3)  # type: ignore[misc]
        print(f"  {name:13} {seconds * 1000:6.0f} ms")


if __name__ == "__main__":
    main()

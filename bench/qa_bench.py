"""All QA checks over a 2,000-item briefing (the example's items repeated as distinct texts, every tenth with a
planted change), with the shipped termbase: the total (goal ≤ 1 s), the time of each check, what the window pays
to recheck one item as it is typed in, and the named baseline: comparing digit strings, as memoQ and Trados check
numbers (which reports "제23차 … 2024. 11. 7." against "23rd … November 7, 2024" as different).

    .venv/bin/python bench/qa_bench.py
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import best  # noqa: E402
from briefing.model import Briefing, Language, Section, fingerprint  # noqa: E402
from briefing.qa import CHECKS, Scope, run  # noqa: E402
from briefing.storage import load  # noqa: E402
from briefing.terms.stack import FixedTermbase, Terminology, load_shipped  # noqa: E402

ITEMS = 2_000
_DIGITS = re.compile(r"\d+")


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
        print(f"  {name:16} {seconds * 1000:6.0f} ms")
    one = {document.items()[1000].id}
    again = best(lambda: run(document, terminology=terminology, scope=Scope.ITEM, items=one), 5)
    print(f"recheck one item as it is typed in (item checks): {again * 1000:.2f} ms")
    numbers = best(lambda: run(document, checks=["numbers"]), 3)
    digits = best(lambda: digit_strings(document), 3)
    differing = digit_strings(document)
    print(
        f"baseline, digit strings compared: {digits * 1000:.0f} ms, {differing} items reported; "
        f"numbers by value: {numbers * 1000:.0f} ms = {numbers / digits:.1f}× the baseline, "
        f"{sum(1 for f in findings if f.check == 'numbers')} findings"
    )


def digit_strings(document: Briefing) -> int:
    """The items whose Korean and English hold different multisets of digit strings."""
    return sum(
        sorted(_DIGITS.findall(item.text.ko)) != sorted(_DIGITS.findall(item.text.en)) for item in document.items()
    )


if __name__ == "__main__":
    main()

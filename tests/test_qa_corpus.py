"""The QA checks on a written corpus of Korean/English pairs from ministry releases and meeting reports
(tests/data/qa_corpus.tsv): clean pairs, and pairs with one planted mistake each, named by the check that
should catch it. Aim: ≥ 95 % of planted mistakes caught by their check, ≤ 3 % of clean pairs with any finding."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from briefing.model import (
    Bilingual,
    Briefing,
    Delegation,
    Item,
    Language,
    MeetingCard,
    Person,
    Section,
    Series,
    TargetOrigin,
)
from briefing.qa import Finding, Severity, run
from briefing.storage import load
from briefing.terms.stack import FixedTermbase, Terminology, load_shipped
from tests.conftest import EXAMPLE

CORPUS = Path(__file__).parent / "data" / "qa_corpus.tsv"


def corpus(path: Path = CORPUS) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["expect"], r["ko"].replace("\\n", "\n"), r["en"].replace("\\n", "\n")) for r in rows]


def _briefing(pairs: list[tuple[str, str, str]]) -> Briefing:
    section = Section()
    for index, (_, ko, en) in enumerate(pairs):
        item = Item(source=Language.KO, id=f"pair-{index}")
        item.set_text(Language.KO, ko)
        item.set_text(Language.EN, en, TargetOrigin.HUMAN)
        section.items.append(item)
    return Briefing(meeting=CARD, sections=[section])


# The meeting the corpus's "meeting" rows are about (the example briefing's card, in short).
CARD = MeetingCard(
    series=Series("SCWG", Bilingual("한미 국방우주정책 실무협의회", "Korea-U.S. Space Cooperation Working Group")),
    session=23,
    start_date=date(2024, 11, 7),
    place=Bilingual("미국 워싱턴 D.C.", "Washington, D.C."),
    delegations=[Delegation(members=[Person(name=Bilingual("박희정", "Park Hee-jeong"))])],
)


@pytest.fixture(scope="module")
def terminology() -> Terminology:
    return Terminology([FixedTermbase("shipped", load_shipped())])


def rates(
    terminology: Terminology, path: Path = CORPUS
) -> tuple[dict[str, tuple[int, int]], int, int, list[str], Counter[str]]:
    """Per check (caught, planted); clean pairs with any finding; clean pairs; what went wrong; and per check
    the clean pairs it flagged."""
    pairs = corpus(path)
    found: dict[str, list[Finding]] = {}
    for finding in run(_briefing(pairs), terminology=terminology):
        if finding.severity is not Severity.INFO:
            found.setdefault(finding.item_id or "", []).append(finding)
    caught: dict[str, tuple[int, int]] = {}
    false_alarms, clean, details = 0, 0, []
    flagged_by: Counter[str] = Counter()
    for index, (expect, ko, en) in enumerate(pairs):
        findings = found.get(f"pair-{index}", [])
        if expect == "clean":
            clean += 1
            false_alarms += bool(findings)
            flagged_by.update({f.check for f in findings})
            details += [f"false alarm: {ko} | {en} | {f.english()}" for f in findings]
        else:
            hit = any(f.check == expect for f in findings)
            done, total = caught.get(expect, (0, 0))
            caught[expect] = (done + hit, total + 1)
            if not hit:
                details.append(f"missed {expect}: {ko} | {en}")
    return caught, false_alarms, clean, details, flagged_by


def test_the_corpus_is_large_and_covers_every_text_check() -> None:
    counts = Counter(expect for expect, _, _ in corpus())
    assert sum(counts.values()) >= 120
    assert counts["clean"] >= 60
    assert {
        "numbers",
        "acronyms",
        "completeness",
        "markup",
        "terminology",
        "meeting",
        "consistency",
        "style",
        "term_consistency",
    } <= set(counts)


def test_planted_mistakes_are_caught_and_clean_pairs_left_alone(terminology: Terminology) -> None:
    caught, false_alarms, clean, details, flagged_by = rates(terminology)
    print()
    for check, (done, total) in sorted(caught.items()):
        print(f"{check:16} caught {done}/{total} = {done / total:.0%}; clean pairs flagged {flagged_by[check]}/{clean}")
    print(f"clean pairs with a finding: {false_alarms}/{clean} = {false_alarms / clean:.1%}")
    print("\n".join(details))
    assert all(done / total >= 0.95 for done, total in caught.values()), details
    assert false_alarms / clean <= 0.03, details


def test_the_example_briefing_has_no_error(terminology: Terminology) -> None:
    briefing = load(EXAMPLE)
    terminology.set_briefing(briefing)
    findings = run(briefing, terminology=terminology)
    assert [f.english() for f in findings if f.severity is Severity.ERROR] == []
    assert {f.check for f in findings} <= {"acronyms", "status", "terminology"}  # none of meeting, style, …

"""Korean term matching: the rules in briefing/terms/matching.py against kiwipiepy's morphological analysis.

Runs both on tests/data/term_cases.tsv (sentence, term, acronym, expected hit, particle) and prints, for each,
the accuracy (the hit's span and particle exactly as expected, or no hit where none is expected), the median time
per sentence, and kiwipiepy's installed size. Also times the rules on a 50-word item against 10,000 entries.

    .venv/bin/python bench/terms_bench.py        (kiwipiepy is in the `bench` extra)
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.model import Language  # noqa: E402
from briefing.terms.matching import TermIndex  # noqa: E402
from briefing.terms.model import Entry, Term  # noqa: E402

CASES = ROOT / "tests" / "data" / "term_cases.tsv"
Case = tuple[str, str, str, str, str]
Span = tuple[int, int, str] | None


def cases() -> list[Case]:
    lines = [line for line in CASES.read_text("utf-8").splitlines() if not line.startswith("#")]
    return [(r[0], r[1], r[2], r[3], r[4]) for r in csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)]


def expected(case: Case) -> Span:
    sentence, _, _, text, particle = case
    if text == "-":
        return None
    start = sentence.index(text)
    return (start, start + len(text), particle)


def by_rules(case: Case) -> Span:
    sentence, term, acronym, _, _ = case
    hits = TermIndex([Entry("x", [Term(term, Language.KO, acronym=acronym)])]).find(sentence, Language.KO)
    return (hits[0].start, hits[0].end, hits[0].particle) if hits else None


class ByKiwi:
    """Tokenise sentence and term with kiwipiepy; a hit is the term's morphemes in a row (spaces ignored), with the
    particles (J* tags) right after it; "(ACRONYM)" after the name belongs to the hit as in the rules."""

    def __init__(self) -> None:
        from kiwipiepy import Kiwi

        started = time.perf_counter()
        self.kiwi: Any = Kiwi()
        self.load_seconds = time.perf_counter() - started

    def forms(self, text: str) -> list[str]:
        return [token.form for token in self.kiwi.tokenize(text)]

    def __call__(self, case: Case) -> Span:
        sentence, term, acronym, _, _ = case
        tokens = self.kiwi.tokenize(sentence)
        forms = [t.form for t in tokens]
        for wanted in (self.forms(term), *([self.forms(acronym)] if acronym else [])):
            for i in range(len(forms) - len(wanted) + 1):
                if forms[i : i + len(wanted)] == wanted:
                    last = tokens[i + len(wanted) - 1]
                    end = last.start + last.len
                    rest = sentence[end:]
                    if acronym and wanted != self.forms(acronym):
                        for opening in (f"({acronym})", f" ({acronym})"):
                            if rest.startswith(opening):
                                end += len(opening)
                    j = i + len(wanted)
                    while j < len(tokens) and tokens[j].start < end:
                        j += 1
                    particle = ""
                    while j < len(tokens) and tokens[j].tag.startswith("J") and tokens[j].start == end + len(particle):
                        particle += sentence[tokens[j].start : tokens[j].start + tokens[j].len]
                        j += 1
                    return (tokens[i].start, end, particle)
        return None


def installed_megabytes(*distributions: str) -> float:
    total = 0
    for name in distributions:
        for file in metadata.distribution(name).files or []:
            path = Path(str(file.locate()))
            if path.is_file():
                total += path.stat().st_size
    return total / 1e6


def measure(name: str, match: Any, all_cases: list[Case]) -> None:
    right, times, wrong = 0, [], []
    for case in all_cases:
        started = time.perf_counter()
        got = match(case)
        times.append(time.perf_counter() - started)
        if got == expected(case):
            right += 1
        else:
            wrong.append(f"    {case[0]!r} / {case[1]}: expected {expected(case)}, got {got}")
    median = statistics.median(times) * 1000
    print(
        f"{name:10} accuracy {right}/{len(all_cases)} ({right / len(all_cases):.0%}), median {median:.3f} ms/sentence"
    )
    for line in wrong:
        print(line)


def big_index_timing() -> None:
    entries = [
        Entry(f"e{n}", [Term(f"용어{n}위원회", Language.KO), Term(f"Committee {n} Working Group", Language.EN)])
        for n in range(10_000)
    ]
    entries.append(Entry("scwg", [Term("한미 국방우주정책 실무협의회", Language.KO, acronym="SCWG")]))
    started = time.perf_counter()
    index = TermIndex(entries)
    build = time.perf_counter() - started
    item = (
        "제23차 한미 국방우주정책 실무협의회(SCWG)가 국방부에서 열렸으며 양측은 우주정책 연습 인력교류를 논의했다. " * 4
    )
    english = "The Korea-U.S. Space Cooperation Working Group (SCWG) met at the Ministry of National Defense. " * 4
    for text, language in ((item, Language.KO), (english, Language.EN)):
        runs = []
        for _ in range(50):
            started = time.perf_counter()
            index.find(text, language)
            runs.append(time.perf_counter() - started)
        words = len(text.split())
        print(f"10,000 entries, {words}-word {language.value} item: median {statistics.median(runs) * 1000:.2f} ms")
    print(f"10,000 entries: index built in {build * 1000:.0f} ms")


def main() -> None:
    all_cases = cases()
    print(f"{len(all_cases)} Korean cases from {CASES.relative_to(ROOT)}")
    measure("rules", by_rules, all_cases)
    try:
        kiwi = ByKiwi()
    except ImportError:
        print("kiwipiepy is not installed (pip install -e .[bench])")
    else:
        print(f"kiwipiepy  model loaded in {kiwi.load_seconds:.2f} s")
        measure("kiwipiepy", kiwi, all_cases)
        print(f"kiwipiepy + model installed: {installed_megabytes('kiwipiepy', 'kiwipiepy_model'):.0f} MB")
    big_index_timing()


if __name__ == "__main__":
    main()

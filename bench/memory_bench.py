"""How fast the translation memory imports and looks up, against brute-force rapidfuzz in the same run.

    python bench/memory_bench.py [--segments 100000] [--queries 30]

Generates a TMX of press-release sentence pairs (templates with varied names, numbers and dates, about 30
English words each), half with a Korean source and half with an English one, imports it into a fresh memory
(target ≤ 10 s), reports the file size and the opening time, then times fuzzy lookups in each direction of
sentences like a drafter's next one (a stored source with one or two words changed, or a number changed)
against two baselines, `rapidfuzz.process.extract` with the same scorer over every segment of the memory
(all sources, as the issue words it) and over the sources in the query's language only (the stricter one)
(target: ours ≥ 20× faster, and our median ≤ 50 ms). Recall: how often the indexed lookup's best match scores as
high as the brute force's best.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from briefing.memory import matching
from briefing.memory.exchange import import_tmx
from briefing.memory.store import TranslationMemory
from briefing.model import Language

PLACES = ["서울", "부산", "워싱턴", "도쿄", "브뤼셀", "제네바", "하와이", "평택", "인천", "제주"]
PLACES_EN = ["Seoul", "Busan", "Washington", "Tokyo", "Brussels", "Geneva", "Hawaii", "Pyeongtaek", "Incheon", "Jeju"]
TOPICS = [
    "우주",
    "사이버",
    "해양 안보",
    "방산 협력",
    "인공지능",
    "국방 과학기술",
    "군수 지원",
    "연합 훈련",
    "비확산",
    "공급망",
]
TOPICS_EN = [
    "space",
    "cyber",
    "maritime security",
    "defense industry",
    "artificial intelligence",
    "defense science and technology",
    "logistics support",
    "combined exercises",
    "non-proliferation",
    "supply chain",
]
VERBS = ["강화하기로", "확대하기로", "심화하기로", "발전시키기로", "점검하기로"]
VERBS_EN = ["strengthen", "expand", "deepen", "develop", "review"]
PEOPLE = ["김민수", "이서연", "박지훈", "최유진", "정하늘", "John Smith", "Mary Johnson", "David Lee", "Anna Park"]
TEMPLATES = [
    (
        "양측은 {d} {p}에서 열린 제{n}차 {t} 협의회에서 {t2} 분야 협력을 {v} 합의하고, 향후 {k}개 과제를 공동으로 추진하기로 하였다.",  # noqa: E501
        "At the {nth} {T} Council held in {P} on {D}, the two sides agreed to {V} cooperation in {T2} "
        "and to jointly pursue {k} future projects over the coming year with their partners.",
    ),
    (
        "{m} 대표는 {d} {p}에서 {t} 분야의 최근 동향을 설명하고, {k}명의 전문가가 참여하는 실무단을 구성하여 {t2} 협력을 {v} 밝혔다.",  # noqa: E501
        "On {D} in {P}, Representative {m} briefed on recent trends in {T} and announced that a working group "
        "of {k} experts would be formed to {V} cooperation on {T2} between both ministries.",
    ),
    (
        "국방부는 {d} 제{n}차 {t} 대화가 {p}에서 개최되었으며, 양국 대표단은 {t2} 관련 정보 공유를 {v} 하고 {k}건의 합의문에 서명하였다고 발표하였다.",  # noqa: E501
        "The Ministry of National Defense announced that the {nth} {T} Dialogue was held in {P} on {D}, and "
        "that the two delegations agreed to {V} information sharing on {T2} and signed {k} arrangements.",
    ),
]


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def sentence(rng: random.Random) -> tuple[str, str]:
    ko, en = rng.choice(TEMPLATES)
    place, topic, topic2, verb = (rng.randrange(10), rng.randrange(10), rng.randrange(10), rng.randrange(5))
    year, month, day = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    n, k, person = rng.randint(1, 60), rng.randint(2, 1999), rng.choice(PEOPLE)
    months = "January February March April May June July August September October November December".split()
    values = {"p": PLACES[place], "t": TOPICS[topic], "t2": TOPICS[topic2], "v": VERBS[verb], "n": n}
    values |= {"k": f"{k:,}", "m": person, "d": f"{year}년 {month}월 {day}일"}
    english = {"P": PLACES_EN[place], "T": TOPICS_EN[topic], "T2": TOPICS_EN[topic2], "V": VERBS_EN[verb]}
    english |= {"nth": ordinal(n), "k": f"{k:,}", "m": person, "D": f"{months[month - 1]} {day}, {year}"}
    return ko.format(**values), en.format(**english)


def changed(text: str, language: Language, rng: random.Random) -> str:
    """A stored source as a drafter might write the next one: one or two words changed, or a number changed."""
    tokens = text.split()
    numbers = [i for i, token in enumerate(tokens) if any(ch.isdigit() for ch in token)]
    if numbers and rng.random() < 1 / 3:
        i = rng.choice(numbers)
        tokens[i] = "".join(str(rng.randrange(10)) if ch.isdigit() else ch for ch in tokens[i])
        return " ".join(tokens)
    words = (PLACES + TOPICS + ["공동", "신규", "긴밀한", "추가"]) if language is Language.KO else None
    words = words or (PLACES_EN + TOPICS_EN + ["joint", "new", "closer", "further"])
    for _ in range(rng.choice((1, 2))):
        tokens[rng.randrange(len(tokens))] = rng.choice(words)
    return " ".join(tokens)


def write_tmx(path: Path, pairs: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" ')
        out.write(
            'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ko" datatype="plaintext"/>'
        )
        out.write("<body>\n")
        for number, (ko, en) in enumerate(pairs):
            source = "ko" if number % 2 == 0 else "en"  # half the units in each direction
            out.write(
                f'<tu srclang="{source}"><tuv xml:lang="ko"><seg>{escape(ko)}</seg></tuv>'
                f'<tuv xml:lang="en"><seg>{escape(en)}</seg></tuv></tu>\n'
            )
        out.write("</body></tmx>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(7)
    pairs = list(dict.fromkeys(sentence(rng) for _ in range(args.segments)))
    print(f"{len(pairs)} segments; {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        tmx = Path(folder) / "bench.tmx"
        write_tmx(tmx, pairs)
        print(f"  TMX file                         {tmx.stat().st_size / 1e6:8.1f} MB")
        memory = TranslationMemory.create(Path(folder) / "bench.sqlite", "bench")
        start = time.perf_counter()
        report = import_tmx(memory, tmx)
        imported = time.perf_counter() - start
        memory.close()
        print(f"  import (one transaction)         {imported:8.2f} s   ({report.imported} units; target ≤ 10 s)")
        print(f"  memory file                      {(Path(folder) / 'bench.sqlite').stat().st_size / 1e6:8.1f} MB")
        start = time.perf_counter()
        memory = TranslationMemory.open(Path(folder) / "bench.sqlite", read_only=True)
        print(f"  open (read-only)                 {(time.perf_counter() - start) * 1000:8.1f} ms")

        everything = [
            matching.comparable(pair[number % 2], Language.KO if number % 2 == 0 else Language.EN)
            for number, pair in enumerate(pairs)
        ]
        # Queries: stored sources of each direction (about 30 words) with one or two words or a number changed.
        for language in (Language.EN, Language.KO):
            index = 1 if language is Language.EN else 0
            sources = [pair[index] for number, pair in enumerate(pairs) if number % 2 == (index == 1)]
            choices = [matching.comparable(text, language) for text in sources]
            ours, brute, brute_all, same, words = [], [], [], 0, []
            for _ in range(args.queries):
                query = changed(rng.choice(sources), language, rng)
                words.append(len(query.split()))
                start = time.perf_counter()
                found = memory.lookup(query, language, minimum=0, limit=1)
                ours.append(time.perf_counter() - start)
                comparable = matching.comparable(query, language)
                start = time.perf_counter()
                best = process.extract(comparable, choices, scorer=fuzz.ratio, limit=1)
                brute.append(time.perf_counter() - start)
                start = time.perf_counter()
                process.extract(comparable, everything, scorer=fuzz.ratio, limit=1)
                brute_all.append(time.perf_counter() - start)
                best_score = best[0][1] if best else 0
                ours_score = (
                    matching.score(comparable, matching.comparable(found[0].unit.source, language)) if found else -1
                )
                same += ours_score >= best_score - 1e-9
            our_median, brute_median = statistics.median(ours), statistics.median(brute)
            print(
                f"  {language.value} → {language.other.value}: {len(sources)} sources, queries of "
                f"{statistics.mean(words):.0f} spaced words on average"
            )
            print(f"    indexed lookup, median             {our_median * 1000:8.2f} ms   (target ≤ 50 ms)")
            all_median = statistics.median(brute_all)
            print(f"    extract over all {len(everything)} segments  {all_median * 1000:8.2f} ms")
            print(f"    brute force (all) / indexed        {all_median / our_median:8.1f} x  (target ≥ 20 x)")
            print(f"    extract over {len(sources)} {language.value} sources  {brute_median * 1000:8.2f} ms")
            print(
                f"    brute force ({language.value}) / indexed         {brute_median / our_median:8.1f} x  (stricter)"
            )
            print(f"    recall of the best match           {same:5d}/{args.queries}")
        memory.close()


if __name__ == "__main__":
    main()

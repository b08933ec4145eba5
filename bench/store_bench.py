"""The office store at office scale: fuzzy lookup on PostgreSQL, concurrent drafters, and SQLite beside it.

    python bench/store_bench.py [--segments 1000000] [--sqlite-segments 100000] [--drafters 20] [--seconds 60]
                                [--paces 1,0] [--address postgresql://user@host/db]

Without --address it starts a private server in a temporary folder (as tests/pg.py does; PostgreSQL must be
installed). It loads `--segments` press-release sentence pairs (bench/memory_bench.py's generator, half in each
direction) into a fresh office store in one `add_many` (COPY, the indexes built once at the end), times fuzzy
lookups of sentences like a drafter's next one (target: median ≤ 50 ms) and checks how often the nearest forms
held the best one (against scoring every form); then runs `--drafters` processes on the loopback for `--seconds`
per pace, each looking up and approving in turn (one approval per five lookups, one action every `pace` seconds;
0: back to back), and checks that every approval arrived (no lost write; target p95 lookup ≤ 100 ms). The same
lookups on the embedded SQLite memory with `--sqlite-segments` are timed in the same run. Every figure is printed
with the machine's load average at the time (the machine may be shared).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from bench.memory_bench import changed, sentence
from briefing.memory import matching
from briefing.memory.model import Unit
from briefing.memory.store import MemoryStore, TranslationMemory
from briefing.model import Language
from briefing.stores import office_memory
from briefing.stores.location import StoreLocation
from briefing.stores.office import open_office

Pairs = list[tuple[str, str]]
_PAIRS: Pairs = []  # the drafter processes' copy (inherited by fork)


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def units_of(pairs: Pairs) -> list[tuple[Unit, None]]:
    out = []
    for number, (ko, en) in enumerate(pairs):
        unit = Unit(Language.KO, ko, en) if number % 2 == 0 else Unit(Language.EN, en, ko)
        out.append((unit, None))
    return out


def queries(pairs: Pairs, count: int, rng: random.Random) -> list[tuple[str, Language]]:
    made = []
    for _ in range(count):
        number = rng.randrange(len(pairs))
        language = Language.KO if number % 2 == 0 else Language.EN
        made.append((changed(pairs[number][0 if language is Language.KO else 1], language, rng), language))
    return made


def time_lookups(memory: MemoryStore, asked: list[tuple[str, Language]]) -> list[float]:
    times = []
    for text, language in asked:
        start = time.perf_counter()
        memory.lookup(text, language)
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:6.1f} ms, p95 {p95(values) * 1000:6.1f} ms"


@contextmanager
def server_address(address: str | None) -> Iterator[str]:
    if address:
        yield address
        return
    from tests.pg import find_bin, private_server

    bin_folder = find_bin()
    if bin_folder is None:
        sys.exit("PostgreSQL is not installed (Debian package postgresql); or give --address")
    with private_server(bin_folder) as server:
        yield server.socket_address(server.new_database(set_up=False))


def nearest_recall(location: StoreLocation, asked: list[tuple[str, Language]]) -> str:
    """How often the FORMS nearest forms (the candidates) held a form scoring as high as the best of all forms."""
    with open_office(location) as store:
        assert store.office is not None
        db = store.office.db
        statement = "SELECT comparable FROM memory_forms WHERE source_language = %s"
        every = {language: [row[0] for row in db.execute(statement, (language.value,))] for language in Language}
        held = 0
        for text, language in asked:
            forms = matching.forms(text, language)
            query = matching.unstored(forms.comparable, language)
            near = db.execute(office_memory._NEAREST[language], (forms.comparable, office_memory.FORMS)).fetchall()
            found = max((fuzz.ratio(query, matching.unstored(row[1], language)) for row in near), default=0)
            choices = [matching.unstored(comparable, language) for comparable in every[language]]
            best = process.extractOne(query, choices, scorer=fuzz.ratio)
            held += best is None or found >= best[1]
    return f"{held}/{len(asked)} (forms: {sum(len(v) for v in every.values())})"


def drafter(args: tuple[str, int, float, float]) -> tuple[list[float], int, str]:
    """One drafter process: look up five sentences, approve one, every `pace` seconds, until `stop`. Its approvals
    are sentences of its own (named by the run, so that a store reused by --address has none of them yet)."""
    address, number, stop, pace = args
    run = f"{stop:.0f}"
    rng = random.Random(number)
    times: list[float] = []
    approvals = 0
    try:
        with open_office(StoreLocation.parse(address), author=f"drafter{number}") as store:
            while time.time() < stop:
                for text, language in queries(_PAIRS, 5, rng):
                    start = time.perf_counter()
                    store.memory.lookup(text, language)
                    times.append(time.perf_counter() - start)
                    time.sleep(pace)
                ko = f"기안자 {number}의 {approvals}번째 승인 문장 ({run})."
                en = f"Drafter {number}, approval {approvals} ({run})."
                unit = Unit(Language.KO, ko, en)
                store.memory.learn([unit])
                approvals += 1
                time.sleep(pace)
    except Exception as error:  # reported, not raised: the other drafters go on
        return times, approvals, str(error)
    return times, approvals, ""


def drafters(address: str, count: int, seconds: float, pace: float) -> None:
    location = StoreLocation.parse(address)
    with open_office(location) as store:
        before = store.memory.count()
    stop = time.time() + seconds
    with multiprocessing.get_context("fork").Pool(count) as pool:
        results = pool.map(drafter, [(address, number, stop, pace) for number in range(count)])
        during = load()
    with open_office(location) as store:
        after = store.memory.count()
    lookups = [t for times, _, _ in results for t in times]
    approvals = sum(approved for _, approved, _ in results)
    failures = [failure for _, _, failure in results if failure]
    lost = approvals - (after - before)
    what = f"one action every {pace:g} s each" if pace else "back to back"
    print(f"  {count} drafters (processes), {what}, {seconds:.0f} s: {len(lookups)} lookups, {approvals} approvals")
    print(f"    lookup {ms(lookups)}   (target p95 ≤ 100 ms)   [{during}]")
    print(f"    approvals lost {lost} (target 0); failures: {len(failures)}")
    for failure in failures[:3]:
        print(f"      {failure}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--sqlite-segments", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--drafters", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--paces", default="1,0", help="seconds between a drafter's actions, comma-separated")
    parser.add_argument("--address", help="an office store to fill (default: a private server)")
    args = parser.parse_args()
    rng = random.Random(7)
    start = time.perf_counter()
    pairs = list(dict.fromkeys(sentence(rng) for _ in range(max(args.segments, args.sqlite_segments))))
    _PAIRS.extend(pairs[: args.segments])
    print(f"{len(pairs)} distinct pairs made in {time.perf_counter() - start:.0f} s; {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")  # fmt: skip
    asked = queries(pairs[: args.segments], args.queries, rng)
    with server_address(args.address) as address:
        location = StoreLocation.parse(address)
        with open_office(location, create=True) as store:
            assert store.office is not None
            if store.memory.count() >= args.segments:  # a store given by --address, filled by an earlier run
                print(f"  PostgreSQL: {store.memory.count()} units there already (not built again)")
            else:
                start = time.perf_counter()
                store.memory.add_many(units_of(pairs[: args.segments]))
                built = time.perf_counter() - start
                print(f"  PostgreSQL: {store.memory.count()} units built in {built:.0f} s (COPY, indexes after)  "
                      f"[{load()}]")  # fmt: skip
                store.office.db.execute("VACUUM ANALYZE memory_units")
                store.office.db.execute("ANALYZE memory_forms")
            time_lookups(store.memory, asked[:5])  # warm the connection's prepared statements
            times = time_lookups(store.memory, asked)
            print(f"    fuzzy lookup {ms(times)}   (target median ≤ 50 ms)   [{load()}]")
        print(f"    best form among the {office_memory.FORMS} nearest: {nearest_recall(location, asked)}")
        with tempfile.TemporaryDirectory() as folder:
            memory = TranslationMemory.create(Path(folder) / "bench.sqlite", "bench")
            start = time.perf_counter()
            memory.add_many(units_of(pairs[: args.sqlite_segments]))
            print(f"  SQLite: {memory.count()} units built in {time.perf_counter() - start:.0f} s   [{load()}]")
            sqlite_asked = queries(pairs[: args.sqlite_segments], args.queries, rng)
            times = time_lookups(memory, sqlite_asked)
            print(f"    fuzzy lookup {ms(times)}   [{load()}]")
            memory.close()
        for pace in (float(p) for p in args.paces.split(",") if p.strip()):
            drafters(address, args.drafters, args.seconds, pace)


if __name__ == "__main__":
    main()

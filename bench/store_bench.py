"""The office store at office scale: fuzzy lookup on PostgreSQL, concurrent drafters, and SQLite beside it.

    python bench/store_bench.py [--segments 1000000] [--sqlite-segments 100000] [--drafters 20] [--seconds 60]
                                [--address postgresql://user@host/db]

Without --address it starts a private server in a temporary folder (as tests/pg.py does; PostgreSQL must be
installed). It loads `--segments` press-release sentence pairs (bench/memory_bench.py's generator, half in each
direction) into a fresh office store, times fuzzy lookups of sentences like a drafter's next one (target: median
≤ 50 ms), then runs `--drafters` threads on the loopback for `--seconds`, each looking up and approving in turn
(one approval per five lookups), and checks that every approval arrived (no lost write; target p95 lookup ≤ 100
ms). The same lookups on the embedded SQLite memory with `--sqlite-segments` are printed beside.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.memory_bench import changed, sentence
from briefing.memory.model import Unit
from briefing.memory.store import MemoryStore, TranslationMemory
from briefing.model import Language
from briefing.stores.location import StoreLocation
from briefing.stores.office import open_office


def units_of(pairs: list[tuple[str, str]]) -> list[tuple[Unit, None]]:
    out = []
    for number, (ko, en) in enumerate(pairs):
        unit = Unit(Language.KO, ko, en) if number % 2 == 0 else Unit(Language.EN, en, ko)
        out.append((unit, None))
    return out


def queries(pairs: list[tuple[str, str]], count: int, rng: random.Random) -> list[tuple[str, Language]]:
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


def drafters(location: StoreLocation, pairs: list[tuple[str, str]], count: int, seconds: float) -> None:
    lookups: list[float] = []
    approvals = [0] * count
    failures: list[BaseException] = []
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def drafter(number: int) -> None:
        rng = random.Random(number)
        try:
            with open_office(location, author=f"drafter{number}") as store:
                mine: list[float] = []
                while time.monotonic() < stop:
                    for text, language in queries(pairs, 5, rng):
                        start = time.perf_counter()
                        store.memory.lookup(text, language)
                        mine.append(time.perf_counter() - start)
                    n = approvals[number]
                    unit = Unit(
                        Language.KO, f"기안자 {number}의 {n}번째 승인 문장.", f"Drafter {number}, approval {n}."
                    )
                    store.memory.learn([unit])
                    approvals[number] += 1
                with lock:
                    lookups.extend(mine)
        except BaseException as error:
            failures.append(error)

    with open_office(location) as store:
        before = store.memory.count()
    threads = [threading.Thread(target=drafter, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open_office(location) as store:
        after = store.memory.count()
    lost = sum(approvals) - (after - before)
    print(f"  {count} drafters for {seconds:.0f} s: {len(lookups)} lookups, {sum(approvals)} approvals")
    print(f"    lookup median                  {statistics.median(lookups) * 1000:8.1f} ms")
    print(f"    lookup p95                     {p95(lookups) * 1000:8.1f} ms   (target ≤ 100 ms)")
    print(f"    approvals lost                 {lost:8d}      (target 0); failures: {len(failures)}")
    for failure in failures[:3]:
        print(f"      {failure}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--sqlite-segments", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--drafters", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--address", help="an office store to fill (default: a private server)")
    args = parser.parse_args()
    rng = random.Random(7)
    start = time.perf_counter()
    pairs = list(dict.fromkeys(sentence(rng) for _ in range(max(args.segments, args.sqlite_segments))))
    print(f"{len(pairs)} distinct pairs made in {time.perf_counter() - start:.0f} s; {platform.machine()}, Python "
          f"{platform.python_version()}")  # fmt: skip
    asked = queries(pairs[: args.segments], args.queries, rng)
    with server_address(args.address) as address:
        location = StoreLocation.parse(address)
        with open_office(location, create=True) as store:
            start = time.perf_counter()
            store.memory.add_many(units_of(pairs[: args.segments]))
            print(f"  PostgreSQL: {store.memory.count()} units loaded in {time.perf_counter() - start:.0f} s")
            assert store.office is not None
            store.office.db.execute("ANALYZE memory_units")
            times = time_lookups(store.memory, asked)
        print(f"    fuzzy lookup median            {statistics.median(times) * 1000:8.1f} ms   (target ≤ 50 ms)")
        print(f"    fuzzy lookup p95               {p95(times) * 1000:8.1f} ms")
        drafters(location, pairs[: args.segments], args.drafters, args.seconds)
    with tempfile.TemporaryDirectory() as folder:
        memory = TranslationMemory.create(Path(folder) / "bench.sqlite", "bench")
        start = time.perf_counter()
        memory.add_many(units_of(pairs[: args.sqlite_segments]))
        print(f"  SQLite: {memory.count()} units loaded in {time.perf_counter() - start:.0f} s")
        sqlite_asked = queries(pairs[: args.sqlite_segments], args.queries, rng)
        times = time_lookups(memory, sqlite_asked)
        print(f"    fuzzy lookup median            {statistics.median(times) * 1000:8.1f} ms")
        print(f"    fuzzy lookup p95               {p95(times) * 1000:8.1f} ms")
        memory.close()


if __name__ == "__main__":
    main()

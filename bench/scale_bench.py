"""Scale: `translate` (tiny copy model) and `export --draft` of a briefing of 20,000 items, through the command
line as a user runs them, against another checkout of the code as the baseline.

    python bench/scale_bench.py [--items 20000] [--baseline /path/to/other/checkout] [--skip-export]
                                [--exports all|"export ko,export bilingual docx+hwpx"] [--distinct [--skip-translate]]

Each measurement runs in a fresh process (one data folder with the tests' tiny en→ko copy model installed):
`translate FILE --to ko --all --beam 1 --no-terms --out OUT` and `export OUT --draft --out DIR --lang …` for the
chosen layouts and formats (see EXPORTS). Targets (issue 17): translate ≤ 5 s, export ≤ 15 s at 20,000 items.
Each line gives the wall-clock and the CPU time inside the command, and of the whole process (interpreter start-up
and every import included: what a user waits for); with --baseline the same commands run with that checkout's code
(e.g. the main branch), each checkout with its own data folder, and the ratios of CPU times baseline/this are
printed. The load average is printed before and after.

By default the items repeat 50 texts, which flatters everything that works per text (the QA run finds the terms
of each distinct text once). With --distinct every item's pair is different (bench/distinct_texts.py: real Korean
and English, numbers, dates and terms of the shipped termbase), written as English originals with Korean machine
translations; `translate` is timed on the file as before, and the exports read that file itself, so that they
check and render real Korean rather than the copy model's output. With --skip-translate (--distinct only) the
translate step is left out: on distinct texts it times the copy model on 20,000 sentences, not this code.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_COMMAND = """
import sys, time
sys.path.insert(0, {code!r})
from briefing.cli.main import run
started, cpu = time.perf_counter(), time.process_time()
code = run({argv!r})
print(f"{{time.perf_counter() - started:.3f}} {{time.process_time() - cpu:.3f}} {{code}}")
"""


def write_briefing(path: Path, items: int) -> None:
    """A 20,000-item English briefing in sections of 25: short paragraphs, 50 distinct ones repeated (the engine
    translates a sentence once, so the model's time stays small and the bench measures the rest)."""
    from briefing.model import Bilingual, Briefing, Item, Language, Section
    from briefing.storage import save

    briefing = Briefing(title=Bilingual(ko="대형 브리핑", en="Large briefing"))
    for start in range(0, items, 25):
        section = Section(title=Bilingual(ko=f"{start // 25 + 1}절", en=f"Part {start // 25 + 1}"))
        for number in range(start, min(start + 25, items)):
            item = Item(source=Language.EN)
            item.set_text(
                Language.EN, f"Point {number % 50}: the two sides agreed to expand cooperation. Talks went on"
            )
            section.items.append(item)
        briefing.sections.append(section)
    save(briefing, path)


def write_distinct_briefing(path: Path, items: int) -> None:
    """A briefing of `items` different English originals with Korean machine translations, in sections of 25."""
    from bench.distinct_texts import distinct_briefing
    from briefing.storage import save

    save(distinct_briefing(items), path)


def timed(code: Path, argv: list[str], home: Path) -> tuple[float, float, float, float]:
    """Seconds the command takes inside its process (the command line's own imports excluded: what the command
    imports lazily is included), wall clock and CPU (all threads; on a busy machine the CPU time is the steadier
    figure); then the same for the whole process, start-up and every import included, as a user waits for it."""
    script = _COMMAND.format(code=str(code), argv=argv)
    env = dict(os.environ, BRIEFING_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    process_wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    process_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    lines = done.stdout.strip().splitlines()
    if not lines or lines[-1].split()[-1] != "0":
        raise SystemExit(f"{argv[0]} failed: {done.stdout[-500:]} {done.stderr[-2000:]}")
    seconds, cpu, _status = lines[-1].split()
    return float(seconds), float(cpu), process_wall, process_cpu


# What is exported: one layout each (the pack renders the Korean and English documents in any case, to check
# that they match), and the bilingual one as HWPX too.
EXPORTS = {
    "export ko": ["--lang", "ko"],
    "export en": ["--lang", "en"],
    "export bilingual": ["--lang", "bilingual"],
    "export bilingual docx+hwpx": ["--lang", "bilingual", "--format", "docx,hwpx"],
}


def measure(
    code: Path, work: Path, exports: list[str], home: Path, *, distinct: bool = False, translate: bool = True
) -> dict[str, tuple[float, float, float, float]]:
    source, translated = work / "large.briefing", work / f"large-{code.name}.ko.briefing"
    results = {}
    if translate:
        argv = ["translate", str(source), "--to", "ko", "--all", "--beam", "1", "--no-terms", "--out", str(translated)]
        results["translate"] = timed(code, argv, home)
    for name in exports:
        out = work / f"pack-{code.name}"
        exported = source if distinct else translated  # distinct: the real Korean, not the copy model's output
        argv = ["export", str(exported), "--draft", "--out", str(out), *EXPORTS[name], "--force"]
        results[name] = timed(code, argv, home)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--baseline", type=Path, help="another checkout (its briefing/ is imported instead)")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument(
        "--exports", default="export bilingual", help=f"comma-separated, of: {', '.join(EXPORTS)} (or all)"
    )
    parser.add_argument(
        "--distinct", action="store_true", help="every item's text different, real Korean (bench/distinct_texts.py)"
    )
    parser.add_argument(
        "--skip-translate", action="store_true", help="with --distinct: time the exports only (of the written file)"
    )
    args = parser.parse_args()
    if args.skip_translate and not args.distinct:
        parser.error("--skip-translate needs --distinct (the exports read what translate wrote)")
    exports = [] if args.skip_export else list(EXPORTS) if args.exports == "all" else args.exports.split(",")

    work = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    from briefing.translation.packages import PackageStore
    from tests.tiny_package import build_package

    # Each checkout translates with its own data folder, so that neither finds the other's sentences in the cache.
    homes = {"this": work / "home-this", "baseline": work / "home-baseline"}
    for home in homes.values():
        os.environ["BRIEFING_HOME"] = str(home)
        PackageStore().install(build_package(work, "en", "ko"))
    (write_distinct_briefing if args.distinct else write_briefing)(work / "large.briefing", args.items)
    kind = "every text distinct" if args.distinct else "50 texts repeated"
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{machine}; {args.items} items, {kind}")
    print(f"load before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    options = {"distinct": args.distinct, "translate": not args.skip_translate}
    mine = measure(ROOT, work, exports, homes["this"], **options)
    base = measure(args.baseline.resolve(), work, exports, homes["baseline"], **options) if args.baseline else {}
    for name, (seconds, cpu, process_wall, process_cpu) in mine.items():
        target = 5.0 if name == "translate" else 15.0
        line = f"{name:27} {seconds:7.2f} s (CPU {cpu:6.2f} s; target ≤ {target:.0f} s)"
        line += f" whole process {process_wall:6.2f} s (CPU {process_cpu:6.2f} s)"
        if name in base:
            line += f" | baseline {base[name][0]:7.2f} s (CPU {base[name][1]:6.2f} s)"
            line += f" whole process {base[name][2]:6.2f} s (CPU {base[name][3]:6.2f} s) | baseline/this (CPU) "
            line += f"{base[name][1] / cpu:5.1f}×, whole process {base[name][3] / process_cpu:5.1f}×"
        print(line, flush=True)
    print(f"load after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

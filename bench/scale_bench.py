"""Scale: `translate` (tiny copy model) and `export --draft` of a briefing of 20,000 items, through the command
line as a user runs them, against another checkout of the code as the baseline.

    python bench/scale_bench.py [--items 20000] [--baseline /path/to/other/checkout] [--skip-export]

Each measurement runs in a fresh process (one data folder with the tests' tiny en→ko copy model installed):
`translate FILE --to ko --all --beam 1 --no-terms --out OUT` and `export OUT --draft --out DIR --lang bilingual`.
Targets (issue 17): translate ≤ 5 s, export ≤ 15 s at 20,000 items. With --baseline the same commands run with
that checkout's code and the ratios baseline/this are printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_COMMAND = """
import sys, time
sys.path.insert(0, {code!r})
from briefing.cli.main import run
started = time.perf_counter()
code = run({argv!r})
print(f"{{time.perf_counter() - started:.3f}} {{code}}")
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


def timed(code: Path, argv: list[str], home: Path) -> float:
    """Seconds the command takes inside its process (imports and start-up excluded)."""
    script = _COMMAND.format(code=str(code), argv=argv)
    env = dict(os.environ, BRIEFING_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    seconds, status = done.stdout.strip().splitlines()[-1].split()
    if status != "0":
        raise SystemExit(f"{argv[0]} failed with {status}: {done.stderr[-2000:]}")
    return float(seconds)


def measure(code: Path, items: int, work: Path, skip_export: bool) -> dict[str, float]:
    source, translated = work / "large.briefing", work / f"large-{code.name}.ko.briefing"
    results = {
        "translate": timed(
            code,
            ["translate", str(source), "--to", "ko", "--all", "--beam", "1", "--no-terms", "--out", str(translated)],
            work / "home",
        )
    }
    if not skip_export:
        out = work / f"pack-{code.name}"
        argv = ["export", str(translated), "--draft", "--out", str(out), "--lang", "bilingual", "--force"]
        results["export"] = timed(code, argv, work / "home")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--baseline", type=Path, help="another checkout (its briefing/ is imported instead)")
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    os.environ["BRIEFING_HOME"] = str(work / "home")
    from briefing.translation.packages import PackageStore
    from tests.tiny_package import build_package

    PackageStore().install(build_package(work, "en", "ko"))
    write_briefing(work / "large.briefing", args.items)
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {args.items} items")
    mine = measure(ROOT, args.items, work, args.skip_export)
    targets = {"translate": 5.0, "export": 15.0}
    for name, seconds in mine.items():
        line = f"{name:9} {seconds:7.2f} s (target ≤ {targets[name]:.0f} s)"
        if args.baseline:
            base = measure(args.baseline.resolve(), args.items, work, args.skip_export)[name]
            line += f" | baseline {base:7.2f} s | baseline/this {base / seconds:5.1f}×"
        print(line, flush=True)


if __name__ == "__main__":
    main()

"""How fast a large briefing opens and saves, against named baselines in the same run.

    python bench/file_bench.py [--items 2000] [--repeat 5]

Baselines:
  json      the standard library's json.loads / json.dumps of the same file: the floor, with no
            checking and no domain objects at all;
  jsonschema  the reference JSON Schema implementation validating the same data, which is what the
            loader would cost if it used that library instead of briefing.schema.
Prints the best of N runs for each and the ratios.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best
from briefing import storage
from briefing.fileformat import CURRENT_VERSION, dumps, loads
from briefing.schema import checker, load_schema
from tests.helpers import large_briefing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    briefing = large_briefing(args.items, 400)
    text = dumps(briefing)
    data = json.loads(text)
    print(
        f"{args.items} items, {len(text.encode()) / 1e6:.1f} MB; {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; best of {args.repeat}"
    )

    raw_load = best(lambda: json.loads(text), args.repeat)
    our_load = best(lambda: loads(text), args.repeat)
    our_check = best(lambda: checker(CURRENT_VERSION).problems(data), args.repeat)
    results = {
        "json.loads (floor)": raw_load,
        "briefing load (parse+check+build)": our_load,
        "briefing.schema check": our_check,
    }
    try:
        import jsonschema

        validator = jsonschema.Draft202012Validator(load_schema(CURRENT_VERSION))
        results["jsonschema check (reference)"] = best(lambda: list(validator.iter_errors(data)), args.repeat)
    except ImportError:
        print("jsonschema not installed: reference baseline skipped")

    raw_dump = best(lambda: json.dumps(data, ensure_ascii=False, indent=2), args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.briefing"
        storage.save(briefing, path)
        our_save = best(lambda: storage.save(briefing, path), args.repeat)
    results |= {"json.dumps (floor)": raw_dump, "briefing save (atomic, fsync, .bak)": our_save}

    for name, seconds in results.items():
        print(f"  {name:<38} {seconds * 1000:8.1f} ms")
    print(f"  load / json.loads                      {our_load / raw_load:8.2f} x")
    if "jsonschema check (reference)" in results:
        print(f"  jsonschema / briefing.schema           {results['jsonschema check (reference)'] / our_check:8.2f} x")
    print(f"  save / json.dumps                      {our_save / raw_dump:8.2f} x")


if __name__ == "__main__":
    main()

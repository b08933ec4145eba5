"""Export speed: a 500-item briefing to the bilingual pack, against pandoc in the same run; and its HWPX export
against its DOCX export (each layout, same template), the ratio printed (target: HWPX no slower, ≤ 1.0).

    python bench/export_bench.py [--items 500] [--repeat 3]

Baseline: pandoc converting the equivalent Markdown (the same headings and the same Korean and English
paragraphs) to DOCX, when pandoc is installed. Prints the best of N runs and the ratios.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="export-bench-"))
    os.environ["BRIEFING_HOME"] = str(work / "home")

    from briefing.export.hwpx_render import render_hwpx
    from briefing.export.pack import make_pack
    from briefing.export.render import render
    from briefing.export.templates import Layout, find_template
    from briefing.storage import load
    from tests.helpers import large_briefing

    briefing = large_briefing(args.items, 400)
    for item in briefing.items():
        item.approve()
    example = load(Path(__file__).resolve().parent.parent / "examples" / "scwg-23.briefing")
    briefing.meeting = example.meeting
    template = find_template("briefing-pack")
    markdown = [f"# {briefing.title.ko} / {briefing.title.en}", ""]
    for s, section in enumerate(briefing.sections, start=1):
        markdown += [f"## {s}. {section.title.ko} / {section.title.en}", ""]
        for i, item in enumerate(section.items, start=1):
            markdown += [f"**{s}.{i}** {item.text.ko}", "", item.text.en, ""]
    source = work / "briefing.md"
    source.write_text("\n".join(markdown), "utf-8")

    print(
        f"{args.items} items; {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"best of {args.repeat}"
    )
    from briefing.export.markdown_docx import parse

    def cold(function: Callable[[], object]) -> Callable[[], object]:
        """Every run starts without the parsed-Markdown cache, as a fresh export does."""

        def run() -> object:
            parse.cache_clear()
            return function()

        return run

    bilingual = best(cold(lambda: render(briefing, template, Layout.BILINGUAL)), args.repeat)
    pack = best(
        cold(lambda: make_pack(briefing, template, work / "pack", "bench", list(Layout), replace=True)), args.repeat
    )
    print(f"  bilingual document alone              {bilingual:7.2f} s")
    print(f"  whole pack (ko, en, bilingual, verify) {pack:7.2f} s")
    total_docx = total_hwpx = 0.0
    for layout in Layout:

        def as_docx(layout: Layout = layout) -> object:
            return render(briefing, template, layout)

        def as_hwpx(layout: Layout = layout) -> object:
            return render_hwpx(briefing, template, layout)

        docx_time, hwpx_time = best(cold(as_docx), args.repeat), best(cold(as_hwpx), args.repeat)
        total_docx, total_hwpx = total_docx + docx_time, total_hwpx + hwpx_time
        ratio = hwpx_time / docx_time
        print(f"  {layout.value:<9} DOCX {docx_time:6.2f} s   HWPX {hwpx_time:6.2f} s   HWPX / DOCX {ratio:5.2f} x")
    ratio = total_hwpx / total_docx
    print(f"  all three DOCX {total_docx:6.2f} s   HWPX {total_hwpx:6.2f} s   HWPX / DOCX {ratio:5.2f} x")
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("  pandoc is not installed: no baseline (apt-get install pandoc)")
        return
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    baseline = best(
        lambda: subprocess.run([pandoc, str(source), "-o", str(work / "pandoc.docx")], check=True), args.repeat
    )
    print(f"  {version:<38} {baseline:7.2f} s")
    print(f"  pandoc / bilingual document            {baseline / bilingual:7.2f} x")
    print(f"  pandoc / whole pack                    {baseline / pack:7.2f} x")


if __name__ == "__main__":
    main()

"""Render the example's HWPX documents to page images in docs/pack/ (needs hwp-ingest and rsvg-convert).

    .venv/bin/python scripts/hwpx_pages.py

Renders examples/scwg-23.briefing through the built-in HWPX templates, draws the pages with rhwp (the
hwp-ingest package, no Hancom needed) as SVG and converts them to PNG with rsvg-convert (librsvg2-bin):
every page of the Korean report and of the English release (its closing parts are on its last page), page 1 of
the bilingual pack. Look at them after running it: rhwp does not draw the automatic page numbers (Hancom 한글
does), so the footer shows " / ".
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import hwp_ingest  # noqa: E402

from briefing.export.hwpx_render import render_hwpx  # noqa: E402
from briefing.export.templates import Layout, find_template  # noqa: E402
from briefing.storage import load  # noqa: E402

PAGES = [
    ("meeting-report", Layout.KO, None),
    ("press-release", Layout.EN, None),
    ("briefing-pack", Layout.BILINGUAL, 1),
]


def main() -> None:
    briefing = load(ROOT / "examples" / "scwg-23.briefing")
    out = ROOT / "docs" / "pack"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, layout, only in PAGES:
            data = render_hwpx(briefing, find_template(name), layout)
            pages = hwp_ingest.to_svg_pages(data)
            for number, svg in enumerate(pages[:only] if only else pages, start=1):
                source = Path(work) / f"{name}-{number}.svg"
                source.write_bytes(svg)
                target = out / f"{name}-{layout.value}-hwpx-{number}.png"
                width = "585" if layout is Layout.BILINGUAL else "414"  # the size of the DOCX pages' images
                subprocess.run(["rsvg-convert", "-w", width, "-o", str(target), str(source)], check=True)
                print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()

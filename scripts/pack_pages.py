"""Render every page of the example pack's documents to docs/pack/ (needs LibreOffice and poppler).

    .venv/bin/python scripts/pack_pages.py

Exports examples/scwg-23.briefing through each built-in template in every layout with PDFs, then converts
every page to PNG (50 dpi) with pdftoppm: docs/pack/<template>-<layout>-<page>.png. Look at every picture after
running it. (The HWPX pages are drawn by scripts/hwpx_pages.py.)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.export import pack  # noqa: E402
from briefing.export.templates import Layout, find_template  # noqa: E402
from briefing.storage import load  # noqa: E402

TEMPLATES = ("meeting-report", "press-release", "briefing-pack")


def main() -> None:
    briefing = load(ROOT / "examples" / "scwg-23.briefing")
    out = ROOT / "docs" / "pack"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for old in out.glob("*.png"):
            if "-hwpx-" not in old.name:
                old.unlink()
        for name in TEMPLATES:
            folder = Path(work) / name
            layouts = list(Layout)
            pack.make_pack(briefing, find_template(name), folder, "scwg-23", layouts, pdf=True)
            for layout in layouts:
                pdf = folder / f"{pack.pack_stem('scwg-23', find_template(name), False)}.{layout.value}.pdf"
                target = out / f"{name}-{layout.value}"  # pdftoppm adds -<page>
                subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(target)], check=True)
                print(*sorted(out.glob(f"{name}-{layout.value}-[0-9]*.png")), sep="\n")


if __name__ == "__main__":
    main()

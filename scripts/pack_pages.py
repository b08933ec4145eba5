"""Render page 1 of the example pack's documents to docs/pack/ (needs LibreOffice and poppler).

    .venv/bin/python scripts/pack_pages.py

Exports examples/scwg-23.briefing through each built-in template with PDFs, then converts the first
page of the documents shown in the README to PNG (50 dpi) with pdftoppm. Look at the pictures after running it.
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

PAGES = [("meeting-report", Layout.KO), ("press-release", Layout.EN), ("briefing-pack", Layout.BILINGUAL)]


def main() -> None:
    briefing = load(ROOT / "examples" / "scwg-23.briefing")
    out = ROOT / "docs" / "pack"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, layout in PAGES:
            folder = Path(work) / name
            pack.make_pack(briefing, find_template(name), folder, "scwg-23", [layout], pdf=True)
            pdf = folder / f"{pack.pack_stem('scwg-23', find_template(name), False)}.{layout.value}.pdf"
            target = out / f"{name}-{layout.value}-1"  # page 1
            command = ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)]
            subprocess.run(command, check=True)
            print(f"{target}.png")


if __name__ == "__main__":
    main()

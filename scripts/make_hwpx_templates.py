"""Build the built-in HWPX templates (templates/<name>/document.hwpx and bilingual.hwpx) with python-hwpx.

    .venv/bin/python scripts/make_hwpx_templates.py

Each is python-hwpx's blank document with an A4 page (landscape for the side-by-side pack), the margins of
the Word templates, and the marking placeholders at the top and the bottom of every page, centred and bold,
page X / Y below: the renderer fills {marking} {draft} {page} {pages} as it does in an office's own .hwpx.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hwpx import HwpxDocument  # noqa: E402

from briefing.export.hwpx_render import _deterministic, package_parts, renumber  # noqa: E402

TEMPLATES = ("press-release", "meeting-report", "briefing-pack")


def build(landscape: bool) -> bytes:
    document = HwpxDocument.new()
    width, height = (297, 210) if landscape else (210, 297)
    document.page.setup(
        width_mm=width,
        height_mm=height,
        margin_left_mm=20,
        margin_right_mm=20,
        margin_top_mm=20,
        margin_bottom_mm=18,
        header_margin_mm=10,
        footer_margin_mm=10,
    )
    marking = {"text": "{draft} {marking}", "bold": True, "size": 12}
    document.page.set_header(content=[{"align": "CENTER", "children": [marking]}])
    document.page.set_footer(
        content=[
            {"align": "CENTER", "children": [{**marking, "text": "{marking}"}]},
            {"align": "CENTER", "children": [{"text": "{page} / {pages}", "size": 9}]},
        ]
    )
    document.package.set_document_metadata(
        title="Briefing Studio template",
        creator="Briefing Studio",
        created_date="2024-11-08T00:00:00Z",
        modified_date="2024-11-08T00:00:00Z",
    )
    for section in document.sections:  # the same template bytes every time the script runs
        renumber(section.element)
        section.mark_dirty()
    return _deterministic(package_parts(document.to_bytes()), None, "")


def main() -> None:
    for key in TEMPLATES:
        folder = ROOT / "templates" / key
        (folder / "document.hwpx").write_bytes(build(landscape=False))
        (folder / "bilingual.hwpx").write_bytes(build(landscape=True))
        print(folder.relative_to(ROOT))


if __name__ == "__main__":
    main()

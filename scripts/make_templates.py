"""Build the built-in export templates in templates/ (run after changing the styles below).

    .venv/bin/python scripts/make_templates.py

Each template is a folder with manifest.json, document.docx (portrait, for the Korean and English
documents) and bilingual.docx (landscape, for the side-by-side pack). Officers restyle these files in
Word; the renderer only refers to styles by name.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from briefing import __version__  # noqa: E402
from briefing.export import docx_support as ox  # noqa: E402

SANS = {"east_asian": ["Malgun Gothic", "Noto Sans CJK KR", "NanumGothic"], "latin": ["Arial", "Liberation Sans"]}
SERIF = {
    "east_asian": ["Batang", "Noto Serif CJK KR", "NanumMyeongjo"],
    "latin": ["Times New Roman", "Liberation Serif"],
}

TEMPLATES = {
    "press-release": {
        "name": {"ko": "보도자료", "en": "Press release"},
        "description": {
            "ko": "국방부 보도자료 형식: 제목, 회의 개요, 문단으로 된 본문, * 참고",
            "en": "Ministry press release: headline, meeting summary, body in paragraphs, * notes",
        },
        "style": "press",
        "date_style": {"ko": "prose", "en": "prose"},
        "marking_position": "header-center",
        "fonts": SANS,
        "sizes": {"Briefing Title": 18, "Briefing Heading": 12, "Briefing Body": 11},
    },
    "meeting-report": {
        "name": {"ko": "회의 결과 보고", "en": "Meeting result report"},
        "description": {
            "ko": "회의 결과 보고 공문서 형식: □ ○ - · 체계, ※ 참고, 날짜 2024. 11. 7.",
            "en": "Official meeting-result report: ■ ● – · hierarchy, notes, dates as November 7, 2024",
        },
        "style": "report",
        # □ ○ - · as ministries write 결과 보고; "outline" numbers sections and items 1. 가. (lists 1) 가)) instead
        "numbering": "symbols",
        "date_style": {"ko": "official", "en": "prose"},
        "marking_position": "header-center",
        "fonts": SERIF,
        "sizes": {"Briefing Title": 16, "Briefing Heading": 13, "Briefing Item": 12},
    },
    "briefing-pack": {
        "name": {"ko": "국문·영문 대조 브리핑 자료", "en": "Bilingual briefing pack"},
        "description": {
            "ko": "가로 방향 대조표(연번 | 한국어 | English), 머리글 행 반복, 한 쪽보다 긴 항목은 (계속)",
            "en": "Landscape side-by-side table (No. | Korean | English), header row repeated, long items (continued)",
        },
        "style": "pack",
        "date_style": {"ko": "official", "en": "prose"},
        "marking_position": "header-center",
        "fonts": SANS,
        "sizes": {"Briefing Title": 16, "Briefing Heading": 12},
    },
}


def _marking_run(paragraph: Any, text: str) -> None:
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(12)


def build(spec: dict[str, Any], landscape: bool) -> bytes:
    document = docx.Document()
    fonts = ox.Fonts(tuple(spec["fonts"]["east_asian"]), tuple(spec["fonts"]["latin"]))
    ox.ensure_styles(document, fonts)
    ox.apply_typography(document, fonts)
    for name, size in spec["sizes"].items():
        document.styles[name].font.size = Pt(size)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    # The marking at the top and the bottom of every page, centred, bold and larger than the 9 pt header, as
    # offices print it (the renderer colours a 비밀-level marking red); page X / Y under the bottom one.
    header = section.header.paragraphs[0]
    header.style = document.styles["Briefing Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _marking_run(header, "{draft} {marking}")
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Briefing Header"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _marking_run(footer, "{marking}")
    numbers = section.footer.add_paragraph(style=document.styles["Briefing Header"])
    numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
    numbers.add_run("{page} / {pages}")
    body = document.element.body
    for child in list(body)[:-1]:
        body.remove(child)
    properties = document.core_properties
    properties.title = f"Briefing Studio template: {spec['name']['en']}"
    properties.author = "Briefing Studio"
    properties.last_modified_by = "Briefing Studio"
    properties.created = properties.modified = datetime(2024, 11, 8)
    properties.revision = 1
    properties.comments = "Restyle the Briefing styles in Word; keep the {marking} {draft} {page} {pages} placeholders."
    out = io.BytesIO()
    document.save(out)
    return ox.deterministic_docx(out.getvalue(), __version__, strip_thumbnail=True)


def main() -> None:
    for key, spec in TEMPLATES.items():
        folder = ROOT / "templates" / key
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "document.docx").write_bytes(build(spec, landscape=False))
        (folder / "bilingual.docx").write_bytes(build(spec, landscape=True))
        manifest = {k: v for k, v in spec.items() if k != "sizes"}
        manifest["layouts"] = ["ko", "en", "bilingual"]
        manifest["documents"] = {"ko": "document.docx", "en": "document.docx", "bilingual": "bilingual.docx"}
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(folder.relative_to(ROOT))


if __name__ == "__main__":
    main()

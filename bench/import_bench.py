"""How fast a large Word or HWPX document imports into a draft briefing, against the libraries' own opening; and
how fast a Korean and an English version import together as one bilingual draft (bilingual alignment).

    python bench/import_bench.py [--items 500] [--repeat 5]

Baselines: `docx.Document(...)` and reading every paragraph's text, which any DOCX import pays, and
`HwpxDocument.open(...)` for HWPX; the rest is the zip checks (archive.inflate, docx_safety), the line reading
and the structure recognition. The same report is written in both formats (HWPX with python-hwpx); the target is
500 items in ≤ 2 s for each. python-hwpx's own import (~0.8 s) is paid once per process and not counted.
The bilingual import reads both documents and aligns them (banded dynamic programming over the items): its time
is shown with its ratio to the single-file import, and the alignment's own share (the pair minus both imports).
"""

from __future__ import annotations

import argparse
import io
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx

from bench.timing import best
from briefing.importers import import_bytes
from briefing.importers.align import import_pair_bytes


def lines(items: int) -> list[str]:
    """The body of the HWPX report: the same headings, items and notes as `document`, list bullets as ○ items."""
    out = ["제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고"]
    for number in range(items):
        if number % 25 == 0:
            out.append(f"□ 주요 논의 내용 {number // 25 + 1}")
        if number % 10 == 9:
            out.append(f"※ 참고 사항 {number}: 2025년 상반기에 실시할 예정이다.")
        elif number % 3 == 0:
            out.append(f"○ 양측은 우주협력 방안 {number}에 합의했다.")
        else:
            out.append(f"○ 양측은 항목 {number}에 대해 긴밀히 논의했으며, 후속 조치를 추진하기로 결정했다.")
    return [*out, "끝."]


def hwpx_document(items: int) -> bytes:
    from hwpx import HwpxDocument

    doc = HwpxDocument.new()
    doc.page.set_header(text="대외비")
    table = doc.add_table(2, 2)
    table.set_cell_text(0, 0, "일시")
    table.set_cell_text(0, 1, "2024. 11. 7.(목) 14:00(현지시각)")
    table.set_cell_text(1, 0, "장소")
    table.set_cell_text(1, 1, "미국 워싱턴 D.C.")
    for line in lines(items):
        doc.add_paragraph(line)
    return bytes(doc.to_bytes())


def document(items: int) -> bytes:
    """A report of `items` items in sections of 25: headings, ○ items, list bullets, notes and a card table."""
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "대외비"
    doc.add_paragraph("제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고", style="Title")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "일시", "2024. 11. 7.(목) 14:00(현지시각)"
    table.cell(1, 0).text, table.cell(1, 1).text = "장소", "미국 워싱턴 D.C."
    for number in range(items):
        if number % 25 == 0:
            doc.add_paragraph(f"□ 주요 논의 내용 {number // 25 + 1}")
        if number % 10 == 9:
            doc.add_paragraph(f"※ 참고 사항 {number}: 2025년 상반기에 실시할 예정이다.")
        elif number % 3 == 0:
            doc.add_paragraph(f"양측은 우주협력 방안 {number}에 합의했다.", style="List Bullet")
        else:
            doc.add_paragraph(f"○ 양측은 항목 {number}에 대해 긴밀히 논의했으며, 후속 조치를 추진하기로 결정했다.")
    doc.add_paragraph("끝.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def english_document(items: int) -> bytes:
    """The English version of `document(items)`: the same sections and items, in English styles."""
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "FOR OFFICIAL USE ONLY"
    doc.add_paragraph("23rd Korea-U.S. Space Cooperation Working Group (SCWG): Meeting Report", style="Title")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Date", "November 7, 2024, 2 p.m. (local time)"
    table.cell(1, 0).text, table.cell(1, 1).text = "Place", "Washington, D.C."
    for number in range(items):
        if number % 25 == 0:
            doc.add_paragraph(f"Main discussions {number // 25 + 1}", style="Heading 1")
        if number % 10 == 9:
            doc.add_paragraph(f"※ Note {number}: to be held in the first half of 2025.")
        elif number % 3 == 0:
            doc.add_paragraph(f"The two sides agreed on space cooperation measure {number}.", style="List Bullet")
        else:
            doc.add_paragraph(
                f"- The two sides discussed item {number} closely and decided to pursue follow-up measures."
            )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = document(args.items)
    result = import_bytes(data, "bench.docx")
    items = len(result.briefing.items())

    def baseline() -> None:
        [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]

    ours = best(lambda: import_bytes(data, "bench.docx"), args.repeat)
    floor = best(baseline, args.repeat)
    print(f"Python {platform.python_version()} on {platform.machine()}; {len(data) / 1024:.0f} KB DOCX")
    print(f"import ({items} items in the draft)    {ours * 1000:8.1f} ms   (target ≤ 2000 ms)")
    print(f"python-docx open + paragraph text   {floor * 1000:8.1f} ms   (ratio {ours / floor:.1f}×)")
    english = english_document(args.items)
    pair = import_pair_bytes(data, "bench.docx", english, "bench-en.docx")
    english_alone = best(lambda: import_bytes(english, "bench-en.docx"), args.repeat)
    both = best(lambda: import_pair_bytes(data, "bench.docx", english, "bench-en.docx"), args.repeat)
    print(
        f"bilingual import ({len(pair.pairs)} pairs, {len(pair.unpaired[pair.source])}+"
        f"{len(pair.unpaired[pair.source.other])} unpaired) {both * 1000:8.1f} ms   "
        f"(ratio {both / ours:.1f}× the single-file import)"
    )
    print(f"  of which the alignment             {(both - ours - english_alone) * 1000:8.1f} ms")

    from hwpx import HwpxDocument

    hwpx = hwpx_document(args.items)
    hwpx_items = len(import_bytes(hwpx, "bench.hwpx").briefing.items())
    hwpx_ours = best(lambda: import_bytes(hwpx, "bench.hwpx"), args.repeat)
    hwpx_floor = best(lambda: HwpxDocument.open(io.BytesIO(hwpx)), args.repeat)
    print(f"{len(hwpx) / 1024:.0f} KB HWPX")
    print(f"import ({hwpx_items} items in the draft)    {hwpx_ours * 1000:8.1f} ms   (target ≤ 2000 ms)")
    print(f"python-hwpx open                    {hwpx_floor * 1000:8.1f} ms   (ratio {hwpx_ours / hwpx_floor:.1f}×)")
    print(f"HWPX import / DOCX import           {hwpx_ours / ours:8.1f}×")


if __name__ == "__main__":
    main()

"""개조식 layout, the bilingual table's pagination and manual line breaks (issue 12, points 5, 7 and 9).

The DOCX is reopened and its XML checked; three LibreOffice conversions check what the page shows: wrapped lines
under the text after ○, an unstretched line before a manual break, and a 420-item table with no section heading
left alone at a page's foot and no quarter-page gap.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefing.export import numbering as nb
from briefing.export import table_layout
from briefing.export.pack import convert_to_pdf, libreoffice, verify
from briefing.export.render import render
from briefing.export.templates import BUILT_IN, Layout, find_template, user_templates_folder
from briefing.model import Bilingual, Briefing, ItemType, Language, NoteMark, Section
from briefing.storage import load
from tests.conftest import EXAMPLE
from tests.helpers import item

KO, EN = Language.KO, Language.EN


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(p: object) -> str:
    """A paragraph's text with its tabs (tab stops in its properties are not text)."""
    nodes = p.iter(qn("w:t"), qn("w:tab"))  # type: ignore[attr-defined]
    return "".join((n.text or "") if n.tag == qn("w:t") else "\t" for n in nodes if n.getparent().tag == qn("w:r"))


def body_paragraphs(data: bytes) -> list[object]:
    return list(opened(data).element.body.iter(qn("w:p")))


# -- numbering decisions (pure) ---------------------------------------------------------------------


def test_ganada_and_the_official_outline_labels() -> None:
    assert [nb.ganada(n) for n in (1, 2, 14, 15, 28, 29)] == ["가", "나", "하", "거", "허", "고"]
    assert nb.ganada(0) == "0" and nb.ganada(57) == "57"
    assert [nb.outline_label(depth, 1, KO) for depth in range(8)] == [
        "1.",
        "가.",
        "1)",
        "가)",
        "(1)",
        "(가)",
        "①",
        "㉮",
    ]
    assert [nb.outline_label(depth, 2, EN) for depth in range(6)] == ["2.", "b.", "2)", "b)", "(2)", "(b)"]
    assert nb.outline_label(1, 27, EN) == "aa." and nb.outline_label(6, 25, KO) == "(25)"


def test_item_marks_in_each_style() -> None:
    report, pack, press = nb.Style.REPORT, nb.Style.PACK, nb.Style.PRESS
    symbols, outline = nb.HeadingNumbering.SYMBOLS, nb.HeadingNumbering.OUTLINE
    topic, note = ItemType.TOPIC, ItemType.NOTE
    assert nb.item_mark(report, KO, topic, None, 3, 2, symbols, False) == nb.Mark("○")
    assert nb.item_mark(report, EN, topic, None, 3, 2, symbols, True) == nb.Mark("●")
    assert nb.item_mark(report, KO, topic, None, 3, 2, outline, False) == nb.Mark("나.")
    assert nb.item_mark(report, KO, note, NoteMark.REFERENCE, 3, 3, symbols, False) == nb.Mark("※")
    assert nb.item_mark(report, EN, note, NoteMark.REFERENCE, 3, 3, symbols, False) == nb.Mark("Note:")
    assert nb.item_mark(pack, KO, topic, None, 3, 2, symbols, False) == nb.Mark("3.2")
    assert nb.item_mark(pack, KO, note, NoteMark.ASTERISK, 3, 3, symbols, False) == nb.Mark("3.3", "* ")
    assert nb.item_mark(pack, KO, topic, None, 3, 2, symbols, True) == nb.Mark()  # the No. column numbers it
    assert nb.item_mark(press, KO, topic, None, 3, 2, symbols, False) == nb.Mark()
    assert nb.section_mark(report, KO, 2, outline, True) == nb.Mark("2.")
    assert nb.section_mark(report, EN, 2, symbols, False) == nb.Mark("■")
    assert nb.section_mark(pack, KO, 2, symbols, True) == nb.Mark()
    assert nb.number_column(3, 3) == "3.3"


def test_list_formats_continue_below_the_outline() -> None:
    outline = nb.list_formats(nb.Style.REPORT, KO, nb.HeadingNumbering.OUTLINE, False)
    assert outline.ordered[:2] == (("decimal", "%1)"), ("ganada", "%2)"))  # 1. 가. are sections and items
    symbols = nb.list_formats(nb.Style.REPORT, KO, nb.HeadingNumbering.SYMBOLS, False)
    assert symbols.ordered[:2] == (("decimal", "%1."), ("ganada", "%2.")) and symbols.bullets[0] == "-"
    english = nb.list_formats(nb.Style.PRESS, EN, nb.HeadingNumbering.SYMBOLS, False)
    assert english.ordered[:3] == (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))
    assert len(outline.ordered) == 9 and all(text.startswith(("%", "(")) for _, text in outline.ordered)


def test_hanging_indents_fit_the_widest_label() -> None:
    assert nb.hanging_em(["○"]) == 1.5 and nb.hanging_em([]) == 0.0 and nb.hanging_em([""]) == 0.0
    assert nb.hanging_em(["3.9", "3.10"]) == nb.hanging_em(["3.10"]) > nb.hanging_em(["3.9"])
    assert nb.hanging_em(["Note:"]) >= 3.0


def test_row_estimates_and_cuts() -> None:
    assert table_layout.text_lines("가" * 30, 30) == 1 and table_layout.text_lines("가" * 31, 30) == 2
    assert table_layout.text_lines("a\nb\n", 30) == 3  # every manual break starts a line
    assert table_layout.text_lines("", 0) == 1
    assert table_layout.cut([5, 5, 5, 5], 10) == [2]
    assert table_layout.cut([30, 1, 1], 10) == [1]  # one paragraph taller than the budget stays whole
    assert table_layout.pieces(4, [2]) == [range(0, 2), range(2, 4)]


# -- point 5: 개조식 in the DOCX -------------------------------------------------------------------------


def report_briefing() -> Briefing:
    briefing = Briefing(title=Bilingual(ko="배치 시험", en="Layout test"))
    section = briefing.add_section(Section(title=Bilingual(ko="주요 내용", en="Main points")))
    wide = "양측은 ▵우주정책, ▵연습·훈련, ▵인력교류 등 다양한 분야에서 국방우주협력을 강화하기 위한 방안을 논의했다. "
    english = "Both sides discussed space policy, exercises and training, and personnel exchanges. "
    briefing.add_item(section.id, item(english * 3, wide * 3, source=KO))
    briefing.add_item(
        section.id,
        item("A short line\nand a long one " * 4, "짧은 첫 줄\n두 번째 줄은 " + wide * 2, source=KO),
    )
    note = item(
        "Korea joins in January. " * 8,
        "한국은 JCO 셀 운영 업무절차를 숙달한 후 2025년 1월 TTX에 정식 참여할 예정이다. " * 3,
    )
    note.type, note.note_mark = ItemType.NOTE, NoteMark.REFERENCE
    briefing.add_item(section.id, note)
    briefing.add_item(section.id, item("Lists:\n\n1. one\n2. two", "목록:\n\n1. 하나\n2. 둘", source=KO))
    return briefing


def _run_fonts(run: object) -> dict[str, str]:
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")  # type: ignore[attr-defined]
    return {} if fonts is None else {k.split("}")[1]: v for k, v in fonts.attrib.items()}


def test_report_items_hang_after_their_symbol_from_the_hangul_font() -> None:
    data = render(report_briefing(), find_template("meeting-report"), Layout.KO)
    paragraphs = body_paragraphs(data)
    heading = next(p for p in paragraphs if texts(p).startswith("□\t주요 내용"))
    first = next(p for p in paragraphs if texts(p).startswith("○\t양측은"))
    for p in (heading, first):
        runs = p.findall(qn("w:r"))  # type: ignore[attr-defined]
        assert runs[1].find(qn("w:tab")) is not None  # a tab after the symbol, never a space to stretch
        fonts = _run_fonts(runs[0])
        assert fonts["eastAsia"] == fonts["ascii"] == fonts["hAnsi"] == "Batang" and fonts["hint"] == "eastAsia"
    ppr = first.find(qn("w:pPr"))  # type: ignore[attr-defined]
    indent = ppr.find(qn("w:ind"))
    left, hanging = int(indent.get(qn("w:left"))), int(indent.get(qn("w:hanging")))
    assert hanging == 18 * 20  # 1.5 em of 12 pt: the symbol and a half-em gap
    assert left == 14 * 20 + hanging  # the style's indent plus the hanging label: wrapped lines under the text
    assert ppr.find(f"{qn('w:tabs')}/{qn('w:tab')}").get(qn("w:pos")) == str(left)
    # ▵ inside the text comes from the Hangul font too; the words around it stay in the paragraph's fonts.
    triangles = [r for r in first.findall(qn("w:r")) if texts(r).startswith("▵")]  # type: ignore[attr-defined]
    assert len(triangles) == 9 and all(texts(r) == "▵" and _run_fonts(r)["ascii"] == "Batang" for r in triangles)
    assert "양측은 ▵우주정책, ▵연습·훈련" in texts(first)
    # An item's list aligns with its text: the number one step right of where the text starts.
    numbered = [p for p in paragraphs if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]  # type: ignore[attr-defined]
    assert len(numbered) == 2
    for p in numbered:
        ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")  # type: ignore[attr-defined]
        assert int(ind.get(qn("w:left"))) - int(ind.get(qn("w:hanging"))) == left
    intro = next(p for p in paragraphs if texts(p).startswith("○\t목록"))
    assert intro is not None


def test_notes_hang_and_stay_with_the_item_they_annotate() -> None:
    for layout in (Layout.KO, Layout.EN):
        paragraphs = body_paragraphs(render(report_briefing(), find_template("meeting-report"), layout))
        mark = "※" if layout is Layout.KO else "Note:"
        index = next(n for n, p in enumerate(paragraphs) if texts(p).startswith(f"{mark}\t"))
        note = paragraphs[index].find(qn("w:pPr"))  # type: ignore[attr-defined]
        assert note.find(qn("w:keepLines")) is not None and note.find(qn("w:ind")).get(qn("w:hanging"))
        before = paragraphs[index - 1].find(qn("w:pPr"))  # type: ignore[attr-defined]
        assert before.find(qn("w:keepNext")) is not None  # the item's last line keeps with its note
        others = [p for n, p in enumerate(paragraphs) if n not in (index - 1, index)]
        assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepLines')}") is None for p in others)  # type: ignore[attr-defined]


def test_a_pack_number_hangs_and_a_note_keeps_its_mark_after_it() -> None:
    example = load(EXAMPLE)
    paragraphs = body_paragraphs(render(example, find_template("briefing-pack"), Layout.KO))
    numbered = [texts(p) for p in paragraphs if re.match(r"\d+\.\d+\t", texts(p))]
    assert numbered and any(re.match(r"3\.3\t[*※] ", text) for text in numbered)
    # sibling items share one hanging indent, so 3.9 and 3.10 would start their text at the same place
    hangs = {
        p.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:hanging"))  # type: ignore[attr-defined]
        for p in paragraphs
        if re.match(r"1\.\d+\t", texts(p))
    }
    assert len(hangs) == 1


def outline_template(tmp_path: Path) -> str:
    """The meeting report as an office's own template numbered 1. 가. (in the data folder)."""
    folder = user_templates_folder() / "report-outline"
    shutil.copytree(BUILT_IN / "meeting-report", folder)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["numbering"] = "outline"
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return "report-outline"


def test_a_report_can_number_its_outline_1_ga(tmp_path: Path) -> None:
    key = outline_template(tmp_path)
    assert find_template(key).numbering is nb.HeadingNumbering.OUTLINE
    example = load(EXAMPLE)
    korean = [texts(p) for p in body_paragraphs(render(example, find_template(key), Layout.KO))]
    assert "1.\t개요" in korean and "2.\t주요 논의 내용" in korean
    assert any(text.startswith("가.\t국방부와") for text in korean)
    assert any(text.startswith("나.\t이번 회의는") for text in korean)
    assert not any(text.startswith(("□", "○")) for text in korean)
    english = [texts(p) for p in body_paragraphs(render(example, find_template(key), Layout.EN))]
    assert "1.\tOverview" in english and any(text.startswith("a.\t") for text in english)
    bilingual = opened(render(example, find_template(key), Layout.BILINGUAL)).tables[-1]
    assert texts(bilingual.rows[1].cells[1].paragraphs[0]._p) == "1. 개요"  # centred: a space, not a tab
    assert texts(bilingual.rows[2].cells[1].paragraphs[0]._p).startswith("가.\t")
    assert texts(bilingual.rows[2].cells[2].paragraphs[0]._p).startswith("a.\t")
    numbering = opened(render(example, find_template(key), Layout.KO)).part.numbering_part.element
    levels = numbering.xpath("//w:abstractNum[@w:abstractNumId='7302']/w:lvl[@w:ilvl='0']/w:lvlText/@w:val")
    assert levels == ["%1)"]  # lists in items continue the outline: 1) 가)


def test_a_bad_numbering_option_is_a_clear_template_error(tmp_path: Path) -> None:
    key = outline_template(tmp_path)
    manifest_path = user_templates_folder() / key / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["numbering"] = "roman\x1b[31m"
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(Exception) as raised:
        find_template(key)
    assert getattr(raised.value, "code", "") == "templates.invalid_manifest"


# -- point 9: manual line breaks ---------------------------------------------------------------------


@pytest.mark.parametrize("key", ["meeting-report", "press-release"])
def test_the_line_before_a_manual_break_is_not_stretched(key: str) -> None:
    document = opened(render(report_briefing(), find_template(key), Layout.KO))
    compat = document.settings.element.find(qn("w:compat"))
    names = [child.tag.split("}")[1] for child in compat]
    assert names.count("doNotExpandShiftReturn") == 1
    assert names.index("doNotExpandShiftReturn") < names.index("useFELayout")  # schema order
    assert any(p.find(f"{qn('w:r')}/{qn('w:br')}") is not None for p in document.element.body.iter(qn("w:p")))


def test_a_template_without_compatibility_settings_gets_them_in_place(tmp_path: Path) -> None:
    from briefing.export import docx_support as ox

    document = docx.Document(str(BUILT_IN / "press-release" / "document.docx"))
    settings = document.settings.element
    settings.remove(settings.find(qn("w:compat")))
    ox.no_stretch_before_line_breaks(document)
    ox.no_stretch_before_line_breaks(document)  # once only
    names = [child.tag.split("}")[1] for child in settings]
    assert names.count("compat") == 1 and names.index("compat") < names.index("rsids")
    assert len(settings.find(qn("w:compat"))) == 1


# -- point 7: the bilingual table ----------------------------------------------------------------------


def big_briefing(items: int = 420) -> Briefing:
    """Sections of 25 items of mixed length (five to thirty lines in English), every tenth item a (short) note, and every
    sixtieth item taller than a page (eight paragraphs). Before issue 12 this left 10 section headings alone at a
    page's foot and 25 of 155 pages with more than a quarter page empty (the largest gap 61 % of the page)."""
    sentence_en = "The two sides agreed to expand defense space cooperation in every domain (local time). "
    sentence_ko = "양측은 모든 영역에서 국방우주협력을 확대하기로 합의했다. "
    lengths = (4, 4, 12, 4, 5, 4, 3, 4, 9, 4, 4, 18)
    briefing = Briefing(title=Bilingual(ko="대형 브리핑", en="Large briefing"))
    section = None
    for number in range(items):
        if number % 25 == 0:
            title = Bilingual(ko=f"{number // 25 + 1}부 협의 결과", en=f"Part {number // 25 + 1} results")
            section = briefing.add_section(Section(title=title))
        assert section is not None
        if number % 60 == 59:
            en = "\n\n".join([sentence_en * 14] * 8)
            ko = "\n\n".join([sentence_ko * 14] * 8)
        else:
            count = 1 if number % 10 == 9 else lengths[number % len(lengths)]  # notes are short
            en, ko = f"Item {number}: " + sentence_en * count, f"항목 {number}: " + sentence_ko * count
        made = item(en, ko)
        if number % 10 == 9:
            made.type, made.note_mark = ItemType.NOTE, NoteMark.ASTERISK
        briefing.add_item(section.id, made)
    return briefing


def test_heading_rows_keep_with_the_next_row_and_only_short_rows_cannot_split() -> None:
    briefing = big_briefing(120)
    data = render(briefing, find_template("briefing-pack"), Layout.BILINGUAL)
    table = opened(data).tables[-1]
    rows = table.rows[1:]
    headings = [row for row in rows if row.cells[0].text.isdigit()]
    assert len(headings) == len(briefing.sections)
    for row in headings:
        assert all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    items = [row for row in rows if not row.cells[0].text.isdigit()]
    fixed = [row for row in items if row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None]
    assert 0 < len(fixed) < len(items)
    for row, after in itertools.pairwise(items):  # a row that cannot split is short: under a quarter page
        if row in fixed:
            assert len(row.cells[1].text) < 400, row.cells[0].text
        elif not any(r.cells[1].text.startswith("*\t") for r in (row, after)):  # (an item and its note may split)
            assert len(row.cells[1].text) > 150, row.cells[0].text
    # the row of an item a note annotates keeps with the note's row, unless the two are too tall to move together
    kept = 0
    for before, after in itertools.pairwise(items):
        if after.cells[1].text.startswith("*\t"):
            keeps = all(cell.paragraphs[-1].paragraph_format.keep_with_next for cell in before.cells[1:])
            assert keeps == (before in fixed and after in fixed), before.cells[0].text
            kept += keeps
        if before.cells[1].text.startswith("*\t"):  # a note's own paragraphs never chain its row to the next
            assert not any(p.paragraph_format.keep_with_next for c in before.cells for p in c.paragraphs)
    assert 0 < kept < 12


def test_an_item_taller_than_a_page_continues_in_rows_marked_continued() -> None:
    briefing = big_briefing(60)
    data = render(briefing, find_template("briefing-pack"), Layout.BILINGUAL)
    rows = opened(data).tables[-1].rows
    long_rows = [row for row in rows if row.cells[0].text == "3.10"]  # item 59: the 60th, eight paragraphs
    assert len(long_rows) >= 2
    for row in long_rows[1:]:
        assert row.cells[1].text.startswith("(계속) ") and row.cells[2].text.startswith("(continued) ")
    korean = "\n".join(row.cells[1].text for row in long_rows)
    assert korean.count("양측은") == 8 * 14  # every paragraph once, none lost or doubled
    assert sum(len(row.cells[1].paragraphs) for row in long_rows) == 8
    # the documents still agree item by item (bookmarks only on the item's first row)
    korean_doc = render(briefing, find_template("briefing-pack"), Layout.KO)
    assert verify(korean_doc, data) == []


def test_a_huge_single_paragraph_item_stays_one_splittable_row() -> None:
    briefing = Briefing(title=Bilingual(ko="큰 항목", en="Huge item"))
    section = briefing.add_section(Section(title=Bilingual(ko="절", en="Part")))
    briefing.add_item(section.id, item("Word " * 40_000 + "\x1b[31m", "낱말 " * 40_000, source=KO))
    table = opened(render(briefing, find_template("meeting-report"), Layout.BILINGUAL)).tables[-1]
    row = table.rows[-1]
    assert row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None
    assert "␛[31m" in row.cells[2].text and len(table.rows) == 3


# -- what LibreOffice shows ----------------------------------------------------------------------------


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, each word's box (x0, y0, x1, y1) and text."""
    program = shutil.which("pdftotext")
    assert program, "pdftotext is needed for this test (./dev test installs it)"
    xml = subprocess.run([program, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)
        pages.append([(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in found])
    return pages


@pytest.mark.slow
def test_pdf_wrapped_lines_align_with_the_text_and_breaks_do_not_stretch(tmp_path: Path) -> None:
    assert libreoffice(), "LibreOffice is needed for this test (./dev test installs it)"
    source = tmp_path / "report.docx"
    source.write_bytes(render(report_briefing(), find_template("meeting-report"), Layout.KO))
    (words,) = _words(convert_to_pdf(source, tmp_path))[:1]
    lines: dict[float, list[tuple[float, float, float, float, str]]] = {}
    for word in words:
        lines.setdefault(round(word[1]), []).append(word)
    rows = [sorted(line) for _, line in sorted(lines.items())]
    first = next(n for n, line in enumerate(rows) if line[0][4] == "○" and line[1][4] == "양측은")
    symbol, text = rows[first][0], rows[first][1]
    assert abs((symbol[2] - symbol[0]) - 12) < 0.5  # ○ full width at 12 pt: drawn from the Hangul font
    assert rows[first + 1][0][0] == pytest.approx(text[0], abs=0.5)  # wrapped line under the text, not the ○
    assert rows[first + 1][0][0] > symbol[0] + 12
    # "짧은 첫 줄" ends with a manual break: its spaces stay natural instead of stretching to the margin
    short = next(line for line in rows if [w[4] for w in line[:2]] == ["○", "짧은"])
    gaps = [b[0] - a[2] for a, b in itertools.pairwise(short[1:])]
    assert gaps and max(gaps) < 8 and short[-1][2] < 300
    note = next(line for line in rows if line[0][4] == "※")
    wrapped_note = rows[rows.index(note) + 1]
    assert wrapped_note[0][0] == pytest.approx(note[1][0], abs=0.5)


@pytest.mark.slow
def test_pdf_of_a_420_item_table_leaves_no_heading_alone_and_no_quarter_page_gap(tmp_path: Path) -> None:
    assert libreoffice(), "LibreOffice is needed for this test (./dev test installs it)"
    source = tmp_path / "big.docx"
    source.write_bytes(render(big_briefing(420), find_template("briefing-pack"), Layout.BILINGUAL))
    pages = _words(convert_to_pdf(source, tmp_path))
    points = 72 / 25.4
    height, top, bottom = 210 * points, 20 * points, 18 * points  # the template's landscape page and margins
    body = height - top - bottom
    alone, gaps = [], []
    for number, words in enumerate(pages, start=1):
        inside = [w for w in words if top - 2 < w[1] and w[3] < height - bottom]
        headings = [w for w in inside if re.fullmatch(r"\d+부", w[4])]
        if headings:
            last = max(h[1] for h in headings)
            if not any(w[1] > last + 5 and re.fullmatch(r"\d+:|모든|영역에서", w[4]) for w in inside):
                alone.append(number)
        if number < len(pages):
            gaps.append(height - bottom - max(w[3] for w in inside))
    assert alone == []
    assert max(gaps) < body / 4, (max(gaps), body)
    flat = " ".join(w[4] for words in pages for w in words)
    # the seven items taller than a page continue in seven rows each (pdftotext's boxes drop the italic brackets)
    assert flat.count("계속") == flat.count("(continued)") == 7 * 7

"""Numbering that agrees in every layout, and drafts that show their state (issue 12, points 6 and 8)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefing.export.pack import libreoffice, make_pack, structure, verify
from briefing.export.render import render
from briefing.export.templates import Layout, available_templates, find_template
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, TargetOrigin, TargetStatus
from briefing.storage import load
from tests.conftest import EXAMPLE

TEMPLATES = sorted(available_templates())
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\.?\s")


def example() -> Briefing:
    briefing = load(EXAMPLE)
    briefing.meeting.marking = Bilingual(ko="대외비", en="FOR OFFICIAL USE ONLY")
    return briefing


def _bookmarked_paragraphs(data: bytes) -> list[tuple[str, object]]:
    """Each section heading and item's first paragraph (`w:p`) with its hidden bookmark's name, in order."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name"))
        if name.startswith("_bs_"):
            found.append((name, start.getparent()))
    return found


def _text(p: object) -> str:
    """The paragraph's text, a tab (after a hanging label) as a tab (tab stops in its properties are not text)."""
    nodes = p.iter(qn("w:t"), qn("w:tab"))  # type: ignore[attr-defined]
    return "".join((n.text or "") if n.tag == qn("w:t") else "\t" for n in nodes if n.getparent().tag == qn("w:r"))


def printed_numbers(data: bytes, layout: Layout) -> list[str]:
    """The number each section and item shows: the text's leading number in one language, the No. column of
    the row in the bilingual table ("" where nothing is printed)."""
    numbers = []
    for _, p in _bookmarked_paragraphs(data):
        if layout is Layout.BILINGUAL:
            row = p.getparent().getparent()  # type: ignore[attr-defined]
            numbers.append(_text(row.find(qn("w:tc"))))
        else:
            match = _NUMBER.match(_text(p))
            numbers.append(match.group(1) if match else "")
    return numbers


def symbols(data: bytes) -> list[str]:
    """The first character of each bookmarked paragraph (the report's □/○ and note marks)."""
    return [_text(p)[:1] for _, p in _bookmarked_paragraphs(data)]


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_layout_numbers_the_same_items_the_same_way(key: str) -> None:
    briefing = example()
    template = find_template(key)
    rendered = {layout: render(briefing, template, layout) for layout in Layout}
    expected = [number for number, _ in structure(rendered[Layout.KO])]  # what the outline and QA call them
    assert "3.3" in expected and any(item.type is ItemType.NOTE for item in briefing.sections[2].items)
    assert verify(rendered[Layout.KO], rendered[Layout.EN]) == []
    table = printed_numbers(rendered[Layout.BILINGUAL], Layout.BILINGUAL)
    assert table == expected  # the No. column: notes take their place too
    korean, english = (printed_numbers(rendered[layout], layout) for layout in (Layout.KO, Layout.EN))
    assert korean == english
    if template.style.value == "pack":
        assert korean == expected  # 3.1, 3.2, 3.3 (the note), 3.4: no gap
    else:
        assert korean == [""] * len(expected)  # a press release and a report print no numbers
    if template.style.value == "report":  # □ sections, ○ items, notes their mark: the same in every layout
        single = symbols(rendered[Layout.KO])
        assert set(single) <= {"□", "○", "*", "※"} and "□" in single and "○" in single
        assert symbols(rendered[Layout.BILINGUAL]) == single
        assert set(symbols(rendered[Layout.EN])) <= {"■", "●", "*", "※"}


def test_a_note_in_the_single_language_pack_carries_its_number() -> None:
    data = render(example(), find_template("briefing-pack"), Layout.KO)
    texts = [_text(p) for _, p in _bookmarked_paragraphs(data)]
    assert any(re.match(r"^3\.3\t[*※] ", text) for text in texts), texts


# -- drafts show their state --------------------------------------------------------------------------

VML_SHAPE = "{urn:schemas-microsoft-com:vml}shape"
VML_TEXT = "{urn:schemas-microsoft-com:vml}textpath"


def header_watermarks(data: bytes) -> list[list[str]]:
    """For each header part of the document, the watermark texts its VML shapes hold."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for part in document.part.package.iter_parts():
        if part.partname.startswith("/word/header"):
            shapes = [
                shape.find(VML_TEXT).get("string")
                for shape in part.element.iter(VML_SHAPE)
                if (shape.get("id") or "").startswith("PowerPlusWaterMarkObject")
            ]
            found.append(shapes)
    return found


def unfinished_briefing() -> tuple[Briefing, Item]:
    """The example with one machine-translated item (Korean is its target) and an open and a resolved comment."""
    briefing = example()
    item = briefing.sections[0].items[0]
    assert item.target is Language.KO
    item.set_text(Language.KO, "기계가 옮긴 문장입니다.", TargetOrigin.MACHINE)
    assert item.status is TargetStatus.MACHINE
    item.add_comment("김 사무관", "일자를 회의록과 대조할 것")
    done = item.add_comment("Lee", "resolved already")
    item.resolve_comment(done.id, by="Lee")
    return briefing, item


@pytest.mark.parametrize("key", TEMPLATES)
@pytest.mark.parametrize("layout", list(Layout))
def test_a_draft_has_a_watermark_in_every_header_and_a_final_none(key: str, layout: Layout) -> None:
    briefing = example()
    draft = header_watermarks(render(briefing, find_template(key), layout, draft=True))
    expected = {Layout.KO: "초안", Layout.EN: "DRAFT", Layout.BILINGUAL: "초안 DRAFT"}[layout]
    assert draft and all(shapes == [expected] for shapes in draft), draft
    final = header_watermarks(render(briefing, find_template(key), layout))
    assert final and all(shapes == [] for shapes in final)


def test_a_template_with_its_own_first_page_header_gets_the_watermark_there_too(briefing_home: Path) -> None:
    source = find_template("press-release")
    folder = briefing_home / "templates" / "first-page"
    shutil.copytree(source.folder, folder)
    path = folder / "document.docx"
    document = docx.Document(str(path))
    document.sections[0].different_first_page_header_footer = True
    document.sections[0].first_page_header.add_paragraph("Office letterhead")
    document.save(str(path))
    shapes = header_watermarks(render(example(), find_template("first-page"), Layout.EN, draft=True))
    assert len(shapes) >= 2 and all(found == ["DRAFT"] for found in shapes)


def _item_paragraphs(data: bytes, name_start: str) -> list[object]:
    return [p for name, p in _bookmarked_paragraphs(data) if name.startswith(name_start)]


@pytest.mark.parametrize("layout", list(Layout))
def test_a_machine_translated_target_is_shaded_and_tagged_in_a_draft_only(layout: Layout) -> None:
    briefing, _ = unfinished_briefing()
    template = find_template("briefing-pack")
    draft = render(briefing, template, layout, draft=True)
    final = render(briefing, template, layout)
    tag = {Layout.EN: None, Layout.KO: "[기계 번역]", Layout.BILINGUAL: "[기계 번역]"}[layout]
    (p,) = _item_paragraphs(draft, "_bs_1_1_")  # the Korean side carries the bookmark
    shading = p.find(qn("w:pPr")).find(qn("w:shd"))  # type: ignore[attr-defined]
    if tag is None:  # English is the source: nothing to mark
        assert shading is None and "[" not in _text(p)
    else:
        assert shading is not None and shading.get(qn("w:fill")) == "FFF2CC"
        assert tag in _text(p) and "기계가 옮긴 문장입니다." in _text(p)
        assert _text(p).startswith("1.1\t[기계 번역] " if layout is Layout.KO else "[기계 번역] ")
    other = _item_paragraphs(draft, "_bs_1_2_")[0]  # an approved item stays plain
    assert other.find(qn("w:pPr")).find(qn("w:shd")) is None  # type: ignore[attr-defined]
    (plain,) = _item_paragraphs(final, "_bs_1_1_")
    assert plain.find(qn("w:pPr")).find(qn("w:shd")) is None and "[" not in _text(plain)  # type: ignore[attr-defined]


def test_every_unfinished_status_gets_its_tag_in_the_document_language() -> None:
    briefing = example()
    items = briefing.sections[1].items[:4]
    for item, status in zip(
        items, (TargetStatus.MACHINE, TargetStatus.MEMORY, TargetStatus.NEEDS_REVIEW, TargetStatus.EMPTY), strict=True
    ):
        item.status = status
        item.source = Language.KO  # English is the target
        if status is TargetStatus.EMPTY:
            item.text.en = ""
    data = render(briefing, find_template("press-release"), Layout.EN, draft=True)
    body = docx.Document(io.BytesIO(data)).element.body
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    for tag in ("[machine]", "[memory]", "[needs review]", "[empty]"):
        assert sum(text.startswith(tag + " ") for text in texts) == 1, tag


@pytest.mark.parametrize("layout", list(Layout))
def test_open_comments_are_in_a_draft_appendix(layout: Layout) -> None:
    briefing, _ = unfinished_briefing()
    template = find_template("meeting-report")
    draft = docx.Document(io.BytesIO(render(briefing, template, layout, draft=True)))
    title = {
        Layout.KO: "부록: 미해결 의견",
        Layout.EN: "Appendix: open comments",
        Layout.BILINGUAL: "부록: 미해결 의견",
    }
    headings = [p for p in draft.paragraphs if p.text.startswith(title[layout])]
    assert len(headings) == 1 and headings[0].paragraph_format.page_break_before
    rows = [[cell.text for cell in row.cells] for row in draft.tables[-1].rows]
    assert ["1.1", "김 사무관", "일자를 회의록과 대조할 것"] in rows
    assert not any("resolved already" in cell for row in rows for cell in row)
    shown = [row for row in rows[1:] if row[0]]
    open_count = sum(not c.resolved for s in briefing.sections for i in s.items for c in i.comments)
    assert len(shown) == open_count
    final = docx.Document(io.BytesIO(render(briefing, template, layout)))
    assert not any(p.text.startswith(title[layout]) for p in final.paragraphs)
    assert "김 사무관" not in "".join(t.text or "" for t in final.element.body.iter(qn("w:t")))


def test_a_watermark_text_is_safe_xml() -> None:
    from briefing.export.docx_support import watermark_run

    run = watermark_run('초안 "<&>\x1b', 'Malgun "Gothic', 1)
    textpath = next(run.iter(VML_SHAPE)).find(VML_TEXT)
    assert textpath.get("string") == '초안 "<&>␛'
    assert 'Malgun "Gothic' in textpath.get("style")


@pytest.mark.slow
def test_libreoffice_draws_the_watermark(tmp_path: Path) -> None:
    """The PDF of a draft has pale grey pixels in the middle of each page where the final has none."""
    if libreoffice() is None:
        pytest.fail("LibreOffice is needed for this test (./dev test installs it)")
    briefing = example()
    for draft in (True, False):
        make_pack(briefing, find_template("press-release"), tmp_path, "w", [Layout.EN], draft=draft, pdf=True)
    grey = {}
    for draft in (True, False):
        pdf = tmp_path / f"w.press-release{'.draft' if draft else ''}.en.pdf"
        prefix = tmp_path / ("draft" if draft else "final")
        subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(prefix)], check=True)
        pages = sorted(tmp_path.glob(f"{prefix.name}-*.pgm"))
        grey[draft] = [_pale_grey_share(page.read_bytes()) for page in pages]
    assert len(grey[True]) == len(grey[False]) + 1  # the draft's appendix of open comments
    # Text is grey too at 30 dpi; the diagonal word adds a fifth of the middle of every page.
    assert min(grey[True]) > max(grey[False]) + 0.1, grey


def _pale_grey_share(pgm: bytes) -> float:
    """The share of pixels in the page's middle third that are pale grey (the silver, half-transparent word)."""
    header, _, rest = pgm.partition(b"\n")
    assert header == b"P5"
    size, _, rest = rest.partition(b"\n")
    width, height = (int(n) for n in size.split())
    _, _, pixels = rest.partition(b"\n")
    middle = [
        pixels[y * width + x] for y in range(height // 3, 2 * height // 3) for x in range(width // 3, 2 * width // 3)
    ]
    return sum(200 <= value <= 240 for value in middle) / len(middle)

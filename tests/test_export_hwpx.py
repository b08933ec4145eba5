"""HWPX export: reopened with python-hwpx, validated against the OWPML schema python-hwpx ships, compared item by
item with the DOCX of the same template and layout, rendered to pages by rhwp, and hostile templates refused."""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hwpx import HwpxDocument
from hwpx.tools.package_validator import validate_editor_open_safety
from lxml import etree

from briefing.export import hwpx_package
from briefing.export.hwpx_render import HP, render_hwpx, structure
from briefing.export.pack import ExportError, make_pack, parse_formats, verify_hwpx
from briefing.export.pack import structure as docx_structure
from briefing.export.parts import document_parts
from briefing.export.render import render
from briefing.export.templates import ItemStyle, Layout, TemplateError, find_template, user_templates_folder
from briefing.language.phrases import meeting_name
from briefing.model import Bilingual, Briefing, ItemType, Language, NoteMark, Section, TargetStatus
from briefing.storage import load
from tests.conftest import EXAMPLE
from tests.helpers import item, large_briefing
from tests.test_export_layout import big_briefing, outline_template


def example() -> Briefing:
    briefing = load(EXAMPLE)
    briefing.meeting.marking = Bilingual(ko="대외비", en="FOR OFFICIAL USE ONLY")
    return briefing


@functools.cache
def rendered(key: str, layout: Layout, draft: bool = False) -> bytes:
    return render_hwpx(example(), find_template(key), layout, draft=draft)


def section_root(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("Contents/section0.xml"))


def bookmarked_text_hwpx(data: bytes) -> dict[str, str]:
    """The text of each paragraph that carries a hidden bookmark, by bookmark name."""
    found = {}
    for mark in section_root(data).iter(f"{{{HP}}}bookmark"):
        paragraph = next(a for a in mark.iterancestors() if a.tag == f"{{{HP}}}p")
        found[mark.get("name")] = "".join("".join(t.itertext()) for t in paragraph.iter(f"{{{HP}}}t"))
    return found


def bookmarked_text_docx(data: bytes) -> dict[str, str]:
    document = docx.Document(io.BytesIO(data))
    found = {}
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        paragraph = next(a for a in start.iterancestors() if a.tag == qn("w:p"))
        found[start.get(qn("w:name"))] = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    return found


@pytest.mark.parametrize(
    ("key", "layout"),
    [("meeting-report", Layout.KO), ("press-release", Layout.EN), ("briefing-pack", Layout.BILINGUAL)],
)
def test_every_item_opens_as_in_the_docx_of_the_same_template_and_layout(key: str, layout: Layout) -> None:
    """Same sections and items in the same order, and each numbered/bookmarked paragraph says the same thing."""
    data = rendered(key, layout)
    word = render(example(), find_template(key), layout)
    assert structure(data) == docx_structure(word)
    assert len(structure(data)) == 5 + sum(len(s.items) for s in example().sections)
    # python-hwpx's own save runs this check; the export writes its parts itself (faster), so it runs here
    safety = validate_editor_open_safety(data)
    assert safety.ok, safety.summary
    assert HwpxDocument.open(data).validate().issues == ()
    in_hwpx, in_docx = bookmarked_text_hwpx(data), bookmarked_text_docx(word)
    for name, text in in_hwpx.items():
        assert text.strip() == in_docx[name].strip(), name


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph of the DOCX body, table cells' paragraphs included, in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    return _non_empty("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def hwpx_paragraphs(data: bytes) -> list[str]:
    """The same of the HWPX section: each hp:p's own text (a table's paragraphs follow the one that anchors the
    table), the header's and footer's paragraphs left out as the DOCX body leaves them out."""
    texts = []
    for paragraph in section_root(data).iter(f"{{{HP}}}p"):
        if any(a.tag in (f"{{{HP}}}header", f"{{{HP}}}footer") for a in paragraph.iterancestors()):
            continue
        texts.append("".join("".join(t.itertext()) for t in paragraph.iterfind(f"{{{HP}}}run/{{{HP}}}t")))
    return _non_empty(texts)


def _non_empty(texts: Iterable[str]) -> list[str]:
    """Texts with their whitespace (tabs, spaces around line breaks) made one space; spacer paragraphs dropped."""
    return [re.sub(r"\s+", " ", text).strip() for text in texts if text.strip()]


@pytest.mark.parametrize("key", ["meeting-report", "press-release", "briefing-pack"])
@pytest.mark.parametrize("layout", [Layout.KO, Layout.EN, Layout.BILINGUAL])
def test_the_whole_text_is_the_docx_text_paragraph_by_paragraph(key: str, layout: Layout) -> None:
    """Every paragraph of the DOCX, parts around the sections included (banner, release line, contacts, card,
    dateline, end mark, 붙임, media contact, ###), is a paragraph of the HWPX of the same template and layout, in
    the same order and with the same text; a Korean layout is compared as a draft (tags, open comments)."""
    draft = layout is Layout.KO
    data = rendered(key, layout, draft)
    word = render(example(), find_template(key), layout, draft=draft)
    assert hwpx_paragraphs(data) == docx_paragraphs(word)


def test_the_standard_parts_stand_where_parts_py_puts_them() -> None:
    """The comparison above is not vacuous: the parts are in the HWPX, where each document kind has them."""
    briefing = example()
    release_en = hwpx_paragraphs(rendered("press-release", Layout.EN))
    parts = document_parts(briefing, ItemStyle.PRESS, Language.EN)
    assert release_en[0] == parts.release == "EMBARGOED UNTIL 6 A.M. KST, NOV. 8, 2024"
    assert release_en[1] == briefing.title.en and release_en[2] != parts.subtitle
    opening = [t for t in release_en if t.startswith("WASHINGTON, Nov. 7, 2024 \u2014 The Korean Ministry")]
    assert len(opening) == 1  # the dateline opens the first item, once
    tail = release_en[release_en.index("Media contact:") - 2 :]  # the tab after the label is no text
    assert tail[:2] == [
        "Attachments:1. Joint press statement of the 23rd SCWG (Korean and English)",
        "2. Delegation lists",
    ]
    assert tail[2:] == [*parts.media_contact, "###"]
    release_ko = hwpx_paragraphs(rendered("press-release", Layout.KO))
    assert release_ko[:5] == [
        "국방부 보도자료",
        document_parts(briefing, ItemStyle.PRESS, Language.KO).release,
        "담당 부서",
        "담당자",
        "연락처",
    ]
    assert "참석" not in release_ko  # a release leaves the other participants to its prose, as its DOCX
    report = hwpx_paragraphs(rendered("meeting-report", Layout.KO))
    assert report[:3] == [
        "제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고",
        "2024. 11. 8.(금)",
        "국방정책실 우주정책과 중령 김예시",
    ]
    assert "참석" in report and any("최예시" in t for t in report)
    end = report.index("끝.")  # the tab after ○ is no text (a paragraph's text is its hp:t/w:t text)
    assert report[end - 1].startswith("○2025") and report[end + 1 :] == [
        "붙임1. 제23차 SCWG 공동보도문(국문·영문)",
        "2. 양측 대표단 명단",
    ]
    section = section_root(rendered("meeting-report", Layout.KO))
    attachment = next(p for p in section.iter(f"{{{HP}}}p") if "".join(p.itertext()).startswith("붙임"))
    tab = attachment.find(f".//{{{HP}}}t/{{{HP}}}tab")  # the entry after a tab inside hp:t, as Hancom writes it
    assert tab is not None and tab.get("type") == "LEFT" and int(tab.get("width")) > 0  # the schema's shape


def test_the_dateline_opens_the_first_item_even_under_an_empty_first_section() -> None:
    """Where the dateline goes is decided once (parts.lead_in): both writers put it on the first item written."""
    briefing = example()
    briefing.sections.insert(0, Section(title=Bilingual(ko="빈 절", en="Empty part")))
    template = find_template("press-release")
    data = render_hwpx(briefing, template, Layout.EN)
    texts = hwpx_paragraphs(data)
    assert texts == docx_paragraphs(render(briefing, template, Layout.EN))
    after = texts[texts.index("Empty part") :]
    assert after[1] == "Overview" and after[2].startswith("WASHINGTON, Nov. 7, 2024 \u2014 The Korean Ministry")
    assert sum(text.startswith("WASHINGTON,") for text in texts) == 1


def test_reopened_with_python_hwpx_it_holds_the_briefing_and_passes_the_owpml_schema() -> None:
    briefing = example()
    data = rendered("meeting-report", Layout.KO)
    document = HwpxDocument.open(data)
    assert document.validate().issues == ()  # python-hwpx's OWPML header and section schemas
    text = document.text.plain()
    assert "제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고" in text  # the report's title (parts.py)
    assert "□\t개요" in text and "○\t국방부와 미 국방부는" in text  # label, tab, text (개조식)
    assert "2024. 11. 7.(목) 14:00(현지시각)" in text  # the report's official date style, as in its DOCX card
    for section in briefing.sections:
        for entry in section.items:
            plain = re.sub(r"[*_`]", "", entry.text.ko).split("\n")[0][:30]
            assert plain in text
    metadata = document.package.document_metadata()
    assert metadata.title == briefing.title.ko
    assert metadata.subject == meeting_name(briefing, Language.KO)
    headers = " ".join(
        "".join(t.itertext()) for part in document.sections[0].element.iter(f"{{{HP}}}header") for t in part.iter()
    )
    assert "대외비" in headers


def test_the_same_briefing_gives_the_same_bytes() -> None:
    first = render_hwpx(example(), find_template("press-release"), Layout.KO)
    assert first == render_hwpx(example(), find_template("press-release"), Layout.KO)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        entries = archive.infolist()
    assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED


def test_marking_red_draft_word_and_page_numbers_in_header_and_footer() -> None:
    data = rendered("meeting-report", Layout.KO, draft=True)
    root = section_root(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = etree.fromstring(archive.read("Contents/header.xml"))
    colours = {c.get("id"): c.get("textColor") for c in header.iter("{*}charPr")}
    parts = [*root.iter(f"{{{HP}}}header"), *root.iter(f"{{{HP}}}footer")]  # python-hwpx keeps two copies
    assert parts
    applied = {a.get("idRef") for a in root.iter(f"{{{HP}}}headerApply", f"{{{HP}}}footerApply")}
    assert applied <= {part.get("id") for part in parts}  # renumbered ids still meet their references
    for part in parts:
        runs = [r for r in part.iter(f"{{{HP}}}run") if "대외비" in "".join(r.itertext())]
        assert runs and colours[runs[0].get("charPrIDRef")] == "#C00000"
    top = "".join(parts[0].itertext())
    assert "초안" in top and "{" not in top
    text = "".join("".join(t.itertext()) for t in root.iter(f"{{{HP}}}t"))
    assert "부록: 미해결 의견(초안 전용)" in text  # the draft's appendix of open comments, as in its DOCX
    footer = next(root.iter(f"{{{HP}}}footer"))
    kinds = [n.get("numType") for n in footer.iter(f"{{{HP}}}autoNum")]
    assert kinds == ["PAGE", "TOTAL_PAGE"]


def test_markdown_keeps_its_meaning_as_hwpx_runs() -> None:
    briefing = Briefing(title=Bilingual(ko="마크다운", en="Markdown"))
    section = briefing.add_section(Section(title=Bilingual(ko="절", en="Part")))
    text = (
        "**굵게** *기울임* `code` [링크](https://example.org/a)\n\n- 하나\n- 둘\n    1. 첫째\n    2. 둘째\n\n끝\x1b[31m"
    )
    briefing.add_item(section.id, item("plain", text))
    briefing.add_item(section.id, item("note", "참고", type=ItemType.NOTE, note_mark=NoteMark.REFERENCE))
    data = render_hwpx(briefing, find_template("meeting-report"), Layout.KO)
    root = section_root(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = etree.fromstring(archive.read("Contents/header.xml"))
    shapes = {c.get("id"): c for c in header.iter("{*}charPr")}

    def shape_of(words: str) -> etree._Element:
        run = next(r for r in root.iter(f"{{{HP}}}run") if "".join(r.itertext()) == words)
        return shapes[run.get("charPrIDRef")]

    assert shape_of("굵게").find("{*}bold") is not None
    assert shape_of("기울임").find("{*}italic") is not None
    link = next(root.iter(f"{{{HP}}}fieldBegin"))
    assert link.get("type") == "HYPERLINK" and link.get("name") == "https://example.org/a"
    paragraphs = ["".join("".join(t.itertext()) for t in p.iter(f"{{{HP}}}t")) for p in root.iter(f"{{{HP}}}p")]
    body = [p for p in paragraphs if p]
    assert "- 하나" in body and "- 둘" in body and "가. 첫째" in body and "나. 둘째" in body  # as the report's DOCX
    assert any(p.startswith("○굵게 기울임 code 링크") for p in body)  # ○, a tab (no text), the text
    assert "끝␛[31m" in body  # a terminal escape shows as its control picture, never as raw ESC
    assert any(p.startswith("※참고") for p in body)
    assert HwpxDocument.open(data).validate().issues == ()
    section.items[0].status = TargetStatus.MACHINE
    draft = section_root(render_hwpx(briefing, find_template("meeting-report"), Layout.KO, draft=True))
    tags = [r for r in draft.iter(f"{{{HP}}}run") if "".join(r.itertext()).startswith("[")]
    assert ["".join(r.itertext()) for r in tags] == ["[기계 번역] "]  # a draft marks machine translation


def test_a_hundred_item_briefing_stays_matched() -> None:
    briefing = large_briefing(100, 120)
    data_ko = render_hwpx(briefing, find_template("briefing-pack"), Layout.KO)
    data_en = render_hwpx(briefing, find_template("briefing-pack"), Layout.EN)
    assert verify_hwpx(data_ko, data_en) == []
    assert len(structure(data_ko)) == 104
    del briefing.sections[0].items[3]
    shorter = render_hwpx(briefing, find_template("briefing-pack"), Layout.EN)
    assert verify_hwpx(data_ko, shorter)  # a missing item is found


def _hanging(data: bytes) -> list[tuple[str, float, int, int, int, int]]:
    """Each labelled paragraph of the body: (label, its size in points, its paragraph shape's left margin and
    내어쓰기 (intent), its tab stop, the width written on the tab after the label), in HWPUNIT (1/100 pt)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = etree.fromstring(archive.read("Contents/header.xml"))
    shapes = {p.get("id"): p for p in header.iter("{*}paraPr")}
    tabs = {t.get("id"): t for t in header.iter("{*}tabPr")}
    chars = {c.get("id"): int(c.get("height")) / 100 for c in header.iter("{*}charPr")}
    found = []
    for paragraph in section_root(data).iter(f"{{{HP}}}p"):
        t = paragraph.find(f"{{{HP}}}run/{{{HP}}}t")
        tab = t.find(f"{{{HP}}}tab") if t is not None else None
        if tab is None or t.text is None:
            continue
        shape = shapes[paragraph.get("paraPrIDRef")]
        margin = shape.find(".//{*}margin")  # inside hp:switch: the HWPUNIT case comes first
        values = {child.tag.split("}")[1]: int(child.get("value")) for child in margin}
        stop = tabs[shape.get("tabPrIDRef")].find(".//{*}tabItem")  # likewise
        size = chars[t.getparent().get("charPrIDRef")]
        found.append((t.text, size, values["left"], values["intent"], int(stop.get("pos")), int(tab.get("width"))))
    return found


def test_labels_hang_as_wide_as_the_docx_and_their_symbols_come_from_the_hangul_font() -> None:
    """개조식: □/○/* then a tab inside hp:t, 내어쓰기 as many ems wide as the DOCX's hanging indent (each in its own
    font size), the tab stop where the wrapped lines start, sibling items sharing one shape; Hangul fonts."""
    data = rendered("meeting-report", Layout.KO)
    word = docx.Document(io.BytesIO(render(example(), find_template("meeting-report"), Layout.KO)))
    docx_hangs = {}
    for paragraph in word.paragraphs:
        first = next(paragraph._p.iter(qn("w:t")), None)
        ind = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        if first is not None and first.text in ("□", "○", "*") and ind is not None:
            style = paragraph.style
            while style.font.size is None:
                style = style.base_style
            docx_hangs[first.text] = int(ind.get(qn("w:hanging"))) / 20 / style.font.size.pt  # ems
    found = _hanging(data)
    assert {label for label, *_ in found} == {"□", "○", "*"} == set(docx_hangs)
    for label, size, left, intent, stop, width in found:
        assert -intent / 100 / size == pytest.approx(docx_hangs[label], abs=0.02), label  # 1.5 em: one em + a gap
        assert abs(stop - (left - intent)) <= 1 and 0 < width < -intent  # the stop where the other lines start
    assert len({(left, intent) for label, _, left, intent, *_ in found if label == "○"}) == 1
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = etree.fromstring(archive.read("Contents/header.xml"))
    faces = {f.get("face") for f in header.iter("{*}font")}
    assert "휴먼명조" in faces and "맑은 고딕" in faces  # the report's chains: every script of a run takes them


def test_an_outline_numbered_template_numbers_the_hwpx_as_its_docx(tmp_path: Path) -> None:
    key = outline_template(tmp_path)
    for layout in (Layout.KO, Layout.EN, Layout.BILINGUAL):
        data = render_hwpx(example(), find_template(key), layout)
        assert hwpx_paragraphs(data) == docx_paragraphs(render(example(), find_template(key), layout))
    text = HwpxDocument.open(render_hwpx(example(), find_template(key), Layout.KO)).text.plain()
    assert "1.\t개요" in text and "가.\t국방부와" in text and "□" not in text and "○" not in text


def test_an_item_taller_than_a_page_continues_in_the_rows_the_docx_has() -> None:
    briefing = big_briefing(60)
    template = find_template("briefing-pack")
    data = render_hwpx(briefing, template, Layout.BILINGUAL)
    paragraphs = hwpx_paragraphs(data)
    assert paragraphs == docx_paragraphs(render(briefing, template, Layout.BILINGUAL))
    continued = [text for text in paragraphs if text.startswith(("(계속) ", "(continued) "))]
    assert len(continued) >= 2 and len(continued) % 2 == 0  # both columns continue, row by row
    assert sum(text.count("양측은") for text in paragraphs if "양측은 모든" in text and "항목" not in text) == 8 * 14
    assert HwpxDocument.open(data).validate().issues == ()


def test_rhwp_renders_the_korean_report_and_each_page_holds_its_text() -> None:
    """hwp-ingest (rhwp) draws the pages; every page has the marking at top and bottom, and the pages' text in
    order is the document's text."""
    hwp_ingest = pytest.importorskip("hwp_ingest")  # in the test extras (setup.cfg)
    data = rendered("meeting-report", Layout.KO)
    pages = hwp_ingest.to_svg_pages(data)
    assert len(pages) >= 2
    texts = []
    for svg in pages:
        glyphs = re.findall(rb"<text[^>]*>([^<]*)</text>", svg)
        page = "".join(g.decode("utf-8") for g in glyphs)
        assert page.startswith("대외비") and "대외비" in page[-40:]  # top and bottom of every page
        texts.append(re.sub(r"대외비[\d/ ]*$", "", page.removeprefix("대외비")))  # the body without the marks
    every = _letters("".join(texts))  # rhwp draws some punctuation (·) as shapes, not text: letters are compared
    briefing = example()
    for section in briefing.sections:
        assert _letters(section.title.ko) in every
        for entry in section.items:
            assert _letters(entry.text.ko)[:25] in every


def _letters(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z가-힣]", "", text)


# -- office templates and hostile ones ---------------------------------------------------------------


def office_template(folder_name: str, hwpx: bytes) -> Path:
    folder = user_templates_folder() / folder_name
    shutil.copytree(find_template("press-release").folder, folder)
    (folder / "document.hwpx").write_bytes(hwpx)
    return folder


def test_an_office_hwpx_without_placeholders_gets_the_marking_and_keeps_its_page_setup() -> None:
    office = HwpxDocument.new()
    office.page.setup(width_mm=182, height_mm=257, margin_left_mm=30, margin_right_mm=30)  # B5, wide margins
    office.add_paragraph("our letterhead text, replaced by the briefing")
    office_template("ministry", office.to_bytes())
    data = render_hwpx(example(), find_template("ministry"), Layout.KO)
    reopened = HwpxDocument.open(data)
    assert reopened.validate().issues == ()
    assert round(reopened.sections[0].properties.page_size.width / 7200 * 25.4) == 182
    root = section_root(data)
    for kind in ("header", "footer"):
        for part in root.iter(f"{{{HP}}}{kind}"):
            assert "대외비" in "".join(part.itertext())
    assert "letterhead" not in reopened.text.plain()


def _archive(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(find_template("press-release").hwpx_document(Layout.KO)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><hh:head xmlns:hh="urn:x">&lol3;</hh:head>'
)


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("broken zip", lambda: b"PK\x03\x04 this is not really a zip", "hwpx.not_hwpx"),
        (
            "missing header",
            lambda: _archive({k: v for k, v in _parts().items() if k != "Contents/header.xml"}),
            "hwpx.missing_part",
        ),
        ("entity expansion", lambda: _archive({**_parts(), "Contents/header.xml": LAUGHS}), "hwpx.entities"),
        (
            "external entity",
            lambda: _archive(
                {**_parts(), "settings.xml": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'}
            ),
            "hwpx.entities",
        ),
        (
            "broken xml",
            lambda: _archive({**_parts(), "Contents/section0.xml": b"<hs:sec><unclosed>"}),
            "hwpx.broken_xml",
        ),
        (
            "zip bomb",
            lambda: _archive({**_parts(), "Preview/PrvText.txt": b"0" * (17 * 1024 * 1024)}),
            "hwpx.too_large",
        ),
        ("not hwpx", lambda: _archive({**_parts(), "mimetype": b"application/zip"}), "hwpx.not_hwpx"),
    ],
)
def test_a_hostile_office_template_gets_one_coded_line_and_no_files(
    name: str, make: object, code: str, tmp_path: Path
) -> None:
    office_template("hostile", make())  # type: ignore[operator]
    template = find_template("hostile")
    with pytest.raises(TemplateError) as raised:
        make_pack(
            example(), template, tmp_path / "out", "pack", [Layout.KO, Layout.EN], draft=True, formats=("docx", "hwpx")
        )
    assert raised.value.code == code
    assert "\n" not in str(raised.value) and "hostile" in str(raised.value)
    assert not (tmp_path / "out").exists()


def test_a_huge_part_over_the_cap_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hwpx_package, "MAX_PART_BYTES", 256 * 1024)
    huge = b"<a>" + b" " * (300 * 1024) + b"</a>"
    office_template("huge", _archive({**_parts(), "Contents/section0.xml": huge}))
    with pytest.raises(TemplateError, match=r"section0.xml is larger than the limit"):
        render_hwpx(example(), find_template("huge"), Layout.KO)


# -- the pack -------------------------------------------------------------------------------------------


def test_pack_with_hwpx_lists_them_with_digests(tmp_path: Path) -> None:
    result = make_pack(
        example(),
        find_template("meeting-report"),
        tmp_path,
        "scwg",
        [Layout.KO, Layout.EN],
        draft=True,
        formats=parse_formats("docx,hwpx"),
    )
    names = sorted(path.name for path in result.files)
    assert "scwg.meeting-report.draft.ko.hwpx" in names and "scwg.meeting-report.draft.en.hwpx" in names
    manifest = json.loads((tmp_path / "scwg.meeting-report.draft.manifest.json").read_text("utf-8"))
    entries = [e for e in manifest["files"] if e["type"] == "hwpx"]
    assert [e["layout"] for e in entries] == ["ko", "en"]
    import hashlib

    for entry in entries:
        assert entry["sha256"] == hashlib.sha256((tmp_path / entry["file"]).read_bytes()).hexdigest()
    assert "HWPX" in manifest["verified"]
    with pytest.raises(ExportError) as raised:
        parse_formats("docx,pdf")
    assert raised.value.code == "export.bad_formats"


def test_a_note_keeps_with_the_item_it_annotates() -> None:
    """The annotated item's last paragraph keeps with the next; the note's own lines stay on one page."""
    data = rendered("meeting-report", Layout.KO)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = etree.fromstring(archive.read("Contents/header.xml"))
    breaks = {p.get("id"): p.find(".//{*}breakSetting") for p in header.iter("{*}paraPr")}
    body = [p for p in section_root(data).iter(f"{{{HP}}}p") if p.find(f"{{{HP}}}run/{{{HP}}}t") is not None]
    notes = [n for n, p in enumerate(body) if "".join(p.find(f"{{{HP}}}run/{{{HP}}}t").itertext()) == "*"]
    assert notes
    for n in notes:
        before, note = breaks[body[n - 1].get("paraPrIDRef")], breaks[body[n].get("paraPrIDRef")]
        assert before.get("keepWithNext") == "1" and note.get("keepLines") == "1"
    items = [
        breaks[p.get("paraPrIDRef")]
        for n, p in enumerate(body)
        if n + 1 not in notes and p.find(f"{{{HP}}}run/{{{HP}}}t").text == "○"
    ]
    assert len(items) > 10 and not any(b is not None and b.get("keepWithNext") == "1" for b in items)  # others don't


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_a_line_ending_in_a_section_title_is_one_line_break_in_every_document(ending: str) -> None:
    """A carriage return was written into `w:t` as `&#13;`: LibreOffice broke the bilingual table apart at it."""
    briefing = Briefing(title=Bilingual(ko="줄바꿈", en="Line ends"))
    section = briefing.add_section(Section(title=Bilingual(ko=f"우주{ending}정책", en=f"Space{ending}Policy")))
    briefing.add_item(section.id, item("plain", "본문"))
    for layout in Layout:
        data = render(briefing, find_template("press-release"), layout)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        assert b"&#13;" not in xml and b"\r" not in xml
        body = docx.Document(io.BytesIO(data)).element.body
        headings = [
            p for p in body.iter(qn("w:p")) if "정책" in "".join(p.itertext()) or "Policy" in "".join(p.itertext())
        ]
        assert headings, layout
        for heading in headings:
            assert len(list(heading.iter(qn("w:br")))) == 1, layout
        hwpx = render_hwpx(briefing, find_template("press-release"), layout)
        root = section_root(hwpx)
        titles = [
            t for t in root.iter(f"{{{HP}}}t") if "정책" in "".join(t.itertext()) or "Policy" in "".join(t.itertext())
        ]
        assert titles, layout
        for title in titles:
            assert len(list(title.iter(f"{{{HP}}}lineBreak"))) == 1 and "\r" not in "".join(title.itertext())

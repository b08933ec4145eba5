"""DOCX export: every template and layout, reopened and checked on the XML that was written."""

from __future__ import annotations

import html
import io
import itertools
import json
import re
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli.main import run
from briefing.export.pack import ExportError, make_pack, structure, verify
from briefing.export.preview import preview_html
from briefing.export.render import render
from briefing.export.templates import (
    Layout,
    TemplateError,
    available_templates,
    find_template,
    load_template,
    user_templates_folder,
)
from briefing.language.phrases import secret_level
from briefing.model import Bilingual, Briefing, ItemType, Language, NoteMark, Section
from briefing.storage import load
from tests.conftest import EXAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATES = sorted(available_templates())


def example(marking: bool = True) -> Briefing:
    briefing = load(EXAMPLE)
    if marking:
        briefing.meeting.marking = Bilingual(ko="대외비", en="FOR OFFICIAL USE ONLY")
    return briefing


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def body_text(document: docx.document.Document) -> str:
    return "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))


def header_text(document: docx.document.Document) -> str:
    section = document.sections[-1]
    return " ".join(p.text for part in (section.header, section.footer) for p in part.paragraphs)


def fields(document: docx.document.Document) -> list[str]:
    section = document.sections[-1]
    return [
        (t.text or "").strip()
        for part in (section.header, section.footer)
        for t in part._element.iter(qn("w:instrText"))
    ]


@pytest.mark.parametrize("key", TEMPLATES)
@pytest.mark.parametrize("layout", list(Layout))
def test_every_template_renders_every_layout(key: str, layout: Layout) -> None:
    template = find_template(key)
    briefing = example()
    data = render(briefing, template, layout)
    assert data == render(briefing, template, layout)  # byte-identical for the same input
    document = opened(data)
    text = body_text(document)
    if layout is not Layout.EN:
        assert "국방부와 미 국방부는 2024년 11월 7일(현지시각)" in text
        assert "제23차 한미 국방우주정책 실무협의회(SCWG)" in text
    if layout is not Layout.KO:
        assert "The Korean Ministry of National Defense and the U.S. Department of Defense convened" in text
        assert "23rd Korea-U.S. Space Cooperation Working Group (SCWG)" in text
    # Korean typography on the document defaults.
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == template.fonts.east_asian[0]
    assert fonts.get(qn("w:ascii")) == template.fonts.latin[0]
    assert not [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")]
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "ko-KR"
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "ko-KR"
    body_style = document.styles["Briefing Body"].element
    # The template's fallback chains in the font table: each font names the next as its alternative.
    table = document.part.part_related_by(RT.FONT_TABLE)
    entries = {f.get(qn("w:name")): f for f in parse_xml(table.blob).findall(qn("w:font"))}
    for chain in (template.fonts.east_asian, template.fonts.latin):
        for name, following in itertools.pairwise(chain):
            assert entries[name].find(qn("w:altName")).get(qn("w:val")) == following
        assert entries[chain[-1]].find(qn("w:altName")) is None
    for rule in ("wordWrap", "autoSpaceDE", "autoSpaceDN"):  # Korean words whole, "제23차" closed up
        assert body_style.find(qn("w:pPr")).find(qn(f"w:{rule}")).get(qn("w:val")) == "0"
    # The marking on every page (in the header or footer of the only section), page X / Y fields.
    assert len(document.sections) == 1
    marking = {
        Layout.KO: "대외비",
        Layout.EN: "FOR OFFICIAL USE ONLY",
        Layout.BILINGUAL: "대외비 / FOR OFFICIAL USE ONLY",
    }
    assert marking[layout] in header_text(document)
    assert fields(document) == ["PAGE", "NUMPAGES"]
    assert "DRAFT" not in header_text(document) and "초안" not in header_text(document)
    # Core properties from the document, not python-docx's defaults.
    properties = document.core_properties
    assert properties.author == "Briefing Studio example"
    assert properties.created == datetime(2024, 11, 8, 1, 0, 0, tzinfo=UTC)
    assert properties.modified == datetime(2024, 11, 8, 3, 30, 0, tzinfo=UTC)
    assert properties.language == {Layout.KO: "ko-KR", Layout.EN: "en-US", Layout.BILINGUAL: "ko-KR, en-US"}[layout]
    assert (
        properties.title
        == {
            Layout.KO: "제23차 한미 국방우주정책 실무협의회(SCWG) 개최",
            Layout.EN: "Korea-U.S. Space Cooperation Working Group (SCWG) Holds 23rd Meeting",
            Layout.BILINGUAL: "제23차 한미 국방우주정책 실무협의회(SCWG) 개최 / "
            "Korea-U.S. Space Cooperation Working Group (SCWG) Holds 23rd Meeting",
        }[layout]
    )
    assert "SCWG" in properties.subject
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        app = bundle.read("docProps/app.xml").decode()
        assert "<Application>Briefing Studio</Application>" in app
        assert {info.date_time for info in bundle.infolist()} == {(2024, 11, 8, 3, 30, 0)}  # the last change
        assert "python-docx" not in bundle.read("docProps/core.xml").decode()


@pytest.mark.parametrize("key", TEMPLATES)
def test_bilingual_table_repeats_its_header_and_never_splits_rows(key: str) -> None:
    document = opened(render(example(), find_template(key), Layout.BILINGUAL))
    section = document.sections[-1]
    assert section.page_width > section.page_height  # landscape
    table = document.tables[-1]
    rows = table.rows
    assert [c.text for c in rows[0].cells] == ["연번 / No.", "한국어", "English"]
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    assert sum(row._tr.trPr.find(qn("w:tblHeader")) is not None for row in rows) == 1
    assert len(rows) == 1 + 5 + 21
    assert [rows[n].cells[0].text for n in (1, 2, 3, 4)] == ["1", "1.1", "1.2", "2"]
    report = key == "meeting-report"  # its □/○ stay in the bilingual table's cells
    assert rows[2].cells[1].text.startswith(("○\t" if report else "") + "국방부와 미 국방부는")
    assert rows[2].cells[2].text.startswith(("●\t" if report else "") + "The Korean Ministry")


def test_report_style_and_official_dates() -> None:
    document = opened(render(example(), find_template("meeting-report"), Layout.KO))
    paragraphs = [p.text for p in document.paragraphs]
    assert "□\t개요" in paragraphs
    assert any(p.startswith("○\t국방부와 미 국방부는") for p in paragraphs)
    # One dotted style for every date of the document, and never a period before the colon.
    assert any(p.startswith("○\t2024. 12: 우주작전 기본과정(SPACE 100) 국내 개설") for p in paragraphs)
    assert any(p.startswith("○\t2025. 상반기: 첫 한미연합") for p in paragraphs)
    schedule = [p.split(": ")[0] for p in paragraphs if re.match(r"○\t20\d\d[.:]", p)]
    assert schedule == ["○\t2024. 12", "○\t2025. 1", "○\t2025. 상반기", "○\t2025. 4", "○\t2025"]
    assert any(p.startswith("*\t한국은 JCO 셀") for p in paragraphs)
    card = document.tables[0]
    assert card.rows[0].cells[1].text == "2024. 11. 7.(목) 14:00(현지시각)"  # weekday derived, start time
    label, value = (cell.width for cell in card.rows[0].cells)
    assert 3.5 * label < value  # a narrow label column, the value gets the room
    english = opened(render(example(), find_template("meeting-report"), Layout.EN))
    assert english.tables[0].rows[0].cells[1].text == "Thursday, November 7, 2024, 2 p.m. (local time)"
    assert "■\tOverview" in [p.text for p in english.paragraphs]
    assert any(p.text.startswith("●\tFirst half of 2025: First ROK-U.S.") for p in english.paragraphs)


def markdown_briefing() -> Briefing:
    briefing = Briefing(title=Bilingual(ko="서식 시험", en="Formatting test"))
    section = briefing.add_section(Section(title=Bilingual(ko="본문", en="Body")))
    item = briefing.add_item(section.id)
    text = (
        "**Bold** and *italic* with a [link](https://www.mnd.go.kr/news) and `code`.\n\n"
        "1. first\n2. second\n   1. nested one\n\n"
        "- bullet\n  - nested bullet\n\n"
        "<b>raw html</b> & 5 < 6, \x00control\x1b, tab\there, line  \nbreak"
    )
    item.set_text(Language.EN, text)
    item.set_text(Language.KO, text.replace("first", "첫째"))
    second = briefing.add_item(section.id)
    second.set_text(Language.EN, "1. again one\n2. again two")
    second.set_text(Language.KO, "1. 다시 하나\n2. 다시 둘")
    return briefing


def test_markdown_becomes_real_word_formatting() -> None:
    document = opened(render(markdown_briefing(), find_template("press-release"), Layout.EN))
    body = document.element.body
    runs = list(body.iter(qn("w:r")))
    bold = [r for r in runs if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:b")) is not None]
    assert any("Bold" in "".join(t.text for t in r.iter(qn("w:t"))) for r in bold)
    (link,) = list(body.iter(qn("w:hyperlink")))
    relationship = document.part.rels[link.get(qn("r:id"))]
    assert relationship.is_external and relationship.target_ref == "https://www.mnd.go.kr/news"
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "link"
    text = body_text(document)
    assert "<b>raw html</b> & 5 < 6" in text  # raw HTML is shown as text, never interpreted
    assert "␀control␛" in text  # control characters are shown, not dropped or crashing
    assert "tab" in text and "here" in text  # Python-Markdown expands tabs to spaces
    assert list(body.iter(qn("w:br")))  # the hard line break
    # Each list gets its own numbering instance restarting at 1.
    num_ids = [p.find(qn("w:pPr")).find(qn("w:numPr")) for p in body.iter(qn("w:p"))]
    used = [
        (int(n.find(qn("w:numId")).get(qn("w:val"))), int(n.find(qn("w:ilvl")).get(qn("w:val"))))
        for n in num_ids
        if n is not None
    ]
    assert [level for _, level in used] == [0, 0, 1, 0, 1, 0, 0]
    lists = sorted({num_id for num_id, _ in used})
    assert len(lists) == 5  # numbered, nested numbered, bullets, nested bullets, the second item's list
    numbering = document.part.numbering_part.element
    for num_id in lists:
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        override = num.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
        assert override.get(qn("w:val")) == "1"


def test_verifier_passes_on_the_example_and_fails_on_a_mismatched_pair() -> None:
    template = find_template("press-release")
    briefing = example()
    korean, english = render(briefing, template, Layout.KO), render(briefing, template, Layout.EN)
    assert verify(korean, english) == []
    assert structure(korean)[:3] == [
        ("1", "section"),
        ("1.1", structure(english)[1][1]),
        ("1.2", structure(english)[2][1]),
    ]
    changed = example()
    changed.move_item("item-icbm", "section-discussions", 3)
    changed.remove_item("item-closing")
    mismatches = [str(m) for m in verify(korean, render(changed, template, Layout.EN))]
    assert mismatches[0].startswith("position 6: Korean has item 2.2 (")
    assert mismatches[-1] == "position 26: Korean has item 5.5 (" + structure(korean)[-1][1] + "), English has nothing"


def test_the_pack(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    result = make_pack(example(), find_template("briefing-pack"), out, "scwg-23", list(Layout), make_zip=True)
    names = sorted(p.name for p in out.iterdir())
    stem = "scwg-23.briefing-pack"
    assert names == [f"{stem}.{kind}" for kind in ("bilingual.docx", "en.docx", "ko.docx", "manifest.json", "zip")]
    manifest = json.loads((out / f"{stem}.manifest.json").read_text("utf-8"))
    assert manifest == result.manifest
    assert manifest["template"] == "briefing-pack" and manifest["draft"] is False
    assert manifest["items"] == {"total": 21, "sections": 5, "ko": 21, "en": 21}
    assert manifest["approval"]["approved"] == 21
    assert manifest["generator"].startswith("Briefing Studio ")
    import hashlib

    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]
    with zipfile.ZipFile(out / f"{stem}.zip") as bundle:
        assert sorted(bundle.namelist()) == names[:-1]


def test_unapproved_items_block_export_unless_draft(tmp_path: Path) -> None:
    briefing = example()
    briefing.items()[3].set_text(Language.EN, "Changed after approval.")
    briefing.items()[5].set_text(Language.KO, "")
    template = find_template("press-release")
    with pytest.raises(ExportError, match=r"2 item\(s\) are not approved: 2.2 \(needs review\), 2.4 \(empty\)"):
        make_pack(briefing, template, tmp_path / "out", "x", list(Layout))
    assert not (tmp_path / "out").exists()
    make_pack(briefing, template, tmp_path / "out", "x", list(Layout), draft=True)
    for layout, mark in ((Layout.KO, "초안"), (Layout.EN, "DRAFT"), (Layout.BILINGUAL, "초안 / DRAFT")):
        document = docx.Document(str(tmp_path / "out" / f"x.press-release.draft.{layout.value}.docx"))
        assert mark in header_text(document)
        assert document.core_properties.content_status == "Draft"


def test_an_officer_template_missing_styles_gets_fallbacks_and_keeps_its_own(briefing_home: Path) -> None:
    folder = user_templates_folder() / "ministry"
    shutil.copytree(find_template("press-release").folder, folder)
    officer = docx.Document()  # Word's defaults: none of our styles, except the one the officer made
    own = officer.styles.add_style("Briefing Body", 1)
    own.font.size = docx.shared.Pt(14)
    own.font.color.rgb = docx.shared.RGBColor(0x11, 0x22, 0x33)
    officer.save(str(folder / "document.docx"))
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["name"] = {"ko": "우리 부서 양식", "en": "Our office"}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    template = find_template("ministry")
    assert template.user and template.name.ko == "우리 부서 양식"
    document = opened(render(example(), template, Layout.KO))
    body = document.styles["Briefing Body"]
    assert body.font.size == docx.shared.Pt(14)
    assert str(body.font.color.rgb) == "112233"
    assert "Briefing Heading" in [s.name for s in document.styles]
    assert "제23차 한미 국방우주정책 실무협의회(SCWG) 개최" in body_text(document)
    # No placeholders in their header: the marking is added at the top and the bottom, red (대외비), bold, 12 pt.
    for part in (document.sections[0].header, document.sections[0].footer):
        (marking,) = [p for p in part.paragraphs if p.text == "대외비"]
        assert marking_look(marking) == (1, True, 12.0, "C00000")


def test_template_problems_are_clear_errors(briefing_home: Path, tmp_path: Path) -> None:
    folder = user_templates_folder() / "broken"
    shutil.copytree(find_template("press-release").folder, folder)
    (folder / "document.docx").write_bytes(b"PK\x03\x04 not really a docx")
    with pytest.raises(
        TemplateError, match=r"template 'broken' \(.*\): document.docx cannot be used \(not a Word file"
    ):
        find_template("broken")  # found when the template is loaded, before any export starts
    (folder / "manifest.json").write_text("{")
    with pytest.raises(TemplateError, match=r"template 'broken' \(.*manifest.json\): unreadable manifest"):
        load_template(folder)
    (folder / "manifest.json").write_text(json.dumps({"name": {}, "layouts": ["ko", "fr"], "documents": {}}))
    with pytest.raises(TemplateError, match="invalid manifest"):
        load_template(folder)
    with pytest.raises(TemplateError, match="no template named 'nope'; available: briefing-pack, meeting-report"):
        find_template("nope")  # a broken folder does not stop the others from working
    with pytest.raises(TemplateError, match="invalid manifest"):
        find_template("broken")
    from briefing.export.templates import template_problems

    assert len(template_problems()) == 1


def test_empty_briefing_and_huge_item(tmp_path: Path) -> None:
    template = find_template("briefing-pack")
    empty = Briefing()
    for layout in Layout:
        assert opened(render(empty, template, layout)).sections  # a correct, empty document
    make_pack(empty, template, tmp_path / "empty", "empty", list(Layout))
    huge = Briefing()
    section = huge.add_section()
    item = huge.add_item(section.id)
    paragraph = "대한민국 국방부는 우주협력을 강화한다. The ministry strengthens space cooperation. " * 100
    text = "\n\n".join([paragraph] * 800)  # 8 MB of UTF-8 in each language
    item.set_text(Language.EN, text)
    item.set_text(Language.KO, text)
    assert len(text.encode()) > 8_000_000
    data = render(huge, template, Layout.KO)
    assert body_text(opened(data)).count("대한민국 국방부는") == 100 * 800


def test_export_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(["export", str(EXAMPLE), "--out", str(out), "--template", "meeting-report", "--lang", "ko,en"]) == 0
    stem = "scwg-23.meeting-report"
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}.en.docx", f"{stem}.ko.docx", f"{stem}.manifest.json"]
    assert run(["export", str(EXAMPLE), "--out", str(out), "--lang", "ko,fr"]) == 2
    assert "--lang takes ko, en and bilingual" in capsys.readouterr().err
    assert run(["export", str(EXAMPLE), "--out", str(out), "--template", "nope"]) == 2
    assert "no template named 'nope'" in capsys.readouterr().err
    assert run(["templates"]) == 0
    listing = capsys.readouterr().out
    assert "meeting-report  Meeting result report / 회의 결과 보고  [ko, en, bilingual]  (built-in)" in listing


def test_core_properties_follow_the_briefing() -> None:
    briefing = example()
    briefing.author = "국방정책실 홍길동"
    briefing.modified = datetime(2025, 2, 18, 5, 30, tzinfo=UTC)
    document = opened(render(briefing, find_template("press-release"), Layout.KO))
    assert document.core_properties.author == "국방정책실 홍길동"
    assert document.core_properties.modified == datetime(2025, 2, 18, 5, 30, tzinfo=UTC)
    assert not any(i.type is ItemType.ACTION for i in briefing.items())


def test_markdown_that_python_markdown_would_garble_is_shown_as_typed() -> None:
    """Python-Markdown turns `*alpha**alpha*Bravo` into `*alpha`, strong `alpha`, `ravo`: the B is lost.
    Such a text is shown exactly as typed instead, in the document and in the preview."""
    text = "*alpha**alpha*Bravo and **bold**"
    briefing = Briefing(title=Bilingual(ko="시험", en="Test"))
    section = briefing.add_section(Section(title=Bilingual(ko="본문", en="Body")))
    briefing.add_item(section.id).set_text(Language.EN, text)
    assert text in body_text(opened(render(briefing, find_template("press-release"), Layout.EN)))
    assert html.escape(text, quote=False) in preview_html(briefing, [Language.EN])


_WORDS = st.sampled_from(["alpha", "Bravo", "국방", "우주정책", "SCWG", "2025", "x1", "한미"])
_SYNTAX = st.sampled_from(
    [
        *("**", "*", "_", "__", "`", "```", "~~", "\n", "\n\n", "  \n", " ", "\t", "    ", "---", "#", "# ", "> "),
        *("- ", "+ ", "1. ", "2) ", "[", "](", ")", "<", ">", "!", "&", "&amp;", "\\", "|"),
        *("<!--", "-->", "<b>", "</b>", "http://"),
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, _SYNTAX), min_size=1, max_size=40))
def test_no_word_of_an_item_is_ever_dropped(pieces: list[str]) -> None:
    """Whatever Markdown (or broken Markdown) an item holds, every word reaches the document: as text,
    or as a hyperlink's address."""
    text = "".join(pieces)
    briefing = Briefing(title=Bilingual(ko="시험", en="Test"))
    section = briefing.add_section(Section(title=Bilingual(ko="본문", en="Body")))
    briefing.add_item(section.id).set_text(Language.EN, text)
    document = opened(render(briefing, find_template("press-release"), Layout.EN))
    shown = body_text(document) + " ".join(r.target_ref for r in document.part.rels.values() if r.is_external)
    # List numbers (of nested lists too) become Word's numbering; an entity such as &amp; its character.
    words = re.sub(r"(?m)^(?:[ \t>]|[-+*](?=[ \t])|\d+[.)](?=[ \t]|$))+", "", text)
    words = re.sub(r"&[a-z]+;", " ", words)
    for word in re.findall(r"[A-Za-z0-9가-힣]+", words):
        if word != "http":  # the scheme of an address that became a link may be shown without it
            assert word in shown, (text, word)


def test_english_documents_say_note_where_korean_ones_print_the_reference_mark() -> None:
    briefing = example()
    for item in briefing.items():
        if item.type is ItemType.NOTE:
            item.note_mark = NoteMark.REFERENCE
    english = "\n".join(p.text for p in opened(render(briefing, find_template("briefing-pack"), Layout.EN)).paragraphs)
    korean = "\n".join(p.text for p in opened(render(briefing, find_template("briefing-pack"), Layout.KO)).paragraphs)
    assert "※" not in english and re.search(r"^3\.3\tNote: ", english, re.M)
    assert re.search(r"^3\.3\t※ ", korean, re.M)


def marking_look(paragraph: docx.text.paragraph.Paragraph) -> tuple[int | None, bool, float, str | None]:
    """The marking's alignment, boldness, size in points and colour, as Word would show them (run over style)."""
    (run,) = [r for r in paragraph.runs if r.text.strip()][-1:]
    size = run.font.size or paragraph.style.font.size
    colour = run.font.color.rgb if run.font.color and run.font.color.type is not None else None
    return paragraph.alignment, bool(run.bold), size.pt, str(colour) if colour else None


@pytest.mark.parametrize("key", TEMPLATES)
@pytest.mark.parametrize("layout", list(Layout))
def test_the_marking_is_centred_at_the_top_and_the_bottom_and_red_when_secret(key: str, layout: Layout) -> None:
    secret = {
        Layout.KO: "대외비",
        Layout.EN: "FOR OFFICIAL USE ONLY",
        Layout.BILINGUAL: "대외비 / FOR OFFICIAL USE ONLY",
    }
    plain = {Layout.KO: "일반", Layout.EN: "UNCLASSIFIED", Layout.BILINGUAL: "일반 / UNCLASSIFIED"}
    for marking, texts, colour in (
        (Bilingual(ko="대외비", en="FOR OFFICIAL USE ONLY"), secret, "C00000"),  # red in English too: 대외비
        (Bilingual(ko="일반", en="UNCLASSIFIED"), plain, None),
    ):
        briefing = example()
        briefing.meeting.marking = marking
        document = opened(render(briefing, find_template(key), layout))
        section = document.sections[0]
        for part in (section.header, section.footer):
            (paragraph,) = [p for p in part.paragraphs if p.text.strip() == texts[layout]]
            alignment, bold, size, found = marking_look(paragraph)
            assert (alignment, bold, found) == (1, True, colour)
            assert size >= 12 > document.styles["Briefing Header"].font.size.pt  # larger than the header line
            xml = paragraph._p.xml
            assert '<w:jc w:val="center"/>' in xml and ('w:color w:val="C00000"' in xml) == bool(colour)


@pytest.mark.parametrize(
    ("ko", "en", "red"),
    [
        ("Ⅱ급비밀", "SECRET", True),
        ("3급 비밀", "", True),
        ("비밀", "", True),
        ("", "TOP SECRET", True),
        ("", "Confidential", True),
        ("대외비", "FOR OFFICIAL USE ONLY", True),
        ("", "FOR OFFICIAL USE ONLY", False),
        ("일반", "UNCLASSIFIED", False),
        ("", "", False),
    ],
)
def test_which_markings_are_secret_level(ko: str, en: str, red: bool) -> None:
    assert secret_level(Bilingual(ko=ko, en=en)) is red

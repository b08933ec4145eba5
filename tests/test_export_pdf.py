"""The example pack as LibreOffice renders it: Korean text present, a Hangul font embedded, expected pages."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from briefing.export import office_pdf
from briefing.export.pack import ExportError, font_substitutions, installed_font_families, libreoffice, make_pack
from briefing.export.render import render
from briefing.export.templates import Layout, available_templates, find_template
from briefing.storage import load
from tests.conftest import EXAMPLE

# With the Latin fonts ./dev test installs (Liberation: the metrics of Times New Roman and Arial).
PAGES = {Layout.KO: 2, Layout.EN: 2, Layout.BILINGUAL: 4}
PAGES_OF: dict[str, dict[Layout, int]] = {}  # a pack whose page counts differ from PAGES
# Words LibreOffice 7.4 still breaks at a line end, at a boundary between Hangul and another character class
# (UAX #14 allows a break there): after "▵", ")" or a digit, before "(" and after "·".
STILL_BROKEN = {
    ("briefing-pack", "ko"): {"▵국제협력", "연합우주과정(CSpC)이"},
    ("meeting-report", "ko"): {"볼랜드(David", "연습(TTX)을", "인도·태평양"},
    ("press-release", "ko"): {"▵국제협력"},
    ("briefing-pack", "bilingual"): {"4월에는"},
    ("meeting-report", "bilingual"): {"4월에는", "2025년부터"},  # ○ in the cells moved a line end (point 1)
    ("press-release", "bilingual"): {"4월에는"},
}


def _korean_words() -> set[str]:
    briefing = load(EXAMPLE)
    texts = [briefing.title.ko] + [s.title.ko for s in briefing.sections]
    texts += [item.text.ko for section in briefing.sections for item in section.items]
    return {word for text in texts for word in text.split() if re.search("[가-힣]", word)}


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed for this test (./dev test installs it)"
    return found


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(available_templates()))
def test_example_pack_as_pdf(key: str, tmp_path: Path) -> None:
    assert libreoffice(), "LibreOffice is needed for this test (./dev test installs it)"
    result = make_pack(load(EXAMPLE), find_template(key), tmp_path, "scwg-23", list(Layout), pdf=True)
    pdfs = {entry["layout"]: tmp_path / entry["file"] for entry in result.manifest["files"] if entry["type"] == "pdf"}
    assert set(pdfs) == {"ko", "en", "bilingual"}
    for layout, path in pdfs.items():
        text = subprocess.run([_tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True).stdout
        info = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
        fonts = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages == PAGES_OF.get(key, PAGES)[Layout(layout)], (key, layout)
        catalog = re.search(rb"/Type/Catalog.*?endobj", path.read_bytes(), re.DOTALL)
        assert catalog and b"/Lang(" + (b"en-US" if layout == "en" else b"ko-KR") + b")" in catalog.group(0)
        assert "Tagged:          yes" in info
        bookmarks = re.findall(rb"/Title<FEFF[0-9A-F]*>\s*/Dest\[", path.read_bytes())
        assert len(bookmarks) == len(load(EXAMPLE).sections), "one PDF bookmark per section"
        if layout != "en":
            # Every Korean word (eojeol) whole: no gap LibreOffice adds between Hangul and Latin or digits,
            # no word split at a line end (a line end reads as a space here).
            flat = re.sub(r"\s*\n\s*", " ", text)
            assert all(word in flat for word in ("제23차", "2024년", "TF장"))
            assert "제 23 차" not in flat and "2024 년" not in flat
            broken = {word for word in _korean_words() if word not in flat}
            assert broken <= STILL_BROKEN[(key, layout)], broken
            assert "국방우주정책 실무협의회" in text
            assert "민군합동작전 셀(JCO)" in text.replace("\n", "")
            hangul = [
                line for line in fonts.splitlines()[2:] if any(k in line for k in ("CJK", "Nanum", "Malgun", "Batang"))
            ]
            assert hangul and all(line.split()[-5] == "yes" for line in hangul), fonts  # embedded
        if layout != "ko":
            assert "Space Cooperation Working Group" in text
        assert re.search(rf"\b{pages}\s*/\s*{pages}\b", text), "page X / Y in the footer"


def test_pdf_without_libreoffice_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere
    with pytest.raises(ExportError, match="PDF needs LibreOffice, which is not installed"):
        make_pack(load(EXAMPLE), find_template("press-release"), tmp_path / "out", "x", [Layout.KO], pdf=True)
    assert not (tmp_path / "out").exists()


def test_fonts_a_machine_lacks_follow_the_template_chain(tmp_path: Path) -> None:
    result = make_pack(load(EXAMPLE), find_template("meeting-report"), tmp_path, "scwg-23", [Layout.KO])
    document = tmp_path / result.manifest["files"][0]["file"]
    # The serif template's chain: Batang → Noto Serif CJK KR → NanumMyeongjo; Times New Roman → Liberation Serif.
    assert font_substitutions(document, frozenset({"noto serif cjk kr", "nanummyeongjo"})) == {
        "Batang": "Noto Serif CJK KR"
    }
    assert font_substitutions(document, frozenset({"nanummyeongjo", "liberation serif"})) == {
        "Batang": "NanumMyeongjo",
        "Noto Serif CJK KR": "NanumMyeongjo",
        "Times New Roman": "Liberation Serif",
    }
    assert font_substitutions(document, frozenset({"batang"})) == {}  # nothing in the chain is installed
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    assert font_substitutions(tmp_path / "broken.docx", frozenset()) == {}


@pytest.mark.slow
def test_pdf_of_a_serif_template_uses_the_serif_korean_fallback(tmp_path: Path) -> None:
    """Without Batang, LibreOffice on its own draws the meeting report in a sans face; the template's
    chain asks for Noto Serif CJK KR, which the set-up's fonts-noto-cjk provides."""
    installed = installed_font_families()
    if "batang" in installed or "noto serif cjk kr" not in installed:
        pytest.skip("needs a machine with Noto Serif CJK KR and without Batang")
    assert libreoffice(), "LibreOffice is needed for this test (./dev test installs it)"
    make_pack(load(EXAMPLE), find_template("meeting-report"), tmp_path, "scwg-23", [Layout.KO], pdf=True)
    fonts = subprocess.run(
        [_tool("pdffonts"), str(tmp_path / "scwg-23.meeting-report.ko.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" not in fonts, fonts


def test_headings_have_an_outline_level(tmp_path: Path) -> None:
    template = find_template("press-release")
    for layout in (Layout.KO, Layout.BILINGUAL):
        document = docx.Document(io.BytesIO(render(load(EXAMPLE), template, layout)))
        styles = document.styles.element
        level = styles.xpath('w:style[w:name/@w:val="Briefing Heading"]/w:pPr/w:outlineLvl/@w:val')
        assert level == ["0"]
        outlined = document.element.body.xpath("//w:p[w:pPr/w:outlineLvl]")
        sections = len(load(EXAMPLE).sections)
        if layout is Layout.BILINGUAL:
            assert len(outlined) == sections  # the Korean cell of each section row
            assert "Korea" not in "".join(p.xpath("string(.)") for p in outlined)
        else:
            headings = document.element.body.xpath('//w:p[w:pPr/w:pStyle/@w:val="BriefingHeading"]')
            assert len(headings) == sections and not outlined  # the level comes from the style
        lang = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:eastAsia")
        assert lang == ["ko-KR"]


def test_an_officers_outline_level_is_kept(tmp_path: Path) -> None:
    from briefing.export import docx_support as ox

    document = docx.Document(str(find_template("meeting-report").document(Layout.KO)))
    ox.set_outline_level(document.styles["Briefing Heading"].element.get_or_add_pPr(), 2)
    ox.ensure_outline_level(document, "Briefing Heading", 0)
    assert document.styles["Briefing Heading"].element.xpath("w:pPr/w:outlineLvl/@w:val") == ["2"]


def test_flat_odt_loses_the_asian_autospace_and_only_in_tags() -> None:
    flat = (
        b'<style:default-style><style:paragraph-properties style:text-autospace="ideograph-alpha" '
        b'style:line-break="strict"/></style:default-style>'
        b'<style:style><style:paragraph-properties fo:margin-left="0in"></style:paragraph-properties></style:style>'
        b'<text:p>style:text-autospace="ideograph-alpha" &lt;style:paragraph-properties x="1"/&gt;</text:p>'
    )
    fixed = office_pdf.close_up_asian_spacing(flat)
    assert fixed.count(b'style:text-autospace="none"') == 2
    assert b'<text:p>style:text-autospace="ideograph-alpha" &lt;style:paragraph-properties x="1"/&gt;</text:p>' in fixed
    assert b'style:line-break="strict" style:text-autospace="none"/>' in fixed
    assert office_pdf.close_up_asian_spacing(fixed) == fixed  # idempotent


def test_catalog_language_is_edited_in_place_or_not_at_all() -> None:
    pdf = b"%PDF-1.6\n1 0 obj\n<</Type/Catalog/Pages 2 0 R\n/Lang(en-US)\n>>\nendobj\nxref\n"
    assert office_pdf.set_catalog_language(pdf, "ko-KR") == pdf.replace(b"en-US", b"ko-KR")
    assert office_pdf.set_catalog_language(pdf, "ko") == pdf  # another length would move every offset
    assert office_pdf.set_catalog_language(pdf, "k)(KR") == pdf  # not a language tag
    other = b"1 0 obj\n<</Type/Catalog>>\nendobj\n2 0 obj\n<</Lang(en-US)>>\nendobj\n"
    assert office_pdf.set_catalog_language(other, "ko-KR") == other  # a /Lang outside the catalog


def test_document_language_reads_core_properties_and_refuses_tricks(tmp_path: Path) -> None:
    result = make_pack(load(EXAMPLE), find_template("press-release"), tmp_path, "x", [Layout.KO, Layout.BILINGUAL])
    assert office_pdf.document_language(tmp_path / "x.press-release.ko.docx") == "ko-KR"
    assert office_pdf.document_language(tmp_path / "x.press-release.bilingual.docx") == "ko-KR"  # "ko-KR, en-US"
    assert result.files
    hostile = tmp_path / "hostile.docx"
    core = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "ko-KR"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language>&b;</dc:language></cp:coreProperties>'
    )
    with zipfile.ZipFile(hostile, "w") as bundle:
        bundle.writestr("docProps/core.xml", core)
    assert office_pdf.document_language(hostile) is None
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    assert office_pdf.document_language(tmp_path / "broken.docx") is None
    with zipfile.ZipFile(tmp_path / "escape.docx", "w") as bundle:
        bundle.writestr(
            "docProps/core.xml",
            '<c xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language>\x1b[31mko</dc:language></c>',
        )
    assert office_pdf.document_language(tmp_path / "escape.docx") is None


def test_pdf_filter_asks_for_bookmarks_and_tags() -> None:
    name, options = office_pdf.pdf_filter().split(":", 2)[::2][0], office_pdf.pdf_filter().split(":", 2)[2]
    assert name == "pdf"
    assert json.loads(options)["UseTaggedPDF"] == {"type": "boolean", "value": "true"}
    assert json.loads(options)["ExportBookmarks"] == {"type": "boolean", "value": "true"}

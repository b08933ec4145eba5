"""The files an export writes: office templates filled run by run, packs that live side by side, clean and
reproducible DOCX/PDF files. Every check reads the XML or bytes that were written."""

from __future__ import annotations

import io
import json
import shutil
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefing.cli.main import run as cli
from briefing.export import docx_support as ox
from briefing.export.pack import ExportError, libreoffice, make_pack, reproducible_pdf
from briefing.export.render import render
from briefing.export.templates import Layout, Template, find_template, user_templates_folder
from briefing.model import Bilingual, Briefing
from briefing.storage import load
from tests.conftest import EXAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def example() -> Briefing:
    briefing = load(EXAMPLE)
    briefing.meeting.marking = Bilingual(ko="대외비", en="FOR OFFICIAL USE ONLY")
    return briefing


def png() -> bytes:
    """A 2×2 red PNG (an office's logo, as small as it gets)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def run_xml(text: str, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/><w:color w:val='C00000'/></w:rPr>" if bold else ""
    return f"<w:r {nsdecls('w')}>{properties}<w:t xml:space='preserve'>{text}</w:t></w:r>"


def office_template(fonts: dict[str, list[str]] | None = None) -> Template:
    """The press release template as an office would change it in Word: a logo beside the marking in the
    header (the placeholder typed in two pieces, so Word saved it in two runs), and a footer with the office's
    own PAGE field beside a `{pages}` placeholder, split too."""
    folder = user_templates_folder() / "office"
    shutil.copytree(find_template("press-release").folder, folder)
    document = docx.Document(str(folder / "document.docx"))
    section = document.sections[0]
    header = section.header.paragraphs[0]
    for run in list(header._p.iter(qn("w:r"))):
        header._p.remove(run)
    header.add_run().add_picture(io.BytesIO(png()), width=docx.shared.Cm(1))
    for piece in ("  {draft} {mar", "king} ", "({ti", "tle})"):
        header._p.append(parse_xml(run_xml(piece, bold=piece.endswith("{mar"))))
    footer = section.footer.paragraphs[0]
    for run in list(footer._p.iter(qn("w:r"))):
        footer._p.remove(run)
    footer._p.append(parse_xml(run_xml("Page ")))
    for run in ox.field_runs("PAGE", placeholder="7"):
        footer._p.append(run)
    for piece in (" of {pag", "es}"):
        footer._p.append(parse_xml(run_xml(piece)))
    document.save(str(folder / "document.docx"))
    if fonts is not None:
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        manifest["fonts"] = fonts
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return find_template("office")


# -- point 10: placeholders filled run by run ------------------------------------------------------


def test_an_office_header_keeps_its_logo_and_its_page_field(briefing_home: Path) -> None:
    data = render(example(), office_template(), Layout.KO, draft=True)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[-1]
    header = section.header.paragraphs[0]
    assert header._p.findall(f".//{W}drawing"), "the logo is gone"
    blip = header._p.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    image_id = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    assert section.header.part.related_parts[image_id].blob == png()  # the image part was written too
    assert header.text == "  초안 대외비 (제23차 한미 국방우주정책 실무협의회(SCWG) 개최)"
    marking = next(r for r in header.runs if r.text == "대외비")
    assert marking.bold and marking.font.color.rgb == docx.shared.RGBColor(0xC0, 0x00, 0x00)  # its run's look
    draft = next(r for r in header.runs if r.text == "초안")
    assert draft.bold  # the draft mark is always bold
    footer = section.footer.paragraphs[0]
    instructions = [(t.text or "").strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]  # the office's own field stays a field; {pages} became one
    assert [c.get(qn("w:fldCharType")) for c in footer._p.iter(qn("w:fldChar"))] == ["begin", "separate", "end"] * 2
    assert footer.text.startswith("Page 7 of ")  # the office's own field result is untouched
    assert "{" not in header.text + footer.text


def test_filling_keeps_other_runs_and_never_refills_what_it_wrote() -> None:
    p = parse_xml(
        f"<w:p {nsdecls('w')}>"
        + run_xml("A{mar")
        + f"<w:r {nsdecls('w')}><w:t>ki</w:t><w:tab/></w:r>"
        + run_xml("ng}B{marking}")
        + "</w:p>"
    )
    hostile = "{marking} \x1b[31m{page}"  # a marking that looks like placeholders, with a terminal escape
    assert ox.fill_placeholders(p, {"{marking}": hostile}, {"{page}": "PAGE"})
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    assert text == "A{marking} \u241b[31m{page}B{marking} \u241b[31m{page}"  # the escape shown, never run
    assert p.findall(f".//{W}tab"), "the tab that shared a run with the placeholder is gone"
    assert not p.findall(f".//{W}instrText")  # text the filler wrote is not filled again
    p = parse_xml(f"<w:p {nsdecls('w')}>{run_xml('plain')}</w:p>")
    assert not ox.fill_placeholders(p, {"{x}": "y"}, {})
    assert "".join(t.text or "" for t in p.iter(qn("w:t"))) == "plain"


def test_a_huge_marking_is_filled_whole() -> None:
    p = parse_xml(f"<w:p {nsdecls('w')}>{run_xml('{mar')}{run_xml('king}')}</w:p>")
    huge = "비밀 " * 200_000
    ox.fill_placeholders(p, {"{marking}": huge}, {})
    assert "".join(t.text or "" for t in p.iter(qn("w:t"))) == huge


def test_the_template_fonts_reach_every_style_the_export_uses(briefing_home: Path) -> None:
    fonts = {"east_asian": ["휴먼명조", "Noto Serif CJK KR"], "latin": ["Georgia", "Liberation Serif"]}
    data = render(example(), office_template(fonts), Layout.KO)
    document = docx.Document(io.BytesIO(data))
    used = {str(v) for v in document.element.xpath("//w:pStyle/@w:val | //w:rStyle/@w:val | //w:tblStyle/@w:val")}
    assert {"BriefingTitle", "BriefingHeading", "BriefingBody"} <= used
    checked = 0
    for style in document.styles.element.findall(qn("w:style")):
        rfonts = style.find(f"{W}rPr/{W}rFonts")
        if style.get(qn("w:type")) == "numbering" or style.get(qn("w:styleId")) == "BriefingCode":
            continue
        if rfonts is None:
            continue
        assert rfonts.get(qn("w:eastAsia")) == "휴먼명조", style.get(qn("w:styleId"))
        assert rfonts.get(qn("w:ascii")) == "Georgia"
        assert not any(name.endswith("Theme") or name.endswith("theme") for name in rfonts.attrib), rfonts.attrib
        checked += 1
    assert checked >= len(used - {"BriefingCode"})
    for style_id in used - {"BriefingCode"}:
        style = document.styles.element.xpath(f"w:style[@w:styleId='{style_id}']")[0]
        if style.get(qn("w:type")) != "table":  # a table's text takes its paragraphs' styles
            assert style.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "휴먼명조", style_id
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(qn("w:eastAsia")) == "휴먼명조"


# -- point 11: packs side by side, nothing replaced without asking ---------------------------------


def test_packs_of_two_templates_and_a_draft_live_side_by_side(tmp_path: Path) -> None:
    out = tmp_path / "out"
    briefing = example()
    make_pack(briefing, find_template("press-release"), out, "scwg", [Layout.KO, Layout.EN])
    make_pack(briefing, find_template("meeting-report"), out, "scwg", [Layout.KO, Layout.EN])
    make_pack(briefing, find_template("meeting-report"), out, "scwg", [Layout.KO], draft=True, make_zip=True)
    assert sorted(p.name for p in out.iterdir()) == [
        "scwg.meeting-report.draft.ko.docx",
        "scwg.meeting-report.draft.manifest.json",
        "scwg.meeting-report.draft.zip",
        "scwg.meeting-report.en.docx",
        "scwg.meeting-report.ko.docx",
        "scwg.meeting-report.manifest.json",
        "scwg.press-release.en.docx",
        "scwg.press-release.ko.docx",
        "scwg.press-release.manifest.json",
    ]
    manifest = json.loads((out / "scwg.meeting-report.draft.manifest.json").read_text("utf-8"))
    assert [entry["file"] for entry in manifest["files"]] == ["scwg.meeting-report.draft.ko.docx"]
    with zipfile.ZipFile(out / "scwg.meeting-report.draft.zip") as bundle:
        assert bundle.namelist() == ["scwg.meeting-report.draft.ko.docx", "scwg.meeting-report.draft.manifest.json"]
        assert {info.date_time for info in bundle.infolist()} == {(2024, 11, 8, 3, 30, 0)}  # the last change


def test_an_earlier_pack_is_never_replaced_without_being_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    template = find_template("press-release")
    make_pack(example(), template, out, "scwg", [Layout.KO])
    manifest = out / "scwg.press-release.manifest.json"
    manifest.write_text("someone's edited manifest", "utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(
        ExportError, match=r"already holds scwg\.press-release\.ko\.docx, scwg\.press-release\.manifest"
    ):
        make_pack(example(), template, out, "scwg", [Layout.KO])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing touched, not even a temporary file
    make_pack(example(), template, out, "scwg", [Layout.KO], replace=True)
    assert json.loads(manifest.read_text("utf-8"))["template"] == "press-release"


def test_the_export_command_refuses_to_replace_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    command = ["export", str(EXAMPLE), "--out", str(out), "--template", "press-release", "--lang", "ko"]
    assert cli(command) == 0
    capsys.readouterr()
    written = (out / "scwg-23.press-release.ko.docx").stat().st_mtime_ns
    assert cli(command) == 2
    err = capsys.readouterr().err
    assert "already holds scwg-23.press-release.ko.docx, scwg-23.press-release.manifest.json" in err
    assert "nothing was replaced; to replace them, add --force." in err
    assert (out / "scwg-23.press-release.ko.docx").stat().st_mtime_ns == written
    assert cli([*command, "--force"]) == 0
    assert "scwg-23.press-release.ko.docx" in capsys.readouterr().out
    assert cli([*command[:-2], "--lang", "ko", "--template", "meeting-report"]) == 0  # beside it, no --force
    assert len(list(out.iterdir())) == 4


# -- point 12: clean, reproducible files -----------------------------------------------------------


def test_python_docx_leftovers_are_stripped() -> None:
    template = find_template("press-release")
    with zipfile.ZipFile(template.document(Layout.KO)) as source:
        before = source.read("word/styles.xml").count(b"<w:style ")
        assert any(name.startswith("customXml/") for name in source.namelist())  # what there was to strip
        assert b"w:proofState" in source.read("word/settings.xml")
    data = render(example(), template, Layout.KO)
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        names = bundle.namelist()
        styles = bundle.read("word/styles.xml")
        settings = bundle.read("word/settings.xml")
        relationships = bundle.read("word/_rels/document.xml.rels")
        content_types = bundle.read("[Content_Types].xml")
    after = styles.count(b"<w:style ")
    assert before == 178 and after < 35, (before, after)
    assert b"w:latentStyles" in styles  # latent styles may stay
    assert not [name for name in names if "customXml" in name or "stylesWithEffects" in name]
    assert b"customXml" not in relationships + content_types and b"stylesWithEffects" not in relationships
    assert b"proofState" not in settings
    document = docx.Document(io.BytesIO(data))  # still opens, and every style it refers to is there
    defined = {style.get(qn("w:styleId")) for style in document.styles.element.findall(qn("w:style"))}
    for part in (document.part, document.sections[-1].header.part, document.sections[-1].footer.part):
        used = set(part.element.xpath("//w:pStyle/@w:val | //w:rStyle/@w:val | //w:tblStyle/@w:val"))
        assert used <= defined, used - defined
    for style in document.styles.element.findall(qn("w:style")):
        for link in ("w:basedOn", "w:next", "w:link"):
            target = style.find(qn(link))
            assert target is None or target.get(qn("w:val")) in defined
    assert {s.name for s in document.styles} >= set(ox.STYLE_SPECS)  # an officer's restyling surface stays


def test_two_exports_are_byte_identical_and_dated_from_the_briefing(tmp_path: Path) -> None:
    template = find_template("meeting-report")
    first = make_pack(example(), template, tmp_path / "a", "x", list(Layout), make_zip=True)
    second = make_pack(example(), template, tmp_path / "b", "x", list(Layout), make_zip=True)
    assert [p.read_bytes() for p in first.files] == [p.read_bytes() for p in second.files]
    assert first.zip_path and second.zip_path and first.zip_path.read_bytes() == second.zip_path.read_bytes()
    with zipfile.ZipFile(first.files[0]) as bundle:
        assert {info.date_time for info in bundle.infolist()} == {(2024, 11, 8, 3, 30, 0)}
    draft = make_pack(example(), template, tmp_path / "c", "x", [Layout.EN], draft=True, append_findings=True)
    with zipfile.ZipFile(draft.files[0]) as bundle:  # a draft's appendix of findings keeps the date
        assert b"Appendix" in bundle.read("word/document.xml")
        assert {info.date_time for info in bundle.infolist()} == {(2024, 11, 8, 3, 30, 0)}
    assert ox.zip_time(datetime(1970, 1, 1, tzinfo=UTC)) == ox.FIXED_ZIP_TIME  # zip cannot hold it
    assert ox.zip_time(datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)) == (2024, 1, 2, 3, 4, 4)


def test_a_pdf_is_dated_and_identified_by_its_content() -> None:
    pdf = (
        b"%PDF-1.4\n1 0 obj <</CreationDate(D:20261126193929Z')/ModDate(D:20261126193929+09'00')>> endobj\n"
        b"trailer <</ID [ <FE19EF9B0C78F2A9A4AE201563CDFFCE>\n<FE19EF9B0C78F2A9A4AE201563CDFFCE> ]\n"
        b"/DocChecksum /0316CBC6012E29D26F8BFDAC01C8AAAA>>\n%%EOF\n"
    )
    later = pdf.replace(b"193929", b"201500").replace(b"FE19EF9B", b"01234567").replace(b"0316CBC6", b"76543210")
    when = datetime(2024, 11, 8, 3, 30, tzinfo=UTC)
    fixed = reproducible_pdf(pdf, when)
    assert fixed == reproducible_pdf(later, when) and len(fixed) == len(pdf)
    assert b"/CreationDate(D:20241108033000Z')" in fixed and b"/ModDate(D:20241108033000+00'00')" in fixed
    assert b"FE19EF9B" not in fixed and b"0316CBC6" not in fixed
    assert reproducible_pdf(pdf.replace(b"%%EOF", b"% other\n%%EOF"), when) != fixed.replace(
        b"%%EOF", b"% other\n%%EOF"
    )
    assert reproducible_pdf(b"not a pdf at all", when) == b"not a pdf at all"  # damaged input: left alone


@pytest.mark.slow
def test_the_clean_docx_converts_and_the_pdf_pack_is_reproducible(tmp_path: Path) -> None:
    assert libreoffice(), "LibreOffice is needed for this test (./dev test installs it)"
    template = find_template("press-release")
    first = make_pack(example(), template, tmp_path / "a", "x", [Layout.KO], pdf=True)
    second = make_pack(example(), template, tmp_path / "b", "x", [Layout.KO], pdf=True)
    pdf = tmp_path / "a" / "x.press-release.ko.pdf"
    assert pdf in first.files and pdf.read_bytes().startswith(b"%PDF")
    assert b"/CreationDate(D:20241108033000" in pdf.read_bytes()
    assert first.manifest == second.manifest
    assert [p.read_bytes() for p in first.files] == [p.read_bytes() for p in second.files]

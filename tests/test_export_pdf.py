"""The example pack as LibreOffice renders it: Korean text present, a Hangul font embedded, expected pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.export.pack import ExportError, font_substitutions, installed_font_families, libreoffice, make_pack
from briefing.export.templates import Layout, available_templates, find_template
from briefing.storage import load
from tests.conftest import EXAMPLE

# With the Latin fonts ./dev test installs (Liberation: the metrics of Times New Roman and Arial).
PAGES = {Layout.KO: 2, Layout.EN: 2, Layout.BILINGUAL: 4}
PAGES_OF = {"meeting-report": {**PAGES, Layout.BILINGUAL: 3}}


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
        if layout != "en":
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

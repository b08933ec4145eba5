"""The comparison as a DOCX with real tracked changes: w:ins/w:del with author and date, accepting all gives the
new texts and rejecting all the old, LibreOffice renders both, and equal input gives equal bytes."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from briefing.compare.docx import to_docx, write_docx
from briefing.compare.versions import Kind, Report, compare
from briefing.model import Bilingual, Briefing, Item, Language
from briefing.storage import load
from tests.conftest import EXAMPLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AT = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
LABELS = {Language.KO: "KO  ", Language.EN: "EN  "}


def versions() -> tuple[Briefing, Briefing]:
    old = load(EXAMPLE)
    new = copy.deepcopy(old)
    items = new.items()
    items[0].set_text(Language.KO, items[0].text.ko.replace("제23차", "제24차"))
    items[1].set_text(Language.EN, items[1].text.en.replace("co-chaired", "jointly chaired"))
    items[4].set_text(Language.EN, items[4].text.en + "\nA second line.")
    new.remove_item(items[2].id)
    new.move_item(items[3].id, new.sections[-1].id, 0)
    new.add_item(new.sections[0].id, Item(text=Bilingual(ko="새로운 항목입니다", en="A wholly new item")), 1)
    new.meeting.place.en = "Busan"
    new.sections[1].title.ko += " (수정)"
    return old, new


def body(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)


def resolved(data: bytes, accept: bool) -> list[str]:
    """The paragraphs' texts once every change is accepted (or rejected), as Word would leave them."""
    root = copy.deepcopy(body(data))
    drop = "del" if accept else "ins"
    paragraphs = []
    for paragraph in root.iter(f"{{{W}}}p"):
        mark = paragraph.find(f"w:pPr/w:rPr/w:{drop}", NS)
        for element in paragraph.findall(f".//w:{drop}", NS):
            if element.getparent().tag != f"{{{W}}}rPr":
                element.getparent().remove(element)
        text = "".join(
            {"t": node.text or "", "delText": node.text or "", "br": "\n", "tab": "\t"}.get(
                etree.QName(node).localname, ""
            )
            for node in paragraph.iter()
        )
        if mark is not None:
            assert text == "", "a paragraph whose mark is deleted holds nothing else once resolved"
            continue
        paragraphs.append(text)  # the kept kind is simply unwrapped: its runs' text counts
    return paragraphs


def test_tracked_changes_carry_author_date_and_the_right_text() -> None:
    old, new = versions()
    report = compare(old, new)
    data = to_docx(report, old_name="old.briefing", new_name="new.briefing", author="Kim Reviewer", at=AT)
    root = body(data)
    insertions, deletions = root.findall(".//w:ins", NS), root.findall(".//w:del", NS)
    assert insertions and deletions
    ids = [mark.get(f"{{{W}}}id") for mark in insertions + deletions]
    assert len(set(ids)) == len(ids)
    for mark in insertions + deletions:
        assert mark.get(f"{{{W}}}author") == "Kim Reviewer"
        assert mark.get(f"{{{W}}}date") == "2025-03-04T05:06:07Z"
    deleted = ["".join(t.text for t in mark.iter(f"{{{W}}}delText")) for mark in deletions]
    inserted = ["".join(t.text or "" for t in mark.iter(f"{{{W}}}t")) for mark in insertions]
    assert all(not mark.findall(".//w:t", NS) for mark in deletions)  # deleted text is w:delText only
    assert "3" in deleted and "4" in inserted  # 제23차 → 제24차, the digit
    assert "Washington, D.C." in deleted and "Busan" in inserted
    assert "co-" in deleted and "jointly " in inserted
    assert "A wholly new item" in inserted and "새로운 항목입니다" in inserted
    assert any("in-depth discussions" in text for text in deleted)  # the removed item
    # Korean typography of the export: East Asian font and language
    document = docx.Document(io.BytesIO(data))
    defaults = document.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(f"{{{W}}}eastAsia") == "Malgun Gothic"
    assert defaults.find("w:lang", NS).get(f"{{{W}}}eastAsia") == "ko-KR"
    assert document.core_properties.author == "Kim Reviewer"


def expected(report: Report, new_side: bool) -> list[str]:
    lines = []
    for change in report.card:
        language = f" ({change.language.value.upper()})" if change.language else ""
        lines.append(f"{change.where}{language}: " + (change.new if new_side else change.old))
    for entry in report.items:
        gone = Kind.ADDED in entry.kinds if not new_side else Kind.REMOVED in entry.kinds
        for change in entry.texts:
            assert change.language is not None
            if not gone:
                lines.append(LABELS[change.language] + (change.new if new_side else change.old))
    return lines


def test_accepting_all_gives_the_new_texts_and_rejecting_all_the_old() -> None:
    old, new = versions()
    report = compare(old, new)
    data = to_docx(report, old_name="a", new_name="b", author="Kim", at=AT)
    accepted, rejected = resolved(data, accept=True), resolved(data, accept=False)
    for line in expected(report, new_side=True):
        assert line in accepted
    for line in expected(report, new_side=False):
        assert line in rejected
    assert "KO  새로운 항목입니다" in accepted and "KO  새로운 항목입니다" not in rejected
    removed = next(entry for entry in report.items if Kind.REMOVED in entry.kinds)
    removed_line = LABELS[Language.EN] + removed.texts[-1].old
    assert removed_line in rejected and removed_line not in accepted
    added = sum(len(entry.texts) for entry in report.items if Kind.ADDED in entry.kinds)
    gone = sum(len(entry.texts) for entry in report.items if Kind.REMOVED in entry.kinds)
    assert (added, gone) == (2, 2)
    assert len(accepted) - len(rejected) == 0  # two paragraphs vanish on each side
    # the section title and the unchanged language of a changed item are plain text on both sides
    assert "KO  주요 논의 내용 (수정)" in accepted and "KO  주요 논의 내용" in rejected


def test_equal_input_gives_equal_bytes_and_hostile_text_is_shown_not_written_raw(tmp_path: Path) -> None:
    old, new = versions()
    new.items()[5].set_text(Language.EN, "Evil \x1b[2J\x07 text \u202e here")
    report = compare(old, new)
    first = to_docx(report, old_name="a", new_name="b", author="K\x1bim", at=AT)
    assert first == to_docx(report, old_name="a", new_name="b", author="K\x1bim", at=AT)
    xml = zipfile.ZipFile(io.BytesIO(first)).read("word/document.xml").decode("utf-8")
    assert "\x1b" not in xml and "\x07" not in xml and "␛[2J" in xml
    assert 'w:author="K␛im"' in xml
    path = tmp_path / "out.docx"
    write_docx(report, path, old_name="a", new_name="b", author="K", at=AT)
    docx.Document(str(path))  # opens


def test_the_same_versions_give_a_short_document() -> None:
    briefing = load(EXAMPLE)
    data = to_docx(compare(briefing, briefing), old_name="a", new_name="a", author="K", at=AT)
    root = body(data)
    assert root.findall(".//w:ins", NS) == [] and root.findall(".//w:del", NS) == []
    assert "The two versions have the same content." in resolved(data, accept=True)


def test_libreoffice_renders_the_deleted_and_the_inserted_words(tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice (soffice) or poppler (pdftotext) is not installed")
    old, new = versions()
    path = tmp_path / "changes.docx"
    write_docx(compare(old, new), path, old_name="a", new_name="b", author="Kim", at=AT)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        [pdftotext, str(tmp_path / "changes.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    squeezed = "".join(text.split())
    for words in ("Washington, D.C.", "Busan", "A wholly new item", "새로운 항목입니다", "in-depth discussions"):
        assert "".join(words.split()) in squeezed, words
    assert "jointlychaired" in squeezed and "co-" in squeezed

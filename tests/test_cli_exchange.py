"""The exchange command as a user runs it: export, a reviewed file's diff, --apply, and refused files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import etree

from briefing.cli.main import run
from briefing.exchange import xliff
from briefing.model import Language, TargetStatus
from briefing.storage import load, save
from tests.conftest import EXAMPLE

NS = {"x": xliff.XLIFF}


def briefing_file(tmp_path: Path) -> Path:
    briefing = load(EXAMPLE)
    briefing.items()[2].set_text(Language.KO, "초벌 번역이다.\x1b]0;owned\x07")
    path = tmp_path / "b.briefing"
    save(briefing, path)
    return path


def test_export_import_and_apply_xliff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = briefing_file(tmp_path)
    out = tmp_path / "b.xlf"
    assert run(["exchange", "export", str(path), "--format", "xliff", "--out", str(out)]) == 0
    assert "wrote 21 items" in capsys.readouterr().out
    assert run(["exchange", "import", str(path), str(out)]) == 0
    assert "no changes" in capsys.readouterr().out
    root = etree.fromstring(out.read_bytes())
    unit = root.findall(".//x:unit", NS)[2]
    segment = unit.find("x:segment", NS)
    segment.find("x:target", NS).text = "고친 번역이다."
    segment.set("state", "final")
    out.write_bytes(etree.tostring(root))
    before = path.read_bytes()
    assert run(["exchange", "import", str(path), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "+ 고친 번역이다." in printed and "approve" in printed and "--apply" in printed
    assert "\x1b" not in printed  # the old target's escape sequence is shown, not obeyed
    assert path.read_bytes() == before  # without --apply nothing is stored
    assert run(["exchange", "import", str(path), str(out), "--apply", "--author", "reviewer"]) == 0
    assert "1 items changed; saved" in capsys.readouterr().out
    item = load(path).items()[2]
    # only the sentence was edited: what followed it (an ignorable) stays
    assert item.text.ko == "고친 번역이다.\x1b]0;owned\x07"
    assert (item.status, item.approved_by) == (TargetStatus.APPROVED, "reviewer")
    assert (tmp_path / "b.briefing.bak").read_bytes() == before


def test_export_and_import_a_review_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = briefing_file(tmp_path)
    out = tmp_path / "b.docx"
    assert run(["exchange", "export", str(path), "--format", "review-docx", "--out", str(out)]) == 0
    document = docx.Document(str(out))
    document.tables[0].rows[1].cells[5].paragraphs[0].text = "확인 필요"
    document.save(str(out))
    capsys.readouterr()
    assert run(["exchange", "import", str(path), str(out), "--apply", "--author", "kim"]) == 0
    assert "new comment by (no author): 확인 필요" in capsys.readouterr().out
    assert [(c.author, c.text) for c in load(path).items()[0].comments] == [("kim", "확인 필요")]


@pytest.mark.parametrize(
    ("content", "code_text"),
    [
        (b"<xliff", "not well-formed XML"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><xliff version="2.0">&a;</xliff>', "declares a DTD"),
        (b"PK\x03\x04 damaged", "not a DOCX file"),
    ],
)
def test_a_bad_file_is_one_line_on_stderr_and_the_briefing_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code_text: str
) -> None:
    path = briefing_file(tmp_path)
    before = path.read_bytes()
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(content)
    assert run(["exchange", "import", str(path), str(bad), "--apply"]) == 2
    error = capsys.readouterr().err
    assert code_text in error and error.count("\n") == 1
    assert path.read_bytes() == before and not (tmp_path / "b.briefing.bak").exists()


def test_an_import_for_another_briefing_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = briefing_file(tmp_path)
    other = load(EXAMPLE)
    other.created = other.created.replace(year=2020)
    out = tmp_path / "other.xlf"
    xliff.export_xliff(other, out)
    assert run(["exchange", "import", str(path), str(out), "--apply"]) == 2
    assert "another briefing" in capsys.readouterr().err

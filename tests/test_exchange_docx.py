"""The bilingual review DOCX out and back in: edited with python-docx and through LibreOffice, damaged files."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from briefing.exchange import review_docx
from briefing.exchange.review import ExchangeError, numbers
from briefing.fileformat import dumps
from briefing.model import Briefing, Language, TargetStatus
from briefing.storage import load
from tests.conftest import EXAMPLE


def example() -> Briefing:
    briefing = load(EXAMPLE)
    items = briefing.items()
    items[0].set_text(Language.KO, "**굵게** 첫 줄.\n- 목록\x1b[31m")
    items[1].set_text(Language.KO, "")
    items[2].set_text(Language.KO, "초벌 번역이다.")
    items[3].add_comment("kim", "Is 'SCWG' spelled out?")
    return briefing


def export(briefing: Briefing, path: Path) -> Path:
    review_docx.export_review_docx(briefing, path)
    return path


def rows(path: Path) -> list[list[str]]:
    table = docx.Document(str(path)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def review(path: Path, out: Path) -> Path:
    """What a reviewer does in Word: edit a target, approve one, comment, touch a source, delete a row."""
    document = docx.Document(str(path))
    table = document.tables[0]
    edited = table.rows[3].cells  # item 3 (edited)
    edited[2].paragraphs[0].text = "고친 번역이다."
    edited[3].paragraphs[0].text = "Approved"
    edited[5].paragraphs[0].text = "용어 확인 바랍니다"
    table.rows[2].cells[2].paragraphs[0].text = "채운 번역."  # the empty one
    table.rows[5].cells[1].paragraphs[0].text = "A source the reviewer rewrote."
    table.rows[6].cells[3].paragraphs[0].text = "looks fine"  # not a status
    table.rows[7].cells[3].paragraphs[0].text = "needs review"  # an approval taken back
    row = table.rows[9]._tr
    row.getparent().remove(row)
    document.save(str(out))
    return out


def test_the_table_shows_number_source_target_status_and_comments(tmp_path: Path) -> None:
    briefing = example()
    table = rows(export(briefing, tmp_path / "review.docx"))
    assert table[0] == ["No.", "Source (English)", "Target (Korean)", "Status", "Comments", "Your comment"]
    assert len(table) == len(briefing.items()) + 1
    first = briefing.items()[0]
    assert table[1][0].startswith("1.1") and first.id in table[1][0]  # the id is there, hidden
    assert table[1][2] == "**굵게** 첫 줄.\n- 목록␛[31m"
    assert table[4][4] == "kim: Is 'SCWG' spelled out?"
    assert [r[3] for r in table[1:5]] == ["edited", "empty", "edited", "approved"]
    document = docx.Document(str(tmp_path / "review.docx"))
    hidden = [run for run in document.tables[0].rows[1].cells[0].paragraphs[0].runs if run.font.hidden]
    assert len(hidden) == 1 and first.id in hidden[0].text
    assert document.core_properties.identifier == briefing.created.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_an_unchanged_file_changes_nothing(tmp_path: Path) -> None:
    briefing = example()
    before = dumps(briefing)
    diff = review_docx.read_review_docx(briefing, export(briefing, tmp_path / "review.docx"))
    assert diff.changes == [] and diff.notices == []
    assert dumps(briefing) == before


def check_reviewed(briefing: Briefing, path: Path) -> None:
    items = briefing.items()
    diff = review_docx.read_review_docx(briefing, path)
    by_id = {change.item_id: change for change in diff.changes}
    assert set(by_id) == {items[1].id, items[2].id, items[6].id}
    assert by_id[items[2].id].target == ("초벌 번역이다.", "고친 번역이다.") and by_id[items[2].id].approve
    assert by_id[items[2].id].new_comments == (("", "용어 확인 바랍니다"),)
    assert by_id[items[1].id].target == ("", "채운 번역.")
    assert "needs review" in by_id[items[6].id].flag
    assert [n.code for n in diff.notices] == [
        "exchange.status_unknown",
        "exchange.source_edited",
        "exchange.row_deleted",
    ]
    number = numbers(briefing)
    assert f"row 7 ({number[items[5].id]})" in diff.notices[0].english()
    assert f"row 6 ({number[items[4].id]})" in diff.notices[1].english()
    assert items[8].id in diff.notices[2].english()
    before = dumps(briefing)
    edit = diff.edit("reviewer")
    edit.apply(briefing)
    assert items[2].status is TargetStatus.APPROVED and items[2].approved_by == "reviewer"
    assert items[2].comments[-1].author == "reviewer"
    assert items[3].text.en == load(EXAMPLE).items()[3].text.en  # the rewritten source is not taken
    edit.revert(briefing)
    assert dumps(briefing) == before


def test_a_file_edited_with_python_docx_comes_back_as_one_reviewed_diff(tmp_path: Path) -> None:
    briefing = example()
    path = review(export(briefing, tmp_path / "review.docx"), tmp_path / "reviewed.docx")
    check_reviewed(briefing, path)


def test_a_file_round_tripped_through_libreoffice_comes_back_the_same(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    briefing = example()
    plain = export(briefing, tmp_path / "plain.docx")
    edited = review(export(briefing, tmp_path / "review.docx"), tmp_path / "reviewed.docx")
    out = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(plain),
            str(edited),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (out / "plain.docx").read_bytes() != plain.read_bytes()  # really rewritten by LibreOffice
    unchanged = review_docx.read_review_docx(briefing, out / "plain.docx")
    assert unchanged.changes == [] and unchanged.notices == []
    check_reviewed(briefing, out / "reviewed.docx")


# -- damaged and hostile files: one coded line, the briefing unchanged -----------------------------------


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_damaged_files_are_refused_with_one_coded_line(tmp_path: Path) -> None:
    briefing = example()
    good = export(briefing, tmp_path / "good.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    doctype = dict(members)
    doctype["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + members["word/document.xml"].split(b"?>", 1)[1]
    )
    broken = dict(members)
    broken["word/document.xml"] = members["word/document.xml"][:-200]
    no_rows = dict(members)
    no_rows["word/document.xml"] = review_docx.re.sub(rb"\{\{[^}]*\}\}", b"", members["word/document.xml"])
    cases = {
        "not a zip": (b"this is not a zip", "review_docx.not_docx"),
        "no document part": (
            zipped({k: v for k, v in members.items() if k != "word/document.xml"}),
            "review_docx.no_document",
        ),
        "doctype": (zipped(doctype), "review_docx.dtd"),
        "truncated xml": (zipped(broken), "review_docx.broken"),
        "no marked rows": (zipped(no_rows), "review_docx.no_rows"),
        "truncated zip": (good[: len(good) // 2], "review_docx.not_docx"),
    }
    before = dumps(briefing)
    for name, (data, code) in cases.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        with pytest.raises(ExchangeError) as caught:
            review_docx.read_review_docx(briefing, path)
        assert caught.value.code == code, (name, str(caught.value))
        assert "\n" not in str(caught.value) and str(path) in str(caught.value)
    assert dumps(briefing) == before


def test_a_zip_bomb_like_member_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    briefing = example()
    good = export(briefing, tmp_path / "good.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/media/huge.bin"] = b"\0" * (3 * 1024 * 1024)  # 3 MB of zeros pack to a few kB
    path = tmp_path / "bomb.docx"
    path.write_bytes(zipped(members))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(ExchangeError) as caught:
        review_docx.read_review_docx(briefing, path, max_member_bytes=2 * 1024 * 1024)
    assert caught.value.code == "review_docx.member_too_big" and "word/media/huge.bin" in str(caught.value)
    with pytest.raises(ExchangeError) as caught:
        review_docx.read_review_docx(briefing, path, max_bytes=1024)
    assert caught.value.code == "exchange.too_big"


def test_rows_for_unknown_or_repeated_items_and_another_briefing_are_refused_naming_the_row(tmp_path: Path) -> None:
    briefing = example()
    path = export(briefing, tmp_path / "review.docx")
    document = docx.Document(str(path))
    table = document.tables[0]
    first_id = briefing.items()[0].id
    for run in table.rows[2].cells[0].paragraphs[0].runs:
        run.text = run.text.replace(briefing.items()[1].id, "item-nowhere")
    document.save(str(tmp_path / "unknown.docx"))
    for run in table.rows[2].cells[0].paragraphs[0].runs:
        run.text = run.text.replace("item-nowhere", first_id)
    document.save(str(tmp_path / "twice.docx"))
    other = example()
    other.created = other.created.replace(year=2001)
    cases = [
        ("unknown.docx", briefing, "exchange.unknown_item", "row 3 (1.2)"),
        ("twice.docx", briefing, "exchange.duplicate_item", "row 3 (1.2)"),
        ("review.docx", other, "exchange.other_briefing", "2001-"),
    ]
    for name, target, code, named in cases:
        with pytest.raises(ExchangeError) as caught:
            review_docx.read_review_docx(target, tmp_path / name)
        assert caught.value.code == code and named in str(caught.value), str(caught.value)

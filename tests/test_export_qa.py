"""QA in the export: a final export refuses unwaived QA errors, the manifest records the QA and every waiver, and a
draft can carry an appendix of the findings (read back from the real DOCX files)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from briefing import edits
from briefing.cli.main import run as cli
from briefing.export.findings import append_findings, rows
from briefing.export.pack import ExportError, make_pack
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.messages import Message
from briefing.model import Briefing
from briefing.qa import Finding, Severity, run
from briefing.storage import load, save
from tests.conftest import EXAMPLE

AT = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def planted(count: int = 1) -> tuple[Briefing, list[Finding]]:
    """The example with `count` approved items whose Korean says another meeting number: numbers errors."""
    briefing = load(EXAMPLE)
    changed = 0
    for item in briefing.items():
        if changed < count and "23" in item.text.en and "23" in item.text.ko:
            item.text.ko = item.text.ko.replace("23", "24")  # as a hand-edited file would: still approved
            changed += 1
    found = [f for f in run(briefing) if f.severity is Severity.ERROR]
    return briefing, found


def test_a_final_export_refuses_unwaived_errors_and_names_them(tmp_path: Path) -> None:
    briefing, errors = planted()
    assert errors
    with pytest.raises(ExportError) as caught:
        make_pack(briefing, find_template("press-release"), tmp_path / "out", "x", [Layout.KO, Layout.EN])
    assert caught.value.code == "export.qa_errors"
    assert caught.value.params["count"] == len(errors)
    text = str(caught.value)
    assert "1.1 numbers: the source says" in text and "export a draft" in text
    assert not (tmp_path / "out").exists()  # nothing written


def test_more_than_eight_errors_are_counted(tmp_path: Path) -> None:
    briefing = load(EXAMPLE)
    item = briefing.items()[0]
    findings = [
        Finding("numbers", "qa.numbers_extra", Severity.ERROR, item.id, {"target": str(n), "target_value": str(n)})
        for n in range(11)
    ]
    with pytest.raises(ExportError) as caught:
        make_pack(briefing, find_template("press-release"), tmp_path, "x", [Layout.EN], findings=findings)
    items = caught.value.params["items"]
    assert len(items) == 9 and items[-1] == Message("export.more_items", {"count": 3})
    warnings = [Finding(f.check, f.code, Severity.WARNING, f.item_id, f.params) for f in findings]
    make_pack(briefing, find_template("press-release"), tmp_path, "x", [Layout.EN], findings=warnings)  # no block


def test_waived_errors_pass_and_the_manifest_records_every_waiver(tmp_path: Path) -> None:
    briefing, errors = planted()
    for finding in errors:
        assert finding.item_id is not None
        edits.waive(finding.item_id, finding, 'the Korean "24" is the host\'s count', "김검토", AT).apply(briefing)
    first = briefing.items()[1]
    first.waivers = [*first.waivers, edits_waiver_unused()]
    path = tmp_path / "waived.briefing"
    save(briefing, path)
    reopened = load(path)
    result = make_pack(reopened, find_template("briefing-pack"), tmp_path / "out", "w", list(Layout))
    manifest = json.loads((tmp_path / "out" / "w.briefing-pack.manifest.json").read_text("utf-8"))
    assert manifest == result.manifest
    qa = manifest["qa"]
    assert qa["summary"]["open"]["error"] == 0 and qa["summary"]["waived"]["error"] == len(errors)
    in_use = [w for w in qa["waivers"] if w["in_use"]]
    assert [(w["number"], w["check"], w["code"], w["by"], w["at"]) for w in in_use] == [
        ("1.1", "numbers", errors[0].code, "김검토", "2025-03-04T05:06:07Z")
    ]
    assert in_use[0]["message"] == errors[0].english() and in_use[0]["reason"] == 'the Korean "24" is the host\'s count'
    (unused,) = [w for w in qa["waivers"] if not w["in_use"]]
    assert (unused["number"], unused["message"], unused["key"]) == ("1.2", None, "00000000000000ff")


def edits_waiver_unused() -> object:
    from briefing.model import Waiver

    return Waiver("numbers", "qa.numbers_extra", "00000000000000ff", "old reason", "me", AT)


def _paragraph_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += ["|".join(cell.text for cell in row.cells) for row in table.rows]
    return texts


def test_a_draft_appends_the_findings_to_each_document(tmp_path: Path) -> None:
    briefing, errors = planted()
    out = tmp_path / "draft"
    make_pack(briefing, find_template("briefing-pack"), out, "d", list(Layout), draft=True, append_findings=True)
    english = _paragraph_texts((out / "d.briefing-pack.draft.en.docx").read_bytes())
    korean = _paragraph_texts((out / "d.briefing-pack.draft.ko.docx").read_bytes())
    bilingual = _paragraph_texts((out / "d.briefing-pack.draft.bilingual.docx").read_bytes())
    assert "Appendix: QA findings (draft only)" in english
    assert "부록: 품질 검사 결과(초안 전용)" in korean
    assert "부록: 품질 검사 결과(초안 전용) / Appendix: QA findings (draft only)" in bilingual
    assert "No.|Severity|Check|Finding" in english and "연번|수준|검사|내용" in korean
    line = f"1.1|error|numbers|{errors[0].english()}"
    assert line in english
    assert f"1.1|오류|numbers|{errors[0].english()}" in korean  # default wording: the core's English
    assert english.index("Appendix: QA findings (draft only)") > 2  # at the end, after the briefing
    plain = tmp_path / "plain"
    make_pack(briefing, find_template("briefing-pack"), plain, "d", [Layout.EN], draft=True)
    assert "Appendix: QA findings (draft only)" not in _paragraph_texts(
        (plain / "d.briefing-pack.draft.en.docx").read_bytes()
    )


def test_the_appendix_takes_the_callers_wording_and_hostile_text(tmp_path: Path) -> None:
    briefing = load(EXAMPLE)
    item = briefing.items()[0]
    hostile = Finding("markup", "qa.markup_placeholder", Severity.WARNING, item.id, {"found": "\x1b[2J{{x}}\x00" * 3})
    data = render(briefing, find_template("press-release"), Layout.KO)
    appended = append_findings(data, rows(briefing, [hostile]), Layout.KO, lambda m, lang: f"[{lang}] {m.code}")
    assert "1.1|경고|markup|[ko] qa.markup_placeholder" in _paragraph_texts(appended)
    raw = append_findings(data, rows(briefing, [hostile]), Layout.KO)
    assert any("␛[2J" in text for text in _paragraph_texts(raw))  # control characters shown, never written raw
    many = [hostile] * 400  # a long list still makes a document
    assert len(_paragraph_texts(append_findings(data, rows(briefing, many), Layout.EN))) > 400
    assert append_findings(data, [], Layout.EN) == data


def test_cli_export_runs_qa_and_findings_needs_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefing, _ = planted()
    path = tmp_path / "planted.briefing"
    save(briefing, path)
    assert cli(["export", str(path), "--out", str(tmp_path / "a"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "QA error(s) are not waived" in err and "briefing-studio qa FILE" in err
    assert cli(["export", str(path), "--out", str(tmp_path / "b"), "--lang", "en", "--findings"]) == 2
    assert "--findings appends the QA findings to a draft only" in capsys.readouterr().err
    assert cli(["export", str(path), "--out", str(tmp_path / "c"), "--lang", "en", "--draft", "--findings"]) == 0
    assert "Appendix: QA findings (draft only)" in _paragraph_texts(
        (tmp_path / "c" / "planted.press-release.draft.en.docx").read_bytes()
    )
    manifest = json.loads((tmp_path / "c" / "planted.press-release.draft.manifest.json").read_text("utf-8"))
    assert manifest["qa"]["summary"]["open"]["error"] >= 1

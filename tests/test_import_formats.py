"""Importers: a corpus of five Korean and five English releases and reports of different shapes (tests/data/import,
kept as UTF-8 text), each imported as .txt in an encoding of its own, as .md, as .docx (python-docx) and as .hwpx
(python-hwpx), all built here; and hostile .hwpx/.docx input — never a traceback, never a hang."""

from __future__ import annotations

import io
import random
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import pytest

from briefing.cli.main import run
from briefing.importers import ImportFailed, ImportResult, import_bytes, import_file
from briefing.importers.archive import OLE_MAGIC
from briefing.model import Briefing, ItemType, StatementKind
from tests.test_importers import _assert_nothing_dropped

CORPUS = Path(__file__).parent / "data" / "import"
ENCODINGS = {  # spread over the corpus: each encoding at least once per language
    "ko-press-release": ("cp949", "CP949 (EUC-KR)"),
    "ko-result-report": ("utf-16", "UTF-16"),
    "ko-readout": ("utf-8-sig", "UTF-8 with BOM"),
    "ko-joint-statement": ("utf-8", "UTF-8"),
    "ko-schedule-notice": ("cp949", "CP949 (EUC-KR)"),
    "en-press-release": ("utf-8", "UTF-8"),
    "en-meeting-report": ("utf-8-sig", "UTF-8 with BOM"),
    "en-readout": ("utf-16-le", "UTF-16-LE"),
    "en-joint-statement": ("utf-16", "UTF-16"),
    "en-schedule-notice": ("utf-8", "UTF-8"),
}


def _kinds(b: Briefing) -> list[StatementKind | None]:
    return [i.statement_kind for i in b.items() if i.type is ItemType.STATEMENT]


def _types(b: Briefing) -> set[ItemType]:
    return {i.type for i in b.items()}


EXPECTED: dict[str, Callable[[Briefing], object]] = {
    "ko-press-release": lambda b: (
        b.title.ko == "제5차 한미 국방사이버정책 실무협의회(CCWG) 개최"
        and (b.meeting.session, b.meeting.series.code, str(b.meeting.start_date)) == (5, "CCWG", "2025-03-11")
        and b.meeting.place.ko == "서울 국방부 청사"
        and str(b.meeting.release.embargo) == "2025-03-12 06:00:00"
        and b.meeting.release.zone.ko == "한국시간"
        and b.meeting.release.issuer.ko == "국방부"
        and [(c.office.ko, c.name.ko, c.phone) for c in b.meeting.contacts]
        == [("국방정책실 사이버정책과", "중령 이예시", "02-748-1111")]
        and [(p.name.ko, p.title.ko, p.rank.ko, p.organisation.ko) for p in b.meeting.co_chairs()]
        == [
            ("김예시", "사이버정책과장", "공군 대령", "국방부"),
            ("존 샘플(John Sample)", "사이버정책 부차관보", "", "미 국방부"),
        ]
        and {ItemType.AGREEMENT, ItemType.NOTE} <= _types(b)
    ),
    "ko-result-report": lambda b: (
        (str(b.meeting.report.dated), b.meeting.report.office.ko, b.meeting.report.author.ko)
        == ("2025-04-03", "국방정책실 미국정책과", "소령 박예시")
        and str(b.meeting.start_time) == "10:00:00"
        and b.meeting.place.ko == "미국 워싱턴 D.C."
        and [a.title.ko for a in b.meeting.attachments] == ["회의 참석자 명단"]
        and [(i.owner.ko if i.owner else "", str(i.due)) for i in b.items() if i.type is ItemType.ACTION]
        == [("미국정책과", "2025-05-30")]
        and _kinds(b) == [StatementKind.CONDEMNATION]
        and any(i.text.ko.startswith("- 양측은 북한의") for i in b.items())  # a sub-level keeps its label
    ),
    "ko-readout": lambda b: (
        b.title.ko == "국방부장관, 주한 호주대사 접견 결과"
        and str(b.meeting.start_date) == "2025-02-20"
        and _kinds(b) == [StatementKind.SHARED_CONCERN]
        and {ItemType.TOPIC, ItemType.DECISION} <= _types(b)
    ),
    "ko-joint-statement": lambda b: (
        _kinds(b) == [StatementKind.CONDEMNATION, StatementKind.SHARED_CONCERN, StatementKind.JOINT_STATEMENT]
        and [i.text.ko[:2] for i in b.items()][2:4] == ["가.", "나."]
    ),
    "ko-schedule-notice": lambda b: (
        [str(i.when) for i in b.items() if i.type is ItemType.SCHEDULE] == ["2025-06", "2025-09", "2025-H2"]
        and [i.type for i in b.items()][-1] is ItemType.NOTE
    ),
    "en-press-release": lambda b: (
        b.title.en == "Korea-U.S. Cyber Cooperation Working Group Holds 5th Meeting"
        and (b.meeting.session, b.meeting.series.code, str(b.meeting.start_date)) == (5, "CCWG", "2025-03-11")
        and b.meeting.release.embargo is None
        and [(c.name.en, c.office.en, c.phone, c.email) for c in b.meeting.contacts]
        == [("Lee Ye-si", "Press Office", "02-748-1111", "press@example.mil.kr")]
        and [p.name.en for p in b.meeting.co_chairs()] == ["Kim Ye-si", "John Sample"]
        and b.items()[0].text.en.startswith("The Ministry of National Defense")  # the dateline set apart
    ),
    "en-meeting-report": lambda b: (
        (str(b.meeting.report.dated), b.meeting.report.office.en, b.meeting.report.author.en)
        == ("2025-04-03", "U.S. Policy Division", "Maj. Park Ye-si")
        and (b.meeting.session, b.meeting.series.code) == (12, "KIDD")
        and str(b.meeting.start_time) == "10:00:00"
        and [(i.owner.en if i.owner else "", str(i.due)) for i in b.items() if i.type is ItemType.ACTION]
        == [("U.S. Policy Division", "2025-05-30")]
        and _kinds(b) == [StatementKind.CONDEMNATION]
    ),
    "en-readout": lambda b: (
        str(b.meeting.start_date) == "2025-02-20"
        and b.meeting.place.en == "Seoul"
        and _kinds(b) == [StatementKind.SHARED_CONCERN]
        and {ItemType.TOPIC, ItemType.DECISION} <= _types(b)
    ),
    "en-joint-statement": lambda b: (
        _kinds(b) == [StatementKind.CONDEMNATION, StatementKind.SHARED_CONCERN, StatementKind.JOINT_STATEMENT]
    ),
    "en-schedule-notice": lambda b: (
        [str(i.when) for i in b.items() if i.type is ItemType.SCHEDULE] == ["2025-06", "2025-09", "2025-H2"]
    ),
}


def _text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def _docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@cache
def _hwpx_new() -> bytes:
    from hwpx import HwpxDocument

    return bytes(HwpxDocument.new().to_bytes())


def _hwpx(lines: list[str], header: str = "", footer: str = "") -> bytes:
    from hwpx import HwpxDocument

    document = HwpxDocument.open(io.BytesIO(_hwpx_new()))
    for line in lines:
        document.add_paragraph(line)
    if header:
        document.page.set_header(text=header)
    if footer:
        document.page.set_footer(text=footer)
    return bytes(document.to_bytes())


FORMATS = ("txt", "md", "docx", "hwpx")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_corpus_in_every_format_keeps_every_word_and_the_expected_detections(name: str) -> None:
    text = _text(name)
    lines = text.splitlines()
    encoding, stated = ENCODINGS[name]
    built = {
        "txt": text.encode(encoding),
        "md": text.encode(),
        "docx": _docx(lines),
        "hwpx": _hwpx(lines),
    }
    for fmt in FORMATS:
        result = import_bytes(built[fmt], f"{name}.{fmt}")
        assert result.report.format == ("text" if fmt in ("txt", "md") else fmt)
        if fmt == "txt":
            assert result.report.encoding == stated
        _assert_nothing_dropped(result, lines)
        assert EXPECTED[name](result.briefing), (name, fmt)


def test_an_hwpx_keeps_headers_footers_and_tables_apart() -> None:
    from hwpx import HwpxDocument

    document = HwpxDocument.open(io.BytesIO(_hwpx_new()))
    document.add_paragraph("제24차 한미 통합국방협의체(KIDD) 결과 보고")
    table = document.add_table(2, 2)
    table.set_cell_text(0, 0, "일시")
    table.set_cell_text(0, 1, "2025. 2. 18.(화) 14:30(현지시각)")
    table.set_cell_text(1, 0, "장소")
    table.set_cell_text(1, 1, "서울 국방부")
    document.add_paragraph("□ 주요 논의 결과")
    document.add_paragraph("○ 양측은 연합연습 확대에 합의했다.")
    document.page.set_header(text="대외비")
    document.page.set_footer(text="- 1 -")
    result = import_bytes(bytes(document.to_bytes()), "kidd.hwpx")
    briefing = result.briefing
    assert briefing.title.ko == "제24차 한미 통합국방협의체(KIDD) 결과 보고"
    assert briefing.meeting.marking.ko == "대외비" and "- 1 -" in result.report.set_apart
    assert briefing.meeting.place.ko == "서울 국방부" and str(briefing.meeting.start_time) == "14:30:00"
    assert [i.type for i in briefing.sections[0].items] == [ItemType.AGREEMENT]


# -- hostile and damaged input -------------------------------------------------------------------------------------


def _refused(data: bytes, name: str, limit_s: float = 2.0, limit_mb: float = 64.0) -> ImportFailed:
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(ImportFailed) as caught:
            import_bytes(data, name)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.process_time() - started < limit_s
    assert peak < limit_mb * 2**20
    assert "\n" not in str(caught.value)
    return caught.value


def _bomb(first: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(first[0], first[1])
        archive.writestr("Contents/section0.xml", b"\0" * (64 * 2**20))  # 64 MB of zeros, ~64 KB packed
    return out.getvalue()


@pytest.mark.parametrize("name", ["bomb.hwpx", "bomb.docx"])
def test_a_zip_bomb_renamed_hwpx_or_docx_stops_at_the_cap_in_bounded_time_and_memory(name: str) -> None:
    first = ("mimetype", b"application/hwp+zip") if name.endswith("hwpx") else ("[Content_Types].xml", b"<Types/>")
    data = _bomb(first)
    assert len(data) < 2**20
    # The 16 MB part cap of an HWPX (48 MB for a DOCX part, then the 96 MB total) stops the inflating.
    refused = _refused(data, name, limit_s=3.0, limit_mb=100.0)
    assert refused.code == "import.damaged"


def test_password_protected_and_hwp5_files_named_hwpx_or_docx_are_refused_in_one_line() -> None:
    ole = OLE_MAGIC + random.Random(3).randbytes(4000)  # what Word writes when it encrypts, and an HWP 5 file
    assert _refused(ole, "protected.docx").code == "import.encrypted"
    assert _refused(ole, "protected.hwpx").code == "import.encrypted_hwpx"
    encrypted = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_hwpx(["비밀"]))) as source, zipfile.ZipFile(encrypted, "w") as out:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "META-INF/manifest.xml":
                body = (
                    b'<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:'
                    b'xmlns:manifest:1.0"><odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data '
                    b'odf:checksum-type="SHA1"/></odf:file-entry></odf:manifest>'
                )
            out.writestr(info, body)
    assert _refused(encrypted.getvalue(), "locked.hwpx").code == "import.encrypted_hwpx"


def test_damaged_hwpx_files_are_refused_in_one_line() -> None:
    data = _hwpx(["○ 양측은 합의했다."])
    assert _refused(data[: len(data) // 2], "cut.hwpx").code == "import.damaged"
    assert _refused(random.Random(5).randbytes(5000), "junk.hwpx").code == "import.damaged"
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as out:
        for info in source.infolist():
            body = source.read(info)
            out.writestr(info, body[: len(body) // 2] if info.filename == "Contents/section0.xml" else body)
    assert _refused(broken.getvalue(), "broken.hwpx").code == "import.damaged"


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',  # billion laughs
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',  # an external entity
        b'<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">',  # a DTD from outside
    ],
)
@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_doctype_and_entities_in_any_part_are_refused(doctype: bytes, fmt: str) -> None:
    data = _docx(["The sides agreed."]) if fmt == "docx" else _hwpx(["양측은 합의했다."])
    part = "word/styles.xml" if fmt == "docx" else "Contents/header.xml"
    hostile = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(hostile, "w") as out:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == part:
                body = body.replace(b"?>", b"?>" + doctype, 1)
            out.writestr(info, body)
    refused = _refused(hostile.getvalue(), f"hostile.{fmt}")
    assert refused.code == "import.damaged" and "DOCTYPE" in str(refused)


def test_the_command_line_report_escapes_terminal_sequences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "esc\x1b[2Jape.hwpx"
    source.write_bytes(_hwpx(["Title", "The sides agreed.\x1b]0;owned\x07"], header="\x1b[31mMARK"))
    out = tmp_path / "draft.briefing"
    assert run(["import", str(source), "--out", str(out), "--report"]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\\x1b[2J" in printed  # the file name's escape shown, not obeyed


def test_a_200_mb_hwpx_is_refused_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.hwpx"
    with path.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: nothing on disk
    started = time.process_time()
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    assert caught.value.code == "import.too_large" and time.process_time() - started < 1


def test_a_500_item_hwpx_imports_in_under_two_seconds() -> None:
    lines = ["제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고"]
    for number in range(500):
        if number % 25 == 0:
            lines.append(f"□ 주요 논의 내용 {number // 25 + 1}")
        lines.append(f"○ 양측은 항목 {number}에 대해 협력하기로 합의했다.")
    data = _hwpx(lines)
    import_bytes(data, "warm.hwpx")  # python-hwpx's own import (~0.8 s) is paid once per process
    started = time.process_time()
    result: ImportResult = import_bytes(data, "big.hwpx")
    assert time.process_time() - started < 2
    assert sum(i.type is ItemType.AGREEMENT for i in result.briefing.items()) == 500

"""Bilingual import: Korean and English versions of releases, reports and statements (texts in several encodings and
DOCX written here, the example's own exports) aligned into one draft; misaligned versions keep every sentence and
list the leftovers; pairing by hand; the memory fed on approval and from the preview; the command; huge inputs."""

from __future__ import annotations

import io
import time
from collections import Counter
from pathlib import Path

import docx
import pytest

from briefing.cli.main import run
from briefing.export.render import render
from briefing.export.templates import Layout, find_template
from briefing.fileformat import dumps, loads
from briefing.importers import ImportFailed, ImportResult, import_bytes
from briefing.importers.align import HIGH, PairImport, align, import_pair, import_pair_bytes
from briefing.importers.report import ImportReport
from briefing.importers.structure import SET_APART_TITLE
from briefing.memory.aligned import IMPORT_PREFIX, feed_memory
from briefing.memory.stack import Memories, personal_path
from briefing.memory.store import TranslationMemory
from briefing.model import Briefing, Item, ItemType, Language, Section, TargetStatus
from briefing.storage import load, save
from briefing.terms.stack import SHIPPED, FixedTermbase, Terminology, load_shipped
from tests.conftest import EXAMPLE

KO, EN = Language.KO, Language.EN

# -- three pairs of different shapes -----------------------------------------------------------------------------

KO_RELEASE = """국방부 보도자료
보도 일시: 2025. 3. 12.(수) 배포 즉시
제5차 한미 통합국방협의체(KIDD) 개최
국방부와 미 국방부는 2025년 3월 11일(현지시각) 미국 워싱턴 D.C.에서 제5차 한미 통합국방협의체(KIDD)를 개최했다.
이번 회의는 김철수 국방정책실장과 존 스미스(John Smith) 미 국방부 부차관보가 공동 주관했다.
양측은 북한의 ICBM 발사를 유엔 안보리 결의 위반으로 규탄했다.
양측은 2026년 상반기에 SCM을 개최하기로 합의했다.
양측은 우주 및 사이버 분야 협력 방안을 폭넓게 논의했다.
* 다음 회의는 2025년 9월 서울에서 열린다.
담당 부서: 국방정책실
연락처: 02-748-0000
"""

EN_RELEASE = """FOR IMMEDIATE RELEASE
Korea-U.S. Integrated Defense Dialogue Holds 5th Meeting
WASHINGTON, March 11, 2025 — The Ministry of National Defense and the U.S. Department of Defense held the 5th \
Korea-U.S. Integrated Defense Dialogue (KIDD) in Washington, D.C., on March 11, 2025 (local time).
The meeting was co-chaired by Kim Chul-soo, Deputy Minister for Policy, and John Smith, Deputy Assistant Secretary \
of Defense.
The two sides condemned North Korea's ICBM launch as a violation of UN Security Council resolutions.
The two sides agreed to hold the SCM in the first half of 2026.
They held wide-ranging discussions on ways to cooperate in space and cyberspace.
* The next meeting will be held in Seoul in September 2025.
Media contact: press@example.mil
###
"""

RELEASE_PAIRS = [
    ("2025년 3월 11일", "March 11, 2025"),
    ("김철수", "Kim Chul-soo"),
    ("ICBM 발사", "ICBM launch"),
    ("2026년 상반기", "first half of 2026"),
    ("사이버 분야", "cyberspace"),
    ("다음 회의는", "next meeting"),
]

KO_STATEMENT = """제5차 한미 통합국방협의체(KIDD) 공동보도문
1. 양측은 2023년 워싱턴 선언의 이행 성과를 평가했다.
2. 양측은 NCG 운영을 통해 확장억제의 실행력을 높이기로 합의했다.
3. 양측은 2025년 하반기 연합연습 계획을 점검했다.
4. 양측은 인도·태평양 지역의 평화와 안정을 위해 긴밀히 공조하기로 했다.
"""

EN_STATEMENT = """Joint Press Statement of the 5th Korea-U.S. Integrated Defense Dialogue (KIDD)
1. The two sides assessed the implementation of the 2023 Washington Declaration.
2. The two sides agreed to make extended deterrence more executable through the NCG.
3. The two sides reviewed the plan for combined exercises in the second half of 2025.
4. The two sides will closely coordinate for peace and stability in the Indo-Pacific region.
"""

STATEMENT_PAIRS = [
    ("2023년", "2023 Washington"),
    ("NCG", "NCG"),
    ("하반기", "second half"),
    ("인도·태평양", "Indo-Pacific"),
]

KO_REPORT = [
    ("Title", "제24차 한미 국방우주정책 실무협의회(SCWG) 결과 보고"),
    ("", "□ 개요"),
    ("", "○ 양측은 2025년 6월 3일 서울에서 제24차 SCWG를 개최했다."),
    ("", "○ 회의에는 양측 대표단 24명이 참석했다."),
    ("", "□ 주요 내용"),
    ("", "○ 양측은 우주상황인식(SSA) 정보공유 확대를 논의했다."),
    ("", "○ 양측은 2027년까지 연합 우주작전 절차를 마련하기로 합의했다."),
    ("", "○ 양측은 미 우주군(USSF) 교육과정에 한국군 12명을 파견하기로 결정했다."),
    ("", "※ 세부 파견 일정은 추후 협의한다."),
    ("", "□ 향후 계획"),
    ("", "○ 2025. 9: TTX 실시"),
    ("", "○ 2026. 3: 제25차 SCWG 개최"),
]

EN_REPORT = [
    ("Title", "24th Korea-U.S. Space Cooperation Working Group (SCWG): Meeting Report"),
    ("Heading 1", "Overview"),
    ("List Bullet", "The two sides held the 24th SCWG in Seoul on June 3, 2025."),
    ("List Bullet", "Twenty-four members of the two delegations attended the meeting (24 in all)."),
    ("Heading 1", "Discussions"),
    ("List Bullet", "The two sides discussed expanding space situational awareness (SSA) information sharing."),
    ("List Bullet", "The two sides agreed to establish combined space operations procedures by 2027."),
    ("List Bullet", "The two sides decided to send 12 Korean service members to U.S. Space Force (USSF) courses."),
    ("", "※ The detailed schedule will be discussed later."),
    ("Heading 1", "Schedule"),
    ("List Bullet", "September 2025: TTX"),
    ("List Bullet", "March 2026: 25th SCWG"),
]

REPORT_PAIRS = [
    ("2025년 6월 3일", "June 3, 2025"),
    ("24명", "Twenty-four"),
    ("SSA", "SSA"),
    ("2027년", "2027"),
    ("USSF", "USSF"),
    ("세부 파견", "detailed schedule"),
    ("TTX 실시", "TTX"),
    ("제25차", "25th"),
]


def _shipped_terms(text: str, language: Language) -> list[str]:
    """The shipped termbase as the alignment's term finder (what the command passes, without the user's files)."""
    return [hit.entry.id for hit in _TERMINOLOGY.hits(text, language)]


_TERMINOLOGY = Terminology([FixedTermbase(SHIPPED, load_shipped())])


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style or None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _hwpx(text: str) -> bytes:
    """The text's lines as the paragraphs of a 한글 document (python-hwpx)."""
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    for line in text.splitlines():
        document.add_paragraph(line)
    return bytes(document.to_bytes())


def _texts(briefing: Briefing, language: Language) -> Counter[str]:
    return Counter(i.text.get(language) for i in briefing.items() if i.text.get(language))


def _assert_kept(pair: PairImport, first: tuple[bytes, str], second: tuple[bytes, str]) -> None:
    """Every item text of each version, imported on its own, is in the bilingual draft (none lost, none added)."""
    for data, name in (first, second):
        alone = import_bytes(data, name).briefing
        language = alone.origin_language
        assert _texts(pair.briefing, language) == _texts(alone, language)


def _paired(pair: PairImport) -> dict[str, str]:
    return {pair.briefing.item(p.item_id).text.ko: pair.briefing.item(p.item_id).text.en for p in pair.pairs}


def _assert_pairs(pair: PairImport, expected: list[tuple[str, str]]) -> None:
    found = _paired(pair)
    for ko, en in expected:
        partners = [e for k, e in found.items() if ko in k]
        assert len(partners) == 1 and en in partners[0], (ko, partners)


def _assert_statuses(pair: PairImport) -> None:
    paired = {p.item_id for p in pair.pairs}
    for item in pair.briefing.items():
        assert item.status is not TargetStatus.APPROVED
        assert (item.status is TargetStatus.EDITED) == (item.id in paired)
        if item.id in paired:
            assert item.is_current() and item.source is pair.source


@pytest.mark.parametrize(
    ("first", "second", "expected", "count"),
    [
        ((KO_RELEASE.encode(), "ko.txt"), (EN_RELEASE.encode("utf-8-sig"), "en.txt"), RELEASE_PAIRS, 6),
        ((KO_STATEMENT.encode("cp949"), "ko.txt"), (EN_STATEMENT.encode("utf-16"), "en.txt"), STATEMENT_PAIRS, 4),
        ((_docx(EN_REPORT), "en.docx"), (_docx(KO_REPORT), "ko.docx"), REPORT_PAIRS, 8),
        ((_hwpx(KO_STATEMENT), "ko.hwpx"), (_hwpx(EN_STATEMENT), "en.hwpx"), STATEMENT_PAIRS, 4),
    ],
    ids=["release-txt", "statement-cp949-utf16", "report-docx-en-first", "statement-hwpx"],
)
def test_three_shapes_align_into_one_bilingual_draft(
    first: tuple[bytes, str], second: tuple[bytes, str], expected: list[tuple[str, str]], count: int
) -> None:
    pair = import_pair_bytes(*first, *second, terms=_shipped_terms)
    _assert_pairs(pair, expected)
    assert len(pair.pairs) == count
    assert pair.unpaired[KO] == pair.unpaired[EN] == []
    assert all(p.confidence >= HIGH for p in pair.pairs), [(p.confidence, _paired(pair)) for p in pair.pairs]
    _assert_kept(pair, first, second)
    _assert_statuses(pair)
    assert pair.source is import_bytes(*first).briefing.origin_language
    assert pair.briefing.title.ko and pair.briefing.title.en
    assert pair.reports[KO].language.startswith("ko") and pair.reports[EN].language.startswith("en")


def test_the_card_is_merged_field_by_field() -> None:
    pair = import_pair_bytes(KO_RELEASE.encode(), "ko.txt", EN_RELEASE.encode(), "en.txt")
    card = pair.briefing.meeting
    assert (card.session, card.series.code) == (5, "KIDD")
    assert (
        card.series.name.ko == "한미 통합국방협의체" and card.series.name.en == "Korea-U.S. Integrated Defense Dialogue"
    )
    assert card.time_zone_note.ko == "현지시각" and card.time_zone_note.en == "local time"
    assert card.place.en == "Washington, D.C."
    chairs = card.co_chairs()
    assert chairs and chairs[0].name.ko == "김철수" and chairs[0].name.en == "Kim Chul-soo"
    apart = pair.briefing.sections[-1]
    assert apart.title.ko == SET_APART_TITLE.ko and apart.title.en == SET_APART_TITLE.en
    assert {"###", "끝."} & {i.text.get(i.source) for i in apart.items} == {"###"}


@pytest.mark.parametrize(("first", "layout"), [(Layout.EN, Layout.KO), (Layout.KO, Layout.EN)])
def test_the_examples_exported_documents_import_back_as_one_bilingual_briefing(first: Layout, layout: Layout) -> None:
    example = load(EXAMPLE)
    template = find_template("meeting-report")
    pair = import_pair_bytes(render(example, template, first), "a.docx", render(example, template, layout), "b.docx")
    kept = [s for s in pair.briefing.sections if s.title.en != SET_APART_TITLE.en]
    assert [(s.title.ko, s.title.en) for s in kept] == [(s.title.ko, s.title.en) for s in example.sections]
    for original, back in zip(example.sections, kept, strict=True):
        assert [(i.text.ko, i.text.en) for i in back.items] == [(i.text.ko, i.text.en) for i in original.items]
        assert [i.when for i in back.items] == [i.when for i in original.items]
    assert len(pair.pairs) == len(example.items()) and not pair.unpaired[KO] and not pair.unpaired[EN]
    assert min(p.confidence for p in pair.pairs) >= HIGH
    _assert_statuses(pair)
    card = pair.briefing.meeting
    assert card.series.name == example.meeting.series.name and card.place == example.meeting.place
    assert [a.title for a in card.attachments] == [a.title for a in example.meeting.attachments]
    assert pair.briefing.title.ko and pair.briefing.title.en


# -- misaligned versions -----------------------------------------------------------------------------------------


def test_an_extra_and_a_missing_paragraph_are_kept_and_listed() -> None:
    missing = "○ 양측은 미 우주군(USSF) 교육과정에 한국군 12명을 파견하기로 결정했다."
    extra = ("List Bullet", "The two sides also reviewed the 2019 space cooperation roadmap of 7 areas.")
    english = [p for p in EN_REPORT if "USSF" not in p[1]]
    english.insert(3, extra)
    korean, english_bytes = _docx(KO_REPORT), _docx(english)
    pair = import_pair_bytes(korean, "ko.docx", english_bytes, "en.docx")
    assert [pair.briefing.item(i).text.ko for i in pair.unpaired[KO]] == [missing.removeprefix("○ ")]
    assert [pair.briefing.item(i).text.en for i in pair.unpaired[EN]] == [extra[1]]
    _assert_pairs(pair, [p for p in REPORT_PAIRS if p[0] != "USSF"])
    assert len(pair.pairs) == 7
    _assert_kept(pair, (korean, "ko.docx"), (english_bytes, "en.docx"))
    lines = "\n".join(pair.lines())
    assert f"unpaired ko: {missing.removeprefix('○ ')}" in lines and f"unpaired en: {extra[1]}" in lines
    extra_item = pair.briefing.item(pair.unpaired[EN][0])
    assert extra_item.source is EN and extra_item.status is TargetStatus.EMPTY
    assert pair.briefing.locate(extra_item.id)[0].title.en == "Overview"  # where it stood


def test_reordered_sections_find_each_other() -> None:
    english = EN_REPORT[:1] + EN_REPORT[9:] + EN_REPORT[4:9] + EN_REPORT[1:4]  # schedule, discussions, overview
    korean, english_bytes = _docx(KO_REPORT), _docx(english)
    pair = import_pair_bytes(korean, "ko.docx", english_bytes, "en.docx")
    _assert_pairs(pair, REPORT_PAIRS)
    assert not pair.unpaired[KO] and not pair.unpaired[EN]
    titles = [(s.title.ko, s.title.en) for s in pair.briefing.sections]
    assert titles == [
        ("개요", "Overview"),
        ("주요 내용", "Discussions"),
        ("향후 계획", "Schedule"),
    ]  # the source's order
    _assert_kept(pair, (korean, "ko.docx"), (english_bytes, "en.docx"))


def test_a_different_number_of_items_pairs_what_matches_and_lists_the_rest() -> None:
    korean = KO_STATEMENT.replace(
        "4. 양측은 인도·태평양", "4. 양측은 2024년 12월 발표한 공동성명을 재확인했다.\n5. 양측은 인도·태평양"
    )
    english = EN_STATEMENT.replace(
        "3. The two sides reviewed the plan for combined exercises in the second half of 2025.\n", ""
    )
    english += "5. The two sides noted the 3 new liaison officer posts created in 2024 and 2025.\n"
    pair = import_pair_bytes(korean.encode(), "ko.txt", english.encode(), "en.txt")
    _assert_pairs(pair, [p for p in STATEMENT_PAIRS if p[0] != "하반기"])
    unpaired_ko = [pair.briefing.item(i).text.ko for i in pair.unpaired[KO]]
    assert (
        len(unpaired_ko) == 2 and any("하반기" in t for t in unpaired_ko) and any("공동성명" in t for t in unpaired_ko)
    )
    assert [pair.briefing.item(i).text.en for i in pair.unpaired[EN]] == [english.splitlines()[-1].removeprefix("5. ")]
    _assert_kept(pair, (korean.encode(), "ko.txt"), (english.encode(), "en.txt"))


# -- fixing the alignment by hand ---------------------------------------------------------------------------------


def test_the_drafter_unpairs_and_pairs_items() -> None:
    pair = import_pair_bytes(KO_STATEMENT.encode(), "ko.txt", EN_STATEMENT.encode(), "en.txt")
    items_before = len(pair.briefing.items())
    target = next(p for p in pair.pairs if "NCG" in pair.briefing.item(p.item_id).text.ko)
    english = pair.briefing.item(target.item_id).text.en
    new_id = pair.unpair(target.item_id)
    assert pair.pair_of(target.item_id) is None and len(pair.briefing.items()) == items_before + 1
    assert pair.briefing.item(target.item_id).status is TargetStatus.EMPTY
    assert pair.briefing.item(new_id).text.en == english and pair.briefing.item(new_id).source is EN
    assert pair.unpaired == {KO: [target.item_id], EN: [new_id]}
    with pytest.raises(ImportFailed) as same:
        pair.pair(target.item_id, target.item_id)
    assert same.value.code == "import.cannot_pair"
    with pytest.raises(ImportFailed) as not_pair:
        pair.unpair(new_id)
    assert not_pair.value.code == "import.not_a_pair"
    made = pair.pair(new_id, target.item_id)
    assert made.manual and made.confidence == 1.0 and made.item_id == target.item_id
    item = pair.briefing.item(target.item_id)
    assert item.text.en == english and item.status is TargetStatus.EDITED
    assert len(pair.briefing.items()) == items_before and pair.unpaired == {KO: [], EN: []}
    assert made in pair.accepted(0.99) and "(paired by hand)" in "\n".join(pair.lines())


# -- the memory --------------------------------------------------------------------------------------------------


def test_approved_aligned_items_enter_the_memory_through_the_usual_learning(tmp_path: Path) -> None:
    pair = import_pair_bytes(KO_STATEMENT.encode(), "ko.txt", EN_STATEMENT.encode(), "en.txt")
    path = tmp_path / "statement.briefing"
    save(pair.briefing, path)
    briefing = load(path)
    with Memories.load() as memories:
        assert memories.learn_from(briefing, str(path)) == 0  # `edited` teaches nothing
        for item in briefing.items():
            if item.status is TargetStatus.EDITED:
                item.approve(by="reviewer")
        assert memories.learn_from(briefing, str(path)) > 0
        match = memories.lookup("양측은 2023년 워싱턴 선언의 이행 성과를 평가했다.", KO)[0]
    assert match.score == 100 and match.target.startswith("The two sides assessed the implementation")
    assert match.unit.approved_by == "reviewer"


def test_feed_memory_stores_accepted_pairs_marked_as_an_import(tmp_path: Path) -> None:
    korean = _docx(KO_REPORT)
    english = _docx([p for p in EN_REPORT if "USSF" not in p[1]])
    pair = import_pair_bytes(korean, "ko.docx", english, "en.docx")
    low = min(pair.pairs, key=lambda p: p.confidence)
    threshold = low.confidence + 0.001
    with TranslationMemory.create(tmp_path / "m.sqlite") as memory:
        added = feed_memory(pair, memory, threshold, accepted_by="drafter")
        units = list(memory.units())
        assert added == len(units) > 0
        assert feed_memory(pair, memory, threshold, accepted_by="drafter") == len(units)  # replaces, no duplicates
        assert memory.count() == len(units)
    sources = {u.source for u in units}
    assert pair.briefing.item(low.item_id).text.ko not in sources  # below the minimum
    unpaired_ko = pair.briefing.item(pair.unpaired[KO][0]).text.ko
    assert unpaired_ko not in sources
    assert all(u.briefing == f"{IMPORT_PREFIX}ko.docx + en.docx" and u.approved_by == "drafter" for u in units)
    assert all(u.source_language is KO for u in units)
    assert all(i.status is not TargetStatus.APPROVED for i in pair.briefing.items())  # the draft is not approved


def test_a_failed_feed_leaves_the_memory_unchanged(tmp_path: Path) -> None:
    pair = import_pair_bytes(KO_STATEMENT.encode(), "ko.txt", EN_STATEMENT.encode(), "en.txt")
    path = tmp_path / "m.sqlite"
    TranslationMemory.create(path).close()
    with TranslationMemory.open(path, read_only=True) as memory, pytest.raises(Exception) as caught:
        feed_memory(pair, memory, 0.0)
    assert getattr(caught.value, "code", "") == "memory.read_only"
    with TranslationMemory.open(path) as memory:
        assert memory.count() == 0


# -- the command -------------------------------------------------------------------------------------------------


def test_the_import_command_with_two_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ko, en, out = tmp_path / "ko.txt", tmp_path / "en.txt", tmp_path / "kidd.briefing"
    ko.write_text(KO_RELEASE.replace("* 다음", "\x1b]0;owned\x07\x1b[2J경고 문구\n* 다음"), "utf-8")
    en.write_text(EN_RELEASE + "An extra line with \x1b[31mred\x1b[0m text and 99 balloons.\n", "utf-8")
    code = run(["import", str(ko), str(en), "--out", str(out), "--report", "--to-memory", "--min-confidence", "0.7"])
    printed = capsys.readouterr().out
    assert code == 0 and "\x1b" not in printed
    assert "6 aligned pairs" in printed and "unpaired 1 ko and 1 en" in printed and "unpaired ko: 경고 문구" in printed
    assert "pair 0." in printed or "pair 1.00" in printed
    assert "unpaired en: An extra line with red text and 99 balloons." in printed
    assert "memory: " in printed and "units learned" in printed
    briefing = load(out)
    assert sum(i.status is TargetStatus.EDITED for i in briefing.items()) == 6
    with TranslationMemory.open(personal_path(), read_only=True) as memory:
        assert memory.count() > 0 and all(u.briefing.startswith(IMPORT_PREFIX) for u in memory.units())
    assert run(["import", str(ko), str(en), "--out", str(out)]) != 0  # exists, no --force


def test_the_command_refuses_two_documents_in_one_language_and_memory_without_a_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "x.briefing"
    first.write_text(KO_RELEASE, "utf-8")
    second.write_text(KO_STATEMENT, "utf-8")
    assert run(["import", str(first), str(second), "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "same language (ko)" in err and not out.exists()
    assert run(["import", str(first), "--out", str(out), "--to-memory"]) != 0
    assert "--to-memory needs two documents" in capsys.readouterr().err and not out.exists()
    assert run(["import", str(first), str(second), "--out", str(out), "--lang", "ko"]) == 0  # told: the second is en


def test_same_language_pair_is_refused_by_the_api(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(EN_STATEMENT, "utf-8")
    (tmp_path / "b.txt").write_text(EN_RELEASE, "utf-8")
    with pytest.raises(ImportFailed) as caught:
        import_pair(tmp_path / "a.md", tmp_path / "b.txt")
    assert caught.value.code == "import.same_language"


# -- huge --------------------------------------------------------------------------------------------------------


def _big(language: Language, count: int, skip: int = -1) -> ImportResult:
    briefing = Briefing(origin_language=language)
    for number in range(count):
        if number % 25 == 0:
            briefing.sections.append(Section())
        if number == skip:
            continue
        item = Item(source=language, type=ItemType.AGREEMENT)
        year = 2000 + number % 30
        text = (
            f"양측은 {number}번 협력 과제를 {year}년까지 추진하기로 합의했다."
            if language is KO
            else f"The two sides agreed to pursue cooperation task {number} by {year}."
        )
        item.text.set(language, text)
        briefing.sections[-1].items.append(item)
    return ImportResult(briefing, ImportReport(source=f"{language.value}.txt", format="text"))


def test_two_5000_item_documents_align_in_bounded_time() -> None:
    """The table is banded (BAND cells either side of the sections' diagonal): about 165,000 cells, not 25 million;
    the bound is generous for a busy test machine."""
    korean, english = _big(KO, 5000), _big(EN, 5000, skip=2500)
    started = time.process_time()
    pair = align(korean, english)
    elapsed = time.process_time() - started
    assert elapsed < 20, elapsed  # measured 3–7 s on a shared, loaded 2-core machine
    assert len(pair.pairs) == 4999 and len(pair.unpaired[KO]) == 1 and not pair.unpaired[EN]
    assert "2500번" in pair.briefing.item(pair.unpaired[KO][0]).text.ko
    assert all(f"task {k.split('번')[0].split()[-1]} " in e for k, e in _paired(pair).items())


def test_a_long_document_against_a_short_one_stays_bounded() -> None:
    started = time.process_time()
    pair = align(_big(KO, 3000), _big(EN, 10))
    assert time.process_time() - started < 5
    assert len(pair.pairs) == 10 and len(pair.unpaired[KO]) == 2990


def test_huge_items_are_compared_by_their_start_in_bounded_time() -> None:
    """Two 1 MB items (a hostile paste): anchors are read from the first PROFILED_CHARS characters only."""
    korean, english = _big(KO, 3), _big(EN, 3)
    korean.briefing.items()[1].text.ko += " 가나다" * 300_000
    english.briefing.items()[1].text.en += " abc 12" * 300_000
    started = time.process_time()
    pair = align(korean, english)
    assert time.process_time() - started < 2
    assert len(pair.pairs) == 3 and len(pair.briefing.item(pair.pairs[1].item_id).text.en) > 2_000_000


def test_a_section_of_one_version_only_is_kept_and_goes_when_its_items_are_paired() -> None:
    english = [*EN_REPORT, ("Heading 1", "Annex"), ("List Bullet", "The 2031 vision was presented by 9 officials.")]
    korean = [p for p in KO_REPORT if "2026. 3" not in p[1]]
    pair = import_pair_bytes(_docx(korean), "ko.docx", _docx(english), "en.docx")
    titles = [(s.title.ko, s.title.en) for s in pair.briefing.sections]
    assert titles == [("개요", "Overview"), ("주요 내용", "Discussions"), ("향후 계획", "Schedule"), ("", "Annex")]
    assert len(pair.unpaired[EN]) == 2 and not pair.unpaired[KO]  # "March 2026: 25th SCWG" and the annex item
    annex_item = pair.briefing.sections[-1].items[0].id
    single = next(p.item_id for p in pair.pairs if pair.briefing.item(p.item_id).text.ko == "TTX 실시")
    english_id = pair.unpair(single)
    assert pair.pair(annex_item, single).item_id == single  # a wrong pair, on purpose: the drafter decides
    assert [s.title.en for s in pair.briefing.sections] == ["Overview", "Discussions", "Schedule"]
    assert pair.briefing.item(single).text.en == "The 2031 vision was presented by 9 officials."
    assert english_id in pair.unpaired[EN]


def test_titles_written_in_both_versions_are_edited_and_one_sided_ones_missing() -> None:
    pair = import_pair_bytes(KO_RELEASE.encode(), "ko.txt", EN_RELEASE.encode(), "en.txt", terms=_shipped_terms)
    titles = pair.briefing.titles()
    assert titles and all(
        (t.state.status, t.state.source) == (TargetStatus.EDITED, pair.source)
        for t in titles
        if t.text.ko.strip() and t.text.en.strip()
    )
    assert all(
        t.state.status is TargetStatus.EMPTY and t.state.source is (KO if t.text.ko.strip() else EN)
        for t in titles
        if bool(t.text.ko.strip()) != bool(t.text.en.strip())
    )
    assert any(t.path[0] == "sections" and t.state.status is TargetStatus.EDITED for t in titles)
    assert loads(dumps(pair.briefing)) == pair.briefing  # the rules accept the states

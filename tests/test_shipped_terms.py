"""The shipped Korean–English termbase file, read with the csv module only (the loader is tested on its own).

These tests guard the data itself: the exact column layout the loader relies on, no duplicate or
self-contradicting entries, and the pairings an officer would check first.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parent.parent / "briefing" / "terms" / "data" / "shipped.tsv"
HEADER = [
    "id",
    "ko",
    "en",
    "ko_acronym",
    "en_acronym",
    "ko_admitted",
    "en_admitted",
    "ko_forbidden",
    "en_forbidden",
    "part_of_speech",
    "domain",
    "note",
    "source",
    "verified",
]
LIST_FIELDS = ("ko_admitted", "en_admitted", "ko_forbidden", "en_forbidden")
DOMAINS = {
    "organisation",
    "meeting",
    "rank",
    "title",
    "phrase",
    "weapon",
    "space",
    "exercise",
    "place",
    "document",
    "other",
}
PARTS_OF_SPEECH = {"noun", "verb", "adjective", "phrase"}
SEPARATOR = " | "
MAX_BYTES = 1_000_000  # the file is read whole at start-up; keep it small


def _read() -> tuple[list[str], list[dict[str, str]]]:
    with TSV.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
        header = next(reader)
        rows = [dict(zip(header, values, strict=True)) for values in reader]
    return header, rows


HEADER_READ, ROWS = _read()
BY_KO = {row["ko"]: row for row in ROWS}


def _variants(row: dict[str, str], field: str) -> list[str]:
    return row[field].split(SEPARATOR) if row[field] else []


def test_file_is_utf8_with_lf_line_ends_and_no_bom() -> None:
    data = TSV.read_bytes()
    assert len(data) < MAX_BYTES
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")
    data.decode("utf-8")  # raises on anything that is not UTF-8


def test_header_is_exact() -> None:
    assert HEADER_READ == HEADER


def test_enough_rows_and_every_row_has_every_column() -> None:
    assert len(ROWS) >= 300
    assert all(len(row) == len(HEADER) for row in ROWS)


def test_ids_are_unique_and_well_formed() -> None:
    ids = [row["id"] for row in ROWS]
    assert all(re.fullmatch(r"S\d{4}", value) for value in ids), ids
    assert [value for value, count in Counter(ids).items() if count > 1] == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_preferred_terms_are_unique(language: str) -> None:
    # Case-insensitively: "General" and "general" in one language would be one term to a matcher.
    terms = [row[language].casefold() for row in ROWS]
    assert [term for term, count in Counter(terms).items() if count > 1] == []


def test_no_empty_preferred_terms() -> None:
    assert [row["id"] for row in ROWS if not row["ko"] or not row["en"]] == []


def test_no_stray_whitespace_or_control_characters() -> None:
    problems = []
    for row in ROWS:
        for field, value in row.items():
            pieces = value.split(SEPARATOR) if field in LIST_FIELDS and value else [value]
            for piece in pieces:
                if piece != piece.strip() or "  " in piece:
                    problems.append((row["id"], field, piece))
                if any(unicodedata.category(char) in {"Cc", "Cf"} for char in piece):  # ESC, tabs, zero-width…
                    problems.append((row["id"], field, piece))
                if field in LIST_FIELDS and value and not piece:
                    problems.append((row["id"], field, "empty variant"))
                if '"' in piece:  # any csv dialect must read the file the same way
                    problems.append((row["id"], field, piece))
    assert problems == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_term_is_its_own_forbidden_variant(language: str) -> None:
    clashes = []
    for row in ROWS:
        forbidden = {term.casefold() for term in _variants(row, f"{language}_forbidden")}
        allowed = [row[language], *_variants(row, f"{language}_admitted")]
        clashes += [(row["id"], term) for term in allowed if term.casefold() in forbidden]
    assert clashes == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_forbidden_variant_is_never_a_preferred_term(language: str) -> None:
    preferred = {row[language].casefold(): row["id"] for row in ROWS}
    clashes = [
        (row["id"], term, preferred[term.casefold()])
        for row in ROWS
        for term in _variants(row, f"{language}_forbidden")
        if term.casefold() in preferred
    ]
    assert clashes == []


def test_admitted_variants_do_not_repeat_the_preferred_term() -> None:
    repeats = [
        (row["id"], term)
        for row in ROWS
        for language in ("ko", "en")
        for term in _variants(row, f"{language}_admitted")
        if term == row[language]
    ]
    assert repeats == []


def test_closed_vocabularies() -> None:
    assert {row["domain"] for row in ROWS} <= DOMAINS
    assert {row["part_of_speech"] for row in ROWS} <= PARTS_OF_SPEECH
    assert {row["verified"] for row in ROWS} <= {"yes", "no"}


def test_every_domain_is_covered() -> None:
    counts = Counter(row["domain"] for row in ROWS)
    assert set(counts) == DOMAINS
    assert counts["rank"] >= 50 and counts["organisation"] >= 50


def test_verified_rows_name_a_source() -> None:
    assert [row["id"] for row in ROWS if row["verified"] == "yes" and not row["source"]] == []


def test_korean_terms_contain_hangul_or_are_symbols() -> None:
    hangul = re.compile(r"[\uac00-\ud7a3]")
    assert [row["id"] for row in ROWS if not hangul.search(row["ko"])] == []


@pytest.mark.parametrize(
    ("ko", "en", "en_acronym"),
    [
        ("국방부", "Ministry of National Defense", "MND"),
        ("외교부", "Ministry of Foreign Affairs", "MOFA"),
        ("한미 국방우주정책 실무협의회", "Korea-U.S. Space Cooperation Working Group", "SCWG"),
        ("합동참모본부", "Joint Chiefs of Staff", "JCS"),
        ("한미연합사령부", "ROK-U.S. Combined Forces Command", "CFC"),
        ("주한미군", "U.S. Forces Korea", "USFK"),
        ("방위사업청", "Defense Acquisition Program Administration", "DAPA"),
        ("미 국방부", "U.S. Department of Defense", "DoD"),
        ("미 인도태평양사령부", "U.S. Indo-Pacific Command", "USINDOPACOM"),
        ("통합국방협의체", "Korea-U.S. Integrated Defense Dialogue", "KIDD"),
        ("한미 안보협의회의", "Security Consultative Meeting", "SCM"),
        ("한미 확장억제전략협의체", "Extended Deterrence Strategy and Consultation Group", "EDSCG"),
        ("한미 핵협의그룹", "Nuclear Consultative Group", "NCG"),
        ("대륙간탄도미사일", "intercontinental ballistic missile", "ICBM"),
        ("을지 자유의 방패", "Ulchi Freedom Shield", "UFS"),
        ("탁상연습", "table-top exercise", "TTX"),
        ("우주상황인식", "space domain awareness", "SDA"),
        ("대한민국", "Republic of Korea", "ROK"),
        ("준장", "Brigadier General", ""),
        ("해군 준장", "Rear Admiral (lower half)", ""),
        ("해군 소장", "Rear Admiral", ""),
        ("대위", "Captain", ""),
        ("해군 대령", "Navy Captain", ""),
        ("해군 대위", "Navy Lieutenant", ""),
        ("육군 준장", "Army Brigadier General", ""),
        ("(현지시각)", "(local time)", ""),
        ("유엔 안전보장이사회 결의", "United Nations Security Council resolutions", ""),
        ("확장억제", "extended deterrence", ""),
        ("공동보도문", "joint press statement", ""),
        ("국방정책실장", "Deputy Minister for National Defense Policy", ""),
        ("한반도", "Korean Peninsula", ""),
    ],
)
def test_essential_pairs(ko: str, en: str, en_acronym: str) -> None:
    row = BY_KO[ko]
    assert (row["en"], row["en_acronym"]) == (en, en_acronym)


@pytest.mark.parametrize(
    ("ko", "field", "variant"),
    [
        ("국방부", "en_forbidden", "Ministry of Defense"),
        ("합동참모본부", "en_forbidden", "Joint Chief of Staff"),
        ("합동참모본부", "ko_admitted", "합참"),
        ("육군 준장", "ko_admitted", "육.준장"),
        ("한미연합사령부", "ko_forbidden", "한미합동사령부"),
        ("미 국방부", "ko_forbidden", "미 국방성"),
        ("동해", "en_forbidden", "Sea of Japan"),
        ("북한", "en_admitted", "DPRK"),
    ],
)
def test_essential_variants(ko: str, field: str, variant: str) -> None:
    assert variant in _variants(BY_KO[ko], field)


def test_navy_ranks_are_never_given_army_titles() -> None:
    army_titles = {BY_KO[rank]["en"] for rank in "대장 중장 소장 준장 대령 중령 소령 대위 중위 소위".split()}
    navy = [row for row in ROWS if row["ko"].startswith("해군 ")]
    assert len(navy) == 10
    assert [row["ko"] for row in navy if row["en"] in army_titles or "General" in row["en"]] == []
    assert all(row["note"] == "Navy rank" for row in navy)

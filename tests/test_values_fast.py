"""The fast value reader (briefing/language/values.py: a scan for the places a value can start, then only the
alternatives that can begin with that character) reads exactly what the one large pattern read before it:
`tests/values_reference.py` is that reader, kept unchanged from 7fdfee0. Same values, kinds, keys, spans, texts
and firmness on the QA corpora and on generated Korean/English texts full of dates, numbers, units and counts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.language import values as fast
from briefing.model import Language
from tests import values_reference as reference

DATA = Path(__file__).parent / "data"

# Pieces a value is made of in either language, a few that are not values, and the characters that case-fold to
# the letters a value word starts with (ſ is s, K is k, İ and ı are i under re.IGNORECASE).
PIECES = [
    *"0123456789",
    "2024",
    "2024. 11. 7.",
    "2024.11.7",
    "2024. 11.",
    "7.~8.",
    "~11. 9.",
    "2024년",
    "11월",
    "7일",
    "7~8일",
    "7일~11월 9일",
    "(목)",
    "목요일",
    "년간",
    "3일간",
    "오전",
    "오후 2시 30분",
    "2시 반",
    "14시",
    "14:30",
    "정오",
    "자정",
    "제23차",
    "23차",
    "23번째",
    "제3국",
    "1억 5천만",
    "1만 2,000",
    "3천 명",
    "1,500명",
    "40여 명",
    "1억 달러",
    "5백만 원",
    "원칙",
    "2.5%",
    "3%p",
    "5퍼센트",
    "프로그램",
    "상반기",
    "하반기",
    "3/4분기",
    "1분기",
    "하나",
    "둘째",
    "셋",
    "양측",
    "양국",
    "첫 번째",
    "첫째",
    "한 ",
    "두 척",
    "세 번째",
    "다섯",
    "열 ",
    "이틀간",
    "사흘",
    "보름",
    "하루",
    "November 7, 2024",
    "Nov. 7–8",
    "Sept. 3",
    "7 November 2024",
    "7–8 November",
    "November 2024",
    "December",
    "May",
    "March",
    "2024-11-07",
    "first half of 2025",
    "the third quarter",
    "Q3 2025",
    "H1",
    "2H",
    "2:30 p.m.",
    "10 a.m.",
    "noon",
    "midnight",
    "$100 million",
    "US$ 5",
    "USD 3bn",
    "€2",
    "£",
    "¥",
    "₩1,000",
    "KRW",
    "JPY 7",
    "3 percent",
    "4 per cent",
    "2 percentage points",
    "23rd",
    "1st",
    "1,500",
    "10,000",
    "3.5",
    "2 billion",
    "5 thousand",
    "7 dollars",
    "won",
    "yen",
    "euros",
    "two",
    "Two",
    "TWENTY-ONE",
    "thirteen",
    "eleven",
    "one",
    "first",
    "second",
    "tenth",
    "twice",
    "once",
    "the two sides",
    "two nations",
    "https://example.org/2024/11",
    "www.x.kr/7",
    "[link](http://a/1)",
    "⟦T1⟧",
    "⟦2⟧",
    "<b>",
    "1. ",
    "- 2) ",
    "\n",
    " ",
    "  ",
    ",",
    ".",
    "-",
    "~",
    "–",
    ":",
    "ſ",
    "K",
    "İ",
    "ı",
    "ｌ",
    "２０２４",
    "\u3000",
    "\u00a0",
    "가",
    "이",
    "a",
    "x",
    "Talks",
    "Point",
]


def rows(found: list[fast.Value] | list[reference.Value]) -> list[tuple[object, ...]]:
    """Everything a value holds, Decimal exponents included (1E+8 and 100000000 are equal but print apart)."""
    return [(str(v.kind), repr(v.key), v.start, v.end, v.text, v.firm, v.canonical(), v.number) for v in found]


def same(text: str) -> None:
    for language in (Language.KO, Language.EN):
        assert rows(fast.values(text, language)) == rows(reference.values(text, language)), (text, language)


def test_the_patterns_are_the_reference_patterns() -> None:
    assert fast._KO.pattern.pattern == reference._KO.pattern
    assert fast._KO.pattern.flags == reference._KO.flags
    assert fast._EN.pattern.pattern == reference._EN.pattern
    assert fast._EN.pattern.flags == reference._EN.flags


def test_the_corpora_read_alike() -> None:
    read = 0
    for name in ("qa_corpus.tsv", "qa_holdout.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()[1:]:
            for text in line.split("\t")[1:3]:
                same(text)
                read += 1
    assert read > 400


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=14).map("".join))
def test_generated_texts_read_alike(text: str) -> None:
    same(text)


def test_every_character_that_can_start_a_value() -> None:
    """Each character the scan can stop at, before, inside and after words and numbers."""
    starts = {c for c in map(chr, range(0x10000)) if fast._EN._start.match(c) or fast._KO._start.match(c)}
    assert {"7", "$", "t", "T", "ſ", "K", "한", "제"} <= starts
    for c in sorted(starts | {"ı", "İ"}):
        for text in (c, f"{c}wo", f"x{c}", f" {c}1", f"{c}2 ", f"3{c}", f"{c}econd half", f"{c}ov. 7"):
            same(text)


def test_a_caller_may_change_the_list_it_gets() -> None:
    first = fast.values("2024년 11월 7일 1만 명", Language.KO)
    first.clear()
    assert len(fast.values("2024년 11월 7일 1만 명", Language.KO)) == 2

"""Numbers, dates and times compared by value across Korean and English (briefing/language/values.py and the
`numbers` check): the same value written each language's way is no finding; a changed value is one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefing.language.values import Kind, values
from briefing.model import Language
from briefing.qa.numbers import compare

SAME = [
    ("2024. 11. 7.", "November 7, 2024"),
    ("2024.11.7", "7 November 2024"),
    ("2024년 11월 7일", "Nov. 7, 2024"),
    ("11월 7일(목)", "November 7, 2024"),
    ("11월 7일(목)", "Nov. 7"),
    ("14:30", "2:30 p.m."),
    ("오후 2시 30분", "2:30 p.m."),
    ("오후 2시 30분", "14:30"),
    ("오전 10시", "10 a.m."),
    ("2시 반", "2:30"),
    ("정오", "noon"),
    ("제23차 회의", "the 23rd meeting"),
    ("23번째", "23rd"),
    ("1만 명", "10,000 people"),
    ("3천 명", "3,000 people"),
    ("1,500명", "1,500 troops"),
    ("2척", "two ships"),
    ("두 척", "two ships"),
    ("2.5%", "2.5 percent"),
    ("0.3%p", "0.3 percentage points"),
    ("1억 달러", "$100 million"),
    ("1억 5천만 달러", "US$150 million"),
    ("500억 원", "50 billion won"),
    ("100만 달러", "one million dollars"),
    ("2025년 상반기", "first half of 2025"),
    ("하반기", "the second half of the year"),
    ("2025년 3분기", "Q3 2025"),
    ("7~8일", "7–8"),
    ("11월 7~8일", "November 7–8"),
    ("2024년 11월 7~8일", "November 7 to 8, 2024"),
    ("2025. 2. 18.(화) 14:30~16:30", "February 18, 2025, from 2:30 p.m. to 4:30 p.m."),
    ("2024년 12월", "December 2024"),
    ("2025년부터", "from 2025"),
    ("3일 동안", "for three days"),
    ("첫 연습", "the first exercise"),
    ("양측은", "the two sides"),
    ("SPACE 100", "SPACE-100"),
    ("１２３명", "123 people"),
    ("２０２４년 １１월 ７일", "November 7, 2024"),
    ("1. 양측은 합의했다.", "- The sides agreed."),
    ("[자료](https://example.org/2024/11/07)", "[the paper](https://example.org/2024/11/07)"),
    ("⟦1⟧회의⟦/1⟧", "⟦1⟧meeting⟦/1⟧"),
]


@pytest.mark.parametrize(("ko", "en"), SAME)
def test_the_same_value_written_each_languages_way_is_no_finding(ko: str, en: str) -> None:
    assert list(compare("i", ko, Language.KO, en)) == []
    assert list(compare("i", en, Language.EN, ko)) == []


DIFFERENT = [
    ("2024년 11월 7일", "November 8, 2024", "date"),
    ("2024. 11. 7.", "November 7, 2023", "date"),
    ("11월 7일", "December 7", "date"),
    ("오후 2시 30분", "2:30 a.m.", "time"),
    ("14:30", "3:30 p.m.", "time"),
    ("제23차", "22nd", "ordinal"),
    ("1만 명", "1,000 people", "count"),
    ("3천 명", "300 people", "count"),
    ("2척", "three ships", "count"),
    ("2.5%", "25 percent", "percent"),
    ("1억 달러", "$10 million", "money"),
    ("1억 달러", "100 million won", "money"),
    ("2025년 상반기", "second half of 2025", "period"),
    ("2025년 상반기", "first half of 2024", "period"),
    ("7~8일", "7–9", "date"),
]


@pytest.mark.parametrize(("ko", "en", "kind"), DIFFERENT)
def test_a_changed_value_is_one_differs_finding_with_both_spans(ko: str, en: str, kind: str) -> None:
    findings = list(compare("i", ko, Language.KO, en))
    assert [f.code for f in findings] == ["qa.numbers_differs"], findings
    finding = findings[0]
    assert [s.language for s in finding.spans] == [Language.KO, Language.EN]
    ko_span, en_span = finding.spans
    assert ko[ko_span.start : ko_span.end] == finding.params["source"]
    assert en[en_span.start : en_span.end] == finding.params["target"]
    assert kind in {v.kind.value for v in values(ko, Language.KO)}


def test_a_value_on_one_side_only_is_missing_or_extra() -> None:
    ko = "양측은 2025년 1월 TTX를 실시하기로 했다."
    missing = list(compare("i", ko, Language.KO, "The sides agreed to hold the TTX."))
    assert [(f.code, f.params["source"]) for f in missing] == [("qa.numbers_missing", "2025년 1월")]
    extra = list(compare("i", "양측은 합의했다.", Language.KO, "The two sides agreed on 3 projects."))
    assert [(f.code, f.params["target"]) for f in extra] == [("qa.numbers_extra", "3")]
    assert extra[0].english() == 'the translation says "3" (3); the source does not'


def test_values_are_a_multiset_a_repeated_value_must_appear_as_often() -> None:
    findings = list(compare("i", "2척과 2척", Language.KO, "two ships"))
    assert [f.code for f in findings] == ["qa.numbers_missing"]


def test_words_that_may_not_be_numbers_are_never_reported_alone() -> None:
    assert list(compare("i", "그는 한 가지를 강조했다.", Language.KO, "He stressed a point.")) == []
    assert list(compare("i", "먼저 합의했다.", Language.KO, "First, they agreed; one of them spoke.")) == []
    assert list(compare("i", "다음 달 만날 수도 있다.", Language.KO, "They may meet next month.")) == []


def test_spans_are_offsets_in_the_text_as_written() -> None:
    text = "회의는 ２０２４년 １１월 ７일 개최"
    [value] = values(text, Language.KO)
    assert value.kind is Kind.DATE and value.key == (2024, 11, 7)
    assert text[value.start : value.end] == value.text == "２０２４년 １１월 ７일"


def test_korean_units_and_english_multipliers_make_exact_numbers() -> None:
    assert [v.key for v in values("1억 5천만 원, 1만 2,000명, 1조", Language.KO)] == [
        ("KRW", Decimal(150_000_000)),
        (Decimal(12_000),),
        (Decimal(10**12),),
    ]
    assert [v.key for v in values("$1.5 billion, 2.5 million people", Language.EN)] == [
        ("USD", Decimal(1_500_000_000)),
        (Decimal(2_500_000),),
    ]


def test_absurdly_long_digit_runs_are_not_values() -> None:
    assert values("1" * 5000 + "명", Language.KO) == []
    assert values("9" * 5000, Language.EN) == []


@pytest.mark.parametrize(
    ("ko", "en", "expected"),
    [
        (
            "회의는 2025. 2. 18.(화) 14:30에 시작한다.",
            "The meeting begins at 2:30 p.m. on Tuesday, February 18, 2025.",
            [],
        ),
        ("회의는 2025. 2. 18.(화) 14:30에 시작한다.", "The meeting begins at 2:30 p.m. on February 18, 2025.", []),
        # the English weekday is not February 18's
        (
            "회의는 2025. 2. 18.(화) 14:30에 시작한다.",
            "The meeting begins at 2:30 p.m. on Wednesday, February 18, 2025.",
            [("qa.numbers_weekday", {"date": "February 18, 2025", "actual": "Tuesday", "found": "Wednesday"})],
        ),
        # the Korean weekday is wrong, the English has none: still found against the date
        (
            "회의는 2025. 2. 18.(수) 열린다.",
            "The meeting is on February 18, 2025.",
            [("qa.numbers_weekday", {"date": "2025. 2. 18.(수)", "actual": "화요일", "found": "(수)"})],
        ),
        # no year: the meeting's (2024) is used — November 7, 2024 was a Thursday
        ("11월 7일(목) 개최", "held on Thursday, November 7", []),
        (
            "11월 7일(금) 개최",
            "held on Friday, Nov. 7",
            [
                ("qa.numbers_weekday", {"date": "11월 7일(금)", "actual": "목요일", "found": "(금)"}),
                ("qa.numbers_weekday", {"date": "Nov. 7", "actual": "Thursday", "found": "Friday"}),
            ],
        ),
        # weekdays without dates differ between the sides
        (
            "매주 목요일에 만난다.",
            "They meet every Friday.",
            [
                (
                    "qa.numbers_differs",
                    {"source": "목요일", "source_value": "Thursday", "target": "Friday", "target_value": "Friday"},
                )
            ],
        ),
        ("(월) 항목", "Mon. item", []),  # "(월)" after no date is not a weekday
    ],
)
def test_weekdays_against_their_dates_and_the_other_side(
    ko: str, en: str, expected: list[tuple[str, dict[str, str]]]
) -> None:
    assert [(f.code, dict(f.params)) for f in compare("i", ko, Language.KO, en, 2024)] == expected


def test_native_korean_day_counts_pair_with_numbers_but_are_never_reported_alone() -> None:
    assert (
        list(
            compare("i", "11월 12~13일 이틀간 진행되었다.", Language.KO, "It took place over two days, November 12–13.")
        )
        == []
    )
    assert list(compare("i", "사흘간 열렸다.", Language.KO, "It was held.")) == []
    assert [f.code for f in compare("i", "이틀간 열렸다.", Language.KO, "It was held over five days.")] == [
        "qa.numbers_extra"
    ]

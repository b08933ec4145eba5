from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.language.dates import DateError, PartialDate, Precision
from briefing.language.phrases import DateStyle, date_span, note_mark, schedule_label
from briefing.model import Language


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2024-11-07", Precision.DAY),
        ("2024-12", Precision.MONTH),
        ("2025-H1", Precision.HALF),
        ("2025-Q4", Precision.QUARTER),
        ("2025", Precision.YEAR),
    ],
)
def test_parse_and_format(text: str, precision: Precision) -> None:
    parsed = PartialDate.parse(text)
    assert parsed.precision is precision
    assert parsed.isoformat() == text


@pytest.mark.parametrize("text", ["2024-02-30", "2024-13", "2025-H3", "2025-Q5", "24-11-07", "2024/11/07", ""])
def test_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a date like|not a real date|has no month"):
        PartialDate.parse(text)


@given(st.dates())
def test_full_dates_round_trip(value: object) -> None:
    from datetime import date

    assert isinstance(value, date)
    if value.year < 1000:
        return
    assert PartialDate.parse(PartialDate.from_date(value).isoformat()) == PartialDate.from_date(value)


def test_date_ranges_say_what_they_share_once() -> None:
    ko, en, official = Language.KO, Language.EN, DateStyle.OFFICIAL
    assert date_span(date(2024, 11, 7), date(2024, 11, 8), en) == "November 7–8, 2024"
    assert date_span(date(2024, 11, 30), date(2024, 12, 1), en) == "November 30 – December 1, 2024"
    assert date_span(date(2024, 12, 31), date(2025, 1, 2), en) == "December 31, 2024 – January 2, 2025"
    assert date_span(date(2024, 11, 7), date(2024, 11, 8), ko, official) == "2024. 11. 7.~8."
    assert date_span(date(2024, 11, 30), date(2024, 12, 1), ko) == "2024년 11월 30일~12월 1일"


def test_schedule_labels_one_style_no_period_before_the_colon_and_a_capital() -> None:
    ko, en, official = Language.KO, Language.EN, DateStyle.OFFICIAL
    labels = [schedule_label(PartialDate.parse(t), ko, official) for t in ("2024-12", "2025-H1", "2025-Q3", "2025")]
    assert labels == ["2024. 12: ", "2025. 상반기: ", "2025. 3분기: ", "2025: "]
    assert schedule_label(PartialDate.parse("2025-H1"), ko, DateStyle.PROSE) == "2025년 상반기: "
    assert schedule_label(PartialDate.parse("2025-H1"), en, DateStyle.PROSE) == "First half of 2025: "
    assert (note_mark("※", en), note_mark("※", ko), note_mark("*", en)) == ("Note:", "※", "*")


def test_parse_errors_carry_what_was_found_and_why() -> None:
    """Killing mutation survivors (scripts/mutation.sh): each refusal names the text, the reason and the month."""
    with pytest.raises(DateError) as raised:
        PartialDate.parse("2025/01")
    assert (raised.value.code, raised.value.params) == ("dates.not_a_date", {"found": "2025/01"})
    with pytest.raises(DateError) as raised:
        PartialDate.parse("2025-02-30")
    assert raised.value.code == "dates.not_real"
    assert raised.value.params == {"found": "2025-02-30", "reason": "day is out of range for month"}
    with pytest.raises(DateError) as raised:
        PartialDate.parse("2025-13")
    assert (raised.value.code, raised.value.params) == ("dates.no_month", {"found": "2025-13", "month": 13})
    with pytest.raises(DateError, match="2025-00"):
        PartialDate.parse("2025-00")
    assert PartialDate.parse("2025-01").month == 1 and PartialDate.parse("2025-12").month == 12
    assert PartialDate.from_date(date(2025, 3, 9)) == PartialDate(2025, 3, 9)

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.language.dates import PartialDate, Precision


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

"""Dates as briefings state them: a day, a month, a half or quarter of a year, or a year.

Press releases schedule things for "December 2024" or "the first half of 2025"; a full date would
invent precision that the source does not have. Written in files as `2024-12-07`, `2024-12`,
`2025-H1`, `2025-Q3` or `2025`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from briefing.messages import BriefingError, register

register(
    {
        "dates.not_a_date": '"{found}" is not a date like 2024-11-07, 2024-11, 2025-H1, 2025-Q2 or 2025',
        "dates.not_real": '"{found}" is not a real date ({reason})',
        "dates.no_month": '"{found}" has no month {month}',
    }
)


class DateError(BriefingError, ValueError):
    """A date that cannot be read: the text and why (a ValueError, as callers have always caught)."""


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


_PATTERN = re.compile(  # ASCII digits only, to the very end (`$` would allow a final line break)
    r"^(?P<year>[0-9]{4})(?:-(?:(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?|H(?P<half>[12])|Q(?P<quarter>[1-4])))?\Z"
)


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    half: int | None = None
    quarter: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse the file notation; DateError (a ValueError) with a coded reason otherwise."""
        match = _PATTERN.match(text)
        if not match:
            raise DateError("dates.not_a_date", found=text)
        parts = {key: int(value) for key, value in match.groupdict().items() if value is not None}
        if "day" in parts:
            try:
                date(parts["year"], parts["month"], parts["day"])
            except ValueError as error:
                raise DateError("dates.not_real", found=text, reason=str(error)) from None
        elif "month" in parts and not 1 <= parts["month"] <= 12:
            raise DateError("dates.no_month", found=text, month=parts["month"])
        return cls(**parts)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.quarter is not None:
            return Precision.QUARTER
        if self.half is not None:
            return Precision.HALF
        return Precision.YEAR

    def isoformat(self) -> str:
        match self.precision:
            case Precision.DAY:
                return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            case Precision.MONTH:
                return f"{self.year:04d}-{self.month:02d}"
            case Precision.QUARTER:
                return f"{self.year:04d}-Q{self.quarter}"
            case Precision.HALF:
                return f"{self.year:04d}-H{self.half}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.isoformat()

"""Numbers, dates and times compared by value: a value on one side and not on the other is a finding.

Each side's values come from `briefing.language.values` under its own language's conventions. They are paired
in three passes — the same value; the same value stated less precisely on one side (a date without its year, a
clock without a.m./p.m.); the same number as another kind ("제23차" and "SCWG-23", "3일 동안" and "three days")
— and what is left is reported: a value of one kind on each side as one `differs` finding with both spans, the
rest as `missing` (in the source only) or `extra` (in the translation only). Values a word may or may not mean
("one", "first", 한, 첫) pair when they can but are never reported alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from briefing.language.values import Kind, Value, compatible, values
from briefing.messages import register
from briefing.model import Item, Language
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "numbers"

register(
    {
        "qa.numbers_differs": 'the source says "{source}" ({source_value}) where the translation says '
        '"{target}" ({target_value})',
        "qa.numbers_missing": 'the source says "{source}" ({source_value}); the translation does not',
        "qa.numbers_extra": 'the translation says "{target}" ({target_value}); the source does not',
        "qa.numbers_weekday": '{date} is a {actual}, not "{found}"',
    }
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_KO_NAMES = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
_KO_WEEKDAYS = "월화수목금토일"
# "(목)" right after a date (2024. 11. 7.(목), 11월 7일(목)), or 목요일
_KO_WEEKDAY = re.compile(
    r"(?:(?<=[0-9.일])|(?<=[0-9.일] ))\(\s*([월화수목금토일])\s*\)|(?<![가-힣])([월화수목금토일])요일"
)
_EN_WEEKDAY = re.compile(
    r"\b(?:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)(?![\w])"
)
_EN_PREFIX = {"Mon": 0, "Tue": 1, "Wed": 2, "Thu": 3, "Fri": 4, "Sat": 5, "Sun": 6}


@dataclass(frozen=True)
class Weekday:
    day: int  # Monday 0 … Sunday 6, as datetime.date.weekday()
    start: int
    end: int
    text: str


def weekdays(text: str, language: Language) -> list[Weekday]:
    """The days of the week `text` names."""
    if language is Language.KO:
        return [
            Weekday(_KO_WEEKDAYS.index(m.group(1) or m.group(2)), m.start(), m.end(), m.group(0))
            for m in _KO_WEEKDAY.finditer(text)
        ]
    return [
        Weekday(_EN_PREFIX[(m.group(1) or m.group(2))[:3]], m.start(), m.end(), m.group(0))
        for m in _EN_WEEKDAY.finditer(text)
    ]


def _wrong_days(
    item_id: str, text: str, language: Language, found: list[Value], days: list[Weekday], year: int | None
) -> Iterator[tuple[Weekday, Finding]]:
    """A weekday beside a date it is not the weekday of: "2025. 2. 18.(수)", "Wednesday, February 18, 2025"."""
    dates = [v for v in found if v.kind is Kind.DATE and v.key[1] is not None and v.key[2] is not None]
    for day in days:
        near = [
            v
            for v in dates
            if 0 <= day.start - v.end <= 2 or 0 <= v.start - day.end <= 3 or v.start <= day.start < v.end
        ]
        if not near:
            continue
        value = near[0]
        full_year = value.key[0] if value.key[0] is not None else year
        if full_year is None:
            continue
        try:
            actual = date(int(full_year), int(value.key[1]), int(value.key[2])).weekday()  # type: ignore[call-overload]
        except ValueError:
            continue  # 2월 30일: the numbers are what is wrong, and the other side says so
        if actual != day.day:
            yield (
                day,
                Finding(
                    NAME,
                    "qa.numbers_weekday",
                    Severity.ERROR,
                    item_id,
                    # the day in the language of the text it corrects: "2025. 2. 18.(수)" is a 화요일
                    {
                        "date": value.text.rstrip(),
                        "actual": (_KO_NAMES if language is Language.KO else WEEKDAYS)[actual],
                        "found": day.text,
                    },
                    (Span(language, day.start, day.end),),
                ),
            )


_NUMERIC = (Kind.COUNT, Kind.ORDINAL, Kind.DATE)


def unmatched(source: list[Value], target: list[Value]) -> tuple[list[Value], list[Value]]:
    """The values of each side that found no partner on the other, in reading order."""
    left = list(source)
    right = list(target)
    passes: list[Callable[[Value, Value], bool]] = [
        lambda a, b: a.kind is b.kind and a.key == b.key,
        compatible,
        lambda a, b: a.kind in _NUMERIC and b.kind in _NUMERIC and a.number is not None and a.number == b.number,
    ]
    for same in passes:
        if not left or not right:
            break
        still: list[Value] = []
        for value in left:
            partner = next((i for i, other in enumerate(right) if same(value, other)), None)
            if partner is None:
                still.append(value)
            else:
                del right[partner]
        left = still
    return [v for v in left if v.firm], [v for v in right if v.firm]


def compare(
    item_id: str, source_text: str, source: Language, target_text: str, year: int | None = None
) -> Iterator[Finding]:
    """The findings for one pair of texts (both non-empty); `year` is the meeting's, for dates without one."""
    target = source.other
    source_values, target_values = values(source_text, source), values(target_text, target)
    yield from _compare_weekdays(item_id, (source_text, source_values), source, (target_text, target_values), year)
    missing, extra = unmatched(source_values, target_values)
    # a value of one kind on each side is one value changed; a number counted on one side and dated or ranked
    # on the other ("7~8일" against "7–9") too
    pairs: list[tuple[Value, Value]] = []
    kinds: list[Callable[[Value, Value], bool]] = [
        lambda a, b: a.kind is b.kind,
        lambda a, b: a.number is not None and b.number is not None,
    ]
    for same in kinds:
        for a in list(missing):
            b = next((b for b in extra if same(a, b)), None)
            if b is not None:
                pairs.append((a, b))
                missing.remove(a)
                extra.remove(b)
    for a, b in pairs:
        yield Finding(
            NAME,
            "qa.numbers_differs",
            Severity.ERROR,
            item_id,
            {"source": a.text, "source_value": a.canonical(), "target": b.text, "target_value": b.canonical()},
            (Span(source, a.start, a.end), Span(target, b.start, b.end)),
        )
    for a in missing:
        yield Finding(
            NAME,
            "qa.numbers_missing",
            Severity.ERROR,
            item_id,
            {"source": a.text, "source_value": a.canonical()},
            (Span(source, a.start, a.end),),
        )
    for b in extra:
        yield Finding(
            NAME,
            "qa.numbers_extra",
            Severity.ERROR,
            item_id,
            {"target": b.text, "target_value": b.canonical()},
            (Span(target, b.start, b.end),),
        )


def _compare_weekdays(
    item_id: str,
    source: tuple[str, list[Value]],
    source_language: Language,
    target: tuple[str, list[Value]],
    year: int | None,
) -> Iterator[Finding]:
    """Each weekday against its date, then the two sides' weekdays against each other — only when both name one:
    a translation may leave the weekday out."""
    left = weekdays(source[0], source_language)
    right = weekdays(target[0], source_language.other)
    if not left and not right:
        return
    for days, (text, found), language in ((left, source, source_language), (right, target, source_language.other)):
        for day, finding in list(_wrong_days(item_id, text, language, found, days, year)):
            days.remove(day)  # reported against its date: not again against the other side
            yield finding
    if not left or not right:
        return
    unpaired = list(right)
    for day in left:
        partner = next((other for other in unpaired if other.day == day.day), None)
        if partner is not None:
            unpaired.remove(partner)
            continue
        if unpaired:
            other = unpaired.pop(0)
            yield Finding(
                NAME,
                "qa.numbers_differs",
                Severity.ERROR,
                item_id,
                {
                    "source": day.text,
                    "source_value": WEEKDAYS[day.day],
                    "target": other.text,
                    "target_value": WEEKDAYS[other.day],
                },
                (Span(source_language, day.start, day.end), Span(source_language.other, other.start, other.end)),
            )


@CHECKS.check(NAME)
def check_numbers(item: Item, context: Context) -> Iterator[Finding]:
    if item.source_text.strip() and item.target_text.strip():
        start = context.briefing.meeting.start_date
        yield from sorted(
            compare(item.id, item.source_text, item.source, item.target_text, start.year if start else None),
            key=lambda f: min(s.start for s in f.spans),
        )

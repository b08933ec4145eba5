"""The numbers, dates and times a text states, as typed values: what QA compares between Korean and English.

Digit strings do not compare across the two languages: "제23차 … 2024. 11. 7.(목)" and "23rd … November 7, 2024"
hold the same values in another order with other digits, "1,500명" is one number, "1억 달러" is "$100 million".
`values(text, language)` reads each language's conventions into `Value`s — a date (year, month, day, each
possibly unknown), a time, an ordinal, a count (Korean 만/억 units and counters, English number words and
million/billion), a percentage, an amount of money, a half or quarter of a year — with their span in the text.
A range ("7~8일", "November 7–8") gives both ends. Values a word may or may not mean ("one", "first", 한, 첫)
are not `firm`: they pair with a value on the other side but are never missed on their own.

Text is read as written, not normalised: full-width forms are mapped one character to one, so every span is an
offset in the caller's text. URLs, link targets, placeholders (⟦1⟧, ⟦T1⟧) and list numbers are not values.

Speed: each language's reader is one large pattern of alternatives; `_Scanner` finds the places a value can start
and tries there only the alternatives that can begin with that character (the same matches: tests/
test_values_fast.py holds it to the previous reader), and the most recent readings are kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from briefing.language.phrases import MONTHS_EN
from briefing.model import Language


class Kind(StrEnum):
    DATE = "date"  # a year, a month, a day or any combination
    TIME = "time"
    ORDINAL = "ordinal"
    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    PERIOD = "period"  # a half or a quarter of a year


Key = tuple[object, ...]


@dataclass(frozen=True)
class Value:
    """One value in a text. `key` is canonical per kind:

    DATE (year, month, day) with None for what the text leaves out; TIME (hour 0-23, minute, clock known) — clock
    unknown when the text says neither 오전/오후 nor a.m./p.m. and the hour is 1-12; ORDINAL, COUNT, PERCENT
    (number,); MONEY (currency code, amount); PERIOD (year or None, "H" or "Q", number)."""

    kind: Kind
    key: Key
    start: int
    end: int
    text: str
    firm: bool = True

    @property
    def number(self) -> Decimal | None:
        """The single number a count, an ordinal, a bare year or a bare day stands for (None otherwise): values
        of these kinds with the same number may be the same fact written two ways ("제23차" and "SCWG-23")."""
        if self.kind in (Kind.COUNT, Kind.ORDINAL):
            return self.key[0]  # type: ignore[return-value]
        if self.kind is Kind.DATE:
            known = [part for part in self.key if part is not None]
            if len(known) == 1 and self.key[1] is None:
                return Decimal(known[0])  # type: ignore[arg-type]
        return None

    def canonical(self) -> str:
        """The value as a neutral string for messages and JSON: 2024-11-07, 11-07, 14:30, 10000, 2.5%, USD 1E+8."""
        key = self.key
        match self.kind:
            case Kind.DATE:
                year, month, day = key
                parts = [f"{year:04d}" if year is not None else "", f"{month:02d}" if month else "", ""]
                parts[2] = f"{day:02d}" if day is not None else ""
                if month is None and day is not None:
                    return f"day {day}" if year is None else f"{year:04d}, day {day}"
                return "-".join(p for p in parts if p)
            case Kind.TIME:
                hour, minute, known = key
                return f"{hour:02d}:{minute:02d}" if known else f"{hour}:{minute:02d} (a.m. or p.m.)"
            case Kind.ORDINAL:
                return f"#{_plain(key[0])}"  # type: ignore[arg-type]
            case Kind.COUNT:
                return _plain(key[0])  # type: ignore[arg-type]
            case Kind.PERCENT:
                return f"{_plain(key[0])}%"  # type: ignore[arg-type]
            case Kind.MONEY:
                return f"{key[0]} {_plain(key[1])}"  # type: ignore[arg-type]
        year, part, number = key
        return f"{year}-{part}{number}" if year is not None else f"{part}{number}"


def _plain(number: Decimal) -> str:
    if abs(number.adjusted()) > 30:
        return str(number)
    text = f"{number:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def compatible(a: Value, b: Value) -> bool:
    """The same fact stated with less precision on one side: a date without its year, a clock without
    a.m./p.m., a half-year without its year."""
    if a.kind is not b.kind:
        return False
    if a.kind is Kind.DATE:
        (ya, ma, da), (yb, mb, db) = a.key, b.key
        if ma is None and ya is None and da is not None:  # "8월 19일부터 29일까지": the day alone
            return da == db
        if mb is None and yb is None and db is not None:
            return da == db
        return ma == mb and da == db and (ya is None or yb is None) and (ma is not None or da is not None)
    if a.kind is Kind.TIME:
        (ha, mina, ka), (hb, minb, kb) = a.key, b.key
        return mina == minb and (not ka or not kb) and ha % 12 == hb % 12  # type: ignore[operator]
    if a.kind is Kind.PERIOD:
        return a.key[1:] == b.key[1:] and (a.key[0] is None or b.key[0] is None)
    return False


# -- preparing a text ------------------------------------------------------------------------------------------

# One character to one, so that offsets stay the caller's: full-width ASCII, ideographic space, wave dashes.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x301C: 0x7E, 0x223C: 0x7E, 0xFF5E: 0x7E}
_WIDTH |= {0x00A0: 0x20, 0x2009: 0x20, 0x202F: 0x20, 0x2011: 0x2D, 0x2012: 0x2D, 0x2212: 0x2D}
_NOT_VALUES = re.compile(
    r"https?://\S+|www\.\S+|\]\([^)\n]*\)|⟦/?T?[0-9]{1,12}⟧|<[^<>\n]{0,200}>"  # URLs, link targets, placeholders, tags
    r"|^[ \t]*(?:[-+*>][ \t]+)*[0-9]{1,3}[.)](?=[ \t])(?![ \t]?[0-9]{1,2}\.)",  # a numbered list's numbers
    re.MULTILINE,
)


def _prepared(text: str) -> str:
    text = text.translate(_WIDTH)
    return _NOT_VALUES.sub(lambda m: " " * len(m.group(0)), text)


# -- shared pieces -------------------------------------------------------------------------------------------

_N = r"(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,40})(?:\.[0-9]{1,20})?(?![0-9]|,[0-9]{3})"
_TO = r"\s?[~\-–—]\s?"
_CURRENCY_SIGN = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "₩": "KRW",
    "KRW": "KRW",
}
_SIGN = r"(?P<sign>US\s?\$|\$|USD\s?|€|EUR\s?|£|GBP\s?|¥|JPY\s?|₩|KRW\s?)"


class _Scanner:
    """`re.finditer` of one large pattern, `(?=START)(?:ALTERNATIVE|ALTERNATIVE|…)`, made fast.

    `re` tries every alternative at every place where START holds, and the lookahead keeps it from skipping to
    such a place. Here the places are found first (START holds and the character is one that some alternative
    can begin with: a quick scan), and at each one only the alternatives that can begin with its character are
    tried, in their order, as one pattern: the first of them that matches is the one the whole pattern would
    match, since the others cannot match there. Each alternative is one named group; `finditer` yields the match
    and that name. The whole pattern is kept as `pattern` (tests compare it with the reference reader's)."""

    def __init__(self, start: str, alternatives: list[tuple[str, str, str]], flags: int) -> None:
        self.pattern = re.compile(f"(?={start})(?:{'|'.join(body for _, _, body in alternatives)})", flags)
        # where START holds and some alternative can begin: one character each, so every such place is found
        firsts = "|".join(first for first, _, _ in alternatives)
        self._start = re.compile(f"(?={start})(?:{firsts})", flags)
        self._firsts = [(re.compile(first, flags), name, body) for first, name, body in alternatives]
        self._flags = flags
        self._by_character: dict[str, tuple[re.Pattern[str], tuple[str, ...]] | None] = {}

    def _for(self, character: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
        chosen = [(name, body) for first, name, body in self._firsts if first.fullmatch(character)]
        found = (re.compile("|".join(body for _, body in chosen), self._flags), tuple(n for n, _ in chosen))
        self._by_character[character] = found if chosen else None
        return self._by_character[character]

    def finditer(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        end = 0
        by_character = self._by_character
        for place in self._start.finditer(text):
            at = place.start()
            if at < end:
                continue
            character = text[at]
            chosen = by_character[character] if character in by_character else self._for(character)
            if chosen is None:
                continue
            pattern, names = chosen
            m = pattern.match(text, at)
            if m is not None:
                end = m.end()
                yield next(name for name in names if m.start(name) >= 0), m


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def _time_key(hour: int, minute: int, clock: str | None) -> Key | None:
    if clock in ("pm",) and 1 <= hour <= 11:
        hour += 12
    elif clock == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    known = clock is not None or hour == 0 or hour > 12
    return (hour % 24, minute, known)


def _date_key(year: str | None, month: int | None, day: str | None) -> Key | None:
    y = int(year) if year else None
    d = int(day) if day else None
    if month is not None and not 1 <= month <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    return (y, month, d)


# -- Korean ------------------------------------------------------------------------------------------------

_KO_UNITS = {
    "조": Decimal(10) ** 12,
    "억": Decimal(10) ** 8,
    "만": Decimal(10_000),
    "천": Decimal(1000),
    "백": Decimal(100),
}
# 1억 5천만, 1만 2,000, 3천: a number with units, then further numbers with units, then a last plain part
_KO_BIG = (
    rf"{_N}(?:\s?[조억만천백]+(?:\s?[0-9]{{1,4}}(?:,[0-9]{{3}})?(?:\.[0-9]+)?\s?[조억만천백]+)*"
    r"(?:\s?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,4})(?![0-9]))?)?"
)
_KO_CURRENCY = {"달러": "USD", "불": "USD", "원": "KRW", "엔": "JPY", "유로": "EUR", "위안": "CNY", "파운드": "GBP"}
_KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
_KO_CLOCK = {"오전": "am", "새벽": "am", "아침": "am", "오후": "pm", "저녁": "pm", "밤": "pm"}
_KO_ALTERNATIVES: list[tuple[str, str, str]] = [
    # (the characters the alternative can start with, its name, the alternative)
    # 2024. 11. 7. / 2024.11.7 / 2024. 11. — the official form, with an optional range 7.~8. or ~11. 9.
    (
        "[0-9]",
        "dotted",
        rf"(?P<dotted>(?<![0-9.])(?P<dy>[0-9]{{4}})\.\s?(?P<dm>[0-9]{{1,2}})\.(?:\s?(?P<dd>[0-9]{{1,2}})(?![0-9])\.?)?"
        rf"(?:\s?\([월화수목금토일]\))?(?:{_TO}(?:(?P<dm2>[0-9]{{1,2}})\.\s?)?(?P<dd2>[0-9]{{1,2}})\.(?![0-9]))?)",
    ),
    # 2025년 상반기 / 1분기 / 2025년 3/4분기
    (
        "[0-9상하]",
        "period",
        r"(?P<period>(?:(?P<py>[0-9]{4})\s?년\s?)?(?:(?P<half>상반기|하반기)|(?P<q>[1-4])\s?(?:/\s?4\s?)?분기))",
    ),
    # 2024년 11월 7일 / 11월 7~8일 / 11월 7일~11월 9일 / 2024년 12월
    (
        "[0-9]",
        "kdate",
        rf"(?P<kdate>(?:(?P<ky>[0-9]{{4}})\s?년\s?)?(?P<km>[0-9]{{1,2}})\s?월(?!\s?[0-9]{{1,2}}\s?월)"
        rf"(?:\s?(?P<kd>[0-9]{{1,2}})\s?(?:일|(?={_TO}[0-9]{{1,2}}\s?일)))?(?:\s?\([월화수목금토일]\))?"
        rf"(?:{_TO}(?:(?P<km2>[0-9]{{1,2}})\s?월\s?)?(?P<kd2>[0-9]{{1,2}})\s?일)?)",
    ),
    ("[0-9]", "kyear", r"(?P<kyear>(?<![0-9.,])[0-9]{4})\s?년(?!\s?간|대)"),
    # times: 오후 2시 30분, 14시, 14:30, 정오
    (
        "[0-9오새아저밤]",
        "ktime",
        r"(?P<ktime>(?:(?P<clock>오전|오후|새벽|아침|저녁|밤)\s?)?(?P<kh>(?<![0-9.,])[0-9]{1,2})\s?시"
        r"(?!간|대|점|기|각|행|장|민|청|도|설|험|작|범|즌|리|스)(?:\s?(?P<kmin>[0-9]{1,2})\s?분(?!기)|\s?(?P<khalf>반))?)",
    ),
    (
        "[0-9오]",
        "clock24",
        r"(?P<clock24>(?:(?P<clock2>오전|오후)\s?)?(?<![0-9.,:])(?P<ch>[0-9]{1,2}):(?P<cm>[0-9]{2})(?![0-9:]))",
    ),
    ("[정자]", "noon", r"(?P<noon>정오|자정)"),
    # days alone: 7일, 7~8일 (not 3일간, a duration)
    ("[0-9]", "kday", rf"(?P<kday>(?<![0-9.,])(?P<kd3>[0-9]{{1,2}})(?:{_TO}(?P<kd4>[0-9]{{1,2}}))?\s?일(?!간))"),
    # ordinals: 제23차, 23차, 23번째, 제3국
    (
        "[제0-9]",
        "kord",
        rf"(?P<kord>제\s?(?P<on1>{_N})(?:\s?(?:차|회|조|항|호|국|기|대))?|(?P<on2>{_N})\s?(?:차(?![례량이원])|번\s?째))",
    ),
    # money, percentages, counts (with 만/억 units)
    (
        "[$€£¥₩UEGJK0-9]",
        "kmoney",
        rf"(?P<kmoney>{_SIGN}\s?(?P<sn>{_N})(?P<smult>\s?[조억만천백]+)?|(?P<mn>{_KO_BIG})\s?(?:여\s?)?(?:미\s?)?"
        rf"(?P<cur>달러|불(?![가-힣])|원(?!칙|장|인|전|자|소|형|년|조|래|회|격|거|천|리|수|과)|엔(?![가-힣])|유로|위안|파운드))",
    ),
    (
        "[0-9]",
        "kpct",
        rf"(?P<kpct>(?P<pn>{_N})\s?(?:%p?|퍼센트(?:\s?포인트)?|프로(?!그|젝|세|토|필|파|펠|모)))",
    ),
    ("[0-9]", "kcount", rf"(?P<kcount>{_KO_BIG})"),
    (
        "[하둘셋넷]",
        "alone",
        r"(?P<alone>(?<![가-힣])(?:하나|둘|셋|넷)(?P<aord>째)?(?=[은는이가을를도와과의에]|[^가-힣]|$))",
    ),
    ("[양]", "both", r"(?P<both>(?<![가-힣])양(?=측|국|자\s|사\s|\s?정상|\s?대표|\s?군|\s?기관|\s?부처))"),
    ("[첫]", "first", r"(?P<first>(?<![가-힣])첫(?:\s?번\s?째|째)?(?=\s?[가-힣]))"),
    (
        "[한두세네다여일열]",
        "native",
        r"(?P<native>(?<![가-힣])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열))(?P<nord>\s?번\s?째|째)?(?=\s[가-힣]|\s?번\s?째|째)",
    ),
]
# every value starts with one of these: other characters are skipped without trying the alternatives
_KO_START = "[0-9$€£¥₩UEGJK오새아저밤정자상하제첫한두세네다여일열양둘셋넷]"
_KO = _Scanner(_KO_START, _KO_ALTERNATIVES, 0)


def _ko_big(text: str) -> Decimal | None:
    """1억 5천만 → 150000000; 1만 2,000 → 12000; 3천 → 3000."""
    total = Decimal(0)
    found = False
    for number, units in re.findall(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s?([조억만천백]*)", text):
        value = _number(number)
        if value is None:
            return None
        for unit in units:
            value *= _KO_UNITS[unit]
        total += value
        found = True
    return total if found else None


def _korean(text: str) -> list[Value]:
    out: list[Value] = []

    def add(kind: Kind, key: Key | None, start: int, end: int, firm: bool = True) -> None:
        if key is not None:
            out.append(Value(kind, key, start, end, text[start:end], firm))

    for alternative, m in _KO.finditer(text):
        s, e = m.span()
        if alternative == "dotted":
            month = int(m.group("dm"))
            add(Kind.DATE, _date_key(m.group("dy"), month, m.group("dd")), s, e)
            if m.group("dd2") is not None:
                add(Kind.DATE, _date_key(m.group("dy"), int(m.group("dm2") or month), m.group("dd2")), s, e)
        elif alternative == "period":
            half = m.group("half")
            key: Key = (
                (int(m.group("py")) if m.group("py") else None, "H", 1 if half == "상반기" else 2)
                if half
                else (int(m.group("py")) if m.group("py") else None, "Q", int(m.group("q")))
            )
            add(Kind.PERIOD, key, s, e)
        elif alternative == "kdate":
            month = int(m.group("km"))
            add(Kind.DATE, _date_key(m.group("ky"), month, m.group("kd")), s, e)
            if m.group("kd2") is not None:
                add(Kind.DATE, _date_key(m.group("ky"), int(m.group("km2") or month), m.group("kd2")), s, e)
        elif alternative == "kyear":
            add(Kind.DATE, (int(m.group("kyear")), None, None), s, e)
        elif alternative == "ktime":
            minute = int(m.group("kmin") or (30 if m.group("khalf") else 0))
            add(Kind.TIME, _time_key(int(m.group("kh")), minute, _KO_CLOCK.get(m.group("clock") or "")), s, e)
        elif alternative == "clock24":
            clock = _KO_CLOCK.get(m.group("clock2") or "")
            add(Kind.TIME, _time_key(int(m.group("ch")), int(m.group("cm")), clock), s, e)
        elif alternative == "noon":
            add(Kind.TIME, (12 if m.group("noon") == "정오" else 0, 0, True), s, e)
        elif alternative == "kday":
            add(Kind.DATE, _date_key(None, None, m.group("kd3")), s, e)
            if m.group("kd4") is not None:
                add(Kind.DATE, _date_key(None, None, m.group("kd4")), s, e)
        elif alternative == "kord":
            number = _number(m.group("on1") or m.group("on2"))
            add(Kind.ORDINAL, (number,) if number is not None else None, s, e)
        elif alternative == "kmoney":
            if m.group("sign") is not None:
                amount = _ko_big(m.group("sn") + (m.group("smult") or "").strip())
                currency = _CURRENCY_SIGN[m.group("sign").replace(" ", "")]
            else:
                amount = _ko_big(m.group("mn"))
                currency = _KO_CURRENCY[m.group("cur")]
            add(Kind.MONEY, (currency, amount) if amount is not None else None, s, e)
        elif alternative == "kpct":
            number = _number(m.group("pn"))
            add(Kind.PERCENT, (number,) if number is not None else None, s, e)
        elif alternative == "kcount":
            number = _ko_big(m.group("kcount"))
            add(Kind.COUNT, (number,) if number is not None else None, s, e)
        elif alternative == "alone":
            alone = {"하나": 1, "둘": 2, "셋": 3, "넷": 4}[m.group("alone").removesuffix("째")]
            add(Kind.ORDINAL if m.group("aord") else Kind.COUNT, (Decimal(alone),), s, e, firm=alone != 1)
        elif alternative == "both":
            add(Kind.COUNT, (Decimal(2),), s, e, firm=False)  # 양측, 양국: "the two sides", "both nations"
        elif alternative == "first":
            add(Kind.ORDINAL, (Decimal(1),), s, e, firm=False)
        else:
            value = _KO_NATIVE[m.group("native")]
            kind = Kind.ORDINAL if m.group("nord") else Kind.COUNT
            add(kind, (Decimal(value),), s, e, firm=value != 1)
    return out


# -- English -----------------------------------------------------------------------------------------------

_MONTHS = {name.lower(): number for number, name in enumerate(MONTHS_EN, start=1)}
_MONTHS |= {name[:3].lower(): number for name, number in list(_MONTHS.items())} | {"sept": 9}
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_BARE_MONTH = r"(?-i:January|February|April|June|July|August|September|October|November|December)"
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_MULTIPLIERS = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "bn": Decimal(10) ** 9,
}
_EN_CURRENCY = {
    "dollar": "USD",
    "dollars": "USD",
    "won": "KRW",
    "yen": "JPY",
    "euro": "EUR",
    "euros": "EUR",
    "yuan": "CNY",
    "pound": "GBP",
    "pounds": "GBP",
}
_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)"
)


def _mult(name: str) -> str:
    return rf"(?:\s(?P<{name}>hundred|thousand|million|billion|trillion)\b|\s?(?P<{name}bn>bn)\b)"


_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_EN_ALTERNATIVES: list[tuple[str, str, str]] = [
    # November 7, 2024 / Nov. 7–8, 2024 / November 7th / November 7 to November 9, 2024
    (
        "(?-i:[JFMASOND])",
        "mdy",
        rf"(?P<mdy>(?P<m1>{_MONTH})\s(?P<d1>[0-9]{{1,2}}){_ORD_SUFFIX}(?![0-9,]?[0-9])"
        rf"(?:(?:{_TO}|\s(?:to|through|and)\s)(?:(?P<m1b>{_MONTH})\s)?(?P<d1b>[0-9]{{1,2}}){_ORD_SUFFIX}(?![0-9]))?"
        rf"(?:,?\s(?P<y1>[0-9]{{4}})(?![0-9]))?)",
    ),
    # 7 November 2024 / 7–8 November
    (
        "[0-9]",
        "dmy",
        rf"(?P<dmy>(?<![0-9.,])(?P<d2>[0-9]{{1,2}})(?:{_TO}(?P<d2b>[0-9]{{1,2}}))?\s(?P<m2>{_MONTH})"
        rf"(?:,?\s(?P<y2>[0-9]{{4}})(?![0-9]))?)",
    ),
    # November 2024 / in December
    ("(?-i:[JFMASOND])", "my", rf"(?P<my>(?P<m3>{_MONTH}),?\s(?P<y3>[0-9]{{4}})(?![0-9]))"),
    ("[0-9]", "iso", r"(?P<iso>(?<![0-9])(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})(?![0-9]))"),
    ("(?-i:[JFMASOND])", "bare", rf"(?P<bare>\b{_BARE_MONTH}\b)"),
    # first half of 2025 / H1 2025 / the third quarter / Q3 2025
    (
        "[fsthq0-9]",
        "period",
        r"(?P<period>\b(?:(?P<hw>first|second|1st|2nd)\s(?P<hq>half|quarter)|(?P<qw>third|fourth|3rd|4th)\squarter"
        r"|(?P<hl>[HQ])(?P<hn>[1-4])\b|(?P<hn2>[1-4])(?P<hl2>[HQ])\b)"
        r"(?:\s(?:of\s)?(?:(?:the\s)?year\s)?(?P<py>[0-9]{4})(?![0-9]))?)",
    ),
    # times: 2:30 p.m., 2 p.m., 14:30, noon
    ("[0-9]", "time", rf"(?P<time>(?<![0-9.,:])(?P<th>[0-9]{{1,2}})(?::(?P<tm>[0-9]{{2}}))?\s?{_AMPM})"),
    ("[0-9]", "clock24", r"(?P<clock24>(?<![0-9.,:])(?P<ch>[0-9]{1,2}):(?P<cm>[0-9]{2})(?![0-9:]))"),
    ("[nm]", "noon", r"(?P<noon>\bnoon\b|\bmidnight\b)"),
    # money, percentages, ordinals, counts
    ("[$€£¥₩uegjk]", "money", rf"(?P<money>{_SIGN}(?P<sn>{_N}){_mult('smult')}?)"),
    ("[0-9]", "pct", rf"(?P<pct>(?P<pn>{_N})\s?(?:%|percent\b|per\scent\b|percentage\spoints?\b))"),
    ("[0-9]", "ord", rf"(?P<ord>(?P<on>{_N})(?:st|nd|rd|th)\b)"),
    (
        "[0-9]",
        "count",
        rf"(?P<count>(?P<cn>{_N}){_mult('cmult')}?(?:\s(?P<cur>dollars?|won|yen|euros?|yuan|pounds?)\b)?)",
    ),
    (
        "[tfseno]",
        "word",
        rf"(?P<word>\b(?P<wn>{_WORD}){_mult('wmult')}?(?:\s(?P<wcur>dollars?|won|yen|euros?|yuan|pounds?)\b)?(?![\w-]))",
    ),
    ("[fsten]", "ordword", r"(?P<ordword>\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)"),
    ("[t]", "twice", r"(?P<twice>\btwice\b)"),
    ("[o]", "once", r"(?P<once>\bonce\b)"),
]
# every value starts with a digit, a sign or one of these letters at the start of a word
_EN_START = r"[0-9$€£¥₩]|(?<![A-Za-z])[ADEFGHJKMNOQSTU]"
_EN = _Scanner(_EN_START, _EN_ALTERNATIVES, re.IGNORECASE)  # months are matched as written


_PAIR = re.compile(
    r"\s(?:sides|nations|countries|leaders|parties|delegations|governments|ministries|allies|militaries"
    r"|defen[cs]e ministers|ministers|co-chairs|heads)\b",
    re.IGNORECASE,
)

_YEAR = re.compile(r"[12][0-9]{3}")


def _month(name: str | None) -> int | None:
    if name is None:
        return None
    return _MONTHS.get(name.rstrip(".").lower())


def _word_number(text: str) -> int:
    total = 0
    for part in text.lower().split("-"):
        total += _WORDS[part]
    return total


def _english(text: str) -> list[Value]:
    out: list[Value] = []

    def add(kind: Kind, key: Key | None, start: int, end: int, firm: bool = True) -> None:
        if key is not None:
            out.append(Value(kind, key, start, end, text[start:end], firm))

    def multiplied(number: Decimal | None, m: re.Match[str], name: str) -> Decimal | None:
        unit = m.group(name) or m.group(name + "bn")
        return number * _MULTIPLIERS[unit.lower()] if number is not None and unit else number

    for alternative, m in _EN.finditer(text):
        s, e = m.span()
        if alternative == "mdy":
            month = _month(m.group("m1"))
            add(Kind.DATE, _date_key(m.group("y1"), month, m.group("d1")), s, e)
            if m.group("d1b") is not None:
                add(Kind.DATE, _date_key(m.group("y1"), _month(m.group("m1b")) or month, m.group("d1b")), s, e)
        elif alternative == "dmy":
            month = _month(m.group("m2"))
            add(Kind.DATE, _date_key(m.group("y2"), month, m.group("d2")), s, e)
            if m.group("d2b") is not None:
                add(Kind.DATE, _date_key(m.group("y2"), month, m.group("d2b")), s, e)
        elif alternative == "my":
            add(Kind.DATE, _date_key(m.group("y3"), _month(m.group("m3")), None), s, e)
        elif alternative == "iso":
            add(Kind.DATE, _date_key(m.group("iy"), int(m.group("im")), m.group("id")), s, e)
        elif alternative == "bare":
            add(Kind.DATE, _date_key(None, _month(m.group("bare")), None), s, e)
        elif alternative == "period":
            year = int(m.group("py")) if m.group("py") else None
            if m.group("hl") or m.group("hl2"):
                letter = (m.group("hl") or m.group("hl2")).upper()
                which = int(m.group("hn") or m.group("hn2"))
                add(Kind.PERIOD, (year, letter, which) if letter == "Q" or which <= 2 else None, s, e)
            else:
                word = (m.group("hw") or m.group("qw")).lower()
                which = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(word, 4)
                letter = "H" if (m.group("hq") or "quarter").lower() == "half" else "Q"
                add(Kind.PERIOD, (year, letter, which), s, e)
        elif alternative == "time":
            clock = "am" if m.group("ap").lower() == "a" else "pm"
            add(Kind.TIME, _time_key(int(m.group("th")), int(m.group("tm") or 0), clock), s, e)
        elif alternative == "clock24":
            add(Kind.TIME, _time_key(int(m.group("ch")), int(m.group("cm")), None), s, e)
        elif alternative == "noon":
            add(Kind.TIME, (12 if m.group("noon").lower() == "noon" else 0, 0, True), s, e)
        elif alternative == "money":
            amount = multiplied(_number(m.group("sn")), m, "smult")
            currency = _CURRENCY_SIGN[m.group("sign").replace(" ", "").upper()]
            add(Kind.MONEY, (currency, amount) if amount is not None else None, s, e)
        elif alternative == "pct":
            number = _number(m.group("pn"))
            add(Kind.PERCENT, (number,) if number is not None else None, s, e)
        elif alternative == "ord":
            number = _number(m.group("on"))
            add(Kind.ORDINAL, (number,) if number is not None else None, s, e)
        elif alternative == "count":
            raw = m.group("cn")
            number = multiplied(_number(raw), m, "cmult")
            if number is None:
                continue
            if m.group("cur"):
                add(Kind.MONEY, (_EN_CURRENCY[m.group("cur").lower()], number), s, e)
            elif _YEAR.fullmatch(raw) and not (m.group("cmult") or m.group("cmultbn")):
                add(Kind.DATE, (int(raw), None, None), s, e)  # a year
            else:
                add(Kind.COUNT, (number,), s, e)
        elif alternative == "word":
            number = multiplied(Decimal(_word_number(m.group("wn"))), m, "wmult")
            if number is None:
                continue
            # "one" is as often a pronoun; "the two sides" is 양측, not a number in Korean
            firm = number != 1 and not (number == 2 and _PAIR.match(text, e))
            if m.group("wcur"):
                add(Kind.MONEY, (_EN_CURRENCY[m.group("wcur").lower()], number), s, e)
            else:
                add(Kind.COUNT, (number,), s, e, firm=firm)
        elif alternative == "ordword":
            rank = _ORDINAL_WORDS[m.group("ordword").lower()]
            add(Kind.ORDINAL, (Decimal(rank),), s, e, firm=rank > 2)  # "first", "second" are often not ranks
        else:  # "twice" (두 차례, 2회), "once" (1회, 한 차례; also "once it is built")
            add(Kind.COUNT, (Decimal(2 if alternative == "twice" else 1),), s, e, firm=False)
    return out


# Native Korean counts of days: "11월 12~13일 이틀간" is "over two days". Soft, like "two" and 두: they pair with a
# number on the other side but are never reported alone.
_KO_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
}
_KO_DAYS["보름"] = 15
_KO_DAY_COUNT = re.compile(
    r"(?<![가-힣])(" + "|".join(_KO_DAYS) + r")(?=$|[^가-힣]|간|동안|째|의|에|을|를|이|가|은|는|만|도|씩|과|와)"
)


def _korean_day_counts(text: str, found: list[Value]) -> list[Value]:
    taken = [(v.start, v.end) for v in found]
    extra = [
        Value(Kind.COUNT, (Decimal(_KO_DAYS[m.group(1)]),), m.start(), m.end(), m.group(1), firm=False)
        for m in _KO_DAY_COUNT.finditer(text)
        if not any(start < m.end() and m.start() < end for start, end in taken)
    ]
    return sorted([*found, *extra], key=lambda v: v.start) if extra else found


def values(text: str, language: Language) -> list[Value]:
    """The values `text` states, in reading order, read by the conventions of `language`."""
    return list(_values(text, language))


# A text is read once for all the checks and runs that ask: a briefing repeats texts (the same line in many
# items), and the window reruns the checks over the unchanged items after every edit. Values are immutable;
# an entry takes about 1 KB besides its text, so the 16,384 most recent readings (both languages of 8,192
# items) hold about 16 MB at most.
@functools.lru_cache(maxsize=1 << 14, typed=True)
def _values(text: str, language: Language) -> tuple[Value, ...]:
    prepared = _prepared(text)
    found = _korean(prepared) if language is Language.KO else _english(prepared)
    if language is Language.KO:
        found = _korean_day_counts(prepared, found)
    if prepared == text:
        return tuple(found)
    return tuple(Value(v.kind, v.key, v.start, v.end, text[v.start : v.end], v.firm) for v in found)

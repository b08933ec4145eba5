"""Reading back the standard parts a document prints around its sections (briefing/export/parts.py writes them):
the banner's issuer, the release line (보도 시점 / FOR IMMEDIATE RELEASE / EMBARGOED UNTIL …), the contacts (the
Korean release's 담당 부서 table, the English release's media contact lines), the report's date with its office
and author, the dateline of an English release, co-chairs as the card table prints them, and action lines
("조치:", "Action:") with their owner and due date. Pure functions of text; each returns None when the text is
not that part. Every pattern is anchored or bounded (a line is at most a few thousand characters here).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from briefing.language.dates import PartialDate
from briefing.model import Contact, Language, Person, Role

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

_BANNER = re.compile(r"^(.{0,30}?)\s*보도\s*자료$")
_RELEASE_KO = re.compile(r"^(?:보도\s*시점|보도\s*일시|배포\s*일시)\s*[:：]?\s*(.*)$")
_DOTS = re.compile(r"(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?(?:\s*\([^)]{1,3}\))?")
_HANGUL_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s*\([^)]{1,3}\))?")
_CLOCK_KO = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
_ZONE_KO = re.compile(r"\(([^()]{1,12}(?:시간|시각))\)")
_EMBARGO_EN = re.compile(r"^EMBARGOED\s+UNTIL\s+(.{1,80})$", re.IGNORECASE)
_CLOCK_EN = re.compile(r"\b(\d{1,2})(?::([0-5]\d))?\s*([AaPp])\.?\s*[Mm]\.?|\b(noon|midnight)\b", re.IGNORECASE)
_DATE_EN = re.compile(_MONTH + r"\s+(\d{1,2}),\s*(\d{4})", re.IGNORECASE)
_ZONE_EN = re.compile(r"\b(?:[ap]\.?m\.?|noon|midnight)\s+([A-Z]{2,5})\b", re.IGNORECASE)

_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,20}\d")
_CONTACT_HEADER = re.compile(r"^(?:담당\s*부서|office)\t(?:담당자|contact)\t(?:연락처|phone.*)$", re.IGNORECASE)
MEDIA_CONTACT = re.compile(r"^(?:media\s+contacts?|문의)\s*:?\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^((?:[A-Z][A-Z.'\- ]{1,40},\s+)?" + _MONTH + r"\s+\d{1,2},\s+\d{4}\s+[—–]\s+)(?=\S)")
_REPORT_TITLE = re.compile(r"결과\s*보고$|:\s*Meeting Report$|\bMeeting Report$", re.IGNORECASE)

_ACTION = re.compile(r"^(?:후속\s*)?(?:조치(?:\s*사항)?|action(?:\s+items?)?)\s*[:：]\s*(.+)$", re.IGNORECASE | re.S)
_OWNER = re.compile(r"(?:담당|주관|owner|lead|responsible)\s*[:：]\s*([^,;()]{1,60})", re.IGNORECASE)
_DUE_WORDS = re.compile(r"(?:기한|due|by|까지|~)\s*[:：]?\s*", re.IGNORECASE)

_ORG_KO = re.compile(
    r"^((?:미|미국|한국|대한민국|주한미군|일본|한미)?\s*\S{1,20}?(?:부|처|청|사령부|본부|위원회|합참|군))\s+"
)
_TITLE_END_KO = re.compile(r"(?:장|관|보|대표|대사|차관|위원|담당|TF장|국장|과장|실장|처장|총장|의장|사령관)$")
_RANK = re.compile(r"\(([^()]*(?:준장|소장|중장|대장|대령|중령|소령|제독|General|Admiral|Colonel)[^()]*)\)")


def issuer(text: str) -> str | None:
    """ "국방부 보도자료" → "국방부" (None: not a banner, or a banner with no issuer)."""
    match = _BANNER.match(text.strip())
    return match.group(1).strip() or None if match else None


def release(text: str, lang: Language) -> tuple[datetime | None, str] | None:
    """The release line: (None, "") for at once, (the embargo as printed, its zone) for an embargo, None when
    the text is not a release line."""
    text = text.strip()
    if re.match(r"^for immediate release\b", text, re.IGNORECASE):
        return None, ""
    korean = _RELEASE_KO.match(text)
    if korean:
        rest = korean.group(1)
        if "즉시" in rest and "이후" not in rest:
            return None, ""
        day = _day(rest)
        clock = _CLOCK_KO.search(rest)
        if day is None:
            return None
        zone = _ZONE_KO.search(rest)
        opening = time(int(clock.group(1)), int(clock.group(2))) if clock else time(0, 0)
        return datetime.combine(day, opening), zone.group(1) if zone else ""
    english = _EMBARGO_EN.match(text)
    if english:
        rest = english.group(1)
        found = _DATE_EN.search(rest)
        at = clock_en(rest)
        if found is None:
            return None
        try:
            day = date(int(found.group(3)), MONTHS.index(found.group(1).lower()[:3]) + 1, int(found.group(2)))
        except ValueError:
            return None
        zone = _ZONE_EN.search(rest)
        return datetime.combine(day, at or time(0, 0)), zone.group(1) if zone else ""
    return None


def clock_en(text: str) -> time | None:
    """ "2 p.m." → 14:00, "6:30 A.M." → 06:30, "noon" → 12:00."""
    match = _CLOCK_EN.search(text)
    if match is None:
        return None
    if match.group(4):
        return time(12, 0) if match.group(4).lower() == "noon" else time(0, 0)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
    return time(hour, minute)


def _day(text: str) -> date | None:
    for pattern in (_DOTS, _HANGUL_DATE):
        match = pattern.search(text)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    found = _DATE_EN.search(text)
    if found:
        try:
            return date(int(found.group(3)), MONTHS.index(found.group(1).lower()[:3]) + 1, int(found.group(2)))
        except ValueError:
            return None
    return None


def only_date(text: str) -> date | None:
    """A line that is a date and nothing else ("2024. 11. 8.(금)", "November 8, 2024"): the report's date."""
    text = text.strip()
    day = _day(text)
    if day is None:
        return None
    rest = _DOTS.sub("", _HANGUL_DATE.sub("", _DATE_EN.sub("", text, count=1), count=1), count=1)
    rest = re.sub(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*", "", rest.strip())
    return day if not rest.strip(" ,.") else None


def is_report_title(title: str) -> bool:
    return bool(_REPORT_TITLE.search(title.strip()))


def report_who(text: str, lang: Language) -> tuple[str, str]:
    """The report's office and author from the line the export prints them on (`parts.report_lines`): Korean
    "국방정책실 우주정책과 중령 김예시" (the author: the last two words when the last is a name, a rank or grade
    before it), English "Space Policy Division, Office of Defense Policy, Lt. Col. Kim Ye-si" (the last part)."""
    text = " ".join(text.split())
    if lang is Language.EN:
        office, _, author = text.rpartition(", ")
        return (office, author) if office else ("", text)
    words = text.split(" ")
    if len(words) >= 3 and re.fullmatch(r"[가-힣]{2,4}", words[-1]):
        return " ".join(words[:-2]), " ".join(words[-2:])
    if len(words) >= 2:
        return " ".join(words[:-1]), words[-1]
    return "", text


def is_contact_header(raw: str) -> bool:
    return bool(_CONTACT_HEADER.match(" ".join(raw.split(" ")).strip()))


def contact_row(raw: str, lang: Language) -> Contact | None:
    """A row of the Korean release's contact table: office, person, phone and e-mail (tab-separated cells)."""
    cells = raw.split("\t")
    if len(cells) != 3:
        return None
    reach = cells[2]
    email = _EMAIL.search(reach)
    phone = _PHONE.search(reach)
    if email is None and phone is None:
        return None
    contact = Contact(phone=phone.group(0).strip() if phone else "", email=email.group(0) if email else "")
    contact.office.set(lang, " ".join(cells[0].split()))
    contact.name.set(lang, " ".join(cells[1].split()))
    return contact


def contact_line(text: str, lang: Language) -> Contact | None:
    """A media contact line ("Lee Bo-do, Press Office, 02-748-0001, press@example.mil.kr"): the parts before the
    phone and e-mail are the person, then the office."""
    email = _EMAIL.search(text)
    phone = _PHONE.search(text)
    if email is None and phone is None:
        return None
    rest = text
    for found in (email, phone):
        if found is not None:
            rest = rest.replace(found.group(0), "")
    words = [part.strip() for part in rest.split(",") if part.strip()]
    contact = Contact(phone=phone.group(0).strip() if phone else "", email=email.group(0) if email else "")
    if words:
        contact.name.set(lang, words[0])
        contact.office.set(lang, ", ".join(words[1:]))
    return contact


def dateline(text: str) -> str | None:
    """ "WASHINGTON, Nov. 7, 2024 — " opening an English release's first paragraph."""
    match = _DATELINE.match(text)
    return match.group(1) if match else None


def action(text: str) -> tuple[str, PartialDate | None] | None:
    """An action line ("조치: 우주정책과(담당: 김예시), 기한 2024. 12. 31." / "Action: draft the plan; owner: Space
    Policy Division; due December 31, 2024"): its owner and due date when named; None when not an action."""
    match = _ACTION.match(text.strip())
    if match is None:
        return None
    rest = match.group(1)
    owner_match = _OWNER.search(rest)
    owner = owner_match.group(1).strip() if owner_match else ""
    due = None
    for word in _DUE_WORDS.finditer(rest):
        due = _partial(rest[word.end() : word.end() + 40]) or _partial(rest[max(0, word.start() - 24) : word.start()])
        if due is not None:
            break
    return owner, due


def _partial(text: str) -> PartialDate | None:
    day = _day(text)
    if day is not None:
        return PartialDate.from_date(day)
    month = re.match(r"\s*(\d{4})\.\s*(\d{1,2})\.?(?!\s*\d)|\s*(\d{4})\s*년\s*(\d{1,2})\s*월", text)
    if month:
        year, number = (month.group(1), month.group(2)) if month.group(1) else (month.group(3), month.group(4))
        return PartialDate(int(year), int(number)) if 1 <= int(number) <= 12 else None
    english = re.match(r"\s*" + _MONTH + r"\s+(\d{4})", text, re.IGNORECASE)
    if english:
        return PartialDate(int(english.group(2)), MONTHS.index(english.group(1).lower()[:3]) + 1)
    return None


def person(raw: str, lang: Language) -> Person:
    """A co-chair as the card table prints one (`phrases.person_line`): Korean "organisation title name(rank)",
    English "name, title, organisation (rank)"; prose ("박희정 전략사령부 창설지원TF장(육군 준장)") is read as
    well as it goes, the rest left in the title for the drafter."""
    found = Person(role=Role.CO_CHAIR)
    rank = _RANK.search(raw)
    rest = raw
    if rank:
        found.rank.set(lang, rank.group(1).strip())
        rest = (raw[: rank.start()] + raw[rank.end() :]).strip()
    rest = " ".join(re.sub(r"^(?:이번\s*회의는\s*)", "", rest).split())
    if lang is Language.EN:
        name, _, details = rest.partition(",")
        parts = [part.strip() for part in details.split(",") if part.strip()]
        found.name.set(lang, name.strip())
        if len(parts) >= 2 and re.search(r"Ministry|Department|Command|Forces?|Agency|Office|Staff", parts[-1]):
            found.organisation.set(lang, parts[-1])
            parts = parts[:-1]
        found.title.set(lang, ", ".join(parts))
        return found
    foreign = re.match(r"^([가-힣]+(?:\s[가-힣]+)?\s*\([A-Z][A-Za-z .'-]+\))\s*(.*)$", rest)
    if foreign:  # 데이비드 볼랜드(David Vorland) 미 국방부 부차관보
        found.name.set(lang, foreign.group(1))
        rest = foreign.group(2)
        organisation = _ORG_KO.match(rest)
        if organisation:
            found.organisation.set(lang, organisation.group(1).strip())
            rest = rest[organisation.end() :]
        found.title.set(lang, rest.strip())
        return found
    words = rest.split(" ")
    organisation = _ORG_KO.match(rest)
    if not organisation and len(words) >= 2 and re.fullmatch(r"[가-힣]{2,4}", words[0]):
        if not _TITLE_END_KO.search(words[0]):
            found.name.set(lang, words[0])  # prose: the name first, then the organisation and title
            rest = " ".join(words[1:])
            after = _ORG_KO.match(rest)
            if after:
                found.organisation.set(lang, after.group(1).strip())
                rest = rest[after.end() :]
    else:
        if organisation:
            found.organisation.set(lang, organisation.group(1).strip())
            rest = rest[organisation.end() :]
        words = rest.split(" ")
        last_title = max((n for n, word in enumerate(words) if _TITLE_END_KO.search(word)), default=-1)
        if 0 <= last_title < len(words) - 1:
            found.name.set(lang, " ".join(words[last_title + 1 :]))
            rest = " ".join(words[: last_title + 1])
        elif len(words) >= 2 and re.fullmatch(r"[가-힣]{2,4}", words[-1]):
            found.name.set(lang, words[-1])
            rest = " ".join(words[:-1])
    found.title.set(lang, rest.strip())
    return found

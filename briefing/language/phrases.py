"""Document phrases per language: meeting-card labels, ordinals, dates, markers.

These are the words *in the documents* (not the interface, which Qt translates from `locales/`), so
they live in the core and are plain data: an office can read and check every phrase here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from briefing.language.dates import PartialDate, Precision
from briefing.model import Bilingual, Briefing, Language, Person

# Classified markings, printed in red as offices print them: 비밀 in any grade (비밀, Ⅱ급비밀, 2급 비밀), 대외비,
# and SECRET / CONFIDENTIAL (TOP SECRET too) in English; not "FOR OFFICIAL USE ONLY", "UNCLASSIFIED" or 일반.
_SECRET_LEVEL = re.compile(r"비밀|대외비|\b(?:SECRET|CONFIDENTIAL)\b", re.IGNORECASE)

MONTHS_EN = "January February March April May June July August September October November December".split()


class DateStyle(StrEnum):
    """How a template writes dates."""

    PROSE = "prose"  # 2024년 11월 7일 / November 7, 2024
    OFFICIAL = "official"  # 2024. 11. 7. (행정업무 운영 규정) / November 7, 2024


@dataclass(frozen=True)
class Catalog:
    language: Language
    date_label: str
    place_label: str
    co_chairs_label: str
    delegation_label: str
    participants_label: str
    marking_label: str
    draft: str
    page: str  # "{page} / {pages}" is built from fields; this is the word before it, may be empty
    section_symbols: tuple[str, ...]  # report style, by depth: section, item, list, sub-list
    note_label: str
    number_label: str  # the "No." column
    meeting_and_session: str  # with {ordinal} and {name}
    schedule_separator: str
    preview_cut: str  # the preview's note under a very long item, with {count}
    new_delegation: str  # the name a delegation added in the card editor starts with
    due: str  # an action's deadline after its owner, with {date}
    language_name: str  # the heading of this language's column in a bilingual table
    first_section: str  # the section a new briefing starts with
    new_section: str  # the title of a section just added, until the drafter names it
    findings_title: str  # the heading of a draft's appendix of QA findings
    findings_columns: tuple[str, str, str, str]  # its columns: number, severity, check, finding
    severities: tuple[str, str, str]  # error, warning, info
    draft_tags: tuple[str, str, str, str]  # a draft's mark on a target text: machine, memory, needs review, empty
    comments_title: str  # the heading of a draft's appendix of open comments
    comments_columns: tuple[str, str, str]  # its columns: number, author, comment
    continued: str  # opens the next row of an item taller than a page in the bilingual table


CATALOGS = {
    Language.KO: Catalog(
        language=Language.KO,
        date_label="일시",
        place_label="장소",
        co_chairs_label="수석대표",
        delegation_label="대표단",
        participants_label="참석",
        marking_label="표시",
        draft="초안",
        page="",
        section_symbols=("□", "○", "-", "·"),
        note_label="※",
        number_label="연번",
        meeting_and_session="{ordinal} {name}",
        schedule_separator=": ",
        preview_cut="… 이하 {count}자는 미리보기에서 생략(내보내기에는 모두 포함)",
        new_delegation="새 대표단",
        due="기한 {date}",
        language_name="한국어",
        first_section="개요",
        new_section="새 절",
        findings_title="부록: 품질 검사 결과(초안 전용)",
        findings_columns=("연번", "수준", "검사", "내용"),
        severities=("오류", "경고", "참고"),
        draft_tags=("[기계 번역]", "[번역 메모리]", "[검토 필요]", "[번역 없음]"),
        comments_title="부록: 미해결 의견(초안 전용)",
        comments_columns=("연번", "작성자", "의견"),
        continued="(계속)",
    ),
    Language.EN: Catalog(
        language=Language.EN,
        date_label="Date",
        place_label="Place",
        co_chairs_label="Co-chairs",
        delegation_label="Delegation",
        participants_label="Participants",
        marking_label="Marking",
        draft="DRAFT",
        page="Page",
        section_symbols=("■", "●", "–", "·"),
        note_label="Note:",
        number_label="No.",
        meeting_and_session="{ordinal} {name}",
        schedule_separator=": ",
        preview_cut="… {count} more characters not shown in the preview (the export has them all)",
        new_delegation="New delegation",
        due="due {date}",
        language_name="English",
        first_section="Overview",
        new_section="New section",
        findings_title="Appendix: QA findings (draft only)",
        findings_columns=("No.", "Severity", "Check", "Finding"),
        severities=("error", "warning", "info"),
        draft_tags=("[machine]", "[memory]", "[needs review]", "[empty]"),
        comments_title="Appendix: open comments (draft only)",
        comments_columns=("No.", "Author", "Comment"),
        continued="(continued)",
    ),
}


def catalog(language: Language) -> Catalog:
    return CATALOGS[language]


def secret_level(marking: Bilingual) -> bool:
    """Whether a briefing's marking is a 비밀-level one (printed red): decided on both languages together, so
    "대외비 / FOR OFFICIAL USE ONLY" is red in the English document too: one classification, one look."""
    return any(_SECRET_LEVEL.search(text) for text in (marking.ko, marking.en) if text)


def ordinal(number: int, language: Language) -> str:
    """23 → "제23차" / "23rd"."""
    if language is Language.KO:
        return f"제{number}차"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_date(value: date, language: Language, style: DateStyle = DateStyle.PROSE) -> str:
    if language is Language.KO:
        if style is DateStyle.OFFICIAL:
            return f"{value.year}. {value.month}. {value.day}."
        return f"{value.year}년 {value.month}월 {value.day}일"
    return f"{MONTHS_EN[value.month - 1]} {value.day}, {value.year}"


def format_partial(value: PartialDate, language: Language, style: DateStyle = DateStyle.PROSE) -> str:
    """A schedule date as precise as it was given: "2025년 상반기" / "first half of 2025".

    One Korean style per document: in the official style every date is dotted, a period after each number
    ("2024. 11. 7.", "2024. 12.", "2025."), and a half or quarter follows the dotted year ("2025. 상반기",
    "2025. 3분기"), as 개조식 reports write them; the prose style spells all of them out ("2024년 12월")."""
    official = language is Language.KO and style is DateStyle.OFFICIAL
    match value.precision:
        case Precision.DAY:
            assert value.month is not None and value.day is not None
            return format_date(date(value.year, value.month, value.day), language, style)
        case Precision.MONTH:
            assert value.month is not None
            if language is Language.KO:
                return f"{value.year}. {value.month}." if official else f"{value.year}년 {value.month}월"
            return f"{MONTHS_EN[value.month - 1]} {value.year}"
        case Precision.HALF:
            if language is Language.KO:
                return f"{value.year}{'.' if official else '년'} {'상' if value.half == 1 else '하'}반기"
            return f"{'first' if value.half == 1 else 'second'} half of {value.year}"
        case Precision.QUARTER:
            if language is Language.KO:
                return f"{value.year}{'.' if official else '년'} {value.quarter}분기"
            return f"Q{value.quarter} {value.year}"
    if language is Language.KO:
        return f"{value.year}." if official else f"{value.year}년"
    return str(value.year)


def schedule_label(value: PartialDate, language: Language, style: DateStyle) -> str:
    """A schedule line's date and separator: "2024. 12: ", "2025. 상반기: ", "First half of 2025: ".

    A dotted date's last period gives way to the colon (never "2024. 12.:"); the date opens the item's text
    (after its number or □/○ at most), so an English one starts with a capital ("First half of 2025:")."""
    text = format_partial(value, language, style)
    separator = catalog(language).schedule_separator
    if separator.startswith(":") and text.endswith("."):
        text = text[:-1]
    text = text[:1].upper() + text[1:]
    return text + separator


def note_mark(mark: str, language: Language) -> str:
    """A note's mark in this language: English documents say "Note:" where Korean ones print "※"."""
    return catalog(language).note_label if mark == "※" else mark


def date_span(start: date, end: date | None, language: Language, style: DateStyle = DateStyle.PROSE) -> str:
    """A meeting's days: "November 7–8, 2024", "2024. 11. 7.~8.", "2024년 11월 7일~8일"; what the end shares
    with the start (year, month) is said once."""
    if end is None or end == start:
        return format_date(start, language, style)
    same_month = (end.year, end.month) == (start.year, start.month)
    if language is Language.KO:
        official = style is DateStyle.OFFICIAL
        if same_month:
            last = f"{end.day}." if official else f"{end.day}일"
        elif end.year == start.year:
            last = f"{end.month}. {end.day}." if official else f"{end.month}월 {end.day}일"
        else:
            last = format_date(end, language, style)
        return f"{format_date(start, language, style)}~{last}"
    if end.year != start.year:
        return f"{format_date(start, language, style)} – {format_date(end, language, style)}"
    if not same_month:
        return f"{MONTHS_EN[start.month - 1]} {start.day} – {MONTHS_EN[end.month - 1]} {end.day}, {end.year}"
    return f"{MONTHS_EN[start.month - 1]} {start.day}–{end.day}, {end.year}"


def meeting_name(briefing: Briefing, language: Language) -> str:
    """ "제23차 한미 국방우주정책 실무협의회(SCWG)" / "23rd Korea-U.S. Space Cooperation Working Group (SCWG)"."""
    card = briefing.meeting
    name = card.series.name.get(language)
    if card.series.code and name:
        name = f"{name}({card.series.code})" if language is Language.KO else f"{name} ({card.series.code})"
    if card.session:
        return catalog(language).meeting_and_session.format(ordinal=ordinal(card.session, language), name=name)
    return name


def card_rows(
    briefing: Briefing, language: Language, style: DateStyle = DateStyle.PROSE, *, participants: bool = True
) -> list[tuple[str, str]]:
    """The meeting card as (label, value) lines: date (weekday, start time, the time-zone note), place, co-chairs
    and (`participants`) the delegations' other members, a line per delegation."""
    card, words = briefing.meeting, catalog(language)
    rows = []
    if card.start_date:
        rows.append((words.date_label, meeting_when(briefing, language, style)))
    if card.place.get(language):
        rows.append((words.place_label, card.place.get(language)))
    chairs = [line for line in (person_line(person, language) for person in card.co_chairs()) if line]
    if chairs:
        rows.append((words.co_chairs_label, "\n".join(chairs)))
    others = participant_lines(briefing, language) if participants else []
    if others:
        rows.append((words.participants_label, "\n".join(others)))
    return rows


# The Hangul counters of the Korean outline (가. 나. 다.), as Word's "ganada" numbering writes them (HWPX lists).
GANADA = "가나다라마바사아자차카타파하"
# Hancom font faces of Korean official documents, each with the fallback an HWPX names in hh:substFont:
# 휴먼명조 for a report's body, 맑은 고딕 for headings and for the body of a release or a pack.
HWPX_SERIF = ("휴먼명조", "함초롬바탕")
HWPX_SANS = ("맑은 고딕", "함초롬돋움")
HWPX_MONO = ("D2Coding", "함초롬돋움")


# -- the standard parts of each document (banners, release lines, contacts, end marks) ------------------------

WEEKDAYS_KO = "월화수목금토일"
WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# AP style: months of six letters or more are abbreviated in a date with a day; March to July are spelt out.
MONTHS_AP = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()


@dataclass(frozen=True)
class PartWords:
    """The words of a document's standard parts in one language (briefing/export/parts.py puts them together)."""

    press_release: str  # the banner's word
    release_label: str  # 보도 시점
    release_now: str  # released at once
    release_after: str  # an embargo: with {moment}
    contacts_columns: tuple[str, str, str]  # office, person, phone/e-mail
    media_contact: str
    end_mark_press: str
    end_mark_report: str
    report_title: str  # with {meeting}
    report_dated: str  # with {date}
    attachments_label: str
    participants_by: str  # a delegation's other members: with {delegation} and {people}


PART_WORDS = {
    Language.KO: PartWords(
        press_release="보도자료",
        release_label="보도 시점",
        release_now="배포 즉시 보도 가능",
        release_after="{moment} 이후 보도",
        contacts_columns=("담당 부서", "담당자", "연락처"),
        media_contact="문의",
        end_mark_press="끝.",
        end_mark_report="끝.",
        report_title="{meeting} 결과 보고",
        report_dated="{date}",
        attachments_label="붙임",
        participants_by="{delegation}: {people}",
    ),
    Language.EN: PartWords(
        press_release="NEWS RELEASE",
        release_label="Release",
        release_now="FOR IMMEDIATE RELEASE",
        release_after="EMBARGOED UNTIL {moment}",
        contacts_columns=("Office", "Contact", "Phone / e-mail"),
        media_contact="Media contact:",
        end_mark_press="###",
        end_mark_report="",
        report_title="{meeting}: Meeting Report",
        report_dated="{date}",
        attachments_label="Attachments:",
        participants_by="{delegation}: {people}",
    ),
}


def part_words(language: Language) -> PartWords:
    return PART_WORDS[language]


def weekday(value: date, language: Language) -> str:
    """The weekday, derived from the date (never stored): "목" / "Thursday"."""
    return WEEKDAYS_KO[value.weekday()] if language is Language.KO else WEEKDAYS_EN[value.weekday()]


def clock(at: time, language: Language) -> str:
    """A time of day: "14:00" in Korean documents; AP style in English ("2 p.m.", "2:30 p.m.", "noon")."""
    if language is Language.KO:
        return f"{at.hour:02d}:{at.minute:02d}"
    if (at.hour, at.minute) == (12, 0):
        return "noon"
    if (at.hour, at.minute) == (0, 0):
        return "midnight"
    hour = at.hour % 12 or 12
    minutes = f":{at.minute:02d}" if at.minute else ""
    return f"{hour}{minutes} {'a.m.' if at.hour < 12 else 'p.m.'}"


def ap_date(value: date) -> str:
    """A date as an AP dateline writes it: "Nov. 7, 2024", "March 3, 2025"."""
    return f"{MONTHS_AP[value.month - 1]} {value.day}, {value.year}"


def dated_day(value: date, language: Language, style: DateStyle = DateStyle.OFFICIAL) -> str:
    """A date with its weekday: "2024. 11. 7.(목)", "2024년 11월 7일(목)", "Thursday, November 7, 2024"."""
    if language is Language.KO:
        return f"{format_date(value, language, style)}({weekday(value, language)})"
    return f"{weekday(value, language)}, {format_date(value, language, style)}"


def moment(value: date, at: time | None, language: Language, style: DateStyle = DateStyle.OFFICIAL) -> str:
    """A day with its weekday and, when known, the time: "2024. 11. 7.(목) 14:00" / "Thursday, November 7, 2024,
    2 p.m."."""
    day = dated_day(value, language, style)
    if at is None:
        return day
    return f"{day} {clock(at, language)}" if language is Language.KO else f"{day}, {clock(at, language)}"


def meeting_when(briefing: Briefing, language: Language, style: DateStyle = DateStyle.PROSE) -> str:
    """The card's date line: the days with their weekdays, the start time, the time-zone note:
    "2024. 11. 7.(목) 14:00(현지시각)", "2024. 11. 7.(목)~8.(금)", "Thursday, November 7, 2024, 2 p.m. (local time)"."""
    card = briefing.meeting
    if card.start_date is None:
        return ""
    start, end = card.start_date, card.end_date
    if end is None or end == start:
        when = moment(start, card.start_time, language, style)
    elif language is Language.KO:
        span = date_span(start, end, language, style)
        first, _, last = span.partition("~")
        when = f"{first}({weekday(start, language)})~{last}({weekday(end, language)})"
        if card.start_time is not None:
            when += f" {clock(card.start_time, language)}"
    else:
        when = date_span(start, end, language, style)
        if card.start_time is not None:
            when += f", {clock(card.start_time, language)}"
    note = card.time_zone_note.get(language)
    if note:
        when += f"({note})" if language is Language.KO else f" ({note})"
    return when


def person_line(person: Person, language: Language) -> str:
    """ "국방부 전략사령부 창설지원TF장 박희정(육군 준장)" / "Park Hee-jeong, Head of …, Ministry of National Defense
    (Army Brigadier General)"."""
    if language is Language.KO:
        rank = f"({person.rank.ko})" if person.rank.ko else ""
        return " ".join(p for p in (person.organisation.ko, person.title.ko, person.name.ko) if p) + rank
    details = ", ".join(p for p in (person.title.en, person.organisation.en) if p)
    rank = f" ({person.rank.en})" if person.rank.en else ""
    return f"{person.name.en}, {details}{rank}" if details else person.name.en + rank


def participant_lines(briefing: Briefing, language: Language) -> list[str]:
    """The delegations' members other than co-chairs, a line per delegation: "한국 대표단: …, …"."""
    lines = []
    for delegation, people in briefing.meeting.participants():
        names = [person_line(person, language) for person in people]
        names = [name for name in names if name]
        if not names:
            continue
        group = delegation.name.get(language)
        joined = (", " if language is Language.KO else "; ").join(names)  # English names carry commas
        lines.append(part_words(language).participants_by.format(delegation=group, people=joined) if group else joined)
    return lines

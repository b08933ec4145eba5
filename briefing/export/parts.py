"""The standard parts of each document kind, decided once for every writer (DOCX here, HWPX beside it).

A Korean press release (보도자료) has its banner, the release line (보도 시점), the 담당 부서/담당자/연락처 table
and an end mark; an English press release its release line ("FOR IMMEDIATE RELEASE" or the embargo), a dateline
opening the first paragraph ("WASHINGTON, Nov. 7, 2024 — "), the media contact and "###"; a meeting report its
"… 결과 보고" title, the report date with the office and author, "끝." after the last item and the 붙임 list.
`document_parts` says which parts a document has and their text; the writers only place and style them.
Pure functions of the briefing: no document library is imported here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefing.export.templates import ItemStyle
from briefing.language.phrases import (
    DateStyle,
    ap_date,
    clock,
    format_date,
    meeting_name,
    moment,
    part_words,
)
from briefing.model import Briefing, Language, MeetingCard

DASH = "\u2014"  # the dateline's em dash


@dataclass(frozen=True)
class ContactTable:
    """담당 부서 | 담당자 | 연락처: a header and a row per contact (phone and e-mail on two lines of one cell)."""

    header: tuple[str, str, str]
    rows: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class DocumentParts:
    """What a document says around its sections, in reading order of the page:

    `banner` (a Korean release's "국방부 보도자료"), `release` (the release line), `contacts` (the Korean
    release's table at the top), `title`, `subtitle` (None when it would repeat the title), `report_lines` (the
    report's date, then office and author, at the top right), `dateline` (opens the first paragraph of the
    body), the sections, `media_contact` (lines after the body), `end_mark` ("끝." or "###"; empty: none) and
    `attachments` (the 붙임 list: a label and the entries, numbered when there are several)."""

    banner: str
    release: str
    contacts: ContactTable | None
    title: str
    subtitle: str | None
    report_lines: tuple[str, ...]
    dateline: str
    media_contact: tuple[str, ...]
    end_mark: str
    attachments_label: str
    attachments: tuple[str, ...]
    language: Language = Language.KO

    def closing(self) -> tuple[str, ...]:
        """The parts after the sections, in order: a Korean document ends its text with "끝." and lists the 붙임
        below it; an English one lists its attachments and the media contact before the final "###"."""
        if self.language is Language.KO:
            return ("end_mark", "attachments")
        return ("attachments", "media_contact", "end_mark")


def document_parts(
    briefing: Briefing, style: ItemStyle, language: Language, date_style: DateStyle = DateStyle.OFFICIAL
) -> DocumentParts:
    """The parts of a single-language document of a template's item style (PRESS: press release, REPORT: meeting
    report, PACK: briefing pack, which keeps only its title and subtitle)."""
    card = briefing.meeting
    press, report = style is ItemStyle.PRESS, style is ItemStyle.REPORT
    korean = language is Language.KO
    title = report_title(briefing, language) if report else briefing.title.get(language)
    return DocumentParts(
        banner=banner(card) if press and korean else "",
        release=release_line(card, language) if press else "",
        contacts=contact_table(card, language) if press and korean else None,
        title=title,
        subtitle=subtitle(title, meeting_name(briefing, language)),
        report_lines=report_lines(card, language, date_style) if report else (),
        dateline=dateline(card) if press and not korean else "",
        media_contact=media_contact(card) if press and not korean else (),
        end_mark=end_mark(style, language),
        attachments_label=part_words(language).attachments_label if (report or press) and card.attachments else "",
        attachments=attachment_lines(card, language) if report or press else (),
        language=language,
    )


def bilingual_parts(
    briefing: Briefing, style: ItemStyle, date_styles: dict[Language, DateStyle] | None = None
) -> DocumentParts:
    """The parts of a side-by-side document: the Korean banner, both release lines (Korean first), a contact
    table whose cells hold both languages, the Korean title with the English one as its subtitle, both report
    lines, and a bilingual 붙임 list ("1. 공동보도문 / Joint statement"). No end mark: the table is the text, and
    "끝." under an English column, or "###" under a Korean one, would each be wrong for half the readers."""
    styles = date_styles or {}
    ko = document_parts(briefing, style, Language.KO, styles.get(Language.KO, DateStyle.OFFICIAL))
    en = document_parts(briefing, style, Language.EN, styles.get(Language.EN, DateStyle.PROSE))
    card = briefing.meeting
    contacts = None
    if style is ItemStyle.PRESS:
        both_ko, both_en = contact_table(card, Language.KO), contact_table(card, Language.EN)
        if both_ko is not None and both_en is not None:
            header = tuple(f"{k} / {e}" for k, e in zip(both_ko.header, both_en.header, strict=True))
            rows = tuple(
                (_both(k[0], e[0], "\n"), _both(k[1], e[1], "\n"), k[2])
                for k, e in zip(both_ko.rows, both_en.rows, strict=True)
            )
            contacts = ContactTable((header[0], header[1], header[2]), rows)
    titles = [(a.title.ko, a.title.en) for a in card.attachments if a.title.ko.strip() or a.title.en.strip()]
    entries = [_both(k, e, " / ") for k, e in titles]
    attachments = tuple(entries) if len(entries) == 1 else tuple(f"{n}. {t}" for n, t in enumerate(entries, start=1))
    has_attachments = bool(attachments) and (style is not ItemStyle.PACK)
    return DocumentParts(
        banner=ko.banner,
        release="\n".join(line for line in (ko.release, en.release) if line),
        contacts=contacts,
        title=ko.title,
        subtitle=en.title if en.title and en.title != ko.title else None,
        report_lines=tuple(_both(k, e, " / ") for k, e in zip(ko.report_lines, en.report_lines, strict=False)),
        dateline="",
        media_contact=(),
        end_mark="",
        attachments_label=_both(ko.attachments_label, en.attachments_label.rstrip(":"), " / ")
        if has_attachments
        else "",
        attachments=attachments if has_attachments else (),
        language=Language.KO,
    )


def _both(korean: str, english: str, separator: str) -> str:
    return separator.join(dict.fromkeys(part for part in (korean, english) if part))


def lists_participants(style: ItemStyle) -> bool:
    """Whether the card table lists the delegations' members other than co-chairs: a report and a pack do (their
    readers look for who attended); a press release leaves them to its prose."""
    return style is not ItemStyle.PRESS


def banner(card: MeetingCard) -> str:
    """ "국방부 보도자료" (just "보도자료" when the card names no issuer)."""
    words = part_words(Language.KO)
    return f"{card.release.issuer.ko} {words.press_release}".strip()


def release_line(card: MeetingCard, language: Language) -> str:
    """ "보도 시점: 배포 즉시 보도 가능" / "보도 시점: 2024. 11. 8.(금) 06:00(한국시간) 이후 보도";
    "FOR IMMEDIATE RELEASE" / "EMBARGOED UNTIL 6 A.M. KST, NOV. 8, 2024"."""
    words = part_words(language)
    embargo = card.release.embargo
    zone = card.release.zone.get(language)
    if language is Language.KO:
        if embargo is None:
            return f"{words.release_label}: {words.release_now}"
        when = moment(embargo.date(), embargo.time(), language) + (f"({zone})" if zone else "")
        return f"{words.release_label}: {words.release_after.format(moment=when)}"
    if embargo is None:
        return words.release_now
    when = clock(embargo.time(), language) + (f" {zone}" if zone else "") + f", {ap_date(embargo.date())}"
    return words.release_after.format(moment=when.upper())


def lead_in(parts: DocumentParts, briefing: Briefing, section_number: int, item_number: int) -> str:
    """What opens an item's first paragraph before its number or symbol: the dateline, on the body's first item
    (the first item of the first section that has one); nothing on every other item."""
    if not parts.dateline:
        return ""
    first = next(
        ((s, 1) for s, section in enumerate(briefing.sections, start=1) if section.items),
        None,
    )
    return parts.dateline if first == (section_number, item_number) else ""


def dateline(card: MeetingCard) -> str:
    """ "WASHINGTON, Nov. 7, 2024 — ": the city (the English place up to its first comma, in capitals) and the
    meeting's last day (the day the release reports), AP style; what is missing is left out."""
    city = card.place.en.split(",")[0].strip().upper()
    day = card.end_date or card.start_date
    head = ", ".join(part for part in (city, ap_date(day) if day else "") if part)
    return f"{head} {DASH} " if head else ""


def contact_table(card: MeetingCard, language: Language) -> ContactTable | None:
    """The contacts as the Korean release's table (None without contacts; a contact with nothing is skipped)."""
    rows = []
    for contact in card.contacts:
        reach = "\n".join(part for part in (contact.phone, contact.email) if part)
        row = (contact.office.get(language), contact.name.get(language), reach)
        if any(row):
            rows.append(row)
    if not rows:
        return None
    return ContactTable(part_words(language).contacts_columns, tuple(rows))


def media_contact(card: MeetingCard) -> tuple[str, ...]:
    """The English release's media contact: "Media contact:", then a line per contact ("Lee Bo-do, Press Office,
    02-748-0001, press@example.mil.kr"); nothing without contacts."""
    lines = []
    for contact in card.contacts:
        parts = (contact.name.en, contact.office.en, contact.phone, contact.email)
        line = ", ".join(part for part in parts if part)
        if line:
            lines.append(line)
    return (part_words(Language.EN).media_contact, *lines) if lines else ()


def end_mark(style: ItemStyle, language: Language) -> str:
    """ "끝." closes a Korean report and release, "###" an English release; a pack and an English report have none."""
    words = part_words(language)
    if style is ItemStyle.PRESS:
        return words.end_mark_press
    if style is ItemStyle.REPORT:
        return words.end_mark_report
    return ""


def report_title(briefing: Briefing, language: Language) -> str:
    """ "제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고": the meeting's name (the briefing's title when the card
    has none); a title that already says so is kept as it is."""
    title = briefing.title.get(language)
    words = part_words(language)
    ending = words.report_title.format(meeting="").strip(" :")
    if ending and title.rstrip().endswith(ending):
        return title
    meeting = meeting_name(briefing, language) or title
    return words.report_title.format(meeting=meeting) if meeting else ""


def report_lines(card: MeetingCard, language: Language, style: DateStyle = DateStyle.OFFICIAL) -> tuple[str, ...]:
    """The report's date ("2024. 11. 8.(금)") and its office and author ("국방정책실 우주정책과 중령 김예시")."""
    report = card.report
    lines = []
    if report.dated is not None:
        if language is Language.KO and style is DateStyle.OFFICIAL:
            day = moment(report.dated, None, language, style)
        else:
            day = format_date(report.dated, language, style)
        lines.append(part_words(language).report_dated.format(date=day))
    office, author = report.office.get(language), report.author.get(language)
    separator = " " if language is Language.KO else ", "
    who = separator.join(part for part in (office, author) if part)
    if who:
        lines.append(who)
    return tuple(lines)


def attachment_lines(card: MeetingCard, language: Language) -> tuple[str, ...]:
    """The 붙임 entries in this language: "1. …", "2. …" (one entry unnumbered); untitled ones are skipped."""
    titles = [title for title in (a.title.get(language) for a in card.attachments) if title.strip()]
    if len(titles) == 1:
        return (titles[0],)
    return tuple(f"{n}. {title}" for n, title in enumerate(titles, start=1))


_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(unicodedata.normalize("NFKC", text))}


def subtitle(title: str, candidate: str) -> str | None:
    """The subtitle under a title, or None when it would only repeat it: every word of the candidate (the
    meeting's name) is already in the title ("… (SCWG) Holds 23rd Meeting" over "23rd … (SCWG)")."""
    if not candidate.strip():
        return None
    words = _words(candidate)
    # Korean words take particles and endings ("제23차", "실무협의회(SCWG)"): a word counts as repeated when the
    # title holds it as a word or as the start of one.
    title_words = _words(title)
    repeated = all(word in title_words or any(t.startswith(word) for t in title_words) for word in words)
    return None if repeated else candidate

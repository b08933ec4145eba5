"""Structure recognition: the lines of a Korean or English ministry release or meeting report into a draft briefing.

Every line lands somewhere: the title, an item of a section, or — boilerplate such as banners, release lines,
contacts, "끝." and "###", page furniture from headers and footers — an item of a last section "set apart on
import", so that nothing is lost and the drafter deletes what is not wanted. The meeting card is filled *besides*:
the sentences it was read from stay items too, and so does what the card's v4 parts were read from (release
line, contacts, report lines: `card_parts`), set apart. The model has no item levels: a sub-level (- under ○,
1) under 가.) becomes an item of the same section that keeps its label at the start of its text, and the
report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

import briefing.importers.card_parts as card_parts
from briefing.importers.report import ImportReport, Unplaced
from briefing.importers.source import Line, SourceDocument
from briefing.language.dates import PartialDate
from briefing.model import (
    Attachment,
    Bilingual,
    Briefing,
    Contact,
    Delegation,
    Item,
    ItemType,
    Language,
    NoteMark,
    Section,
    StatementKind,
)

SET_APART_TITLE = Bilingual(ko="가져오기에서 분리된 내용", en="Set apart on import")
CARD_WINDOW = 1000
FIRST_SECTION_TITLE = Bilingual(ko="개요", en="Overview")

_BOILERPLATE = re.compile(
    r"^(?:.{0,20}보도\s*자료|(?:press|news)\s+release|for immediate release.*|embargoed\b.*|끝\.?|#{3}|-\s*\d+\s*-|"
    r"\d+\s*/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?|대외비|for official use only|[ⅠⅡⅢ]급\s*비밀|"
    r"(?:보도\s*일시|배포\s*일시|보도\s*시점|담당\s*부서|담당자|연락처|문의|media\s+contacts?|contacts?|tel|phone|"
    r"e-?mail)\b.*|.{0,40}배포\s*즉시.*)$",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"(\b\d{2,4}[-.)\s]\d{3,4}[-.\s]\d{4}\b|[\w.+-]+@[\w-]+\.[\w.]+)")
_MARKING = re.compile(r"^(대외비|for official use only|[ⅠⅡⅢ]급\s*비밀)$", re.IGNORECASE)
_ATTACHMENTS = re.compile(r"^\s*(?:붙임|첨부|attachments?\b)\s*:?\s*", re.IGNORECASE)
_HEADING_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[가-하])\.\s+")
_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+")
_SECTION = re.compile(r"^\s*(?:[□■◆◇]|#{1,6}(?=\s))\s*(.*)$")
_NOTE = re.compile(r"^\s*(\*|※)\s*(.+)$")
_ITEM = re.compile(
    r"^\s*(?:[○●◦•▪∙·‧\-–—▵△▲►]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?=\s)|\d{1,2}[.)](?![\d.])|[가-하][.)]|\(\d{1,2}\)"
    r"|\([가-하]\)|[①-⑳]|[㉮-㉻])\s*(.+)$",
    re.S,
)
# The kind of an item's label: items of one kind are siblings; a new kind under them is a level deeper.
_KIND = re.compile(
    r"^\s*(?:(?P<circle>[○●◦])|(?P<dash>[\-–—])|(?P<dot>[•▪∙·‧►])|(?P<triangle>[▵△▲])|(?P<decimal>\d{1,2}\.\d)"
    r"|(?P<number>\d{1,2}\.)|(?P<paren_number>\d{1,2}\))|(?P<hangul>[가-하]\.)|(?P<paren_hangul>[가-하]\))"
    r"|(?P<bracket_number>\(\d)|(?P<bracket_hangul>\([가-하])|(?P<circled>[①-⑳])|(?P<circled_hangul>[㉮-㉻]))"
)
LEVELS_NOTE = "sub-levels kept as their labels at the start of the item text (the document model has no item levels)"
_MD_BULLET = re.compile(r"^\s*[*+]\s+(.+)$")
_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")

_SERIES_KO = re.compile(r"제\s*(\d{1,3})\s*차\s+([^()\n]{2,60}?)\s*\(([A-Z][A-Za-z0-9&\-]{1,15})\)")
_SERIES_EN = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+([A-Z][^()\n]{2,80}?)\s*\(([A-Z][A-Za-z0-9&\-]{1,15})\)")
_DATE_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s*[~\-–]\s*(\d{1,2})\s*일)?")
_DATE_DOTS = re.compile(r"(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.(?:\s*\([^)]*\))?(?:\s*[~\-–]\s*(\d{1,2})\.)?")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DATE_EN = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:\s*[–\-]\s*(\d{1,2}))?,\s*(\d{4})"
)
_TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
_MEETING_WORDS = re.compile(
    r"일시|개최|열렸|접견|면담|회담|held|convened|met\b|took place|현지시각|local time", re.IGNORECASE
)
_PLACE_LABEL = re.compile(r"^\s*(?:장소|place|venue|location)\s*[:：\t]\s*(.+)$", re.IGNORECASE)
_PLACE_KO = re.compile(r"(?:\)|일)\s+([^\s()][^()]{1,40}?)에서\s")
_PLACE_EN = re.compile(r"\bin\s+((?:[A-Z][\w.\-']*,?\s?){1,5}?)(?:,?\s+on\b|,?\s+from\b|\.$|\.\s)")
_CHAIR_LABEL = re.compile(
    r"^\s*(?:수석\s*대표|공동\s*의장|co-?chairs?|heads? of delegation)\s*[:：\t]\s*(.+)$", re.I | re.S
)
_CHAIRS_KO = re.compile(r"(?:이번\s*회의는\s*)?(.{1,80}?)[와과]\s+(.{1,120}?)[이가]\s*공동\s*(?:주관|주재|의장)")
_CHAIR_CUE = re.compile(r"공동\s*(?:주관|주재|의장)|co-?chaired", re.IGNORECASE)
MAX_CHAIR_TRIES = 20
_CHAIRS_EN = re.compile(
    r"co-?chaired by\s+(.{1,200}?)\s+and\s+(.{1,200}?)(?:\.\s|\.$|,\s+(?:with|while)\b)", re.IGNORECASE
)
_SCHEDULE_SECTION = re.compile(r"일정|계획|schedule|timeline|next steps|way ahead", re.IGNORECASE)
_SCHEDULE_START = re.compile(
    r"^(\d{4})(?:\s*년)?(?:\.?\s*(\d{1,2})(?:\.|\s*월)?)?(?:\.?\s*(상반기|하반기|1분기|2분기|3분기|4분기))?\s*[:：]"
    r"|^(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?(\d{4})\s*[:：]"
    r"|^(First|Second|1st|2nd) half of (\d{4})\s*[:：]"
)
_KINDS: tuple[tuple[re.Pattern[str], ItemType, StatementKind | None], ...] = (
    (re.compile(r"규탄|condemn", re.I), ItemType.STATEMENT, StatementKind.CONDEMNATION),
    (re.compile(r"우려|concerns?\b", re.I), ItemType.STATEMENT, StatementKind.SHARED_CONCERN),
    (
        re.compile(r"공동\s*(?:성명|보도문|발표)|joint statement", re.I),
        ItemType.STATEMENT,
        StatementKind.JOINT_STATEMENT,
    ),
    (re.compile(r"합의|agreed|agreement", re.I), ItemType.AGREEMENT, None),
    (re.compile(r"결정|decided", re.I), ItemType.DECISION, None),
    (re.compile(r"논의|협의했|discussed|discussion", re.I), ItemType.TOPIC, None),
)


@dataclass
class _Card:
    found_date: bool = False
    date_from_label: bool = False
    found_series: bool = False
    found_place: bool = False
    found_chairs: bool = False
    found_dateline: bool = False
    chair_tries: int = 0


def detect_language(lines: list[Line]) -> Language:
    text = " ".join(line.text for line in lines[:400])[:100_000]  # enough to tell, bounded time
    hangul, latin = len(_HANGUL.findall(text)), len(_LATIN.findall(text))
    return Language.KO if hangul >= latin * 0.3 and hangul > 0 else Language.EN


def recognise(document: SourceDocument, report: ImportReport, language: Language | None, markdown: bool) -> Briefing:
    content = [line for line in document.lines if line.text.strip()]
    body = [line for line in content if line.part in ("body", "table")]
    lang = language or detect_language(body)
    report.language = lang.value + ("" if language else " (detected)")
    briefing = Briefing(origin_language=lang)
    card = _Card()
    set_apart: list[str] = [line.text.strip() for line in content if line.part in ("header", "footer")]
    for furniture in content:
        if furniture.part in ("header", "footer"):
            _card_from_boilerplate(briefing, furniture.text.strip(), furniture, report, False)
    sections: list[Section] = []
    title_taken = False
    in_attachments = False
    preamble = True  # before the first heading
    table_items: set[str] = set()
    contacts_open = False  # after a contact table's header or "Media contact:"
    report_lines = 0  # lines of a report's date, office and author read after its title
    kinds: list[str] = []  # the item label kinds of the current section, outermost first
    sub_levels = 0

    def current() -> Section:
        if not sections:
            title = Bilingual()
            title.set(lang, FIRST_SECTION_TITLE.get(lang))
            sections.append(Section(title=title))
        return sections[-1]

    for line in body:
        text = " ".join(line.text.split())
        in_contacts = contacts_open and _contact(text, line, lang) is not None
        if _is_boilerplate(text) or in_contacts:
            set_apart.append(text)
            _card_from_boilerplate(briefing, text, line, report, in_contacts)
            contacts_open = in_contacts or bool(card_parts.MEDIA_CONTACT.match(text))
            contacts_open = contacts_open or card_parts.is_contact_header(line.text)
            continue
        contacts_open = False
        if (
            title_taken
            and not sections
            and report_lines < 2
            and card_parts.is_report_title(briefing.title.get(lang))
            and line.part == "body"
            and _report_line(briefing, text, lang, report, report_lines)
        ):
            report_lines += 1
            set_apart.append(text)
            continue
        dateline = card_parts.dateline(text) if lang is Language.EN and not card.found_dateline else None
        if dateline:
            card.found_dateline = True
            set_apart.append(dateline.strip())
            report.detect("dateline", dateline.strip(" —–"), 0.8)
            text = text[len(dateline) :]
        marker = _ITEM.match(text)
        raw = marker.group(1) if marker and line.part != "table" else line.text
        # The card is in the opening sentences: a line is searched up to CARD_WINDOW characters (bounded time).
        unmarked = marker.group(1) if marker else text
        _read_card(briefing, unmarked[:CARD_WINDOW], raw[:CARD_WINDOW], lang, report, card)
        if _ATTACHMENTS.match(text) or (in_attachments and _NUMBERED.match(text)):
            in_attachments = True
            set_apart.append(text)
            entry = _NUMBERED.sub("", _ATTACHMENTS.sub("", text)).strip()
            if entry:
                briefing.meeting.attachments.append(Attachment(title=Bilingual(**{lang.value: entry})))
                report.detect("attachment", entry, 0.8)
            continue
        in_attachments = False
        heading = _SECTION.match(text)
        if not title_taken and not sections and (text.startswith("# ") or line.style.startswith("Title")):
            briefing.title.set(lang, text.removeprefix("# ").strip())
            title_taken = True
            report.detect("title", briefing.title.get(lang), 0.9)
            continue
        if heading or "Heading" in line.style:
            title_text = _HEADING_NUMBER.sub("", heading.group(1) if heading else text).strip()
            if not title_text:
                continue
            title = Bilingual()
            title.set(lang, title_text)
            if preamble and sections and all(i.id in table_items or _card_line(i) for i in sections[0].items):
                # What stood between the title and the first heading is the meeting card as a document prints
                # it (date, author, 일시/장소 rows): read into the card above, its text set apart.
                set_apart.extend(i.text.get(lang) for i in sections.pop().items)
            preamble = False
            sections.append(Section(title=title))
            kinds = []
            report.detect("section", title_text, 0.9 if heading else 0.8)
            continue
        if not title_taken and not sections and _looks_like_title(text, line):
            briefing.title.set(lang, text)
            title_taken = True
            report.detect("title", text, 0.8 if line.style.startswith("Title") or line.number <= 3 else 0.6)
            continue
        item = _item(text, line, lang, current(), markdown)
        if item is None:
            continue
        listed = marker is not None and line.part != "table" and not (markdown and _MD_BULLET.match(text))
        kind = _kind(text) if listed else None
        if kind is not None and item.type is not ItemType.NOTE:
            if kind in kinds:
                del kinds[kinds.index(kind) + 1 :]
            else:
                kinds.append(kind)
            if len(kinds) > 1 and marker is not None:
                # A sub-level (- under ○, 1) under 가.): the model has no item levels, so its label stays.
                label = text[: len(text) - len(marker.group(1))].strip()
                item.text.set(lang, f"{label} {item.text.get(lang)}")
                sub_levels += 1
        plain = item.type is ItemType.PARAGRAPH and item.note_mark is None and not _has_marker(text, markdown)
        if plain and line.part != "table" and line.list_level is None:
            report.unplaced.append(Unplaced(line.number, text))
        current().items.append(item)
        if line.part == "table":
            table_items.add(item.id)
    if sub_levels:
        report.notes.append(f"{LEVELS_NOTE}: {sub_levels} items")
    if not title_taken:
        report.notes.append("no title recognised")
    if set_apart:
        section = Section(title=Bilingual(**{lang.value: SET_APART_TITLE.get(lang)}))
        for text in set_apart:
            item = Item(source=lang)
            item.text.set(lang, text)
            section.items.append(item)
        sections.append(section)
        report.set_apart += set_apart
    briefing.sections = sections
    for what, found in (
        ("meeting date", card.found_date),
        ("meeting name", card.found_series),
        ("place", card.found_place),
        ("co-chairs", card.found_chairs),
    ):
        if not found:
            report.notes.append(f"no {what} recognised")
    briefing.settle_titles()
    return briefing


_CARD_LABEL = re.compile(r"^[^:：.]{1,30}[:：]\s")  # "Date: …", "일시: …", "Co-chairs: …"


def _card_line(item: Item) -> bool:
    """A line between the title and the first heading as a document prints its card: short, and a labelled row
    ("Date: …") or no sentence — a Korean sentence ends in 다., an English one is five words or more ending in
    . ! or ? ("Washington, D.C." is a place, "The two sides met in Seoul." the drafter's text)."""
    text = item.text.get(item.source).strip()
    if len(text) > 120 or text.endswith(("다.", "。")):
        return False
    if _CARD_LABEL.match(text):
        return True
    return not (text.endswith((".", "!", "?")) and len(text.split()) >= 5)


def _is_boilerplate(text: str) -> bool:
    if _BOILERPLATE.match(text):
        return True
    return len(text) < 80 and bool(_CONTACT.search(text)) and not _ITEM.match(text)


def _contact(text: str, line: Line, lang: Language) -> Contact | None:
    if line.part == "table":
        return card_parts.contact_row(line.text, lang)
    return card_parts.contact_line(text, lang)


_CONTACT_LABEL = re.compile(
    r"^(담당\s*부서|담당자|연락처|문의|tel|phone|e-?mail|media\s+contacts?)\s*[:：]\s*(.+)$", re.IGNORECASE
)


def _card_from_boilerplate(briefing: Briefing, text: str, line: Line, report: ImportReport, in_contacts: bool) -> None:
    """What a set-apart line says for the card: the marking, the banner's issuer, the release line, contacts."""
    lang = briefing.origin_language
    meeting = briefing.meeting
    if _MARKING.match(text) and not meeting.marking.get(lang):
        meeting.marking.set(lang, text)
        report.detect("marking", text, 0.9)
    issuer = card_parts.issuer(text)
    if issuer and not meeting.release.issuer.get(lang):
        meeting.release.issuer.set(lang, issuer)
        report.detect("issuer", issuer, 0.8)
    release = card_parts.release(text, lang)
    if release is not None:
        meeting.release.embargo, zone = release
        meeting.release.zone.set(lang, zone)
        shown = "at once" if release[0] is None else f"embargoed until {release[0].isoformat(' ', 'minutes')} {zone}"
        report.detect("release", shown.strip(), 0.8)
    contact = _contact(text, line, lang) if in_contacts else None
    if contact is not None:
        meeting.contacts.append(contact)
        report.detect("contact", ", ".join(p for p in (contact.name.get(lang), contact.phone, contact.email) if p), 0.7)
        return
    labelled = _CONTACT_LABEL.match(text)
    if labelled:
        field, value = labelled.group(1).replace(" ", "").lower(), labelled.group(2).strip()
        if field in ("문의", "mediacontact", "mediacontacts"):  # "Media contact: Lee Bo-do, 02-…, press@…"
            found = card_parts.contact_line(value, lang)
            if found is not None:
                meeting.contacts.append(found)
                report.detect("contact", value, 0.6)
            return
        if not meeting.contacts or (field == "담당부서" and meeting.contacts[-1].office.get(lang)):
            meeting.contacts.append(Contact())
            report.detect("contact", value, 0.5)
        last = meeting.contacts[-1]
        if field == "담당부서":
            last.office.set(lang, value)
        elif field == "담당자":
            last.name.set(lang, value)
        else:
            found = card_parts.contact_line(value, lang)
            last.phone = last.phone or (found.phone if found else "")
            last.email = last.email or (found.email if found else "")


def _report_line(briefing: Briefing, text: str, lang: Language, report: ImportReport, seen: int) -> bool:
    """The report's date (first) and its office and author (the line after), under a "… 결과 보고" title."""
    meeting = briefing.meeting
    if seen == 0:
        day = card_parts.only_date(text)
        if day is None:
            return False
        meeting.report.dated = day
        report.detect("report date", day.isoformat(), 0.8)
        return True
    if len(text) > 120 or text.endswith(("다.", ".")) or _ITEM.match(text) or _SECTION.match(text) or "\t" in text:
        return False
    office, author = card_parts.report_who(text, lang)
    meeting.report.office.set(lang, office)
    meeting.report.author.set(lang, author)
    report.detect("report office and author", f"{office} / {author}", 0.6)
    return True


def _kind(text: str) -> str | None:
    match = _KIND.match(text)
    return match.lastgroup if match else None


def _looks_like_title(text: str, line: Line) -> bool:
    if line.part == "table" or _ITEM.match(text) or _NOTE.match(text):
        return False
    if line.style.startswith("Title") or "Title" in line.style:
        return True
    return len(text) <= 150 and not text.endswith(("다.", "."))


def _has_marker(text: str, markdown: bool) -> bool:
    return bool(_ITEM.match(text) or _NOTE.match(text) or (markdown and _MD_BULLET.match(text)))


def _item(text: str, line: Line, lang: Language, section: Section, markdown: bool) -> Item | None:
    item = Item(source=lang)
    note = None if markdown and _MD_BULLET.match(text) else _NOTE.match(text)
    bullet = _MD_BULLET.match(text) if markdown else None
    marked = _ITEM.match(text)
    if note:
        item.type = ItemType.NOTE
        item.note_mark = NoteMark.REFERENCE if note.group(1) == "※" else NoteMark.ASTERISK
        body = note.group(2).strip()
    elif bullet:
        body = bullet.group(1).strip()
    elif marked:
        body = marked.group(1).strip()
        inner = _NOTE.match(body)  # a pack's "3.3 * …": a numbered note
        if inner:
            item.type = ItemType.NOTE
            item.note_mark = NoteMark.REFERENCE if inner.group(1) == "※" else NoteMark.ASTERISK
            body = inner.group(2).strip()
    else:
        body = text
    if not body:
        return None
    item.text.set(lang, body)
    if item.type is ItemType.NOTE:
        return item
    when = _schedule_date(body)
    in_schedule = bool(_SCHEDULE_SECTION.search(section.title.get(lang)))
    if when is not None and (in_schedule or _SCHEDULE_START.match(body)):
        item.type, item.when = ItemType.SCHEDULE, when
        start = _SCHEDULE_START.match(body)
        rest = body[start.end() :].strip() if start else ""
        if rest:  # the date is in `when`; the text is what happens then
            item.text.set(lang, rest)
        return item
    action = card_parts.action(body)
    if action is not None:
        item.type, item.due = ItemType.ACTION, action[1]
        if action[0]:
            item.owner = Bilingual()
            item.owner.set(lang, action[0])
        return item
    if body.lstrip().startswith(("▵", "△")) or text.lstrip().startswith(("▵", "△")):
        item.type = ItemType.TOPIC
        return item
    for pattern, kind, statement in _KINDS:
        if pattern.search(body, 0, CARD_WINDOW * 4):  # a keyword is in an item's first sentences (bounded time)
            item.type = kind
            item.statement_kind = statement
            break
    return item


def _schedule_date(text: str) -> PartialDate | None:
    match = _SCHEDULE_START.match(text)
    if match is None:
        return None
    try:
        if match.group(1):
            month = match.group(2)
            half = {"상반기": 1, "하반기": 2}.get(match.group(3) or "")
            quarter = {"1분기": 1, "2분기": 2, "3분기": 3, "4분기": 4}.get(match.group(3) or "")
            if month:
                return PartialDate(int(match.group(1)), int(month)) if 1 <= int(month) <= 12 else None
            return PartialDate(int(match.group(1)), half=half, quarter=quarter)
        if match.group(7):
            return PartialDate(int(match.group(7)), half=1 if match.group(6) in ("First", "1st") else 2)
        year = int(match.group(5))
        month_name = match.group(4)
        return PartialDate(year, _MONTHS.index(month_name.lower()[:3]) + 1) if month_name else PartialDate(year)
    except ValueError:
        return None


def _read_card(briefing: Briefing, text: str, raw: str, lang: Language, report: ImportReport, card: _Card) -> None:
    meeting = briefing.meeting
    if not card.found_series:
        match = (_SERIES_KO if lang is Language.KO else _SERIES_EN).search(text) if "(" in text else None
        if match:
            name = re.sub(r"^(?:the|a)\s+", "", match.group(2).strip(), flags=re.IGNORECASE)
            meeting.session = int(match.group(1))
            meeting.series.code = match.group(3)
            meeting.series.name.set(lang, name)
            card.found_series = True
            report.detect("session", meeting.session, 0.9)
            report.detect("meeting name", f"{name} ({match.group(3)})", 0.85)
    if card.found_date and meeting.start_time is None and _DATE_ROW.match(raw):
        # The card table's date row (after a prose date without a time) gives the opening time.
        opening = _opening(text, lang)
        if opening is not None and _meeting_date(text) == (meeting.start_date, meeting.end_date):
            meeting.start_time = opening
            report.detect("meeting time", opening.isoformat("minutes"), 0.8)
    if not card.found_date and _MEETING_WORDS.search(text):
        found = _meeting_date(text)
        if found is not None:
            start, end = found
            meeting.start_date, meeting.end_date = start, end
            card.found_date = True
            zone = re.search(r"현지\s*시각|현지\s*시간|local time", text, re.IGNORECASE)
            if zone:
                meeting.time_zone_note.set(lang, zone.group(0))
            meeting.start_time = _opening(text, lang)
            report.detect("meeting date", start.isoformat() + (f"–{end.isoformat()}" if end else ""), 0.8)
            if zone:
                report.detect("time zone note", zone.group(0), 0.9)
    if not card.found_place:
        label = _PLACE_LABEL.match(raw)
        prose = (_PLACE_KO if lang is Language.KO else _PLACE_EN).search(text) if _MEETING_WORDS.search(text) else None
        place = label.group(1).strip() if label else (prose.group(1).strip().rstrip(",") if prose else "")
        if place:
            meeting.place.set(lang, place)
            card.found_place = True
            report.detect("place", place, 0.8 if label else 0.5)
    if not card.found_chairs:
        label = _CHAIR_LABEL.match(raw)
        # A cheap cue first, and a bounded number of tries: the pattern backtracks over a sentence.
        cue = _CHAIR_CUE.search(text) if card.chair_tries < MAX_CHAIR_TRIES else None
        prose = None
        if cue:
            card.chair_tries += 1
            prose = (_CHAIRS_KO if lang is Language.KO else _CHAIRS_EN).search(text)
        people = [p for p in re.split(r"\n|\s+/\s+", label.group(1)) if p.strip()] if label else []
        if len(people) == 1 and lang is Language.KO:
            people = re.split(r"\s+및\s+", people[0])
        if not people and prose:
            people = [prose.group(1), prose.group(2)]
        if people:
            delegation = Delegation()
            for raw in people:
                delegation.members.append(card_parts.person(raw.strip(), lang))
            meeting.delegations.append(delegation)
            card.found_chairs = True
            for person in delegation.members:
                report.detect("co-chair", person.name.get(lang) or person.title.get(lang), 0.5 if prose else 0.7)


_DATE_ROW = re.compile(r"^\s*(?:일시|date|when)\s*[:：\t]", re.IGNORECASE)


def _opening(text: str, lang: Language) -> time | None:
    clock = _TIME.search(text)
    if clock:
        return time(int(clock.group(1)), int(clock.group(2)))
    return card_parts.clock_en(text) if lang is Language.EN else None


def _meeting_date(text: str) -> tuple[date, date | None] | None:
    for pattern in (_DATE_KO, _DATE_DOTS):
        match = pattern.search(text)
        if match:
            return _dates(int(match.group(1)), int(match.group(2)), int(match.group(3)), match.group(4))
    match = _DATE_EN.search(text)
    if match:
        month = _MONTHS.index(match.group(1).lower()[:3]) + 1
        return _dates(int(match.group(4)), month, int(match.group(2)), match.group(3))
    return None


def _dates(year: int, month: int, day: int, end_day: str | None) -> tuple[date, date | None] | None:
    try:
        start = date(year, month, day)
        end = date(year, month, int(end_day)) if end_day else None
    except ValueError:
        return None
    return start, (end if end and end > start else None)

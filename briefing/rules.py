"""Every rule a briefing must keep, in one place: `problems(briefing)`.

The file reader calls it on what it read, saving refuses a briefing it finds fault with (a file that would not
load again is never written), the edits are checked against it, and the editors call the field-level checks
(`card_problems`, `item_problems`) to mark a field as it is typed. Each problem has the JSON path the field
has in the `.briefing` file, so the reader, the command line and the window all point at the same place.
The schema (briefing/schemas) describes the file's syntax; these are the rules about the document itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time
from enum import StrEnum

from briefing.language.dates import DateError, PartialDate
from briefing.language.phrases import meeting_name
from briefing.messages import register
from briefing.model import (
    Bilingual,
    Briefing,
    Comment,
    Item,
    ItemType,
    Language,
    MeetingCard,
    NoteMark,
    Person,
    ReviewFlag,
    Role,
    StatementKind,
    TargetStatus,
    Waiver,
)
from briefing.schema import Problem

ID_PATTERN = re.compile(r"[A-Za-z0-9_.:-]+")
ID_MAX = 200
SERIES_CODE_MAX = 40
SESSION_MIN, SESSION_MAX = 1, 100_000
BASIS_PATTERN = re.compile(r"[0-9a-f]{16}")
# A waiver names its finding by check name, message code and key (briefing/qa/model.py: `Finding.key`).
WAIVER_CHECK_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
WAIVER_CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
WAIVER_CODE_MAX = 100
WAIVER_KEY_PATTERN = re.compile(r"[0-9a-f]{16}")
WAIVER_REASON_MAX = 2000
WAIVER_BY_MAX = 200
# Control characters (terminal escape sequences among them) have no place in a waiver's reason or name: they
# are printed by the command line and written into the export's manifest. Line breaks and tabs are allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The card's fields for the standard parts of a document (contacts, attachments, report, release) are single lines
# printed in banners and tables: no control character at all, line breaks included.
_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
CONTACTS_MAX = 20  # a press release lists two or three; a table of hundreds is a mistake, not a release
ATTACHMENTS_MAX = 50
PART_TEXT_MAX = 300  # an office, a person, an attachment's title, an issuer
PHONE_MAX, EMAIL_MAX = 40, 254
PHONE_PATTERN = re.compile(r"\+?[0-9(][0-9()./ -]*(?:\s*(?:ext\.?|내선)\s*[0-9]+)?")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
# What no text of a briefing may hold: a lone surrogate (UTF-8, the file's encoding, cannot encode it).
UNENCODABLE = re.compile("[\ud800-\udfff]")
# What a document property (title, author, series code and name) cannot hold, because XML cannot: C0 controls but
# tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates. (In the body of a document the export
# shows such characters as control pictures, ␛; a property is written as it is.)
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A document property (core.xml: title, subject, author) holds at most 255 characters.
PROPERTY_MAX = 255
# Moments (created, modified, approvals, comments) a document can record: python-docx writes years before 1000
# in a form it cannot read back, and converting an extreme offset to UTC overflows.
MOMENT_YEARS = (1000, 9999)


def moment_in_range(moment: datetime) -> bool:
    """Whether a moment converts to UTC within MOMENT_YEARS (a naive moment is taken as it is)."""
    try:
        utc = moment.astimezone(UTC) if moment.tzinfo is not None else moment
    except (OverflowError, ValueError):
        return False
    return MOMENT_YEARS[0] <= utc.year <= MOMENT_YEARS[1]


register(
    {
        "rules.end_before_start": "the end date {end} is before the start date {start}",
        "rules.too_long": "is longer than {limit} characters",
        "rules.out_of_range": "{found} is not between {low} and {high}",
        "rules.bad_id": "{found} is not an id (letters, digits, _ . : - and at most {limit} characters)",
        "rules.id_reused": "id {found} is already used at {other}",
        "rules.not_for_type": "does not apply to a {type} item",
        "rules.schedule_needs_date": "missing: a schedule item needs a date",
        "rules.bad_value": "{found} is not one of: {choices}",
        "rules.not_text": "expected text, found {found}",
        "rules.bad_basis": "{found} is not a source fingerprint (16 hexadecimal digits)",
        "rules.not_a_date": "expected a date, found {found}",
        "rules.not_a_time": "expected a date and time with its time zone, found {found}",
        "rules.goes_with": "missing: goes with {other}",
        "rules.approval_without_source": "an approval needs the approved source text (approved_source)",
        "rules.resolved_open_comment": "only a resolved comment records who resolved it",
        "rules.not_a_flag": "expected a reviewer's flag (by, at, reason), found {found}",
        "rules.not_a_waiver": "expected a waiver (check, code, key, reason, by, at), found {found}",
        "rules.waiver_no_reason": "a waiver needs a reason",
        "rules.waiver_twice": "the same finding is waived twice on this item (also at {other})",
        "rules.bad_waiver_name": "{found} is not a QA check, message code or finding key",
        "rules.control_character": "contains a control character ({found}); remove it",
        "rules.reply_unknown": "replies to {found}, which is not a comment of this item",
        "rules.reply_cycle": "replies in a circle: {found}",
        "rules.not_a_time_of_day": "expected a time of day in hours and minutes, found {found}",
        "rules.not_a_local_time": "expected a date and time like 2024-11-08 06:00 (no time zone), found {found}",
        "rules.too_many": "has {found} entries; at most {limit}",
        "rules.not_a_phone": "{found} is not a telephone number (digits, spaces, + ( ) - . /, an extension)",
        "rules.not_an_email": "{found} is not an e-mail address",
        "rules.embargo_before_meeting": "the embargo ({embargo}) is before the meeting's first day ({start})",
        "rules.report_before_meeting": "the report is dated {dated}, before the meeting's first day ({start})",
        "rules.embargo_no_zone": "the embargo names no clock (e.g. 한국시간 / KST)",
        "rules.unwritable_character": "contains {found}, which cannot be written here; remove it",
        "rules.property_too_long": "is longer than {limit} characters in both languages together (a document "
        "property holds at most {limit})",
        "rules.time_out_of_range": "{found} is outside the years {low} to {high} in UTC",
    }
)


def card_warnings(card: MeetingCard, path: str = "$.meeting") -> list[Problem]:
    """What is allowed but probably wrong on the card (an embargo or a report date before the meeting, an embargo
    without its clock): shown by the card editor and the command line, never a reason to refuse a save. Dates are
    compared by day: the meeting's place and the embargo's clock may be a day apart, so only a whole day counts."""
    found: list[Problem] = []
    start, embargo, dated = card.start_date, card.release.embargo, card.report.dated
    if isinstance(start, date) and isinstance(embargo, datetime) and embargo.date() < start:
        found.append(
            Problem(
                f"{path}.release.embargo",
                "rules.embargo_before_meeting",
                {"embargo": embargo.strftime("%Y-%m-%d %H:%M"), "start": start.isoformat()},
            )
        )
    if isinstance(embargo, datetime) and card.release.zone.is_empty():
        found.append(Problem(f"{path}.release.zone", "rules.embargo_no_zone"))
    if isinstance(start, date) and isinstance(dated, date) and dated < start:
        found.append(
            Problem(
                f"{path}.report.dated",
                "rules.report_before_meeting",
                {"dated": dated.isoformat(), "start": start.isoformat()},
            )
        )
    return found


def problems(briefing: Briefing) -> list[Problem]:
    """Everything wrong with a briefing, each with its path in the file; empty when it may be saved."""
    found = list(_briefing_problems(briefing))
    found += _id_problems(briefing)
    return found


def outside_items(briefing: Briefing) -> list[Problem]:
    """The rules of everything but the items (title, card, section titles, ids of the card and sections):
    what an edit of the card or a section title must keep, without walking every item of a long briefing."""
    found = list(_header(briefing))
    for s, section in enumerate(briefing.sections):
        found += _bilingual(section.title, f"$.sections[{s}].title")
    found += _id_problems(briefing, items=False)
    return found


def card_problems(card: MeetingCard, path: str = "$.meeting") -> list[Problem]:
    """The meeting card's own rules (for the card editor, as fields are typed)."""
    return list(_card(card, path))


def item_problems(item: Item, path: str = "$") -> list[Problem]:
    """One item's own rules (ids across the briefing are `problems`' business)."""
    return list(_item(item, path))


# -- the document --------------------------------------------------------------------------------


def _header(briefing: Briefing) -> Iterator[Problem]:
    yield from _bilingual(briefing.title, "$.title", UNWRITABLE)
    yield from _property(briefing.title, "$.title")
    yield from _enum(briefing.origin_language, Language, "$.origin_language")
    yield from _text(briefing.author, "$.author", PROPERTY_MAX, UNWRITABLE)
    for name in ("created", "modified"):
        yield from _time(getattr(briefing, name), f"$.{name}")
    card = list(_card(briefing.meeting, "$.meeting"))
    yield from card
    if not card:
        subject = " / ".join(meeting_name(briefing, language) for language in Language)
        if len(subject) > PROPERTY_MAX:
            yield Problem("$.meeting.series.name", "rules.property_too_long", {"limit": PROPERTY_MAX})


def _property(value: Bilingual, path: str) -> Iterator[Problem]:
    """A bilingual text a document property holds as "ko / en" (the bilingual layout's title)."""
    if (
        isinstance(value, Bilingual)
        and isinstance(value.ko, str)
        and isinstance(value.en, str)
        and len(" / ".join(part for part in (value.ko, value.en) if part)) > PROPERTY_MAX
    ):
        yield Problem(path, "rules.property_too_long", {"limit": PROPERTY_MAX})


def _briefing_problems(briefing: Briefing) -> Iterator[Problem]:
    yield from _header(briefing)
    for s, section in enumerate(briefing.sections):
        path = f"$.sections[{s}]"
        yield from _bilingual(section.title, f"{path}.title")
        for n, item in enumerate(section.items):
            yield from _item(item, f"{path}.items[{n}]")


def _card(card: MeetingCard, path: str) -> Iterator[Problem]:
    yield from _text(card.series.code, f"{path}.series.code", SERIES_CODE_MAX, UNWRITABLE)
    yield from _bilingual(card.series.name, f"{path}.series.name", UNWRITABLE)
    if card.session is not None and (
        not isinstance(card.session, int)
        or isinstance(card.session, bool)
        or not SESSION_MIN <= card.session <= SESSION_MAX
    ):
        yield Problem(
            f"{path}.session", "rules.out_of_range", {"found": card.session, "low": SESSION_MIN, "high": SESSION_MAX}
        )
    for name in ("start_date", "end_date"):
        value = getattr(card, name)
        if value is not None and (isinstance(value, datetime) or not hasattr(value, "isoformat")):
            yield Problem(f"{path}.{name}", "rules.not_a_date", {"found": repr(value)})
    start, end = card.start_date, card.end_date
    if start is not None and end is not None and end < start:
        yield Problem(
            f"{path}.end_date", "rules.end_before_start", {"start": start.isoformat(), "end": end.isoformat()}
        )
    for field_name in ("time_zone_note", "place", "marking"):
        yield from _bilingual(getattr(card, field_name), f"{path}.{field_name}")
    for n, organisation in enumerate(card.organisations):
        yield from _bilingual(organisation.name, f"{path}.organisations[{n}].name")
        yield from _bilingual(organisation.short_name, f"{path}.organisations[{n}].short_name")
    for d, delegation in enumerate(card.delegations):
        yield from _bilingual(delegation.name, f"{path}.delegations[{d}].name")
        for m, person in enumerate(delegation.members):
            yield from _person(person, f"{path}.delegations[{d}].members[{m}]")
    yield from _card_parts(card, path)


def _card_parts(card: MeetingCard, path: str) -> Iterator[Problem]:
    """The fields of the standard parts of the documents (format version 4)."""
    start_time = card.start_time
    if start_time is not None and (
        not isinstance(start_time, time) or start_time.tzinfo is not None or start_time.second or start_time.microsecond
    ):
        yield Problem(f"{path}.start_time", "rules.not_a_time_of_day", {"found": repr(start_time)[:60]})
    release = card.release
    embargo = release.embargo
    if embargo is not None and (
        not isinstance(embargo, datetime) or embargo.tzinfo is not None or embargo.second or embargo.microsecond
    ):
        yield Problem(f"{path}.release.embargo", "rules.not_a_local_time", {"found": repr(embargo)[:60]})
    for name in ("zone", "issuer"):
        yield from _line(getattr(release, name), f"{path}.release.{name}")
    yield from _count(card.contacts, CONTACTS_MAX, f"{path}.contacts")
    for n, contact in enumerate(card.contacts[:CONTACTS_MAX]):
        where = f"{path}.contacts[{n}]"
        yield from _line(contact.office, f"{where}.office")
        yield from _line(contact.name, f"{where}.name")
        yield from _pattern(contact.phone, PHONE_PATTERN, PHONE_MAX, f"{where}.phone", "rules.not_a_phone")
        yield from _pattern(contact.email, EMAIL_PATTERN, EMAIL_MAX, f"{where}.email", "rules.not_an_email")
    report = card.report
    if report.dated is not None and (isinstance(report.dated, datetime) or not isinstance(report.dated, date)):
        yield Problem(f"{path}.report.dated", "rules.not_a_date", {"found": repr(report.dated)[:60]})
    yield from _line(report.office, f"{path}.report.office")
    yield from _line(report.author, f"{path}.report.author")
    yield from _count(card.attachments, ATTACHMENTS_MAX, f"{path}.attachments")
    for n, attachment in enumerate(card.attachments[:ATTACHMENTS_MAX]):
        yield from _line(attachment.title, f"{path}.attachments[{n}].title")


def _count(elements: Sequence[object], limit: int, path: str) -> Iterator[Problem]:
    if len(elements) > limit:
        yield Problem(path, "rules.too_many", {"found": len(elements), "limit": limit})


def _line(value: Bilingual, path: str) -> Iterator[Problem]:
    """A bilingual single line of a document part: text, not too long, no control character."""
    found = list(_bilingual(value, path))
    yield from found
    if found:
        return
    for language in ("ko", "en"):
        text = getattr(value, language)
        if len(text) > PART_TEXT_MAX:
            yield Problem(f"{path}.{language}", "rules.too_long", {"limit": PART_TEXT_MAX})
        elif control := _LINE_CONTROL.search(text):
            yield Problem(f"{path}.{language}", "rules.control_character", {"found": f"U+{ord(control.group()):04X}"})


def _pattern(value: object, pattern: re.Pattern[str], limit: int, path: str, code: str) -> Iterator[Problem]:
    """A one-language field that is empty or has the shape of `pattern`."""
    found = list(_text(value, path, limit))
    yield from found
    if found or not value:
        return
    assert isinstance(value, str)
    if not pattern.fullmatch(value):
        yield Problem(path, code, {"found": repr(value)[:60]})


def _person(person: Person, path: str) -> Iterator[Problem]:
    for name in ("name", "title", "rank", "organisation"):
        yield from _bilingual(getattr(person, name), f"{path}.{name}")
    yield from _enum(person.role, Role, f"{path}.role")


_FIELDS_BY_TYPE = {
    "statement_kind": ItemType.STATEMENT,
    "note_mark": ItemType.NOTE,
    "owner": ItemType.ACTION,
    "due": ItemType.ACTION,
    "when": ItemType.SCHEDULE,
}


def _item(item: Item, path: str) -> Iterator[Problem]:
    problems = list(_enum(item.type, ItemType, f"{path}.type"))
    yield from problems
    yield from _enum(item.source, Language, f"{path}.source")
    yield from _enum(item.status, TargetStatus, f"{path}.status")
    yield from _bilingual(item.text, f"{path}.text")
    if item.basis is not None and (not isinstance(item.basis, str) or not BASIS_PATTERN.fullmatch(item.basis)):
        yield Problem(f"{path}.basis", "rules.bad_basis", {"found": repr(item.basis)})
    if item.approved_source is not None:
        yield from _text(item.approved_source, f"{path}.approved_source")
    if item.suggestion is not None:
        yield from _text(item.suggestion, f"{path}.suggestion")
    yield from _approval(item, path)
    if item.flag is not None:
        yield from _flag(item.flag, f"{path}.flag")
    yield from _waivers(item.waivers, f"{path}.waivers")
    if problems:
        return  # the fields that depend on the type cannot be judged
    for name, owner_type in _FIELDS_BY_TYPE.items():
        if getattr(item, name) is not None and item.type is not owner_type:
            yield Problem(f"{path}.{name}", "rules.not_for_type", {"type": item.type.value})
    if item.statement_kind is not None:
        yield from _enum(item.statement_kind, StatementKind, f"{path}.statement_kind")
    if item.note_mark is not None:
        yield from _enum(item.note_mark, NoteMark, f"{path}.note_mark")
    if item.owner is not None:
        yield from _bilingual(item.owner, f"{path}.owner")
    for name in ("due", "when"):
        value = getattr(item, name)
        if value is not None and not isinstance(value, PartialDate):
            yield Problem(f"{path}.{name}", "rules.not_a_date", {"found": repr(value)})
        elif value is not None:
            try:
                PartialDate.parse(value.isoformat())  # what reading it back will do
            except DateError as error:
                yield Problem(f"{path}.{name}", error.code, error.params)
    if item.type is ItemType.SCHEDULE and item.when is None:
        yield Problem(f"{path}.when", "rules.schedule_needs_date")
    for n, comment in enumerate(item.comments):
        yield from _comment(comment, f"{path}.comments[{n}]")
    yield from _replies(item.comments, f"{path}.comments")


def _approval(item: Item, path: str) -> Iterator[Problem]:
    """Who approved and when are recorded together, and only for an approval (`approved_source`) there is."""
    yield from _who_and_when(item.approved_by, item.approved_at, f"{path}.approved_by", f"{path}.approved_at")
    if item.approved_source is None and (item.approved_by is not None or item.approved_at is not None):
        yield Problem(f"{path}.approved_source", "rules.approval_without_source")


def _flag(flag: ReviewFlag, path: str) -> Iterator[Problem]:
    if not isinstance(flag, ReviewFlag):
        yield Problem(path, "rules.not_a_flag", {"found": repr(flag)})
        return
    yield from _text(flag.by, f"{path}.by")
    yield from _time(flag.at, f"{path}.at")
    yield from _text(flag.reason, f"{path}.reason")


def _waivers(waivers: object, path: str) -> Iterator[Problem]:
    if not isinstance(waivers, list):
        yield Problem(path, "rules.not_a_waiver", {"found": repr(waivers)[:60]})
        return
    seen: dict[tuple[str, str, str], int] = {}
    for n, waiver in enumerate(waivers):
        found = list(_waiver(waiver, f"{path}[{n}]"))
        yield from found
        if found:
            continue
        name = (waiver.check, waiver.code, waiver.key)
        if name in seen:
            yield Problem(f"{path}[{n}]", "rules.waiver_twice", {"other": f"{path}[{seen[name]}]"})
        else:
            seen[name] = n


def _waiver(waiver: object, path: str) -> Iterator[Problem]:
    """One waiver: a well-formed name of its finding, a reason of reasonable length, who and when."""
    if not isinstance(waiver, Waiver):
        yield Problem(path, "rules.not_a_waiver", {"found": repr(waiver)[:60]})
        return
    for name, pattern, limit in (
        ("check", WAIVER_CHECK_PATTERN, WAIVER_CODE_MAX),
        ("code", WAIVER_CODE_PATTERN, WAIVER_CODE_MAX),
        ("key", WAIVER_KEY_PATTERN, WAIVER_CODE_MAX),
    ):
        value = getattr(waiver, name)
        if not isinstance(value, str) or len(value) > limit or not pattern.fullmatch(value):
            yield Problem(f"{path}.{name}", "rules.bad_waiver_name", {"found": repr(value)[:60]})
    for name, limit in (("reason", WAIVER_REASON_MAX), ("by", WAIVER_BY_MAX)):
        value = getattr(waiver, name)
        found = list(_text(value, f"{path}.{name}", limit, characters=None))
        yield from found
        if found or not isinstance(value, str):
            continue
        control = _CONTROL.search(value) or UNWRITABLE.search(value)
        if control is not None:
            yield Problem(f"{path}.{name}", "rules.control_character", {"found": f"U+{ord(control.group()):04X}"})
        elif name == "reason" and not value.strip():
            yield Problem(f"{path}.reason", "rules.waiver_no_reason")
    yield from _time(waiver.at, f"{path}.at")


def _comment(comment: Comment, path: str) -> Iterator[Problem]:
    yield from _text(comment.author, f"{path}.author")
    if isinstance(comment.created, datetime) and not moment_in_range(comment.created):
        low, high = MOMENT_YEARS
        found = comment.created.isoformat()
        yield Problem(f"{path}.created", "rules.time_out_of_range", {"found": found, "low": low, "high": high})
    yield from _text(comment.text, f"{path}.text")
    yield from _who_and_when(comment.resolved_by, comment.resolved_at, f"{path}.resolved_by", f"{path}.resolved_at")
    if not comment.resolved and (comment.resolved_by is not None or comment.resolved_at is not None):
        yield Problem(f"{path}.resolved_by", "rules.resolved_open_comment")


def _replies(comments: list[Comment], path: str) -> Iterator[Problem]:
    """Every reply answers a comment of the same item, and following replies upwards always ends at a comment
    that starts a thread (no comment answers itself, directly or round a circle). Linear in the comments."""
    parent = {c.id: c.reply_to for c in comments if isinstance(c, Comment) and isinstance(c.id, str)}
    rooted: set[str] = set()  # comments known to lead up to a thread's first comment
    for n, comment in enumerate(comments):
        if not isinstance(comment, Comment) or comment.reply_to is None:
            continue
        where = f"{path}[{n}].reply_to"
        if not isinstance(comment.reply_to, str):
            yield Problem(where, "rules.not_text", {"found": repr(comment.reply_to)[:60]})
            continue
        if comment.reply_to not in parent:
            yield Problem(where, "rules.reply_unknown", {"found": repr(comment.reply_to)[:60]})
            continue
        chain = [comment.id]
        on_chain = {comment.id}
        step: str | None = comment.reply_to
        while step is not None and step not in rooted and step not in on_chain and step in parent:
            chain.append(step)
            on_chain.add(step)
            step = parent[step]
        if step is not None and step in on_chain:
            yield Problem(where, "rules.reply_cycle", {"found": " → ".join([*chain, step])[:200]})
        else:
            rooted.update(chain)  # a missing parent up the chain is reported at its own comment


def _who_and_when(who: object, when: object, who_path: str, when_path: str) -> Iterator[Problem]:
    """A person and a time that are both recorded or both not (a name without a time tells half a fact)."""
    if who is not None:
        yield from _text(who, who_path)
    if when is not None:
        yield from _time(when, when_path)
    if (who is None) != (when is None):
        yield (
            Problem(when_path, "rules.goes_with", {"other": who_path.rsplit(".", 1)[-1]})
            if when is None
            else Problem(who_path, "rules.goes_with", {"other": when_path.rsplit(".", 1)[-1]})
        )


# -- ids -----------------------------------------------------------------------------------------


def _id_problems(briefing: Briefing, items: bool = True) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for ident, path in _ids(briefing, items):
        if not isinstance(ident, str) or len(ident) > ID_MAX or not ID_PATTERN.fullmatch(ident):
            yield Problem(path, "rules.bad_id", {"found": repr(ident), "limit": ID_MAX})
        elif ident in seen:
            yield Problem(path, "rules.id_reused", {"found": ident, "other": seen[ident]})
        else:
            seen[ident] = path


def _ids(briefing: Briefing, items: bool = True) -> Iterator[tuple[str, str]]:
    """Every id with its path, in file order (the first use of an id is the one that counts)."""
    card = briefing.meeting
    for n, organisation in enumerate(card.organisations):
        yield organisation.id, f"$.meeting.organisations[{n}].id"
    for d, delegation in enumerate(card.delegations):
        yield delegation.id, f"$.meeting.delegations[{d}].id"
        for m, person in enumerate(delegation.members):
            yield person.id, f"$.meeting.delegations[{d}].members[{m}].id"
    for n, contact in enumerate(card.contacts):
        yield contact.id, f"$.meeting.contacts[{n}].id"
    for n, attachment in enumerate(card.attachments):
        yield attachment.id, f"$.meeting.attachments[{n}].id"
    for s, section in enumerate(briefing.sections):
        yield section.id, f"$.sections[{s}].id"
        for n, item in enumerate(section.items if items else ()):
            yield item.id, f"$.sections[{s}].items[{n}].id"
            for c, comment in enumerate(item.comments):
                yield comment.id, f"$.sections[{s}].items[{n}].comments[{c}].id"


# -- values --------------------------------------------------------------------------------------


def _enum(value: object, kind: type[StrEnum], path: str) -> Iterator[Problem]:
    """A field that must hold a member of `kind` (a plain string that merely looks like one is not)."""
    if not isinstance(value, kind):
        choices = ", ".join(member.value for member in kind)
        yield Problem(path, "rules.bad_value", {"found": repr(value), "choices": choices})


def _text(
    value: object, path: str, limit: int | None = None, characters: re.Pattern[str] | None = UNENCODABLE
) -> Iterator[Problem]:
    if not isinstance(value, str):
        yield Problem(path, "rules.not_text", {"found": repr(value)})
        return
    if limit is not None and len(value) > limit:
        yield Problem(path, "rules.too_long", {"limit": limit})
    unwritable = characters.search(value) if characters is not None else None
    if unwritable is not None:
        yield Problem(path, "rules.unwritable_character", {"found": f"U+{ord(unwritable.group()):04X}"})


def _time(value: object, path: str) -> Iterator[Problem]:
    """A moment: an aware datetime (the file writes it with its offset; a naive one would not load again)."""
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        yield Problem(path, "rules.not_a_time", {"found": repr(value)})
    elif not moment_in_range(value):
        low, high = MOMENT_YEARS
        yield Problem(path, "rules.time_out_of_range", {"found": value.isoformat(), "low": low, "high": high})


def _bilingual(value: Bilingual, path: str, characters: re.Pattern[str] = UNENCODABLE) -> Iterator[Problem]:
    if not isinstance(value, Bilingual):
        yield Problem(path, "rules.not_text", {"found": repr(value)})
        return
    yield from _text(value.ko, f"{path}.ko", characters=characters)
    yield from _text(value.en, f"{path}.en", characters=characters)

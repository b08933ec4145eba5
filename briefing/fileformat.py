"""The `.briefing` file format: UTF-8 JSON with a format name, an integer version and a fixed key order.

`dumps`/`loads` convert between a `Briefing` and text. Loading collects every problem, each with
its JSON path, into one `BriefingFormatError`; it never lets a traceback reach the user. Files from
older versions are migrated one version at a time (`MIGRATIONS`); files from newer versions are
refused. See docs/file-format.md.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from briefing.language.dates import DateError, PartialDate
from briefing.messages import BriefingError, Message, english, register
from briefing.model import (
    CARD_TITLES,
    Attachment,
    Bilingual,
    Briefing,
    Comment,
    Contact,
    Delegation,
    Item,
    ItemType,
    Language,
    MeetingCard,
    NoteMark,
    Organisation,
    Person,
    Release,
    Report,
    ReviewFlag,
    Role,
    Section,
    Series,
    StatementKind,
    TargetStatus,
    TitleState,
    Waiver,
    fingerprint,
)
from briefing.rules import MOMENT_YEARS, moment_in_range
from briefing.rules import problems as rule_problems
from briefing.schema import Problem, checker, child_path, describe

FORMAT_NAME = "briefing-studio/briefing"
CURRENT_VERSION = 5
FILE_SUFFIX = ".briefing"
MAX_PROBLEMS_SHOWN = 30

Json = dict[str, Any]
Migration = Callable[[Json], Json]


def migrate_1_to_2(data: Json) -> Json:
    """Version 1 → 2: review facts kept apart from the status (see docs/file-format.md, "Version 1").

    Takes a document valid against the version-1 schema and returns a new one (the input is not changed):
    every item gains `approved_by`/`approved_at` (null: version 1 never recorded who approved) and a `flag`,
    every comment `resolved_by`/`resolved_at` (null). In version 1 `needs_review` meant either "the source
    changed" or "a reviewer flagged it"; an item whose source still matches its `basis` cannot have had its
    source changed, so it was flagged: it gets a flag by "" (not recorded) at the file's `modified` time
    (the latest moment the flag can have been raised) with no reason, and the status it had before the
    flag as far as the file tells: `approved` when the source is the approved one, `edited` otherwise.
    """
    result = copy.deepcopy(data)
    modified = result["modified"]
    for section in result["sections"]:
        for item in section["items"]:
            source_text = item["text"][item["source"]]
            flag = None
            if item["status"] == "needs_review" and item["basis"] == fingerprint(source_text):
                flag = {"by": "", "at": modified, "reason": ""}
                item["status"] = "approved" if item["approved_source"] == source_text else "edited"
            migrated: Json = {}
            for key, value in item.items():
                migrated[key] = value
                if key == "approved_source":
                    migrated |= {"approved_by": None, "approved_at": None, "flag": flag}
            item.clear()
            item.update(migrated)
            for comment in item["comments"]:
                comment |= {"resolved_by": None, "resolved_at": None}
    return result


def migrate_2_to_3(data: Json) -> Json:
    """Version 2 → 3: every item gains `waivers`, the QA findings a reviewer accepted (an empty list: version 2
    had no waivers), and `suggestion`, the machine or memory text last put in (null: version 2 did not keep it);
    every comment gains `reply_to` (null: version 2 had no threads). Takes a version-2 document and returns a
    new one; the input is not changed."""
    result = copy.deepcopy(data)
    for section in result["sections"]:
        for item in section["items"]:
            item["waivers"] = []
            item["suggestion"] = None
            for comment in item["comments"]:
                comment["reply_to"] = None
    return result


def _card_parts_v3_to_v4(data: Json) -> Json:
    """Version 3 → 4, the meeting card's fields for the standard parts of each document: `start_time` (null),
    `release` (no embargo: released at once; no zone, no issuer), `contacts` ([]), `report` (no date, office or
    author) and `attachments` ([]). Version 3 had none of them, so nothing is guessed. Takes a version-3 document
    and returns a new one; the input is not changed."""
    result = copy.deepcopy(data)
    empty = {"ko": "", "en": ""}
    result["meeting"] |= {
        "start_time": None,
        "release": {"embargo": None, "zone": dict(empty), "issuer": dict(empty)},
        "contacts": [],
        "report": {"dated": None, "office": dict(empty), "author": dict(empty)},
        "attachments": [],
    }
    return result


def migrate_3_to_4(data: Json) -> Json:
    """Version 3 → 4 (see each step's own function; a merge of other version-4 changes adds its step here)."""
    return _card_parts_v3_to_v4(data)


def _title_states_v4_to_v5(data: Json) -> Json:
    """Version 4 → 5: the translated titles (the title, the series name, the time-zone note, the place, the marking
    and every section title) gain `status` and `source`, as items have them. Version 4 kept no status, so the
    text decides: a title written in both languages was a person's work and becomes `edited` with the briefing's
    origin language as its source (not `approved`: nobody approved it); a title written in one language only is
    `empty` (its translation is missing) with that language as its source; an empty title is `empty` with no
    source. Takes a version-4 document and returns a new one; the input is not changed."""
    result = copy.deepcopy(data)
    origin = result["origin_language"]

    def tracked(title: Json) -> None:
        written = [language for language in ("ko", "en") if title[language].strip()]
        if len(written) == 2:
            title |= {"status": "edited", "source": origin}
        else:
            title |= {"status": "empty", "source": written[0] if written else None}

    meeting = result["meeting"]
    for title in (result["title"], meeting["series"]["name"], meeting["time_zone_note"], meeting["place"]):
        tracked(title)
    tracked(meeting["marking"])
    for section in result["sections"]:
        tracked(section["title"])
    return result


def migrate_4_to_5(data: Json) -> Json:
    """Version 4 → 5 (see each step's own function; a merge of other version-5 changes adds its step here)."""
    return _title_states_v4_to_v5(data)


# MIGRATIONS[n] turns a version-n document, valid against the version-n schema, into a version-(n+1)
# document. Each is a pure function of the JSON data, tested on its own.
MIGRATIONS: dict[int, Migration] = {1: migrate_1_to_2, 2: migrate_2_to_3, 3: migrate_3_to_4, 4: migrate_4_to_5}

register(
    {
        "file.bad_version": "expected a whole number from 1, found {found}",
        "file.not_a_date": "{found} is not a real date ({reason})",
        "file.not_a_datetime": "{found} is not a real date and time",
        "file.not_a_time": "{found} is not a real time of day",
        "file.not_utf8": "not UTF-8 text (invalid byte at offset {offset}); is this a .briefing file?",
        "file.empty": "the file is empty",
        "file.not_json": "not valid JSON at line {line}, column {column}: {reason}",
        "file.truncated": "not valid JSON at line {line}, column {column}: the file ends too early (truncated?)",
        "file.too_deep": "not a .briefing file: JSON nested too deeply",
        "file.top_level": "not a .briefing file: the top level is {found}",
        "file.wrong_format": "not a .briefing file: expected format '{wanted}', found format {found}",
        "file.no_format": "not a .briefing file: expected format '{wanted}', found no format name",
        "file.no_version": "the file has no valid format version",
        "file.too_new": "the file uses format version {version}, but this Briefing Studio reads versions up to "
        "{current}; open it with a newer Briefing Studio",
        "file.no_migration": "format version {version} is not supported (no migration to {next})",
        "file.invalid": "the file is not a valid briefing ({count} problems)",
        "file.invalid_one": "the file is not a valid briefing (1 problem)",
        "file.more_problems": "… and {count} more problems",
        "file.duplicate_key": "this field is given twice (a reader would silently keep only the last)",
        "file.time_out_of_range": "{found} is outside the years {low} to {high} in UTC",
    }
)


class BriefingFormatError(BriefingError, ValueError):
    """A document that cannot be read, with every problem found and where it is: a coded summary (`code`,
    `params`) and the `problems`, each a coded `Problem`, so that the window can word every line."""

    def __init__(self, code: str, problems: list[Problem] | None = None, source: str = "", **params: Any) -> None:
        self.problems = problems or []
        self.source = source
        super().__init__(code, **params)
        self.args = (self.full_text(),)

    @property
    def summary(self) -> str:
        return english(self.code, self.params)

    def full_text(self) -> str:
        where = f"{self.source}: " if self.source else ""
        lines = [f"{where}{self.summary}"]
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        lines += [f"  {problem}" for problem in shown]
        if len(self.problems) > len(shown):
            lines.append("  " + english("file.more_problems", {"count": len(self.problems) - len(shown)}))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.full_text()  # `source` may be set after construction (see from_json)


# -- writing -------------------------------------------------------------------------------------


def dumps(briefing: Briefing) -> str:
    """The file text: pretty-printed, keys in a fixed order, a final newline."""
    return _text(to_json(briefing))


def _text(data: Json) -> str:
    """Exactly `json.dumps(data, ensure_ascii=False, indent=2)` and a final newline, about three times faster
    (the standard library's indenting encoder is pure Python generators; a 20,000-item file took 3 s)."""
    parts: list[str] = []
    _pretty(data, "\n", parts)
    parts.append("\n")
    return "".join(parts)


_encode_string: Callable[[str], str] = json.encoder.encode_basestring


_SCALARS: dict[Any, str] = {None: "null", True: "true", False: "false"}


def _pretty(value: Any, newline: str, parts: list[str]) -> None:
    """Appends `value` as JSON indented by two spaces per level; `newline` is a line break and the current
    indentation."""
    if isinstance(value, str):
        parts.append(_encode_string(value))
    elif value is None or value is True or value is False:
        parts.append(_SCALARS[value])
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, element in value.items():
            parts.append(separator)
            parts.append(_encode_string(key))
            if isinstance(element, str):  # most values: written here rather than in a call
                parts.append(": " + _encode_string(element))
            elif element is None:
                parts.append(": null")
            else:
                parts.append(": ")
                _pretty(element, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, list):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for element in value:
            parts.append(separator)
            _pretty(element, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    else:  # numbers, true, false, null: as the standard library writes them
        parts.append(json.dumps(value))


def dumps_checked(briefing: Briefing) -> str:
    """The file text, after the checks opening it would make (the schema on exactly the data written, and
    the briefing's rules); BriefingFormatError with every problem when the file would not open again."""
    data = to_json(briefing)
    problems = checker(CURRENT_VERSION).problems(data) or rule_problems(briefing)
    if len(problems) == 1:
        raise BriefingFormatError("file.invalid_one", problems)
    if problems:
        raise BriefingFormatError("file.invalid", problems, count=len(problems))
    return _text(data)


def to_json(briefing: Briefing) -> Json:
    return {
        "format": FORMAT_NAME,
        "version": CURRENT_VERSION,
        "title": _title(briefing.title, briefing.title_state(("title",))),
        "origin_language": briefing.origin_language.value,
        "author": briefing.author,
        "created": _datetime(briefing.created),
        "modified": _datetime(briefing.modified),
        "meeting": _meeting(briefing.meeting, briefing),
        "sections": [
            {"id": s.id, "title": _title(s.title, s.title_state), "items": [_item(i) for i in s.items]}
            for s in briefing.sections
        ],
    }


def _title(text: Bilingual, state: TitleState) -> Json:
    source = None if state.source is None else state.source.value
    return {"ko": text.ko, "en": text.en, "status": state.status.value, "source": source}


def _bilingual(text: Bilingual) -> Json:
    return {"ko": text.ko, "en": text.en}


def _datetime(value: datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _optional_datetime(value: datetime | None) -> str | None:
    return None if value is None else _datetime(value)


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _meeting(card: MeetingCard, briefing: Briefing) -> Json:
    def title(*path: str) -> Json:
        state = briefing.title_state(("meeting", *path))
        return _title(getattr(card, path[0]) if len(path) == 1 else card.series.name, state)

    return {
        "series": {"code": card.series.code, "name": title("series", "name")},
        "session": card.session,
        "start_date": _date(card.start_date),
        "end_date": _date(card.end_date),
        "time_zone_note": title("time_zone_note"),
        "place": title("place"),
        "organisations": [
            {"id": o.id, "name": _bilingual(o.name), "short_name": _bilingual(o.short_name)} for o in card.organisations
        ],
        "delegations": [
            {"id": d.id, "name": _bilingual(d.name), "members": [_person(p) for p in d.members]}
            for d in card.delegations
        ],
        "marking": title("marking"),
        "start_time": card.start_time.strftime("%H:%M") if card.start_time is not None else None,
        "release": {
            "embargo": card.release.embargo.strftime("%Y-%m-%dT%H:%M") if card.release.embargo is not None else None,
            "zone": _bilingual(card.release.zone),
            "issuer": _bilingual(card.release.issuer),
        },
        "contacts": [
            {"id": c.id, "office": _bilingual(c.office), "name": _bilingual(c.name), "phone": c.phone, "email": c.email}
            for c in card.contacts
        ],
        "report": {
            "dated": _date(card.report.dated),
            "office": _bilingual(card.report.office),
            "author": _bilingual(card.report.author),
        },
        "attachments": [{"id": a.id, "title": _bilingual(a.title)} for a in card.attachments],
    }


def _person(person: Person) -> Json:
    return {
        "id": person.id,
        "name": _bilingual(person.name),
        "title": _bilingual(person.title),
        "rank": _bilingual(person.rank),
        "organisation": _bilingual(person.organisation),
        "role": person.role.value,
    }


def _item(item: Item) -> Json:
    data: Json = {"id": item.id, "type": item.type.value}
    if item.statement_kind is not None:
        data["statement_kind"] = item.statement_kind.value
    if item.note_mark is not None:
        data["note_mark"] = item.note_mark.value
    if item.owner is not None:
        data["owner"] = _bilingual(item.owner)
    if item.due is not None:
        data["due"] = item.due.isoformat()
    if item.when is not None:
        data["when"] = item.when.isoformat()
    data |= {
        "source": item.source.value,
        "status": item.status.value,
        "basis": item.basis,
        "approved_source": item.approved_source,
        "approved_by": item.approved_by,
        "approved_at": _optional_datetime(item.approved_at),
        "flag": _flag(item.flag),
        "text": _bilingual(item.text),
        "comments": [
            {
                "id": c.id,
                "author": c.author,
                "created": _datetime(c.created),
                "text": c.text,
                "resolved": c.resolved,
                "resolved_by": c.resolved_by,
                "resolved_at": _optional_datetime(c.resolved_at),
                "reply_to": c.reply_to,
            }
            for c in item.comments
        ],
        "waivers": [_waiver(w) for w in item.waivers],
        "suggestion": item.suggestion,
    }
    return data


def _waiver(waiver: Waiver) -> Json:
    at = waiver.at.astimezone(UTC) if waiver.at.tzinfo is not None else waiver.at  # a naive time: the rules say so
    return {
        "check": waiver.check,
        "code": waiver.code,
        "key": waiver.key,
        "reason": waiver.reason,
        "by": waiver.by,
        "at": _datetime(at),
    }


def _flag(flag: ReviewFlag | None) -> Json | None:
    if flag is None:
        return None
    return {"by": flag.by, "at": _datetime(flag.at), "reason": flag.reason}


# -- reading -------------------------------------------------------------------------------------


def loads(text: str | bytes, source: str = "") -> Briefing:
    """Parse file text into a Briefing, or raise BriefingFormatError describing every problem."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BriefingFormatError("file.not_utf8", source=source, offset=error.start) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise BriefingFormatError("file.empty", source=source)
    duplicates = _DuplicateKeys()
    try:
        data = json.loads(text, object_pairs_hook=duplicates.hook)
    except json.JSONDecodeError as error:
        # An unterminated string can only end at the end of the text: that too is a cut-off file.
        ending = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        code = "file.truncated" if ending else "file.not_json"
        raise BriefingFormatError(
            code, source=source, line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    except RecursionError:
        raise BriefingFormatError("file.too_deep", source=source) from None
    if duplicates.found:
        problems = duplicates.problems(data)
        if len(problems) == 1:
            raise BriefingFormatError("file.invalid_one", problems, source)
        raise BriefingFormatError("file.invalid", problems, source, count=len(problems))
    return from_json(data, source=source)


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    repeated: list[str]


class _DuplicateKeys:
    """json.loads' object hook: objects as dicts, noting any key given twice (JSON leaves it to the reader;
    Python's would keep the last silently, and the file would not say what the program read)."""

    def __init__(self) -> None:
        self.found = False

    def hook(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)  # a plain dict, as the checks expect most (a subclass takes their slower path)
        if len(made) == len(pairs):
            return made
        self.found = True
        repeated = _Object(pairs)
        seen: set[str] = set()
        repeated.repeated = [key for key, _value in pairs if key in seen or seen.add(key)]  # type: ignore[func-returns-value]
        return repeated

    def problems(self, data: Any) -> list[Problem]:
        """Every repeated key with its JSON path, in file order (walked without recursion)."""
        found: list[Problem] = []
        stack: list[tuple[Any, str]] = [(data, "$")]
        while stack:
            value, path = stack.pop()
            if isinstance(value, dict):
                repeated = getattr(value, "repeated", ())
                found += [Problem(child_path(path, key), "file.duplicate_key") for key in repeated]
                stack += [(child, child_path(path, key)) for key, child in reversed(value.items())]
            elif isinstance(value, list):
                stack += [(child, child_path(path, n)) for n, child in reversed(list(enumerate(value)))]
        return found


def check_header(data: Any, source: str = "") -> int:
    """The file's version, after checking that this is a briefing file this program can read."""
    if not isinstance(data, dict):
        raise BriefingFormatError("file.top_level", source=source, found=_kind(data))
    if data.get("format") != FORMAT_NAME:
        if "format" not in data:
            raise BriefingFormatError("file.no_format", source=source, wanted=FORMAT_NAME)
        raise BriefingFormatError("file.wrong_format", source=source, wanted=FORMAT_NAME, found=repr(data["format"]))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BriefingFormatError(
            "file.no_version",
            [Problem("$.version", "file.bad_version", {"found": _kind(version)})],
            source,
        )
    if version > CURRENT_VERSION:
        raise BriefingFormatError("file.too_new", source=source, version=version, current=CURRENT_VERSION)
    return version


def migrate(
    data: Json, version: int, migrations: Mapping[int, Migration] | None = None, target: int = CURRENT_VERSION
) -> Json:
    """Bring a version-`version` document up to `target`, one version at a time."""
    steps = MIGRATIONS if migrations is None else migrations
    while version < target:
        if version not in steps:
            raise BriefingFormatError("file.no_migration", version=version, next=version + 1)
        data = steps[version](data)
        version += 1
        data["version"] = version
    return data


def from_json(data: Any, source: str = "", migrations: Mapping[int, Migration] | None = None) -> Briefing:
    """A Briefing from parsed JSON of any version this program reads. An older file is checked against its
    own version's schema first (so problems are reported as that file has them, and each migration may
    trust its input), then migrated, then read like a current file."""
    version = check_header(data, source)
    problems = checker(version).problems(data)
    if not problems and version < CURRENT_VERSION:
        try:
            data = migrate(dict(data), version, migrations)
        except BriefingFormatError as error:
            raise BriefingFormatError(error.code, error.problems, source, **error.params) from None
        problems = checker(CURRENT_VERSION).problems(data)
    if not problems:
        reader = _Reader()
        briefing = reader.briefing(data)
        problems = reader.problems or rule_problems(briefing)
    if problems:
        if len(problems) == 1:
            raise BriefingFormatError("file.invalid_one", problems, source)
        raise BriefingFormatError("file.invalid", problems, source, count=len(problems))
    for item in briefing.items():
        item.reconcile()
    for title in briefing.titles():
        title.state.reconcile(title.text, briefing.origin_language)
    return briefing


def _kind(value: Any) -> str | Message:
    if isinstance(value, dict | list):
        return describe(value)
    return json.dumps(value, ensure_ascii=False)[:60]


class _Reader:
    """Builds domain objects from schema-valid data, collecting what the schema cannot say."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def _date(self, value: str | None, path: str) -> date | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            self.problems.append(Problem(path, "file.not_a_date", {"found": describe(value), "reason": str(error)}))
            return None

    def _time(self, value: str | None, path: str) -> time | None:
        if value is None:
            return None
        try:
            return time.fromisoformat(value)
        except ValueError:
            self.problems.append(Problem(path, "file.not_a_time", {"found": describe(value)}))
            return None

    def _local_datetime(self, value: str | None, path: str) -> datetime | None:
        """A wall-clock date and time (the schema allows no offset)."""
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            self.problems.append(Problem(path, "file.not_a_datetime", {"found": describe(value)}))
            return None

    def _partial(self, value: str | None, path: str) -> PartialDate | None:
        if value is None:
            return None
        try:
            return PartialDate.parse(value)
        except DateError as error:
            self.problems.append(Problem(path, error.code, error.params))
            return None

    def _datetime(self, value: str, path: str) -> datetime:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.problems.append(Problem(path, "file.not_a_datetime", {"found": describe(value)}))
            return datetime(1970, 1, 1)
        if not moment_in_range(moment):  # the documents' properties hold years 1000-9999 in UTC
            low, high = MOMENT_YEARS
            params = {"found": describe(value), "low": low, "high": high}
            self.problems.append(Problem(path, "file.time_out_of_range", params))
            return datetime(1970, 1, 1)
        return moment

    def _optional_datetime(self, value: str | None, path: str) -> datetime | None:
        return None if value is None else self._datetime(value, path)

    def _flag(self, data: Json | None, path: str) -> ReviewFlag | None:
        if data is None:
            return None
        return ReviewFlag(by=data["by"], at=self._datetime(data["at"], f"{path}.at"), reason=data["reason"])

    def briefing(self, data: Json) -> Briefing:
        meeting = data["meeting"]
        titled = {
            ("title",): data["title"],
            ("meeting", "series", "name"): meeting["series"]["name"],
            ("meeting", "time_zone_note"): meeting["time_zone_note"],
            ("meeting", "place"): meeting["place"],
            ("meeting", "marking"): meeting["marking"],
        }
        return Briefing(
            title=_bi(data["title"]),
            meeting=self.meeting(meeting),
            sections=[self.section(s, f"$.sections[{n}]") for n, s in enumerate(data["sections"])],
            origin_language=Language(data["origin_language"]),
            author=data["author"],
            created=self._datetime(data["created"], "$.created"),
            modified=self._datetime(data["modified"], "$.modified"),
            title_states={".".join(path): _title_state(titled[path]) for path in CARD_TITLES},
        )

    def meeting(self, data: Json) -> MeetingCard:
        path = "$.meeting"
        card = MeetingCard(
            series=Series(code=data["series"]["code"], name=_bi(data["series"]["name"])),
            session=data["session"],
            start_date=self._date(data["start_date"], f"{path}.start_date"),
            end_date=self._date(data["end_date"], f"{path}.end_date"),
            time_zone_note=_bi(data["time_zone_note"]),
            place=_bi(data["place"]),
            organisations=[
                Organisation(
                    id=o["id"],
                    name=_bi(o["name"]),
                    short_name=_bi(o["short_name"]),
                )
                for n, o in enumerate(data["organisations"])
            ],
            delegations=[self.delegation(d, f"{path}.delegations[{n}]") for n, d in enumerate(data["delegations"])],
            marking=_bi(data["marking"]),
            start_time=self._time(data["start_time"], f"{path}.start_time"),
            release=Release(
                embargo=self._local_datetime(data["release"]["embargo"], f"{path}.release.embargo"),
                zone=_bi(data["release"]["zone"]),
                issuer=_bi(data["release"]["issuer"]),
            ),
            contacts=[
                Contact(id=c["id"], office=_bi(c["office"]), name=_bi(c["name"]), phone=c["phone"], email=c["email"])
                for c in data["contacts"]
            ],
            report=Report(
                dated=self._date(data["report"]["dated"], f"{path}.report.dated"),
                office=_bi(data["report"]["office"]),
                author=_bi(data["report"]["author"]),
            ),
            attachments=[Attachment(id=a["id"], title=_bi(a["title"])) for a in data["attachments"]],
        )
        return card

    def delegation(self, data: Json, path: str) -> Delegation:
        return Delegation(
            id=data["id"],
            name=_bi(data["name"]),
            members=[
                Person(
                    id=p["id"],
                    name=_bi(p["name"]),
                    title=_bi(p["title"]),
                    rank=_bi(p["rank"]),
                    organisation=_bi(p["organisation"]),
                    role=Role(p["role"]),
                )
                for n, p in enumerate(data["members"])
            ],
        )

    def section(self, data: Json, path: str) -> Section:
        return Section(
            id=data["id"],
            title=_bi(data["title"]),
            title_state=_title_state(data["title"]),
            items=[self.item(i, f"{path}.items[{n}]") for n, i in enumerate(data["items"])],
        )

    def item(self, data: Json, path: str) -> Item:
        kind = ItemType(data["type"])
        return Item(
            id=data["id"],
            type=kind,
            text=_bi(data["text"]),
            source=Language(data["source"]),
            status=TargetStatus(data["status"]),
            basis=data["basis"],
            approved_source=data["approved_source"],
            approved_by=data["approved_by"],
            approved_at=self._optional_datetime(data["approved_at"], f"{path}.approved_at"),
            flag=self._flag(data["flag"], f"{path}.flag"),
            statement_kind=StatementKind(data["statement_kind"]) if "statement_kind" in data else None,
            note_mark=NoteMark(data["note_mark"]) if "note_mark" in data else None,
            owner=_bi(data["owner"]) if "owner" in data else None,
            due=self._partial(data.get("due"), f"{path}.due"),
            when=self._partial(data.get("when"), f"{path}.when"),
            comments=[
                Comment(
                    id=c["id"],
                    author=c["author"],
                    created=self._datetime(c["created"], f"{path}.comments[{n}].created"),
                    text=c["text"],
                    resolved=c["resolved"],
                    resolved_by=c["resolved_by"],
                    resolved_at=self._optional_datetime(c["resolved_at"], f"{path}.comments[{n}].resolved_at"),
                    reply_to=c.get("reply_to"),  # absent in files written before threads: a comment of its own
                )
                for n, c in enumerate(data["comments"])
            ],
            waivers=[self._waiver(w, f"{path}.waivers[{n}]") for n, w in enumerate(data["waivers"])],
            suggestion=data.get("suggestion"),
        )

    def _waiver(self, data: Json, path: str) -> Waiver:
        at = self._datetime(data["at"], f"{path}.at")
        return Waiver(
            check=data["check"],
            code=data["code"],
            key=data["key"],
            reason=data["reason"],
            by=data["by"],
            at=at.astimezone(UTC) if at.tzinfo is not None else at,  # stored in UTC, whatever offset was written
        )


def _bi(data: Json) -> Bilingual:
    return Bilingual(ko=data["ko"], en=data["en"])


def _title_state(data: Json) -> TitleState:
    return TitleState(TargetStatus(data["status"]), None if data["source"] is None else Language(data["source"]))

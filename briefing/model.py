"""The briefing document: a meeting card and ordered sections of typed, bilingual items.

Everything here is plain data plus the operations that keep it consistent (status transitions,
ordering, statistics). The file format, the window and the exporters all work on these objects.
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum

from briefing.language.dates import PartialDate
from briefing.messages import BriefingError, register

register(
    {
        "model.approve_no_source": "cannot approve an item whose source text is empty",
        "model.approve_no_translation": "cannot approve an item whose translation is empty",
        "model.flag_empty": "an empty translation cannot be flagged for review",
        "model.empty_comment": "a comment needs some text",
        "model.no_parent": "there is no comment {id} on this item to reply to",
        "model.item_exists": "an item with id '{id}' is already in the briefing",
        "model.section_exists": "a section with id '{id}' is already in the briefing",
    }
)


class Language(StrEnum):
    KO = "ko"
    EN = "en"

    @property
    def other(self) -> Language:
        return _OTHER[self]  # a dict, not `Language.EN if …`: an enum member looked up on its class is slow


LANGUAGES: tuple[Language, ...] = (Language.KO, Language.EN)
_OTHER = {Language.KO: Language.EN, Language.EN: Language.KO}


class ItemType(StrEnum):
    TOPIC = "topic"  # a discussion topic
    STATEMENT = "statement"  # joint statement, condemnation, shared concern
    AGREEMENT = "agreement"
    DECISION = "decision"
    ACTION = "action"  # with an owner and a due date
    SCHEDULE = "schedule"  # a follow-on event with a date
    NOTE = "note"  # a `*` or `※` note
    PARAGRAPH = "paragraph"


class StatementKind(StrEnum):
    JOINT_STATEMENT = "joint_statement"
    CONDEMNATION = "condemnation"
    SHARED_CONCERN = "shared_concern"


class NoteMark(StrEnum):
    ASTERISK = "*"
    REFERENCE = "※"


class TargetStatus(StrEnum):
    """Where the translation (the non-source side) of an item stands."""

    EMPTY = "empty"
    MACHINE = "machine_translated"
    MEMORY = "memory_filled"
    EDITED = "edited"
    APPROVED = "approved"
    NEEDS_REVIEW = "needs_review"


class TargetOrigin(StrEnum):
    """Who wrote a target text: decides the status it gets."""

    HUMAN = "human"
    MACHINE = "machine"
    MEMORY = "memory"


_STATUS_FOR_ORIGIN = {
    TargetOrigin.HUMAN: TargetStatus.EDITED,
    TargetOrigin.MACHINE: TargetStatus.MACHINE,
    TargetOrigin.MEMORY: TargetStatus.MEMORY,
}


class Role(StrEnum):
    CO_CHAIR = "co_chair"
    PARTICIPANT = "participant"


class ModelError(BriefingError, ValueError):
    """An operation that the document's rules do not allow (e.g. approving an empty translation)."""


def fingerprint(text: str) -> str:
    """A short, stable digest of a source text: what a target's status was set against."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Bilingual:
    """The same phrase in Korean and English (either may still be empty)."""

    ko: str = ""
    en: str = ""

    def get(self, language: Language) -> str:
        return self.ko if language is Language.KO else self.en

    def set(self, language: Language, text: str) -> None:
        if language is Language.KO:
            self.ko = text
        else:
            self.en = text

    def is_empty(self) -> bool:
        return not self.ko and not self.en


@dataclass
class Series:
    """A recurring meeting, e.g. SCWG, with its official full name in each language."""

    code: str = ""
    name: Bilingual = field(default_factory=Bilingual)


@dataclass
class Organisation:
    id: str = field(default_factory=lambda: new_id("org"))
    name: Bilingual = field(default_factory=Bilingual)
    short_name: Bilingual = field(default_factory=Bilingual)


@dataclass
class Person:
    id: str = field(default_factory=lambda: new_id("person"))
    name: Bilingual = field(default_factory=Bilingual)
    title: Bilingual = field(default_factory=Bilingual)
    rank: Bilingual = field(default_factory=Bilingual)
    organisation: Bilingual = field(default_factory=Bilingual)
    role: Role = Role.PARTICIPANT


@dataclass
class Delegation:
    """The people one side sent, e.g. the Republic of Korea delegation."""

    id: str = field(default_factory=lambda: new_id("delegation"))
    name: Bilingual = field(default_factory=Bilingual)
    members: list[Person] = field(default_factory=list)


@dataclass
class Contact:
    """Whom the press or a reader calls: 담당 부서, 담당자, 연락처. Office and person in both languages (the
    English release's media contact reads them in English); phone and e-mail are the same in both."""

    id: str = field(default_factory=lambda: new_id("contact"))
    office: Bilingual = field(default_factory=Bilingual)
    name: Bilingual = field(default_factory=Bilingual)
    phone: str = ""
    email: str = ""


@dataclass
class Attachment:
    """One entry of the 붙임 list of a report or release (the document itself travels apart)."""

    id: str = field(default_factory=lambda: new_id("attachment"))
    title: Bilingual = field(default_factory=Bilingual)


@dataclass
class Release:
    """When the press may publish (보도 시점): at once (`embargo` None) or not before a wall-clock time.

    The embargo is the time as the release prints it (naive: a time on the clock named by `zone`, e.g.
    한국시간/KST), not a UTC moment: the release states it in words, and no conversion may change it.
    `issuer` is the ministry or office whose release it is (the banner: "국방부 보도자료")."""

    embargo: datetime | None = None
    zone: Bilingual = field(default_factory=Bilingual)
    issuer: Bilingual = field(default_factory=Bilingual)


@dataclass
class Report:
    """Who reports the meeting and when (회의 결과 보고: report date, office and author at the top right)."""

    dated: date | None = None  # the report's date (보고 일자)
    office: Bilingual = field(default_factory=Bilingual)
    author: Bilingual = field(default_factory=Bilingual)


@dataclass
class MeetingCard:
    series: Series = field(default_factory=Series)
    session: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    time_zone_note: Bilingual = field(default_factory=Bilingual)
    place: Bilingual = field(default_factory=Bilingual)
    organisations: list[Organisation] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    marking: Bilingual = field(default_factory=Bilingual)
    # The standard parts of each document (format version 4). Weekdays are derived from the dates, never stored.
    start_time: time | None = None  # the meeting's opening on its start date, local time at the place
    release: Release = field(default_factory=Release)
    contacts: list[Contact] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    attachments: list[Attachment] = field(default_factory=list)

    def co_chairs(self) -> list[Person]:
        return [p for d in self.delegations for p in d.members if p.role is Role.CO_CHAIR]

    def participants(self) -> list[tuple[Delegation, list[Person]]]:
        """Each delegation with its members other than co-chairs (delegations with none left out)."""
        found = [(d, [p for p in d.members if p.role is not Role.CO_CHAIR]) for d in self.delegations]
        return [(d, people) for d, people in found if people]


def _utc(at: datetime | None) -> datetime:
    """`at` in UTC (now when not given): the model stores every time as an aware UTC datetime.

    A naive datetime is kept as it is, so that `briefing.rules` reports it rather than a guess being stored."""
    if at is None:
        return now_utc()
    return at.astimezone(UTC) if at.tzinfo is not None else at


@dataclass
class ReviewFlag:
    """A reviewer's "look at this again": who raised it, when (aware UTC) and why.

    Kept apart from `Item.status`, which only describes the target against the source text: editing either
    text never touches a flag; approving the item or clearing the flag does."""

    by: str
    at: datetime
    reason: str = ""


@dataclass(frozen=True)
class Waiver:
    """A reviewer's decision that a QA finding is acceptable here: which finding (`check`, `code` and the
    finding's `key`, see `briefing.qa.model.Finding.key`), why, who and when (aware UTC).

    Stored with the item the finding is about; it applies as long as the check finds the same thing there.
    When the text changes so that the finding no longer occurs, the waiver stays (shown as unused) rather than
    being deleted behind the reviewer's back."""

    check: str
    code: str
    key: str
    reason: str
    by: str
    at: datetime


@dataclass
class Comment:
    author: str
    text: str
    id: str = field(default_factory=lambda: new_id("comment"))
    created: datetime = field(default_factory=now_utc)
    resolved: bool = False
    resolved_by: str | None = None  # who resolved it; None while open, and for resolutions from version-1 files
    resolved_at: datetime | None = None  # when (aware UTC); set together with resolved_by
    reply_to: str | None = None  # the id of the comment of the same item this one answers; None starts a thread


@dataclass
class Item:
    """One typed statement of the briefing in both languages.

    `source` names the side that was written first; `status` describes the other side (the target)
    relative to the source text whose fingerprint is `basis`. Change texts through the methods so
    that the status stays truthful. `flag` is a reviewer's request for another look, independent of
    the texts; `approved_source`, `approved_by` and `approved_at` describe the last approval of the
    current target (see docs/file-format.md, "Status", "Approval" and "Flag").
    """

    type: ItemType = ItemType.PARAGRAPH
    text: Bilingual = field(default_factory=Bilingual)
    source: Language = Language.EN
    status: TargetStatus = TargetStatus.EMPTY
    basis: str | None = None  # fingerprint of the source text the status was set against
    approved_source: str | None = None  # the source text as it was when the target was last approved
    approved_by: str | None = None  # who approved it ("" when not recorded); None for version-1 approvals
    approved_at: datetime | None = None  # when (aware UTC); set together with approved_by
    flag: ReviewFlag | None = None  # a reviewer's flag; survives every text edit
    id: str = field(default_factory=lambda: new_id("item"))
    statement_kind: StatementKind | None = None
    note_mark: NoteMark | None = None
    owner: Bilingual | None = None  # actions
    due: PartialDate | None = None  # actions
    when: PartialDate | None = None  # schedule events
    comments: list[Comment] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)  # QA findings a reviewer accepted, with the reason
    suggestion: str | None = None  # the machine or memory translation last put in as the target (None: none yet)

    def __post_init__(self) -> None:
        if self.type is ItemType.STATEMENT and self.statement_kind is None:
            self.statement_kind = StatementKind.JOINT_STATEMENT
        if self.type is ItemType.NOTE and self.note_mark is None:
            self.note_mark = NoteMark.ASTERISK

    # -- reading ---------------------------------------------------------------------------------
    @property
    def target(self) -> Language:
        return self.source.other

    @property
    def source_text(self) -> str:
        return self.text.get(self.source)

    @property
    def target_text(self) -> str:
        return self.text.get(self.target)

    def is_current(self) -> bool:
        """True when the target's status was set against the source text as it is now."""
        return self.basis == fingerprint(self.source_text)

    # -- editing ---------------------------------------------------------------------------------
    def set_text(self, language: Language, text: str, origin: TargetOrigin = TargetOrigin.HUMAN) -> None:
        """Change one side; the status follows (see docs/file-format.md, "Status")."""
        if language is self.source:
            self._set_source_text(text)
        else:
            self._set_target_text(text, origin)

    def _set_source_text(self, text: str) -> None:
        if text == self.source_text:
            return
        self.text.set(self.source, text)
        if self.status is TargetStatus.EMPTY:
            return
        if not self.is_current():
            self.status = TargetStatus.NEEDS_REVIEW
        elif self.status is TargetStatus.NEEDS_REVIEW and self.approved_source == text:
            # The source went back to exactly what was approved: the approval holds again.
            self.status = TargetStatus.APPROVED

    def _set_target_text(self, text: str, origin: TargetOrigin) -> None:
        if text == self.target_text and self.status is not TargetStatus.EMPTY:
            return
        if text != self.target_text:
            # The approval was of the old target: nothing to restore when the source comes back.
            self._forget_approval()
        self.text.set(self.target, text)
        if not text:
            self.status, self.basis = TargetStatus.EMPTY, None
            return
        self.status = _STATUS_FOR_ORIGIN[origin]
        self.basis = fingerprint(self.source_text)
        if origin is not TargetOrigin.HUMAN:
            self.suggestion = text  # what a person's later edits are shown against

    def approve(self, by: str = "", at: datetime | None = None) -> None:
        """A reviewer (`by`, at `at`, now by default) accepts the target as a translation of the current source.

        Approving answers any flag on the item, so the flag is cleared."""
        if not self.source_text.strip():
            raise ModelError("model.approve_no_source")
        if not self.target_text.strip():
            raise ModelError("model.approve_no_translation")
        self.status = TargetStatus.APPROVED
        self.basis = fingerprint(self.source_text)
        self.approved_source = self.source_text
        self.approved_by, self.approved_at = by, _utc(at)
        self.flag = None

    def flag_for_review(self, by: str = "", at: datetime | None = None, reason: str = "") -> ReviewFlag:
        """A reviewer (`by`, at `at`, now by default) asks for another look, saying why; replaces any flag.

        The status is left alone: it keeps saying where the target stands against the source."""
        self.flag = ReviewFlag(by=by, at=_utc(at), reason=reason)
        return self.flag

    def clear_flag(self) -> ReviewFlag | None:
        """Take the flag down (the concern was dealt with); returns the flag that was there (for undo)."""
        flag, self.flag = self.flag, None
        return flag

    def _forget_approval(self) -> None:
        self.approved_source = self.approved_by = self.approved_at = None

    def set_source(self, language: Language) -> None:
        """Declare the other side to be the source (e.g. the Korean was rewritten as the original)."""
        if language is self.source:
            return
        self.source = language
        self._forget_approval()
        self.suggestion = None  # it was a translation into the other language
        if self.target_text:
            self.status, self.basis = TargetStatus.NEEDS_REVIEW, fingerprint(self.source_text)
        else:
            self.status, self.basis = TargetStatus.EMPTY, None

    def reconcile(self) -> bool:
        """Make the status truthful after loading hand-edited data; True when something changed."""
        if not self.target_text:
            changed = self.status is not TargetStatus.EMPTY or self.basis is not None
            self.status, self.basis = TargetStatus.EMPTY, None
            return changed
        if self.status is TargetStatus.EMPTY:
            self.status, self.basis = TargetStatus.EDITED, fingerprint(self.source_text)
            return True
        if self.status is not TargetStatus.NEEDS_REVIEW and not self.is_current():
            self.status = TargetStatus.NEEDS_REVIEW
            return True
        return False

    def add_comment(self, author: str, text: str, reply_to: str | None = None) -> Comment:
        """A new comment, or (`reply_to` the id of one of this item's comments) a reply in that comment's thread."""
        if not text.strip():
            raise ModelError("model.empty_comment")
        if reply_to is not None and not any(c.id == reply_to for c in self.comments):
            raise ModelError("model.no_parent", id=reply_to)
        comment = Comment(author=author, text=text, reply_to=reply_to)
        self.comments.append(comment)
        return comment

    def resolve_comment(
        self, comment_id: str, resolved: bool = True, by: str = "", at: datetime | None = None
    ) -> Comment:
        """Mark a comment resolved by `by` at `at` (now by default), or open again (forgetting who resolved it);
        KeyError for a comment this item does not have."""
        for comment in self.comments:
            if comment.id == comment_id:
                comment.resolved = resolved
                comment.resolved_by, comment.resolved_at = (by, _utc(at)) if resolved else (None, None)
                return comment
        raise KeyError(comment_id)


@dataclass
class TitleState:
    """Where the translation of a title stands (the meeting card's texts and the section titles, see
    `Briefing.titles`): the item statuses without an item's approval record. `source` is the side written first
    (None while both sides are empty); `status` describes the other side. A title written on one side only is
    `EMPTY` ("missing")."""

    status: TargetStatus = TargetStatus.EMPTY
    source: Language | None = None

    def written(self, text: Bilingual, language: Language, origin: TargetOrigin = TargetOrigin.HUMAN) -> None:
        """After `language` of `text` was set: the status follows as an item's would. Typing the translation makes
        it `edited` (a machine's, `machine_translated`); changing the source of a translated title asks for another
        look (`needs_review`); a side left empty makes the title `empty` again."""
        if not _both_sides(text):
            self.status, self.source = TargetStatus.EMPTY, _written_side(text)
        elif self.status is TargetStatus.EMPTY or self.source is None:
            self.status, self.source = _STATUS_FOR_ORIGIN[origin], language.other
        elif language is self.source:
            self.status = TargetStatus.NEEDS_REVIEW
        else:
            self.status = _STATUS_FOR_ORIGIN[origin]

    def settle(self, text: Bilingual, origin: Language) -> None:
        """The state of a title whose texts came from elsewhere (an older file, an imported document) with no
        status: written in both languages, a person's `edited` work with `origin` as its source (never approved:
        nobody approved it); written in one, `empty` (its translation is missing) with that side as source."""
        if _both_sides(text):
            self.status, self.source = TargetStatus.EDITED, origin
        else:
            self.status, self.source = TargetStatus.EMPTY, _written_side(text)

    def approve(self, text: Bilingual) -> None:
        """A reviewer accepts the translation; refused while a side is empty."""
        source = self.source or _written_side(text) or Language.KO
        if not text.get(source).strip():
            raise ModelError("model.approve_no_source")
        if not text.get(source.other).strip():
            raise ModelError("model.approve_no_translation")
        self.status, self.source = TargetStatus.APPROVED, source

    def needs_review(self, text: Bilingual) -> None:
        """A reviewer asks for another look at the translation; refused while there is none."""
        if not _both_sides(text):
            raise ModelError("model.flag_empty")
        self.status = TargetStatus.NEEDS_REVIEW
        self.source = self.source or _written_side(text)

    def reconcile(self, text: Bilingual, default_source: Language) -> bool:
        """Make the state truthful after loading hand-edited data; True when something changed."""
        before = (self.status, self.source)
        if not _both_sides(text):
            self.status, self.source = TargetStatus.EMPTY, _written_side(text)
        else:
            self.source = self.source or default_source
            if self.status is TargetStatus.EMPTY:
                self.status = TargetStatus.EDITED
        return (self.status, self.source) != before


def _both_sides(text: Bilingual) -> bool:
    return bool(text.ko.strip()) and bool(text.en.strip())


def _written_side(text: Bilingual) -> Language | None:
    """The one side with text (Korean when both have some), None when neither has."""
    return next((language for language in LANGUAGES if text.get(language).strip()), None)


# The meeting card's texts that are translated and carry a `TitleState`, as paths of attribute names from the
# briefing (see `briefing.edits.set_field`); section titles carry theirs in `Section.title_state`.
CARD_TITLES: tuple[tuple[str, ...], ...] = (
    ("title",),
    ("meeting", "series", "name"),
    ("meeting", "time_zone_note"),
    ("meeting", "place"),
    ("meeting", "marking"),
)


# A title's statuses that nobody has looked at since it last changed (see `Briefing.pending_titles`).
UNREVIEWED_TITLE = frozenset({TargetStatus.MACHINE, TargetStatus.MEMORY, TargetStatus.NEEDS_REVIEW})


def _card_title_states() -> dict[str, TitleState]:
    return {".".join(path): TitleState() for path in CARD_TITLES}


@dataclass(frozen=True)
class Title:
    """One translated title as `Briefing.titles` lists it: where it lives, its texts and its state."""

    path: tuple[str, ...]  # a card path from CARD_TITLES, or ("sections", <id>, "title")
    text: Bilingual
    state: TitleState


@dataclass
class Section:
    title: Bilingual = field(default_factory=Bilingual)
    items: list[Item] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("section"))
    title_state: TitleState = field(default_factory=TitleState)


@dataclass
class Statistics:
    items: int
    sections: int
    per_status: dict[TargetStatus, int]
    per_type: dict[ItemType, int]
    source_items: dict[Language, int]  # items whose source is that language
    filled: dict[Language, int]  # items with non-empty text in that language
    characters: dict[Language, int]
    open_comments: int
    flagged: int  # items carrying a reviewer's flag, whatever their status
    title_count: int = 0  # the card's texts and section titles written in at least one language
    title_status: dict[TargetStatus, int] = field(default_factory=dict)  # those titles by status

    @property
    def titles_approved(self) -> int:
        return self.title_status.get(TargetStatus.APPROVED, 0)

    @property
    def approved(self) -> int:
        return self.per_status[TargetStatus.APPROVED]

    @property
    def fully_approved(self) -> bool:
        return self.items > 0 and self.approved == self.items


@dataclass
class Briefing:
    title: Bilingual = field(default_factory=Bilingual)
    meeting: MeetingCard = field(default_factory=MeetingCard)
    sections: list[Section] = field(default_factory=list)
    origin_language: Language = Language.EN
    author: str = ""
    created: datetime = field(default_factory=now_utc)
    modified: datetime = field(default_factory=now_utc)
    # The translation state of each of the card's texts in CARD_TITLES, by its path joined with dots.
    title_states: dict[str, TitleState] = field(default_factory=_card_title_states)

    def __post_init__(self) -> None:
        for title in self.titles():  # a briefing built with texts in code: states that say what the texts are
            title.state.reconcile(title.text, self.origin_language)

    # -- titles ----------------------------------------------------------------------------------
    def settle_titles(self) -> None:
        """Every title's state from its texts (`TitleState.settle`): for a briefing made from documents."""
        for title in self.titles():
            title.state.settle(title.text, self.origin_language)

    def titles(self) -> list[Title]:
        """Every translated title: the card's texts (CARD_TITLES, in that order), then the section titles."""
        found = []
        for path in CARD_TITLES:
            text: object = self
            for part in path:
                text = getattr(text, part)
            assert isinstance(text, Bilingual)
            found.append(Title(path, text, self.title_state(path)))
        found += [Title(("sections", s.id, "title"), s.title, s.title_state) for s in self.sections]
        return found

    def pending_titles(self) -> list[Title]:
        """The titles a final export waits for: written in one language only (the translation is missing), or
        translated by machine or memory and not looked at, or marked as needing review. A title a person wrote
        (`edited`) counts as done: version-4 files had no title status, and every title in them was a person's."""
        found = []
        for title in self.titles():
            written = [bool(title.text.get(language).strip()) for language in LANGUAGES]
            if any(written) and (not all(written) or title.state.status in UNREVIEWED_TITLE):
                found.append(title)
        return found

    def title_state(self, path: tuple[str, ...]) -> TitleState:
        """The state of the title at `path` (a card path or ("sections", id, "title")); KeyError for another."""
        if len(path) == 3 and path[0] == "sections" and path[2] == "title":
            return self.section(path[1]).title_state
        if path not in CARD_TITLES:
            raise KeyError(".".join(path))
        return self.title_states.setdefault(".".join(path), TitleState())

    # -- lookup ----------------------------------------------------------------------------------
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def section(self, section_id: str) -> Section:
        """The section with this id; KeyError if there is none. Constant time, like `locate`."""
        index = self._index()
        number = index.sections.get(section_id)
        if number is None or number >= len(self.sections) or self.sections[number].id != section_id:
            index = self._reindex()  # moved, added or removed since
            number = index.sections.get(section_id)
            if number is None:
                raise KeyError(section_id)
        return self.sections[number]

    def locate(self, item_id: str) -> tuple[Section, int]:
        """The section holding an item and the item's index in it.

        Through an index of positions (section number, item number) by id, checked on every use: the lists
        are plain lists that edits, readers and views change directly, so a position that no longer holds
        the item rebuilds the index (one pass) rather than trusting it. Constant time while the structure
        is unchanged (a translation locates each of 20,000 items), never a wrong answer."""
        found = self._at(self._index(), item_id)
        if found is None:  # moved, added or removed since: one pass, then the index holds again
            found = self._at(self._reindex(), item_id)
        if found is None:
            raise KeyError(item_id)
        return found

    def holds_item(self, item_id: str) -> bool:
        """Whether an item with this id is in the briefing; constant time, so that adding thousands of items
        (an import, `add_item` in a loop) is linear.

        A yes is checked against the lists (a stale position rebuilds the index). A no trusts the index, which
        the methods here keep up to date and which is rebuilt when the list of sections is replaced or changes
        length; an item put straight into a section's `items` list after the index was built (or a section put in
        place of another in `sections`) is not seen until the next rebuild; saving still refuses the duplicate
        id (`briefing.rules`)."""
        index = self._index()
        if item_id not in index.items:
            return False
        return self._at(index, item_id) is not None or self._at(self._reindex(), item_id) is not None

    def _at(self, index: _Index, item_id: str) -> tuple[Section, int] | None:
        position = index.items.get(item_id)
        if position is None:
            return None
        section_number, item_number = position
        if section_number < len(self.sections):
            section = self.sections[section_number]
            if item_number < len(section.items) and section.items[item_number].id == item_id:
                return section, item_number
        return None

    def _index(self) -> _Index:
        index: _Index | None = self.__dict__.get("_positions")
        if index is None or index.listed is not self.sections or index.length != len(self.sections):
            return self._reindex()
        return index

    def _reindex(self) -> _Index:
        index = _Index(self.sections)
        for section_number, section in enumerate(self.sections):
            index.sections.setdefault(section.id, section_number)  # the first, as a scan finds it
            for item_number, item in enumerate(section.items):
                index.items.setdefault(item.id, (section_number, item_number))
        self.__dict__["_positions"] = index
        return index

    def item(self, item_id: str) -> Item:
        section, index = self.locate(item_id)
        return section.items[index]

    # -- structure -------------------------------------------------------------------------------
    def add_section(self, section: Section | None = None, index: int | None = None) -> Section:
        section = section or Section()
        self._check_new_ids(section)
        section.title_state.reconcile(section.title, self.origin_language)
        position = _clamp(index, len(self.sections))
        positions = self._index()
        self.sections.insert(position, section)
        if position == len(self.sections) - 1:  # appended: the index learns it (elsewhere: rebuilt when next used)
            positions.length += 1
            positions.sections.setdefault(section.id, position)
            for item_number, item in enumerate(section.items):
                positions.items.setdefault(item.id, (position, item_number))
        return section

    def remove_section(self, section_id: str) -> tuple[Section, int]:
        """Remove a section with its items; returns them and the old index (for undo)."""
        self.section(section_id)
        index = self._index().sections[section_id]
        section = self.sections.pop(index)
        return section, index

    def move_section(self, section_id: str, new_index: int) -> None:
        section, _ = self.remove_section(section_id)
        self.sections.insert(_clamp(new_index, len(self.sections)), section)

    def add_item(self, section_id: str, item: Item | None = None, index: int | None = None) -> Item:
        item = item or Item(source=self.origin_language)
        if self.holds_item(item.id):
            raise ModelError("model.item_exists", id=item.id)
        self._insert(self.section(section_id), item, index)
        return item

    def _insert(self, section: Section, item: Item, index: int | None) -> None:
        """Put `item` into `section`; the index learns its position (those after it in the section are then off
        by one: each is found stale, and the index rebuilt, when next used)."""
        position = _clamp(index, len(section.items))
        section.items.insert(position, item)
        positions = self._index()
        positions.items[item.id] = (positions.sections[section.id], position)

    def remove_item(self, item_id: str) -> tuple[Item, str, int]:
        """Remove an item; returns it with its section id and index (for undo)."""
        section, index = self.locate(item_id)
        return section.items.pop(index), section.id, index  # its position goes stale: found so when next asked

    def move_item(self, item_id: str, section_id: str, new_index: int) -> None:
        """Move an item to a position in a section (the same one or another)."""
        target = self.section(section_id)
        item, _, _ = self.remove_item(item_id)
        self._insert(target, item, new_index)

    def _check_new_ids(self, section: Section) -> None:
        if section.id in self._index().sections:  # a no is trusted as in `holds_item`; a yes is checked
            with contextlib.suppress(KeyError):
                self.section(section.id)
                raise ModelError("model.section_exists", id=section.id)
        clash = next((item.id for item in section.items if self.holds_item(item.id)), None)
        if clash:
            raise ModelError("model.item_exists", id=clash)

    # -- review ----------------------------------------------------------------------------------
    def statistics(self) -> Statistics:
        """The counts, in one pass over the items (the window recounts while the drafter types)."""
        per_status: Counter[TargetStatus] = Counter()
        per_type: Counter[ItemType] = Counter()
        source_items: Counter[Language] = Counter()
        filled: Counter[Language] = Counter()
        characters: Counter[Language] = Counter()
        items = open_comments = flagged = 0
        for section in self.sections:
            for item in section.items:
                items += 1
                per_status[item.status] += 1
                per_type[item.type] += 1
                source_items[item.source] += 1
                ko, en = item.text.ko, item.text.en
                filled[Language.KO] += bool(ko) and not ko.isspace()
                filled[Language.EN] += bool(en) and not en.isspace()
                characters[Language.KO] += len(ko)
                characters[Language.EN] += len(en)
                for comment in item.comments:
                    open_comments += not comment.resolved
                flagged += item.flag is not None
        title_status: Counter[TargetStatus] = Counter(
            title.state.status for title in self.titles() if title.text.ko.strip() or title.text.en.strip()
        )
        return Statistics(
            items=items,
            sections=len(self.sections),
            per_status={status: per_status[status] for status in TargetStatus},
            per_type={kind: per_type[kind] for kind in ItemType},
            source_items={lang: source_items[lang] for lang in LANGUAGES},
            filled={lang: filled[lang] for lang in LANGUAGES},
            characters={lang: characters[lang] for lang in LANGUAGES},
            open_comments=open_comments,
            flagged=flagged,
            title_count=title_status.total(),
            title_status={status: title_status[status] for status in TargetStatus},
        )

    def touch(self) -> None:
        self.modified = now_utc()


class _Index:
    """Where each item and section of a briefing is, by id, and which list of sections that describes (a
    briefing whose `sections` list is replaced or changes length behind its back is indexed again)."""

    def __init__(self, listed: list[Section]) -> None:
        self.listed, self.length = listed, len(listed)
        self.items: dict[str, tuple[int, int]] = {}  # item id → (section number, item number)
        self.sections: dict[str, int] = {}  # section id → section number


def _clamp(index: int | None, length: int) -> int:
    if index is None:
        return length
    return max(0, min(index, length))

"""The reviewer's view of a briefing, without Qt: which items need attention, filters that combine, sorting,
the progress line, moving to the next item that needs attention, and approving many items as one edit.

The review grid (ui/review_grid.py) shows what these functions decide; the command line and tests use them
directly. QA findings come in from outside (a mapping of item id to the item's *unwaived* findings), so that
this module never runs a check itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import regex

from briefing import edits
from briefing.messages import BriefingError, register
from briefing.model import Briefing, Item, ItemType, Language, Section, TargetStatus
from briefing.qa.model import Finding, Severity

register(
    {
        "review.bad_regex": "the regular expression is not valid: {reason}",
        "review.regex_too_slow": "the regular expression took too long to match (over {ms} ms): make it simpler",
        "review.search_too_long": "the search text is too long ({length} characters, at most {limit})",
    }
)

MAX_PATTERN = 1000  # characters of a search text or regular expression
REGEX_BUDGET_S = 0.1  # a regular expression gets this long over the whole briefing, then the filter gives up

Findings = Mapping[str, Sequence[Finding]]  # item id → its unwaived findings (what the window's QA holds)
NO_FINDINGS: Findings = {}


class ReviewError(BriefingError, ValueError):
    """A filter the user typed that cannot be used (a bad or too slow regular expression)."""


# -- needing attention ---------------------------------------------------------------------------


class Attention(StrEnum):
    """Why an item needs a reviewer's attention."""

    NOT_APPROVED = "not_approved"
    FLAGGED = "flagged"
    OPEN_COMMENTS = "open_comments"
    QA = "qa"  # an unwaived QA error or warning


def open_comments(item: Item) -> int:
    return sum(not comment.resolved for comment in item.comments)


def attention(item: Item, findings: Sequence[Finding] = ()) -> frozenset[Attention]:
    """Every reason why the item needs attention; empty when it needs none.

    The one definition the grid, F8/Shift+F8 and the progress line use: not approved (including an approval
    whose source changed since: its status is then "needs review"), flagged by a reviewer, an open comment, or an
    unwaived QA error or warning (`findings` must be the item's unwaived findings; an info finding is not a
    reason). Stricter than `briefing.model.needs_attention`, which only looks at flags and missing or outdated
    translations."""
    reasons = set()
    if item.status is not TargetStatus.APPROVED:
        reasons.add(Attention.NOT_APPROVED)
    if item.flag is not None:
        reasons.add(Attention.FLAGGED)
    if open_comments(item):
        reasons.add(Attention.OPEN_COMMENTS)
    if any(f.severity in _SERIOUS for f in findings):
        reasons.add(Attention.QA)
    return frozenset(reasons)


def needs_attention(item: Item, findings: Sequence[Finding] = ()) -> bool:
    """`bool(attention(item, findings))`, without building the set (it runs over every item per repaint)."""
    return (
        item.status is not TargetStatus.APPROVED
        or item.flag is not None
        or any(not comment.resolved for comment in item.comments)
        or any(f.severity in _SERIOUS for f in findings)
    )


_SERIOUS = frozenset({Severity.ERROR, Severity.WARNING})


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def last_activity(item: Item) -> datetime | None:
    """The latest recorded review time of the item: approval, flag, comment written or resolved, waiver.

    The file records no time for text edits, so an edit alone does not count (see `ReviewFilter.changed_since`).
    Naive times (damaged data the rules report) are left out."""
    times = [item.approved_at, item.flag.at if item.flag else None]
    for comment in item.comments:
        times += [comment.created, comment.resolved_at]
    times += [waiver.at for waiver in item.waivers]
    aware = [t for t in times if t is not None and t.tzinfo is not None]
    return max(aware, default=None)


# -- rows ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """An item with where it stands: its section, and its number "2.3" (section 2, item 3)."""

    item: Item
    section: Section
    number: str
    position: int  # in document order, from 0

    @property
    def id(self) -> str:
        return self.item.id


def rows(briefing: Briefing) -> list[Row]:
    """Every item of the briefing in document order."""
    made: list[Row] = []
    for s, section in enumerate(briefing.sections, start=1):
        for i, item in enumerate(section.items, start=1):
            made.append(Row(item, section, f"{s}.{i}", len(made)))
    return made


# -- filters -------------------------------------------------------------------------------------


class QaLevel(StrEnum):
    """The QA part of a filter: any item; items without unwaived findings; items with at least one of this
    severity or a worse one."""

    ANY = "any"
    CLEAN = "clean"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_MINIMUM = {QaLevel.INFO: Severity.INFO, QaLevel.WARNING: Severity.WARNING, QaLevel.ERROR: Severity.ERROR}


@dataclass(frozen=True)
class ReviewFilter:
    """Which items the grid shows: every condition given must hold (they combine with "and"); an empty set or
    None means "any".

    `changed_since` keeps items with a review activity (see `last_activity`) at or after that moment: the file
    records no time for text edits, nor when the briefing was last exported. `text` is looked for in Korean,
    English or both (`language` None), ignoring case; with `regex` it is a regular expression (Python syntax)."""

    statuses: frozenset[TargetStatus] = frozenset()
    attention_only: bool = False
    flagged: bool | None = None
    qa: QaLevel = QaLevel.ANY
    open_comments: bool | None = None
    sections: frozenset[str] = frozenset()  # section ids
    types: frozenset[ItemType] = frozenset()
    changed_since: datetime | None = None
    text: str = ""
    regex: bool = False
    language: Language | None = None

    @property
    def is_empty(self) -> bool:
        return self == ReviewFilter()

    def compile(self) -> Matcher:
        """The filter ready to test items; ReviewError for a search text that cannot be used."""
        return Matcher(self)


class Matcher:
    """A compiled `ReviewFilter`. The time a regular expression may take is shared by all the items of one
    `select` (a catastrophic pattern is cut off after `REGEX_BUDGET_S`, never hangs the caller)."""

    def __init__(self, spec: ReviewFilter) -> None:
        self.spec = spec
        text = spec.text if spec.regex else spec.text.strip()
        if len(text) > MAX_PATTERN:
            raise ReviewError("review.search_too_long", length=len(text), limit=MAX_PATTERN)
        self.pattern: Any = None
        self.needle = ""
        if text and spec.regex:
            try:
                self.pattern = regex.compile(text, regex.IGNORECASE | regex.VERSION0)
            except (regex.error, OverflowError, RecursionError, ValueError) as error:
                raise ReviewError("review.bad_regex", reason=str(error)) from None
        elif text:
            self.needle = text.casefold()
        self.deadline = 0.0

    def start(self) -> None:
        """Begin a pass over the items: the regular expression's time budget starts now."""
        self.deadline = time.monotonic() + REGEX_BUDGET_S

    def _texts(self, item: Item) -> tuple[str, ...]:
        if self.spec.language is None:
            return (item.text.ko, item.text.en)
        return (item.text.get(self.spec.language),)

    def _text_matches(self, item: Item) -> bool:
        if self.pattern is not None:
            for text in self._texts(item):
                left = self.deadline - time.monotonic()
                if left <= 0:
                    raise ReviewError("review.regex_too_slow", ms=round(REGEX_BUDGET_S * 1000))
                try:
                    if self.pattern.search(text, timeout=left) is not None:
                        return True
                except TimeoutError:
                    raise ReviewError("review.regex_too_slow", ms=round(REGEX_BUDGET_S * 1000)) from None
            return False
        if self.needle:
            return any(self.needle in text.casefold() for text in self._texts(item))
        return True

    def matches(self, row: Row, findings: Sequence[Finding] = ()) -> bool:
        spec, item = self.spec, row.item
        if spec.statuses and item.status not in spec.statuses:
            return False
        if spec.types and item.type not in spec.types:
            return False
        if spec.sections and row.section.id not in spec.sections:
            return False
        if spec.flagged is not None and (item.flag is not None) is not spec.flagged:
            return False
        if spec.open_comments is not None and (open_comments(item) > 0) is not spec.open_comments:
            return False
        if spec.qa is QaLevel.CLEAN and findings:
            return False
        if spec.qa in _MINIMUM:
            worst = worst_severity(findings)
            if worst is None or worst.rank < _MINIMUM[spec.qa].rank:
                return False
        if spec.attention_only and not needs_attention(item, findings):
            return False
        if spec.changed_since is not None:
            latest = last_activity(item)
            if latest is None or latest < spec.changed_since:
                return False
        return self._text_matches(item)

    def select(self, candidates: Iterable[Row], findings: Findings = NO_FINDINGS) -> list[Row]:
        """The rows that pass, in the order given; ReviewError when a regular expression runs out of time."""
        self.start()
        return [row for row in candidates if self.matches(row, findings.get(row.id, ()))]


# -- sorting -------------------------------------------------------------------------------------


class Column(StrEnum):
    """The grid's columns, in order; each sorts by its own key."""

    NUMBER = "number"
    SECTION = "section"
    TYPE = "type"
    KOREAN = "ko"
    ENGLISH = "en"
    STATUS = "status"
    QA = "qa"
    COMMENTS = "comments"


COLUMNS: tuple[Column, ...] = tuple(Column)
_STATUS_ORDER = {status: n for n, status in enumerate(TargetStatus)}
_TYPE_ORDER = {kind: n for n, kind in enumerate(ItemType)}


def sort_key(column: Column, row: Row, findings: Sequence[Finding] = ()) -> tuple[Any, ...]:
    """What a column sorts by; ties keep document order (the sort is stable and the position comes last)."""
    item = row.item
    if column is Column.NUMBER:
        return (row.position,)
    if column is Column.SECTION:
        return (row.section.title.ko.casefold(), row.section.title.en.casefold(), row.position)
    if column is Column.TYPE:
        return (_TYPE_ORDER[item.type], row.position)
    if column is Column.KOREAN:
        return (item.text.ko.casefold(), row.position)
    if column is Column.ENGLISH:
        return (item.text.en.casefold(), row.position)
    if column is Column.STATUS:
        return (_STATUS_ORDER[item.status], item.flag is None, row.position)
    if column is Column.QA:
        worst = worst_severity(findings)
        return (worst.rank if worst is not None else -1, len(findings), row.position)
    return (open_comments(item), len(item.comments), row.position)


def sort_rows(
    selected: Sequence[Row], column: Column, descending: bool = False, findings: Findings = NO_FINDINGS
) -> list[Row]:
    return sorted(selected, key=lambda row: sort_key(column, row, findings.get(row.id, ())), reverse=descending)


# -- moving and counting -------------------------------------------------------------------------


def next_needing_attention(
    order: Sequence[str], current: str | None, wants: Callable[[str], bool], step: int = 1
) -> str | None:
    """The next (`step` 1) or previous (-1) id in `order` after `current` for which `wants` holds, wrapping round
    (the current one comes last); None when none does. Without a current id the search starts at the edge."""
    if not order:
        return None
    try:
        start = order.index(current) if current is not None else -1
    except ValueError:
        start = -1
    count = len(order)
    if start < 0:
        start = -1 if step > 0 else count
    for offset in range(1, count + 1):
        position = (start + offset * step) % count
        if wants(order[position]):
            return order[position]
    return None


@dataclass(frozen=True)
class Progress:
    """The progress line over a set of items: "17 of 21 approved, 2 flagged, 1 comment open"."""

    total: int = 0
    approved: int = 0
    flagged: int = 0
    open_comments: int = 0  # comments, not items
    attention: int = 0  # items needing attention


def progress(items: Iterable[Item], findings: Findings = NO_FINDINGS) -> Progress:
    total = approved = flagged = comments = wanting = 0
    for item in items:
        total += 1
        is_approved = item.status is TargetStatus.APPROVED
        approved += is_approved
        flagged += item.flag is not None
        open_here = sum(not comment.resolved for comment in item.comments) if item.comments else 0
        comments += open_here
        if (
            not is_approved
            or item.flag is not None
            or open_here
            or (item.id in findings and any(f.severity in _SERIOUS for f in findings[item.id]))
        ):
            wanting += 1
    return Progress(total, approved, flagged, comments, wanting)


@dataclass
class BulkApproval:
    """What approving a set of items would do: the edit (None when there is nothing to approve), the items it
    approves, and those it leaves: already approved, or without a source or a translation."""

    edit: edits.Batch | None
    approved: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    cannot: list[str] = field(default_factory=list)


def bulk_approve(items: Iterable[Item], by: str, at: datetime | None = None) -> BulkApproval:
    """One undo step that approves every item of `items` that can be and is not yet approved (an approved item
    whose flag is still up is approved again, which clears the flag)."""
    approved: list[str] = []
    already: list[str] = []
    cannot: list[str] = []
    for item in items:
        if item.status is TargetStatus.APPROVED and item.flag is None:
            already.append(item.id)
        elif not item.source_text.strip() or not item.target_text.strip():
            cannot.append(item.id)
        else:
            approved.append(item.id)
    edit = edits.Batch("edit.bulk_approve", [edits.approve(i, by, at) for i in approved]) if approved else None
    return BulkApproval(edit, approved, already, cannot)

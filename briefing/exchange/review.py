"""What a reviewed file proposes for a briefing, compared with the briefing: the diff an import shows and applies.

Both exchange formats (XLIFF 2, the review DOCX) read their file into `Proposal`s, one per item; `compare` turns
them into a `ReviewDiff`: the items whose target, status or comments the file changes, and the notices of what is
reported but never applied (a source changed since the export, a source edited in the file, a deleted row).
`ReviewDiff.edit` is the whole import as ONE undoable edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from briefing import edits
from briefing.messages import BriefingError, Message, register
from briefing.model import Briefing, Item, Language, TargetOrigin, TargetStatus, fingerprint, now_utc
from briefing.storage import TooLarge, read_regular

register(
    {
        "exchange.too_big": "{path}: the file is {size} MB; review files up to {limit} MB can be imported",
        "exchange.unreadable": "{path}: cannot be read ({reason})",
        "exchange.cannot_write": "{path}: cannot write the file ({reason})",
        "exchange.other_briefing": "{path}: the file was exported from another briefing ({found}), "
        "not from this one ({wanted})",
        "exchange.no_identity": "{path}: the file does not say which briefing it was exported from",
        "exchange.unknown_item": "{path}, {where}: no item with id '{item}' in the briefing",
        "exchange.duplicate_item": "{path}, {where}: item '{item}' appears twice in the file",
        "exchange.nothing_to_export": "the briefing has no items whose source is {language} to export",
        "exchange.source_changed": "{where}: the source was changed in the briefing since the export; "
        "nothing from it was taken",
        "exchange.source_edited": "{where}: the source was edited in the file; a source is changed only in the "
        "briefing, so nothing from it was taken",
        "exchange.row_deleted": "{where}: the row of item {number} was deleted from the file; the item was left "
        "as it is",
        "exchange.status_unknown": "{where}: the status '{found}' is not one of: {choices}; the status was left "
        "as it is",
        "exchange.cannot_approve": "{where}: not approved ({reason})",
        "exchange.target_conflict": "{where}: the target was changed both in the file and in the briefing since "
        "the export; nothing from it was taken",
        "exchange.state_lowered": "the reviewer set the state to '{state}' in the review file",
    }
)


class ExchangeError(BriefingError, ValueError):
    """A review file that cannot be exported or imported: one line naming the file and the unit or row."""


@dataclass(frozen=True)
class ProposedComment:
    """A comment as the file has it: `comment_id` for one exported from the briefing, None for a new one."""

    text: str
    author: str = ""
    comment_id: str | None = None
    resolved: bool | None = None  # None: the file does not say


@dataclass(frozen=True)
class Proposal:
    """What the file says about one item. `where` names the unit or row in messages."""

    item_id: str
    where: str
    exported_fingerprint: str | None  # the item's source fingerprint when the file was made
    source: str | None  # the source text as the file now has it (None: not readable from the file)
    target: str | None  # None: the file says nothing about the target
    approve: bool = False  # the file asks for approval of the target
    lowered: str = ""  # the file took an approval back (the state it set), to be flagged
    comments: tuple[ProposedComment, ...] = ()
    conflict: bool = False  # the file changed the target, and so did someone in the briefing since the export


@dataclass(frozen=True)
class ItemChange:
    """The changes the file makes to one item."""

    item_id: str
    number: str  # "2.3": section and item
    where: str
    target: tuple[str, str] | None = None  # (before, after)
    approve: bool = False
    flag: str = ""  # a reason: the approval was taken back in the file
    new_comments: tuple[tuple[str, str], ...] = ()  # (author, text)
    resolved: tuple[tuple[str, bool], ...] = ()  # (comment id, resolved now)


@dataclass
class ReviewDiff:
    changes: list[ItemChange] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)  # reported, never applied

    def __bool__(self) -> bool:
        return bool(self.changes)

    def edit(self, by: str, at: datetime | None = None) -> edits.Edit:
        """The whole import as one undoable edit; `by` is the importing reviewer (approvals, flags, comments)."""
        at = at or now_utc()
        return edits.Batch("edit.import_review", [_item_edit(change, by, at) for change in self.changes])

    def lines(self) -> list[str]:
        """The diff in English, a line or a few per item, for the command line."""
        out: list[str] = []
        for change in self.changes:
            out.append(f"{change.number} ({change.item_id}):")
            if change.target is not None:
                before, after = change.target
                out.append(f"  - {_one_line(before)}")
                out.append(f"  + {_one_line(after)}")
            if change.approve:
                out.append("  approve")
            if change.flag:
                out.append(f"  flag: {change.flag}")
            for author, text in change.new_comments:
                out.append(f"  new comment by {author or '(no author)'}: {_one_line(text)}")
            out += [f"  comment {cid} {'resolved' if done else 'reopened'}" for cid, done in change.resolved]
        out += [f"not applied: {notice.english()}" for notice in self.notices]
        return out


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", " ⏎ ")


def numbers(briefing: Briefing) -> dict[str, str]:
    """Item id → "section.item" as the outline numbers it."""
    return {
        item.id: f"{s}.{i}"
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }


def check_ids(path: str, briefing: Briefing, proposals: Sequence[Proposal]) -> None:
    """ExchangeError for the first unit or row naming an item the briefing lacks, or an item named twice."""
    known = {item.id for item in briefing.items()}
    seen: set[str] = set()
    for proposal in proposals:
        if proposal.item_id in seen:
            raise ExchangeError("exchange.duplicate_item", path=path, where=proposal.where, item=proposal.item_id)
        seen.add(proposal.item_id)
        if proposal.item_id not in known:
            raise ExchangeError("exchange.unknown_item", path=path, where=proposal.where, item=proposal.item_id)


def target_proposed(file_target: str | None, exported: str | None, current: str) -> tuple[str | None, bool]:
    """The target a file proposes, given the fingerprint of the target it was exported with: None when the
    reviewer left it as exported; and whether that is a conflict (both the file and the briefing changed it)."""
    if file_target is None or exported is None or fingerprint(file_target) == exported:
        return None, False
    return file_target, fingerprint(current) != exported and file_target != current


def compare(briefing: Briefing, proposals: Iterable[Proposal]) -> ReviewDiff:
    """The diff of what the proposals change; the briefing is only read. Ids must have been checked."""
    diff = ReviewDiff()
    by_id = {item.id: item for item in briefing.items()}
    numbered = numbers(briefing)
    for proposal in proposals:
        item = by_id[proposal.item_id]
        current = fingerprint(item.source_text)
        if proposal.exported_fingerprint is not None and proposal.exported_fingerprint != current:
            diff.notices.append(Message("exchange.source_changed", {"where": proposal.where}))
            continue
        if proposal.source is not None and proposal.source != item.source_text:
            diff.notices.append(Message("exchange.source_edited", {"where": proposal.where}))
            continue
        if proposal.conflict:
            diff.notices.append(Message("exchange.target_conflict", {"where": proposal.where}))
            continue
        change = _change(item, proposal, numbered[item.id], diff.notices)
        if change is not None:
            diff.changes.append(change)
    return diff


def _change(item: Item, proposal: Proposal, number: str, notices: list[Message]) -> ItemChange | None:
    target = None
    after = item.target_text
    if proposal.target is not None and proposal.target != item.target_text:
        target, after = (item.target_text, proposal.target), proposal.target
    approve = False
    if proposal.approve and (target is not None or item.status is not TargetStatus.APPROVED):
        reason = _approval_problem(item.source_text, after)
        if reason is None:
            approve = True
        else:
            notices.append(Message("exchange.cannot_approve", {"where": proposal.where, "reason": reason}))
    flag = ""
    if proposal.lowered and target is None and item.status is TargetStatus.APPROVED:
        flag = Message("exchange.state_lowered", {"state": proposal.lowered}).english()
    existing = {comment.id: comment for comment in item.comments}
    known_texts = {(comment.author, comment.text) for comment in item.comments}
    new_comments: list[tuple[str, str]] = []
    resolved: list[tuple[str, bool]] = []
    for comment in proposal.comments:
        old = existing.get(comment.comment_id or "")
        if old is None:
            if comment.text.strip() and (comment.author, comment.text) not in known_texts:
                new_comments.append((comment.author, comment.text))
        elif comment.resolved is not None and comment.resolved != old.resolved:
            resolved.append((old.id, comment.resolved))
    if target is None and not approve and not flag and not new_comments and not resolved:
        return None
    return ItemChange(item.id, number, proposal.where, target, approve, flag, tuple(new_comments), tuple(resolved))


def _approval_problem(source: str, target: str) -> Message | None:
    if not source.strip():
        return Message("model.approve_no_source")
    if not target.strip():
        return Message("model.approve_no_translation")
    return None


def _item_edit(change: ItemChange, by: str, at: datetime) -> edits.ItemEdit:
    def apply(item: Item) -> None:
        if change.target is not None:
            item.set_text(item.target, change.target[1], TargetOrigin.HUMAN)
        if change.approve:
            item.approve(by, at)
        if change.flag:
            item.flag_for_review(by, at, change.flag)
        for author, text in change.new_comments:
            comment = item.add_comment(author or by, text)
            comment.created = at
        for comment_id, done in change.resolved:
            item.resolve_comment(comment_id, done, by, at)

    return edits.ItemEdit("edit.import_review", change.item_id, apply)


def direction(briefing: Briefing, source: Language | None = None) -> Language:
    """The source language of an export: as asked, else the one most items are written in (ties: the origin)."""
    if source is not None:
        return Language(source)
    counts = {language: 0 for language in Language}
    for item in briefing.items():
        counts[item.source] += 1
    if counts[Language.KO] == counts[Language.EN]:
        return briefing.origin_language
    return max(counts, key=lambda language: counts[language])


def identity(briefing: Briefing) -> str:
    """Which briefing a review file belongs to: the briefing's creation time, which no edit changes."""
    text = briefing.created.astimezone(UTC).isoformat() if briefing.created.tzinfo else briefing.created.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def check_identity(path: str, briefing: Briefing, found: str | None) -> None:
    if not found:
        raise ExchangeError("exchange.no_identity", path=path)
    if found != identity(briefing):
        raise ExchangeError("exchange.other_briefing", path=path, found=found, wanted=identity(briefing))


def size_checked(path: Any, max_bytes: int) -> bytes:
    """The file's bytes, refused before reading when it is larger than `max_bytes`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExchangeError(
                "exchange.too_big", path=str(path), size=f"{size / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}"
            )
        data: bytes = read_regular(path, max_bytes)  # a pipe or a device is refused; the cap holds while reading
        return data
    except TooLarge:
        raise ExchangeError(
            "exchange.too_big", path=str(path), size=f"> {max_bytes / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}"
        ) from None
    except OSError as error:
        raise ExchangeError("exchange.unreadable", path=str(path), reason=error.strerror or str(error)) from None

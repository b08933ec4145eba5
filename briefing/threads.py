"""Comment threads: an item's comments as conversations a reviewer follows, filters and counts.

A comment whose `reply_to` is None starts a thread; a reply names the comment it answers (briefing.rules keeps
every reply pointing at a comment of the same item, without circles). A thread is open while any comment in it
is unresolved. The item editor lists threads in this order; the outline and the grid mark items with open ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from briefing.model import Comment, Item


class Shown(StrEnum):
    """Which threads a comment list shows."""

    ALL = "all"
    OPEN = "open"  # threads with an unresolved comment
    RESOLVED = "resolved"  # threads whose every comment is resolved


@dataclass(frozen=True)
class Entry:
    """One comment in a listing: its depth in the thread (0 for the comment that starts it) and its thread's
    first comment id."""

    comment: Comment
    depth: int
    thread: str


def entries(comments: Sequence[Comment], shown: Shown = Shown.ALL) -> list[Entry]:
    """The comments thread by thread (threads in the order they were started), each reply under the comment it
    answers, replies to one comment in the order written. A reply whose parent is missing (never in a valid
    briefing) starts a thread of its own rather than disappearing."""
    ids = {c.id for c in comments}
    children: dict[str | None, list[Comment]] = {}
    for comment in comments:
        parent = comment.reply_to if comment.reply_to in ids and comment.reply_to != comment.id else None
        children.setdefault(parent, []).append(comment)
    listed: list[Entry] = []
    seen: set[str] = set()
    for root in children.get(None, []):
        thread: list[Entry] = []
        stack = [(root, 0)]
        while stack:
            comment, depth = stack.pop()
            if comment.id in seen:
                continue  # a circle (never in a valid briefing): each comment is listed once
            seen.add(comment.id)
            thread.append(Entry(comment, depth, root.id))
            stack += [(child, depth + 1) for child in reversed(children.get(comment.id, []))]
        is_open = any(not entry.comment.resolved for entry in thread)
        if shown is Shown.ALL or (shown is Shown.OPEN) == is_open:
            listed += thread
    return listed


def open_threads(item: Item) -> int:
    """How many of the item's threads have an unresolved comment."""
    threads = {entry.thread for entry in entries(item.comments) if not entry.comment.resolved}
    return len(threads)


def has_open_comments(item: Item) -> bool:
    """Whether any comment of the item is unresolved (what the outline and the grid mark)."""
    return any(not comment.resolved for comment in item.comments)

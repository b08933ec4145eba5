"""What the window must ask before a person's work is lost or an unrevised translation is approved.

Two moments call for a question (issue 11, "Seeing what changed"): approving an item whose source changed while
its translation was not touched since, and replacing a translation a person wrote or approved (retranslating,
a memory match, translating a selection). The decisions live here, free of Qt, so that the composer, the review
grid and the command line ask the same things; the window only shows the question (ui/asking.py) and passes the
answer back. Questions are message codes (worded by the window in the user's language).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from briefing.messages import Message, register
from briefing.model import Briefing, Item, TargetStatus

register(
    {
        "ask.source_changed_approved": "The source changed since the last approval and the translation was not "
        "revised. Approve anyway?",
        "ask.source_changed": "The source changed since the translation was made and the translation was not "
        "revised. Approve anyway?",
        "ask.overwrite_one": "This replaces a translation that was approved or edited by a person. Replace it?",
        "ask.overwrite_many": "{count} of the {total} items have a translation that was approved or edited by a "
        "person. Replace those too, or skip them?",
    }
)


def approval_question(item: Item) -> Message | None:
    """The question to ask before approving `item`, or None when approving needs no question.

    Asked when the target was last set (typed, translated or approved) against another source text than the
    current one: the source changed and nobody revised the translation since. Typing in the target after the
    source changed sets the target against the new source, and approving then asks nothing."""
    if not item.target_text.strip() or item.is_current() or item.basis is None:
        return None
    if item.approved_source is not None:
        return Message("ask.source_changed_approved", {})
    return Message("ask.source_changed", {})


def needs_approval_question(items: Iterable[Item]) -> list[str]:
    """The ids of the items among `items` whose approval would ask (for a bulk approval's one question)."""
    return [item.id for item in items if approval_question(item) is not None]


def is_person_work(item: Item) -> bool:
    """Whether the target holds a translation a person wrote or approved, which a machine or a memory match must
    not replace without asking.

    Approved and edited targets are; machine- and memory-filled ones are not. A target whose source changed since
    (needs review) is a person's when it was approved, or when it differs from the machine or memory text last
    put in (`Item.suggestion`); with no suggestion known (older files), it is taken to be a person's."""
    if not item.target_text.strip():
        return False
    if item.status in (TargetStatus.APPROVED, TargetStatus.EDITED):
        return True
    if item.status in (TargetStatus.MACHINE, TargetStatus.MEMORY, TargetStatus.EMPTY):
        return False
    return item.approved_source is not None or item.suggestion is None or item.target_text != item.suggestion


class Answer(StrEnum):
    """What the user said to a question about replacing people's translations."""

    REPLACE = "replace"  # replace them too
    SKIP = "skip"  # go ahead with the others only
    CANCEL = "cancel"  # do nothing


@dataclass(frozen=True)
class Overwrite:
    """The items a job would write into, split into those a person worked on (`protected`) and the rest."""

    replaceable: tuple[str, ...]
    protected: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.replaceable) + len(self.protected)

    @property
    def needs_question(self) -> bool:
        return bool(self.protected)

    def question(self) -> Message:
        """The words of the question: for one item a yes/no, for several the count (the answer may be "skip")."""
        if self.total == 1:
            return Message("ask.overwrite_one", {})
        return Message("ask.overwrite_many", {"count": len(self.protected), "total": self.total})

    @property
    def can_skip(self) -> bool:
        """ "Skip those" makes sense only when something would be left to do."""
        return bool(self.replaceable)

    def chosen(self, answer: Answer) -> list[str] | None:
        """The item ids to go ahead with after `answer`, in order; None to do nothing at all."""
        if answer is Answer.CANCEL:
            return None
        if answer is Answer.SKIP:
            return list(self.replaceable) if self.replaceable else None
        return [*self.replaceable, *self.protected]


def overwrite_plan(briefing: Briefing, item_ids: Iterable[str]) -> Overwrite:
    """How the items `item_ids` (those a job would write a translation into) split: replaceable or protected.
    Ids no longer in the briefing are left out; each id counts once."""
    by_id = {item.id: item for item in briefing.items()}
    replaceable: list[str] = []
    protected: list[str] = []
    for item_id in dict.fromkeys(item_ids):
        item = by_id.get(item_id)
        if item is not None:
            (protected if is_person_work(item) else replaceable).append(item_id)
    return Overwrite(tuple(replaceable), tuple(protected))


def approvers(briefing: Briefing) -> dict[str, int]:
    """Who approved how many of the items that stand approved now, by name, sorted by name; approvals that did
    not record who (files before format version 2, or no author set) count under ""."""
    counts: dict[str, int] = {}
    for item in briefing.items():
        if item.status is TargetStatus.APPROVED:
            name = item.approved_by or ""
            counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))

"""Where each item stands: approved against a source that has since changed, machine or memory output nobody
reviewed, comments still open, a reviewer's flag; and where each translated title stands (`check_titles`)."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.messages import register
from briefing.model import Briefing, Item, TargetStatus
from briefing.qa.model import Finding, Severity
from briefing.qa.registry import CHECKS, Context, Scope

NAME = "status"
TITLES = "title_status"

register(
    {
        "qa.status_stale_approval": "approved, but the source changed after the approval",
        "qa.status_source_changed": "the source changed after the translation was made; it needs another look",
        "qa.status_machine": "machine translation that nobody has reviewed",
        "qa.status_memory": "filled from the translation memory and not reviewed",
        "qa.status_open_comments": "{count} comment(s) still open",
        "qa.status_flagged": "flagged for review",
        "qa.title_missing": "the title “{text}” has no translation",
        "qa.title_machine": "the title “{text}” is a machine translation that nobody has reviewed",
        "qa.title_review": "the title “{text}” needs another look",
    }
)


@CHECKS.check(NAME)
def check_status(item: Item, context: Context) -> Iterator[Finding]:
    if item.status is TargetStatus.APPROVED and not item.is_current():
        yield Finding(NAME, "qa.status_stale_approval", Severity.ERROR, item.id)
    elif item.status is TargetStatus.NEEDS_REVIEW:
        yield Finding(NAME, "qa.status_source_changed", Severity.WARNING, item.id)
    elif item.status is TargetStatus.MACHINE:
        yield Finding(NAME, "qa.status_machine", Severity.WARNING, item.id)
    elif item.status is TargetStatus.MEMORY:
        yield Finding(NAME, "qa.status_memory", Severity.WARNING, item.id)
    open_comments = sum(not comment.resolved for comment in item.comments)
    if open_comments:
        yield Finding(NAME, "qa.status_open_comments", Severity.INFO, item.id, {"count": open_comments})
    if item.flag is not None:
        yield Finding(NAME, "qa.status_flagged", Severity.INFO, item.id)


_TITLE_CODES = {
    TargetStatus.MACHINE: "qa.title_machine",
    TargetStatus.MEMORY: "qa.title_machine",
    TargetStatus.NEEDS_REVIEW: "qa.title_review",
}


@CHECKS.check(TITLES, Scope.BRIEFING)
def check_titles(briefing: Briefing, context: Context) -> Iterator[Finding]:
    """The card's texts and section titles a final export waits for (`Briefing.pending_titles`), as warnings."""
    for title in briefing.pending_titles():
        text = title.text.ko.strip() or title.text.en.strip()
        both = title.text.ko.strip() and title.text.en.strip()
        code = _TITLE_CODES.get(title.state.status, "qa.title_missing") if both else "qa.title_missing"
        yield Finding(TITLES, code, Severity.WARNING, None, {"text": text[:60]})

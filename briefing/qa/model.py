"""What a QA check reports: a finding with a code and parameters, its severity, the item and the spans.

A finding is worded like every other message of the core (`briefing.messages`): the code names the sentence,
the parameters fill it, and the window or the command line words it in its own language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from briefing.messages import Message
from briefing.model import Language


class Severity(StrEnum):
    ERROR = "error"  # the two sides say different things: a final export should not go out with it
    WARNING = "warning"  # probably wrong: a reviewer should look
    INFO = "info"  # worth knowing, often fine

    @property
    def rank(self) -> int:
        """Higher is more serious (for `--fail-on` and sorting)."""
        return {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}[self]


@dataclass(frozen=True, order=True)
class Span:
    """Characters `start`…`end` of an item's text in `language` (Python string offsets)."""

    language: Language
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One thing a check found. `item_id` is None for a finding about the whole briefing."""

    check: str  # the registered name of the check, e.g. "numbers"
    code: str  # a message code registered with briefing.messages.register, e.g. "qa.numbers_differs"
    severity: Severity
    item_id: str | None
    params: Mapping[str, Any] = field(default_factory=dict)
    spans: tuple[Span, ...] = ()

    @property
    def message(self) -> Message:
        return Message(self.code, self.params)

    def english(self) -> str:
        return self.message.english()

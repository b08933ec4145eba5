"""What a QA check reports: a finding with a code and parameters, its severity, the item and the spans.

A finding is worded like every other message of the core (`briefing.messages`): the code names the sentence,
the parameters fill it, and the window or the command line words it in its own language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from briefing.messages import Message
from briefing.model import Language

# code → parameters that only say *where* something is (an item's number such as "2.3", which changes when
# items move): left out of `Finding.key`, so that a waiver survives reordering. A finding that names another
# item carries that item's id as well (e.g. `other_id`), which the key keeps.
POSITION_PARAMS: Mapping[str, frozenset[str]] = {
    "qa.consistency_source": frozenset({"other"}),
    "qa.consistency_target": frozenset({"other"}),
}
KEY_LENGTH = 16  # hexadecimal digits of a finding's key


def _canonical(value: Any) -> Any:
    """A parameter value as plain JSON (a nested Message as its code and parameters)."""
    if isinstance(value, Message):
        return {"code": value.code, "params": {k: _canonical(v) for k, v in value.params.items()}}
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def finding_key(check: str, code: str, params: Mapping[str, Any]) -> str:
    """The fingerprint of a finding: the first `KEY_LENGTH` hex digits of the SHA-256 of canonical JSON (sorted
    keys, no spaces) of its check, code and parameters, without the position-only ones (`POSITION_PARAMS`)."""
    skipped = POSITION_PARAMS.get(code, frozenset())
    kept = {name: _canonical(value) for name, value in params.items() if name not in skipped}
    text = json.dumps(
        {"check": check, "code": code, "params": kept}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:KEY_LENGTH]


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

    @property
    def key(self) -> str:
        """What identifies this finding across runs and sessions (for waivers): the same check, code and
        parameters give the same key, wherever the item stands and whatever the spans (see `finding_key`).
        Together with the item id it tells one finding from another."""
        return finding_key(self.check, self.code, self.params)

    def english(self) -> str:
        return self.message.english()

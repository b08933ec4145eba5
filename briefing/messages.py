"""Messages with codes: what the core says to a person, as a code and parameters, never as a finished sentence.

The core raises `BriefingError`s and reports `Message`s; the command line words them in English with
`english()`, the window words them in the interface language from its own catalogue keyed by the same codes
(`ui/messages.py`). A new message adds its code and English text to `ENGLISH` here and its Korean text to the
window's catalogue; a test walks every code through both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# code → English text with `{name}` fields filled from the message's parameters.
ENGLISH: dict[str, str] = {}


def register(texts: Mapping[str, str]) -> None:
    """Declare message codes with their English texts (each module declares the codes it raises)."""
    for code, text in texts.items():
        if code in ENGLISH and ENGLISH[code] != text:
            raise ValueError(f"message code {code!r} declared twice with different texts")
        ENGLISH[code] = text


@dataclass(frozen=True)
class Message:
    """A code such as `rules.end_before_start` and the values its sentence needs."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return english(self.code, self.params)

    def __str__(self) -> str:
        return self.english()


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The English wording of a code; an unknown code or a missing parameter still gives a readable line."""
    params = dict(params or {})
    template = ENGLISH.get(code)
    if template is None:
        details = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code}" + (f" ({details})" if details else "")
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class BriefingError(Exception):
    """Base of every error the core raises for a person to read: a code, parameters and an English text."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(english(code, params))

    @property
    def message(self) -> Message:
        return Message(self.code, self.params)

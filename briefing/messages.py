"""Messages with codes: what the core says to a person, as a code and parameters, never as a finished sentence.

The core raises `BriefingError`s and reports `Message`s; the command line words them in English with
`english()`, the window words them in the interface language from its own catalogue keyed by the same codes
(`ui/messages.py`). A new message adds its code and English text to `ENGLISH` here and its Korean text to the
window's catalogue; a test walks every code through both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

# code → English text with `{name}` fields filled from the message's parameters.
ENGLISH: dict[str, str] = {}

# parameter name → {value: English word}: parameters whose values are words of the document's vocabulary
# (an item `type` such as "paragraph", a `status`, a language code), worded by whoever words the message.
VALUE_WORDS: dict[str, dict[str, str]] = {}


def register(texts: Mapping[str, str]) -> None:
    """Declare message codes with their English texts (each module declares the codes it raises)."""
    for code, text in texts.items():
        if code in ENGLISH and ENGLISH[code] != text:
            raise ValueError(f"message code {code!r} declared twice with different texts")
        ENGLISH[code] = text


def register_values(parameter: str, words: Mapping[Any, str]) -> None:
    """Declare the English words for the values a parameter of that name holds (e.g. `status`)."""
    VALUE_WORDS.setdefault(parameter, {}).update({str(value): word for value, word in words.items()})


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
    params = {name: english_value(name, value) for name, value in (params or {}).items()}
    template = ENGLISH.get(code)
    if template is None:
        details = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code}" + (f" ({details})" if details else "")
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def english_value(name: str, value: Any) -> Any:
    """A parameter value as the English text shows it: a nested `Message` worded, a list joined, a vocabulary
    value (see `register_values`) as its word; anything else as it is (so format specs still apply)."""
    if isinstance(value, Message):
        return value.english()
    if isinstance(value, list | tuple):
        return ", ".join(str(english_value(name, element)) for element in value)
    words = VALUE_WORDS.get(name)
    if words is not None and str(value) in words:
        return words[str(value)]
    return value


def codes(params: Mapping[str, Any]) -> Iterator[str]:
    """The codes of the messages nested in parameters (a summary may carry its reason as a Message)."""
    for value in params.values():
        for element in value if isinstance(value, list | tuple) else (value,):
            if isinstance(element, Message):
                yield element.code
                yield from codes(element.params)


class BriefingError(Exception):
    """Base of every error the core raises for a person to read: a code, parameters and an English text.

    `hint` is for the command line only (e.g. which flag to use): `str()` includes it, the window's catalogue
    words the code and parameters alone."""

    hint: str = ""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return english(self.code, self.params)

    def with_hint(self, hint: str) -> BriefingError:
        """The same error with an English hint appended (hints name command-line flags and commands)."""
        self.hint = hint
        self.args = (self.english() + hint,)
        return self

    @property
    def message(self) -> Message:
        return Message(self.code, self.params)

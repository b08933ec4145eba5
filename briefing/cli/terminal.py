"""What the command line prints is text a person wrote in a briefing, a settings file or a file name: a control
character in it (an escape sequence that retitles the terminal, clears the screen or fakes a prompt) must be
shown, not obeyed. Every command prints through `Neutralised` streams (see cli/main.run)."""

from __future__ import annotations

import io
import re
from typing import TextIO

# C0 and C1 controls but tab, newline and carriage return (the progress bar redraws with it); and the bidirectional
# embeddings, overrides and isolates that make a terminal show text in another order than it was written.
_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def neutralise(text: str) -> str:
    """Control characters shown as `\\x1b`- or `\\u202e`-style escapes; tab, newline and carriage return kept."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


class Neutralised(io.TextIOBase):
    """A text stream that writes to `stream` with control characters neutralised."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(neutralise(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")

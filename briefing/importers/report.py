"""What an import found, read and could not place: shown to the drafter before the draft is applied."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.messages import BriefingError, register

register(
    {
        "import.unknown_format": "{path}: not a format that can be imported (.txt, .md, .docx or .hwpx)",
        "import.binary": "{path}: binary data, not text (no encoding reads it)",
        "import.too_large": "{path}: larger than the {limit} MB an imported document may have",
        "import.damaged": "{path}: the document cannot be read ({reason})",
        "import.encrypted": "{path}: a password-protected document or an old Word .doc, not a .docx; "
        "save it unprotected as .docx first",
        "import.encrypted_hwpx": "{path}: a password-protected HWPX document or an HWP 5 (.hwp) file, not a "
        "readable .hwpx; save it unprotected as .hwpx first",
        "import.empty": "{path}: there is no text to import",
        "import.exists": "{path}: already exists; add --force to replace it",
    }
)


class ImportFailed(BriefingError):
    """A document that could not be imported at all, said in one line (a partial import is a report instead)."""


@dataclass(frozen=True)
class Detection:
    """One thing recognised (a title, a session number, a date…): what, the text it was read as, how sure."""

    what: str
    value: str
    confidence: float


@dataclass(frozen=True)
class Unplaced:
    """A line kept as a paragraph item because nothing recognised it: where it is in the source."""

    line: int
    text: str


@dataclass
class ImportReport:
    """Everything the drafter should see before applying a draft."""

    source: str
    format: str
    encoding: str = ""
    language: str = ""
    detected: list[Detection] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    set_apart: list[str] = field(default_factory=list)  # boilerplate kept in the draft's last section
    skipped: list[str] = field(default_factory=list)  # what a partial import could not read, and where
    notes: list[str] = field(default_factory=list)

    def detect(self, what: str, value: object, confidence: float) -> None:
        self.detected.append(Detection(what, str(value), round(confidence, 2)))

    def lines(self) -> list[str]:
        """The report as plain lines (the command line prints them), control characters shown escaped (a file name
        or a damaged document's text can carry terminal escape sequences: they are printed, never obeyed)."""
        return [shown(line) for line in self._lines()]

    def _lines(self) -> list[str]:
        out = [f"source: {self.source} ({self.format}" + (f", {self.encoding}" if self.encoding else "") + ")"]
        if self.language:
            out.append(f"language: {self.language}")
        out += [f"detected {d.what}: {d.value} (confidence {d.confidence:.2f})" for d in self.detected]
        out += [f"set apart: {text}" for text in self.set_apart]
        out += [f"not understood (line {u.line}, kept as a paragraph): {u.text}" for u in self.unplaced]
        out += [f"skipped: {text}" for text in self.skipped]
        out += [f"note: {text}" for text in self.notes]
        return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """`text` with every C0/C1 control character (ESC of a terminal escape sequence, a newline) as `\\x1b`."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)

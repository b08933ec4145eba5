"""A document as the importers read it: lines of text in reading order, each with where it came from.

Readers turn bytes into a `SourceDocument`; structure recognition never sees a file format."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One line of text: `part` is body, table, header or footer; `style` the paragraph style a DOCX gave it
    ("" for text); `list_level` the numbering level of a DOCX list paragraph (None: not a list)."""

    text: str
    number: int
    part: str = "body"
    style: str = ""
    list_level: int | None = None


@dataclass
class SourceDocument:
    lines: list[Line] = field(default_factory=list)
    encoding: str = ""
    skipped: list[str] = field(default_factory=list)


# C0/C1 controls other than tab and newline (terminal escape sequences start with ESC) are never text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Whole terminal escape sequences (CSI "ESC [ … m", OSC "ESC ] … BEL" such as window titles and links, and the
# two-character ones) go, not only their ESC: "[31m" left in an item is noise. Linear: the classes are disjoint and
# an OSC is bounded.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?|\x1b[0-~]"
)


def clean_text(text: str) -> str:
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16 pattern, or many control bytes: not a text file (a few control characters, such
    as a terminal escape pasted into a text, are removed from a text instead)."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\0" in head or controls / len(head) > 0.3


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 4 and even == 0:
        return "utf-16-le"
    if even > len(head) // 4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str, list[str]] | None:
    """The text, the encoding it was read in and the lines that needed another (or no) encoding; None: binary.

    Tried in order: a byte-order mark (UTF-8, UTF-16), UTF-16 without one, UTF-8, CP949 (a superset of
    EUC-KR). A file mixing encodings is read line by line, each line in the first that fits; a line that
    none reads is kept with replacement characters and named in the returned list."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "UTF-8 with BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "UTF-16")
    wide = _utf16_without_bom(data)
    if wide:
        return _strict(data, wide, wide.upper())
    if looks_binary(data):
        return None
    for codec, name in (("utf-8", "UTF-8"), ("cp949", "CP949 (EUC-KR)")):
        try:
            return data.decode(codec), name, []
        except UnicodeDecodeError:
            continue
    return _mixed(data)


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str, list[str]] | None:
    try:
        return data.decode(codec), name, []
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, name, [f"bytes that are not {name} were replaced by \ufffd"]


def _mixed(data: bytes) -> tuple[str, str, list[str]] | None:
    lines, used, problems = [], set(), []
    for number, raw in enumerate(data.split(b"\n"), 1):
        for codec, name in (("utf-8", "UTF-8"), ("cp949", "CP949 (EUC-KR)")):
            try:
                lines.append(raw.decode(codec))
                used.add(name)
                break
            except UnicodeDecodeError:
                continue
        else:
            lines.append(raw.decode("utf-8", errors="replace"))
            problems.append(f"line {number}: in no known encoding; unreadable bytes replaced by \ufffd")
    if not used:
        return None
    return "\n".join(lines), "mixed (" + ", ".join(sorted(used)) + ")", problems

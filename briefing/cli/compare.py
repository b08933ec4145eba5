"""The `compare` command: what changed between two versions of a briefing (two files, or a file and its `.bak`).

Prints an item-level report with short word diffs (`[-deleted-]{+inserted+}`), or the report as JSON, and can
write it as a DOCX with tracked changes. Exit status as `diff`'s: 0 when the versions are the same, 1 when they
differ, 2 when a file cannot be used (then nothing is written).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TextIO

from briefing import storage
from briefing.cli import settings as cli_settings
from briefing.compare.diff import Change, Piece
from briefing.compare.docx import write_docx
from briefing.compare.versions import (
    Report,
    TextChange,
    compare,
    item_heading,
    report_json,
    section_heading,
    summary,
)
from briefing.messages import BriefingError, register

EXIT_SAME, EXIT_DIFFERENT = 0, 1
CONTEXT = 30  # characters of unchanged text shown either side of a change
LONG = 240  # an inserted or deleted stretch longer than this is shown by its ends

register(
    {
        "compare.no_backup": "{path}: there is no earlier version to compare with ({backup} is written when the "
        "file is saved again); name two files",
        "compare.output_is_input": "{path}: is one of the briefings compared; write the DOCX to another file",
    }
)

EPILOG = """\
With one FILE, compares FILE.bak (the version before the last save) with FILE.
The report lists items added, removed, moved (to another section, or out of order) and changed (texts, with
[-deleted-]{+inserted+} word diffs; type, status, source language, flag, comments), then changes of the title,
the meeting card and the section titles. Items are matched by id, and items whose ids differ by their text
(the report says so). --json prints the report as JSON (see docs/compare.md); --docx writes it as a Word file
with tracked changes (accept all: the new texts; reject all: the old).
Exit status: 0 when the versions are the same, 1 when they differ, 2 when a file cannot be used."""


class CompareError(BriefingError, ValueError):
    """A comparison that cannot be made as asked (no backup to compare with, an output over an input)."""


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "compare",
        help="what changed between two versions of a briefing (exit 0 same, 1 different, 2 trouble)",
        description="Compare two versions of a briefing item by item.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier version (or FILE, see below)")
    parser.add_argument("new", type=Path, nargs="?", metavar="NEW", help="the later version")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--docx", type=Path, metavar="OUT", help="also write the report as a DOCX with tracked changes")
    parser.add_argument("--author", help="the author of the tracked changes (default: the author of the settings)")


def run_compare(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    old_path, new_path = args.old, args.new
    if new_path is None:
        new_path, old_path = args.old, storage.backup_path(args.old)
        if not old_path.exists() and new_path.exists():
            raise CompareError("compare.no_backup", path=str(new_path), backup=old_path.name)
    if args.docx is not None:
        _check_output(args.docx, old_path, new_path)
    old, new = storage.load(old_path), storage.load(new_path)
    report = compare(old, new)
    if args.docx is not None:
        author = args.author if args.author is not None else cli_settings.load().author
        write_docx(report, args.docx, old_name=str(old_path), new_name=str(new_path), author=author)
    if args.json:
        out.write(
            safe_json(json.dumps(report_json(report, str(old_path), str(new_path)), ensure_ascii=False, indent=1))
        )
        out.write("\n")
    else:
        for line in report_lines(report, str(old_path), str(new_path)):
            print(line, file=out)
        if args.docx is not None:
            print(f"wrote {args.docx}", file=out)
    return EXIT_SAME if report.same else EXIT_DIFFERENT


def _check_output(output: Path, *inputs: Path) -> None:
    for path in inputs:
        try:
            same = output.resolve() == path.resolve() or (output.exists() and output.samefile(path))
        except OSError:
            same = False
        if same:
            raise CompareError("compare.output_is_input", path=str(output))


# -- the printed report ------------------------------------------------------------------------------------

# Characters that change how a terminal lays text out without being control characters: bidirectional
# embeddings, overrides, isolates and marks (a "Trojan Source" line reads differently from what it holds).
# The streams of cli/main.run show C0/C1 controls; these are shown here, as \u escapes.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_CONTROL = re.compile("[\x7f-\x9f]")


def visible(text: str) -> str:
    """Text for one line of the report: bidi controls as `\\u202e`, line breaks as ⏎."""
    text = _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def safe_json(text: str) -> str:
    """JSON whose strings hold bidi and C1 control characters as `\\uXXXX` escapes (the same JSON, but nothing a
    terminal obeys; json.dumps escapes C0 controls itself)."""
    return _CONTROL.sub(_escape, _INVISIBLE.sub(_escape, text))


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _short(text: str, keep: str) -> str:
    """Unchanged text cut to the context a reader needs: its end (`keep="end"`), its start, or both ends."""
    if keep == "end":
        return text if len(text) <= CONTEXT else "…" + text[-CONTEXT:]
    if keep == "start":
        return text if len(text) <= CONTEXT else text[:CONTEXT] + "…"
    return text if len(text) <= 2 * CONTEXT + 1 else text[:CONTEXT] + "…" + text[-CONTEXT:]


def _long(text: str) -> str:
    return text if len(text) <= LONG else f"{text[: LONG // 2]}…({len(text) - LONG} more)…{text[-LONG // 2 :]}"


def marked(pieces: list[Piece] | tuple[Piece, ...]) -> str:
    """The diff in one line: `[-deleted-]{+inserted+}`, unchanged text shortened around the changes."""
    out = []
    for index, piece in enumerate(pieces):
        if piece.change is Change.DELETED:
            out.append(f"[-{_long(piece.text)}-]")
        elif piece.change is Change.INSERTED:
            out.append(f"{{+{_long(piece.text)}+}}")
        else:
            first, last = index == 0, index == len(pieces) - 1
            keep = "all" if first and last else "end" if first else "start" if last else "both"
            out.append(piece.text if keep == "all" else _short(piece.text, keep))
    return visible("".join(out))


def _change_line(change: TextChange, indent: str, label: str) -> str:
    return f"{indent}{label}{marked(change.pieces)}"


def report_lines(report: Report, old_name: str, new_name: str) -> list[str]:
    lines = [visible(f"{old_name} → {new_name}: {summary(report)}")]
    if report.card:
        lines.append("Title and meeting card")
        for change in report.card:
            language = f" ({change.language.value.upper()})" if change.language else ""
            lines.append(_change_line(change, "  ", visible(f"{change.where}{language}: ")))
    if report.sections:
        lines.append("Sections")
        for section in report.sections:
            lines.append("  " + visible(section_heading(section)))
            for change in section.titles:
                lines.append(_change_line(change, "      ", f"{(change.language or 'en').upper()} "))
    if report.items:
        lines.append("Items")
        for item in report.items:
            lines.append("  " + visible(item_heading(item)))
            for field in item.fields:
                lines.append("      " + visible(f"{field.name}: {field.old} → {field.new}"))
            for change in item.texts:
                lines.append(_change_line(change, "      ", f"{(change.language or 'en').upper()} "))
    return lines

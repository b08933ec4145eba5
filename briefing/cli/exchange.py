"""The `exchange` command: a briefing out to XLIFF 2 or a review DOCX, and a reviewed file's diff back in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from briefing import storage
from briefing.cli import settings as cli_settings
from briefing.exchange import review_docx, xliff
from briefing.exchange.review import direction
from briefing.exchange.reviewed import read
from briefing.model import Briefing, Language

EXIT_OK = 0
FORMATS = ("xliff", "review-docx")

EPILOG = """\
export writes the items whose source is --source (default: the language most items are written in) as XLIFF 2.0
or as a bilingual review table in DOCX. import shows what a reviewed file changes — targets, approvals, new
comments — and, with --apply, stores it in FILE as one change (FILE.bak keeps the previous version). Units or
rows whose source changed in the briefing since the export, whose source was edited in the file, or that were
deleted are reported and never applied.
Exit status: 0 when done, 2 when a file cannot be used (missing, damaged, hostile, for another briefing,
an unknown or repeated item); the briefing is then unchanged."""


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exchange = commands.add_parser(
        "exchange",
        help="review outside the application: XLIFF 2 or a review DOCX, out and back in",
        description="Export a briefing for review in a CAT tool (XLIFF 2.0) or in Word/LibreOffice (review DOCX),\n"
        "and import the reviewed file.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = exchange.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write FILE's items as XLIFF 2.0 or a review DOCX")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", choices=FORMATS, required=True, help="xliff or review-docx")
    export.add_argument("--out", type=Path, required=True, metavar="F", help="the file to write")
    export.add_argument("--source", choices=["ko", "en"], help="the source language (default: most items')")
    import_ = actions.add_parser("import", help="show (and with --apply, store) what a reviewed file changes")
    import_.add_argument("file", type=Path, metavar="FILE")
    import_.add_argument("reviewed", type=Path, metavar="F", help="the reviewed .xlf/.xliff or .docx file")
    import_.add_argument("--apply", action="store_true", help="store the changes in FILE")
    import_.add_argument("--author", help="who reviewed (default: the author of the settings)")


def run_exchange(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.action == "export":
        return _export(args, out)
    return _import(args, out)


def _export(args: argparse.Namespace, out: TextIO) -> int:
    briefing = storage.load(args.file)
    source = Language(args.source) if args.source else None
    if args.format == "xliff":
        left_out = xliff.export_xliff(briefing, args.out, source)
    else:
        left_out = review_docx.export_review_docx(briefing, args.out, source)
    written = len(briefing.items()) - left_out
    line = f"wrote {written} items to {args.out}"
    if left_out:
        other = "Korean" if (source or _majority(briefing)) is Language.EN else "English"
        line += f"; {left_out} items written in {other} were left out (export them with --source)"
    print(line, file=out)
    return EXIT_OK


def _majority(briefing: Briefing) -> Language:
    return direction(briefing)


def _import(args: argparse.Namespace, out: TextIO) -> int:
    briefing, read_digest = storage.read(args.file)
    diff = read(briefing, args.reviewed)
    for line in diff.lines():
        print(line, file=out)
    if not diff.changes:
        print(f"{args.reviewed}: no changes to {args.file}", file=out)
        return EXIT_OK
    if not args.apply:
        print(f"{len(diff.changes)} items would change; run again with --apply to store them", file=out)
        return EXIT_OK
    author = args.author if args.author is not None else cli_settings.load().author
    diff.edit(author).apply(briefing)  # EditRefused (nothing changed) when a rule would break
    briefing.touch()
    storage.save(briefing, args.file, expected=read_digest)
    print(f"{len(diff.changes)} items changed; saved {args.file}", file=out)
    return EXIT_OK

"""The `terms` command: list, find, add, import and export termbase entries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from briefing.cli import settings as cli_settings
from briefing.messages import BriefingError, register
from briefing.model import Language
from briefing.terms.exchange import export_file, import_file
from briefing.terms.model import Entry, TermStatus
from briefing.terms.stack import PERSONAL, SHIPPED, Terminology, TermSource

EXIT_OK = 0

register({"terms.no_termbase": "there is no termbase called {name}; the termbases are: {names}"})


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    terms = commands.add_parser(
        "terms",
        help="list, find, add, import and export termbase entries",
        description="The termbases: personal (<data folder>/terminology/personal.sqlite), the office termbases "
        "named in the\noffice_termbases setting, and the shipped one. Files: .tbx, .csv, .tsv, .txt, .utf8.\n"
        "Exit status: 0 when done, 2 for a bad file, an unknown termbase or a refused entry.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = terms.add_subparsers(dest="action", metavar="ACTION", required=True)
    list_ = actions.add_parser("list", help="every entry of every termbase (or of one)")
    list_.add_argument("--termbase", metavar="NAME", help="personal, shipped, or an office termbase's name")
    find = actions.add_parser("find", help="entries with TEXT in a term, an acronym or a note")
    find.add_argument("text", metavar="TEXT")
    add = actions.add_parser("add", help="add a Korean/English pair to the personal termbase")
    add.add_argument("--ko", required=True, metavar="K")
    add.add_argument("--en", required=True, metavar="E")
    add.add_argument("--note", default="")
    add.add_argument("--source", default="", help="where the rendering was confirmed (URL, document)")
    add.add_argument("--forbidden-en", action="append", default=[], metavar="X", help="an English term not to use")
    add.add_argument("--forbidden-ko", action="append", default=[], metavar="X", help="a Korean term not to use")
    import_ = actions.add_parser("import", help="add a glossary file's entries (all or none)")
    import_.add_argument("file", type=Path, metavar="FILE")
    import_.add_argument("--into", default=PERSONAL, choices=[PERSONAL], help="the termbase to add to")
    import_.add_argument(
        "--source-language", default="ko", choices=["ko", "en"], help="the first column of a CSV/TSV glossary"
    )
    export = actions.add_parser("export", help="write a termbase's entries to a file")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--termbase", default=PERSONAL, metavar="NAME")
    export.add_argument(
        "--source-language", default="ko", choices=["ko", "en"], help="the first column of a CSV/TSV glossary"
    )


def run_terms(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    terminology = Terminology.load(settings=cli_settings.load())
    try:
        for problem in terminology.problems:
            print(f"warning: {problem}", file=sys.stderr)
        return _run(terminology, args, out)
    finally:
        terminology.close()


def _run(terminology: Terminology, args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "list":
        sources = [_termbase(terminology, args.termbase)] if args.termbase else terminology.termbases[1:]
        for termbase in sources:
            for entry in termbase.entries():
                print(show_entry(entry), file=out)
        return EXIT_OK
    if args.action == "find":
        for entry in terminology.search(args.text):
            print(show_entry(entry), file=out)
        return EXIT_OK
    if args.action == "add":
        entry = terminology.add_term(
            args.ko, args.en, note=args.note, source=args.source, forbidden_en=args.forbidden_en,
            forbidden_ko=args.forbidden_ko,
        )  # fmt: skip
        print(f"added {show_entry(entry)}", file=out)
        return EXIT_OK
    if args.action == "import":
        report = import_file(terminology.personal, args.file, Language(args.source_language))
        print(f"{args.file}: {report.added} added, {report.updated} updated, {len(report.skipped)} skipped", file=out)
        for skipped in report.skipped:
            print(f"  skipped {skipped.where}: {skipped.reason}", file=out)
        return EXIT_OK
    termbase = _termbase(terminology, args.termbase)
    count = export_file(termbase.entries(), args.file, termbase.name, Language(args.source_language))
    print(f"{count} entries of {termbase.name} written to {args.file}", file=out)
    return EXIT_OK


def _termbase(terminology: Terminology, name: str) -> TermSource:
    if name == PERSONAL:
        return terminology.personal
    for termbase in terminology.termbases[1:]:
        if termbase.name == name:
            return termbase
    names = [PERSONAL, *(t.name for t in terminology.termbases[1:] if t.name != PERSONAL)]
    if SHIPPED not in names:
        names.append(SHIPPED)
    raise BriefingError("terms.no_termbase", name=name, names=", ".join(names))


def show_entry(entry: Entry) -> str:
    """One line: id, Korean ↔ English (acronyms in brackets), variants, forbidden terms, note, termbase."""
    parts = []
    for language in (Language.KO, Language.EN):
        preferred = entry.preferred(language)
        text = preferred.text if preferred else "—"
        if preferred and preferred.acronym:
            text += f" ({preferred.acronym})"
        variants = [t.text for t in entry.variants(language)]
        if variants:
            text += " [also: " + "; ".join(variants) + "]"
        forbidden = [t.text for t in entry.terms if t.language is language and t.status is TermStatus.FORBIDDEN]
        if forbidden:
            text += " [not: " + "; ".join(forbidden) + "]"
        parts.append(text)
    line = f"{entry.id}\t{parts[0]} ↔ {parts[1]}"
    if entry.note:
        line += f"\t# {' '.join(entry.note.split())}"
    if not entry.verified:
        line += "\t(not verified)"
    return line + f"\t[{entry.termbase}]"

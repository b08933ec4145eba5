"""The `import` command: a document that already exists (.txt, .md, .docx) into a new draft `.briefing` file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing import storage
from briefing.importers import ImportFailed, import_file
from briefing.model import Language

EXIT_OK = 0


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        help="start a draft briefing from a release or report (.txt, .md, .docx, .hwpx)",
        description="Read SRC (text in UTF-8, UTF-16 or CP949/EUC-KR; or a Word document) and write a draft briefing\n"
        "with the title, meeting card, sections and typed items it recognised. Nothing is dropped: a line that is\n"
        "not understood becomes a paragraph item, boilerplate (banners, contacts, 끝., ###, page furniture) goes to\n"
        "a last section 'Set apart on import'. --report prints what was detected and with what confidence.\n"
        "Importing a Korean and an English version together (bilingual import) is not available yet.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("src", type=Path, metavar="SRC")
    command.add_argument("--out", type=Path, required=True, metavar="FILE", help="the .briefing file to write")
    command.add_argument("--lang", choices=["ko", "en"], help="the document's language (default: detected)")
    command.add_argument("--report", action="store_true", help="print the import report")
    command.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run_import(args: argparse.Namespace) -> int:
    out: Path = args.out
    if (out.exists() or out.is_symlink()) and not args.force:
        raise ImportFailed("import.exists", path=str(out))
    result = import_file(args.src, Language(args.lang) if args.lang else None)
    storage.save(result.briefing, out, replace_unreadable=args.force)
    stats = result.briefing.statistics()
    print(
        f"{out}: {stats.sections} sections, {stats.items} items; {len(result.report.unplaced)} not understood, "
        f"{len(result.report.set_apart)} set apart"
    )
    if args.report:
        sys.stdout.write("".join(f"  {line}\n" for line in result.report.lines()))
    return EXIT_OK

"""The `import` command: a document that already exists (.txt, .md, .docx) into a new draft `.briefing` file; with a
second document (its translation), one bilingual draft with both texts per item."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing import storage
from briefing.importers import ImportFailed, import_file
from briefing.importers.align import PairImport, import_pair
from briefing.importers.anchors import TermFinder
from briefing.memory.aligned import feed_memory
from briefing.memory.stack import Memories
from briefing.messages import register
from briefing.model import Language
from briefing.terms.stack import Terminology

EXIT_OK = 0
DEFAULT_MIN_CONFIDENCE = 0.8

register({"import.needs_pair": "--to-memory needs two documents, a Korean and an English version of the same one"})


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        help="start a draft briefing from a release or report (.txt, .md, .docx, .hwpx), or from a Korean and an "
        "English version of it",
        description="Read SRC (text in UTF-8, UTF-16 or CP949/EUC-KR; a Word or 한글 HWPX document) and write a\n"
        "draft briefing with the title, meeting card, sections and typed items it recognised. Nothing is dropped:\n"
        "a line that is not understood becomes a paragraph item, boilerplate (banners, contacts, 끝., ###, page\n"
        "furniture) goes to a last section 'Set apart on import'. --report prints what was detected and with what\n"
        "confidence.\n\n"
        "With SRC2, the Korean and the English version of the same document (either order; the first is the\n"
        "source) become one bilingual draft: sections and items aligned by structure and by anchors (numbers,\n"
        "dates, acronyms, Latin names, termbase terms), each pair with a confidence, every aligned item 'edited'\n"
        "(awaiting review). Items that found no partner stay in their own language and are listed with --report.\n"
        "--to-memory stores the pairs at or above --min-confidence in your personal translation memory, marked\n"
        "as coming from an import.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("src", type=Path, metavar="SRC")
    command.add_argument("src2", type=Path, metavar="SRC2", nargs="?", help="the same document in the other language")
    command.add_argument("--out", type=Path, required=True, metavar="FILE", help="the .briefing file to write")
    command.add_argument("--lang", choices=["ko", "en"], help="SRC's language (default: detected)")
    command.add_argument("--report", action="store_true", help="print the import report (and the alignment)")
    command.add_argument("--force", action="store_true", help="replace FILE if it exists")
    command.add_argument(
        "--min-confidence",
        type=_confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help=f"the least confidence (0–1) of a pair --to-memory stores (default {DEFAULT_MIN_CONFIDENCE})",
    )
    command.add_argument(
        "--to-memory", action="store_true", help="store the aligned pairs in the personal translation memory"
    )


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def run_import(args: argparse.Namespace) -> int:
    out: Path = args.out
    if (out.exists() or out.is_symlink()) and not args.force:
        raise ImportFailed("import.exists", path=str(out))
    language = Language(args.lang) if args.lang else None
    if args.src2 is None:
        if args.to_memory:
            raise ImportFailed("import.needs_pair")
        result = import_file(args.src, language)
        storage.save(result.briefing, out, replace_unreadable=args.force)
        stats = result.briefing.statistics()
        print(
            f"{out}: {stats.sections} sections, {stats.items} items; {len(result.report.unplaced)} not understood, "
            f"{len(result.report.set_apart)} set apart"
        )
        if args.report:
            sys.stdout.write("".join(f"  {line}\n" for line in result.report.lines()))
        return EXIT_OK
    terminology = Terminology.load()
    try:
        pair = import_pair(args.src, args.src2, language_a=language, terms=_finder(terminology))
    finally:
        terminology.close()
    learned = _to_memory(pair, args.min_confidence) if args.to_memory else None
    storage.save(pair.briefing, out, replace_unreadable=args.force)
    stats = pair.briefing.statistics()
    low = sum(p.confidence < args.min_confidence for p in pair.pairs)
    print(
        f"{out}: {stats.sections} sections, {stats.items} items; {len(pair.pairs)} aligned pairs "
        f"({low} below {args.min_confidence:.2f}), unpaired {len(pair.unpaired[Language.KO])} ko and "
        f"{len(pair.unpaired[Language.EN])} en"
    )
    if learned is not None:
        print(f"memory: {learned} units learned from the pairs at or above {args.min_confidence:.2f}")
    if args.report:
        for lang in (Language.KO, Language.EN):
            sys.stdout.write("".join(f"  {line}\n" for line in pair.reports[lang].lines()))
        sys.stdout.write("".join(f"  {line}\n" for line in pair.lines()))
    return EXIT_OK


def _finder(terminology: Terminology) -> TermFinder:
    def find(text: str, language: Language) -> list[str]:
        return [hit.entry.id for hit in terminology.hits(text, language)]

    return find


def _to_memory(pair: PairImport, min_confidence: float) -> int:
    with Memories.load() as memories:
        for problem in memories.problems:
            print(f"warning: {problem}", file=sys.stderr)
        return feed_memory(pair, memories.personal, min_confidence)

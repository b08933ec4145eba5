"""The `memory` command: the translation memories from the command line (stats, find, import, export, learn)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from briefing import storage
from briefing.memory import exchange
from briefing.memory.stack import Memories
from briefing.memory.store import TranslationMemory
from briefing.messages import english
from briefing.model import Language

EXIT_OK = 0
SHOWN_SKIPS = 20


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    memory = commands.add_parser(
        "memory",
        help="the translation memories: statistics, search, TMX import/export, learning from a briefing",
        description="Your personal translation memory learns the approved items of your briefings; office "
        "memories (the office_memories setting) are read-only.",
    )
    actions = memory.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("stats", help="units per kind and language, file size, last learned, per memory")
    find = actions.add_parser("find", help="matches for a sentence, and the units holding a word or phrase")
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--from", dest="language", choices=["ko", "en"], help="TEXT's language (default: guessed)")
    find.add_argument("--min-match", type=int, default=50, metavar="N", help="lowest score shown (default 50)")
    importing = actions.add_parser("import", help="add a TMX file's Korean/English pairs to the personal memory")
    importing.add_argument("file", type=Path, metavar="FILE.tmx")
    exporting = actions.add_parser("export", help="write the personal memory as a TMX 1.4b file")
    exporting.add_argument("file", type=Path, metavar="FILE.tmx")
    learn = actions.add_parser("learn", help="learn the approved items of a briefing into the personal memory")
    learn.add_argument("file", type=Path, metavar="FILE.briefing")


def run_memory(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with Memories.load() as memories:
        for problem in memories.problems:
            print(f"warning: {problem}", file=sys.stderr)
        if args.action == "stats":
            _stats(memories, out)
        elif args.action == "find":
            _find(memories, args.text, args.language, args.min_match, out)
        elif args.action == "import":
            report = exchange.import_tmx(memories.personal, args.file)
            for skipped in report.skipped[:SHOWN_SKIPS]:
                reason = english(skipped.reason, {"language": skipped.language})
                print(
                    f"skipped: {english('tmx.skipped', {'tu': skipped.tu, 'line': skipped.line, 'reason': reason})}",
                    file=sys.stderr,
                )
            if len(report.skipped) > SHOWN_SKIPS:
                print(f"skipped: … and {len(report.skipped) - SHOWN_SKIPS} more", file=sys.stderr)
            print(
                f"imported {report.imported} units from {args.file} into {memories.personal.path}; "
                f"skipped {len(report.skipped)}",
                file=out,
            )
        elif args.action == "export":
            count = exchange.export_tmx(memories.personal, args.file)
            print(f"exported {count} units to {args.file}", file=out)
        else:
            briefing = storage.load(args.file)
            added = memories.learn_from(briefing, str(args.file.resolve()))
            approved = briefing.statistics().approved
            print(f"learned {added} units from {approved} approved items of {args.file}", file=out)
    return EXIT_OK


def _stats(memories: Memories, out: TextIO) -> None:
    if not memories.personal_path.exists():
        print(f"personal: no memory yet ({memories.personal_path})", file=out)
    for memory in memories.all():
        _memory_stats(memory, out)


def _memory_stats(memory: TranslationMemory, out: TextIO) -> None:
    stats = memory.stats()
    access = " (read-only)" if memory.read_only else ""
    print(f"{stats.name}{access}: {stats.total} units, {stats.file_size / 1e6:.1f} MB, {stats.path}", file=out)
    for (kind, language), number in sorted(stats.units.items()):
        print(f"  {kind.value:<8} {language.value} → {language.other.value}  {number}", file=out)
    if stats.last_learned is not None:
        print(f"  last learned {stats.last_learned.isoformat()}", file=out)


def _find(memories: Memories, text: str, language: str | None, minimum: int, out: TextIO) -> None:
    source = Language(language) if language else _guess(text)
    matches = memories.lookup(text, source, minimum=minimum)
    for match in matches:
        note = " (numbers carried over)" if match.placeables_replaced else ""
        print(f"{match.score:3d}%  [{match.unit.memory}, {match.unit.kind.value}]{note}", file=out)
        print(f"      {match.unit.source}", file=out)
        print(f"      {match.target}", file=out)
    units = memories.concordance(text, None, limit=20)
    if units:
        print(f"concordance ({len(units)}):", file=out)
        for unit in units:
            print(f"  [{unit.memory}] {unit.source}  ⇒  {unit.target}", file=out)
    if not matches and not units:
        print("no matches", file=out)


def _guess(text: str) -> Language:
    return Language.KO if any("\uac00" <= ch <= "\ud7a3" for ch in text) else Language.EN

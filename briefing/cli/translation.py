"""The `packages` and `translate` commands."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from briefing import edits, storage
from briefing.cli import settings as cli_settings
from briefing.cli.process import collector_held
from briefing.memory.stack import Memories
from briefing.model import Briefing, Language
from briefing.terms.stack import Terminology
from briefing.translation import jobs, pretranslate
from briefing.translation.cache import SentenceCache
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.packages import PackageStore

EXIT_OK, EXIT_FAILED, EXIT_CANCELLED = 0, 2, 130


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    packages = commands.add_parser(
        "packages",
        help="list, install, remove or download offline translation packages",
        description="Argos Translate language packages (.argosmodel files) for offline translation. "
        "Only `download` uses the network.",
    )
    actions = packages.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the installed language pairs with version and size")
    install = actions.add_parser("install", help="check and install a package file (no network)")
    install.add_argument("file", type=Path, metavar="FILE", help="an .argosmodel file")
    remove = actions.add_parser("remove", help="remove an installed pair")
    remove.add_argument("source", metavar="FROM", help="e.g. ko")
    remove.add_argument("target", metavar="TO", help="e.g. en")
    download = actions.add_parser(
        "download", help="download a pair from the Argos Translate online index (uses the network)"
    )
    download.add_argument("source", metavar="FROM")
    download.add_argument("target", metavar="TO")
    download.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the server")

    translate = commands.add_parser(
        "translate",
        help="machine-translate a briefing's items offline",
        description="Translate the items whose source is the other language into --to, offline, and mark them "
        "machine-translated.\nEdited, approved and needs-review translations are kept unless --retranslate.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    translate.add_argument("file", type=Path, metavar="FILE")
    translate.add_argument("--to", required=True, choices=["ko", "en"], dest="target", help="target language")
    scope = translate.add_mutually_exclusive_group()
    scope.add_argument(
        "--missing",
        action="store_const",
        const="missing",
        dest="scope",
        help="only items with no translation yet (the default)",
    )
    scope.add_argument(
        "--all",
        action="store_const",
        const="all",
        dest="scope",
        help="also replace earlier machine and memory translations",
    )
    translate.add_argument(
        "--retranslate", action="store_true", help="also replace edited, approved and needs-review translations"
    )
    translate.add_argument("--out", type=Path, metavar="FILE", help="write here instead of replacing FILE")
    translate.add_argument(
        "--memory-only",
        action="store_true",
        help="fill items from the translation memories only; no engine, no language package needed",
    )
    translate.add_argument(
        "--min-match",
        type=_percentage,
        default=pretranslate.DEFAULT_MIN_MATCH,
        metavar="N",
        help="the lowest memory match (50–100 %%) that fills an item without the engine (default: 100, exact)",
    )
    translate.add_argument(
        "--no-terms",
        action="store_true",
        help="do not enforce the termbases' terms (by default every term found in the source comes out as the "
        "termbase's target term)",
    )
    translate.add_argument("--beam", type=int, help="beam size (default: the beam_size setting, 2 unless changed)")
    translate.add_argument(
        "--threads", type=int, help="CPU threads (default: the threads setting; 0, unless changed, is all cores)"
    )


def run_packages(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    store = PackageStore()
    if args.action == "list":
        installed = store.installed()
        for package in installed:
            print(
                f"{package.from_code} → {package.to_code}  {package.from_name} → {package.to_name}  "
                f"version {package.version}  {package.size_bytes / 1e6:.1f} MB  {package.path}",
                file=out,
            )
        if not installed:
            print(f"no language packages installed (in {store.folder})", file=out)
        for problem in store.problems():
            print(f"warning: {problem}", file=sys.stderr)
        return EXIT_OK
    if args.action == "install":
        package = store.install(args.file)
        print(f"installed {package.from_code} → {package.to_code} version {package.version}", file=out)
        return EXIT_OK
    if args.action == "remove":
        package = store.remove(args.source, args.target)
        print(f"removed {package.from_code} → {package.to_code} version {package.version}", file=out)
        return EXIT_OK
    from briefing.translation.download import download

    bar = ProgressBar("downloading", "MB", scale=1e6)
    cancel = threading.Event()
    try:
        package = download(store, args.source, args.target, bar.update, cancel, args.timeout)
    except KeyboardInterrupt:
        cancel.set()
        raise
    finally:
        bar.close()
    print(f"installed {package.from_code} → {package.to_code} version {package.version}", file=out)
    return EXIT_OK


def _percentage(text: str) -> int:
    if not text.isdigit() or not 50 <= int(text) <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 50 to 100")
    return int(text)


def run_translate(args: argparse.Namespace, out: TextIO | None = None) -> int:
    with collector_held():
        return _translate(args, out or sys.stdout)


def _translate(args: argparse.Namespace, out: TextIO) -> int:
    briefing, read_digest = storage.read(args.file)
    target = Language(args.target)
    destination = args.out or args.file
    scope = jobs.Scope(args.scope or "missing")
    with Memories.load() as memories:
        for problem in memories.problems:
            print(f"warning: {problem}", file=sys.stderr)
        pre = pretranslate.pretranslate(briefing, target, memories, args.min_match, scope, retranslate=args.retranslate)
    memory_edit = edits.ApplyTranslations(pre.translations)
    memory_edit.apply(briefing)
    filled = len(pre.translations) - len(memory_edit.skipped)
    request = pre.request
    if args.memory_only or not request.tasks:
        return _finish_memory_only(args, briefing, read_digest, destination, target, filled, request, out)
    if args.beam is None or args.threads is None:
        chosen = cli_settings.load()
        args.beam = chosen.beam_size if args.beam is None else args.beam
        args.threads = chosen.threads if args.threads is None else args.threads
    if not args.no_terms:
        terminology = Terminology.load(briefing)
        for problem in terminology.problems:
            print(f"warning: {problem}", file=sys.stderr)
        # The index is built here; the worker thread only reads it (SQLite files stay on this thread).
        request = dataclasses.replace(request, find_terms=terminology.index.find)
    settings = EngineSettings(beam_size=args.beam, threads=args.threads)
    worker = jobs.TranslationWorker(lambda: Engine(PackageStore(), settings), SentenceCache)
    bar = ProgressBar("translating", "sentences")
    finished_items: list[str] = []

    def delivered(done: dict[str, str]) -> None:  # on the worker thread, as each batch finishes items
        finished_items.extend(done)
        bar.note = f", {len(finished_items)}/{len(request.tasks)} items done"

    cancel = threading.Event()
    try:
        future = worker.submit(request, bar.update, cancel, delivered)
        try:
            result = future.result()
        except KeyboardInterrupt:
            cancel.set()  # takes effect between batches; what is finished is kept
            result = future.result()
    finally:
        bar.close()
        worker.shutdown()
    skipped = jobs.apply(briefing, result).skipped
    if filled:
        print(f"filled {filled} of {filled + len(request.tasks)} items from the translation memory", file=out)
    if result.translations or filled:
        briefing.touch()
        # The job may have run for minutes: never overwrite edits someone saved to the file meanwhile.
        same_file = Path(destination).resolve() == Path(args.file).resolve()
        try:
            storage.save(briefing, destination, expected=read_digest if same_file else None)
        except storage.ChangedOnDisk as error:
            raise error.with_hint("; translate again, or write the result elsewhere with --out") from None
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    done = len(result.translations)
    summary = (
        f"translated {done} of {len(request.tasks)} items into {target.value} ({result.sentences} sentences: "
        f"{result.from_model} by the model, {result.from_cache} from the cache)"
    )
    if skipped:
        summary += f"; {len(skipped)} changed meanwhile and were left alone"
    print(summary + (f"; saved {destination}" if done or filled else ""), file=out)
    if result.cancelled:
        print("cancelled: the remaining items were left untouched", file=out)
        return EXIT_CANCELLED
    return EXIT_OK


def _finish_memory_only(
    args: argparse.Namespace,
    briefing: Briefing,
    read_digest: str,
    destination: Path,
    target: Language,
    filled: int,
    request: jobs.Request,
    out: TextIO,
) -> int:
    """Save what the memory filled, with no engine run (--memory-only, or nothing left for the engine)."""
    if not filled and not request.tasks:
        print(f"nothing to translate into {target.value} (use --all or --retranslate to redo translations)", file=out)
        return EXIT_OK
    if filled:
        briefing.touch()
        same_file = Path(destination).resolve() == Path(args.file).resolve()
        storage.save(briefing, destination, expected=read_digest if same_file else None)
    summary = f"filled {filled} of {filled + len(request.tasks)} items into {target.value} from the translation memory"
    if request.tasks:
        summary += f"; {len(request.tasks)} left for the engine"
    print(summary + (f"; saved {destination}" if filled else ""), file=out)
    return EXIT_OK


class ProgressBar:
    """A one-line progress bar on a terminal; silent when stderr is not one."""

    def __init__(self, label: str, unit: str, scale: float = 1.0, stream: TextIO | None = None) -> None:
        self.label, self.unit, self.scale = label, unit, scale
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self._last = 0.0
        self._lock = threading.Lock()
        self.note = ""  # shown after the count, e.g. how many items are finished

    def update(self, done: int, total: int) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != total:
            return
        self._last = now
        with self._lock:
            if total:
                filled = int(30 * done / total)
                line = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                line += f"{done / self.scale:.0f}/{total / self.scale:.0f} {self.unit}{self.note}"
            else:
                line = f"{self.label} {done / self.scale:.1f} {self.unit}"
            self.stream.write("\r" + line)
            self.stream.flush()

    def close(self) -> None:
        if self.active and self._last:
            self.stream.write("\n")
            self.stream.flush()

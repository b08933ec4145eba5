"""The command line: `briefing-studio` (or `python main.py`) and its subcommands.

With no subcommand, or with just a file name, the window opens. Every failure a user can cause
(missing file, damaged file, bad arguments) ends with a short message and a non-zero exit code,
never a traceback. An unexpected error (a fault in the program) is written with its traceback to the
application log, and the message names the log file.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing import __version__
from briefing.cli import compare as cli_compare
from briefing.cli import exchange as cli_exchange
from briefing.cli import export as cli_export
from briefing.cli import importer as cli_import
from briefing.cli import memory as cli_memory
from briefing.cli import qa as cli_qa
from briefing.cli import settings as cli_settings
from briefing.cli import store as cli_store
from briefing.cli import terms as cli_terms
from briefing.cli import translation as cli_translation
from briefing.cli.terminal import Neutralised
from briefing.export.pack import ExportError
from briefing.export.templates import TemplateError
from briefing.fileformat import BriefingFormatError
from briefing.log import log_failure
from briefing.messages import BriefingError, codes
from briefing.model import LANGUAGES, Language
from briefing.outline import show_text
from briefing.paths import HOME_VARIABLE
from briefing.storage import BriefingFileError, load
from briefing.translation.packages import PackageError

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_FAULT = 1

OpenWindow = Callable[[Path | None, str | None], int]

DESCRIPTION = """\
Briefing Studio prepares bilingual Korean/English meeting briefings.

Run without a subcommand (optionally with a .briefing file and --ui-language ko|en)
to open the window.
Application data lives in the folder named by ${var}, or the platform's
per-user application-data folder when it is not set.""".replace("${var}", HOME_VARIABLE)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-studio",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser("open", help="open the window (on FILE, if given)")
    open_.add_argument("file", nargs="?", type=Path, help="a .briefing file")
    open_.add_argument(
        "--ui-language",
        choices=["ko", "en"],
        help="interface language: ko (Korean) or en (English); default: the system's",
    )

    validate = commands.add_parser(
        "validate",
        help="check .briefing files; exit 0 when all are valid, 2 otherwise",
        description="Check each file and report every problem with its JSON path. Files are only read.\n"
        "Exit status: 0 when all are valid, 2 otherwise.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")

    show = commands.add_parser(
        "show",
        help="print a briefing's meeting card, outline and statistics",
        description="Print the meeting card, the numbered outline of sections and items, and statistics.",
    )
    show.add_argument("file", type=Path, metavar="FILE")
    show.add_argument(
        "--text",
        choices=["both", "ko", "en", "none"],
        default="both",
        help="which item texts to print under each item (default: both)",
    )
    show.add_argument("--width", type=int, default=0, help="line width (default: the terminal's)")
    cli_translation.add_parsers(commands)
    cli_export.add_parsers(commands)
    cli_settings.add_parsers(commands)
    cli_memory.add_parsers(commands)
    cli_terms.add_parsers(commands)
    cli_qa.add_parsers(commands)
    cli_exchange.add_parsers(commands)
    cli_compare.add_parsers(commands)
    cli_import.add_parsers(commands)
    cli_store.add_parsers(commands)
    return parser


def _normalise(argv: list[str], commands: set[str]) -> list[str]:
    """`briefing-studio FILE` and `briefing-studio --ui-language en [FILE]` mean `briefing-studio open …`;
    anything else is left for argparse."""
    first = argv[0] if argv else ""
    if first not in commands and (first.endswith(".briefing") or (first and Path(first).is_file())):
        return ["open", *argv]
    if first == "--ui-language" or first.startswith("--ui-language="):
        return ["open", *argv]
    return argv


def run(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run a command; what it prints shows control characters instead of obeying them (cli/terminal.py)."""
    with (
        contextlib.redirect_stdout(Neutralised(sys.stdout)),
        contextlib.redirect_stderr(Neutralised(sys.stderr)),
    ):
        return _run(argv, open_window)


def _run(argv: Sequence[str] | None, open_window: OpenWindow | None) -> int:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    args = parser.parse_args(_normalise(list(sys.argv[1:] if argv is None else argv), set(subparsers.choices)))
    try:
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "show":
            return _show(args.file, args.text, args.width)
        if args.command == "packages":
            return cli_translation.run_packages(args)
        if args.command == "translate":
            return cli_translation.run_translate(args)
        if args.command == "export":
            return cli_export.run_export(args)
        if args.command == "check-pack":
            return cli_export.run_check_pack(args)
        if args.command == "templates":
            return cli_export.run_templates()
        if args.command == "memory":
            return cli_memory.run_memory(args)
        if args.command == "settings":
            return cli_settings.run_settings(args)
        if args.command == "terms":
            return cli_terms.run_terms(args)
        if args.command == "qa":
            return cli_qa.run_qa(args)
        if args.command == "exchange":
            return cli_exchange.run_exchange(args)
        if args.command == "compare":
            return cli_compare.run_compare(args)
        if args.command == "import":
            return cli_import.run_import(args)
        if args.command == "store":
            return cli_store.run_store(args)
        if open_window is None:
            parser.error("the window is not available here")
        return open_window(getattr(args, "file", None), getattr(args, "ui_language", None))
    except (BriefingFormatError, BriefingFileError, PackageError, TemplateError, ExportError, BriefingError) as error:
        if "download.unreachable" in {error.code, *codes(error.params)} and not error.hint:
            error.with_hint(" Then use `briefing-studio packages install FILE`.")
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    except ValueError as error:  # settings out of range, e.g. --beam 0
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        return _fault(args.command or "open", error)


def _fault(command: str, error: Exception) -> int:
    """A fault, not a user's mistake: one line for the user, the traceback in the log for whoever fixes it."""
    try:
        where = f"the details are in {log_failure(f'command {command}', error)}"
    except OSError as log_error:  # the log is unwritable too: stderr is all that is left
        traceback.print_exception(error)
        where = f"the log could not be written ({log_error})"
    print(f"error: unexpected failure ({type(error).__name__}: {error}); {where}", file=sys.stderr)
    return EXIT_FAULT


def _validate(files: list[Path]) -> int:
    failed = 0
    for path in files:
        try:
            briefing = load(path)
        except (BriefingFormatError, BriefingFileError) as error:
            failed += 1
            print(f"INVALID {error}", file=sys.stderr)
            continue
        stats = briefing.statistics()
        print(f"OK {path} ({stats.sections} sections, {stats.items} items, {stats.approved} approved)")
    return EXIT_INVALID if failed else EXIT_OK


def _show(path: Path, text: str, width: int) -> int:
    briefing = load(path)
    languages = {"both": LANGUAGES, "ko": (Language.KO,), "en": (Language.EN,), "none": ()}[text]
    width = width or shutil.get_terminal_size((100, 24)).columns
    sys.stdout.write(show_text(briefing, languages, width))
    return EXIT_OK

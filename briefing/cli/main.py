"""The command line: `briefing-studio` (or `python main.py`) and its subcommands.

With no subcommand, or with just a file name, the window opens. Every failure a user can cause
(missing file, damaged file, bad arguments) ends with a short message and a non-zero exit code,
never a traceback. An unexpected error (a fault in the program) is written with its traceback to the
application log, and the message names the log file.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing import __version__
from briefing.cli.terminal import Neutralised
from briefing.fileformat import BriefingFormatError
from briefing.log import log_failure
from briefing.messages import BriefingError, codes
from briefing.model import LANGUAGES, Language
from briefing.outline import show_text
from briefing.paths import HOME_VARIABLE
from briefing.storage import BriefingFileError, load

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_FAULT = 1

OpenWindow = Callable[[Path | None, str | None], int]

# The module under briefing/cli that defines each command (its `add_parsers` and `run_*`), in the order `--help`
# lists them. A command imports only its own module: `translate` never loads the Word writer, the office store's
# driver or the comparison tools, which cost more start-up than a small translation takes.
# tests/test_cli.py holds this table to what each module's `add_parsers` defines.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "translation": ("packages", "translate"),
    "export": ("export", "templates", "check-pack"),
    "settings": ("settings",),
    "memory": ("memory",),
    "terms": ("terms",),
    "qa": ("qa",),
    "exchange": ("exchange",),
    "compare": ("compare",),
    "importer": ("import",),
    "store": ("store",),
}

DESCRIPTION = """\
Briefing Studio prepares bilingual Korean/English meeting briefings.

Run without a subcommand (optionally with a .briefing file and --ui-language ko|en)
to open the window.
Application data lives in the folder named by ${var}, or the platform's
per-user application-data folder when it is not set.""".replace("${var}", HOME_VARIABLE)


def _module_of(command: str) -> str | None:
    return next((module for module, names in COMMAND_MODULES.items() if command in names), None)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command` (a subcommand's name), only that command's module is imported and
    its parsers added (what `briefing-studio COMMAND …` parses is the same)."""
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
    wanted = _module_of(command) if command is not None else None
    for module in COMMAND_MODULES if wanted is None else (wanted,):
        importlib.import_module(f"briefing.cli.{module}").add_parsers(commands)
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
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments[0] if arguments and _module_of(arguments[0]) else None)
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    args = parser.parse_args(_normalise(arguments, set(subparsers.choices)))
    try:
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "show":
            return _show(args.file, args.text, args.width)
        module = _module_of(args.command or "")
        if module is not None:
            return _run_command(module, args)
        if open_window is None:
            parser.error("the window is not available here")
        return open_window(getattr(args, "file", None), getattr(args, "ui_language", None))
    except BriefingError as error:  # every error a user can cause: a file, a package, a template, an export
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


def _run_command(module: str, args: argparse.Namespace) -> int:
    """A command of one of the modules in COMMAND_MODULES (imported now, if the parser did not already)."""
    if module == "translation":
        from briefing.cli import translation

        return translation.run_packages(args) if args.command == "packages" else translation.run_translate(args)
    if module == "export":
        from briefing.cli import export

        if args.command == "check-pack":
            return export.run_check_pack(args)
        return export.run_templates() if args.command == "templates" else export.run_export(args)
    runner: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"briefing.cli.{module}"), f"run_{args.command}"
    )
    return runner(args)


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

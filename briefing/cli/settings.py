"""The `settings` command: show every option with its value and origin, or set one."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from briefing import settings as config
from briefing.messages import Message

EXIT_OK = 0


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    settings = commands.add_parser(
        "settings",
        help="show or change the settings the window and these commands share",
        description="Settings live in <data folder>/settings/briefing-studio.toml. `translate` takes its beam size "
        "and threads from them,\n`export` its template, unless given on the command line.\n"
        "Exit status: 0 when done, 2 for an unknown setting or a value it does not allow.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = settings.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("show", help="every setting with its value, where it comes from and what it allows")
    set_ = actions.add_parser("set", help="check a value and save it")
    set_.add_argument("key", metavar="KEY", help=f"one of: {', '.join(config.OPTIONS)}")
    set_.add_argument("value", metavar="VALUE", help='the new value (e.g. 8, ko, or "" for empty text)')


def load(err: TextIO | None = None) -> config.Settings:
    """The settings for a command, every problem with the file said once on stderr as a warning."""
    loaded = config.load()
    for problem in loaded.problems:
        print(f"warning: {problem}", file=err or sys.stderr)
    return loaded.settings


def run_settings(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.action == "show":
        loaded = config.load()
        for problem in loaded.problems:
            print(f"warning: {problem}", file=sys.stderr)
        print(f"# {loaded.path}", file=out)
        for name, spec in config.OPTIONS.items():
            notes = [loaded.origins[name].value]
            if spec.choices or spec.kind is int:
                notes.append(spec.allowed)
            value = config.toml_value(getattr(loaded.settings, name))
            print(f"{name} = {value}  # {'; '.join(notes)}", file=out)
        return EXIT_OK
    spec = config.option(args.key)
    load()  # what is wrong with the file now is said before it is replaced
    if spec.name == "default_template":
        from briefing.export.templates import find_template  # the Word machinery: only for this setting

        find_template(args.value)  # TemplateError naming the templates there are
    settings, kept = config.set_from_text(args.key, args.value)
    if kept is not None:
        kept_aside = Message("settings.file_kept_aside", {"file": str(config.settings_path()), "kept": str(kept)})
        print(f"warning: {kept_aside}", file=sys.stderr)
    value = config.toml_value(getattr(settings, spec.name))
    print(f"{spec.name} = {value}  # saved in {config.settings_path()}", file=out)
    return EXIT_OK

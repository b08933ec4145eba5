"""The `store` command: which store holds the termbase and the memory (status), and moving between them."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from briefing.cli.settings import load
from briefing.stores import office
from briefing.stores.location import EMBEDDED, STORE_VARIABLE, StoreError, StoreLocation, chosen_location

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_CONFLICT = 4


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    store = commands.add_parser(
        "store",
        help="the store of the termbase and the memory: this machine's files or the office's PostgreSQL server",
        description=f"The embedded store (SQLite files in the data folder) is the default. An office store is "
        f"named by the office_store setting\nor ${STORE_VARIABLE} (postgresql://user@host/database, no password; "
        "the password from office_store_password_file,\nPGPASSWORD or the PostgreSQL passfile).\n"
        "Exit status: 0 when done, 2 for a refused request, 3 when the office store cannot be reached,\n"
        "4 when `sync` left conflicting terms in the queue.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = store.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("status", help="which store is in use, whether it answers, its size and schema version")
    actions.add_parser(
        "sync",
        help="send what was learned and added away from the office store, then refresh its local copy",
        description="Away from the office store (no network), its local copy is read and approvals and new terms "
        "wait in a queue;\nthis sends them (conflicts are reported and stay queued) and refreshes the copy.",
    )
    actions.add_parser(
        "queue",
        help="the edits and deletions of office term entries made away from the office store, waiting to be sent",
    )
    resolve = actions.add_parser(
        "resolve",
        help="settle a conflict `sync` reported for a queued edit: keep yours (sent over theirs) or take theirs",
    )
    resolve.add_argument("entry", metavar="ENTRY", help="the entry's id, as `sync` named it")
    side = resolve.add_mutually_exclusive_group(required=True)
    side.add_argument("--mine", action="store_true", help="the next `sync` applies your change over theirs")
    side.add_argument("--theirs", action="store_true", help="drop your queued change")
    migrate = actions.add_parser(
        "migrate",
        help="copy a store's term entries and memory units into another (one transaction), reporting counts",
        description="Copy the personal store into an office store (--to postgresql://…), or the office store in "
        "use into the personal one (--to sqlite).\nWhat the target has already is skipped and counted.",
    )
    migrate.add_argument("--to", required=True, metavar="TARGET", help="postgresql://user@host/database or sqlite")
    migrate.add_argument(
        "--from", dest="source", metavar="SOURCE", help="sqlite or an address (default: the other one in use)"
    )


def run_store(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    settings = load()
    if args.action == "status":
        found = office.status(settings)
        print(f"store: {found.kind} {found.where}", file=out)
        if not found.reachable:
            print(f"reachable: no ({found.problem})", file=out)
            return EXIT_UNREACHABLE
        print("reachable: yes", file=out)
        if found.user:
            print(f"user: {found.user}{' (read only)' if found.read_only else ''}", file=out)
        print(f"schema version: {found.schema}", file=out)
        print(f"term entries: {found.terms}", file=out)
        print(f"memory units: {found.units}", file=out)
        return EXIT_OK
    in_use = chosen_location(settings)
    if args.action in ("queue", "resolve"):
        if in_use is None:
            raise StoreError("store.none_chosen", variable=STORE_VARIABLE)
        if args.action == "resolve":
            office.resolve(in_use, args.entry, keep_mine=args.mine)
            print(f"entry {args.entry}: {'yours will be sent' if args.mine else 'your change was dropped'}", file=out)
            return EXIT_OK
        for edit in office.queued(in_use):
            what = "delete" if edit.entry is None else f"edit to {office.rendering(edit.entry)}"
            forced = " (over theirs)" if edit.base_version < 0 else f" (from version {edit.base_version})"
            print(f"{edit.entry_id}: {what}{forced}, {edit.queued_by or '?'}", file=out)
        return EXIT_OK
    if args.action == "sync":
        if in_use is None:
            raise StoreError("store.none_chosen", variable=STORE_VARIABLE)
        synced = office.sync(in_use, author=settings.author)
        print(f"sent to {in_use.shown}:", file=out)
        print(f"term entries: {synced.terms_sent} sent, {synced.terms_there} there already", file=out)
        print(f"term edits: {synced.edits_sent} sent, {synced.deletions_sent} deletions sent", file=out)
        print(f"memory units: {synced.units_sent} sent, {synced.units_there} there already", file=out)
        for conflict in synced.conflicts:
            print(f"conflict: {conflict}", file=err or sys.stderr)
        how = "made whole" if synced.copy_full else f"{synced.copy_fetched} units fetched"
        print(f"local copy: {synced.copy_terms} term entries, {synced.copy_units} memory units ({how})", file=out)
        return EXIT_CONFLICT if synced.conflicts else EXIT_OK
    password_file = settings.office_store_password_file or None
    target_location = None if args.to == EMBEDDED else StoreLocation.parse(args.to, password_file)
    if args.source:
        source_location = None if args.source == EMBEDDED else StoreLocation.parse(args.source, password_file)
    else:
        source_location = in_use if target_location is None else None
    if source_location is None and target_location is None:
        raise StoreError("store.same", address=EMBEDDED)
    if source_location is not None and target_location is not None and source_location == target_location:
        raise StoreError("store.same", address=source_location.shown)
    source = office.open_embedded() if source_location is None else office.open_office(source_location)
    try:
        author = settings.author
        target = (
            office.open_embedded()
            if target_location is None
            else office.open_office(target_location, create=True, author=author)
        )
        try:
            report = office.migrate(source, target)
        finally:
            target.close()
    finally:
        source.close()
    print(f"from {source.where} to {target.where}:", file=out)
    print(f"term entries: {report.terms_added} copied, {report.terms_skipped} there already", file=out)
    print(f"memory units: {report.units_added} copied, {report.units_skipped} there already", file=out)
    return EXIT_OK

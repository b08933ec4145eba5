"""The `export` and `templates` commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing import storage
from briefing.cli import settings as cli_settings
from briefing.cli.process import collector_held
from briefing.cli.translation import ProgressBar
from briefing.export.pack import ExportError, check_pack, make_pack, parse_formats
from briefing.export.templates import (
    DEFAULT_TEMPLATE,
    Layout,
    TemplateError,
    available_templates,
    find_template,
    template_notices,
    template_problems,
)
from briefing.messages import register
from briefing.model import Briefing
from briefing.qa import Finding
from briefing.qa import run as run_qa
from briefing.settings import Settings
from briefing.terms.stack import Terminology

EXIT_OK = 0
EXIT_BROKEN = 2

register(
    {
        "cli.bad_layouts": "--lang takes ko, en and bilingual, comma-separated; not {found}",
        "cli.findings_needs_draft": "--findings appends the QA findings to a draft only; add --draft",
    }
)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write the matched briefing pack (Korean, English, bilingual; DOCX, and HWPX with --format docx,hwpx)",
        description="Render the briefing through a Word template into <name>.<template>.ko.docx, .en.docx and "
        ".bilingual.docx with <name>.<template>.manifest.json\n(a draft's names end in .draft.ko.docx …, so packs of "
        "different templates and drafts live side by side).\nFiles of an earlier export are replaced only with "
        "--force.\nThe Korean and English documents are checked to carry the "
        "same sections and items in the same order;\nunapproved items and QA errors no reviewer waived (see the qa "
        "command) stop the export unless --draft.\nThe manifest records the QA summary and every waiver.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write into")
    export.add_argument(
        "--template", help=f"template name (default: the default_template setting, {DEFAULT_TEMPLATE} unless changed)"
    )
    export.add_argument("--lang", default="ko,en,bilingual", help="layouts, comma-separated (default: all three)")
    export.add_argument(
        "--format",
        default="docx",
        metavar="FORMATS",
        help="docx, hwpx or docx,hwpx (default: docx); HWPX (Hancom 한글) documents are written beside the DOCX, "
        "checked like them and listed in the manifest",
    )
    export.add_argument("--draft", action="store_true", help="allow unapproved items; mark every page DRAFT / 초안")
    export.add_argument("--pdf", action="store_true", help="also convert each document to PDF (needs LibreOffice)")
    export.add_argument("--zip", action="store_true", help="also bundle everything into <name>.<template>.zip")
    export.add_argument(
        "--force", action="store_true", help="replace the files of an earlier export of the same pack in DIR"
    )
    export.add_argument(
        "--findings",
        action="store_true",
        help="with --draft: append the open QA findings to the end of each document (number, severity, check, finding)",
    )
    commands.add_parser(
        "templates",
        help="list the export templates (built in and the office's own)",
        description="List the usable templates; a template that cannot be used is named with its problem "
        "(the others still work),\nand what was stripped from a template (external links, macros) is said.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check = commands.add_parser(
        "check-pack",
        help="tell a complete exported pack from a broken one; exit 0 when complete, 2 otherwise",
        description="Read <name>.<template>.manifest.json and check every file it lists (present, a regular file, "
        "the same SHA-256),\nno file of the pack it does not list, no staging folder of an interrupted export, "
        "and the zip's copies.\nExit status: 0 when every pack is complete, 2 otherwise.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("manifests", nargs="+", type=Path, metavar="MANIFEST")


def qa_findings(briefing: Briefing, settings: Settings) -> list[Finding]:
    """The QA findings with the termbases in force (as the qa command runs them, without the memory)."""
    terminology = Terminology.load(briefing, settings)
    try:
        for problem in terminology.problems:
            print(f"warning: {problem}", file=sys.stderr)
        return run_qa(briefing, terminology=terminology)
    finally:
        terminology.close()


def run_export(args: argparse.Namespace) -> int:
    with collector_held():
        return _export(args)


def _export(args: argparse.Namespace) -> int:
    if args.findings and not args.draft:
        raise TemplateError("cli.findings_needs_draft")
    briefing = storage.load(args.file)
    settings = cli_settings.load()
    template = find_template(args.template or settings.default_template)
    try:
        layouts = [Layout(value.strip()) for value in args.lang.split(",") if value.strip()]
    except ValueError:
        raise TemplateError("cli.bad_layouts", found=repr(args.lang)) from None
    formats = parse_formats(args.format)
    for layout in layouts:
        template.document(layout)
        if "hwpx" in formats:
            template.hwpx_document(layout)
    for notice in template.stripped:
        print(f"note: {notice}", file=sys.stderr)
    name = args.file.name.removesuffix(".briefing")
    bar = ProgressBar("exporting", "steps")
    try:
        result = make_pack(
            briefing,
            template,
            args.out,
            name,
            layouts,
            draft=args.draft,
            pdf=args.pdf,
            make_zip=args.zip,
            progress=lambda step, steps, what: bar.update(step, steps),
            findings=qa_findings(briefing, settings),
            append_findings=args.findings,
            replace=args.force,
            formats=formats,
        )
    except ExportError as error:
        if error.code == "export.not_approved":
            raise error.with_hint(" To export anyway, add --draft.") from None
        if error.code == "export.qa_errors":
            raise error.with_hint(" See them with: briefing-studio qa FILE; to export anyway, add --draft.") from None
        if error.code == "export.would_replace":
            raise error.with_hint("; to replace them, add --force.") from None
        if error.code == "export.no_libreoffice":
            raise error.with_hint(" (or export without --pdf)") from None
        raise
    finally:
        bar.close()
    for path in result.files + ([result.zip_path] if result.zip_path else []):
        print(path)
    return EXIT_OK


def run_templates() -> int:
    for key, template in available_templates().items():
        origin = "office" if template.user else "built-in"
        layouts = ", ".join(layout.value for layout in template.layouts)
        print(f"{key}  {template.name.en} / {template.name.ko}  [{layouts}]  ({origin})")
        print(f"    {template.description.en}")
    for problem in template_problems():
        print(f"warning: {problem}", file=sys.stderr)
    for notice in template_notices():
        print(f"note: {notice}", file=sys.stderr)
    return EXIT_OK


def run_check_pack(args: argparse.Namespace) -> int:
    broken = 0
    for manifest in args.manifests:
        check = check_pack(manifest)
        if check.complete:
            print(f"COMPLETE {manifest} ({check.files} files)")
            continue
        broken += 1
        print(f"BROKEN {manifest}", file=sys.stderr)
        for problem in check.problems:
            print(f"  {problem}", file=sys.stderr)
    return EXIT_BROKEN if broken else EXIT_OK

"""The `qa` command: run the QA checks over a briefing and print the findings, as lines or as JSON.

The JSON form is a stable interface for scripts (docs/qa-json.md); what changes incompatibly raises its `version`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from briefing.memory.stack import Memories
from briefing.model import Briefing, Item
from briefing.qa import CHECKS, Finding, Severity, run
from briefing.storage import load
from briefing.terms.stack import Terminology

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
JSON_FORMAT = "briefing-studio/qa"
JSON_VERSION = 1

EPILOG = f"""\
Exit status: 0 when no finding is at or above the --fail-on level (default: error), 1 when one is,
2 when the file cannot be used (missing, damaged, too large).

--json prints one object (format "{JSON_FORMAT}", version {JSON_VERSION}; docs/qa-json.md):
  {{"format": "{JSON_FORMAT}", "version": {JSON_VERSION}, "file": "<path as given>",
   "summary": {{"error": <n>, "warning": <n>, "info": <n>}},
   "findings": [{{"check": "<check name>", "code": "<message code, e.g. qa.numbers_differs>",
                 "severity": "error" | "warning" | "info",
                 "item": "<item id>" | null, "number": "<section.item, e.g. 2.3>" | null,
                 "message": "<the finding in English>", "params": {{<the message's fields>}},
                 "spans": [{{"language": "ko" | "en", "start": <n>, "end": <n>, "text": "<the characters>"}}]}}]}}
Offsets count Unicode code points of the item's text in that language. Findings come in document order.
Fields may be added in a later version 1; none is removed or changes meaning without a new version."""

# JSON escapes U+0000–U+001F itself; these would reach the terminal raw (or be shown as "\\x9b", not JSON).
_C1 = re.compile(r"[\x7f-\x9f]")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    qa = commands.add_parser(
        "qa",
        help="check that the Korean and the English of a briefing say the same thing",
        description="Run the QA checks (numbers, dates, names, terms, completeness, markup, status, ...) over\n"
        "FILE with the termbases and translation memories of the settings. The file is only read.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    qa.add_argument("file", type=Path, metavar="FILE")
    qa.add_argument("--json", action="store_true", help="print the findings as JSON (see below)")
    qa.add_argument(
        "--fail-on",
        choices=["error", "warning"],
        default="error",
        help="the lowest severity that makes the exit status 1 (default: error)",
    )
    qa.add_argument(
        "--check",
        action="append",
        choices=CHECKS.names(),
        metavar="NAME",
        help=f"run only this check (repeatable): {', '.join(CHECKS.names())}",
    )


def run_qa(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    briefing = load(args.file)
    terminology = Terminology.load(briefing)
    try:
        with Memories.load() as memories:
            for problem in [*terminology.problems, *memories.problems]:
                print(f"warning: {problem}", file=sys.stderr)
            findings = run(briefing, terminology=terminology, memory=memories, checks=args.check)
    finally:
        terminology.close()
    if args.json:
        out.write(to_json(briefing, findings, str(args.file)) + "\n")
    else:
        _print(briefing, findings, str(args.file), out)
    threshold = Severity(args.fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in findings) else EXIT_CLEAN


def _numbers(briefing: Briefing) -> dict[str, tuple[str, Item]]:
    return {
        item.id: (f"{s}.{i}", item)
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }


def _summary(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {severity.value: counts[severity] for severity in Severity}


def to_json(briefing: Briefing, findings: list[Finding], file: str) -> str:
    """The findings as the documented JSON object (docs/qa-json.md), with C1 control characters escaped."""
    numbers = _numbers(briefing)
    rows: list[dict[str, Any]] = []
    for finding in findings:
        number, item = numbers.get(finding.item_id or "", (None, None))
        spans = [
            {
                "language": span.language.value,
                "start": span.start,
                "end": span.end,
                "text": item.text.get(span.language)[span.start : span.end] if item else "",
            }
            for span in finding.spans
        ]
        rows.append(
            {
                "check": finding.check,
                "code": finding.code,
                "severity": finding.severity.value,
                "item": finding.item_id,
                "number": number,
                "message": finding.english(),
                "params": dict(finding.params),
                "spans": spans,
            }
        )
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "file": file,
        "summary": _summary(findings),
        "findings": rows,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, default=str)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print(briefing: Briefing, findings: list[Finding], file: str, out: TextIO) -> None:
    numbers = _numbers(briefing)
    for finding in findings:
        number = numbers.get(finding.item_id or "", ("-", None))[0]
        print(f"{number:>6} {finding.severity.value:7} {finding.check:12} {finding.english()}", file=out)
    summary = _summary(findings)
    print(f"{file}: {summary['error']} errors, {summary['warning']} warnings, {summary['info']} notes", file=out)

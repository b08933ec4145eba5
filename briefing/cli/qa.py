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
from briefing.model import Briefing, Item, Waiver
from briefing.qa import CHECKS, Finding, Review, Severity, review, run
from briefing.qa.waivers import waiver_json
from briefing.storage import load
from briefing.terms.stack import Terminology

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
JSON_FORMAT = "briefing-studio/qa"
JSON_VERSION = 1

EPILOG = f"""\
Exit status: 0 when no open finding is at or above the --fail-on level (default: error), 1 when one is,
2 when the file cannot be used (missing, damaged, too large). A finding a reviewer waived in the window (the
waiver, with its reason, is stored in the file) is listed apart and does not count.

--json prints one object (format "{JSON_FORMAT}", version {JSON_VERSION}; docs/qa-json.md):
  {{"format": "{JSON_FORMAT}", "version": {JSON_VERSION}, "file": "<path as given>",
   "summary": {{"error": <n>, "warning": <n>, "info": <n>}},
   "findings": [{{"check": "<check name>", "code": "<message code, e.g. qa.numbers_differs>",
                 "severity": "error" | "warning" | "info",
                 "item": "<item id>" | null, "number": "<section.item, e.g. 2.3>" | null,
                 "message": "<the finding in English>", "params": {{<the message's fields>}},
                 "spans": [{{"language": "ko" | "en", "start": <n>, "end": <n>, "text": "<the characters>"}}]}}],
   "waived_summary": {{"error": <n>, "warning": <n>, "info": <n>}},
   "waived": [{{<the fields of a finding>, "key": "<finding key>",
               "waiver": {{"reason": "<why>", "by": "<who>", "at": "<UTC time>"}}}}],
   "unused_waivers": [{{"item": "<item id>", "number": "<2.3>", "check": "<name>", "code": "<code>",
                       "key": "<finding key>", "reason": "<why>", "by": "<who>", "at": "<UTC time>"}}]}}
"findings" and "summary" hold the open findings (not waived); "unused_waivers" are waivers whose finding no
longer occurs (the text changed). Offsets count Unicode code points of the item's text in that language.
Findings come in document order.
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
    result = review(briefing, findings, args.check)
    if args.json:
        out.write(to_json(briefing, findings, str(args.file), result) + "\n")
    else:
        _print(briefing, result, str(args.file), out)
    threshold = Severity(args.fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in result.open) else EXIT_CLEAN


def _numbers(briefing: Briefing) -> dict[str, tuple[str, Item]]:
    return {
        item.id: (f"{s}.{i}", item)
        for s, section in enumerate(briefing.sections, start=1)
        for i, item in enumerate(section.items, start=1)
    }


def _summary(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {severity.value: counts[severity] for severity in Severity}


def to_json(briefing: Briefing, findings: list[Finding], file: str, result: Review | None = None) -> str:
    """The findings as the documented JSON object (docs/qa-json.md), with C1 control characters escaped.
    `result` is the review of `findings` against the briefing's waivers (made here when not given)."""
    result = result if result is not None else review(briefing, findings)
    numbers = _numbers(briefing)
    waived = []
    for finding, waiver in result.waived:
        waived.append(_row(finding, numbers) | {"key": finding.key, "waiver": _waiver(waiver)})
    unused: list[dict[str, str | None]] = [
        {"item": item_id, "number": numbers.get(item_id, (None, None))[0], **waiver_json(waiver)}
        for item_id, waiver in result.unused
    ]
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "file": file,
        "summary": _summary(result.open),
        "findings": [_row(finding, numbers) for finding in result.open],
        "waived_summary": _summary([finding for finding, _ in result.waived]),
        "waived": waived,
        "unused_waivers": unused,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, default=str)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _row(finding: Finding, numbers: dict[str, tuple[str, Item]]) -> dict[str, Any]:
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
    return {
        "check": finding.check,
        "code": finding.code,
        "severity": finding.severity.value,
        "item": finding.item_id,
        "number": number,
        "message": finding.english(),
        "params": dict(finding.params),
        "spans": spans,
    }


def _waiver(waiver: Waiver) -> dict[str, str]:
    full = waiver_json(waiver)
    return {"reason": full["reason"], "by": full["by"], "at": full["at"]}


def _print(briefing: Briefing, result: Review, file: str, out: TextIO) -> None:
    numbers = _numbers(briefing)
    for finding in result.open:
        number = numbers.get(finding.item_id or "", ("-", None))[0]
        print(f"{number:>6} {finding.severity.value:7} {finding.check:12} {finding.english()}", file=out)
    if result.waived:
        print("waived:", file=out)
    for finding, waiver in result.waived:
        number = numbers.get(finding.item_id or "", ("-", None))[0]
        print(f"{number:>6} {finding.severity.value:7} {finding.check:12} {finding.english()}", file=out)
        print(
            f"{'':6} {'':7} {'':12} waived by {waiver.by or '-'} at {_waiver(waiver)['at']}: {waiver.reason}", file=out
        )
    if result.unused:
        print("waivers whose finding no longer occurs (the text changed):", file=out)
    for item_id, waiver in result.unused:
        number = numbers.get(item_id, ("-", None))[0]
        print(f"{number:>6} {'':7} {waiver.check:12} {waiver.code} ({waiver.key}): {waiver.reason}", file=out)
    summary = _summary(result.open)
    line = f"{file}: {summary['error']} errors, {summary['warning']} warnings, {summary['info']} notes"
    if result.waived:
        line += f"; {len(result.waived)} waived"
    if result.unused:
        line += f"; {len(result.unused)} unused waivers"
    print(line, file=out)

"""Waivers applied to findings: which findings are still open, which a reviewer waived, which waivers no longer
match anything.

A waiver (`briefing.model.Waiver`, stored with its item) applies to a finding of the same item with the same
check, code and key (`Finding.key`). A waiver whose finding no longer occurs (the text changed) is *unused*: it is
shown, never deleted, so that a reviewer sees that the reason given no longer has an object.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from briefing.model import Briefing, Waiver
from briefing.qa.model import Finding, Severity


@dataclass(frozen=True)
class Review:
    """The findings of a QA run with the briefing's waivers applied."""

    open: list[Finding] = field(default_factory=list)  # not waived: what a final export refuses (the errors)
    waived: list[tuple[Finding, Waiver]] = field(default_factory=list)
    unused: list[tuple[str, Waiver]] = field(default_factory=list)  # (item id, waiver) whose finding is gone

    def open_errors(self) -> list[Finding]:
        return [f for f in self.open if f.severity is Severity.ERROR]

    def summary(self) -> dict[str, Any]:
        """Counts as plain JSON: per severity and per check, open and waived, and the unused waivers."""
        checks: dict[str, dict[str, int]] = {}
        for kind, findings in (("open", self.open), ("waived", [f for f, _ in self.waived])):
            for finding in findings:
                checks.setdefault(finding.check, {"open": 0, "waived": 0})[kind] += 1
        return {
            "open": _per_severity(self.open),
            "waived": _per_severity(f for f, _ in self.waived),
            "checks": dict(sorted(checks.items())),
            "unused_waivers": len(self.unused),
        }


def waiver_json(waiver: Waiver) -> dict[str, str]:
    """A waiver as plain JSON (for the command line's --json and the export's manifest), its time in UTC."""
    at = waiver.at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return {
        "check": waiver.check,
        "code": waiver.code,
        "key": waiver.key,
        "reason": waiver.reason,
        "by": waiver.by,
        "at": at,
    }


def _per_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {severity.value: counts[severity] for severity in Severity}


def review(briefing: Briefing, findings: Iterable[Finding], checks: Collection[str] | None = None) -> Review:
    """Split `findings` (of `briefing`) into open and waived, and list the waivers that matched none.

    `checks` names the checks that ran (None: all of them): a waiver of a check that did not run is neither
    used nor unused. Findings keep their order; unused waivers come in document order."""
    waivers: dict[tuple[str, str, str, str], Waiver] = {}
    for item in briefing.items():
        for waiver in item.waivers:
            waivers.setdefault((item.id, waiver.check, waiver.code, waiver.key), waiver)
    used: set[tuple[str, str, str, str]] = set()
    result = Review()
    waived_items = {name[0] for name in waivers}
    for finding in findings:
        # a finding's key is a digest of its parameters: made only where the item has a waiver to match
        if finding.item_id is None or finding.item_id not in waived_items:
            result.open.append(finding)
            continue
        name = (finding.item_id, finding.check, finding.code, finding.key)
        match = waivers.get(name)
        if match is None:
            result.open.append(finding)
        else:
            used.add(name)
            result.waived.append((finding, match))
    for name, stored in waivers.items():
        if name not in used and (checks is None or stored.check in checks):
            result.unused.append((name[0], stored))
    return result

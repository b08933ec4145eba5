"""QA checks: find every place where the Korean and the English of a briefing do not say the same thing.

`run(briefing)` returns `Finding`s (briefing/qa/model.py); the checks live one concept per module and register
themselves in `CHECKS` when imported here.
"""

from __future__ import annotations

from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context, Registry, Scope, run
from briefing.qa.waivers import Review, review

__all__ = ["CHECKS", "Context", "Finding", "Registry", "Review", "Scope", "Severity", "Span", "review", "run"]

# The built-in checks register themselves in CHECKS when imported.
from briefing.qa import acronyms as _acronyms  # noqa: F401
from briefing.qa import completeness as _completeness  # noqa: F401
from briefing.qa import consistency as _consistency  # noqa: F401
from briefing.qa import markup as _markup  # noqa: F401
from briefing.qa import meeting as _meeting  # noqa: F401
from briefing.qa import numbers as _numbers  # noqa: F401
from briefing.qa import status as _status  # noqa: F401
from briefing.qa import style as _style  # noqa: F401
from briefing.qa import terminology as _terminology  # noqa: F401

"""The QA checks, registered by name, and `run`: every check over a briefing, which it never changes.

A check is a function of an item (or of the whole briefing) and a `Context` returning findings. Checks register
themselves with the `check` decorator of a `Registry`; the built-in ones use `CHECKS`, which `briefing.qa`
fills by importing its check modules. Pass another `Registry` to `run` to test or extend.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from briefing.model import Briefing, Item, Language
from briefing.qa.model import Finding

if TYPE_CHECKING:
    from briefing.memory.stack import Memories
    from briefing.terms.model import Hit
    from briefing.terms.stack import Terminology


class TermHits(Protocol):
    """What the checks read of a termbase: its hits in a text (`Terminology` has it; so has a matcher that a
    window hands to a worker thread, which must not touch the termbases' files)."""

    def hits(self, text: str, language: Language) -> list[Hit]: ...


class Scope(StrEnum):
    ITEM = "item"  # called once per item
    BRIEFING = "briefing"  # called once with the whole briefing (checks across items)


@dataclass(frozen=True)
class Context:
    """What a check may read besides the item: the briefing it is in, the termbases and the memory (optional)."""

    briefing: Briefing
    terminology: Terminology | TermHits | None = None
    memory: Memories | None = None
    _hits: dict[tuple[str, Language], list[Hit]] = field(default_factory=dict, repr=False, compare=False)

    def term_hits(self, text: str, language: Language) -> list[Hit]:
        """The termbase's hits in `text` (none without a termbase), found once per run for all checks."""
        if self.terminology is None:
            return []
        found = self._hits.get((text, language))
        if found is None:
            found = self._hits[(text, language)] = self.terminology.hits(text, language)
        return found


ItemCheck = Callable[[Item, Context], Iterable[Finding]]
BriefingCheck = Callable[[Briefing, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    scope: Scope
    function: Callable[..., Iterable[Finding]]


class Registry:
    """Checks by name, in the order they registered."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def check(self, name: str, scope: Scope = Scope.ITEM) -> Callable[[Callable[..., Iterable[Finding]]], Check]:
        """Decorator: register the function as the check `name` (a name can be registered once)."""

        def register(function: Callable[..., Iterable[Finding]]) -> Check:
            if name in self._checks:
                raise ValueError(f"a QA check named {name!r} is already registered")
            made = Check(name, scope, function)
            self._checks[name] = made
            return made

        return register

    def names(self) -> list[str]:
        return list(self._checks)

    def get(self, name: str) -> Check:
        return self._checks[name]

    def all(self) -> list[Check]:
        return list(self._checks.values())


CHECKS = Registry()


def run(
    briefing: Briefing,
    *,
    terminology: Terminology | TermHits | None = None,
    memory: Memories | None = None,
    checks: Sequence[str] | None = None,
    registry: Registry = CHECKS,
    scope: Scope | None = None,
    items: Collection[str] | None = None,
) -> list[Finding]:
    """The findings of the named checks (every registered check when None), in document order, item by item.

    `scope` runs only the checks of that scope; `items` runs the item checks on those item ids only (a window
    rechecks the item being typed in at once and the checks across items later). Reads the briefing only. An
    unknown check name is a KeyError (a programming error, not a user's)."""
    chosen = [registry.get(name) for name in checks] if checks is not None else registry.all()
    if scope is not None:
        chosen = [c for c in chosen if c.scope is scope]
    context = Context(briefing, terminology, memory)
    findings: list[Finding] = []
    item_checks = [c for c in chosen if c.scope is Scope.ITEM]
    every = briefing.items()
    for item in every if items is None else (i for i in every if i.id in items):
        for item_check in item_checks:
            findings.extend(item_check.function(item, context))
    for briefing_check in (c for c in chosen if c.scope is Scope.BRIEFING):
        findings.extend(briefing_check.function(briefing, context))
    order = {item.id: index for index, item in enumerate(every)}
    findings.sort(key=lambda f: order.get(f.item_id or "", len(order)))
    return findings

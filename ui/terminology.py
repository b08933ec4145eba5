"""The window's terminology: the termbases in force for the open briefing (briefing.terms.stack.Terminology),
kept in step with the briefing's meeting card and the `office_termbases` setting, and the one place that says
when hits may have changed (`changed`), so that highlighters and the Terms panel refresh."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from briefing import settings as config
from briefing.messages import BriefingError, Message
from briefing.model import Briefing, Language
from briefing.stores.office_terms import OfficeTermbase
from briefing.stores.offline_terms import OfflineTermbase
from briefing.terms.assist import FindTerms
from briefing.terms.model import Entry, Hit
from briefing.terms.stack import PERSONAL, Terminology, personal_path
from briefing.terms.store import Termbase, TermStore
from ui.messages import text as message_text

OFFICE = "office"  # the key of the office store's termbase (or its local copy, away from the network)


@dataclass(frozen=True)
class OfficeState:
    """How the office store's termbase is doing, as the termbase manager shows it."""

    address: str  # without password
    reachable: bool
    local_copy: bool  # away from the network: its copy and the queue of changes
    read_only: bool
    user: str = ""
    synced_at: str = ""  # when the local copy was made (ISO, UTC)
    pending: int = 0  # changes made away from it, waiting for `store sync`


class TerminologyController(QObject):
    changed = Signal()  # a termbase or the briefing's names changed: hits may differ
    problems_found = Signal(list)  # the worded problems not reported before (termbases left out)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._office = config.current().office_termbases
        self.terminology = Terminology.load(None, config.current())
        self._briefing: Briefing | None = None
        self._reported: set[str] = set()
        self._version = self._current_version()

    # -- keeping in step -----------------------------------------------------------------------------
    def set_briefing(self, briefing: Briefing | None) -> None:
        """Take the names of this briefing's meeting card (call again when the card changed)."""
        self._briefing = briefing
        self.terminology.set_briefing(briefing)
        self.notice()

    def settings_changed(self) -> None:
        """Open the termbases again when the office termbases named in the settings changed."""
        office = config.current().office_termbases
        if office == self._office:
            return
        self._office = office
        self.reload()

    def reload(self) -> None:
        self.terminology.close()
        self.terminology = Terminology.load(self._briefing, config.current())
        self._version = -1
        self.notice()
        self.report_problems()

    def notice(self) -> None:
        """Emit `changed` if any termbase changed since the last look (an edit here or by another program)."""
        version = self._current_version()
        if version != self._version:
            self._version = version
            self.changed.emit()

    def _current_version(self) -> int:
        try:
            return self.terminology.index_version
        except BriefingError as error:
            self._problem(error.message)
            return self._version

    # -- problems ------------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """Every termbase left out, in words."""
        return [message_text(problem.code, problem.params) for problem in self.terminology.problems]

    def report_problems(self) -> None:
        """Say the problems not said before (once each)."""
        new = [text for text in self.problems() if text not in self._reported]
        self._reported.update(new)
        if new:
            self.problems_found.emit(new)

    def _problem(self, message: Message) -> None:
        if message not in self.terminology.problems:
            self.terminology.problems.append(message)
            self.report_problems()

    # -- reading ---------------------------------------------------------------------------------------
    def hits(self, text: str, language: Language) -> list[Hit]:
        """The terms in a text; none (and a problem said once) when a termbase fails while reading."""
        try:
            return self.terminology.hits(text, language)
        except BriefingError as error:
            self._problem(error.message)
            return []

    def find_terms(self) -> FindTerms:
        """A matcher over the termbases as they are now, safe to use on another thread (the SQLite files are
        read here, on the window's thread; the index itself is only read)."""
        try:
            return self.terminology.index.find
        except BriefingError as error:
            self._problem(error.message)
            return lambda _text, _language: []

    def names(self) -> list[str]:
        """The termbases a user can look at, highest priority first; the personal one even before it exists; the
        office store's (or its local copy) as OFFICE, even when it cannot be read at all."""
        shared = self.terminology.shared
        names = [OFFICE if source is shared else source.name for source in self.terminology.termbases]
        if PERSONAL not in names:
            names.insert(1, PERSONAL)
        if self.terminology.office_address and OFFICE not in names:
            names.insert(names.index(PERSONAL) + 1, OFFICE)
        return names

    def office(self) -> OfficeState | None:
        """The office store's state; None when no office store is chosen."""
        address, shared = self.terminology.office_address, self.terminology.shared
        if not address:
            return None
        if isinstance(shared, OfficeTermbase):
            return OfficeState(address, True, False, shared.read_only, shared.user)
        if isinstance(shared, OfflineTermbase):
            try:
                pending = shared.pending()
            except BriefingError:
                pending = 0
            return OfficeState(address, False, True, shared.read_only, shared.author, shared.synced_at, pending)
        return OfficeState(address, False, False, True)

    def store(self, name: str) -> TermStore | None:
        """Where edits of the termbase `name` go: the personal termbase or the office store's (its queue while
        away from it); None for a termbase that cannot be changed here."""
        if name == PERSONAL:
            return self.personal()
        if name == OFFICE and self.terminology.shared is not None and not self.terminology.shared.read_only:
            return self.terminology.shared
        return None

    def read_only(self, name: str) -> bool:
        if name == OFFICE:
            shared = self.terminology.shared
            return shared is None or shared.read_only
        if name != PERSONAL:
            return True
        return any(source.name == PERSONAL and source.read_only for source in self.terminology.termbases)

    def entries(self, name: str) -> list[Entry]:
        """The entries of one termbase (the personal one: none while its file does not exist)."""
        if name == OFFICE:
            shared = self.terminology.shared
            return shared.entries() if shared is not None else []
        for source in self.terminology.termbases:
            if source.name == name:
                return source.entries()
        return []

    def personal(self) -> Termbase:
        """The personal termbase, created on first use; TermbaseError when its file cannot be used."""
        return self.terminology.personal

    def personal_exists(self) -> bool:
        return personal_path().exists()

    def close(self) -> None:
        with contextlib.suppress(BriefingError):
            self.terminology.close()

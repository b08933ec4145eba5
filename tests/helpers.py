"""Builders for briefings used across the tests."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from datetime import date
from types import FrameType

from briefing.language.dates import PartialDate
from briefing.model import (
    Bilingual,
    Briefing,
    Delegation,
    Item,
    ItemType,
    Language,
    Person,
    Role,
    Section,
    StatementKind,
)


def item(en: str = "", ko: str = "", source: Language = Language.EN, **fields: object) -> Item:
    made = Item(source=source, **fields)  # type: ignore[arg-type]
    made.set_text(source, en if source is Language.EN else ko)
    target_text = ko if source is Language.EN else en
    if target_text:
        made.set_text(source.other, target_text)
    return made


def small_briefing() -> Briefing:
    briefing = Briefing(title=Bilingual(ko="시험 회의", en="Test meeting"))
    briefing.meeting.session = 3
    briefing.meeting.start_date = date(2025, 2, 18)
    briefing.meeting.delegations.append(
        Delegation(
            name=Bilingual(ko="한국 대표단", en="ROK delegation"),
            members=[Person(name=Bilingual(ko="홍길동", en="Hong Gil-dong"), role=Role.CO_CHAIR)],
        )
    )
    first = briefing.add_section(Section(title=Bilingual(ko="개요", en="Overview")))
    second = briefing.add_section(Section(title=Bilingual(ko="일정", en="Schedule")))
    briefing.add_item(first.id, item("One.", "하나."))
    briefing.add_item(first.id, item("Two.", type=ItemType.STATEMENT, statement_kind=StatementKind.CONDEMNATION))
    briefing.add_item(second.id, item("Three.", "셋.", type=ItemType.SCHEDULE, when=PartialDate(2025, 1)))
    return briefing


def large_briefing(items: int, text_length: int = 400) -> Briefing:
    """A briefing with many items of realistic length, in sections of 25."""
    briefing = Briefing(title=Bilingual(ko="대형 브리핑", en="Large briefing"))
    sentence_en = "The two sides agreed to expand defense space cooperation (local time). "
    sentence_ko = "양측은 국방우주협력을 확대하기로 합의했다. "
    section = None
    for number in range(items):
        if number % 25 == 0:
            section = briefing.add_section(Section(title=Bilingual(ko=f"{number // 25 + 1}절", en=f"Part {number}")))
        assert section is not None
        en = (f"Item {number}: " + sentence_en * (text_length // len(sentence_en) + 1))[:text_length]
        ko = (f"항목 {number}: " + sentence_ko * (text_length // len(sentence_ko) + 1))[: text_length // 2]
        made = item(en, ko)
        if number % 3 == 0:
            made.approve()
        briefing.add_item(section.id, made)
    return briefing


@contextlib.contextmanager
def deadline(seconds: int, what: str = "the call") -> Iterator[None]:
    """Fail, rather than hang, when `what` waits for ever (opening a pipe nobody writes to, reading /dev/zero):
    a blocked system call uses no CPU time, so a CPU-time limit such as mutation testing's never ends it."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise AssertionError(f"{what} did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

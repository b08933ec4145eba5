"""Items agree with the meeting card: the session, the date, the place and the people's names.

A sentence is about the meeting when it names the series (its code or its name in that language) or says "이번
회의" / "this meeting". In such a sentence an ordinal other than the card's session, or a day outside the card's
dates, is reported — but not when both differ: that sentence is about another session ("제24차 SCWG는 2025년
5월…"); so is a place the termbase knows, other than the card's, in a sentence saying where it was held. Names
and the place also compare the two sides: the card's Korean form on the Korean side without its English form on the
English side (or the other way round) is a name misspelt or left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from briefing.language.segmentation import split_sentences
from briefing.language.values import Kind, Value, values
from briefing.messages import register
from briefing.model import Bilingual, Item, Language, MeetingCard
from briefing.qa.model import Finding, Severity, Span
from briefing.qa.registry import CHECKS, Context

NAME = "meeting"

register(
    {
        "qa.meeting_session": 'the text says "{found}"; the meeting card says session {session}',
        "qa.meeting_date": 'the text says "{found}"; the meeting card says {expected}',
        "qa.meeting_name": '"{found}" is on one side only; the meeting card writes it "{other}" on the other',
        "qa.meeting_place": 'the text says the meeting was held in "{found}"; the meeting card says "{expected}"',
    }
)

# "이번 회의", "이번 제23차 회의", "this meeting", "this 23rd meeting": the meeting of the card, unnamed
_THIS_MEETING = re.compile(
    r"(?:이번|금번)\s*(?:제\s*\d+\s*차\s*)?(?:회의|협의회)|\b[Tt]his\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:meeting|session)\b"
)
# the sentence says where the meeting was held
_HELD = {
    Language.KO: re.compile(r"열렸|열린|열리|개최|진행"),
    Language.EN: re.compile(r"\b(?:held|hosted|convened|took place|takes place|will take place|opened)\b"),
}
_WORD = re.compile(r"[\w.-]{2,}")
_LETTERS = re.compile(r"[\W_]")


def _mentions(card: MeetingCard, language: Language) -> list[str]:
    names = [card.series.code, card.series.name.get(language)]
    return [name for name in names if name.strip()]


def _on_card(card: MeetingCard, day: Value) -> bool:
    year, month, number = day.key
    first = card.start_date
    last = card.end_date or first
    if first is None or last is None or number is None:
        return True
    candidates = [date.fromordinal(d) for d in range(first.toordinal(), last.toordinal() + 1)]
    return any(
        (year is None or year == c.year) and (month is None or month == c.month) and number == c.day for c in candidates
    )


def _expected(card: MeetingCard) -> str:
    first = card.start_date
    if first is None:
        return ""
    if card.end_date and card.end_date != first:
        return f"{first.isoformat()} to {card.end_date.isoformat()}"
    return first.isoformat()


def _mentioned(text: str, names: list[str]) -> bool:
    return any(name in text for name in names) or _THIS_MEETING.search(text) is not None


def _facts(item: Item, language: Language, card: MeetingCard, context: Context) -> Iterator[Finding]:
    text = item.text.get(language)
    mentions = _mentions(card, language)
    if not _mentioned(text, mentions):
        return
    offset = 0
    for piece in split_sentences(text):
        start = text.find(piece.text, offset)
        start = offset if start < 0 else start
        offset = start + len(piece.text)
        if not _mentioned(piece.text, mentions):
            continue
        yield from _place(item, language, card, context, piece.text, start)
        found = values(piece.text, language)
        sessions = [v for v in found if v.kind is Kind.ORDINAL and v.firm]
        days = [v for v in found if v.kind is Kind.DATE and v.key[2] is not None and v.firm]
        wrong_sessions = [v for v in sessions if card.session is not None and v.key[0] != card.session]
        wrong_days = [v for v in days if not _on_card(card, v)]
        if wrong_sessions and wrong_days:
            continue
        if wrong_sessions and len(wrong_sessions) == len(sessions):
            v = wrong_sessions[0]
            yield Finding(
                NAME,
                "qa.meeting_session",
                Severity.WARNING,
                item.id,
                {"found": v.text, "session": card.session},
                (Span(language, start + v.start, start + v.end),),
            )
        if wrong_days and len(wrong_days) == len(days):
            v = wrong_days[0]
            yield Finding(
                NAME,
                "qa.meeting_date",
                Severity.WARNING,
                item.id,
                {"found": v.text, "expected": _expected(card)},
                (Span(language, start + v.start, start + v.end),),
            )


def _place(
    item: Item, language: Language, card: MeetingCard, context: Context, sentence: str, start: int
) -> Iterator[Finding]:
    """A sentence about the meeting being held that names a place the termbase knows, other than the card's."""
    place = card.place.get(language)
    core = _core(place)
    if not core or core in sentence or not _HELD[language].search(sentence):
        return
    for hit in context.term_hits(sentence, language):
        named = sentence[hit.start : hit.end]
        if hit.entry.domain == "place" and named not in place:
            yield Finding(
                NAME,
                "qa.meeting_place",
                Severity.WARNING,
                item.id,
                {"found": named, "expected": place},
                (Span(language, start + hit.start, start + hit.end),),
            )
            return


def _core(name: str) -> str:
    """The telling part of a place: its longest word ("워싱턴" of "미국 워싱턴 D.C.")."""
    words = _WORD.findall(name)
    return max(words, key=lambda word: len(_LETTERS.sub("", word))) if words else ""


def _names(card: MeetingCard) -> list[Bilingual]:
    people = [person.name for delegation in card.delegations for person in delegation.members]
    return [name for name in people if name.ko.strip() and name.en.strip()]


def _one_side(item: Item, card: MeetingCard) -> Iterator[Finding]:
    korean, english = item.text.ko, item.text.en
    pairs = [(name.ko, name.en) for name in _names(card)]
    place = (_core(card.place.ko), _core(card.place.en))
    if all(place):
        pairs.append(place)
    for ko, en in pairs:
        if (ko in korean) == (en in english):
            continue
        language, found, other = (Language.KO, ko, en) if ko in korean else (Language.EN, en, ko)
        at = item.text.get(language).find(found)
        yield Finding(
            NAME,
            "qa.meeting_name",
            Severity.WARNING,
            item.id,
            {"found": found, "other": other},
            (Span(language, at, at + len(found)),),
        )


@CHECKS.check(NAME)
def check_meeting(item: Item, context: Context) -> Iterator[Finding]:
    card = context.briefing.meeting
    if not item.source_text.strip() or not item.target_text.strip():
        return
    for language in (Language.KO, Language.EN):
        yield from _facts(item, language, card, context)
    yield from _one_side(item, card)

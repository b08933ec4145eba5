"""Property-based round trips: whatever a user can type survives save and load unchanged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import storage
from briefing.fileformat import dumps, loads
from briefing.language.dates import PartialDate
from briefing.model import (
    Bilingual,
    Briefing,
    Comment,
    Delegation,
    Item,
    ItemType,
    Language,
    MeetingCard,
    NoteMark,
    Person,
    Role,
    Section,
    Series,
    StatementKind,
    TargetOrigin,
)
from briefing.rules import UNWRITABLE

# Any Unicode a user could produce (no lone surrogates: those cannot be typed or stored as UTF-8),
# with Hangul, emoji, control characters and markup over-represented.
_alphabet = st.characters(codec="utf-8")
_special = st.sampled_from(
    ["국방부", "한미", "▵", "※", "😀", "👩🏽‍🚀", "\x00", "\x1b", "\u200b", "\r\n", "\t", "**굵게**", '"', "\\"]
)
texts = st.lists(st.one_of(st.text(_alphabet, max_size=20), _special), max_size=6).map("".join)
bilingual = st.builds(Bilingual, ko=texts, en=texts)
# Document properties (title, author, series code and name) hold no character XML cannot (the rules refuse them),
# and at most 255 characters: the series name is kept short enough for the meeting's name in both languages.
property_texts = texts.map(lambda text: UNWRITABLE.sub("", text))
property_bilingual = st.builds(Bilingual, ko=property_texts, en=property_texts)
short_property_bilingual = st.builds(
    Bilingual, ko=property_texts.map(lambda t: t[:60]), en=property_texts.map(lambda t: t[:60])
)
times = st.datetimes(min_value=datetime(1000, 1, 2), timezones=st.just(UTC))  # MOMENT_YEARS
partial_dates = st.one_of(
    st.dates(min_value=__import__("datetime").date(1000, 1, 1)).map(PartialDate.from_date),
    st.builds(PartialDate, year=st.integers(1000, 9999), half=st.sampled_from([1, 2])),
    st.builds(PartialDate, year=st.integers(1000, 9999), quarter=st.integers(1, 4)),
    st.builds(PartialDate, year=st.integers(1000, 9999), month=st.integers(1, 12)),
    st.builds(PartialDate, year=st.integers(1000, 9999)),
)


@st.composite
def items(draw: st.DrawFn) -> Item:
    kind = draw(st.sampled_from(ItemType))
    item = Item(
        type=kind,
        source=draw(st.sampled_from(Language)),
        statement_kind=draw(st.sampled_from(StatementKind)) if kind is ItemType.STATEMENT else None,
        note_mark=draw(st.sampled_from(NoteMark)) if kind is ItemType.NOTE else None,
        owner=draw(bilingual) if kind is ItemType.ACTION else None,
        due=draw(st.none() | partial_dates) if kind is ItemType.ACTION else None,
        when=draw(partial_dates) if kind is ItemType.SCHEDULE else None,
    )
    item.set_text(item.source, draw(texts))
    item.set_text(item.target, draw(texts), draw(st.sampled_from(TargetOrigin)))
    if draw(st.booleans()) and item.source_text.strip() and item.target_text.strip():
        item.approve()
        if draw(st.booleans()):
            item.set_text(item.source, item.source_text + draw(texts))
    for _ in range(draw(st.integers(0, 2))):
        item.comments.append(
            Comment(author=draw(texts), text=draw(texts), created=draw(times), resolved=draw(st.booleans()))
        )
    return item


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    card = MeetingCard(
        series=Series(
            code=draw(st.text(_alphabet, max_size=10).map(lambda t: UNWRITABLE.sub("", t))),
            name=draw(short_property_bilingual),
        ),
        session=draw(st.none() | st.integers(1, 100000)),
        time_zone_note=draw(bilingual),
        place=draw(bilingual),
        delegations=[
            Delegation(
                name=draw(bilingual),
                members=[
                    Person(
                        name=draw(bilingual),
                        title=draw(bilingual),
                        rank=draw(bilingual),
                        organisation=draw(bilingual),
                        role=draw(st.sampled_from(Role)),
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ],
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
        marking=draw(bilingual),
    )
    start = draw(st.none() | st.dates())
    if start is not None:
        card.start_date = start
        card.end_date = draw(st.none() | st.dates(min_value=start))
    briefing = Briefing(
        title=draw(property_bilingual),
        meeting=card,
        origin_language=draw(st.sampled_from(Language)),
        author=draw(property_texts),
        created=draw(times),
        modified=draw(times),
    )
    for _ in range(draw(st.integers(0, 3))):
        section = briefing.add_section(Section(title=draw(bilingual)))
        for item in draw(st.lists(items(), max_size=4)):
            briefing.add_item(section.id, item)
    return briefing


@settings(max_examples=150, deadline=None)
@given(briefings())
def test_text_round_trip(briefing: Briefing) -> None:
    text = dumps(briefing)
    again = loads(text)
    assert again == briefing
    assert dumps(again) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(briefings())
def test_file_round_trip(tmp_path: Path, briefing: Briefing) -> None:
    path = tmp_path / "round-trip.briefing"
    storage.save(briefing, path)
    assert storage.load(path) == briefing


def test_very_long_text_round_trips(tmp_path: Path) -> None:
    briefing = Briefing()
    section = briefing.add_section()
    long_text = "가나다라마바사 " * 600_000 + "😀"  # about 4.8 million characters, 13 MB of UTF-8
    item = briefing.add_item(section.id)
    item.set_text(Language.EN, long_text)
    path = tmp_path / "long.briefing"
    storage.save(briefing, path)
    assert storage.load(path).items()[0].text.en == long_text


def test_lone_surrogate_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    briefing = Briefing()
    section = briefing.add_section()
    briefing.add_item(section.id).set_text(Language.EN, "broken \udc80 text")
    path = tmp_path / "x.briefing"
    # The rules find it first, with its path (UTF-8 could not encode it either).
    with pytest.raises(storage.BriefingFileError, match=r"\$\.sections\[0\]\.items\[0\]\.text\.en: contains U\+DC80"):
        storage.save(briefing, path)
    assert not path.exists()

"""The terminology stack: the briefing's names, personal, office and shipped termbases, in that order."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import Language
from briefing.settings import Settings
from briefing.storage import load
from briefing.terms import stack
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.stack import Terminology, entries_from_briefing, load_shipped, parse_shipped, personal_path
from briefing.terms.store import Termbase, TermbaseError
from tests.conftest import EXAMPLE

FIXTURE = Path(__file__).parent / "data" / "shipped_fixture.tsv"


@pytest.fixture(autouse=True)
def shipped(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(stack, "SHIPPED_PATH", FIXTURE)
    return FIXTURE


def test_the_shipped_file_is_read_with_every_column() -> None:
    entries = load_shipped()
    assert len(entries) == 10
    mnd = next(e for e in entries if e.id == "mnd")
    assert mnd.preferred(Language.EN) == Term(
        "Ministry of National Defense", Language.EN, acronym="MND", part_of_speech="noun"
    )
    assert [t.text for t in mnd.forbidden(Language.EN)] == ["Ministry of Defense"]
    assert [t.text for t in mnd.variants(Language.EN)] == ["ROK Ministry of National Defense"]
    assert (mnd.domain, mnd.source, mnd.verified, mnd.termbase) == (
        "organisation",
        "https://www.mnd.go.kr",
        True,
        "shipped",
    )
    bg = next(e for e in entries if e.id == "bg")
    assert [t.text for t in bg.variants(Language.EN)] == ["Brigadier General", "BG"]
    assert next(e for e in entries if e.id == "cspc").verified is False
    assert load_shipped() == entries and load_shipped() is not load_shipped()  # cached, but copies


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"id\tko\n", "the header must be"),
        (FIXTURE.read_bytes() + b"x\t\xea\xb5\n", "not UTF-8"),
        (FIXTURE.read_bytes() + "x\t국방부\n".encode(), "2 columns instead of 14"),
        (FIXTURE.read_bytes() + FIXTURE.read_bytes().splitlines(keepends=True)[1], "used twice"),
        (FIXTURE.read_bytes().replace(b"\tyes\n", b"\tmaybe\n", 1), "verified must be yes or no"),
    ],
)
def test_a_broken_shipped_file_names_the_line(data: bytes, reason: str) -> None:
    with pytest.raises(TermbaseError, match=reason):
        parse_shipped(data)


def test_the_briefing_gives_its_card_names() -> None:
    entries = entries_from_briefing(load(EXAMPLE))
    meeting = entries[0]
    assert meeting.preferred(Language.KO) == Term("한미 국방우주정책 실무협의회", Language.KO, acronym="SCWG")
    assert meeting.preferred(Language.EN) == Term(
        "Korea-U.S. Space Cooperation Working Group", Language.EN, acronym="SCWG"
    )
    pairs = {(e.preferred(Language.KO).text, e.preferred(Language.EN).text) for e in entries}  # type: ignore[union-attr]
    assert ("육군 준장", "Army Brigadier General") in pairs
    assert ("국방부", "Ministry of National Defense") in pairs
    assert len(pairs) == len(entries)


def test_load_builds_the_stack_in_priority_order(tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    with Termbase.create(office, "office") as termbase:
        termbase.add(Entry("o1", [Term("국방부", Language.KO), Term("MND (office)", Language.EN)]))
    terminology = Terminology.load(load(EXAMPLE), Settings(office_termbases=(str(office),)))
    try:
        assert [t.name for t in terminology.termbases] == ["briefing", "office", "shipped"]
        assert terminology.problems == []
        (hit,) = terminology.hits("국방부는", Language.KO)
        assert hit.entry.termbase == "briefing"  # the card beats the office and the shipped termbase
        terminology.set_briefing(None)
        (hit,) = terminology.hits("국방부는", Language.KO)
        assert hit.entry.termbase == "office"
        (hit,) = terminology.hits("the Ministry of Defense", Language.EN)
        assert hit.forbidden and hit.target(Language.EN).text == "Ministry of National Defense"  # type: ignore[union-attr]
    finally:
        terminology.close()


def test_the_personal_termbase_is_created_on_first_write_and_wins_over_the_others(briefing_home: Path) -> None:
    terminology = Terminology.load(settings=Settings())
    try:
        assert not personal_path().exists()
        version = terminology.index_version
        assert terminology.index_version == version
        entry = terminology.add_term("국방부", "MND", note="house style", forbidden_en=["Defense Ministry"])
        assert personal_path() == briefing_home / "terminology" / "personal.sqlite" and personal_path().exists()
        assert terminology.index_version != version
        (hit,) = terminology.hits("국방부가", Language.KO)
        assert hit.entry.id == entry.id and hit.particle == "가"
        assert [t.status for t in entry.terms] == [TermStatus.PREFERRED, TermStatus.PREFERRED, TermStatus.FORBIDDEN]
    finally:
        terminology.close()
    again = Terminology.load(settings=Settings())
    try:
        assert [t.name for t in again.termbases] == ["briefing", "personal", "shipped"]
        assert [e.id for e in again.search("house")] == [entry.id]
    finally:
        again.close()


def test_a_termbase_that_cannot_be_opened_is_reported_and_the_rest_keep_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"\x00garbage" * 50)
    personal_path().parent.mkdir(parents=True)
    personal_path().write_bytes(b"also garbage" * 50)
    monkeypatch.setattr(stack, "SHIPPED_PATH", tmp_path / "missing.tsv")
    settings = Settings(office_termbases=(str(broken), str(tmp_path / "absent.sqlite")))
    terminology = Terminology.load(load(EXAMPLE), settings)
    try:
        assert [m.code for m in terminology.problems] == [
            "terms.damaged",
            "terms.damaged",
            "terms.missing",
            "terms.shipped_missing",
        ]
        assert [t.name for t in terminology.termbases] == ["briefing"]
        assert terminology.hits("SCWG를", Language.KO)[0].entry.id == "briefing-meeting"
        with pytest.raises(TermbaseError):
            terminology.personal  # noqa: B018
    finally:
        terminology.close()

"""Glossary exchange: TBX and OmegaT CSV/TSV in and out, refusing hostile and broken files without a change."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from briefing.model import Language
from briefing.terms import exchange
from briefing.terms.exchange import ExchangeError, export_file, import_file, read_file
from briefing.terms.model import Entry, Term, TermStatus
from briefing.terms.stack import parse_shipped
from briefing.terms.store import Termbase

FIXTURE = Path(__file__).parent / "data" / "shipped_fixture.tsv"


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    base = Termbase.create(tmp_path / "t.sqlite", "t")
    base.add(Entry("kept", [Term("합참", Language.KO), Term("JCS", Language.EN)]))
    yield base  # type: ignore[misc]
    base.close()


def entries() -> list[Entry]:
    return parse_shipped(FIXTURE.read_bytes())


def test_tbx_round_trip_keeps_everything(tmp_path: Path, termbase: Termbase) -> None:
    path = tmp_path / "out.tbx"
    assert export_file(entries(), path, "fixture") == 10
    text = path.read_text("utf-8")
    assert '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>' in text
    assert "admittedTerm-admn-sts" in text and '<descrip type="subjectField">organisation</descrip>' in text
    report = import_file(termbase, path)
    assert (report.added, report.updated, report.skipped) == (10, 0, [])
    back = {e.id: e for e in termbase.entries()}
    for entry in entries():
        stored = back[entry.id]
        assert (stored.terms, stored.domain, stored.note, stored.source, stored.verified) == (
            entry.terms,
            entry.domain,
            entry.note,
            entry.source,
            entry.verified,
        )
    again = import_file(termbase, path)
    assert (again.added, again.updated) == (0, 10)


def test_tbx_from_another_tool(tmp_path: Path, termbase: Termbase) -> None:
    path = tmp_path / "other.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en-US"><text><body>
<termEntry id="c1"><descrip type="subjectField">defence</descrip>
 <langSet xml:lang="ko-KR"><tig><term>국방부</term></tig></langSet>
 <langSet xml:lang="en-US">
  <tig><term>Ministry of National Defense</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <ntig><termGrp><term>Ministry of Defense</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
  <tig><term>MND</term><termNote type="termType">acronym</termNote></tig>
 </langSet></termEntry>
</body></text></martif>""",
        "utf-8",
    )
    report = import_file(termbase, path)
    assert report.added == 1
    entry = termbase.get("c1")
    assert entry is not None and entry.domain == "defence"
    assert entry.terms == [
        Term("국방부", Language.KO),
        Term("Ministry of National Defense", Language.EN, acronym="MND"),
        Term("Ministry of Defense", Language.EN, TermStatus.FORBIDDEN),
    ]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".txt", ".utf8"])
def test_glossary_round_trip(tmp_path: Path, termbase: Termbase, suffix: str) -> None:
    path = tmp_path / f"glossary{suffix}"
    tricky = Entry("q", [Term('국방부 "본부", 서울', Language.KO), Term('Ministry, "HQ"', Language.EN)], note="a\tb\nc")
    export_file([*entries(), tricky], path)
    report = import_file(termbase, path)
    assert report.added == 14  # 10 entries, 3 Korean variants as rows of their own, and the tricky one
    pairs = {(e.preferred(Language.KO).text, e.preferred(Language.EN).text) for e in termbase.entries()}  # type: ignore[union-attr]
    assert ("국방부", "Ministry of National Defense") in pairs
    assert ("국장급 국방우주협력회의", "Korea-U.S. Space Cooperation Working Group") in pairs
    assert ('국방부 "본부", 서울', 'Ministry, "HQ"') in pairs
    assert any(e.note.startswith("ROK ministry Not: Ministry of Defense") for e in termbase.entries())


def test_omegat_tsv_with_comments_english_first_and_skips(tmp_path: Path, termbase: Termbase) -> None:
    path = tmp_path / "omegat.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE
        + "# OmegaT glossary\nJCS\t합참\nJCS\t합참\nspace policy\t우주정책\tcomment\nlonely\n\n".encode("utf-16-le")
    )
    report = import_file(termbase, path, Language.EN)
    assert report.added == 1
    assert [(s.where, s.reason.code) for s in report.skipped] == [
        ("line 2", "terms.skip_exists"),
        ("line 3", "terms.skip_repeated"),
        ("line 5", "terms.skip_no_term"),
    ]
    assert termbase.search("우주정책")[0].note == "comment"


def test_a_header_row_is_no_term(tmp_path: Path, termbase: Termbase) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Korean,English,Comment\n국방부,Ministry of National Defense,\n", "utf-8")
    report = import_file(termbase, path)
    assert (report.added, report.skipped) == (1, [])
    assert sorted(entry.preferred(Language.KO).text for entry in termbase.entries()) == ["국방부", "합참"]  # type: ignore[union-attr]


HOSTILE = {
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><martif><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>&c;</term></tig></langSet></termEntry></body></text></martif>',
    "external entity": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>',
    "parameter entity": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><martif/>',
}
BROKEN = {
    "broken xml": (b"<martif><text><body><termEntry>\n<langSet xml:lang='en'></termEntry></martif>", "terms.bad_xml"),
    "not tbx": (b"<tmx version='1.4'/>", "terms.not_tbx"),
    "unknown language": (
        b"<martif><text><body><termEntry id='a'>\n<langSet xml:lang='fr'><tig><term>x</term></tig></langSet></termEntry></body></text></martif>",
        "terms.unknown_language",
    ),
    "duplicate id": (
        b"<martif><text><body><termEntry id='a'><langSet xml:lang='en'><tig><term>x</term></tig></langSet></termEntry>\n<termEntry id='a'><langSet xml:lang='en'><tig><term>y</term></tig></langSet></termEntry></body></text></martif>",
        "terms.duplicate_entry",
    ),
    "latin-1": (
        "<martif><text><body><termEntry><langSet xml:lang='en'><tig><term>café</term></tig></langSet></termEntry></body></text></martif>".encode(
            "latin-1"
        ),
        "terms.bad_encoding",
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_tbx_is_refused_and_nothing_changes(
    tmp_path: Path, termbase: Termbase, name: str, no_network: list[str]
) -> None:
    path = tmp_path / "hostile.tbx"
    path.write_bytes(HOSTILE[name])
    with pytest.raises(ExchangeError) as raised:
        import_file(termbase, path)
    assert raised.value.code == "terms.xml_entities" and "\n" not in str(raised.value)
    assert [e.id for e in termbase.entries()] == ["kept"] and no_network == []


@pytest.mark.parametrize("name", BROKEN)
def test_broken_files_get_one_coded_line(tmp_path: Path, termbase: Termbase, name: str) -> None:
    data, code = BROKEN[name]
    path = tmp_path / "broken.tbx"
    path.write_bytes(data)
    with pytest.raises(ExchangeError) as raised:
        import_file(termbase, path)
    assert raised.value.code == code and "\n" not in str(raised.value)
    if code != "terms.not_tbx" and code != "terms.bad_encoding":
        assert raised.value.params["line"] == 2
    assert [e.id for e in termbase.entries()] == ["kept"]


def test_a_failure_half_way_leaves_the_termbase_unchanged(
    tmp_path: Path, termbase: Termbase, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("".join(f"용어{n}\tterm {n}\n" for n in range(50)), "utf-8")
    calls = 0
    original = Termbase.add

    def failing(self: Termbase, entry: Entry) -> Entry:
        nonlocal calls
        calls += 1
        if calls == 30:
            raise OSError("disk full")
        return original(self, entry)

    monkeypatch.setattr(Termbase, "add", failing)
    with pytest.raises(OSError):
        import_file(termbase, path)
    assert [e.id for e in termbase.entries()] == ["kept"]


def test_oversized_and_unknown_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exchange, "MAX_BYTES", 1024)
    big = tmp_path / "big.tsv"
    big.write_text("국방부\tMinistry of National Defense\n" * 100, "utf-8")
    with pytest.raises(ExchangeError) as raised:
        read_file(big)
    assert raised.value.code == "terms.file_too_large"
    with pytest.raises(ExchangeError) as raised:
        read_file(tmp_path / "glossary.xlsx")
    assert raised.value.code == "terms.unknown_format"
    with pytest.raises(ExchangeError) as raised:
        read_file(tmp_path / "absent.csv")
    assert raised.value.code == "terms.cannot_read"


def test_a_big_glossary_imports_in_one_go(tmp_path: Path, termbase: Termbase) -> None:
    path = tmp_path / "big.csv"
    path.write_text("".join(f'용어{n},term {n},"note, {n}"\n' for n in range(3000)), "utf-8")
    assert import_file(termbase, path).added == 3000
    assert termbase.count() == 3001


def test_a_link_planted_at_the_export_path_is_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file", "utf-8")
    planted = tmp_path / "glossary.tbx"
    planted.symlink_to(victim)
    with pytest.raises(ExchangeError) as raised:
        export_file(entries(), planted)
    assert raised.value.code == "terms.cannot_write" and "is a link" in str(raised.value)
    assert victim.read_text("utf-8") == "someone else's file" and planted.is_symlink()
    written = tmp_path / "real.tbx"
    assert export_file(entries(), written) == len(entries())
    assert [e.id for e, _ in read_file(written)] == [e.id for e in entries()]  # an atomic write, read back whole


def test_a_pipe_in_place_of_a_glossary_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "glossary.tsv"
    os.mkfifo(pipe)  # nobody writes to it: reading would wait for ever
    with pytest.raises(ExchangeError) as raised:
        read_file(pipe)
    assert raised.value.code == "terms.cannot_read" and "not a regular file" in str(raised.value)
    assert str(pipe) in str(raised.value) and str(raised.value).count(str(pipe)) == 1

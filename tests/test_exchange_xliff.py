"""XLIFF 2.0 out and back in: exact round trips, a reviewed file's diff as one undoable edit, hostile files."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff2

from briefing.exchange import xliff
from briefing.exchange.review import ExchangeError, identity
from briefing.fileformat import dumps
from briefing.model import Briefing, Language, TargetStatus
from briefing.storage import load
from tests.conftest import EXAMPLE
from tests.helpers import large_briefing

X = xliff.XLIFF
NS = {"x": X, "mda": xliff.MDA, "bs": xliff.OURS}
RICH = (
    "A **bold** and *slanted* [link](https://example.org/a_b) `code`. Second **sentence.\n"
    "- list item** with https://example.org/x here.\x1b[31m\r\n"
    "  ▵ 둘째 줄 **not closed"
)


def example() -> Briefing:
    briefing = load(EXAMPLE)
    first, second, third = briefing.items()[:3]
    first.set_text(Language.EN, RICH)
    first.set_text(Language.KO, "**굵게** 그리고 [링크](https://example.org/a_b).\n- 목록")
    second.set_text(Language.KO, "")  # an empty target: segments without <target>
    third.add_comment("kim", "Is 'SCWG' spelled out?\nline two")
    third.resolve_comment(third.add_comment("lee", "done").id, True, by="lee")
    briefing.items()[4].set_text(Language.KO, "초벌 번역이다.")  # edited, one sentence: one segment
    briefing.items()[7].set_text(Language.EN, "Text that looks like ⟦1⟧ a placeholder⟦/1⟧. Twice.")
    return briefing


def write(briefing: Briefing, path: Path) -> bytes:
    xliff.export_xliff(briefing, path)
    return path.read_bytes()


# -- the document --------------------------------------------------------------------------------------


def structure_problems(root: etree._Element) -> list[str]:
    """The XLIFF 2.0 core rules (schema and constraints) that this exporter could break, checked by hand: no XSD
    of XLIFF 2 ships in any package available offline (translate-toolkit, Debian, PyPI were searched)."""
    problems: list[str] = []
    if root.tag != f"{{{X}}}xliff" or root.get("version") != "2.0" or not root.get("srcLang"):
        problems.append("root")
    order = {"segment": 3, "ignorable": 3, "originalData": 2, "notes": 1}
    for file in root:
        if file.tag != f"{{{X}}}file" or not file.get("id"):
            problems.append("file")
        seen_units: set[str] = set()
        for unit in file.iter(f"{{{X}}}unit"):
            ident = unit.get("id", "")
            if not re.fullmatch(r"[\w.:-]+", ident) or ident in seen_units:
                problems.append(f"unit id {ident!r}")
            seen_units.add(ident)
            ranks = [order.get(etree.QName(c).localname, 0) if etree.QName(c).namespace == X else 0 for c in unit]
            if ranks != sorted(ranks) or 3 not in ranks:
                problems.append(f"{ident}: children out of order {ranks}")
            data = {d.get("id") for d in unit.iterfind("x:originalData/x:data", NS)}
            for side in ("source", "target"):
                ids = [c.get("id") for part in unit for s in part.iterfind(f"x:{side}", NS) for c in s.iter()]
                ids = [i for i in ids if i]
                if len(ids) != len(set(ids)):
                    problems.append(f"{ident}: {side} inline ids repeat")
            for code in unit.iter(f"{{{X}}}ph", f"{{{X}}}pc"):
                refs = [code.get(a) for a in ("dataRef", "dataRefStart", "dataRefEnd") if code.get(a)]
                if not refs or not set(refs) <= data or not code.get("id"):
                    problems.append(f"{ident}: inline code without data")
            for segment in unit.iterfind("x:segment", NS):
                if segment.get("state") not in ("initial", "translated", "reviewed", "final"):
                    problems.append(f"{ident}: state")
                if not re.fullmatch(r"[^:\s]+:\S+", segment.get("subState", "")):
                    problems.append(f"{ident}: subState")
                if [etree.QName(c).localname for c in segment][:1] != ["source"]:
                    problems.append(f"{ident}: segment")
            for note in unit.iterfind("x:notes/x:note", NS):
                if note.get("category") != "comment":
                    problems.append(f"{ident}: note")
    return problems


def test_the_document_is_xliff_2_with_one_unit_per_item_and_segments_per_sentence(tmp_path: Path) -> None:
    briefing = example()
    root = etree.fromstring(write(briefing, tmp_path / "out.xlf"))
    assert structure_problems(root) == []
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "ko")
    units = root.findall(".//x:unit", NS)
    assert [u.get("id") for u in units] == [item.id for item in briefing.items()]
    assert root.findtext(".//x:file/mda:metadata//mda:meta[@type='identity']", namespaces=NS) == identity(briefing)
    # Markdown inline markup as pc/ph with the Markdown in originalData; control characters as cp
    first = units[0]
    assert first.find(".//x:pc", NS) is not None and first.find(".//x:ph", NS) is not None
    assert {d.text for d in first.iterfind("x:originalData/x:data", NS)} >= {
        "**",
        "`code`",
        "[",
        "](https://example.org/a_b)",
    }
    assert [cp.get("hex") for cp in first.iter(f"{{{X}}}cp")][:2] == ["001B", "000D"]
    # a sentence per segment where both sides have as many sentences, what lies between in ignorables
    approved = units[10]
    item = briefing.items()[10]
    segments = approved.findall("x:segment", NS)
    assert len(segments) == 2 and approved.find("x:ignorable", NS) is not None
    assert {(s.get("state"), s.get("subState")) for s in segments} == {("final", "briefing:approved")}
    assert item.status is TargetStatus.APPROVED
    assert units[1].find(".//x:target", NS) is None
    notes = units[2].findall("x:notes/x:note", NS)
    assert [n.get(f"{{{xliff.OURS}}}resolved") for n in notes] == ["no", "yes"]


def test_the_document_validates_against_the_oasis_schema(tmp_path: Path) -> None:
    """Against the OASIS XLIFF 2.0 core schema, copied into tests/data/xliff2 (nothing is fetched: the schema's
    import of xml.xsd points at the copy beside it)."""
    folder = Path(__file__).parent / "data" / "xliff2"
    schema = etree.XMLSchema(etree.parse(str(folder / "xliff_core_2.0.xsd")))
    document = etree.fromstring(write(example(), tmp_path / "out.xlf"))
    assert schema.validate(document), schema.error_log
    broken = etree.fromstring(write(example(), tmp_path / "out.xlf"))
    broken.find(f"{{{xliff.XLIFF}}}file").set("unknown", "x")  # an attribute the standard does not allow
    assert not schema.validate(broken)


def test_translate_toolkit_reads_the_units(tmp_path: Path) -> None:
    briefing = example()
    store = xliff2.Xliff2File(write(briefing, tmp_path / "out.xlf"))
    ids = {unit.getid().split("::")[0] for unit in store.units}
    assert ids == {item.id for item in briefing.items()}
    single = next(u for u in store.units if u.getid() == briefing.items()[4].id)
    assert single.source == briefing.items()[4].source_text


def test_a_round_trip_through_an_unchanged_file_changes_nothing(tmp_path: Path) -> None:
    briefing = example()
    before = dumps(briefing)
    write(briefing, tmp_path / "out.xlf")
    diff = xliff.read_xliff(briefing, tmp_path / "out.xlf")
    assert diff.changes == [] and diff.notices == []
    assert dumps(briefing) == before


def test_every_text_comes_back_exactly(tmp_path: Path) -> None:
    """Each unit's parts joined give the item's texts back, so an edit of one sentence changes only that."""
    briefing = example()
    root = etree.fromstring(write(briefing, tmp_path / "out.xlf"))
    for unit, item in zip(root.iterfind(".//x:unit", NS), briefing.items(), strict=True):
        target = unit.find(".//x:segment/x:target", NS)
        if target is None:
            continue
        target.text = "X" + (target.text or "")
        (tmp_path / "one.xlf").write_bytes(etree.tostring(root))
        diff = xliff.read_xliff(briefing, tmp_path / "one.xlf")
        assert [c.item_id for c in diff.changes] == [item.id]
        assert diff.changes[0].target is not None
        before, after = diff.changes[0].target
        assert before == item.target_text and after.replace("X", "", 1) == item.target_text
        target.text = target.text[1:]


# -- a reviewed file -------------------------------------------------------------------------------------


def reviewed(tmp_path: Path, briefing: Briefing) -> Path:
    """A file as a reviewer returns it: one target edited and confirmed, one approved, one approval taken back,
    a new note, a comment resolved."""
    root = etree.fromstring(write(briefing, tmp_path / "out.xlf"))
    units = {u.get("id"): u for u in root.iterfind(".//x:unit", NS)}
    items = briefing.items()
    edited = units[items[4].id]
    segment = edited.find("x:segment", NS)
    segment.find("x:target", NS).text = "고친 번역이다."
    segment.set("state", "final")
    empty = units[items[1].id]
    for segment in empty.findall("x:segment", NS):
        etree.SubElement(segment, f"{{{X}}}target").text = "채운 번역."
    units[items[5].id].find("x:segment", NS).set("state", "translated")
    notes = units[items[2].id].find("x:notes", NS)
    notes[0].set(f"{{{xliff.OURS}}}resolved", "yes")
    etree.SubElement(notes, f"{{{X}}}note").text = "새 의견"
    path = tmp_path / "reviewed.xlf"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return path


def test_a_reviewed_file_is_one_diff_applied_as_one_undoable_edit(tmp_path: Path) -> None:
    briefing = example()
    path = reviewed(tmp_path, briefing)
    before = dumps(briefing)
    diff = xliff.read_xliff(briefing, path)
    assert dumps(briefing) == before  # reading changes nothing
    items = briefing.items()
    by_id = {c.item_id: c for c in diff.changes}
    assert set(by_id) == {items[1].id, items[2].id, items[4].id, items[5].id}
    assert by_id[items[4].id].approve and by_id[items[4].id].target == (items[4].target_text, "고친 번역이다.")
    assert by_id[items[1].id].target is not None and not by_id[items[1].id].approve
    assert "translated" in by_id[items[5].id].flag
    assert by_id[items[2].id].new_comments == (("", "새 의견"),)
    assert by_id[items[2].id].resolved == ((items[2].comments[0].id, True),)
    edit = diff.edit("reviewer")
    changes = edit.apply(briefing)
    assert changes.items == frozenset(by_id)
    assert items[4].status is TargetStatus.APPROVED and items[4].approved_by == "reviewer"
    assert items[4].text.ko == "고친 번역이다."
    assert items[1].status is TargetStatus.EDITED
    assert items[5].flag is not None and items[5].flag.by == "reviewer"
    assert [c.text for c in items[2].comments][-1] == "새 의견" and items[2].comments[0].resolved
    edit.revert(briefing)
    assert dumps(briefing) == before
    edit.apply(briefing)  # redo
    assert items[4].text.ko == "고친 번역이다."


def test_a_source_changed_since_the_export_is_reported_not_applied(tmp_path: Path) -> None:
    briefing = example()
    path = reviewed(tmp_path, briefing)
    item = briefing.items()[4]
    item.set_text(item.source, item.source_text + " Changed.")
    diff = xliff.read_xliff(briefing, path)
    assert item.id not in {c.item_id for c in diff.changes}
    assert [n.code for n in diff.notices] == ["exchange.source_changed"]
    assert f"unit {item.id}" in diff.notices[0].english()


def test_a_source_edited_in_the_file_and_a_target_changed_on_both_sides_are_reported(tmp_path: Path) -> None:
    briefing = example()
    root = etree.fromstring(write(briefing, tmp_path / "out.xlf"))
    units = root.findall(".//x:unit", NS)
    units[4].find("x:segment/x:source", NS).text = "Rewritten by the reviewer."
    units[6].find("x:segment/x:target", NS).text = "검토자의 번역."
    (tmp_path / "r.xlf").write_bytes(etree.tostring(root))
    briefing.items()[6].set_text(Language.KO, "기안자의 번역.")
    diff = xliff.read_xliff(briefing, tmp_path / "r.xlf")
    assert diff.changes == []
    assert [n.code for n in diff.notices] == ["exchange.source_edited", "exchange.target_conflict"]


def test_a_target_changed_only_in_the_briefing_since_the_export_is_kept(tmp_path: Path) -> None:
    briefing = example()
    write(briefing, tmp_path / "out.xlf")
    briefing.items()[6].set_text(Language.KO, "나중에 고친 번역.")
    diff = xliff.read_xliff(briefing, tmp_path / "out.xlf")
    assert diff.changes == [] and diff.notices == []


def test_the_other_direction_is_left_out_and_counted(tmp_path: Path) -> None:
    briefing = example()
    item = briefing.items()[0]
    item.set_source(Language.KO)
    data, left_out = xliff.to_xliff(briefing)
    assert left_out == 1 and item.id.encode() not in data
    data, left_out = xliff.to_xliff(briefing, Language.KO)
    assert left_out == len(briefing.items()) - 1 and item.id.encode() in data


# -- bad input: one coded line naming the unit, the briefing unchanged ----------------------------------


def hostile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    return path


def unit_file(briefing: Briefing, units: str, identity_value: str | None = None) -> str:
    ident = identity(briefing) if identity_value is None else identity_value
    return (
        f'<xliff xmlns="{X}" xmlns:mda="{xliff.MDA}" version="2.0" srcLang="en" trgLang="ko"><file id="f">'
        f'<mda:metadata><mda:metaGroup><mda:meta type="identity">{ident}</mda:meta></mda:metaGroup></mda:metadata>'
        f"{units}</file></xliff>"
    )


def one_unit(ident: str) -> str:
    return f'<unit id="{ident}"><segment><source>x</source><target>y</target></segment></unit>'


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        ("<xliff version='2.0'><file>", "xliff.broken", "line 1"),
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><xliff version="2.0">&lol3;</xliff>',
            "xliff.dtd",
            "line",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            '<xliff version="2.0">&xxe;</xliff>',
            "xliff.dtd",
            "line",
        ),
        ('<?xml version="1.0"?><!DOCTYPE xliff SYSTEM "http://example.org/x.dtd"><xliff/>', "xliff.dtd", "line"),
        ("<tmx version='1.4'/>", "xliff.not_xliff", "<tmx>"),
        (f"<xliff xmlns='{X}' version='1.2'/>", "xliff.not_xliff", "version 1.2"),
    ],
)
def test_broken_and_hostile_xml_is_refused(tmp_path: Path, text: str, code: str, named: str) -> None:
    briefing = example()
    before = dumps(briefing)
    with pytest.raises(ExchangeError) as caught:
        xliff.read_xliff(briefing, hostile(tmp_path, text))
    assert caught.value.code == code
    message = str(caught.value)
    assert "\n" not in message and named in message and "root:" not in message
    assert dumps(briefing) == before


def test_unknown_duplicated_and_foreign_units_are_refused_naming_the_unit(tmp_path: Path) -> None:
    briefing = example()
    known = briefing.items()[0].id
    cases = [
        (unit_file(briefing, one_unit(known) + one_unit("item-nowhere")), "exchange.unknown_item", "unit item-nowhere"),
        (unit_file(briefing, one_unit(known) + one_unit(known)), "exchange.duplicate_item", f"unit {known}"),
        (unit_file(briefing, one_unit(known), "2020-01-01T00:00:00Z"), "exchange.other_briefing", "2020-01-01"),
        (unit_file(briefing, one_unit(known), ""), "exchange.no_identity", "bad.xlf"),
        (unit_file(briefing, "<unit><segment><source>x</source></segment></unit>"), "xliff.bad_unit", "line 1"),
        (
            unit_file(
                briefing, f'<unit id="{known}"><segment><source><ph id="1" dataRef="d9"/></source></segment></unit>'
            ),
            "xliff.bad_unit",
            f"unit {known}",
        ),
    ]
    before = dumps(briefing)
    for text, code, named in cases:
        with pytest.raises(ExchangeError) as caught:
            xliff.read_xliff(briefing, hostile(tmp_path, text))
        assert (caught.value.code, named in str(caught.value)) == (code, True), str(caught.value)
        assert "\n" not in str(caught.value)
    assert dumps(briefing) == before


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    briefing = example()
    path = tmp_path / "big.xlf"
    write(briefing, path)
    with pytest.raises(ExchangeError) as caught:
        xliff.read_xliff(briefing, path, max_bytes=path.stat().st_size - 1)
    assert caught.value.code == "exchange.too_big"
    assert xliff.read_xliff(briefing, path, max_bytes=path.stat().st_size).changes == []


def test_a_large_briefing_goes_out_and_back_quickly(tmp_path: Path) -> None:
    briefing = large_briefing(400)
    started = time.perf_counter()
    write(briefing, tmp_path / "large.xlf")
    diff = xliff.read_xliff(briefing, tmp_path / "large.xlf")
    elapsed = time.perf_counter() - started
    assert diff.changes == [] and diff.notices == []
    assert elapsed < 10, elapsed


def test_a_pipe_in_place_of_a_review_file_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "review.xlf"
    os.mkfifo(pipe)  # nobody writes to it: reading would wait for ever
    with pytest.raises(ExchangeError) as caught:
        xliff.read_xliff(example(), pipe)
    assert caught.value.code == "exchange.unreadable" and "not a regular file" in str(caught.value)

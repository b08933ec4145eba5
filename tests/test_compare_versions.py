"""Two versions of a briefing compared: added, removed, moved, changed items, matched by id or by text; the
meeting card and section titles; 2,000 items within seconds; neither briefing changed."""

from __future__ import annotations

import copy
import time
from pathlib import Path

from briefing.compare.diff import Change
from briefing.compare.versions import Kind, MatchedBy, Report, compare, item_heading, report_json, summary
from briefing.fileformat import dumps
from briefing.model import Bilingual, Briefing, Item, ItemType, Language, ReviewFlag, Section, TargetStatus
from briefing.storage import load, save
from tests.conftest import EXAMPLE
from tests.helpers import item, large_briefing, small_briefing


def by_number(report: Report) -> dict[str, tuple[Kind, ...]]:
    return {entry.number: entry.kinds for entry in report.items}


def test_the_same_briefing_is_the_same() -> None:
    briefing = load(EXAMPLE)
    report = compare(briefing, copy.deepcopy(briefing))
    assert report.same and report.items == () and report.card == () and report.sections == ()
    assert summary(report) == "no changes (21 items)"


def test_added_removed_and_changed_items_in_the_new_order() -> None:
    old = small_briefing()
    new = copy.deepcopy(old)
    first, second = new.sections
    one, two = first.items
    one.set_text(Language.KO, "하나 더.")
    new.remove_item(two.id)
    new.add_item(second.id, item("Four.", "넷."), 0)
    report = compare(old, new)
    assert by_number(report) == {
        "1.1": (Kind.CHANGED,),
        "1.2": (Kind.REMOVED,),
        "2.1": (Kind.ADDED,),
    }
    changed, removed, added = report.items
    [text] = changed.texts
    assert (text.language, text.old, text.new) == (Language.KO, "하나.", "하나 더.")
    assert [(p.change, p.text) for p in text.pieces if p.change is not Change.SAME] == [(Change.INSERTED, " 더")]
    assert changed.unchanged == ((Language.EN, "One."),)
    assert removed.old is not None and removed.old.section == "Overview" and removed.new is None
    assert [t.pieces[0].change for t in added.texts] == [Change.INSERTED, Change.INSERTED]
    assert report.counts() == {Kind.ADDED: 1, Kind.REMOVED: 1, Kind.MOVED: 0, Kind.CHANGED: 1}


def test_an_insertion_at_the_top_moves_nothing_but_a_swap_moves_one() -> None:
    old = large_briefing(30, text_length=60)
    new = copy.deepcopy(old)
    section = new.sections[0]
    new.add_item(section.id, item("Brand new.", "새 항목."), 0)
    report = compare(old, new)
    assert [entry.kinds for entry in report.items] == [(Kind.ADDED,)]
    moved = section.items[10]
    new.move_item(moved.id, section.id, 3)
    report = compare(old, new)
    assert report.count(Kind.MOVED) == 1
    [entry] = [entry for entry in report.items if entry.moved]
    assert entry.old is not None and entry.new is not None
    assert (entry.old.number, entry.new.number) == ("1.10", "1.4")
    assert item_heading(entry) == "1.4 (was 1.10) moved"


def test_a_move_to_another_section_is_named() -> None:
    old = load(EXAMPLE)
    new = copy.deepcopy(old)
    moving = new.sections[1].items[1]
    new.move_item(moving.id, new.sections[-1].id, 0)
    [entry] = compare(old, new).items
    assert entry.kinds == (Kind.MOVED,) and entry.matched_by is MatchedBy.ID
    assert "moved from Discussions to" in item_heading(entry)


def test_status_type_flag_and_comment_changes() -> None:
    old = small_briefing()
    new = copy.deepcopy(old)
    one, two = new.sections[0].items
    one.approve(by="reviewer")
    two.type = ItemType.PARAGRAPH
    two.statement_kind = None
    one.flag = ReviewFlag(by="kim", at=one.approved_at or old.created, reason="check the date")
    two.add_comment("lee", "왜?")
    fields = {entry.number: {f.name: (f.old, f.new) for f in entry.fields} for entry in compare(old, new).items}
    assert fields["1.1"]["status"] == ("edited", "approved")
    assert fields["1.1"]["flag"] == ("none", "flagged by kim: check the date")
    assert fields["1.2"]["type"] == ("statement", "paragraph")
    assert fields["1.2"]["statement_kind"] == ("condemnation", "none")
    assert fields["1.2"]["comments"] == ("0 (0 open)", "1 (1 open)")


def test_ids_that_differ_are_matched_by_text_and_said_so() -> None:
    old = load(EXAMPLE)
    new = copy.deepcopy(old)
    for section in new.sections:
        section.id += "-copy"
        for entry in section.items:
            entry.id += "-copy"
    assert compare(old, new).same  # a copy re-created: the same content
    assert compare(old, new).matched_by_text == 21
    target = new.sections[1].items[0]
    target.set_text(Language.EN, target.text.en.replace("in-depth", "detailed"))
    target.set_text(Language.KO, target.text.ko.replace("심도 있게", "깊이"))
    [entry] = compare(old, new).items
    assert entry.matched_by is MatchedBy.TEXT and entry.similarity is not None and 80 <= entry.similarity < 100
    assert entry.kinds == (Kind.CHANGED,)
    assert "matched by text" in item_heading(entry)
    # below the threshold: a different item
    target.set_text(Language.EN, "Something else entirely.")
    target.set_text(Language.KO, "전혀 다른 내용.")
    assert sorted(kind for entry in compare(old, new).items for kind in entry.kinds) == [Kind.ADDED, Kind.REMOVED]


def test_card_title_and_section_titles() -> None:
    old = small_briefing()
    new = copy.deepcopy(old)
    new.title.en = "Test meeting (revised)"
    new.meeting.session = 4
    new.meeting.place = Bilingual(ko="서울", en="Seoul")
    new.meeting.delegations[0].members[0].title.ko = "단장"
    new.sections[1].title.ko = "향후 일정"
    new.add_section(Section(title=Bilingual(ko="부록", en="Annex")))
    report = compare(old, new)
    card = {(change.where, change.language): (change.old, change.new) for change in report.card}
    assert card[("title", Language.EN)] == ("Test meeting", "Test meeting (revised)")
    assert card[("session", None)] == ("3", "4")
    assert card[("place", Language.KO)] == ("", "서울")
    assert card[("delegation ROK delegation, Hong Gil-dong: title", Language.KO)] == ("", "단장")
    kinds = [section.kinds for section in report.sections]
    assert kinds == [(Kind.CHANGED,), (Kind.ADDED,)]
    assert report.sections[0].titles[0].new == "향후 일정"
    assert not report.same and report.items == ()


def test_neither_briefing_is_changed_and_the_json_is_plain_data() -> None:
    import json

    old, new = load(EXAMPLE), load(EXAMPLE)
    new.items()[0].set_text(Language.EN, "Changed \x1b[2J\u202e text.")
    before = dumps(old), dumps(new)
    report = compare(old, new)
    assert (dumps(old), dumps(new)) == before
    data = json.loads(json.dumps(report_json(report, "a", "b")))
    assert data["format"] == "briefing-studio/compare" and data["summary"]["changed"] == 1
    assert data["items"][0]["texts"][0]["new"] == "Changed \x1b[2J\u202e text."


def test_a_file_and_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "b.briefing"
    briefing = load(EXAMPLE)
    save(briefing, path)
    briefing.items()[0].set_text(Language.KO, briefing.items()[0].text.ko.replace("제23차", "제24차"))
    save(briefing, path)
    report = compare(load(tmp_path / "b.briefing.bak"), load(path))
    [entry] = report.items
    [text] = entry.texts
    assert [(p.change, p.text) for p in text.pieces if p.change is not Change.SAME] == [
        (Change.DELETED, "3"),
        (Change.INSERTED, "4"),
    ]


def huge_pair() -> tuple[Briefing, Briefing]:
    old = large_briefing(2000)
    new = copy.deepcopy(old)
    for number, entry in enumerate(new.items()):
        if number % 10 == 0:
            entry.set_text(Language.EN, entry.text.en.replace("agreed", "decided", 1))
    new.move_item(new.items()[5].id, new.sections[3].id, 2)
    new.remove_item(next(entry.id for entry in new.items() if entry.text.en.startswith("Item 103:")))
    new.add_item(new.sections[7].id, Item(text=Bilingual(ko="새 항목", en="New item")), 4)
    return old, new


def test_two_thousand_items_within_seconds() -> None:
    old, new = huge_pair()
    started = time.perf_counter()
    report = compare(old, new)
    by_id = time.perf_counter() - started
    assert report.counts() == {Kind.ADDED: 1, Kind.REMOVED: 1, Kind.MOVED: 1, Kind.CHANGED: 200}
    assert by_id < 10.0  # guards against a quadratic pass; bench/ measures the speed
    for entry in new.items():  # every id different, and every Korean text edited: only the fuzzy pass can match
        entry.id += "x"
        entry.set_text(Language.KO, entry.text.ko + " 추가")
    started = time.perf_counter()
    report = compare(old, new)
    by_text = time.perf_counter() - started
    assert report.matched_by_text == 1999 and report.count(Kind.CHANGED) == 1999
    assert by_text < 25.0
    assert all(entry.status is not TargetStatus.EMPTY for entry in old.items())

"""Waivers of QA findings: the finding's key, the waive/unwaive edits with undo, the rules a waiver keeps."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing import edits, rules
from briefing.cli.main import run as cli
from briefing.edits import EditRefused
from briefing.model import Briefing, Item, Language, Section, Waiver
from briefing.qa import Finding, Severity, Span, review, run
from briefing.qa.model import POSITION_PARAMS, finding_key
from briefing.storage import load, save
from tests.conftest import EXAMPLE

AT = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def _item(ko: str, en: str, item_id: str) -> Item:
    item = Item(source=Language.KO, id=item_id)
    item.set_text(Language.KO, ko)
    item.set_text(Language.EN, en)
    return item


def numbers_briefing() -> Briefing:
    """Two items, the second with a number that the English does not have (an error of the numbers check)."""
    return Briefing(
        sections=[
            Section(
                id="s1",
                items=[
                    _item("양측은 협력을 강화하기로 하였다.", "The two sides agreed to strengthen cooperation.", "a"),
                    _item("회의에는 1,500명이 참석하였다.", "Many people attended the meeting.", "b"),
                ],
            )
        ]
    )


def numbers_finding(briefing: Briefing) -> Finding:
    (found,) = [f for f in run(briefing, checks=["numbers"]) if f.item_id == "b"]
    return found


# -- the key ---------------------------------------------------------------------------------------


def test_key_is_short_hex_and_depends_on_check_code_and_params_only() -> None:
    base = Finding("numbers", "qa.numbers_missing", Severity.ERROR, "a", {"source": "1,500명", "source_value": "1500"})
    assert len(base.key) == 16 and int(base.key, 16) >= 0
    moved = Finding(
        "numbers",
        "qa.numbers_missing",
        Severity.WARNING,
        "zzz",
        {"source_value": "1500", "source": "1,500명"},  # other order of the same params
        (Span(Language.KO, 40, 46),),
    )
    assert moved.key == base.key  # severity, item, spans and parameter order do not count
    assert Finding("numbers", "qa.numbers_extra", Severity.ERROR, "a", base.params).key != base.key
    assert Finding("markup", "qa.numbers_missing", Severity.ERROR, "a", base.params).key != base.key
    assert Finding("numbers", "qa.numbers_missing", Severity.ERROR, "a", {"source": "1,501명"}).key != base.key
    # A known value, so that the key never changes by accident between versions (waivers in files rely on it).
    assert finding_key("status", "qa.status_machine", {}) == finding_key("status", "qa.status_machine", {})
    assert finding_key("status", "qa.status_machine", {}) == "7b3b517608808531"


def test_same_text_gives_the_same_key_in_another_run_and_another_briefing() -> None:
    first = numbers_finding(numbers_briefing())
    other = numbers_briefing()
    other.sections.insert(0, Section(id="s0", items=[_item("추가 항목이다.", "An extra item.", "x")]))
    assert numbers_finding(other).key == first.key


def test_consistency_key_survives_reordering_but_names_the_other_item() -> None:
    assert POSITION_PARAMS["qa.consistency_source"] == {"other"}
    sentence = "양측은 한반도의 평화와 안정을 위해 긴밀히 협력하기로 하였다."

    def briefing(order: list[str]) -> Briefing:
        items = {
            "first": _item(sentence, "The two sides agreed to cooperate closely for peace.", "first"),
            "filler": _item("별도 항목입니다.", "A separate item.", "filler"),
            "second": _item(sentence, "Both sides will work together for stability.", "second"),
        }
        return Briefing(sections=[Section(id="s", items=[items[name] for name in order])])

    before = [f for f in run(briefing(["first", "second", "filler"])) if f.check == "consistency"]
    after = [f for f in run(briefing(["filler", "first", "second"])) if f.check == "consistency"]
    assert [f.params["other"] for f in before] == ["1.1"] and [f.params["other"] for f in after] == ["1.2"]
    assert [f.params["other_id"] for f in after] == ["first"]
    assert before[0].key == after[0].key
    with_other_id = Finding("consistency", "qa.consistency_source", Severity.WARNING, "second", {"other_id": "x"})
    assert with_other_id.key != before[0].key  # another item named: another finding


# -- the edits -------------------------------------------------------------------------------------


def test_waive_stores_who_when_why_and_undo_redo_restore_it() -> None:
    briefing = numbers_briefing()
    finding = numbers_finding(briefing)
    seoul = timezone(timedelta(hours=9))
    edit = edits.waive("b", finding, "  the English rounds the number on purpose  ", "검토관", AT.astimezone(seoul))
    changes = edit.apply(briefing)
    assert changes.items == {"b"} and edit.label == "edit.waive"
    item = briefing.item("b")
    assert item.waivers == [
        Waiver("numbers", "qa.numbers_missing", finding.key, "the English rounds the number on purpose", "검토관", AT)
    ]
    assert item.waivers[0].at.tzinfo is UTC
    edit.revert(briefing)
    assert item.waivers == []
    edit.apply(briefing)
    assert len(item.waivers) == 1
    withdraw = edits.unwaive("b", finding.key)
    withdraw.apply(briefing)
    assert item.waivers == [] and withdraw.label == "edit.unwaive"
    withdraw.revert(briefing)
    assert [w.key for w in item.waivers] == [finding.key]


def test_waive_refuses_and_leaves_the_item_as_it_was() -> None:
    briefing = numbers_briefing()
    finding = numbers_finding(briefing)
    with pytest.raises(EditRefused) as empty:
        edits.waive("b", finding, " \n ", "me").apply(briefing)
    assert empty.value.code == "edit.waiver_no_reason"
    with pytest.raises(EditRefused) as other:
        edits.waive("a", finding, "fine", "me").apply(briefing)
    assert other.value.code == "edit.waiver_other_item" and other.value.params["found"] == "b"
    whole = Finding("style", "qa.style_endings", Severity.WARNING, None)
    with pytest.raises(EditRefused) as none:
        edits.waive("b", whole, "fine", "me")
    assert none.value.code == "edit.waiver_no_item"
    edits.waive("b", finding, "fine", "me", AT).apply(briefing)
    with pytest.raises(EditRefused) as twice:
        edits.waive("b", finding, "again", "me", AT).apply(briefing)
    assert twice.value.code == "edit.already_waived"
    edits.unwaive("b", finding.key).apply(briefing)
    with pytest.raises(EditRefused) as long:
        edits.waive("b", finding, "x" * (rules.WAIVER_REASON_MAX + 1), "me", AT).apply(briefing)
    assert [(p.path, p.code) for p in long.value.problems] == [
        ("$.sections[0].items[1].waivers[0].reason", "rules.too_long")
    ]
    with pytest.raises(EditRefused) as escape:
        edits.waive("b", finding, "ok \x1b]0;pwned\x07", "me", AT).apply(briefing)
    assert [p.code for p in escape.value.problems] == ["rules.control_character"]
    with pytest.raises(EditRefused) as naive:
        edits.waive("b", finding, "ok", "me", datetime(2025, 1, 1)).apply(briefing)
    assert [p.code for p in naive.value.problems] == ["rules.not_a_time"]
    with pytest.raises(EditRefused) as missing:
        edits.unwaive("a", finding.key).apply(briefing)
    assert missing.value.code == "edit.not_waived"
    assert briefing.item("a").waivers == [] and briefing.item("b").waivers == []


# -- the rules -------------------------------------------------------------------------------------


def test_rules_on_waivers_name_the_field() -> None:
    briefing = numbers_briefing()
    good = Waiver("numbers", "qa.numbers_missing", "0123456789abcdef", "ok", "me", AT)
    item = briefing.item("b")
    item.waivers = [good]
    assert rules.problems(briefing) == []
    path = "$.sections[0].items[1].waivers"
    cases: list[tuple[object, str, str]] = [
        (Waiver("Numbers!", good.code, good.key, "ok", "me", AT), f"{path}[0].check", "rules.bad_waiver_name"),
        (Waiver(good.check, "numbers", good.key, "ok", "me", AT), f"{path}[0].code", "rules.bad_waiver_name"),
        (Waiver(good.check, good.code, "XYZ", "ok", "me", AT), f"{path}[0].key", "rules.bad_waiver_name"),
        (Waiver(good.check, good.code, good.key, "", "me", AT), f"{path}[0].reason", "rules.waiver_no_reason"),
        (Waiver(good.check, good.code, good.key, 3, "me", AT), f"{path}[0].reason", "rules.not_text"),  # type: ignore[arg-type]
        (Waiver(good.check, good.code, good.key, "ok", "m" * 201, AT), f"{path}[0].by", "rules.too_long"),
        (Waiver(good.check, good.code, good.key, "ok", "me\x9b", AT), f"{path}[0].by", "rules.control_character"),
        (
            Waiver(good.check, good.code, good.key, "ok", "me", datetime(2025, 1, 1)),
            f"{path}[0].at",
            "rules.not_a_time",
        ),
        ("a waiver", f"{path}[0]", "rules.not_a_waiver"),
    ]
    for waiver, where, code in cases:
        item.waivers = [waiver]  # type: ignore[list-item]
        assert [(p.path, p.code) for p in rules.problems(briefing)] == [(where, code)], waiver
    item.waivers = [good, good]
    assert [(p.path, p.code) for p in rules.problems(briefing)] == [(f"{path}[1]", "rules.waiver_twice")]
    item.waivers = [good, Waiver(good.check, good.code, "fedcba9876543210", "ok", "me", AT)]
    assert rules.problems(briefing) == []


# -- review: waivers applied -------------------------------------------------------------------------


def test_review_splits_open_and_waived_and_keeps_unused_waivers() -> None:
    briefing = numbers_briefing()
    finding = numbers_finding(briefing)
    edits.waive("b", finding, "rounded on purpose", "me", AT).apply(briefing)
    stale = Waiver("numbers", "qa.numbers_extra", "00000000000000ff", "an old reason", "me", AT)
    other_check = Waiver("terminology", "qa.terms_missing", "00000000000000aa", "not run", "me", AT)
    briefing.item("a").waivers = [stale, other_check]
    findings = run(briefing)
    result = review(briefing, findings, checks=None)
    assert [(f.key, w.reason) for f, w in result.waived] == [(finding.key, "rounded on purpose")]
    assert finding not in result.open and len(result.open) == len(findings) - 1
    assert result.unused == [("a", stale), ("a", other_check)]
    assert result.open_errors() == []
    summary = result.summary()
    assert summary["waived"] == {"error": 1, "warning": 0, "info": 0}
    assert summary["checks"]["numbers"] == {"open": 0, "waived": 1}
    assert summary["unused_waivers"] == 2
    assert json.loads(json.dumps(summary)) == summary
    only_numbers = review(briefing, run(briefing, checks=["numbers"]), checks=["numbers"])
    assert only_numbers.unused == [("a", stale)]  # a waiver of a check that did not run is not "unused"


def test_a_waiver_stops_applying_when_the_text_changes_and_applies_again_when_it_comes_back() -> None:
    briefing = numbers_briefing()
    finding = numbers_finding(briefing)
    edits.waive("b", finding, "rounded", "me", AT).apply(briefing)
    item = briefing.item("b")
    original = item.text.ko
    item.set_text(Language.KO, original.replace("1,500명", "2,000명"))
    result = review(briefing, run(briefing))
    assert [f.code for f in result.open_errors()] == ["qa.numbers_missing"]
    assert [w.reason for _, w in result.unused] == ["rounded"]
    assert item.waivers  # kept, not deleted
    item.set_text(Language.KO, original)
    result = review(briefing, run(briefing))
    assert result.open_errors() == [] and result.unused == []
    assert [w.reason for _, w in result.waived] == ["rounded"]


def test_a_waiver_survives_save_and_reopen_and_still_applies(tmp_path: Path) -> None:
    briefing = load(EXAMPLE)
    target = briefing.items()[0]
    target.set_text(target.target, target.target_text.replace("제23차", "제24차"))
    (finding,) = [f for f in run(briefing) if f.severity is Severity.ERROR]
    edits.waive(target.id, finding, "checked with the desk", "검토관").apply(briefing)
    path = tmp_path / "waived.briefing"
    save(briefing, path)
    again = load(path)
    result = review(again, run(again))
    assert result.open_errors() == []
    assert [(f.code, w.by) for f, w in result.waived] == [(finding.code, "검토관")]


# -- the qa command ----------------------------------------------------------------------------------


def _waived_file(tmp_path: Path) -> tuple[Path, Finding]:
    briefing = load(EXAMPLE)
    target = briefing.items()[0]
    target.set_text(target.target, target.target_text.replace("제23차", "제24차"))
    (finding,) = [f for f in run(briefing) if f.severity is Severity.ERROR]
    edits.waive(target.id, finding, "the desk confirmed it", "김검토", AT).apply(briefing)
    briefing.items()[1].waivers = [Waiver("numbers", "qa.numbers_extra", "00000000000000ff", "old", "me", AT)]
    path = tmp_path / "waived.briefing"
    save(briefing, path)
    return path, finding


def test_qa_lists_waived_findings_apart_and_they_do_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, finding = _waived_file(tmp_path)
    assert cli(["qa", str(path)]) == 0
    out = capsys.readouterr().out
    assert "waived:\n" in out and "waived by 김검토 at 2025-03-04T05:06:07Z: the desk confirmed it" in out
    assert "00000000000000ff" in out and "waivers whose finding no longer occurs" in out
    assert out.rstrip().endswith("0 errors, 2 warnings, 13 notes; 1 waived; 1 unused waivers")
    assert cli(["qa", str(path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["error"] == 0
    assert document["waived_summary"] == {"error": 1, "warning": 0, "info": 0}
    (waived,) = document["waived"]
    assert (waived["code"], waived["key"], waived["number"]) == (finding.code, finding.key, "1.1")
    assert waived["waiver"] == {"reason": "the desk confirmed it", "by": "김검토", "at": "2025-03-04T05:06:07Z"}
    (unused,) = document["unused_waivers"]
    assert (unused["number"], unused["key"], unused["reason"]) == ("1.2", "00000000000000ff", "old")
    assert all(f["code"] != finding.code for f in document["findings"])


def test_qa_without_the_waiver_fails_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, finding = _waived_file(tmp_path)
    briefing = load(path)
    edits.unwaive(briefing.items()[0].id, finding.key).apply(briefing)
    save(briefing, path)
    assert cli(["qa", str(path), "--json", "--check", "numbers"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["waived"] == [] and document["summary"]["error"] == 1

"""Comment threads: replies as edits (undo, redo, refusals), the rules a reply keeps, listing and filtering
threads, and `reply_to` in the file (round trip, migration from version 2, damaged and hostile files)."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing import edits, rules
from briefing.edits import EditRefused
from briefing.fileformat import BriefingFormatError, dumps, loads, migrate_2_to_3
from briefing.model import Comment
from briefing.storage import load, save
from briefing.threads import Shown, entries, has_open_comments, open_threads
from tests.conftest import EXAMPLE, EXAMPLE_V2, EXAMPLE_V3
from tests.helpers import small_briefing

AT = datetime(2025, 2, 18, 9, 0, tzinfo=UTC)


def test_a_reply_is_an_edit_that_undo_and_redo_take_back_and_give_again() -> None:
    briefing = small_briefing()
    item = briefing.items()[0]
    first = edits.add_comment(item.id, "Kim", "Is the rank right?", AT)
    first.apply(briefing)
    parent = item.comments[0]
    before = dumps(briefing)
    answer = edits.reply(item.id, parent.id, "이검토", "준장이 맞습니다.", AT)
    assert answer.label == "edit.reply"
    assert answer.apply(briefing).items == {item.id}
    (_, reply) = item.comments
    assert (reply.reply_to, reply.author, reply.text, reply.resolved) == (
        parent.id,
        "이검토",
        "준장이 맞습니다.",
        False,
    )
    answer.revert(briefing)
    assert dumps(briefing) == before
    answer.apply(briefing)
    assert item.comments[1].reply_to == parent.id and rules.problems(briefing) == []


def test_a_reply_to_a_comment_not_on_the_item_is_refused_and_nothing_changes() -> None:
    briefing = small_briefing()
    first, second, _ = briefing.items()
    edits.add_comment(first.id, "Kim", "A comment on the first item.").apply(briefing)
    before = dumps(briefing)
    for target, parent in ((second.id, first.comments[0].id), (first.id, "comment-none")):
        with pytest.raises(EditRefused, match="there is no comment"):
            edits.reply(target, parent, "Lee", "An answer.").apply(briefing)
    with pytest.raises(EditRefused):
        edits.reply(first.id, first.comments[0].id, "Lee", "   ").apply(briefing)
    assert dumps(briefing) == before


def test_resolve_and_reopen_are_edits_and_reopening_forgets_who_resolved() -> None:
    briefing = small_briefing()
    item = briefing.items()[0]
    edits.add_comment(item.id, "Kim", "Check.", AT).apply(briefing)
    comment = item.comments[0]
    resolve = edits.resolve_comment(item.id, comment.id, True, "Lee", AT)
    resolve.apply(briefing)
    assert (comment.resolved, comment.resolved_by, comment.resolved_at) == (True, "Lee", AT)
    reopen = edits.resolve_comment(item.id, comment.id, False, "Park")
    assert reopen.label == "edit.reopen_comment"
    reopen.apply(briefing)
    assert (comment.resolved, comment.resolved_by, comment.resolved_at) == (False, None, None)
    reopen.revert(briefing)
    again = item.comments[0]  # undo restores the item's state from its snapshot
    assert (again.id, again.resolved, again.resolved_by, again.resolved_at) == (comment.id, True, "Lee", AT)


def _comments(*pairs: tuple[str, str | None], resolved: set[str] | None = None) -> list[Comment]:
    done = resolved or set()
    return [
        Comment("Kim", f"text {ident}", id=ident, created=AT, reply_to=parent, resolved=ident in done)
        for ident, parent in pairs
    ]


def test_threads_are_listed_with_replies_under_what_they_answer_and_filtered() -> None:
    comments = _comments(
        ("a", None), ("b", None), ("a1", "a"), ("b1", "b"), ("a2", "a"), ("a1x", "a1"), resolved={"b", "b1", "a1"}
    )
    listed = [(e.comment.id, e.depth, e.thread) for e in entries(comments)]
    assert listed == [
        ("a", 0, "a"), ("a1", 1, "a"), ("a1x", 2, "a"), ("a2", 1, "a"), ("b", 0, "b"), ("b1", 1, "b")
    ]  # fmt: skip
    assert [e.comment.id for e in entries(comments, Shown.OPEN)] == ["a", "a1", "a1x", "a2"]
    assert [e.comment.id for e in entries(comments, Shown.RESOLVED)] == ["b", "b1"]
    item = small_briefing().items()[0]
    item.comments = comments
    assert open_threads(item) == 1 and has_open_comments(item)
    item.comments = _comments(("b", None), ("b1", "b"), resolved={"b", "b1"})
    assert open_threads(item) == 0 and not has_open_comments(item)


def test_a_damaged_thread_still_lists_every_comment_once() -> None:
    comments = _comments(("a", "gone"), ("b", "c"), ("c", "b"), ("d", "d"))
    assert sorted(e.comment.id for e in entries(comments)) == ["a", "d"]  # b and c answer only each other
    assert [e.comment.id for e in entries(_comments(("x", None), ("y", "x"), ("x", "y")))] == ["x", "y"]


def test_the_rules_refuse_replies_to_other_items_to_themselves_and_in_circles() -> None:
    briefing = small_briefing()
    item = briefing.items()[0]
    item.comments = _comments(("a", None), ("b", "a"), ("c", "nowhere"), ("d", "d"), ("e", "f"), ("f", "e"))
    found = {(p.path.rsplit(".", 2)[-2], p.code) for p in rules.item_problems(item)}
    assert found == {
        ("comments[2]", "rules.reply_unknown"),
        ("comments[3]", "rules.reply_cycle"),
        ("comments[4]", "rules.reply_cycle"),
        ("comments[5]", "rules.reply_cycle"),
    }
    other = briefing.items()[1]
    other.comments = _comments(("z", "a"))  # "a" is a comment of another item
    assert [p.code for p in rules.item_problems(other)] == ["rules.reply_unknown"]


def test_replies_round_trip_through_a_real_file(tmp_path: Path) -> None:
    briefing = load(EXAMPLE)
    noted = next(i for i in briefing.items() if i.comments)
    parent = noted.comments[0]
    edits.reply(noted.id, parent.id, "이검토", "반영했습니다. \u200b답글", AT).apply(briefing)
    edits.reply(noted.id, noted.comments[1].id, "Kim", "Thanks.", AT).apply(briefing)
    path = tmp_path / "threads.briefing"
    save(briefing, path)
    again = load(path)
    assert again == briefing
    assert [c.reply_to for c in again.item(noted.id).comments] == [None, parent.id, noted.comments[1].id]
    data = json.loads(path.read_text("utf-8"))
    written = next(i for s in data["sections"] for i in s["items"] if i["id"] == noted.id)
    assert [c["reply_to"] for c in written["comments"]] == [None, parent.id, noted.comments[1].id]
    del written["comments"][0]["reply_to"]  # a version-3 file written before threads: a comment of its own
    assert loads(json.dumps(data)).item(noted.id).comments[0].reply_to is None


def test_version_2_comments_migrate_to_comments_that_start_threads() -> None:
    data = json.loads(EXAMPLE_V2.read_text("utf-8"))
    migrated = migrate_2_to_3(data)
    comments = [c for s in migrated["sections"] for i in s["items"] for c in i["comments"]]
    assert comments and all(c["reply_to"] is None for c in comments)
    assert all(i["suggestion"] is None for s in migrated["sections"] for i in s["items"])
    assert "reply_to" not in json.dumps(data)  # the input is left as it was
    assert load(EXAMPLE_V2) == load(EXAMPLE_V3)  # the example as it was before version 4's card fields


def _with_reply_to(value: object) -> str:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    noted = next(i for s in data["sections"] for i in s["items"] if i["comments"])
    noted["comments"].append({**noted["comments"][0], "id": "comment-reply", "reply_to": value})
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("comment-none", "replies to 'comment-none', which is not a comment of this item"),
        ("comment-reply", "replies in a circle: comment-reply → comment-reply"),
        (7, "comments[1].reply_to"),
        ("\x1b[31m<!ENTITY x SYSTEM 'file:///etc/passwd'>", r'replies to "\x1b[31m<!ENTITY'),
    ],
)
def test_a_damaged_or_hostile_reply_to_is_refused_with_its_place(value: object, expected: str) -> None:
    with pytest.raises(BriefingFormatError) as error:
        loads(_with_reply_to(value))
    assert expected in str(error.value)
    assert "\x1b" not in str(error.value)  # an escape sequence is shown, never sent to a terminal


def test_a_huge_thread_is_checked_and_listed_quickly() -> None:
    briefing = small_briefing()
    item = briefing.items()[0]
    item.comments = _comments(("c0", None), *((f"c{n}", f"c{n - 1}") for n in range(1, 3000)))
    started = time.perf_counter()
    assert rules.item_problems(item) == []
    listed = entries(item.comments)
    assert time.perf_counter() - started < 1.0
    assert [e.depth for e in listed] == list(range(3000))
    assert loads(dumps(briefing)) == briefing

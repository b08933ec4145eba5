"""Briefing.locate through its index of positions by id (issue 17 point 11): always the answer a scan gives,
whatever changed the plain lists, and constant time while the structure stays."""

from __future__ import annotations

import copy
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model import Briefing, Item, ModelError, Section


def scan(briefing: Briefing, item_id: str) -> tuple[Section, int] | None:
    for section in briefing.sections:
        for index, item in enumerate(section.items):
            if item.id == item_id:
                return section, index
    return None


def located(briefing: Briefing, item_id: str) -> tuple[Section, int] | None:
    try:
        return briefing.locate(item_id)
    except KeyError:
        return None


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "append", "remove", "move", "pop", "new section", "drop section", "swap", "rename"]),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(OPERATIONS)
def test_locate_agrees_with_a_scan_after_any_change(operations: list[tuple[str, int, int]]) -> None:
    briefing = Briefing()
    briefing.add_section()
    known: list[str] = []
    for operation, a, b in operations:
        sections = briefing.sections
        items = briefing.items()
        if operation == "add" and sections:
            known.append(briefing.add_item(sections[a % len(sections)].id, index=b).id)
        elif operation == "append" and sections:  # straight into the list, as a reader or a view may
            item = Item()
            sections[a % len(sections)].items.append(item)
            known.append(item.id)
        elif operation == "remove" and items:
            briefing.remove_item(items[a % len(items)].id)
        elif operation == "move" and items and sections:
            briefing.move_item(items[a % len(items)].id, sections[b % len(sections)].id, b)
        elif operation == "pop" and sections and sections[a % len(sections)].items:
            sections[a % len(sections)].items.pop(b % len(sections[a % len(sections)].items))
        elif operation == "new section":
            briefing.add_section(index=a)
        elif operation == "drop section" and sections:
            del sections[a % len(sections)]
        elif operation == "swap" and len(sections) > 1:
            i, j = a % len(sections), b % len(sections)
            sections[i], sections[j] = sections[j], sections[i]
        elif operation == "rename" and items:
            item = items[a % len(items)]
            item.id = f"renamed-{a}-{b}-{len(known)}"
            known.append(item.id)
        for item_id in known[-5:]:
            expected = scan(briefing, item_id)
            found = located(briefing, item_id)
            assert (found is None) == (expected is None)
            if found is not None and expected is not None:
                assert found[0] is expected[0] and found[1] == expected[1]


def test_a_copy_locates_in_itself() -> None:
    briefing = Briefing()
    section = briefing.add_section()
    item = briefing.add_item(section.id)
    briefing.locate(item.id)  # builds the index
    twin = copy.deepcopy(briefing)
    found_section, index = twin.locate(item.id)
    assert found_section is twin.sections[0] and found_section is not section and index == 0
    assert twin == briefing  # the index takes no part in equality


def test_locating_every_item_takes_linear_time() -> None:
    """Locating each of 4n items takes about 4× as long as each of n (a scan per item: 16×, 27 s at 20,000).
    CPU time, best of three, compared rather than absolute: a busy machine does not make it fail."""

    def seconds(items: int) -> float:
        briefing = Briefing()
        for _ in range(items // 25):
            briefing.sections.append(Section(items=[Item() for _ in range(25)]))
        ids = [item.id for item in briefing.items()]
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            for item_id in ids:
                briefing.locate(item_id)
            best = min(best, time.process_time() - started)
        with pytest.raises(KeyError):
            briefing.locate("no-such-item")
        return best

    # Linear work measures 4–7× here (a larger index is slower to reach in memory); a scan per item 16×.
    assert seconds(20_000) / max(seconds(5_000), 1e-3) < 10


def scanned_section(briefing: Briefing, section_id: str) -> Section | None:
    return next((section for section in briefing.sections if section.id == section_id), None)


@settings(max_examples=150, deadline=None)
@given(OPERATIONS)
def test_holds_item_and_section_agree_with_a_scan(operations: list[tuple[str, int, int]]) -> None:
    """`holds_item` (what `add_item` refuses by) and `section` give a scan's answers after any change made through
    the methods or to the list of sections. An id put straight into a section's list (or renamed there) may be
    missed until the next rebuild, as documented, but a yes is never wrong."""
    briefing = Briefing()
    briefing.add_section()
    known: list[str] = []
    unseen: set[str] = set()  # put into the lists directly: holds_item may not know them yet
    removed: list[str] = []
    for operation, a, b in operations:
        sections = briefing.sections
        items = briefing.items()
        if operation == "add" and sections:
            readded = removed.pop() if removed and a % 3 == 0 else None  # what undoing a removal does
            item = Item(id=readded) if readded and not briefing.holds_item(readded) else Item()
            known.append(briefing.add_item(sections[a % len(sections)].id, item, index=b).id)
        elif operation == "append" and sections:
            item = Item()
            sections[a % len(sections)].items.append(item)
            known.append(item.id)
            unseen.add(item.id)
        elif operation == "remove" and items:
            removed.append(briefing.remove_item(items[a % len(items)].id)[0].id)
        elif operation == "move" and items and sections:
            briefing.move_item(items[a % len(items)].id, sections[b % len(sections)].id, b)
        elif operation == "pop" and sections and sections[a % len(sections)].items:
            removed.append(sections[a % len(sections)].items.pop(b % len(sections[a % len(sections)].items)).id)
        elif operation == "new section":
            briefing.add_section(index=a)
        elif operation == "drop section" and sections:
            if a % 2:
                del sections[a % len(sections)]
            else:
                briefing.remove_section(sections[a % len(sections)].id)
        elif operation == "swap" and len(sections) > 1:
            i, j = a % len(sections), b % len(sections)
            sections[i], sections[j] = sections[j], sections[i]
        elif operation == "rename" and items:
            item = items[a % len(items)]
            item.id = f"renamed-{a}-{b}-{len(known)}"
            known.append(item.id)
            unseen.add(item.id)
        for item_id in [*known[-5:], *removed[-3:]]:
            present = scan(briefing, item_id) is not None
            if item_id in unseen:
                assert not briefing.holds_item(item_id) or present
            else:
                assert briefing.holds_item(item_id) == present
        for section in [*briefing.sections[-3:], Section()]:
            try:
                found: Section | None = briefing.section(section.id)
            except KeyError:
                found = None
            assert found is scanned_section(briefing, section.id)


def test_add_item_refuses_an_id_whatever_replaced_the_lists() -> None:
    briefing = Briefing()
    first = briefing.add_section()
    item = briefing.add_item(first.id)
    newcomer = Item()  # never seen by the index
    briefing.sections = [Section(), Section(items=[item, newcomer])]  # a reader or an importer replaces the list
    for taken in (item.id, newcomer.id):
        with pytest.raises(ModelError) as raised:
            briefing.add_item(briefing.sections[0].id, Item(id=taken))
        assert raised.value.params == {"id": taken}
    briefing.sections.append(Section(items=[late := Item()]))  # the list of sections grows behind its back
    with pytest.raises(ModelError):
        briefing.add_item(briefing.sections[0].id, Item(id=late.id))
    briefing.sections.pop()
    with pytest.raises(ModelError):
        briefing.add_section(Section(items=[Item(), Item(id=item.id)]))
    del briefing.sections[1]  # gone straight from the list: the id may be used again
    assert briefing.add_item(briefing.sections[0].id, Item(id=item.id)).id == item.id
    assert briefing.locate(item.id) == (briefing.sections[0], 0)


def test_appending_sections_and_items_teaches_the_index_without_a_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sections and items added at the end are learnt by the index as they come: a rebuild (a pass over every item)
    per addition made building a briefing quadratic. Counted, not timed."""
    briefing = Briefing()
    first = briefing.add_section()  # the index is built here
    rebuilds = 0
    rebuild = Briefing._reindex

    def counted(self: Briefing) -> object:
        nonlocal rebuilds
        rebuilds += 1
        return rebuild(self)

    monkeypatch.setattr(Briefing, "_reindex", counted)
    for _ in range(5):
        section = briefing.add_section(Section(items=[Item() for _ in range(3)]))
        for _ in range(3):
            briefing.add_item(section.id)
        briefing.add_item(first.id)
    for section in briefing.sections:
        assert briefing.section(section.id) is section
        for number, item in enumerate(section.items):
            assert briefing.holds_item(item.id)
            found, index = briefing.locate(item.id)
            assert found is section and index == number
    assert not briefing.holds_item("no-such-item")
    assert rebuilds == 0

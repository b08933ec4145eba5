"""What the window shows and does about an item's terms, without the window: suggestions, the insertion edit,
entries rewritten from the manager's fields and shown as table rows."""

from __future__ import annotations

from briefing.edits import EditRefused
from briefing.model import Bilingual, Briefing, Item, Language, Section
from briefing.terms.assist import edited_entry, entry_row, insert_term, suggestions
from briefing.terms.matching import TermIndex
from briefing.terms.model import Entry, Term, TermStatus


def _entries() -> list[Entry]:
    mnd = Entry(
        "mnd",
        [
            Term("국방부", Language.KO, acronym=""),
            Term("Ministry of National Defense", Language.EN, acronym="MND", part_of_speech="noun"),
            Term("Ministry of Defense", Language.EN, TermStatus.FORBIDDEN),
        ],
        note="official name",
        termbase="shipped",
    )
    scwg = Entry("scwg", [Term("실무협의회", Language.KO), Term("Working Group", Language.EN)], verified=False)
    return [mnd, scwg]


def _item(ko: str, en: str) -> Item:
    return Item(text=Bilingual(ko=ko, en=en), source=Language.KO)


def test_suggestions_list_each_source_term_once_then_forbidden_target_terms() -> None:
    find = TermIndex(_entries()).find
    item = _item("국방부와 실무협의회, 그리고 국방부는", "The Ministry of Defense and the Working Group")
    found = suggestions(find, item)
    assert [(s.found, s.insert, s.forbidden) for s in found] == [
        ("국방부", "Ministry of National Defense", False),
        ("실무협의회", "Working Group", False),
        ("Ministry of Defense", "Ministry of National Defense", True),
    ]
    assert {s.target_language for s in found} == {Language.EN}
    assert found[0].entry.note == "official name"


def test_suggestions_follow_the_items_source_language() -> None:
    find = TermIndex(_entries()).find
    item = Item(text=Bilingual(ko="", en="the Ministry of National Defense said"), source=Language.EN)
    [only] = suggestions(find, item)
    assert (only.found, only.insert, only.target_language) == ("Ministry of National Defense", "국방부", Language.KO)
    assert suggestions(find, _item("", "")) == []


def test_inserting_a_term_is_an_edit_of_its_own_that_reverts() -> None:
    briefing = Briefing()
    briefing.add_section(Section(title=Bilingual(ko="가", en="A")))
    item = _item("국방부는", "The ")
    briefing.sections[0].items.append(item)
    edit = insert_term(item.id, Language.EN, "The Ministry of National Defense")
    assert edit.merge_key is None and edit.label == "edit.insert_term"
    changes = edit.apply(briefing)
    assert changes.items == {item.id}
    assert item.text.en == "The Ministry of National Defense"
    edit.revert(briefing)
    assert item.text.en == "The "


def test_inserting_into_a_missing_item_is_refused() -> None:
    briefing = Briefing()
    try:
        insert_term("nowhere", Language.EN, "x").apply(briefing)
    except EditRefused as refusal:
        assert refusal.code == "edit.unknown"
    else:
        raise AssertionError("an edit of a missing item must be refused")


def test_edited_entry_replaces_the_preferred_terms_and_keeps_the_rest() -> None:
    mnd = _entries()[0]
    changed = edited_entry(mnd, ko=" 대한민국 국방부 ", en="Ministry of National Defense", note="new", en_acronym="MND")
    assert changed is not mnd and mnd.note == "official name"  # the original is untouched
    assert changed.id == "mnd" and changed.note == "new"
    assert [(t.text, t.status, t.acronym) for t in changed.terms] == [
        ("대한민국 국방부", TermStatus.PREFERRED, ""),
        ("Ministry of National Defense", TermStatus.PREFERRED, "MND"),
        ("Ministry of Defense", TermStatus.FORBIDDEN, ""),
    ]
    assert changed.terms[1].part_of_speech == "noun"
    emptied = edited_entry(mnd, ko="", en="Ministry of National Defense", note="")
    assert emptied.preferred(Language.KO) is None


def test_entry_row_words_an_entry_for_the_table() -> None:
    row = entry_row(_entries()[0])
    assert (row.ko, row.en, row.acronyms, row.forbidden) == (
        "국방부",
        "Ministry of National Defense",
        "MND",
        "Ministry of Defense",
    )
    assert row.verified and row.termbase == "shipped"
    assert not entry_row(_entries()[1]).verified

"""The titles "Translate all missing" fills in: the meeting card's bilingual texts and the section titles."""

from __future__ import annotations

from briefing import edits
from briefing.model import Bilingual, Briefing, Language, Section
from briefing.storage import load
from briefing.translation.titles import CARD_TEXTS, missing_titles, title_edits
from tests.conftest import EXAMPLE


def test_an_empty_side_with_text_on_the_other_is_missing() -> None:
    briefing = Briefing()
    briefing.title = Bilingual(ko="제24차 회의", en="")
    briefing.meeting.place = Bilingual(ko="", en="Seoul")
    briefing.meeting.marking = Bilingual(ko="", en="")  # empty on both sides: nothing to translate
    section = briefing.add_section(Section(title=Bilingual(ko="주요 논의", en="  ")))
    briefing.add_section(Section(title=Bilingual(ko="향후 일정", en="Schedule")))
    english = missing_titles(briefing, Language.EN)
    assert [(t.path, t.source_text) for t in english] == [
        (("title",), "제24차 회의"),
        (("sections", section.id, "title"), "주요 논의"),
    ]
    korean = missing_titles(briefing, Language.KO)
    assert [(t.path, t.source_text) for t in korean] == [(("meeting", "place"), "Seoul")]


def test_the_edits_put_the_translations_in_and_undo_takes_them_out() -> None:
    briefing = Briefing()
    briefing.title = Bilingual(ko="제24차 회의")
    section = briefing.add_section(Section(title=Bilingual(ko="주요 논의")))
    tasks = missing_titles(briefing, Language.EN)
    made = title_edits(tasks, ["24th meeting", " "])  # an empty translation is not stored
    assert len(made) == 1
    batch = edits.Batch("edit.translations", made)
    changes = batch.apply(briefing)
    assert briefing.title.en == "24th meeting" and section.title.en == "" and changes.card
    batch.revert(briefing)
    assert briefing.title.en == ""
    # Every path names a bilingual text of the card: with the English emptied, each is missing.
    example = load(EXAMPLE)
    assert missing_titles(example, Language.EN) == []  # the example is complete
    for path in CARD_TEXTS:
        edits.set_field((*path, "en"), "").apply(example)
    example.meeting.marking.ko = "대외비"  # the example has no marking
    assert [task.path for task in missing_titles(example, Language.EN)] == list(CARD_TEXTS)

"""Only prose reaches the model; markup is kept in place around the words it belonged to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.messages import Message
from briefing.translation.markup import extract, restore

CASES = [
    ("The **two sides** agreed.", ["The ⟦1⟧two sides⟦/1⟧ agreed."]),
    ('See [the release](https://www.mnd.go.kr/x "MND").', ["See ⟦1⟧the release⟦/1⟧."]),
    ("Run `make test` now.", ["Run ⟦1⟧ now."]),
    ("Visit https://www.mnd.go.kr/news. Then go.", ["Visit ⟦1⟧.", "Then go."]),
    ("- first item with *emphasis*\n  - nested item", ["first item with ⟦1⟧emphasis⟦/1⟧", "nested item"]),
    ("1. one\n2) two", ["one", "two"]),
    ("※ 참고: 일정은 변경될 수 있음", ["참고: 일정은 변경될 수 있음"]),
    ("▵우주정책 ▵연습·훈련", ["우주정책 ▵연습·훈련"]),
    ("# Heading\n> quoted text", ["Heading", "quoted text"]),
    ("Line one  \nLine two\\\nLine three", ["Line one", "Line two", "Line three"]),
    ("snake_case_name stays, as does 2_000.", ["snake_case_name stays, as does 2_000."]),
    ("\\*not emphasis\\* here", ["⟦1⟧not emphasis⟦2⟧ here"]),
    ("A [link](u) then **bold** then `code`.", ["A ⟦1⟧link⟦/1⟧ then ⟦2⟧bold⟦/2⟧ then ⟦3⟧."]),
    ("<b>raw</b> html", ["⟦1⟧raw⟦2⟧ html"]),
    ("**Bold across. Two sentences.**", ["⟦1⟧Bold across.", "Two sentences.⟦/1⟧"]),
    ("2024. 11. 7.", []),
    ("12.5 % — 3", []),
    ("", []),
    ("\r\n", []),
    # Windows line endings: the carriage return stays out of the sentence, and a hard break before it is one
    ("Hello.\r\nWorld.\r\n", ["Hello.", "World."]),
    ("Line one\\\r\nLine two  \r\nLine three\r", ["Line one", "Line two", "Line three"]),
    ("- \r\n\r", []),
    # A line of code or a link alone holds no words to translate
    ("`make test`", []),
    ("https://www.mnd.go.kr/news", []),
    # Emphasis that only a second round finds (`*a*` is followed by a word character until `_b_` is replaced)
    ("*a*_b_", ["⟦1⟧a⟦/1⟧⟦2⟧b⟦/2⟧"]),
    # One trailing space is not a hard break: it stays with the sentence, as Markdown ignores it
    ("Hello \nWorld", ["Hello ", "World"]),
    # Text that reads like a placeholder is kept as typed (it made the round trip fail with a KeyError)
    ("a ⟦1⟧ b", ["a ⟦1⟧ b"]),
    ("⟦/3⟧ then **bold**", ["⟦1⟧ then ⟦2⟧bold⟦/2⟧"]),
]


@pytest.mark.parametrize(("text", "segments"), CASES)
def test_segments_and_identity_round_trip(text: str, segments: list[str]) -> None:
    extracted = extract(text)
    assert extracted.segments == segments
    assert extracted.assemble(extracted.segments) == (text, [])


def test_translation_keeps_markup_on_its_words() -> None:
    extracted = extract("- The **two sides** met in [Seoul](https://seoul.go.kr).\n- Done.")
    translated = ["양측은 ⟦2⟧서울⟦/2⟧에서 ⟦1⟧만났다⟦/1⟧.", "완료."]
    assert extracted.segments == ["The ⟦1⟧two sides⟦/1⟧ met in ⟦2⟧Seoul⟦/2⟧.", "Done."]
    text, warnings = extracted.assemble(translated)
    assert text == "- 양측은 [서울](https://seoul.go.kr)에서 **만났다**.\n- 완료."
    assert warnings == []


def test_lost_url_is_put_back_and_reported() -> None:
    extracted = extract("Read https://www.mnd.go.kr now.")
    text, warnings = extracted.assemble(["지금 읽으십시오."])
    assert text == "지금 읽으십시오. https://www.mnd.go.kr"
    assert [str(w) for w in warnings] == ["the translation lost 'https://www.mnd.go.kr'; it was added at the end"]


def test_half_a_pair_is_dropped_not_left_dangling() -> None:
    extracted = extract("The **two sides** agreed.")
    text, warnings = extracted.assemble(["양측은 ⟦1⟧합의했다."])
    assert text == "양측은 합의했다."
    assert [str(w) for w in warnings] == ["the translation lost the markup **…**"]


def test_invented_and_duplicated_placeholders_are_dropped() -> None:
    extracted = extract("The **two sides** agreed.")
    text, _ = extracted.assemble(["⟦1⟧양측⟦/1⟧은 ⟦9⟧합의⟦1⟧했다."])
    assert text == "**양측**은 합의했다."


def test_every_sentence_reports_what_it_lost() -> None:
    extracted = extract("Read https://a.example now.\nSee https://b.example too.")
    text, warnings = extracted.assemble(["읽으십시오.", "보십시오."])
    assert text == "읽으십시오. https://a.example\n보십시오. https://b.example"
    assert [w.params["atom"] for w in warnings] == ["'https://a.example'", "'https://b.example'"]


def test_a_typed_placeholder_lost_by_the_translation_is_put_back() -> None:
    extracted = extract("Press ⟦1⟧ now.")
    assert extracted.assemble(["지금 누르십시오."]) == (
        "지금 누르십시오. ⟦1⟧",
        [Message("markup.lost_atom", {"atom": "'⟦1⟧'"})],
    )


def test_one_translation_per_sentence() -> None:
    extracted = extract("One. Two.")
    with pytest.raises(ValueError, match=r"^expected 2 translations, got 1$"):
        extracted.assemble(["하나."])


def test_placeholders_are_numbered_in_reading_order_and_counted() -> None:
    from briefing.translation.markup import Inline, protect

    inline = Inline()
    assert [inline.next(), inline.next(), inline.next()] == [1, 2, 3]
    text, found = protect("`x` then **bold** and [a](u)")
    assert text == "⟦1⟧ then ⟦2⟧bold⟦/2⟧ and ⟦3⟧a⟦/3⟧"
    assert found.atoms == {1: "`x`"} and found.pairs == {2: ("**", "**"), 3: ("[", "](u)")}
    assert found.counter == 3 and found.next() == 4  # a caller can add its own after them


def test_restore_of_plain_text_is_identity() -> None:
    from briefing.translation.markup import Inline

    assert restore("no placeholders", Inline()) == ("no placeholders", [])


_TOKENS = st.sampled_from(
    [*"ab *_[]()`\\\n\r#-1.>※ 가나", "http://x.y", "**", "  \n", "[a](u)", ". ", "⟦1⟧", "⟦/2⟧", "*a*_b_"]
)


@given(st.lists(_TOKENS, max_size=30).map("".join))
def test_identity_round_trip_on_arbitrary_markup(text: str) -> None:
    extracted = extract(text)
    assert extracted.assemble(extracted.segments)[0] == text


def test_large_briefings_preview_the_section_being_edited() -> None:
    from briefing.export.preview import preview_html
    from briefing.model import LANGUAGES
    from tests.helpers import large_briefing

    briefing = large_briefing(400, 60)
    second = briefing.sections[1]
    page = preview_html(briefing, LANGUAGES, second.id)
    assert "Item 25:" in page and "Item 0:" not in page and "Item 50:" not in page
    small = large_briefing(30, 60)
    assert "Item 0:" in preview_html(small, LANGUAGES) and "Item 29:" in preview_html(small, LANGUAGES)


def test_a_very_long_item_is_previewed_cut_with_a_note() -> None:
    from briefing.export.preview import PREVIEW_ITEM_CHARS, preview_html
    from briefing.model import Bilingual, Briefing, Language, Section

    paragraph = "The two sides agreed to continue close cooperation on space policy. " * 40
    text = "\n\n".join(f"{n}: {paragraph}" for n in range(2000))  # about 5.5 MB
    briefing = Briefing(title=Bilingual(ko="큰 항목", en="A long item"))
    section = briefing.add_section(Section(title=Bilingual(ko="본문", en="Body")))
    item = briefing.add_item(section.id)
    item.set_text(Language.EN, text)
    item.set_text(Language.KO, text)
    english = preview_html(briefing, [Language.EN])
    assert len(english) < 2 * PREVIEW_ITEM_CHARS
    assert "0: The two sides" in english and "1999: The two sides" not in english
    shown = english.count(": The two sides")  # whole paragraphs, cut at a paragraph break
    left = len(text) - len("\n\n".join(text.split("\n\n")[:shown]))
    assert f"… {left:,} more characters not shown in the preview (the export has them all)" in english
    assert f"… 이하 {left:,}자는 미리보기에서 생략(내보내기에는 모두 포함)" in preview_html(briefing, [Language.KO])

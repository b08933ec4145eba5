"""Terms enforced in machine translation, through the real tiny package (which copies its input exactly):
each term found in the source travels through SentencePiece and CTranslate2 as a placeholder and comes back
as the termbase's target term, with a Korean particle that suits it."""

from __future__ import annotations

import pytest

from briefing.model import Briefing, Item, ItemType, Language, Section
from briefing.terms.matching import TermIndex
from briefing.terms.model import Entry, Hit, Term, TermStatus
from briefing.translation import jobs, terminology
from briefing.translation.engine import Engine, EngineSettings
from briefing.translation.packages import PackageStore

KO, EN = Language.KO, Language.EN

ENTRIES = [
    Entry(
        "mnd",
        [
            Term("국방부", KO),
            Term("Ministry of National Defense", EN),
            Term("Ministry of Defense", EN, TermStatus.FORBIDDEN),
        ],
    ),
    Entry("jcs", [Term("합참", KO), Term("Joint Chiefs of Staff", EN, acronym="JCS")]),
    Entry(
        "scwg",
        [
            Term("한미 국방우주정책 실무협의회", KO, acronym="SCWG"),
            Term("Korea-U.S. Space Cooperation Working Group", EN, acronym="SCWG"),
        ],
    ),
    Entry("local", [Term("(현지시각)", KO), Term("(local time)", EN)]),
]
INDEX = TermIndex(ENTRIES)


def find(text: str, language: Language) -> list[Hit]:
    return INDEX.find(text, language)


def one_item(text: str, source: Language) -> Briefing:
    briefing = Briefing()
    item = Item(type=ItemType.PARAGRAPH, source=source)
    item.set_text(source, text)
    briefing.sections.append(Section(items=[item]))
    return briefing


def translate(text: str, source: Language) -> jobs.Result:
    briefing = one_item(text, source)
    request = jobs.plan(briefing, source.other, find_terms=find)
    return jobs.run(Engine(PackageStore(), EngineSettings(beam_size=1)), request)


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        # into English: the official name, a copied Korean particle dropped
        (KO, "국방부는 회의를 개최했다.", "Ministry of National Defense 회의를 개최했다."),
        (
            KO,
            "제23차 한미 국방우주정책 실무협의회(SCWG)가 열렸다.",
            "제23차 Korea-U.S. Space Cooperation Working Group (SCWG) 열렸다.",
        ),
        (KO, "SCWG를 개최했다.", "SCWG 개최했다."),
        # into Korean: plural, possessive, acronym and a forbidden form all become the official term
        (EN, "The Ministry of National Defense hosted it.", "The 국방부 hosted it."),
        (EN, "The Joint Chiefs of Staff (JCS) agreed.", "The 합참(JCS) agreed."),  # the Latin acronym kept
        (EN, "The JCS agreed.", "The 합참 agreed."),  # the acronym alone: the Korean term
        (EN, "The Ministry of Defense said (local time).", "The 국방부 said (현지시각)."),
        (
            EN,
            "The 23rd Korea–U.S. Space Cooperation Working Group (SCWG) met.",
            "The 23rd 한미 국방우주정책 실무협의회(SCWG) met.",
        ),
    ],
)
def test_terms_come_back_as_the_target_term(source: Language, text: str, expected: str) -> None:
    result = translate(text, source)
    assert list(result.translations.values()) == [expected]
    assert result.warnings == []


@pytest.mark.usefixtures("installed")
def test_without_a_termbase_the_model_sees_the_text_unchanged() -> None:
    briefing = one_item("국방부는 회의를 개최했다.", KO)
    result = jobs.run(Engine(PackageStore(), EngineSettings(beam_size=1)), jobs.plan(briefing, EN))
    assert list(result.translations.values()) == ["국방부는 회의를 개최했다."]


def test_protect_numbers_terms_in_reading_order() -> None:
    protected = terminology.protect("합참과 국방부가 SCWG에서 만났다.", KO, EN, find)
    assert protected.text == "⟦T1⟧과 ⟦T2⟧가 ⟦T3⟧에서 만났다."
    assert protected.terms == {1: "Joint Chiefs of Staff", 2: "Ministry of National Defense", 3: "SCWG"}


@pytest.mark.parametrize(
    ("model_output", "expected"),
    [
        ("⟦T1⟧은 회의를 주최했다.", "국방부는 회의를 주최했다."),
        ("⟦T2⟧는 동의했다.", "합참은 동의했다."),
        ("⟦T2⟧가 동의했다.", "합참이 동의했다."),
        ("⟦T2⟧로 갔다.", "합참으로 갔다."),
        ("⟦T1⟧과의 협의", "국방부와의 협의"),
        ("⟦T1⟧으로서의 역할", "국방부로서의 역할"),
        ("⟦T1⟧에서 열렸다.", "국방부에서 열렸다."),
        ("⟦T2⟧장은", "합참장은"),  # not a particle: left alone
    ],
)
def test_into_korean_the_particle_after_a_term_suits_the_term(model_output: str, expected: str) -> None:
    both = terminology.protect("Ministry of National Defense and JCS", EN, KO, find)
    assert both.terms == {1: "국방부", 2: "합참"}
    number = int(model_output[2])
    protected = terminology.Protected(both.text, {number: both.terms[number]})  # the sentence had this one term
    assert terminology.restore(model_output, protected, KO) == (expected, [])


def test_a_term_the_model_lost_is_added_with_a_warning_and_made_up_ones_are_dropped() -> None:
    protected = terminology.protect("국방부와 합참", KO, EN, find)
    text, warnings = terminology.restore("⟦T2⟧ and ⟦T9⟧ met", protected, EN)
    assert text == "Joint Chiefs of Staff and  met Ministry of National Defense"
    assert [w.code for w in warnings] == ["terms.lost_in_translation"]


def test_verbs_and_adjectives_are_left_to_the_model() -> None:
    agreed = TermIndex([Entry("v", [Term("합의하였다", KO, part_of_speech="verb"), Term("agreed", EN)])])
    protected = terminology.protect("양측은 합의하였다.", KO, EN, lambda text, language: agreed.find(text, language))
    assert protected == terminology.Protected("양측은 합의하였다.")


def test_an_entry_without_a_target_term_is_left_to_the_model() -> None:
    lonely = TermIndex([Entry("x", [Term("국방부", KO)])])
    protected = terminology.protect("국방부는", KO, EN, lambda text, language: lonely.find(text, language))
    assert protected.text == "국방부는" and protected.terms == {}


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize("typed", ["⟦T1⟧", "⟦T9⟧", "⟦1⟧", "⟦/2⟧"])
def test_text_that_reads_like_a_placeholder_is_kept_as_typed_beside_real_terms(typed: str) -> None:
    """Typed text like a term placeholder was taken for one: ⟦T1⟧ became the first term, ⟦T9⟧ vanished."""
    result = translate(f"국방부는 {typed} 항목을 검토했다.", KO)
    assert list(result.translations.values()) == [f"Ministry of National Defense {typed} 항목을 검토했다."]
    assert result.warnings == []

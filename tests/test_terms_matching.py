"""Term matching: Korean particles, compounds and spacing; English case, plurals, dashes and acronyms; speed."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model import Language
from briefing.terms import matching
from briefing.terms.matching import TermIndex, normalise_english, normalise_korean
from briefing.terms.model import Entry, Hit, Term, TermStatus

CASES = Path(__file__).parent / "data" / "term_cases.tsv"


def korean_cases() -> list[tuple[str, str, str, str, str]]:
    lines = [line for line in CASES.read_text("utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def pair(ko: str, en: str, ko_acronym: str = "", en_acronym: str = "", entry_id: str = "") -> Entry:
    return Entry(entry_id or ko, [Term(ko, Language.KO, acronym=ko_acronym), Term(en, Language.EN, acronym=en_acronym)])


def test_there_are_at_least_sixty_korean_cases_with_both_outcomes() -> None:
    cases = korean_cases()
    assert len(cases) >= 60
    assert sum(case[3] == "-" for case in cases) >= 8


@pytest.mark.parametrize(("sentence", "term", "acronym", "expected", "particle"), korean_cases())
def test_korean_case(sentence: str, term: str, acronym: str, expected: str, particle: str) -> None:
    index = TermIndex([Entry("x", [Term(term, Language.KO, acronym=acronym)])])
    hits = index.find(sentence, Language.KO)
    if expected == "-":
        assert hits == []
        return
    start = sentence.index(expected)
    assert [(h.start, h.end, h.particle) for h in hits] == [(start, start + len(expected), particle)]


ENTRIES = [
    pair("한미 국방우주정책 실무협의회", "Korea-U.S. Space Cooperation Working Group", "SCWG", "SCWG"),
    Entry(
        "mnd",
        [
            Term("국방부", Language.KO),
            Term("Ministry of National Defense", Language.EN),
            Term("Ministry of Defense", Language.EN, TermStatus.FORBIDDEN),
            Term("MND", Language.EN, TermStatus.ADMITTED),
        ],
    ),
    pair("미 국방부", "U.S. Department of Defense", en_acronym="DoD"),
    pair("한미 안보협의회의", "Security Consultative Meeting", "SCM", "SCM"),
    pair("기관", "agency"),
    pair("인도·태평양 지역", "Indo-Pacific region"),
    pair("우주정책", "space policy"),
    pair("국방부우주정책과", "Defense Space Policy Division"),
    pair("연락장교", "liaison officer"),
]
INDEX = TermIndex(ENTRIES)


def found(text: str, language: Language) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.entry.id) for h in INDEX.find(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ministry of National Defense said", [("Ministry of National Defense", "mnd")]),
        ("the ministry of national defense said", [("ministry of national defense", "mnd")]),
        ("The Ministry of Defense's view", [("Ministry of Defense's", "mnd")]),
        (
            "Korea-U.S. Space Cooperation Working Group",
            [("Korea-U.S. Space Cooperation Working Group", "한미 국방우주정책 실무협의회")],
        ),
        (
            "Korea–U.S. Space Cooperation Working Group",
            [("Korea–U.S. Space Cooperation Working Group", "한미 국방우주정책 실무협의회")],
        ),
        (
            "Korea U.S. Space Cooperation Working Group",
            [("Korea U.S. Space Cooperation Working Group", "한미 국방우주정책 실무협의회")],
        ),
        (
            "the Korea-U.S. Space Cooperation Working Group (SCWG) met",
            [("Korea-U.S. Space Cooperation Working Group (SCWG)", "한미 국방우주정책 실무협의회")],
        ),
        (
            "SCWGs and the SCWG’s agenda",
            [("SCWGs", "한미 국방우주정책 실무협의회"), ("SCWG’s", "한미 국방우주정책 실무협의회")],
        ),
        ("SCMX is not SCM", [("SCM", "한미 안보협의회의")]),
        ("scm in lower case is not the acronym", []),
        ("SCM-related talks", [("SCM", "한미 안보협의회의")]),
        (
            "agencies and an Agency's budget; the agencies' staff",
            [("agencies", "기관"), ("Agency's", "기관"), ("agencies'", "기관")],
        ),
        ("the Indo Pacific Region.", [("Indo Pacific Region", "인도·태평양 지역")]),
        ("the DoD and the MND", [("DoD", "미 국방부"), ("MND", "mnd")]),
        ("the dod", []),
        ("Ministry of Defenses", [("Ministry of Defenses", "mnd")]),
        ("Ministry of Defenseless", []),
        ("Ｍｉｎｉｓｔｒｙ of National Defense", [("Ｍｉｎｉｓｔｒｙ of National Defense", "mnd")]),
        ("", []),
    ],
)
def test_english(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, Language.EN) == expected


def test_a_forbidden_term_is_a_hit_that_says_so_and_points_at_the_preferred_one() -> None:
    (hit,) = INDEX.find("the Ministry of Defense", Language.EN)
    assert hit.forbidden and hit.term.text == "Ministry of Defense"
    assert hit.target(Language.KO) == Term("국방부", Language.KO)
    assert hit.target(Language.EN) == Term("Ministry of National Defense", Language.EN)
    (good,) = INDEX.find("the Ministry of National Defense", Language.EN)
    assert not good.forbidden


def test_korean_longest_match_wins_and_hits_do_not_overlap() -> None:
    text = "미 국방부와 국방부는 국방부우주정책과에서 우주정책을 다뤘다"
    assert [(text[h.start : h.end], h.particle) for h in INDEX.find(text, Language.KO)] == [
        ("미 국방부", "와"),
        ("국방부", "는"),
        ("국방부우주정책과", "에서"),
        ("우주정책", "을"),
    ]


def test_a_korean_term_inside_a_compound_of_known_terms() -> None:
    index = TermIndex([pair("한미", "ROK-U.S."), pair("국방부", "Ministry of National Defense")])
    text = "한미국방부 회의"  # 한미 followed by a known term: both are hits
    assert [text[h.start : h.end] for h in index.find(text, Language.KO)] == ["한미", "국방부"]
    assert index.find("한미국 방문", Language.KO) == []


def test_latin_acronyms_match_in_korean_text_when_the_korean_names_none() -> None:
    index = TermIndex([pair("미 국방부", "U.S. Department of Defense", en_acronym="DoD")])
    (hit,) = index.find("DoD는 발표했다", Language.KO)
    assert (hit.start, hit.end, hit.particle, hit.term.language) == (0, 3, "는", Language.EN)


def test_hostile_text_is_matched_as_text() -> None:
    text = "\x1b]0;국방부\x07국방부는\x00 Ministry\u202eof Defense"
    hits = INDEX.find(text, Language.KO)
    assert [text[h.start : h.end] for h in hits] == ["국방부", "국방부"]
    assert INDEX.find(text, Language.EN) == []


def test_the_higher_entry_wins_a_shared_form() -> None:
    first = Entry("mine", [Term("국방부", Language.KO), Term("MND (Korea)", Language.EN)], termbase="personal")
    second = Entry("shipped", [Term("국방부", Language.KO), Term("Ministry of National Defense", Language.EN)])
    (hit,) = TermIndex([first, second]).find("국방부는", Language.KO)
    assert hit.entry is first


def _synthetic_entries(count: int) -> list[Entry]:
    syllables = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초"
    entries = []
    for n in range(count):
        size = len(syllables)
        a, b, c = syllables[n % size], syllables[(n // size) % size], syllables[(n // size**2) % size]
        entries.append(pair(f"{a}{b}{c}위원회", f"Committee {n} of the {a}{b} Working Group", entry_id=f"e{n}"))
    return [*ENTRIES, *entries]


def test_ten_thousand_entries_on_a_thousand_word_text_is_fast_enough() -> None:
    """The budget: < 5 ms for a 50-word item against 10,000 entries (measured in bench/terms_bench.py too)."""
    index = TermIndex(_synthetic_entries(10_000))
    korean = (
        "제23차 한미 국방우주정책 실무협의회(SCWG)가 국방부에서 열렸으며, 양측은 우주정책과 연락장교 교류를 논의했다. "
        * 6
    )
    english = (
        "The Korea-U.S. Space Cooperation Working Group (SCWG) met at the Ministry of National Defense to discuss space policy. "
        * 5
    )
    assert len(korean.split()) + len(english.split()) >= 100
    assert [h.particle for h in index.find(korean, Language.KO)][:4] == ["가", "에서", "과", ""]
    for text, language in ((korean, Language.KO), (english, Language.EN)):
        start = time.perf_counter()
        for _ in range(10):
            index.find(text, language)
        per_call = (time.perf_counter() - start) / 10
        assert per_call < 0.02, per_call  # ~50 words each: generous against a slow test machine


def test_hits_are_hashable_values() -> None:
    hits = INDEX.find("국방부는", Language.KO)
    assert isinstance(hits[0], Hit) and len({*hits}) == 1


_PLAIN = "가나다라한국미국 \t\n\x1c\u3000-`'ABCabc.,()"  # the fast paths take these …
_OTHER = "–’·ㆍ１é"  # … and leave texts with these to the slow ones


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_PLAIN, max_size=40) | st.text(alphabet=_PLAIN + _OTHER, max_size=40), st.booleans())
def test_the_fast_ways_of_normalising_give_what_going_character_by_character_gives(text: str, fold: bool) -> None:
    assert normalise_korean(text) == matching._korean_by_character(text)
    assert normalise_english(text, fold_case=fold) == matching._english_by_character(text, fold)
